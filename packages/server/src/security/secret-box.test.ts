import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decryptWithPassword,
  parseEnvelopeJson,
  resolveKdfPolicy,
  VaultError,
} from '@thinkbackcode/vault';
import { afterEach, describe, expect, it } from 'vitest';
import { type ConfigStorage, createSqliteConfigStorage } from '../storage/config-storage.js';
import { openDatabase, type SqliteDatabase } from '../storage/database.js';
import {
  createEnvelopeSecretBox,
  loadServerSecret,
  providerKeyAad,
  SERVER_KEY_FILE,
} from './secret-box.js';

const secret = 'c2VydmVyLXNlY3JldC1mb3ItdGVzdHMtMDEyMzQ1Njc4OWFi';
const openaiKey = 'sk-proj-planted-openai-key-0123456789abcdef';
const anthropicKey = 'sk-ant-planted-anthropic-key-0123456789abcdef';

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) {
    rmSync(directory, { recursive: true, force: true });
  }
});
function temporaryDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'tbc-secret-'));
  directories.push(directory);
  return directory;
}

interface ProviderRow {
  id: string;
  config: string;
  sealed_key: string;
  key_hint: string;
}

/** A storage with two stored keys, and a way to read and tamper with its raw rows. */
async function storageWithTwoKeys(): Promise<{
  database: SqliteDatabase;
  storage: ConfigStorage;
  rows: () => ProviderRow[];
  setSealed: (id: string, sealed: string) => void;
}> {
  const database = openDatabase(':memory:');
  const storage = createSqliteConfigStorage(database, createEnvelopeSecretBox(secret));
  await Promise.all([
    storage.saveProviderConfig({ provider: 'openai', apiKey: openaiKey }),
    storage.saveProviderConfig({ provider: 'anthropic', apiKey: anthropicKey }),
  ]);
  return {
    database,
    storage,
    rows: () => database.prepare('SELECT * FROM providers ORDER BY id').all() as ProviderRow[],
    setSealed: (id, sealed) => {
      database.prepare('UPDATE providers SET sealed_key = ? WHERE id = ?').run(sealed, id);
    },
  };
}

describe('server-held keys at rest', () => {
  it('stores rows holding neither the key nor its base64 or hex', async () => {
    const { database, rows } = await storageWithTwoKeys();
    const stored = JSON.stringify(rows());
    for (const key of [openaiKey, anthropicKey]) {
      for (const spelling of [
        key,
        Buffer.from(key).toString('base64'),
        Buffer.from(key).toString('base64url'),
        Buffer.from(key).toString('hex'),
        key.slice(0, 20),
      ]) {
        expect(stored).not.toContain(spelling);
      }
    }
    database.close();
  });

  it('stores vault v1 envelopes that the vault decrypts with the server secret and the provider AAD', async () => {
    const { database, rows } = await storageWithTwoKeys();
    const [anthropic, openai] = rows();
    if (!anthropic || !openai) throw new Error('rows missing');
    const raw = JSON.parse(openai.sealed_key) as Record<string, unknown>;
    expect(Object.keys(raw).sort()).toEqual(['aad', 'cipher', 'data', 'kdf', 'v']);
    const envelope = parseEnvelopeJson(openai.sealed_key);
    expect(envelope.v).toBe(1);
    expect(envelope.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 });
    expect(envelope.cipher.name).toBe('AES-GCM');
    expect(Buffer.from(envelope.aad ?? '', 'base64').toString('utf8')).toBe(
      providerKeyAad('openai'),
    );
    // One salt per envelope: the two rows share no derived key.
    expect(parseEnvelopeJson(anthropic.sealed_key).kdf.salt).not.toBe(envelope.kdf.salt);
    const policy = resolveKdfPolicy();
    expect(await decryptWithPassword(envelope, secret, policy, providerKeyAad('openai'))).toBe(
      openaiKey,
    );
    await expect(
      decryptWithPassword(envelope, `${secret}x`, policy, providerKeyAad('openai')),
    ).rejects.toSatisfy((error) => VaultError.hasCode(error, 'wrong_password'));
    database.close();
  });

  it('opens its own rows, and refuses a flipped byte and keys swapped between providers', async () => {
    const { database, storage, rows, setSealed } = await storageWithTwoKeys();
    expect((await storage.loadProviderConfig('openai'))?.apiKey).toBe(openaiKey);
    expect((await storage.loadProviderConfig('anthropic'))?.apiKey).toBe(anthropicKey);

    const [anthropic, openai] = rows();
    if (!anthropic || !openai) throw new Error('rows missing');
    const envelope = parseEnvelopeJson(openai.sealed_key);
    const data = Buffer.from(envelope.data, 'base64');
    data[3] = (data[3] ?? 0) ^ 0x01;
    setSealed('openai', JSON.stringify({ ...envelope, data: data.toString('base64') }));
    await expect(storage.loadProviderConfig('openai')).rejects.toSatisfy((error) =>
      VaultError.hasCode(error, 'integrity'),
    );

    setSealed('openai', anthropic.sealed_key);
    setSealed('anthropic', openai.sealed_key);
    await expect(storage.loadProviderConfig('openai')).rejects.toSatisfy((error) =>
      VaultError.hasCode(error, 'integrity'),
    );
    await expect(storage.loadProviderConfig('anthropic')).rejects.toSatisfy((error) =>
      VaultError.hasCode(error, 'integrity'),
    );
    database.close();
  });

  it('opens an envelope again without another key derivation', async () => {
    const box = createEnvelopeSecretBox(secret);
    const sealed = await box.seal(openaiKey, 'openai');
    const started = performance.now();
    for (let round = 0; round < 20; round += 1) {
      expect(await box.open(sealed, 'openai')).toBe(openaiKey);
    }
    // Twenty 600k-iteration derivations would take seconds; cached keys take microseconds.
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('loadServerSecret', () => {
  it('creates 32 random bytes in a 0600 file once, then reads the same secret', () => {
    const directory = temporaryDirectory();
    const first = loadServerSecret(directory);
    const path = join(directory, SERVER_KEY_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(Buffer.from(first, 'base64').byteLength).toBe(32);
    expect(readFileSync(path, 'utf8').trim()).toBe(first);
    expect(loadServerSecret(directory)).toBe(first);
    expect(loadServerSecret(temporaryDirectory())).not.toBe(first);
  });

  it('prefers THINKBACKCODE_SECRET and refuses a damaged key file', () => {
    const directory = temporaryDirectory();
    expect(loadServerSecret(directory, 'from-the-environment')).toBe('from-the-environment');
    writeFileSync(join(directory, SERVER_KEY_FILE), 'too-short\n');
    expect(() => loadServerSecret(directory)).toThrow(/32-byte/);
  });
});
