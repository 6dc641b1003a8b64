import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigStorage, GatewayServer } from '@thinkbackcode/server';

/** The gateway's database file in the data directory (as the server names it). */
export const DATABASE_FILE_NAME = 'thinkbackcode.db';

/** Whether the data directory has a gateway database yet (opening one would create it). */
export const hasGatewayData = (dataDir: string): boolean =>
  existsSync(join(dataDir, DATABASE_FILE_NAME));

/** Options of `openGatewayData`. */
export interface GatewayDataOptions {
  /** Only reading: when the data directory has no database, use an empty one in memory. */
  readOnly?: boolean;
}

/** The gateway's state in a data directory: config storage and usage analytics. */
export interface GatewayData {
  /** Provider configs, settings and internal values (SQLite, keys sealed by the server key). */
  configStorage: ConfigStorage;
  /** `GET /api/analytics/<path>` of the gateway, answered in process; the parsed JSON body. */
  analytics(path: string, query?: Record<string, string>): Promise<unknown>;
  /** Flushes and closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the gateway's SQLite storage in `dataDir` exactly as `serve` does (same database, same
 * server key), without listening. The server package exports no storage factory yet, so this
 * builds the gateway in process with a throwaway admin token (kept in memory only, so no token is
 * generated or stored) and request logging off, and reads analytics through its own routes.
 */
export async function openGatewayData(
  dataDir: string,
  environment: NodeJS.ProcessEnv,
  options: GatewayDataOptions = {},
): Promise<GatewayData> {
  // A reader must not create a database (nor a server key) where there is none: an empty one in
  // memory answers the same as a fresh one would.
  const location = options.readOnly === true && !hasGatewayData(dataDir) ? ':memory:' : dataDir;
  // Loaded on demand: the gateway (Hono, undici, SQLite) is most of the start-up time of commands
  // that do not need it.
  const { createServer, loadServerConfig } = await import('@thinkbackcode/server');
  const adminToken = randomBytes(24).toString('base64url');
  const config = {
    ...loadServerConfig({ ...environment, THINKBACKCODE_DATA_DIR: location }),
    adminToken,
    logRequests: false,
  };
  const gateway: GatewayServer = await createServer({ config, logger: { log() {} } });
  return {
    configStorage: gateway.context.configStorage,
    async analytics(path, query = {}) {
      const search = new URLSearchParams(query).toString();
      const response = await gateway.app.request(
        `/api/analytics/${path}${search === '' ? '' : `?${search}`}`,
        { headers: { authorization: `Bearer ${adminToken}` } },
      );
      const body: unknown = await response.json();
      if (!response.ok) {
        const message = readErrorMessage(body) ?? `HTTP ${response.status}`;
        throw new Error(`Analytics failed: ${message}`);
      }
      return body;
    },
    close: () => gateway.close(),
  };
}

function readErrorMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' ? message : undefined;
}

/** Opens the gateway data, runs `work` and closes it. */
export async function withGatewayData<T>(
  dataDir: string,
  environment: NodeJS.ProcessEnv,
  work: (data: GatewayData) => Promise<T>,
  options: GatewayDataOptions = {},
): Promise<T> {
  const data = await openGatewayData(dataDir, environment, options);
  try {
    return await work(data);
  } finally {
    await data.close();
  }
}
