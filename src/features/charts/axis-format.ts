import { formatTimeWith } from '@/lib/format-time.ts';
import { formatMetric } from '@/lib/format-value.ts';
import type { XAxisKind } from '@/lib/series/chart-data.ts';

const time = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

export const xAxisLabel: Record<XAxisKind, string> = { step: 'Step', time: 'Wall time (UTC)', relative: 'Relative time' };

export function formatX(kind: XAxisKind, x: number): string {
  // A logged time outside Date's range (a nanosecond clock) is labelled, not thrown on.
  if (kind === 'time') return formatTimeWith(time, x);
  if (kind === 'relative') {
    const s = Math.abs(x);
    if (s < 120) return `${Number(x.toPrecision(3))} s`;
    if (s < 7200) return `${Number((x / 60).toPrecision(3))} min`;
    return `${Number((x / 3600).toPrecision(3))} h`;
  }
  return Number.isInteger(x) ? x.toLocaleString('en-US') : String(Number(x.toPrecision(6)));
}

export const formatY = (y: number) => formatMetric(y);
