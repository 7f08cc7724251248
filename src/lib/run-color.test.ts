import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RUN_PALETTE, runColors } from './run-color.ts';

/** CIELAB of an sRGB hex colour (D65), to measure how far apart two colours look. */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `run${String(i).padStart(2, '0')}`);

describe('runColors', () => {
  it('gives up to 20 runs 20 different colours', () => {
    for (let n = 1; n <= 20; n++) expect(new Set(runColors(ids(n)).values()).size).toBe(n);
  });

  it('uses colours clearly apart from each other (CIELAB difference of at least 20)', () => {
    for (const [i, a] of RUN_PALETTE.entries())
      for (const b of RUN_PALETTE.slice(i + 1)) {
        const [p, q] = [lab(a), lab(b)];
        expect(Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]), `${a} vs ${b}`).toBeGreaterThanOrEqual(20);
      }
  });

  it('starts with the Okabe–Ito colour-blind-safe colours, in order', () => {
    expect([...runColors(ids(8)).values()]).toEqual([
      '#0072b2',
      '#e69f00',
      '#009e73',
      '#d55e00',
      '#cc79a7',
      '#56b4e9',
      '#f0e442',
      '#999999',
    ]);
  });

  it('colours by position, not by id: the same list gives the same colours, whatever the ids', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 32 }), { maxLength: 40 }), (runIds) => {
        const colors = runColors(runIds);
        expect(runColors([...runIds])).toEqual(colors);
        runIds.forEach((id, i) => expect(colors.get(id)).toBe(RUN_PALETTE[i % RUN_PALETTE.length]));
      }),
    );
  });

  it('keeps a run named twice at its first position', () => {
    const colors = runColors(['a', 'b', 'a', 'c']);
    expect([...colors.entries()]).toEqual([
      ['a', RUN_PALETTE[0]],
      ['b', RUN_PALETTE[1]],
      ['c', RUN_PALETTE[2]],
    ]);
  });
});
