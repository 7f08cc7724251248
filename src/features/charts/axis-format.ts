import { displayTimeZone, formatTimeWith, zonedFormat } from '../../../contract/display/format-time.ts';
import { formatMetric } from '../../../contract/display/format-value.ts';
import type { XAxisKind } from '@/lib/series/chart-data.ts';

// Wall time in the page's zone (tz=, else the viewer's), the same as every other shown time; the
// axis label names the zone, so a screenshot says which clock its ticks read.
const TIME: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };

export const xAxisLabel: Readonly<Record<XAxisKind, string>> = {
  step: 'Step',
  get time() {
    return `Wall time (${displayTimeZone()})`;
  },
  relative: 'Relative time',
};

/** `exact`: the digits of a step past 2^53, which `x` only approximates (steps are int64). */
export function formatX(kind: XAxisKind, x: number, exact?: string): string {
  if (exact !== undefined && kind === 'step') return groupDigits(exact);
  // A logged time outside Date's range (a nanosecond clock) is labelled, not thrown on.
  if (kind === 'time') return formatTimeWith(zonedFormat(undefined, TIME), x);
  if (kind === 'relative') {
    const s = Math.abs(x);
    if (s < 120) return `${Number(x.toPrecision(3))} s`;
    if (s < 7200) return `${Number((x / 60).toPrecision(3))} min`;
    return `${Number((x / 3600).toPrecision(3))} h`;
  }
  return Number.isInteger(x) ? x.toLocaleString('en-US') : String(Number(x.toPrecision(6)));
}

/** 9007199254740993 → 9,007,199,254,740,993, without going through a double. */
function groupDigits(digits: string): string {
  const sign = digits.startsWith('-') ? '-' : '';
  return sign + digits.slice(sign.length).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export const formatY = (y: number) => formatMetric(y);
