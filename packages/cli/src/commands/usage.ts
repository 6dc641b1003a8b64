import { rejectUnknownFlags, stringFlag, UsageError } from '../args.js';
import type { Command } from '../command.js';
import { withGatewayData } from '../support/gateway-data.js';
import { takePositionals } from '../support/positionals.js';
import { printJSON, printLine } from '../terminal.js';
import {
  formatUsageReport,
  type UsageCosts,
  type UsageProjection,
  type UsageReport,
  type UsageTotals,
} from './usage-format.js';

function readTime(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const time = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(time))
    throw new UsageError(`--${name} must be an ISO 8601 date or epoch milliseconds`);
  return String(time);
}

/** `thinkbackcode usage`: totals, cost by provider/model and the month-end projection. */
export const usageCommand: Command = {
  name: 'usage',
  summary: 'Show usage totals, cost by provider and model, and the month-end projection',
  valueFlags: ['from', 'to', 'lookback-days'],
  help: `Usage: thinkbackcode usage [options]

Reports what went through the gateway, from the usage recorded in the data directory's
database: request and token totals, cost by provider and by model, and the projected cost
at the end of the month (month-to-date cost plus the recent daily rate).

Options:
  --from <date>            Start (ISO 8601 or epoch ms; default 30 days ago)
  --to <date>              End, exclusive (default now)
  --lookback-days <days>   Days the projection's daily rate is averaged over (1–90, default 7)
  --json                   Print {"totals","costs","projection"} as JSON`,
  async run(context) {
    rejectUnknownFlags(context.args, ['from', 'to', 'lookback-days']);
    takePositionals(context, []);
    const period: Record<string, string> = {};
    const from = readTime(stringFlag(context.args, 'from'), 'from');
    const to = readTime(stringFlag(context.args, 'to'), 'to');
    if (from !== undefined) period.from = from;
    if (to !== undefined) period.to = to;
    if (from !== undefined && to !== undefined && Number(from) > Number(to)) {
      throw new UsageError('--from must not be after --to');
    }
    const lookback = stringFlag(context.args, 'lookback-days');
    if (lookback !== undefined && !/^\d+$/.test(lookback)) {
      throw new UsageError('--lookback-days must be a whole number of days');
    }
    const report: UsageReport = await withGatewayData(
      context.dataDir,
      context.terminal.env,
      async (data) => ({
        totals: (await data.analytics('usage', period)) as UsageTotals,
        costs: (await data.analytics('costs', period)) as UsageCosts,
        projection: (await data.analytics(
          'projection',
          lookback === undefined ? {} : { lookbackDays: lookback },
        )) as UsageProjection,
      }),
      { readOnly: true },
    );
    if (context.json) printJSON(context.terminal, report);
    else printLine(context.terminal, formatUsageReport(report));
    return 0;
  },
};
