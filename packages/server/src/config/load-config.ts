import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultServerConfig, type ServerConfig } from './server-config.js';

/** Name of the optional JSON config file inside the data directory. */
export const CONFIG_FILE_NAME = 'config.json';

type Environment = Record<string, string | undefined>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseBoolean(value: string, name: string): boolean {
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new Error(`${name} must be true or false`);
}

function parseNumber(value: string, name: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0) {
    throw new Error(`${name} must be a non-negative number`);
  }
  return number;
}

function parseList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function parseOrigin(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an http(s) URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} must be an http(s) URL`);
  }
  return value.replace(/\/+$/, '');
}

/** Merges the known fields of a parsed config file over `config` (unknown fields are ignored). */
function applyFile(config: ServerConfig, file: Record<string, unknown>): void {
  const assign = <K extends keyof ServerConfig>(key: K, check: (value: unknown) => boolean) => {
    const value = file[key];
    if (value === undefined) return;
    if (!check(value)) throw new Error(`${CONFIG_FILE_NAME}: invalid value for ${key}`);
    config[key] = value as ServerConfig[K];
  };
  const isString = (value: unknown) => typeof value === 'string';
  const isNumber = (value: unknown) => typeof value === 'number' && value >= 0;
  const isBoolean = (value: unknown) => typeof value === 'boolean';
  const isStringList = (value: unknown) =>
    Array.isArray(value) && value.every((item) => typeof item === 'string');
  assign('host', isString);
  assign('port', isNumber);
  assign('allowedOrigins', isStringList);
  assign('requireGatewayKey', isBoolean);
  assign('bodyLimitBytes', isNumber);
  assign('firstByteTimeoutMs', isNumber);
  assign('idleTimeoutMs', isNumber);
  assign('allowLocalTargets', isBoolean);
  assign('allowInsecureTargets', isBoolean);
  assign('usageFlushIntervalMs', isNumber);
  assign('logRequests', isBoolean);
  assign('modelAliases', isRecord);
  assign('certificatePins', isRecord);
  if (isRecord(file.upstreams)) {
    for (const name of ['openai', 'anthropic', 'google'] as const) {
      const value = file.upstreams[name];
      if (typeof value === 'string')
        config.upstreams[name] = parseOrigin(value, `upstreams.${name}`);
    }
  }
  if (isRecord(file.rateLimit)) {
    const { requestsPerMinute, tokensPerMinute } = file.rateLimit;
    if (typeof requestsPerMinute === 'number')
      config.rateLimit.requestsPerMinute = requestsPerMinute;
    if (typeof tokensPerMinute === 'number') config.rateLimit.tokensPerMinute = tokensPerMinute;
  }
}

function applyEnvironment(config: ServerConfig, environment: Environment): void {
  const read = (name: string): string | undefined => {
    const value = environment[name];
    return value === undefined || value === '' ? undefined : value;
  };
  const text = (name: string, apply: (value: string) => void) => {
    const value = read(name);
    if (value !== undefined) apply(value);
  };
  text('HOST', (value) => {
    config.host = value;
  });
  text('PORT', (value) => {
    config.port = parseNumber(value, 'PORT');
  });
  text('THINKBACKCODE_OPENAI_URL', (value) => {
    config.upstreams.openai = parseOrigin(value, 'THINKBACKCODE_OPENAI_URL');
  });
  text('THINKBACKCODE_ANTHROPIC_URL', (value) => {
    config.upstreams.anthropic = parseOrigin(value, 'THINKBACKCODE_ANTHROPIC_URL');
  });
  text('THINKBACKCODE_GOOGLE_URL', (value) => {
    config.upstreams.google = parseOrigin(value, 'THINKBACKCODE_GOOGLE_URL');
  });
  text('THINKBACKCODE_ALLOWED_ORIGINS', (value) => {
    config.allowedOrigins = parseList(value);
  });
  text('THINKBACKCODE_REQUIRE_GATEWAY_KEY', (value) => {
    config.requireGatewayKey = parseBoolean(value, 'THINKBACKCODE_REQUIRE_GATEWAY_KEY');
  });
  text('THINKBACKCODE_ADMIN_TOKEN', (value) => {
    config.adminToken = value;
  });
  text('THINKBACKCODE_SECRET', (value) => {
    config.secret = value;
  });
  text('THINKBACKCODE_RATE_LIMIT_RPM', (value) => {
    config.rateLimit.requestsPerMinute = parseNumber(value, 'THINKBACKCODE_RATE_LIMIT_RPM');
  });
  text('THINKBACKCODE_RATE_LIMIT_TPM', (value) => {
    config.rateLimit.tokensPerMinute = parseNumber(value, 'THINKBACKCODE_RATE_LIMIT_TPM');
  });
  text('THINKBACKCODE_BODY_LIMIT', (value) => {
    config.bodyLimitBytes = parseNumber(value, 'THINKBACKCODE_BODY_LIMIT');
  });
  text('THINKBACKCODE_FIRST_BYTE_TIMEOUT_MS', (value) => {
    config.firstByteTimeoutMs = parseNumber(value, 'THINKBACKCODE_FIRST_BYTE_TIMEOUT_MS');
  });
  text('THINKBACKCODE_IDLE_TIMEOUT_MS', (value) => {
    config.idleTimeoutMs = parseNumber(value, 'THINKBACKCODE_IDLE_TIMEOUT_MS');
  });
  text('THINKBACKCODE_ALLOW_LOCAL_TARGETS', (value) => {
    config.allowLocalTargets = parseBoolean(value, 'THINKBACKCODE_ALLOW_LOCAL_TARGETS');
  });
  text('THINKBACKCODE_ALLOW_INSECURE_TARGETS', (value) => {
    config.allowInsecureTargets = parseBoolean(value, 'THINKBACKCODE_ALLOW_INSECURE_TARGETS');
  });
  text('THINKBACKCODE_LOG_REQUESTS', (value) => {
    config.logRequests = parseBoolean(value, 'THINKBACKCODE_LOG_REQUESTS');
  });
}

/**
 * Loads the configuration: defaults, then `config.json` in the data directory, then environment
 * variables (which win). `THINKBACKCODE_DATA_DIR` selects the data directory (default `./data`).
 */
export function loadServerConfig(environment: Environment = process.env): ServerConfig {
  const config = defaultServerConfig();
  config.dataDir = environment.THINKBACKCODE_DATA_DIR || config.dataDir;
  const path = join(config.dataDir, CONFIG_FILE_NAME);
  if (existsSync(path)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      throw new Error(`${path} is not valid JSON`);
    }
    if (!isRecord(parsed)) throw new Error(`${path} must hold a JSON object`);
    applyFile(config, parsed);
  }
  applyEnvironment(config, environment);
  return config;
}
