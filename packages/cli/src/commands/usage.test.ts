import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Simulator, startOpenAISimulator } from '@thinkbackcode/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BIN,
  buildCli,
  findSecret,
  ROOT,
  runCli,
  temporaryDataDir,
} from '../__fixtures__/cli-harness.js';

const VENDOR_KEY = 'sk-proj-CLIUSAGE-vendor-2d4f6a8c0e';

/** Starts `thinkbackcode serve --port 0` and resolves with its URL once it says where it listens. */
function startServe(
  environment: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (text: string) => {
      output += text;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, url: match[1] as string, output: () => output });
    };
    child.stdout?.setEncoding('utf8').on('data', onData);
    child.stderr?.setEncoding('utf8').on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
}

describe('thinkbackcode serve and usage (real binary)', () => {
  let data: Awaited<ReturnType<typeof temporaryDataDir>>;
  let openai: Simulator;
  const outputs: string[] = [];
  const run = async (args: string[]) => {
    const result = await runCli(args, { env: { THINKBACKCODE_DATA_DIR: data.dataDir } });
    outputs.push(result.stdout, result.stderr);
    return result;
  };

  beforeAll(async () => {
    await buildCli();
    data = await temporaryDataDir();
    openai = await startOpenAISimulator({ apiKey: VENDOR_KEY });
  });
  afterAll(async () => {
    await Promise.all([openai?.close(), data?.remove()]);
  });

  it('reports zero usage for a data directory without a database, and creates none', async () => {
    const result = await run(['usage', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).totals).toMatchObject({ requests: 0, cost: 0 });
    expect(existsSync(data.dataDir)).toBe(false);
  });

  it('serves, records usage through the proxy, and shuts down gracefully on SIGTERM', async () => {
    const serve = await startServe({
      THINKBACKCODE_DATA_DIR: data.dataDir,
      THINKBACKCODE_OPENAI_URL: openai.origin,
    });
    const exited = new Promise<number | null>((resolve) => serve.child.once('exit', resolve));
    openai.enqueue({ text: 'Proxied.', usage: { inputTokens: 1000, outputTokens: 500 } });
    const response = await fetch(`${serve.url}/api/proxy/openai/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${VENDOR_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'Hi' }] }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      choices: [{ message: { content: 'Proxied.' } }],
    });
    serve.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    outputs.push(serve.output());
  });

  it('reports totals, cost by provider and model, and the month-end projection as JSON', async () => {
    const result = await run(['usage', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      totals: { requests: number; promptTokens: number; completionTokens: number; cost: number };
      costs: {
        byProvider: Array<{ provider: string; requests: number; cost: number }>;
        byModel: Array<{ model: string }>;
      };
      projection: { month: string; monthToDateCost: number; projectedMonthEndCost: number };
    };
    // gpt-4.1-mini: $0.40 per million input tokens and $1.60 per million output tokens.
    const cost = (1000 * 0.4 + 500 * 1.6) / 1e6;
    expect(report.totals).toMatchObject({ requests: 1, promptTokens: 1000, completionTokens: 500 });
    expect(report.totals.cost).toBeCloseTo(cost, 10);
    expect(report.costs.byProvider).toEqual([
      expect.objectContaining({ provider: 'openai', requests: 1 }),
    ]);
    expect(report.costs.byModel.map((line) => line.model)).toEqual(['gpt-4.1-mini']);
    expect(report.projection.month).toBe(new Date().toISOString().slice(0, 7));
    expect(report.projection.monthToDateCost).toBeCloseTo(cost, 10);
    expect(report.projection.projectedMonthEndCost).toBeGreaterThanOrEqual(
      report.projection.monthToDateCost,
    );
  });

  it('prints tables a person can read, and honours --from/--to', async () => {
    const text = await run(['usage']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Requests\s+1 \(1 ok, 0 failed\)/);
    expect(text.stdout).toMatch(/openai\s+gpt-4\.1-mini\s+1\s+1,500\s+\$0\.0012/);
    expect(text.stdout).toContain('Projection for');
    const empty = await run(['usage', '--json', '--from', '2000-01-01', '--to', '2000-02-01']);
    expect(JSON.parse(empty.stdout).totals.requests).toBe(0);
  });

  it('rejects bad dates as a usage error (exit code 2)', async () => {
    expect((await run(['usage', '--from', 'yesterday-ish'])).code).toBe(2);
    expect((await run(['usage', '--from', '2026-02-01', '--to', '2026-01-01'])).code).toBe(2);
  });

  it('never prints the vendor key nor stores it in clear', async () => {
    expect(await findSecret(VENDOR_KEY, outputs, data.dataDir)).toEqual([]);
  });
});
