// The sweep view's heatmap: two params as rows and columns, each cell the mean of a metric over
// the runs that share both values. Both axes are categories even when numeric, because a sweep's
// values ("0.001", "0.01", "0.1") are a grid, not a continuum.
import { compareText } from '../../../contract/display/compare.ts';
import { toCategory, toNumber } from './axis.ts';
import type { AxisValue } from './types.ts';

export interface GridPoint {
  id: string;
  x: AxisValue;
  y: AxisValue;
  value: number | undefined;
}

export interface GridCell {
  x: string;
  y: string;
  /** mean of the finite values */
  value: number | undefined;
  /** How many finite values the mean is over (a run whose value is NaN or missing is in `ids` only). */
  count: number;
  /** Every run at this combination, in input order. */
  ids: readonly string[];
}

export interface HeatmapGrid {
  xCategories: readonly string[];
  yCategories: readonly string[];
  /** Only combinations that occur, row by row (y, then x, in category order). */
  cells: readonly GridCell[];
  /** [min, max] of the cells' values; undefined when no cell has one. */
  domain: readonly [number, number] | undefined;
}

/** Numbers first in numeric order, then the rest in natural order; ties ("1" and "1.0") by code unit. */
export function compareCategories(a: string, b: string): number {
  const na = toNumber(a);
  const nb = toNumber(b);
  if (na !== undefined && nb !== undefined && na !== nb) return na - nb;
  if ((na === undefined) !== (nb === undefined)) return na === undefined ? 1 : -1;
  return compareText(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Mean that cannot overflow (each term is divided first), stays within [min, max] and, summed in
 * sorted order, does not depend on the order of the runs.
 */
function mean(values: readonly number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  const [min, max] = [sorted[0], sorted.at(-1)];
  if (min === undefined || max === undefined) return undefined;
  const sum = sorted.reduce((acc, v) => acc + v / sorted.length, 0);
  return Math.min(Math.max(sum, min), max) + 0;
}

/** Both axes treated as categories: numeric-looking values in numeric order ("1","10","100"), others in natural order (compareText from '../../../contract/display/compare.ts'); points missing x or y are left out. */
export function heatmapGrid(points: readonly GridPoint[]): HeatmapGrid {
  const groups = new Map<string, { x: string; y: string; ids: string[]; values: number[] }>();
  for (const point of points) {
    const x = toCategory(point.x);
    const y = toCategory(point.y);
    if (x === undefined || y === undefined) continue;
    const key = JSON.stringify([x, y]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { x, y, ids: [], values: [] }));
    group.ids.push(point.id);
    if (point.value !== undefined && Number.isFinite(point.value)) group.values.push(point.value);
  }
  const all = [...groups.values()];
  const xCategories = [...new Set(all.map((g) => g.x))].sort(compareCategories);
  const yCategories = [...new Set(all.map((g) => g.y))].sort(compareCategories);
  const cells: GridCell[] = all
    .map((g) => ({ x: g.x, y: g.y, value: mean(g.values), count: g.values.length, ids: g.ids }))
    .sort((a, b) => compareCategories(a.y, b.y) || compareCategories(a.x, b.x));
  const means = cells.flatMap((c) => (c.value === undefined ? [] : [c.value]));
  const domain = means.length ? ([Math.min(...means), Math.max(...means)] as const) : undefined;
  return { xCategories, yCategories, cells, domain };
}
