// Timestamps are milliseconds since the epoch (MLflow int64). Shown in the view's time zone
// (the URL's tz=, else the viewer's own) with the zone named, so screenshots taken elsewhere are
// unambiguous and a report link renders the same times on every machine.
//
// Nothing here throws. A logged time can be anything a client sent: a nanosecond clock stored
// as milliseconds (1.7e18) lies outside the ±8.64e15 ms a Date can hold, and Intl then throws
// RangeError, which would take the whole table or chart down with it. Such a value is shown as
// the number it is, marked "(out of range)".

// One zone for the whole page, set from the URL by the app before a view renders: module state
// rather than a prop through every table cell and axis, as it changes only with the URL.
let zone: string | undefined;
const formats = new Map<Intl.DateTimeFormatOptions, Intl.DateTimeFormat>();

/** The page's time zone for every shown time; undefined (or a zone Intl rejects) is the viewer's own. */
export function setDisplayTimeZone(next: string | undefined): void {
  const valid = next !== undefined && isTimeZone(next) ? next : undefined;
  if (valid === zone) return;
  zone = valid;
  formats.clear();
}

/** The IANA name of the zone times are shown in, e.g. "UTC" or "Asia/Tokyo". */
export function displayTimeZone(): string {
  return zone ?? new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * An Intl formatter in the display zone, built once per zone (they are costly to build, and a
 * table formats thousands of cells). `options` is a module constant: it is the cache key.
 */
export function zonedFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = formats.get(options);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, zone === undefined ? options : { ...options, timeZone: zone });
    formats.set(options, format);
  }
  return format;
}

// Compact and sortable by eye: 2026-11-22 14:03 (the tooltip names the zone).
const COMPACT: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const FULL: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'long' };
const dateTime = () => zonedFormat('en-CA', COMPACT);
const withZone = () => zonedFormat(undefined, FULL);

/** ECMAScript's Date range: 100,000,000 days either side of 1970. */
export const MAX_DATE_MS = 8.64e15;
/** Below this a "millisecond" timestamp is before March 1973: almost surely seconds. */
const PROBABLY_SECONDS = 1e11;
/** Above this (year 5138) it is almost surely micro- or nanoseconds. */
const PROBABLY_FINER = 1e14;
const FINER_UNITS = [
  ['microseconds', 1e3],
  ['nanoseconds', 1e6],
] as const;

export function isDateInRange(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS;
}

/** "1700000000000000000 (out of range)": the value as logged (integers print in full below 1e21). */
export function outOfRange(ms: number): string {
  return `${String(ms)} (out of range)`;
}

/** Formats with any Intl formatter; a time a Date cannot hold gives the outOfRange text. */
export function formatTimeWith(format: Intl.DateTimeFormat, ms: number): string {
  if (!isDateInRange(ms)) return outOfRange(ms);
  try {
    return format.format(ms);
  } catch {
    return outOfRange(ms);
  }
}

export function formatTimestamp(ms: number | undefined | null): string {
  if (ms === undefined || ms === null || Number.isNaN(ms) || ms <= 0) return '—';
  return isDateInRange(ms) ? formatTimeWith(dateTime(), ms).replace(',', '') : outOfRange(ms);
}

export function describeTimestamp(ms: number | undefined | null): string | undefined {
  if (ms === undefined || ms === null || Number.isNaN(ms) || ms <= 0) return undefined;
  const full = isDateInRange(ms) ? formatTimeWith(withZone(), ms) : outOfRange(ms);
  if (ms < PROBABLY_SECONDS) return `${full} (value ${ms} looks like seconds, not milliseconds)`;
  if (ms < PROBABLY_FINER) return full;
  const finer = FINER_UNITS.find(([, per]) => ms / per >= PROBABLY_SECONDS && ms / per < PROBABLY_FINER);
  return finer
    ? `${full}: value ${ms} looks like ${finer[0]}, not milliseconds (as ${finer[0]}: ${formatTimeWith(withZone(), ms / finer[1])})`
    : full;
}

/** ISO 8601 in UTC for files (CSV), or the raw number when a Date cannot hold it. */
export function isoTimestamp(ms: number): string | number {
  if (!isDateInRange(ms)) return ms;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? ms : date.toISOString();
}
