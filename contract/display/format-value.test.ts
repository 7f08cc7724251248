import { describe, expect, it } from 'vitest';
import { formatDuration, formatMetric } from './format-value.ts';

describe('formatMetric', () => {
  it.each([
    [NaN, 'NaN'],
    [Infinity, '∞'],
    [-Infinity, '-∞'],
    [0.123456789, '0.123457'],
    [42, '42'],
    [1e-7, '1.0000e-7'],
    [undefined, ''],
  ])('%s → %s', (value, shown) => expect(formatMetric(value)).toBe(shown));
});

describe('formatDuration', () => {
  it('never shows a negative or NaN duration', () => {
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(-5)).toBe('—');
    expect(formatDuration(NaN)).toBe('—');
    expect(formatDuration(3723_000)).toBe('1h 02m');
    expect(formatDuration(2500)).toBe('2.5 s');
  });
});
