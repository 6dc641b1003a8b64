import type {
  ConnectionResult,
  CostBreakdown,
  CostProjection,
  CreatedGatewayKey,
  ErrorRates,
  GatewayKeyOptions,
  GatewayKeyRecord,
  LatencyMetrics,
  ListedProvider,
  Period,
  ProviderConfigBody,
  UsageMetrics,
} from './api-types.js';

/** A failed gateway call: the HTTP status and the gateway's error type and message. */
export class GatewayRequestError extends Error {
  readonly status: number;
  readonly type: string;

  constructor(status: number, type: string, message: string) {
    super(message);
    this.name = 'GatewayRequestError';
    this.status = status;
    this.type = type;
  }
}

/** A `fetch` (the page's by default). */
export type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The gateway's `{ error: { message, type } }` body as an error. The message is the gateway's
 * own (already redacted); the request's credentials are never part of it.
 */
export async function readGatewayError(response: Response): Promise<GatewayRequestError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const message =
    typeof error.message === 'string' ? error.message : `The gateway answered ${response.status}`;
  const type = typeof error.type === 'string' ? error.type : `http_${response.status}`;
  return new GatewayRequestError(response.status, type, message);
}

/** Calls the admin and analytics APIs with `Authorization: Bearer <admin token>`. */
export class AdminClient {
  private readonly token: string;
  private readonly fetchFunction: FetchFunction;
  private readonly onUnauthorized: () => void;

  /**
   * @param token The admin token (sent only in the `Authorization` header to this origin).
   * @param onUnauthorized Called when the gateway refuses the token (401).
   */
  constructor(
    token: string,
    onUnauthorized: () => void = () => {},
    fetchFunction: FetchFunction = (input, init) => fetch(input, init),
  ) {
    this.token = token;
    this.onUnauthorized = onUnauthorized;
    this.fetchFunction = fetchFunction;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    const init: RequestInit = { method, headers, credentials: 'omit', cache: 'no-store' };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await this.fetchFunction(path, init);
    if (!response.ok) {
      const error = await readGatewayError(response);
      if (response.status === 401) this.onUnauthorized();
      throw error;
    }
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  /** Resolves when the token is accepted (a cheap admin call); throws otherwise. */
  async verify(): Promise<void> {
    await this.call('GET', '/api/admin/providers');
  }

  async listProviders(): Promise<ListedProvider[]> {
    const body = await this.call<{ providers: ListedProvider[] }>('GET', '/api/admin/providers');
    return body.providers;
  }

  /** Creates or replaces a provider config; a config without `apiKey` keeps the stored key. */
  saveProvider(config: ProviderConfigBody): Promise<ListedProvider> {
    return this.call('POST', '/api/admin/providers', config);
  }

  deleteProvider(id: string): Promise<void> {
    return this.call('DELETE', `/api/admin/providers/${encodeURIComponent(id)}`);
  }

  /** Tests a stored provider config against its vendor. */
  testProvider(id: string): Promise<ConnectionResult> {
    return this.call('POST', `/api/admin/providers/${encodeURIComponent(id)}/test`);
  }

  /** Tests an unsaved provider config against its vendor. */
  testProviderConfig(config: ProviderConfigBody): Promise<ConnectionResult> {
    return this.call('POST', '/api/admin/providers/test', config);
  }

  async listGatewayKeys(): Promise<GatewayKeyRecord[]> {
    const body = await this.call<{ keys: GatewayKeyRecord[] }>('GET', '/api/admin/gateway-keys');
    return body.keys;
  }

  createGatewayKey(options: GatewayKeyOptions): Promise<CreatedGatewayKey> {
    return this.call('POST', '/api/admin/gateway-keys', options);
  }

  revokeGatewayKey(id: string): Promise<void> {
    return this.call('DELETE', `/api/admin/gateway-keys/${encodeURIComponent(id)}`);
  }

  usage(period: Period): Promise<UsageMetrics> {
    return this.call('GET', `/api/analytics/usage?${periodQuery(period)}`);
  }

  costs(period: Period): Promise<CostBreakdown> {
    return this.call('GET', `/api/analytics/costs?${periodQuery(period)}`);
  }

  projection(lookbackDays?: number): Promise<CostProjection> {
    const query = lookbackDays === undefined ? '' : `?lookbackDays=${lookbackDays}`;
    return this.call('GET', `/api/analytics/projection${query}`);
  }

  latency(provider: string, period: Period): Promise<LatencyMetrics> {
    return this.call(
      'GET',
      `/api/analytics/latency/${encodeURIComponent(provider)}?${periodQuery(period)}`,
    );
  }

  errors(provider: string, period: Period): Promise<ErrorRates> {
    return this.call(
      'GET',
      `/api/analytics/errors/${encodeURIComponent(provider)}?${periodQuery(period)}`,
    );
  }
}

function periodQuery(period: Period): string {
  return new URLSearchParams({ from: String(period.from), to: String(period.to) }).toString();
}
