import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, defaultServerConfig, type GatewayServer } from '@thinkbackcode/server';
import { type Simulator, startOpenAISimulator } from '@thinkbackcode/testing';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsole, type ConsoleBuild } from '../test/build-console.js';
import { type ConsoleServer, serveConsoleWithGateway } from '../test/console-server.js';
import { WEB_CONSOLE_FILES } from './node/assets.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.warn(`Skipping the console browser test: ${chromiumPath} is missing.`);

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

// Screenshots of every view are taken on each run and deleted; set this to keep them for a look.
const keptScreenshots = process.env.THINKBACKCODE_CONSOLE_SCREENSHOTS || undefined;

const ADMIN_TOKEN = 'admin-CANARY-7d41c0e9b2a84f6e';
const PROVIDER_KEY = 'sk-provider-CANARY-93be1f04d6a2c7e5';
const SCRIPTED_TEXT = 'Streaming works: every piece of this sentence arrived on its own.';
const SCRIPTED_USAGE = { inputTokens: 12, outputTokens: 9 };

describe.skipIf(!hasChromium)('the web console in Chromium against a real gateway', () => {
  let simulator: Simulator;
  let build: ConsoleBuild;
  let dataDirectory: string;
  let gateway: GatewayServer;
  let server: ConsoleServer;
  let userDataDirectory: string;
  let browser: BrowserContext;
  let page: Page;
  let screenshots: string;
  const consoleMessages: string[] = [];
  const pageErrors: string[] = [];

  /** Every place the page keeps or shows text. */
  function pageSurfaces() {
    return page.evaluate(() => ({
      text: document.body.textContent,
      html: document.documentElement.outerHTML,
      values: [...document.querySelectorAll('input, textarea, select')]
        .map((control) => (control as HTMLInputElement).value)
        .join('\n'),
      localStorage: JSON.stringify({ ...localStorage }),
      localStorageLength: localStorage.length,
    }));
  }

  /** Fails when a secret is anywhere the page keeps or shows text, or in a console message. */
  async function expectNoSecretsInPage(secrets: readonly string[]) {
    const surfaces = await pageSurfaces();
    for (const secret of secrets) {
      expect(surfaces.text).not.toContain(secret);
      expect(surfaces.html).not.toContain(secret);
      expect(surfaces.values).not.toContain(secret);
      expect(surfaces.localStorage).not.toContain(secret);
      expect(consoleMessages.join('\n')).not.toContain(secret);
    }
    expect(surfaces.localStorageLength).toBe(0);
  }

  async function screenshot(name: string) {
    if (keptScreenshots) await mkdir(keptScreenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  }

  async function openView(title: string) {
    await page
      .getByRole('navigation', { name: 'Console' })
      .getByRole('link', { name: title })
      .click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  beforeAll(async () => {
    simulator = await startOpenAISimulator({
      apiKey: PROVIDER_KEY,
      reasoningField: 'reasoning_content',
      defaultTurn: { text: 'unused' },
    });
    build = await buildConsole();
    dataDirectory = await mkdtemp(join(tmpdir(), 'tbc-web-data-'));
    screenshots = keptScreenshots ?? (await mkdtemp(join(tmpdir(), 'tbc-web-screenshots-')));
    gateway = await createServer({
      config: {
        ...defaultServerConfig(),
        dataDir: dataDirectory,
        adminToken: ADMIN_TOKEN,
        logRequests: false,
        port: 0,
      },
    });
    server = await serveConsoleWithGateway(gateway, {
      publicDirectory: WEB_CONSOLE_FILES.publicDirectory,
      appDirectory: build.directory,
    });
    userDataDirectory = await mkdtemp(join(tmpdir(), 'tbc-web-chromium-'));
    browser = await chromium.launchPersistentContext(userDataDirectory, {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
      viewport: { width: 1280, height: 800 },
    });
    page = await browser.newPage();
    page.on('console', (message) => consoleMessages.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => void dialog.accept());
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await gateway?.close();
    await simulator?.close();
    await build?.remove();
    const temporary = [dataDirectory, userDataDirectory, keptScreenshots ? undefined : screenshots];
    for (const directory of temporary) {
      if (directory !== undefined) await rm(directory, { recursive: true, force: true });
    }
  });

  it('signs in, configures a provider, makes a key, streams a chat, shows usage, signs out', async () => {
    await page.goto(`${server.origin}/`);
    await page.getByRole('heading', { name: 'Sign in to the gateway' }).waitFor();
    await screenshot('1-sign-in');

    // A wrong token is refused and not kept.
    await page.getByLabel('Admin token').fill('not-the-admin-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The gateway refused this token.').waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);

    await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Providers' }).waitFor();
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([
      'thinkbackcode.adminToken',
    ]);
    await expectNoSecretsInPage([ADMIN_TOKEN]);

    // Add an OpenAI provider pointing at the simulator; test it before saving.
    await page.getByRole('button', { name: 'Add provider' }).click();
    await expect(page.getByLabel('Kind', { exact: true }).inputValue()).resolves.toBe('openai');
    await page.getByLabel('Id', { exact: true }).fill('sim');
    await page.getByLabel('API key', { exact: true }).fill(PROVIDER_KEY);
    await page.getByLabel('Base URL', { exact: true }).fill(simulator.baseUrl);
    await page.getByLabel('Default model', { exact: true }).fill('gpt-4.1-mini');
    await page.getByRole('button', { name: 'Test connection', exact: true }).click();
    await page.getByText('Connection works: the vendor accepted the key.').waitFor();
    await page.getByRole('button', { name: 'Save provider' }).click();
    await page.getByText('Saved sim.').waitFor();
    const row = page.getByRole('row', { name: /sim/ });
    await expect(row.getByRole('cell').allInnerTexts()).resolves.toEqual([
      'sim',
      'openai',
      simulator.baseUrl,
      `…${PROVIDER_KEY.slice(-4)}`,
      'gpt-4.1-mini',
      'Edit\nTest\nDelete',
    ]);
    await expectNoSecretsInPage([ADMIN_TOKEN, PROVIDER_KEY]);
    // The stored config (not the form) passes the connection test too.
    await row.getByRole('button', { name: 'Test connection of sim' }).click();
    await page.getByText('sim: connection works.').waitFor();
    await screenshot('2-providers');

    // Editing without typing a key keeps the stored one.
    await row.getByRole('button', { name: 'Edit sim' }).click();
    await page.getByText(`A key ending ${PROVIDER_KEY.slice(-4)} is stored.`).waitFor();
    await expect(page.getByLabel('API key', { exact: true }).inputValue()).resolves.toBe('');
    await page.getByLabel('Default model', { exact: true }).fill('gpt-4.1-nano');
    await screenshot('2b-provider-form');
    await page.getByRole('button', { name: 'Test connection', exact: true }).click();
    await page.getByText('Connection works: the vendor accepted the key.').waitFor();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved sim.').waitFor();
    await expect(row.getByRole('cell').nth(3).textContent()).resolves.toBe(
      `…${PROVIDER_KEY.slice(-4)}`,
    );
    await expect(row.getByRole('cell').nth(4).textContent()).resolves.toBe('gpt-4.1-nano');

    // A gateway key is shown once, then only its hint.
    await openView('Gateway keys');
    await page.getByLabel('Name', { exact: true }).fill('playground');
    await page.getByRole('button', { name: 'Create key' }).click();
    const keyOutput = page.getByLabel('New gateway key playground');
    const gatewayKey = await keyOutput.inputValue();
    expect(gatewayKey).toMatch(/^tbc_[A-Za-z0-9_-]{20,}$/);
    await page.getByText('You will not see it again').waitFor();
    // Control: while it is shown, the secret scan does see the key.
    expect((await pageSurfaces()).values).toContain(gatewayKey);
    await screenshot('3-gateway-key-once');
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await expect(keyOutput.count()).resolves.toBe(0);
    await page
      .getByRole('row', { name: /playground/ })
      .getByText('active')
      .waitFor();
    await expectNoSecretsInPage([ADMIN_TOKEN, PROVIDER_KEY, gatewayKey]);
    await screenshot('4-gateway-keys');

    // The playground streams the simulator's scripted answer piece by piece.
    simulator.enqueue({
      text: SCRIPTED_TEXT,
      reasoning: 'The user wants a sentence about streaming.',
      toolCalls: [{ id: 'call_weather', name: 'get_weather', arguments: { city: 'Paris' } }],
      usage: SCRIPTED_USAGE,
      chunkSize: 4,
      chunkDelayMs: 25,
    });
    await openView('Playground');
    await page.getByLabel('Gateway key', { exact: true }).fill(gatewayKey);
    await page.getByRole('button', { name: 'Load models' }).click();
    await page.getByText(/\d+ models available\./).waitFor();
    await page.getByLabel('Model', { exact: true }).selectOption('sim/gpt-4.1-mini');
    await page.getByLabel('Prompt', { exact: true }).fill('Say something about streaming.');
    await page.getByRole('button', { name: 'Send' }).click();
    const answer = page.locator('.answer-text');
    // Part of the text is on the page before the rest has arrived.
    const partial = await page.waitForFunction(
      (full) => {
        const text = document.querySelector('.answer-text')?.textContent ?? '';
        return text.length > 0 && text.length < full.length && full.startsWith(text) ? text : false;
      },
      SCRIPTED_TEXT,
      { polling: 'raf' },
    );
    expect(((await partial.jsonValue()) as string).length).toBeLessThan(SCRIPTED_TEXT.length);
    await page.getByText('Done.').waitFor();
    await expect(answer.textContent()).resolves.toBe(SCRIPTED_TEXT);
    await page.getByText('Finished: tool_calls · 12 prompt + 9 completion = 21 tokens').waitFor();
    await expect(page.locator('.reasoning-text').textContent()).resolves.toBe(
      'The user wants a sentence about streaming.',
    );
    await expect(
      page.getByRole('region', { name: 'Tool calls' }).getByRole('listitem').allTextContents(),
    ).resolves.toEqual(['get_weather{"city":"Paris"}']);
    expect(simulator.requests.at(-1)?.headers.authorization).toBe(`Bearer ${PROVIDER_KEY}`);
    await screenshot('5-playground');

    // The usage view counts that one request with the simulator's token counts.
    await openView('Usage');
    const totals = page.getByRole('region', { name: 'Totals' });
    await totals.waitFor();
    const statValue = (label: string) =>
      totals
        .locator('.stat', { has: page.getByText(label, { exact: true }) })
        .locator('.stat-value');
    await expect(statValue('Requests').textContent()).resolves.toBe('1');
    await expect(statValue('Prompt tokens').textContent()).resolves.toBe('12');
    await expect(statValue('Completion tokens').textContent()).resolves.toBe('9');
    await expect(statValue('Total tokens').textContent()).resolves.toBe('21');
    const costRow = page.getByRole('table', { name: 'Cost by model' }).getByRole('row', {
      name: /sim\/gpt-4\.1-mini/,
    });
    await expect(costRow.getByRole('cell').nth(1).textContent()).resolves.toBe('1');
    const latencyRow = page
      .getByRole('table', { name: 'Latency percentiles and error rates by provider' })
      .getByRole('row', { name: /^sim/ });
    await expect(latencyRow.getByRole('cell').nth(6).textContent()).resolves.toBe('0.0%');
    await expect(page.getByText(/^Method: month-to-date cost plus/).count()).resolves.toBe(1);
    await expect(page.locator('svg.bar-chart rect.bar').count()).resolves.toBe(2);
    await screenshot('6-usage');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot('6b-usage-narrow');
    // On a phone the page itself does not scroll sideways (wide tables scroll inside their box).
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).resolves.toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });

    // Stop aborts a slow stream; the gateway sees the client go.
    simulator.enqueue({ text: 'x'.repeat(400), chunkSize: 1, chunkDelayMs: 20 });
    await openView('Playground');
    await expect(page.getByLabel('Gateway key', { exact: true }).inputValue()).resolves.toBe(
      gatewayKey,
    );
    await page.getByRole('button', { name: 'Load models' }).click();
    await page.getByText(/\d+ models available\./).waitFor();
    await page.getByLabel('Model', { exact: true }).selectOption('sim/gpt-4.1-mini');
    await page.getByLabel('Prompt', { exact: true }).fill('Talk for a long time.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.waitForFunction(
      () => (document.querySelector('.answer-text')?.textContent ?? '').length > 3,
    );
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByText('Stopped.').waitFor();
    const stoppedAt = (await answer.textContent())?.length ?? 0;
    expect(stoppedAt).toBeLessThan(400);
    await expect.poll(() => simulator.requests.at(-1)?.aborted, { timeout: 5_000 }).toBe(true);

    // Revoking leaves the key listed as revoked; /v1 then refuses it.
    await openView('Gateway keys');
    await page.getByRole('button', { name: 'Revoke playground' }).click();
    await page
      .getByRole('row', { name: /playground/ })
      .getByText('revoked')
      .waitFor();
    await openView('Playground');
    await page.getByRole('button', { name: 'Load models' }).click();
    await page.getByText('Could not list models: A valid gateway key is required').waitFor();

    // Sign out forgets the token and the in-memory gateway key.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the gateway' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await expectNoSecretsInPage([ADMIN_TOKEN, PROVIDER_KEY, gatewayKey]);
    await page.goto(`${server.origin}/#/playground`);
    await page.getByRole('heading', { name: 'Sign in to the gateway' }).waitFor();

    expect(pageErrors).toEqual([]);
    expect(consoleMessages.filter((message) => /Content Security Policy/i.test(message))).toEqual(
      [],
    );
  }, 30_000);
});
