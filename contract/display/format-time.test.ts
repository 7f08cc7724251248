import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { describeTimestamp, displayTimeZone, formatTimestamp, isoTimestamp, setDisplayTimeZone } from './format-time.ts';
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

describe('display time zone (tz=)', () => {
  afterEach(() => setDisplayTimeZone(undefined));
  const t = Date.UTC(2026, 10, 22, 14, 3);

  it('shows every time in the zone set, whatever the machine’s own', () => {
    setDisplayTimeZone('UTC');
    expect(formatTimestamp(t)).toBe('2026-11-22 14:03');
    setDisplayTimeZone('Asia/Tokyo');
    expect(formatTimestamp(t)).toBe('2026-11-22 23:03');
    expect(displayTimeZone()).toBe('Asia/Tokyo');
    setDisplayTimeZone('America/Los_Angeles');
    expect(formatTimestamp(t)).toBe('2026-11-22 06:03');
  });

  it('names the zone in the full description', () => {
    setDisplayTimeZone('UTC');
    expect(describeTimestamp(t)).toMatch(/2026.*2:03:00\s?PM UTC|14:03:00 UTC/);
    setDisplayTimeZone('Asia/Tokyo');
    expect(describeTimestamp(t)).toMatch(/11:03:00\s?PM GMT\+9|23:03:00 GMT\+9/);
  });

  it('falls back to the viewer’s zone for no zone or one Intl rejects', () => {
    const own = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    setDisplayTimeZone('Mars/Olympus_Mons');
    expect(displayTimeZone()).toBe(own);
    setDisplayTimeZone(undefined);
    expect(displayTimeZone()).toBe(own);
  });
});

describe('never throws', () => {
  afterEach(() => setDisplayTimeZone(undefined));
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

  it('returns for any double in any zone', () => {
    fc.assert(
      fc.property(fc.constantFrom('UTC', 'Asia/Tokyo', 'Pacific/Kiritimati', 'America/St_Johns', 'not a zone'), anyTime, (zone, ms) => {
        setDisplayTimeZone(zone);
        expect(typeof formatTimestamp(ms)).toBe('string');
        const described = describeTimestamp(ms);
        expect(described === undefined || typeof described === 'string').toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});
