import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from './start-server.js';

const directories: string[] = [];
function dataDir(): string {
  const directory = mkdtempSync(join(tmpdir(), 'tbc-server-'));
  directories.push(directory);
  return directory;
}
afterEach(() => {
  for (const directory of directories.splice(0))
    rmSync(directory, { recursive: true, force: true });
});

function environment(directory: string): Record<string, string> {
  return { THINKBACKCODE_DATA_DIR: directory, PORT: '0', THINKBACKCODE_LOG_REQUESTS: 'false' };
}

describe('startServer', () => {
  it('serves /healthz on a loopback port, with SQLite in WAL mode and a 0600 server key', async () => {
    const directory = dataDir();
    const announced: string[] = [];
    const running = await startServer({
      environment: environment(directory),
      announceAdminToken: (token) => announced.push(token),
    });
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${running.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    } finally {
      await running.close();
    }
    expect(statSync(join(directory, 'server.key')).mode & 0o777).toBe(0o600);
    const database = new Database(join(directory, 'thinkbackcode.db'), { readonly: true });
    expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
    const stored = database
      .prepare("SELECT value FROM settings WHERE key = 'admin_token_hash'")
      .get() as {
      value: string;
    };
    database.close();
    // The token was announced once and only its hash is stored.
    expect(announced).toHaveLength(1);
    expect(stored.value).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(directory, 'thinkbackcode.db')).includes(announced[0] as string)).toBe(
      false,
    );

    const again = await startServer({
      environment: environment(directory),
      announceAdminToken: (token) => announced.push(token),
    });
    await again.close();
    expect(announced).toHaveLength(1);
  });

  it('lets in-flight requests finish on shutdown and answers health 503 while draining', async () => {
    const running = await startServer({
      environment: environment(dataDir()),
      announceAdminToken: () => {},
    });
    running.gateway.app.get('/slow', async (c) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      return c.text('done');
    });
    const slow = fetch(`${running.url}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const closing = running.close();
    const drained = await running.gateway.app.request('/healthz');
    expect(drained.status).toBe(503);
    const response = await slow;
    expect(await response.text()).toBe('done');
    await closing;
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
  });
});
