import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandPath, linePath } from './chart-paths.ts';

const sx = (x: number) => x * 10;
const sy = (y: number) => 100 - y;

describe('linePath', () => {
  it('draws through the points and starts again after a gap', () => {
    const line = [
      { x: 0, y: 1 },
      { x: 1, y: 2 },
      { x: 2, y: null },
      { x: 3, y: 4 },
      { x: 4, y: 5 },
    ];
    expect(linePath(line, sx, sy)).toBe('M0,99L10,98M30,96L40,95');
  });

  it('treats a value the scale cannot place (log of 0) as a gap', () => {
    const log = (y: number) => (y > 0 ? Math.log10(y) : undefined);
    expect(
      linePath(
        [
          { x: 0, y: 0 },
          { x: 1, y: 10 },
        ],
        sx,
        log,
      ),
    ).toBe('M10,1');
  });

  it('property: one M per stretch of placeable points, one L per further point', () => {
    const data = fc.array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }), { maxLength: 200 });
    fc.assert(
      fc.property(data, (ys) => {
        const line = ys.map((y, x) => ({ x, y }));
        const path = linePath(line, sx, sy);
        const stretches = ys.reduce<number>((n, y, i) => (y !== null && (i === 0 || ys[i - 1] === null) ? n + 1 : n), 0);
        expect(path.split('M').length - 1).toBe(stretches);
        expect(path.split('L').length - 1).toBe(ys.filter((y) => y !== null).length - stretches);
      }),
    );
  });
});

describe('bandPath', () => {
  it('closes a band along the maxima and back along the minima, one per stretch', () => {
    const envelope = [
      { x: 0, range: [1, 3] as [number, number] },
      { x: 1, range: [2, 4] as [number, number] },
      { x: 2, range: null },
      { x: 3, range: [0, 1] as [number, number] },
    ];
    expect(bandPath(envelope, sx, sy)).toBe('M0,97L10,96L10,98L0,99ZM30,99L30,100Z');
  });
});
