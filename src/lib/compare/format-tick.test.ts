import { describe, expect, it } from 'vitest';
import { formatTick } from './format-tick.ts';

describe('formatTick', () => {
  it('keeps ticks short', () => {
    expect([0, 0.1 + 0.2, 1, 250, -0.5, 1e-6, 25_000, 250_000, 1e10, 0.001].map(formatTick)).toEqual([
      '0',
      '0.3',
      '1',
      '250',
      '-0.5',
      '1e-6',
      '25000',
      '2.5e5',
      '1e10',
      '0.001',
    ]);
  });
});
