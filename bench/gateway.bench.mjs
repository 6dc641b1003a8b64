// Gateway speed on loopback, against one Anthropic simulator (@thinkbackcode/testing):
//   bare   - a bare node:http + undici proxy written for this benchmark
//   pass   - the gateway's pass-through route /api/proxy/anthropic (origin check, rate limit, usage on)
//   v1     - the gateway's translated /v1/chat/completions (OpenAI request -> Anthropic upstream)
// Reports requests/s and p50/p99 latency at concurrency 1 and 32, streaming time to first byte and
// per-chunk overhead, and the gateway's RSS with 1,000 open streams. Needs `npm run build` first.
// Usage: node bench/gateway.bench.mjs [--seconds 3] [--rounds 3] [--only bare,pass,v1] [--no-streams]
//        [--profile <dir>]   (both proxies run with --cpu-prof: <dir>/bare.cpuprofile, gateway.cpuprofile)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAnthropicSimulator } from '@thinkbackcode/testing';
import { Agent, Pool, request } from 'undici';

const argument = (name) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
};
const seconds = Number(argument('--seconds')) || 3;
const only = argument('--only')?.split(',');
const profileDir = argument('--profile');
const openStreams = !process.argv.includes('--no-streams');
const roundCount = Number(argument('--rounds')) || 3;
const adminToken = 'bench-admin-token-0123456789';
const origin = 'https://bench.example';

const bareSource = `
import { createServer } from 'node:http';
import { Agent } from 'undici';
const upstream = process.env.UPSTREAM;
const agent = new Agent({ keepAliveTimeout: 30000 });
const server = createServer(async (incoming, outgoing) => {
  try {
    const chunks = [];
    for await (const chunk of incoming) chunks.push(chunk);
    const response = await agent.request({ origin: upstream, path: incoming.url, method: incoming.method,
      headers: { 'content-type': 'application/json', 'x-api-key': incoming.headers['x-api-key'] ?? '', 'anthropic-version': '2023-06-01' },
      body: chunks.length ? Buffer.concat(chunks) : null });
    outgoing.writeHead(response.statusCode, { 'content-type': response.headers['content-type'] ?? 'application/json' });
    response.body.pipe(outgoing);
  } catch { outgoing.destroy(); }
});
server.keepAliveTimeout = 30000;
process.on('SIGTERM', () => process.exit(0));
server.listen(0, '127.0.0.1', () => console.log('URL http://127.0.0.1:' + server.address().port));
`;

const gatewaySource = `
import { startServer } from '@thinkbackcode/server';
const running = await startServer({ environment: process.env, handleSignals: true, announceAdminToken: () => {} });
console.log('URL ' + running.url);
`;

const children = [];
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
process.on('uncaughtException', (error) => {
  console.error(error);
  process.exit(1);
});

function startChild(source, environment, nodeOptions = []) {
  const command = [process.execPath, ...nodeOptions, '--input-type=module', '-e', source];
  const child = spawn(command[0], command.slice(1), {
    cwd: process.cwd(),
    env: { ...process.env, ...environment },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /URL (\S+)/.exec(output);
      if (match) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });
}

function rss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

/** CPU time (user + system) a process has used, in milliseconds (/proc, 100 Hz ticks). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function percentile(sorted, p) {
  return sorted.length === 0 ? 0 : sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs `concurrency` loops of `send` for `seconds`; returns requests/s and latency percentiles. */
