import { describe, expect, it } from 'vitest';
import { dateRangeToPeriod, formatCost, formatMilliseconds, formatPercent } from './format.js';

describe('format', () => {
  it('shows small costs with enough digits to be seen', () => {
    expect(formatCost(0)).toBe('$0.00');
    expect(formatCost(12.345)).toBe('$12.35');
    expect(formatCost(0.000019)).toBe('$0.000019');
  });

  it('formats milliseconds and percentages', () => {
    expect(formatMilliseconds(3.04)).toBe('3.0 ms');
    expect(formatMilliseconds(1234.5)).toBe('1,235 ms');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0.0125)).toBe('1.25%');
  });

  it('turns an inclusive local date range into an exclusive millisecond period', () => {
    const period = dateRangeToPeriod('2026-03-01', '2026-03-01');
    expect(period).toEqual({
      from: new Date(2026, 2, 1).getTime(),
      to: new Date(2026, 2, 2).getTime(),
    });
    expect(dateRangeToPeriod('2026-03-02', '2026-03-01')).toBeUndefined();
    expect(dateRangeToPeriod('', '2026-03-01')).toBeUndefined();
  });
});
