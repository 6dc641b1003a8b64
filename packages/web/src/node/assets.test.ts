import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWebConsoleFile, WEB_CONSOLE_FILES, WEB_CONSOLE_HEADERS } from './assets.js';

describe('readWebConsoleFile', () => {
  let root: string;
  let directories: { publicDirectory: string; appDirectory: string };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'tbc-web-assets-'));
    directories = { publicDirectory: WEB_CONSOLE_FILES.publicDirectory, appDirectory: root };
    await writeFile(join(root, 'main.js'), 'export {};\n');
    await writeFile(join(root, 'main.d.ts'), 'export {};\n');
    await writeFile(join(root, '.secret.js'), 'hidden');
  });

  afterAll(() => rm(root, { recursive: true, force: true }));

  it('serves index.html at / and the public files with their content types', async () => {
    const index = await readWebConsoleFile('/', directories);
    expect(index?.contentType).toBe('text/html; charset=utf-8');
    const html = new TextDecoder().decode(index?.body);
    expect(html).toContain('<script type="module" src="main.js"></script>');
    // The page must run under `default-src 'self'`: no inline script, style or handler.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=/i);
    expect((await readWebConsoleFile('/styles.css', directories))?.contentType).toBe(
      'text/css; charset=utf-8',
    );
    expect((await readWebConsoleFile('/favicon.svg', directories))?.contentType).toBe(
      'image/svg+xml',
    );
  });

  it('serves compiled modules from the app folder', async () => {
    const main = await readWebConsoleFile('/main.js', directories);
    expect(main?.contentType).toBe('text/javascript; charset=utf-8');
    expect(new TextDecoder().decode(main?.body)).toBe('export {};\n');
  });

  it('refuses traversal, dot files, other extensions and missing files', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/%2e%2e/package.json',
      '/..%2f..%2fsrc/node/assets.ts',
      '/.secret.js',
      '/main.d.ts',
      '/missing.js',
      '/healthz',
      '/%E0%A4%A',
      '/main.js%00.css',
    ]) {
      expect(await readWebConsoleFile(path, directories), path).toBeUndefined();
    }
  });

  it('defaults to the package folders and sends a strict CSP', () => {
    expect(WEB_CONSOLE_FILES.publicDirectory).toMatch(/packages\/web\/public\/$/);
    expect(WEB_CONSOLE_FILES.appDirectory).toMatch(/packages\/web\/dist\/app\/$/);
    expect(WEB_CONSOLE_HEADERS['content-security-policy']).toContain("default-src 'self'");
    expect(WEB_CONSOLE_HEADERS['content-security-policy']).not.toContain('unsafe');
  });
});
