// The best of a metric's values across runs: the one rule the compare table, the plots and the
// sweep view mark "best" by.
import type { BestDirection } from './best-direction.ts';

/** The lowest or highest finite value; undefined when fewer than 2 runs have one (nothing to compare). */
export function bestValue(values: readonly (number | undefined)[], direction: BestDirection): number | undefined {
  let best: number | undefined;
  let count = 0;
  for (const value of values) {
    if (value === undefined || !Number.isFinite(value)) continue;
    count++;
    if (best === undefined || (direction === 'min' ? value < best : value > best)) best = value;
  }
  return count < 2 ? undefined : best;
}

/** The ids of the runs holding the best value (ties all best). */
export function bestIds<T>(
  items: readonly T[],
  valueOf: (item: T) => number | undefined,
  idOf: (item: T) => string,
  direction: BestDirection,
): Set<string> {
  const best = bestValue(items.map(valueOf), direction);
  return new Set(best === undefined ? [] : items.filter((item) => valueOf(item) === best).map(idOf));
}
