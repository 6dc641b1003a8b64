// Runs every benchmark in sequence on the built packages: `npm run build && npm run bench`.
// Each script prints its own markdown table; see the README's Benchmarks section for figures.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'packages/core/dist/index.js'))) {
  console.error('Build first: npm run build');
  process.exit(1);
}
const extra = process.argv.slice(2);
let failed = false;
for (const script of ['core-stream.bench.mjs', 'vault.bench.mjs', 'gateway.bench.mjs']) {
  console.log(`\n## ${script}\n`);
  const result = spawnSync(process.execPath, [join(root, 'bench', script), ...extra], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
