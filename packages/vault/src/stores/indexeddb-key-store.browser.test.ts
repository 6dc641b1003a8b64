import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVault, type VaultBuild } from '../../test/build-vault.js';
import { type StaticServer, serveDirectory } from '../../test/static-server.js';
import { CONFORMANCE_SCENARIOS, type ConformanceResult } from '../testing/vault-conformance.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) {
  console.warn(`Skipping the IndexedDB browser test: ${chromiumPath} is not installed.`);
}

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// The page loads the built modules itself (functions given to page.evaluate are transformed by
// Vite, which rewrites dynamic imports) and exposes them to the test.
const page = `<!doctype html><meta charset="utf-8"><title>vault test</title>
<script type="module">
  import * as vault from '/index.js';
  import * as testing from '/testing/index.js';
  window.vaultModules = { vault, testing };
</script>`;

/** What the page exposes (typed loosely: it is the built JavaScript). */
interface PageModules {
  // biome-ignore lint/suspicious/noExplicitAny: the page's modules are untyped built JavaScript
  vault: any;
  // biome-ignore lint/suspicious/noExplicitAny: the page's modules are untyped built JavaScript
  testing: any;
}

declare global {
  interface Window {
    vaultModules?: PageModules;
  }
}

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe.skipIf(!hasChromium)('KeyVault over IndexedDBKeyStore in Chromium', () => {
  let build: VaultBuild;
  let server: StaticServer;
  let userDataDirectory: string;
  let context: BrowserContext;
  let browserPage: Page;
  const pageErrors: string[] = [];
  let results: ConformanceResult[] = [];

  beforeAll(async () => {
    build = await buildVault();
    server = await serveDirectory(build.directory, page);
    userDataDirectory = await mkdtemp(join(tmpdir(), 'tbc-vault-chromium-'));
    context = await chromium.launchPersistentContext(userDataDirectory, {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
    });
    browserPage = await context.newPage();
    browserPage.on('pageerror', (error) => pageErrors.push(error.message));
    await browserPage.goto(`${server.origin}/index.html`);
    await browserPage.waitForFunction(() => window.vaultModules !== undefined);
    results = await browserPage.evaluate(async () => {
      const { vault, testing } = window.vaultModules!;
      return testing.runVaultConformance({
        createStore: (name: string) => new vault.IndexedDBKeyStore({ databaseName: name }),
        vaultOptions: { unsafeTestIterations: 1000 },
      }) as Promise<ConformanceResult[]>;
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await build?.remove();
    if (userDataDirectory !== undefined) {
      await rm(userDataDirectory, { recursive: true, force: true });
    }
  });

  it.each(CONFORMANCE_SCENARIOS)('%s', (name) => {
    expect(results.find((result) => result.name === name)).toEqual({ name, passed: true });
  });

  it('uses the browser WebCrypto and IndexedDB (no page errors)', async () => {
    const environment = await browserPage.evaluate(() => ({
      subtle: typeof crypto.subtle?.deriveKey,
      indexedDB: typeof indexedDB?.open,
    }));
    expect(environment).toEqual({ subtle: 'function', indexedDB: 'function' });
    expect(pageErrors).toEqual([]);
  });

  it("keeps no key, in any form, in IndexedDB records or in Chromium's files on disk", async () => {
    const key = 'sk-ant-browserCANARY0123456789abcdefXYZ';
    const control = 'plain-control-marker-7f3a9c1e5b';
    const records = await browserPage.evaluate(
      async ({ key, control }) => {
        const { vault, testing } = window.vaultModules!;
        const store = new vault.IndexedDBKeyStore({ databaseName: 'raw-scan' });
        const keyVault = new vault.KeyVault({ store, unsafeTestIterations: 1000 });
        await keyVault.unlock('browser-scan-password');
        await keyVault.store('anthropic', key);
        await keyVault.rotate('anthropic', `${key}-rotated`);
        await keyVault.retrieve('anthropic');
        await keyVault.lock();
        const text: string = await testing.recordsText(store);
        await store.close();
        // A control record in plain text proves the disk scan below can see stored strings.
        const controlStore = new vault.IndexedDBKeyStore({ databaseName: 'raw-scan-control' });
        await controlStore.write({ put: { control } });
        await controlStore.close();
        return { text, leak: testing.findLeak(text, [key, 'browser-scan-password']) as number };
      },
      { key, control },
    );
    expect(records.text).toContain('entry/');
    expect(records.leak).toBe(-1);

    await context.close();
    const files = await filesUnder(join(userDataDirectory, 'Default', 'IndexedDB'));
    expect(files.length).toBeGreaterThan(0);
    const forms = (text: string) => [
      Buffer.from(text, 'latin1'),
      Buffer.from(text, 'utf16le'),
      Buffer.from(Buffer.from(text).toString('base64')),
      Buffer.from(Buffer.from(text).toString('hex')),
    ];
    let controlSeen = false;
    for (const file of files) {
      const bytes = await readFile(file);
      if (forms(control).some((form) => bytes.includes(form))) controlSeen = true;
      for (const form of [...forms(key), ...forms('browser-scan-password')]) {
        expect(bytes.includes(form), `secret found in ${file}`).toBe(false);
      }
    }
    expect(controlSeen).toBe(true);
  });
});
