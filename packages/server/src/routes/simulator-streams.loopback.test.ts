import { startAnthropicSimulator } from '@thinkbackcode/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN } from '../../test/helpers/gateway.js';
import { defaultServerConfig } from '../config/server-config.js';
import { startServer } from '../start-server.js';

const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
});

describe('long simulator streams through the pass-through route', () => {
  it('pass every event with per-event delays, without leaking close listeners', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const simulator = await startAnthropicSimulator({});
      opened.push(simulator);
      // 40 bytes in 2-byte chunks: 20 content deltas, each preceded by a simulator wait().
      simulator.enqueue({ text: 'ab'.repeat(20), chunkSize: 2, chunkDelayMs: 1 });
      const running = await startServer({
        config: {
          ...defaultServerConfig(),
          port: 0,
          dataDir: ':memory:',
          adminToken: TEST_ADMIN_TOKEN,
          logRequests: false,
          upstreams: {
            openai: simulator.origin,
            anthropic: simulator.origin,
            google: simulator.origin,
          },
        },
      });
      opened.push({ close: () => running.close(100) });
      const response = await fetch(`${running.url}/api/proxy/anthropic/v1/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-api-key': simulator.apiKey,
          'anthropic-version': '2023-06-01',
        },
        body: JSON.stringify({
          model: 'claude-haiku-4-5',
          max_tokens: 64,
          stream: true,
          messages: [{ role: 'user', content: 'hi' }],
        }),
      });
      const text = await response.text();
      expect(text.match(/event: content_block_delta/g)).toHaveLength(20);
      expect(text).toContain('event: message_stop');
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});
