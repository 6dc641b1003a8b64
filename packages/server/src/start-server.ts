import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { type CreateServerOptions, createServer, type GatewayServer } from './create-server.js';

/** A gateway listening on a port. */
export interface RunningServer {
  gateway: GatewayServer;
  /** `http://host:port`. */
  url: string;
  port: number;
  /**
   * Graceful shutdown: stops accepting, lets in-flight requests finish (up to `graceMs`, default
   * 10,000), then flushes usage and closes everything.
   */
  close(graceMs?: number): Promise<void>;
}

/** Options of `startServer`. */
export interface StartServerOptions extends CreateServerOptions {
  /** Install SIGTERM/SIGINT handlers that shut down gracefully (default false). */
  handleSignals?: boolean;
}

/** Creates the gateway and serves it with `@hono/node-server` on the configured host and port. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const gateway = await createServer(options);
  const server: ServerType = await new Promise((resolve, reject) => {
    const instance = serve(
      { fetch: gateway.app.fetch, hostname: gateway.config.host, port: gateway.config.port },
      () => resolve(instance),
    );
    instance.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = gateway.config.host.includes(':') ? `[${gateway.config.host}]` : gateway.config.host;
  let closing: Promise<void> | undefined;

  const close = (graceMs = 10_000) => {
    closing ??= (async () => {
      gateway.drain();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Connections whose request finishes during the grace period go idle (keep-alive):
      // close them as they do.
      const sweeper = setInterval(() => {
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      }, 25);
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
          resolve();
        }, graceMs);
        timer.unref();
      });
      await Promise.race([closed, deadline]);
      clearTimeout(timer);
      clearInterval(sweeper);
      await gateway.close();
    })();
    return closing;
  };

  if (options.handleSignals) {
    const onSignal = () => {
      void close().then(() => process.exit(0));
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  return { gateway, url: `http://${host}:${port}`, port, close };
}

/**
 * Entry for `thinkbackcode serve`: `--host`, `--port` and `--data-dir` override `HOST`, `PORT` and
 * `THINKBACKCODE_DATA_DIR`. Serves until SIGTERM/SIGINT.
 */
export async function main(
  argv: readonly string[] = process.argv.slice(2),
  environment: Record<string, string | undefined> = process.env,
): Promise<RunningServer> {
  const merged = { ...environment };
  const flags: Record<string, string> = {
    '--host': 'HOST',
    '--port': 'PORT',
    '--data-dir': 'THINKBACKCODE_DATA_DIR',
  };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    const [flag, inline] = argument.split('=', 2) as [string, string | undefined];
    const name = flags[flag];
    if (!name) throw new Error(`Unknown option ${flag}`);
    const value = inline ?? argv[++index];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    merged[name] = value;
  }
  const running = await startServer({ environment: merged, handleSignals: true });
  process.stderr.write(`ThinkBackCode gateway listening on ${running.url}\n`);
  return running;
}
