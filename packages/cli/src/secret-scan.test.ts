import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSecret, temporaryDataDir } from './__fixtures__/cli-harness.js';

// The control for every "no secret anywhere" assertion of the CLI tests: the scan must find a
// secret in each form it claims to look for.
describe('findSecret (test harness)', () => {
  const secret = 'sk-proj-SCANCONTROL-0a1b2c3d4e5f';
  let data: Awaited<ReturnType<typeof temporaryDataDir>>;
  beforeAll(async () => {
    data = await temporaryDataDir();
  });
  afterAll(async () => {
    await data.remove();
  });

  it('finds a secret in output text', async () => {
    expect(await findSecret(secret, ['nothing', `key=${secret};`])).toEqual(['output #1']);
    expect(await findSecret(secret, ['nothing', 'sk-proj-SCANCONTROL'])).toEqual([]);
  });

  it.each([0, 1, 2])('finds it base64-encoded inside a file at byte offset %i', async (offset) => {
    const path = join(data.dir, `file-${offset}.bin`);
    const wrapped = Buffer.concat([
      Buffer.from('x'.repeat(offset)),
      Buffer.from(secret),
      Buffer.from('tail'),
    ]);
    await writeFile(path, `{"data":"${wrapped.toString('base64')}"}`);
    expect(await findSecret(secret, [], data.dir)).toContain(path);
  });

  it('finds it in clear and as UTF-16 inside binary files', async () => {
    const path = join(data.dir, 'database.sqlite');
    await writeFile(
      path,
      Buffer.concat([Buffer.alloc(64), Buffer.from(secret, 'utf16le'), Buffer.alloc(8)]),
    );
    expect(await findSecret(secret, [], data.dir)).toContain(path);
  });
});
