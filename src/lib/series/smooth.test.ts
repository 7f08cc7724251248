import { describe, expect, it } from 'vitest';
import { emaSmooth } from './smooth.ts';

describe('emaSmooth', () => {
  it('returns the values unchanged at weight 0', () => {
    const points = [
      { x: 0, y: 1 },
      { x: 1, y: 3 },
    ];
    expect(emaSmooth(points, 0)).toEqual(points);
  });

  it('is debiased: a constant series stays constant from its first point', () => {
    expect(
      emaSmooth(
        [
          { x: 0, y: 5 },
          { x: 1, y: 5 },
          { x: 2, y: 5 },
        ],
        0.9,
      ).map((p) => p.y),
    ).toEqual([5, 5, 5].map((v) => expect.closeTo(v, 10)));
  });

  it('pulls a spike toward its neighbours and skips NaN', () => {
    const smoothed = emaSmooth(
      [
        { x: 0, y: 1 },
        { x: 1, y: NaN },
        { x: 2, y: 100 },
        { x: 3, y: 1 },
      ],
      0.6,
    );
    expect(smoothed[1]!.y).toBeNaN();
    expect(smoothed[2]!.y).toBeLessThan(100);
    expect(smoothed[2]!.y).toBeGreaterThan(1);
  });
});