async function load(url, concurrency, makeRequest, pid) {
  const cpuBefore = pid ? cpuMs(pid) : 0;
  const pool = new Pool(url, { connections: concurrency, pipelining: 1 });
  const latencies = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      try {
        const response = await pool.request(makeRequest());
        await response.body.dump({ limit: Number.POSITIVE_INFINITY });
        if (response.statusCode !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  return {
    // CPU the proxy process spent per request: insensitive to other load on the machine.
    cpuPerRequest: pid ? ((cpuMs(pid) - cpuBefore) * 1000) / latencies.length : 0,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
  };
}

/** Sequential streaming requests: mean time to first byte and mean time to the end. */
async function streaming(url, makeRequest, count = 100) {
  const agent = new Agent({ connections: 1 });
  let ttfb = 0;
  let total = 0;
  let chunks = 0;
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    const { path, ...options } = makeRequest();
    const response = await request(`${url}${path}`, { ...options, dispatcher: agent });
    let first;
    for await (const chunk of response.body) {
      first ??= performance.now();
      chunks += (chunk.toString().match(/\n\n/g) ?? []).length;
    }
    ttfb += first - started;
    total += performance.now() - started;
  }
  await agent.close();
  return { ttfb: ttfb / count, total: total / count, events: chunks / count };
}

const simulator = await startAnthropicSimulator({
  defaultTurn: { text: 'The quick brown fox jumps over the lazy dog. '.repeat(4), chunkSize: 8 },
});
const dataDir = mkdtempSync(join(tmpdir(), 'tbc-bench-'));
const profileOptions = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
const bare = await startChild(
  bareSource,
  { UPSTREAM: simulator.origin },
  profileDir ? [...profileOptions, '--cpu-prof-name', 'bare.cpuprofile'] : [],
);
const gateway = await startChild(
  gatewaySource,
  {
    PORT: '0',
    THINKBACKCODE_DATA_DIR: dataDir,
    THINKBACKCODE_ANTHROPIC_URL: simulator.origin,
    THINKBACKCODE_ALLOWED_ORIGINS: origin,
    THINKBACKCODE_ADMIN_TOKEN: adminToken,
    THINKBACKCODE_RATE_LIMIT_RPM: '100000000',
    THINKBACKCODE_LOG_REQUESTS: 'false',
  },
  profileDir ? [...profileOptions, '--cpu-prof-name', 'gateway.cpuprofile'] : [],
);

const admin = (path, body) =>
  request(`${gateway.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then((response) => response.body.json());
await admin('/api/admin/providers', {
  provider: 'anthropic',
  id: 'claude',
  apiKey: simulator.apiKey,
  baseUrl: simulator.baseUrl,
});
process.stderr.write('gateway ready\n');
const { key: gatewayKey } = await admin('/api/admin/gateway-keys', { name: 'bench' });

const anthropicBody = (stream) =>
  JSON.stringify({
    model: 'claude-haiku-4-5',
    max_tokens: 256,
    stream,
    messages: [{ role: 'user', content: 'hi' }],
  });
const messagesRequest = (path, stream) => () => ({
  path,
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    'x-api-key': simulator.apiKey,
    'anthropic-version': '2023-06-01',
    origin,
  },
  body: anthropicBody(stream),
});
const v1Request = (stream) => () => ({
  path: '/v1/chat/completions',
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${gatewayKey}`, origin },
  body: JSON.stringify({
    model: 'claude/claude-haiku-4-5',
    stream,
    messages: [{ role: 'user', content: 'hi' }],
  }),
});

const variants = {
  bare: {
    url: bare.url,
    pid: bare.child.pid,
    json: messagesRequest('/v1/messages', false),
    stream: messagesRequest('/v1/messages', true),
  },
  pass: {
    url: gateway.url,
    pid: gateway.child.pid,
    json: messagesRequest('/api/proxy/anthropic/v1/messages', false),
    stream: messagesRequest('/api/proxy/anthropic/v1/messages', true),
  },
  v1: { url: gateway.url, pid: gateway.child.pid, json: v1Request(false), stream: v1Request(true) },
};

// Rounds interleave the variants (bare, pass, v1, bare, …) so that a burst of other load on the
// machine hits all of them alike; each figure is the median over the rounds.
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};
const active = Object.entries(variants).filter(([name]) => !only || only.includes(name));
const rounds = [];
for (const [, variant] of active) await load(variant.url, 8, variant.json); // warm-up
for (let round = 0; round < roundCount; round++) {
  process.stderr.write(`round ${round + 1}/${roundCount}\n`);
  const measured = {};
  for (const [name, variant] of active) {
    measured[name] = {
      c1: await load(variant.url, 1, variant.json, variant.pid),
      c32: await load(variant.url, 32, variant.json, variant.pid),
    };
  }
  rounds.push(measured);
}
const results = {};
for (const [name, variant] of active) {
  const pick = (level, field) => median(rounds.map((round) => round[name][level][field]));
  const summary = (level) => ({
    rps: pick(level, 'rps'),
    p50: pick(level, 'p50'),
    p99: pick(level, 'p99'),
    cpuPerRequest: pick(level, 'cpuPerRequest'),
    errors: rounds.reduce((sum, round) => sum + round[name][level].errors, 0),
  });
  results[name] = { c1: summary('c1'), c32: summary('c32') };
  results[name].stream = await streaming(variant.url, variant.stream);
}
// Ratios and added latency per round (bare and gateway measured back to back), then the median.
const perRound = (compute) =>
  median(rounds.filter((round) => round.bare && round.pass && round.v1).map(compute));

