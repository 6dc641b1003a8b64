import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturePath } from '../__fixtures__/fakes.js';
import { MigrationError } from '../errors.js';
import { importKiloCodeConfigFile } from './import-file.js';
import { NodeMigrationService } from './node-migration-service.js';

const directory = mkdtempSync(join(tmpdir(), 'tbc-migration-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function failure(path: string, maxBytes?: number): Promise<MigrationError> {
  try {
    await importKiloCodeConfigFile(path, maxBytes === undefined ? {} : { maxBytes });
  } catch (error) {
    if (MigrationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a MigrationError');
}

describe('importKiloCodeConfigFile', () => {
  it('reads and imports a file', async () => {
    const result = await importKiloCodeConfigFile(
      fileURLToPath(fixturePath('kilo-cli-config.sample.json')),
    );
    expect(result.format).toBe('kilo-cli-config');
    expect(result.profiles).toHaveLength(3);
  });

  it('names a missing file, a directory, an oversized or non-UTF-8 file', async () => {
    const missing = join(directory, 'absent.json');
    expect(await failure(missing)).toMatchObject({
      code: 'file_unreadable',
      message: `No such file: ${missing}`,
    });
    expect((await failure(directory)).message).toBe(`${directory} is not a file`);
    const big = join(directory, 'big.json');
    writeFileSync(big, '{"providers":[]}');
    expect((await failure(big, 4)).message).toContain('larger than the 4-byte limit');
    const binary = join(directory, 'binary.json');
    writeFileSync(binary, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect((await failure(binary)).message).toBe(`${binary} is not UTF-8 text`);
  });

  it('is available on NodeMigrationService', async () => {
    const service = new NodeMigrationService();
    const result = await service.importKiloCodeConfigFile(
      fileURLToPath(fixturePath('kilo-code-settings.sample.json')),
    );
    expect(service.validateMigration(result).valid).toBe(true);
  });

  it('passes JSON errors through with their position', async () => {
    const broken = join(directory, 'broken.json');
    writeFileSync(broken, '{\n"providers": [}\n');
    const error = await failure(broken);
    expect(error.code).toBe('invalid_json');
    expect(error.position).toMatchObject({ line: 2, column: 15 });
  });
});
