import { describe, expect, it } from 'vitest';
import { emaSmooth } from './smooth.ts';
import { seriesColumns } from './types.ts';

const ys = (points: { x: number; y: number }[], weight: number) => Array.from(emaSmooth(seriesColumns(points), weight).ys);

describe('emaSmooth', () => {
  it('returns the values unchanged at weight 0', () => {
    const points = [
      { x: 0, y: 1 },
      { x: 1, y: 3 },
    ];
    expect(ys(points, 0)).toEqual([1, 3]);
  });

  it('is debiased: a constant series stays constant from its first point', () => {
    expect(
      ys(
        [
          { x: 0, y: 5 },
          { x: 1, y: 5 },
          { x: 2, y: 5 },
        ],
        0.9,
      ),
    ).toEqual([5, 5, 5].map((v) => expect.closeTo(v, 10)));
  });

  it('pulls a spike toward its neighbours and skips NaN', () => {
    const smoothed = ys(
      [
        { x: 0, y: 1 },
        { x: 1, y: NaN },
        { x: 2, y: 100 },
        { x: 3, y: 1 },
      ],
      0.6,
    );
    expect(smoothed[1]!).toBeNaN();
    expect(smoothed[2]!).toBeLessThan(100);
    expect(smoothed[2]!).toBeGreaterThan(1);
  });
});
