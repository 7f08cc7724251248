import { describe, expect, it } from 'vitest';
import { toRunFilter } from './to-run-filter.ts';

describe('toRunFilter', () => {
  it('passes MLflow syntax through and turns plain text into a portable name search', () => {
    expect(toRunFilter('metrics.rmse < 1 AND params.alpha = "0.5"')).toBe('metrics.rmse < 1 AND params.alpha = "0.5"');
    expect(toRunFilter('grid')).toBe("attributes.run_name ILIKE '%grid%'");
    expect(toRunFilter("bob's run")).toBe("attributes.run_name ILIKE '%bob\\'s run%'");
    expect(toRunFilter('  ')).toBe('');
  });
});
