import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UpstreamIdleError, watchIdle } from './idle-watchdog.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function closed(body: PassThrough): Promise<Error | undefined> {
  return new Promise((resolve) => {
    let failure: Error | undefined;
    body.once('error', (error) => {
      failure = error;
    });
    body.once('close', () => resolve(failure));
  });
}

describe('watchIdle', () => {
  it('destroys a flowing body that receives nothing for the idle time', async () => {
    const body = new PassThrough();
    body.resume();
    watchIdle(body, 40);
    const started = performance.now();
    const failure = await closed(body);
    expect(failure).toBeInstanceOf(UpstreamIdleError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('keeps a body alive while chunks keep coming', async () => {
    const body = new PassThrough();
    const touch = watchIdle(body, 40);
    body.on('data', touch);
    for (let index = 0; index < 5; index += 1) {
      body.write('x');
      await sleep(20);
    }
    expect(body.destroyed).toBe(false);
    body.end();
    expect(await closed(body)).toBeUndefined();
  });

  it('does not count time paused by backpressure, and 0 disables it', async () => {
    const paused = new PassThrough();
    paused.pause();
    watchIdle(paused, 20);
    const disabled = new PassThrough();
    disabled.resume();
    watchIdle(disabled, 0);
    await sleep(70);
    expect(paused.destroyed).toBe(false);
    expect(disabled.destroyed).toBe(false);
    paused.resume();
    expect(await closed(paused)).toBeInstanceOf(UpstreamIdleError);
    disabled.destroy();
  });
});
