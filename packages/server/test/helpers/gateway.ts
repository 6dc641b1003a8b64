import { defaultServerConfig, type ServerConfig } from '../../src/config/server-config.js';
import {
  type CreateServerOptions,
  createServer,
  type GatewayServer,
} from '../../src/create-server.js';
import { createRequestLogger, type RequestLogger } from '../../src/logging/request-logger.js';

/** A gateway over an in-memory database, with captured log lines and admin token. */
export interface TestGateway extends GatewayServer {
  logLines: string[];
  adminToken: string;
}

/** The admin token every test gateway uses. */
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

/** Creates a gateway for tests: in-memory SQLite, upstreams at `upstream`, logs captured. */
export async function createTestGateway(
  upstream: string,
  overrides: Partial<ServerConfig> = {},
  options: CreateServerOptions = {},
): Promise<TestGateway> {
  const logLines: string[] = [];
  const logger: RequestLogger = createRequestLogger((line) => logLines.push(line));
  const config: ServerConfig = {
    ...defaultServerConfig(),
    dataDir: ':memory:',
    upstreams: { openai: upstream, anthropic: upstream, google: upstream },
    adminToken: TEST_ADMIN_TOKEN,
    usageFlushIntervalMs: 60_000,
    ...overrides,
  };
  const gateway = await createServer({ logger, ...options, config });
  return { ...gateway, logLines, adminToken: TEST_ADMIN_TOKEN };
}
