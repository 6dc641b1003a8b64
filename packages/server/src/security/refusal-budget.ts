import type { RateLimitStore } from './rate-limiter.js';

/** Refused requests (bad origin, unknown route, invalid key, rate limit) recorded per IP a minute. */
export const recordedRefusalsPerMinute = 60;

/**
 * True while the client at `clientIp` may still have its refusals recorded (usage row and log
 * line). Refusals come before any authentication, so past this budget they are answered but not
 * written: an anonymous caller cannot fill the disk with them.
 */
export function mayRecordRefusal(store: RateLimitStore, clientIp: string, now: number): boolean {
  return store.take(`refused|ip:${clientIp}`, 1, recordedRefusalsPerMinute, 60_000, now).allowed;
}
