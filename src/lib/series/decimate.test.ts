import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGap, minMaxEnvelope, type EnvelopeBucket } from './decimate.ts';
import { seriesColumns, type SeriesColumns } from './types.ts';

const line = (n: number, f: (i: number) => number): SeriesColumns =>
  seriesColumns(Array.from({ length: n }, (_, i) => ({ x: i, y: f(i) })));

describe('minMaxEnvelope', () => {
  it('keeps every point when there are fewer points than buckets', () => {
    const buckets = minMaxEnvelope(
      line(3, (i) => i * 2),
      600,
    );
    expect(buckets).toEqual([
      { x: 0, min: 0, max: 0, last: 0, count: 1 },
      { x: 1, min: 2, max: 2, last: 2, count: 1 },
      { x: 2, min: 4, max: 4, last: 4, count: 1 },
    ]);
  });

  it('keeps a one-step spike among 100,000 steps', () => {
    const points = line(100_000, (i) => (i === 70_000 ? 50 : 1));
    const buckets = minMaxEnvelope(points, 500) as EnvelopeBucket[];
    expect(buckets.length).toBeLessThanOrEqual(500);
    expect(Math.max(...buckets.map((b) => b.max))).toBe(50);
  });

  it('turns buckets of only NaN or infinity into gaps, and keeps them out of min and max', () => {
    const buckets = minMaxEnvelope(
      seriesColumns([
        { x: 0, y: 1 },
        { x: 1, y: NaN },
        { x: 2, y: Infinity },
        { x: 3, y: 0.5 },
      ]),
      10,
    );
    expect(buckets.map((b) => (isGap(b) ? 'gap' : b.max))).toEqual([1, 'gap', 'gap', 0.5]);
  });

  it('cuts to the zoomed domain', () => {
    const buckets = minMaxEnvelope(
      line(1000, (i) => i),
      10,
      [100, 199],
    ) as EnvelopeBucket[];
    expect(buckets[0]!.min).toBe(100);
    expect(buckets.at(-1)!.max).toBe(199);
  });

  it('property: every bucket contains the true minimum and maximum of its points', () => {
    const series = fc
      .array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN), fc.constant(Infinity)), {
        minLength: 1,
        maxLength: 3000,
      })
      .map((ys) => ys.map((y, i) => ({ x: i * 3, y })));
    fc.assert(
      fc.property(series, fc.integer({ min: 1, max: 700 }), (points, width) => {
        const buckets = minMaxEnvelope(seriesColumns(points), width);
        expect(buckets.length).toBeLessThanOrEqual(Math.max(width, 1));
        const finite = points.filter((p) => Number.isFinite(p.y));
        // Every finite point lies inside the envelope of the bucket that holds its x.
        for (const p of finite) {
          const bucket = [...buckets].reverse().find((b) => b.x <= p.x && !isGap(b)) as EnvelopeBucket | undefined;
          expect(bucket).toBeDefined();
          expect(bucket!.min).toBeLessThanOrEqual(p.y);
          expect(bucket!.max).toBeGreaterThanOrEqual(p.y);
        }
        // And the envelope never exceeds the data.
        const all = buckets.filter((b): b is EnvelopeBucket => !isGap(b));
        if (finite.length > 0) {
          expect(Math.max(...all.map((b) => b.max))).toBe(Math.max(...finite.map((p) => p.y)));
          expect(Math.min(...all.map((b) => b.min))).toBe(Math.min(...finite.map((p) => p.y)));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('minMaxEnvelope over a domain', () => {
  it('property: buckets the points of a domain exactly as it buckets those points alone', () => {
    const xs = fc.array(fc.integer({ min: -500, max: 500 }), { maxLength: 400 }).map((v) => [...v].sort((a, b) => a - b));
    fc.assert(
      fc.property(
        xs,
        fc.integer({ min: -600, max: 600 }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 1, max: 100 }),
        (x, lo, span, n) => {
          const points = x.map((xi, i) => ({ x: xi, y: Math.sin(i) }));
          const domain: [number, number] = [lo, lo + span];
          const inside = points.filter((p) => p.x >= domain[0] && p.x <= domain[1]);
          expect(minMaxEnvelope(seriesColumns(points), n, domain)).toEqual(minMaxEnvelope(seriesColumns(inside), n, domain));
        },
      ),
    );
  });
});
