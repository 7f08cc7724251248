// SVG path data for a chart's marks, built in one pass: the line through the buckets and the
// min/max envelope as a filled band, both broken at gaps (null). recharts' own Line and Area
// cost ~30 µs a point (a 10-run chart of ~13,000 points took 300–450 ms a render, the longest
// tasks of the page: docs/charts-performance.md); a string built here costs milliseconds.
import type { EnvelopeDatum, LineDatum } from './chart-data.ts';

export type Scale = (value: number) => number | undefined;

/** A pixel coordinate, to a tenth of a pixel (a shorter path, the same picture). */
const px = (v: number) => Math.round(v * 10) / 10;

/** "M x,y L x,y …", a new "M" after every gap. Points the scales cannot place are gaps too. */
export function linePath(line: readonly LineDatum[], sx: Scale, sy: Scale): string {
  const parts: string[] = [];
  let open = false;
  for (const d of line) {
    const x = sx(d.x);
    const y = d.y === null ? undefined : sy(d.y);
    if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) {
      open = false;
      continue;
    }
    parts.push(`${open ? 'L' : 'M'}${px(x)},${px(y)}`);
    open = true;
  }
  return parts.join('');
}

/** Each stretch without a gap as a closed band: along the maxima, then back along the minima. */
export function bandPath(envelope: readonly EnvelopeDatum[], sx: Scale, sy: Scale): string {
  const parts: string[] = [];
  let top: string[] = [];
  let bottom: string[] = [];
  const close = () => {
    if (top.length > 0) parts.push(`M${top.join('L')}L${bottom.reverse().join('L')}Z`);
    top = [];
    bottom = [];
  };
  for (const d of envelope) {
    const x = d.range ? sx(d.x) : undefined;
    const high = d.range ? sy(d.range[1]) : undefined;
    const low = d.range ? sy(d.range[0]) : undefined;
    if (x === undefined || high === undefined || low === undefined || !Number.isFinite(x + high + low)) {
      close();
      continue;
    }
    top.push(`${px(x)},${px(high)}`);
    bottom.push(`${px(x)},${px(low)}`);
  }
  close();
  return parts.join('');
}
