import { hashSecret } from '../security/hash.js';
import type { GatewayKeyRecord, GatewayKeyStore } from '../storage/gateway-key-store.js';
import { GATEWAY_KEY_PREFIX } from '../storage/gateway-key-store.js';
import { GATEWAY_KEY_HEADER, keyFromHeaderValue, keyHeaderNames } from './headers.js';
import { ProxyError } from './proxy-error.js';

/** Who is calling, as far as the gateway can tell. */
export interface Caller {
  /** The caller's own vendor key, if it sent one (never stored or logged). */
  vendorKey?: string;
  /** The gateway key record, when a valid gateway key was presented. */
  gatewayKey?: GatewayKeyRecord;
  /** Usage `caller`: the gateway key id, or `sha256:` and 16 hex digits of the vendor key. */
  usageId?: string;
  /** Rate-limit identity: gateway key id, else client IP. */
  rateLimitId: string;
}

/**
 * Reads the caller's keys from the request headers (and Google's `?key=`). A `tbc_…` value in
 * a key header or in `x-thinkbackcode-key` is a gateway key: it is verified and removed from
 * `headers` so it never travels upstream. Throws 401 for an invalid gateway key.
 */
export function identifyCaller(
  headers: Record<string, string>,
  queryKey: string | undefined,
  clientIp: string,
  gatewayKeys: GatewayKeyStore,
): Caller {
  let gatewayKeyText = headers[GATEWAY_KEY_HEADER];
  let vendorKey: string | undefined;
  for (const name of keyHeaderNames) {
    const value = headers[name];
    if (value === undefined) continue;
    const key = keyFromHeaderValue(value);
    if (key.startsWith(GATEWAY_KEY_PREFIX)) {
      gatewayKeyText ??= key;
      delete headers[name];
    } else if (key !== '') {
      vendorKey ??= key;
    }
  }
  if (queryKey !== undefined && queryKey !== '') {
    if (queryKey.startsWith(GATEWAY_KEY_PREFIX)) gatewayKeyText ??= queryKey;
    else vendorKey ??= queryKey;
  }
  delete headers[GATEWAY_KEY_HEADER];
  const caller: Caller = { rateLimitId: `ip:${clientIp}` };
  if (gatewayKeyText !== undefined) {
    const record = gatewayKeys.verify(gatewayKeyText);
    if (!record)
      throw new ProxyError(401, 'auth_failed', 'The gateway key is invalid, revoked or expired');
    caller.gatewayKey = record;
    caller.usageId = record.id;
    caller.rateLimitId = `key:${record.id}`;
  }
  if (vendorKey !== undefined) {
    caller.vendorKey = vendorKey;
    caller.usageId ??= `sha256:${hashSecret(vendorKey).slice(0, 16)}`;
  }
  return caller;
}
