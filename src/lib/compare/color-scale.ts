// Colouring runs by a metric. Viridis is perceptually uniform and readable by colour-blind
// viewers; its last tenth (pale yellow) is cut because it vanishes on a white background.
import { interpolateViridis } from 'd3-scale-chromatic';
import { toNumber } from './axis.ts';
import type { AxisValue } from './types.ts';

export interface ColorScale {
  domain: readonly [number, number];
  /** A colour for a value; a neutral grey for a missing/non-finite one. */
  color(value: AxisValue): string;
  /** For a legend gradient: offsets 0..1 from domain[0] to domain[1]. */
  stops: readonly { offset: number; color: string }[];
}

/** Grey is outside viridis, so a missing value never reads as a low or high one. */
export const MISSING_COLOR = '#9aa0a6';
const VIRIDIS_END = 0.9;
const STOP_COUNT = 11;

/**
 * Sequential scale over the finite values; `bestHigh` false flips it so the best end (per the
 * metric's direction) is always the same colour. One distinct value takes the middle colour.
 */
export function sequentialColorScale(values: readonly AxisValue[], options: { bestHigh?: boolean } = {}): ColorScale {
  const bestHigh = options.bestHigh ?? true;
  const numbers = values.flatMap((value) => toNumber(value) ?? []);
  const domain: readonly [number, number] = numbers.length ? [Math.min(...numbers), Math.max(...numbers)] : [0, 1];
  const span = domain[1] - domain[0];
  const at = (t: number) => interpolateViridis((bestHigh ? t : 1 - t) * VIRIDIS_END);
  return {
    domain,
    color(value) {
      const number = toNumber(value);
      if (number === undefined) return MISSING_COLOR;
      const t = span > 0 ? Math.min(1, Math.max(0, (number - domain[0]) / span)) : 0.5;
      return at(t);
    },
    stops: Array.from({ length: STOP_COUNT }, (_, i) => {
      const offset = i / (STOP_COUNT - 1);
      return { offset, color: at(span > 0 ? offset : 0.5) };
    }),
  };
}