let idleRss = rss(gateway.child.pid);
let openRss = idleRss;
let firstBytes = 0;
if (openStreams) {
  process.stderr.write('opening 1,000 streams\n');
  // 1,000 open streams through the pass-through route: slow upstream streams held open.
  simulator.reset();
  for (let index = 0; index < 1000; index++)
    simulator.enqueue({ text: 'x'.repeat(400), chunkSize: 4, chunkDelayMs: 50 });
  idleRss = rss(gateway.child.pid);
  const streamAgent = new Agent({ connections: 1000 });
  let allStarted;
  const started = new Promise((resolve) => {
    allStarted = resolve;
  });
  const open = Array.from({ length: 1000 }, async () => {
    const { path, ...options } = messagesRequest('/api/proxy/anthropic/v1/messages', true)();
    const response = await request(`${gateway.url}${path}`, {
      ...options,
      dispatcher: streamAgent,
    });
    let counted = false;
    for await (const _chunk of response.body) {
      if (!counted) {
        counted = true;
        if (++firstBytes === 1000) allStarted();
      }
    }
  });
  await Promise.race([started, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  openRss = rss(gateway.child.pid);
  await Promise.allSettled(open);
  await streamAgent.close();
}

const format = (value) => value.toFixed(2);
console.log(
  `\nGateway benchmark, ${seconds}s per load, median of ${roundCount} interleaved rounds, loopback, Node ${process.version}\n`,
);
console.log(
  '| variant | c=1 req/s | c=1 p50 ms | c=1 p99 ms | c=32 req/s | c=32 p50 ms | c=32 p99 ms | CPU µs/req (c=32) | stream TTFB ms | stream total ms | errors |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [name, result] of Object.entries(results)) {
  console.log(
    `| ${name} | ${result.c1.rps.toFixed(0)} | ${format(result.c1.p50)} | ${format(result.c1.p99)} | ${result.c32.rps.toFixed(0)} | ${format(result.c32.p50)} | ${format(result.c32.p99)} | ${result.c32.cpuPerRequest.toFixed(0)} | ${format(result.stream.ttfb)} | ${format(result.stream.total)} | ${result.c1.errors + result.c32.errors} |`,
  );
}
if (!results.bare || !results.pass || !results.v1) {
  await finish();
  process.exit(0);
}
const perChunk = (name) =>
  (results[name].stream.total - results.bare.stream.total) / results.bare.stream.events;
const percent = (variant) =>
  perRound((round) => (100 * round[variant].c32.rps) / round.bare.c32.rps).toFixed(1);
console.log(`\npass-through throughput vs bare (c=32): ${percent('pass')}%`);
console.log(`translated /v1 throughput vs bare (c=32): ${percent('v1')}%`);
console.log(
  `added p50 at c=1, pass-through: ${format(perRound((round) => round.pass.c1.p50 - round.bare.c1.p50))} ms`,
);
console.log(
  `added CPU per request (c=32): pass-through ${(results.pass.c32.cpuPerRequest - results.bare.c32.cpuPerRequest).toFixed(0)} µs, /v1 ${(results.v1.c32.cpuPerRequest - results.bare.c32.cpuPerRequest).toFixed(0)} µs`,
);
console.log(
  `added TTFB, pass-through: ${format(results.pass.stream.ttfb - results.bare.stream.ttfb)} ms; per-event overhead: ${(perChunk('pass') * 1000).toFixed(1)} µs (${results.bare.stream.events.toFixed(0)} events/stream)`,
);
console.log(
  `gateway RSS: idle ${idleRss.toFixed(0)} MB, with ${firstBytes} open streams ${openRss.toFixed(0)} MB`,
);

async function finish() {
  const exited = new Promise((resolve) => gateway.child.once('exit', resolve));
  bare.child.kill('SIGTERM');
  gateway.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  await simulator.close();
  rmSync(dataDir, { recursive: true, force: true });
}
await finish();
