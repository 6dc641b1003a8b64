import { parseEnvelopeJson } from '@thinkbackcode/vault';
import { describe, expect, it } from 'vitest';
import { createEnvelopeSecretBox } from '../security/secret-box.js';
import { createSqliteConfigStorage } from './config-storage.js';
import { openDatabase } from './database.js';

const KEY = 'sk-proj-canary-provider-key-0123456789';
const HEADER_TOKEN = 'hdr-canary-token-abcdef0123456789';

function setup() {
  const database = openDatabase(':memory:');
  const secretBox = createEnvelopeSecretBox('server-secret-for-tests-0123456789abcdef', {
    unsafeTestIterations: 1000,
  });
  return { database, storage: createSqliteConfigStorage(database, secretBox) };
}

const rawRows = (database: ReturnType<typeof openDatabase>) =>
  JSON.stringify(database.prepare('SELECT * FROM providers').all());

describe('SQLite config storage', () => {
  it('seals the key and credential-looking headers; lists them masked; loads them whole', async () => {
    const { database, storage } = setup();
    await storage.saveProviderConfig({
      provider: 'custom',
      name: 'router',
      requestFormat: 'openai',
      baseUrl: 'https://router.example/v1',
      apiKey: KEY,
      headers: {
        'x-title': 'ThinkBackCode',
        'x-upstream-token': HEADER_TOKEN,
        'x-extra': `Bearer ${HEADER_TOKEN}`,
      },
    });
    const raw = rawRows(database);
    for (const secret of [KEY, HEADER_TOKEN]) {
      expect(raw).not.toContain(secret);
      expect(raw).not.toContain(Buffer.from(secret).toString('base64'));
    }
    expect(raw).toContain('ThinkBackCode');

    const [listed] = await storage.listProviderConfigs();
    expect(listed?.headers).toEqual({
      'x-title': 'ThinkBackCode',
      'x-upstream-token': '[REDACTED]',
      'x-extra': '[REDACTED]',
    });
    expect(JSON.stringify(listed)).not.toContain(HEADER_TOKEN);
    expect(listed).not.toHaveProperty('sealedHeaders');

    const loaded = await storage.loadProviderConfig('router');
    expect(loaded).toMatchObject({
      apiKey: KEY,
      headers: {
        'x-title': 'ThinkBackCode',
        'x-upstream-token': HEADER_TOKEN,
        'x-extra': `Bearer ${HEADER_TOKEN}`,
      },
    });
  });

  it('keeps sealed header values when an edited listing sends them back masked', async () => {
    const { storage } = setup();
    await storage.saveProviderConfig({
      provider: 'openai',
      apiKey: KEY,
      headers: { authorization: `Bearer ${HEADER_TOKEN}` },
    });
    const [listed] = await storage.listProviderConfigs();
    await storage.saveProviderConfig({
      ...listed!,
      baseUrl: 'https://proxy.example/v1',
      headers: { ...(listed!.headers as object), 'x-new': 'plain' },
    });
    const loaded = await storage.loadProviderConfig('openai');
    expect(loaded?.headers).toEqual({ authorization: `Bearer ${HEADER_TOKEN}`, 'x-new': 'plain' });
    expect(loaded?.baseUrl).toBe('https://proxy.example/v1');
    expect(loaded?.apiKey).toBe(KEY);
  });

  it('binds sealed headers to their provider id', async () => {
    const { database, storage } = setup();
    await storage.saveProviderConfig({
      provider: 'openai',
      id: 'a',
      headers: { 'api-key': HEADER_TOKEN },
    });
    await storage.saveProviderConfig({
      provider: 'openai',
      id: 'b',
      headers: { 'api-key': 'other-secret-value-0123' },
    });
    const rows = database.prepare('SELECT id, config FROM providers ORDER BY id').all() as Array<{
      id: string;
      config: string;
    }>;
    const [a, b] = rows.map((row) => JSON.parse(row.config) as { sealedHeaders: string });
    database
      .prepare('UPDATE providers SET config = ? WHERE id = ?')
      .run(JSON.stringify({ ...b, id: 'b', sealedHeaders: a!.sealedHeaders }), 'b');
    await expect(storage.loadProviderConfig('b')).rejects.toMatchObject({ code: 'integrity' });
    // The stored form is the vault's own envelope.
    const envelope = parseEnvelopeJson(a!.sealedHeaders);
    expect(envelope).toMatchObject({
      v: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256' },
      cipher: { name: 'AES-GCM' },
    });
  });
});
