import { interpolateViridis } from 'd3-scale-chromatic';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MISSING_COLOR, sequentialColorScale } from './color-scale.ts';

describe('sequentialColorScale', () => {
  it('spans the finite values, params read as numbers', () => {
    const scale = sequentialColorScale([0.2, '0.8', NaN, undefined, Infinity, 0.5]);
    expect(scale.domain).toEqual([0.2, 0.8]);
    expect(scale.color(0.2)).toBe(interpolateViridis(0));
    expect(scale.color(0.8)).toBe(interpolateViridis(0.9));
  });

  it('gives the best end the same colour whatever the direction', () => {
    const high = sequentialColorScale([1, 2], { bestHigh: true });
    const low = sequentialColorScale([1, 2], { bestHigh: false });
    expect(low.color(1)).toBe(high.color(2));
    expect(low.color(2)).toBe(high.color(1));
    expect(low.stops[0]!.color).toBe(high.stops.at(-1)!.color);
  });

  it('greys missing and non-finite values', () => {
    const scale = sequentialColorScale([1, 2]);
    for (const value of [undefined, NaN, -Infinity, 'rbf']) expect(scale.color(value)).toBe(MISSING_COLOR);
  });

  it('has stops from 0 to 1 matching the colours at the domain ends', () => {
    const scale = sequentialColorScale([10, 20]);
    expect(scale.stops[0]).toEqual({ offset: 0, color: scale.color(10) });
    expect(scale.stops.at(-1)).toEqual({ offset: 1, color: scale.color(20) });
  });

  it('takes the middle colour for one distinct value, and a unit domain with none', () => {
    expect(sequentialColorScale([3, 3]).color(3)).toBe(interpolateViridis(0.45));
    expect(sequentialColorScale([undefined]).domain).toEqual([0, 1]);
  });

  it('property: deterministic colour strings, clamped outside the domain', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), { minLength: 1 }),
        fc.double({ noNaN: true }),
        (values, probe) => {
          const a = sequentialColorScale(values);
          const b = sequentialColorScale(values);
          expect(a.color(probe)).toBe(b.color(probe));
          expect(a.color(probe)).toMatch(/^#[0-9a-f]{6}$/);
          if (Number.isFinite(probe) && probe > a.domain[1]) expect(a.color(probe)).toBe(a.color(a.domain[1]));
        },
      ),
    );
  });
});
