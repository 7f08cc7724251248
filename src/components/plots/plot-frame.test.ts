import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitText, fitTextMiddle, formatAxisValue, jitter, textWidth } from './plot-frame.ts';

describe('plot frame', () => {
  it('cuts text to a width, at the end or in the middle', () => {
    const name = 'sklearn-svc-run-with-a-long-name-7';
    expect(fitText('short', 100)).toBe('short');
    expect(fitText(name, 100)).toMatch(/^sklearn.*…$/);
    expect(fitTextMiddle(name, 130)).toMatch(/^sklearn.*….*-7$/);
    expect(fitText(name, 5)).toBe('');
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 0, max: 400 }), (text, width) => {
        for (const fitted of [fitText(text, width), fitTextMiddle(text, width)]) {
          expect(fitted === text || textWidth(fitted) <= width).toBe(true);
        }
      }),
    );
  });

  it('prints values as the plots label them', () => {
    expect(formatAxisValue('1e-3')).toBe('0.001');
    expect(formatAxisValue('rbf')).toBe('rbf');
    expect(formatAxisValue(NaN)).toBe('NaN');
    expect(formatAxisValue(undefined)).toBe('—');
  });

  it('jitters by index within [-0.5, 0.5), the same every time', () => {
    const spread = Array.from({ length: 50 }, (_, i) => jitter(i));
    expect(spread).toEqual(Array.from({ length: 50 }, (_, i) => jitter(i)));
    for (const j of spread) expect(j >= -0.5 && j < 0.5).toBe(true);
  });
});
