// Timestamps are milliseconds since the epoch (MLflow int64). Shown in the viewer's time zone
// with the zone named, so screenshots taken elsewhere are unambiguous.

// Compact and sortable by eye: 2026-11-22 14:03 (local time; the tooltip names the zone).
const dateTime = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const withZone = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

/** Below this a "millisecond" timestamp is before March 1973: almost surely seconds. */
const PROBABLY_SECONDS = 1e11;

export function formatTimestamp(ms: number | undefined | null): string {
  if (ms === undefined || ms === null || !Number.isFinite(ms) || ms <= 0) return '—';
  return dateTime.format(ms).replace(',', '');
}

export function describeTimestamp(ms: number | undefined | null): string | undefined {
  if (ms === undefined || ms === null || !Number.isFinite(ms) || ms <= 0) return undefined;
  const full = withZone.format(ms);
  return ms < PROBABLY_SECONDS ? `${full} (value ${ms} looks like seconds, not milliseconds)` : full;
}
