// Vault performance at the production work factor (PBKDF2-SHA256, 600,000 iterations).
// Run after `npm run build`: node bench/vault.bench.mjs [--json]
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { KeyVault, MemoryKeyStore } from '@thinkbackcode/vault';
import { FileKeyStore } from '@thinkbackcode/vault/node';

const password = 'bench-password-correct-horse';

async function time(operation) {
  const start = performance.now();
  await operation();
  return performance.now() - start;
}

function percentile(sorted, fraction) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

function summary(samples) {
  const sorted = [...samples].sort((left, right) => left - right);
  return {
    medianMs: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    samples: sorted.length,
  };
}

async function benchStore(label, createStore) {
  const store = await createStore();
  const results = {};
  const creator = new KeyVault({ store });
  results.createVaultMs = await time(() => creator.unlock(password));
  results.storeOneKeyMs = await time(() =>
    creator.store('openai', 'sk-bench-0000000000000000000000'),
  );
  await creator.lock();

  const unlocks = [];
  for (let run = 0; run < 3; run += 1) {
    const vault = new KeyVault({ store });
    unlocks.push(await time(() => vault.unlock(password)));
    await vault.lock();
  }
  results.unlock = summary(unlocks);

  const vault = new KeyVault({ store });
  await vault.unlock(password);
  results.firstRetrieveMs = await time(() => vault.retrieve('openai'));
  const repeated = [];
  for (let run = 0; run < 2_000; run += 1) {
    repeated.push(await time(() => vault.retrieve('openai')));
  }
  results.repeatedRetrieve = summary(repeated.slice(100)); // after warm-up
  await vault.flush();

  const keys = Array.from({ length: 100 }, (_, index) => [
    `provider-${index}`,
    `sk-bench-${String(index).padStart(4, '0')}-000000000000000000`,
  ]);
  results.store100ConcurrentMs = await time(() =>
    Promise.all(keys.map(([provider, key]) => vault.store(provider, key))),
  );
  const lists = [];
  for (let run = 0; run < 200; run += 1) lists.push(await time(() => vault.list()));
  results.list101 = summary(lists);
  const cachedReads = [];
  for (const [provider] of keys) cachedReads.push(await time(() => vault.retrieve(provider)));
  results.retrieveEachOf100Cached = summary(cachedReads);
  await vault.lock();
  return { store: label, ...results };
}

export async function runVaultBench() {
  const directory = await mkdtemp(join(tmpdir(), 'tbc-vault-bench-'));
  try {
    return {
      node: process.version,
      cpus: availableParallelism(),
      iterations: 600_000,
      results: [
        await benchStore('memory', () => new MemoryKeyStore()),
        await benchStore('file', () => new FileKeyStore(join(directory, 'vault.json'))),
      ],
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

function format(value) {
  return typeof value === 'number' ? `${value.toFixed(value < 1 ? 3 : 1)} ms` : value;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await runVaultBench();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(`vault bench: ${report.node}, ${report.cpus} CPUs, PBKDF2 ${report.iterations}`);
    for (const result of report.results) {
      console.log(`\n[${result.store} store]`);
      for (const [name, value] of Object.entries(result)) {
        if (name === 'store') continue;
        const text =
          typeof value === 'object'
            ? `median ${format(value.medianMs)}, p99 ${format(value.p99Ms)} (${value.samples})`
            : format(value);
        console.log(`  ${name.padEnd(26)} ${text}`);
      }
    }
  }
}
