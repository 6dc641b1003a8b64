// Stream translation speed of @thinkbackcode/core, per provider kind, with no network: each
// adapter gets an injected `fetch` whose body replays a long pre-built stream in the vendor's
// exact wire format (20,000 text deltas, 2,000 reasoning deltas, one tool call in fragments), cut
// into 1–4 KiB pieces. Reports ChatChunks/s, ns per chunk and wire MB/s (median of several runs
// after warm-up), the same through `accumulateChatStream`, and a baseline of `TextDecoderStream` +
// core's SSE/NDJSON parser alone, plus JSON.parse and the vendor's stream Transformer timed in a
// plain loop, so the per-chunk cost splits into parsing, translation and web-stream plumbing.
// Before timing, every provider's accumulated answer is checked against the script (exit code 1
// on a mismatch), so `--quick` doubles as a smoke test.
//
// Needs core's build: npx tsc -b packages/core
// Usage: node bench/core-stream.bench.mjs [--quick] [--json]
import { deepStrictEqual, strictEqual } from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CASES } from './core/cases.mjs';
import {
  drainIterable,
  drainStream,
  format,
  markdownTable,
  measureRounds,
} from './core/measure.mjs';
import { bodyStream, cutIntoPieces, replayFetch } from './core/network.mjs';
import { createScript } from './core/script.mjs';
import { collectEvents, jsonPayloads, parseJsonOnly, runTransformer } from './core/transformer.mjs';

const coreDirectory = fileURLToPath(new URL('../packages/core/', import.meta.url));

/** Newest modification time under `directory` of files that `keep` accepts. */
function newest(directory, keep) {
  let latest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !keep(entry.name)) continue;
    latest = Math.max(latest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return latest;
}

/** Loads core's build, or explains how to make it. */
async function loadCore() {
  const entry = join(coreDirectory, 'dist', 'index.js');
  if (!existsSync(entry)) {
    throw new Error(
      'packages/core/dist is missing: build it first with `npx tsc -b packages/core`.',
    );
  }
  const sources = newest(join(coreDirectory, 'src'), (name) => /(?<!\.test)\.ts$/.test(name));
  if (sources > newest(join(coreDirectory, 'dist'), (name) => name.endsWith('.js'))) {
    console.error('warning: packages/core/src is newer than dist; run `npx tsc -b packages/core`.');
  }
  return import('@thinkbackcode/core');
}

/** Checks that the adapter turned the wire stream back into the scripted answer. */
function verify(testCase, script, response) {
  const choice = response.choices[0];
  const message = choice.message;
  strictEqual(message.content, script.text.join(''), 'text');
  strictEqual(message.reasoning, testCase.reasoning ? script.reasoning.join('') : undefined);
  strictEqual(message.toolCalls?.length, 1, 'one tool call');
  strictEqual(message.toolCalls[0].function.name, script.toolCall.name, 'tool name');
  deepStrictEqual(JSON.parse(message.toolCalls[0].function.arguments), script.toolCall.arguments);
  strictEqual(choice.finishReason, 'tool_calls', 'finish reason');
  strictEqual(response.usage.promptTokens, script.usage.promptTokens, 'prompt tokens');
}

/** Measures one provider kind: parse baselines, the adapter, the adapter plus accumulation. */
async function benchCase(core, testCase, settings) {
  const script = createScript(settings);
  const wire = testCase.encode(script);
  const pieces = cutIntoPieces(wire.text);
  const bytes = pieces.reduce((total, piece) => total + piece.byteLength, 0);
  const registry = core.createDefaultRegistry();
  const provider = await registry.registerProvider({
    ...testCase.config,
    fetch: replayFetch(pieces, testCase.contentType),
  });
  const stream = () => provider.createChatCompletionStream(testCase.request);
  try {
    verify(testCase, script, await core.accumulateChatStream(stream()));
  } catch (error) {
    throw new Error(`${testCase.kind}: the translated stream is wrong: ${error.message}`, {
      cause: error,
    });
  }
  const parser = wire.framing === 'sse' ? core.createSSEParser : core.createNDJSONParser;
  const events = await collectEvents(core, pieces, wire.framing);
  const payloads = jsonPayloads(wire, events);
  const definition = testCase.definition(core, testCase.config);
  const context = () => ({
    config: testCase.config,
    providerName: testCase.kind,
    request: testCase.request,
    responseHeaders: new Headers(),
  });
  const timed = await measureRounds(
    {
      parse: () =>
        drainStream(bodyStream(pieces).pipeThrough(new TextDecoderStream()).pipeThrough(parser())),
      json: async () => parseJsonOnly(payloads),
      transformer: () => runTransformer(definition, context(), events),
      adapter: () => drainIterable(stream()),
      accumulate: async () => {
        const response = await core.accumulateChatStream(stream());
        return response.choices.length;
      },
    },
    settings,
  );
  await provider.disconnect?.();
  const { parse, json, transformer, adapter, accumulate } = timed;
  if (transformer.count !== adapter.count) {
    throw new Error(
      `${testCase.kind}: ${transformer.count} chunks alone, ${adapter.count} streamed`,
    );
  }
  return {
    provider: testCase.kind,
    framing: wire.framing,
    bytes,
    pieces: pieces.length,
    events: parse.count,
    chunks: adapter.count,
    parseMs: parse.medianMs,
    jsonMs: json.medianMs,
    transformerMs: transformer.medianMs,
    adapterMs: adapter.medianMs,
    adapterRangeMs: [adapter.minMs, adapter.maxMs],
    accumulateMs: accumulate.medianMs,
  };
}

