import { rejectUnknownFlags, stringFlag } from '../args.js';
import type { Command } from '../command.js';
import { takePositionals } from '../support/positionals.js';
import { printJSON, printLine } from '../terminal.js';

/** `thinkbackcode serve`: the gateway (what `npm start` runs). */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the gateway (CORS proxy, OpenAI-compatible /v1, analytics)',
  valueFlags: ['host', 'port'],
  help: `Usage: thinkbackcode serve [options]

Starts the ThinkBackCode gateway on the data directory's SQLite database and prints where it
listens. SIGTERM or SIGINT (Ctrl-C) stop accepting connections, let requests in flight finish
(10 s grace), flush usage and close the database. On first start an admin token is printed
once on stderr (unless THINKBACKCODE_ADMIN_TOKEN is set).

Options:
  --host <address>   Interface to listen on (HOST, default 127.0.0.1)
  --port <number>    Port, 0 for any free one (PORT, default 8787)
  --json             Print {"url","port"} on stdout once listening

Every other setting comes from <data dir>/config.json and the THINKBACKCODE_* environment
variables described in the server's README.`,
  async run(context) {
    rejectUnknownFlags(context.args, ['host', 'port']);
    takePositionals(context, []);
    const host = stringFlag(context.args, 'host');
    const port = stringFlag(context.args, 'port');
    const environment = {
      ...context.terminal.env,
      THINKBACKCODE_DATA_DIR: context.dataDir,
      ...(host === undefined ? {} : { HOST: host }),
      ...(port === undefined ? {} : { PORT: port }),
    };
    const { startServer } = await import('@thinkbackcode/server');
    const running = await startServer({ environment, handleSignals: true });
    if (context.json) printJSON(context.terminal, { url: running.url, port: running.port });
    else
      printLine(
        context.terminal,
        `ThinkBackCode gateway listening on ${running.url} (data in ${context.dataDir})`,
      );
    // Serves until a signal: startServer's handler closes gracefully and exits the process.
    return new Promise<number>(() => {});
  },
};
