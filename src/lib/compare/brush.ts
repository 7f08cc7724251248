// Brushes filter the compare plots' runs: a value range on a numeric axis, a set of categories on
// a categorical one. They live in the URL (docs/conventions.md, 6), so the codec is tolerant: a
// stale or hand-edited link loses its malformed parts instead of failing the page.
import { axisPosition, axisValueAt, toCategory, toNumber, type Axis } from './axis.ts';
import type { AxisValue } from './types.ts';

export type Brush = { kind: 'range'; min: number; max: number } | { kind: 'categories'; values: readonly string[] };

/** By axis id (a dimension id such as `params.C`). */
export type Brushes = Readonly<Record<string, Brush>>;

/**
 * Whether the value lies in the brush on this axis (range inclusive; a missing/unplaceable value
 * never matches a brush). A range compares the value as a number, a category set as its text, so
 * a brush restored onto an axis whose kind changed still means what it said.
 */
export function brushContains(axis: Axis, brush: Brush, value: AxisValue): boolean {
  if (axisPosition(axis, value) === undefined) return false;
  if (brush.kind === 'categories') {
    const category = toCategory(value);
    return category !== undefined && brush.values.includes(category);
  }
  const number = toNumber(value);
  if (number === undefined) return false;
  return number >= Math.min(brush.min, brush.max) && number <= Math.max(brush.min, brush.max);
}

/** values[i] belongs to axes[i]; axes without a brush match anything; brushes naming an axis not in `axes` are ignored. */
export function matchesBrushes(axes: readonly Axis[], brushes: Brushes, values: readonly AxisValue[]): boolean {
  return axes.every((axis, i) => {
    const brush = Object.hasOwn(brushes, axis.id) ? brushes[axis.id] : undefined;
    return brush === undefined || brushContains(axis, brush, values[i]);
  });
}

// Grammar: parts joined by `;`, each `id:spec` with the id percent-encoded. A spec is `min~max`
// for a range, or `=` followed by the percent-encoded categories joined by `|`. An empty spec is
// an empty category set, so that `=` alone can mean the one category "" (an empty param value).
const encodePart = (text: string) => encodeURIComponent(text).replace(/~/g, '%7E');
// String(-0) is "0"; the sign is kept so that decoding gives back exactly what was encoded.
const encodeNumber = (n: number) => (Object.is(n, -0) ? '-0' : String(n));

function decodeNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isNaN(n) ? undefined : n;
}

/** Short URL form, e.g. `params.C:1~10;params.kernel:=linear|rbf`; ids and categories percent-encoded. */
export function encodeBrushes(brushes: Brushes): string {
  return Object.entries(brushes)
    .map(([id, brush]) => {
      const spec =
        brush.kind === 'range'
          ? `${encodeNumber(brush.min)}~${encodeNumber(brush.max)}`
          : brush.values.length === 0
            ? ''
            : `=${brush.values.map(encodePart).join('|')}`;
      return `${encodePart(id)}:${spec}`;
    })
    .join(';');
}

function decodePart(part: string): [string, Brush] | undefined {
  const colon = part.indexOf(':');
  if (colon < 0) return undefined;
  const id = decodeURIComponent(part.slice(0, colon));
  const spec = part.slice(colon + 1);
  if (spec === '') return [id, { kind: 'categories', values: [] }];
  if (spec.startsWith('='))
    return [
      id,
      {
        kind: 'categories',
        values: spec
          .slice(1)
          .split('|')
          .map((v) => decodeURIComponent(v)),
      },
    ];
  const [minText, maxText, extra] = spec.split('~');
  if (minText === undefined || maxText === undefined || extra !== undefined) return undefined;
  const min = decodeNumber(minText);
  const max = decodeNumber(maxText);
  return min === undefined || max === undefined ? undefined : [id, { kind: 'range', min, max }];
}

/** Tolerant: malformed parts are dropped; never throws. decode(encode(b)) deep-equals b for finite numbers. */
export function decodeBrushes(text: string): Brushes {
  const entries = text.split(';').flatMap((part) => {
    try {
      const entry = decodePart(part);
      return entry ? [entry] : [];
    } catch {
      // A broken percent escape (URIError): only this part is lost.
      return [];
    }
  });
  // fromEntries defines own properties, so an id such as `__proto__` stays a plain key.
  return Object.fromEntries(entries);
}

/** What a brush drawn from position `lo` to `hi` (0 = the axis' start) selects; undefined when it holds no category. */
export function brushFromPositions(axis: Axis, lo: number, hi: number): Brush | undefined {
  const [from, to] = lo <= hi ? [lo, hi] : [hi, lo];
  if (axis.kind === 'categorical') {
    const n = axis.categories.length;
    const values = axis.categories.filter((_, i) => (i + 0.5) / n >= from && (i + 0.5) / n <= to);
    return values.length ? { kind: 'categories', values } : undefined;
  }
  // A brush edge is only as precise as a pixel: four significant digits keep the URL short.
  const round = (n: number) => Number(n.toPrecision(4));
  return { kind: 'range', min: round(axisValueAt(axis, from)), max: round(axisValueAt(axis, to)) };
}

/** The positions [lo, hi] a brush covers on this axis, clamped to 0..1; undefined when it covers nothing there. */
export function brushPositions(axis: Axis, brush: Brush): readonly [number, number] | undefined {
  let lo: number;
  let hi: number;
  if (brush.kind === 'categories') {
    const indices = brush.values.map((v) => (axis.kind === 'categorical' ? axis.categories.indexOf(v) : -1)).filter((i) => i >= 0);
    if (axis.kind !== 'categorical' || indices.length === 0) return undefined;
    const n = axis.categories.length;
    [lo, hi] = [Math.min(...indices) / n, (Math.max(...indices) + 1) / n];
  } else {
    if (axis.kind !== 'numeric') return undefined;
    const place = (v: number) => (v === -Infinity || (axis.log && v <= 0) ? 0 : v === Infinity ? 1 : (axisPosition(axis, v) ?? 0));
    [lo, hi] = [place(Math.min(brush.min, brush.max)), place(Math.max(brush.min, brush.max))];
  }
  const clamp = (p: number) => Math.min(1, Math.max(0, p));
  [lo, hi] = [clamp(lo), clamp(hi)];
  return hi > lo ? [lo, hi] : undefined;
}
