import type {
  CostBreakdown,
  CostProjection,
  ErrorRates,
  LatencyMetrics,
  Period,
  UsageMetrics,
} from '../api-types.js';
import { button, clear, element, field, statusLine, table } from '../dom.js';
import {
  dateRangeToPeriod,
  formatCost,
  formatCount,
  formatMilliseconds,
  formatPercent,
  toDateInput,
} from '../format.js';
import { barChart } from './bar-chart.js';
import { errorMessage, type View, type ViewContext } from './view.js';

function stat(label: string, value: string, detail?: string): HTMLElement {
  return element('div', { className: 'stat' }, [
    element('dt', { text: label }),
    element('dd', {}, [
      element('span', { className: 'stat-value', text: value }),
      detail === undefined ? null : element('span', { className: 'stat-detail', text: detail }),
    ]),
  ]);
}

function totalsSection(usage: UsageMetrics): HTMLElement {
  return element('section', { className: 'panel', attributes: { 'aria-label': 'Totals' } }, [
    element('h2', { text: 'Totals' }),
    element('dl', { className: 'stats' }, [
      stat(
        'Requests',
        formatCount(usage.requests),
        `${formatCount(usage.failedRequests)} failed · ${formatPercent(usage.successRate)} ok`,
      ),
      stat(
        'Prompt tokens',
        formatCount(usage.promptTokens),
        `${formatCount(usage.cachedTokens)} cached`,
      ),
      stat(
        'Completion tokens',
        formatCount(usage.completionTokens),
        `${formatCount(usage.reasoningTokens)} reasoning`,
      ),
      stat('Total tokens', formatCount(usage.totalTokens)),
      stat('Cost', formatCost(usage.cost), 'estimated'),
      stat('Mean latency', formatMilliseconds(usage.averageLatencyMs)),
    ]),
  ]);
}

function costSection(costs: CostBreakdown): HTMLElement {
  const providerRows = costs.byProvider.map((line) => [
    line.provider,
    formatCount(line.requests),
    formatCount(line.totalTokens),
    formatCost(line.cost),
  ]);
  const modelRows = costs.byModel.map((line) => [
    `${line.provider}/${line.model}`,
    formatCount(line.requests),
    formatCount(line.totalTokens),
    formatCost(line.cost),
  ]);
  const byProvider = costs.byProvider.map((line) => ({
    label: line.provider,
    value: line.cost,
    display: formatCost(line.cost),
  }));
  const byModel = costs.byModel.map((line) => ({
    label: `${line.provider}/${line.model}`,
    value: line.cost,
    display: formatCost(line.cost),
  }));
  const headers = ['Requests', 'Tokens', 'Cost'];
  return element('section', { className: 'panel', attributes: { 'aria-label': 'Costs' } }, [
    element('h2', { text: `Costs · ${formatCost(costs.totalCost)}` }),
    costs.byProvider.length === 0
      ? element('p', { className: 'empty', text: 'No requests in this period.' })
      : element('div', { className: 'split' }, [
          element('div', {}, [
            table('Cost by provider', ['Provider', ...headers], providerRows),
            barChart('Cost by provider', byProvider),
          ]),
          element('div', {}, [
            table('Cost by model', ['Model', ...headers], modelRows),
            barChart('Cost by model', byModel),
          ]),
        ]),
  ]);
}

function projectionSection(projection: CostProjection): HTMLElement {
  return element('section', { className: 'panel', attributes: { 'aria-label': 'Projection' } }, [
    element('h2', { text: `Month-end projection · ${projection.month}` }),
    element('dl', { className: 'stats' }, [
      stat('Projected month end', formatCost(projection.projectedMonthEndCost)),
      stat('Month to date', formatCost(projection.monthToDateCost)),
      stat('Daily rate', formatCost(projection.dailyRate), `over ${projection.lookbackDays} days`),
      stat('Days left', projection.remainingDays.toFixed(1)),
    ]),
    element('p', { className: 'method', text: `Method: ${projection.method}.` }),
  ]);
}

function performanceSection(latency: LatencyMetrics[], errors: ErrorRates[]): HTMLElement {
  const rows = latency.map((metrics, index) => {
    const rates = errors[index];
    const types = rates
      ? Object.entries(rates.byType)
          .map(([type, entry]) => `${type} ${formatCount(entry.count)}`)
          .join(', ')
      : '';
    return [
      metrics.provider,
      formatCount(metrics.count),
      formatMilliseconds(metrics.latencyMs.p50),
      formatMilliseconds(metrics.latencyMs.p95),
      formatMilliseconds(metrics.latencyMs.p99),
      formatMilliseconds(metrics.timeToFirstByteMs.p50),
      rates ? formatPercent(rates.errorRate) : '',
      types || 'none',
    ];
  });
  return element('section', { className: 'panel', attributes: { 'aria-label': 'Performance' } }, [
    element('h2', { text: 'Latency and errors' }),
    rows.length === 0
      ? element('p', { className: 'empty', text: 'No requests in this period.' })
      : table(
          'Latency percentiles and error rates by provider',
          ['Provider', 'Requests', 'p50', 'p95', 'p99', 'TTFB p50', 'Error rate', 'Errors'],
          rows,
        ),
  ]);
}

async function loadReport(context: ViewContext, period: Period): Promise<HTMLElement[]> {
  const [usage, costs, projection] = await Promise.all([
    context.client.usage(period),
    context.client.costs(period),
    context.client.projection(),
  ]);
  const providers = costs.byProvider.map((line) => line.provider);
  const [latency, errors] = await Promise.all([
    Promise.all(providers.map((provider) => context.client.latency(provider, period))),
    Promise.all(providers.map((provider) => context.client.errors(provider, period))),
  ]);
  return [
    totalsSection(usage),
    costSection(costs),
    projectionSection(projection),
    performanceSection(latency, errors),
  ];
}

/** Usage: totals for a date range, costs by provider and model, projection, latency, errors. */
export const usageView: View = {
  route: 'usage',
  title: 'Usage',
  mount(container, context) {
    const status = statusLine();
    const report = element('div', { className: 'report', attributes: { 'aria-live': 'polite' } });
    const today = new Date();
    const monthAgo = new Date(today);
    monthAgo.setDate(today.getDate() - 29);
    const from = element('input', { attributes: { type: 'date', name: 'from' } });
    const to = element('input', { attributes: { type: 'date', name: 'to' } });
    from.value = toDateInput(monthAgo);
    to.value = toDateInput(today);

    const refresh = async () => {
      const period = dateRangeToPeriod(from.value, to.value);
      if (!period) return status.show('Choose a start date on or before the end date.', 'error');
      status.show('Loading…');
      try {
        const sections = await loadReport(context, period);
        clear(report);
        report.append(...sections);
        status.clear();
      } catch (error) {
        status.show(`Could not load usage: ${errorMessage(error)}`, 'error');
      }
    };
    const form = element('form', { className: 'toolbar range' }, [
      field('From', from),
      field('To', to),
      button('Refresh', () => {}, { type: 'submit', className: 'primary' }),
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void refresh();
    });
    container.append(form, status.node, report);
    void refresh();
    return {};
  },
};
