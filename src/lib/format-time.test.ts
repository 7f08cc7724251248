import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeTimestamp, formatTimestamp, isoTimestamp } from './format-time.ts';
import { formatDuration } from './format-value.ts';

// A nanosecond clock logged as milliseconds, and a value just past Date's limit (8.64e15).
const NANOS_AS_MS = 1.7e18;
const PAST_LIMIT = 9e15;

describe('formatTimestamp', () => {
  it('shows a normal time compactly', () => {
    expect(formatTimestamp(Date.UTC(2026, 10, 22, 14, 3))).toMatch(/^2026-11-2[123] \d\d:\d\d$/);
  });

  it('shows a time Date cannot hold as the number, marked, instead of throwing', () => {
    expect(formatTimestamp(NANOS_AS_MS)).toBe('1700000000000000000 (out of range)');
    expect(formatTimestamp(PAST_LIMIT)).toBe('9000000000000000 (out of range)');
    expect(formatTimestamp(Infinity)).toBe('Infinity (out of range)');
  });

  it('shows a dash for absent times', () => {
    for (const value of [undefined, null, NaN, 0, -1]) expect(formatTimestamp(value)).toBe('—');
  });
});

describe('describeTimestamp', () => {
  it('says which unit an out-of-range value was probably in, and what it would be', () => {
    const text = describeTimestamp(NANOS_AS_MS) ?? '';
    expect(text).toContain('1700000000000000000 (out of range)');
    expect(text).toContain('looks like nanoseconds');
    expect(text).toContain('2023');
    expect(describeTimestamp(PAST_LIMIT)).toContain('looks like microseconds');
  });

  it('still flags seconds logged as milliseconds', () => {
    expect(describeTimestamp(1_700_000_000)).toContain('looks like seconds');
  });
});

describe('isoTimestamp', () => {
  it('gives ISO 8601 in UTC, and the raw number when out of range', () => {
    expect(isoTimestamp(Date.UTC(2026, 0, 2, 3, 4, 5))).toBe('2026-01-02T03:04:05.000Z');
    expect(isoTimestamp(NANOS_AS_MS)).toBe(NANOS_AS_MS);
    expect(isoTimestamp(-PAST_LIMIT)).toBe(-PAST_LIMIT);
    expect(isoTimestamp(NaN)).toBeNaN();
  });
});

describe('formatDuration', () => {
  it('shows a duration no two Dates can span as out of range', () => {
    expect(formatDuration(NANOS_AS_MS - 1.7e12)).toBe('1699998300000000000 ms (out of range)');
    expect(formatDuration(-5)).toBe('—');
  });
});

describe('never throws', () => {
  const anyTime = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(8.64e15, 8.64e15 + 1, -8.64e15 - 1, 1.7e18, Number.MAX_VALUE, -0));

  it('formatTimestamp, describeTimestamp, formatDuration and isoTimestamp return for any double', () => {
    fc.assert(
      fc.property(anyTime, (ms) => {
        expect(typeof formatTimestamp(ms)).toBe('string');
        const described = describeTimestamp(ms);
        expect(described === undefined || typeof described === 'string').toBe(true);
        expect(typeof formatDuration(ms)).toBe('string');
        const iso = isoTimestamp(ms);
        expect(typeof iso === 'string' || Object.is(iso, ms)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});
