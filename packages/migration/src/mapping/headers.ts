import { isJsonObject } from './fields.js';

/** Custom headers split into the ones safe to store and a credential found among them. */
export interface SplitHeaders {
  /** Headers without credentials. */
  headers: Record<string, string>;
  /** A key found in `Authorization: Bearer …`, `x-api-key` or `api-key`, and how it is sent. */
  credential?: { key: string; authHeader: string };
  /** Names (never values) of credential-like headers that were dropped. */
  dropped: string[];
  /** Names of headers whose value was not a string. */
  invalid: string[];
}

const BEARER = /^bearer\s+(\S+)$/i;
const KEY_HEADER = /^(?:x-api-key|api-key)$/i;
const CREDENTIAL_LIKE =
  /(?:^authorization$|^proxy-authorization$|^cookie$|api[-_]?key|token|secret|password|credential|signature)/i;

/**
 * Separates credential headers from the rest: a Bearer token or an `x-api-key`/`api-key` value
 * becomes the profile's key (when it has none), any other credential-like header is dropped,
 * so a config never stores a secret in clear.
 */
export function splitHeaders(raw: unknown): SplitHeaders {
  const result: SplitHeaders = { headers: {}, dropped: [], invalid: [] };
  if (!isJsonObject(raw)) return result;
  for (const [name, value] of Object.entries(raw)) {
    if (name.trim() === '') continue;
    if (typeof value !== 'string') {
      result.invalid.push(name);
      continue;
    }
    const bearer = /^authorization$/i.test(name) ? BEARER.exec(value.trim()) : null;
    if (bearer?.[1] !== undefined && result.credential === undefined) {
      result.credential = { key: bearer[1], authHeader: 'Authorization' };
    } else if (KEY_HEADER.test(name) && value.trim() !== '' && result.credential === undefined) {
      result.credential = { key: value.trim(), authHeader: name };
    } else if (CREDENTIAL_LIKE.test(name)) {
      result.dropped.push(name);
    } else {
      result.headers[name] = value;
    }
  }
  return result;
}
