import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadServerConfig } from './load-config.js';

const directories: string[] = [];
function dataDir(): string {
  const directory = mkdtempSync(join(tmpdir(), 'tbc-config-'));
  directories.push(directory);
  return directory;
}
afterEach(() => {
  for (const directory of directories.splice(0))
    rmSync(directory, { recursive: true, force: true });
});

describe('loadServerConfig', () => {
  it('uses the defaults without a file or variables', () => {
    const config = loadServerConfig({ THINKBACKCODE_DATA_DIR: dataDir() });
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(8787);
    expect(config.upstreams.openai).toBe('https://api.openai.com');
    expect(config.allowedOrigins).toEqual([]);
  });

  it('reads config.json from the data dir and lets the environment override it', () => {
    const directory = dataDir();
    writeFileSync(
      join(directory, 'config.json'),
      JSON.stringify({
        port: 9000,
        allowedOrigins: ['https://file.example'],
        upstreams: { anthropic: 'http://127.0.0.1:4000/' },
        rateLimit: { requestsPerMinute: 5 },
      }),
    );
    const config = loadServerConfig({
      THINKBACKCODE_DATA_DIR: directory,
      PORT: '9100',
      THINKBACKCODE_ALLOWED_ORIGINS: 'https://a.example, *.b.example',
      THINKBACKCODE_OPENAI_URL: 'http://127.0.0.1:5000',
    });
    expect(config.dataDir).toBe(directory);
    expect(config.port).toBe(9100);
    expect(config.allowedOrigins).toEqual(['https://a.example', '*.b.example']);
    expect(config.upstreams).toMatchObject({
      openai: 'http://127.0.0.1:5000',
      anthropic: 'http://127.0.0.1:4000',
      google: 'https://generativelanguage.googleapis.com',
    });
    expect(config.rateLimit.requestsPerMinute).toBe(5);
  });

  it('rejects malformed values with the setting named', () => {
    expect(() => loadServerConfig({ THINKBACKCODE_DATA_DIR: dataDir(), PORT: 'abc' })).toThrow(
      /PORT/,
    );
    expect(() =>
      loadServerConfig({ THINKBACKCODE_DATA_DIR: dataDir(), THINKBACKCODE_GOOGLE_URL: 'ftp://x' }),
    ).toThrow(/THINKBACKCODE_GOOGLE_URL/);
    const directory = dataDir();
    writeFileSync(join(directory, 'config.json'), '{"port": "high"}');
    expect(() => loadServerConfig({ THINKBACKCODE_DATA_DIR: directory })).toThrow(/port/);
  });
});