/**
 * Runs the benchmark. `quick` uses a tenth of the stream and fewer runs (a smoke run of a few
 * seconds); both check every provider's output first.
 */
export async function runCoreStreamBench({ quick = false, log = () => {} } = {}) {
  const core = await loadCore();
  const settings = quick
    ? { textDeltas: 2_000, reasoningDeltas: 200, warmups: 1, runs: 3 }
    : { textDeltas: 20_000, reasoningDeltas: 2_000, warmups: 2, runs: 7 };
  const results = [];
  for (const testCase of CASES) {
    log(`  ${testCase.kind}…`);
    results.push(await benchCase(core, testCase, settings));
  }
  return {
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpus: availableParallelism(),
    gc: typeof globalThis.gc === 'function',
    settings,
    results,
  };
}

function printReport(report) {
  const { settings } = report;
  console.log(
    `\nCore stream translation: Node ${report.node}, ${report.cpus} × ${report.cpu}; ` +
      `${format.integer(settings.textDeltas)} text + ${format.integer(settings.reasoningDeltas)} ` +
      `reasoning deltas + 1 tool call per stream, 1–4 KiB pieces; median of ${settings.runs} runs ` +
      `after ${settings.warmups} warm-up.\n`,
  );
  console.log(
    markdownTable(
      [
        'provider',
        'wire',
        'wire MB',
        'events',
        'ChatChunks',
        'median ms',
        'fastest ms',
        'chunks/s',
        'ns/chunk',
        'wire MB/s',
      ],
      report.results.map((result) => [
        result.provider,
        result.framing === 'sse' ? 'SSE' : 'NDJSON',
        format.fixed(result.bytes / 1e6, 2),
        format.integer(result.events),
        format.integer(result.chunks),
        format.fixed(result.adapterMs, 1),
        format.fixed(result.adapterRangeMs[0], 1),
        format.perSecond(result.chunks, result.adapterMs),
        format.nsEach(result.adapterMs, result.chunks),
        format.megabytesPerSecond(result.bytes, result.adapterMs),
      ]),
    ),
  );
  console.log(
    '\nWhere the time goes, ns per ChatChunk. Parse stage: TextDecoderStream + core SSE/NDJSON ' +
      'parser, streamed. JSON.parse and translation (the vendor Transformer minus JSON.parse) run ' +
      'in a plain loop; (n): NDJSON parses JSON inside the parse stage. Plumbing: the rest ' +
      '(web-stream hops, engine, async iterator).\n',
  );
  console.log(
    markdownTable(
      [
        'provider',
        'adapter, streamed',
        'parse stage',
        'JSON.parse',
        'translation',
        'plumbing',
        'with accumulateChatStream',
        'accumulated chunks/s',
      ],
      report.results.map((result) => {
        const ns = (milliseconds) => format.nsEach(milliseconds, result.chunks);
        const sse = result.framing === 'sse';
        const translationMs = sse ? result.transformerMs - result.jsonMs : result.transformerMs;
        return [
          result.provider,
          ns(result.adapterMs),
          ns(result.parseMs),
          sse ? ns(result.jsonMs) : `(${ns(result.jsonMs)})`,
          ns(translationMs),
          ns(result.adapterMs - result.parseMs - result.transformerMs),
          ns(result.accumulateMs),
          format.perSecond(result.chunks, result.accumulateMs),
        ];
      }),
    ),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const json = process.argv.includes('--json');
  const quick = process.argv.includes('--quick');
  const started = performance.now();
  try {
    const report = await runCoreStreamBench({
      quick,
      log: json ? () => {} : (line) => console.error(line),
    });
    if (json) console.log(JSON.stringify(report, null, 2));
    else printReport(report);
    if (!json) console.error(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
