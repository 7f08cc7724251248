import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAxis } from './axis.ts';
import {
  brushContains,
  brushFromPositions,
  brushPositions,
  decodeBrushes,
  encodeBrushes,
  matchesBrushes,
  type Brush,
  type Brushes,
} from './brush.ts';

const c = buildAxis({ id: 'params.C', label: 'C', values: ['1', '10', '100'], log: true });
const kernel = buildAxis({ id: 'params.kernel', label: 'kernel', values: ['linear', 'rbf', 'poly'] });
const score = buildAxis({ id: 'metrics.score', label: 'score', values: [0.5, 0.9] });

// Ids and categories drawn from the characters the codec gives a meaning to, plus anything else.
const awkwardText = fc.string({
  unit: fc.oneof(fc.constantFrom(':', ';', '|', '~', '=', '.', ' ', '%', '-'), fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' })),
  maxLength: 12,
});
const brush: fc.Arbitrary<Brush> = fc.oneof(
  fc.record({
    kind: fc.constant('range' as const),
    min: fc.double({ noNaN: true, noDefaultInfinity: true }),
    max: fc.double({ noNaN: true, noDefaultInfinity: true }),
  }),
  fc.record({ kind: fc.constant('categories' as const), values: fc.array(awkwardText, { maxLength: 4 }) }),
);
const brushes: fc.Arbitrary<Brushes> = fc.dictionary(awkwardText, brush, { maxKeys: 5 });

describe('brush codec', () => {
  it('writes the short form', () => {
    expect(
      encodeBrushes({ 'params.C': { kind: 'range', min: 1, max: 10 }, 'params.kernel': { kind: 'categories', values: ['linear', 'rbf'] } }),
    ).toBe('params.C:1~10;params.kernel:=linear|rbf');
    expect(encodeBrushes({ 'params.a:b;c': { kind: 'categories', values: ['x|y', 'p=q~r'] } })).toBe('params.a%3Ab%3Bc:=x%7Cy|p%3Dq%7Er');
  });

  it('property: decode(encode(b)) equals b', () => {
    fc.assert(
      fc.property(brushes, (b) => {
        expect(decodeBrushes(encodeBrushes(b))).toEqual(b);
      }),
    );
  });

  it('tells an empty category set from the one empty category', () => {
    const b: Brushes = { 'params.a': { kind: 'categories', values: [] }, 'params.b': { kind: 'categories', values: [''] } };
    expect(decodeBrushes(encodeBrushes(b))).toEqual(b);
  });

  it('drops malformed parts and keeps the rest', () => {
    expect(
      decodeBrushes('params.C:1~10;nocolon;params.x:1~;params.y:a~b;params.z:1~2~3;%E0%A4%A:=a;params.k:=%ZZ;metrics.m:-1e-3~0.5'),
    ).toEqual({
      'params.C': { kind: 'range', min: 1, max: 10 },
      'metrics.m': { kind: 'range', min: -1e-3, max: 0.5 },
    });
    expect(decodeBrushes('')).toEqual({});
  });

  it('keeps an id such as __proto__ as a plain key', () => {
    const decoded = decodeBrushes('__proto__:1~2');
    expect(Object.hasOwn(decoded, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
  });

  it('property: never throws', () => {
    fc.assert(fc.property(fc.string(), (text) => void decodeBrushes(text)));
  });
});

describe('brushContains / matchesBrushes', () => {
  it('includes both ends of a range and reads numeric param strings', () => {
    const b: Brush = { kind: 'range', min: 1, max: 10 };
    expect(['0.5', '1', '5', '10', '11'].map((v) => brushContains(c, b, v))).toEqual([false, true, true, true, false]);
  });

  it('never matches a missing or unplaceable value', () => {
    const everything: Brush = { kind: 'range', min: -Infinity, max: Infinity };
    expect(brushContains(score, everything, undefined)).toBe(false);
    expect(brushContains(score, everything, NaN)).toBe(false);
    expect(brushContains(c, everything, '-1')).toBe(false); // ≤ 0 on a log axis
    expect(brushContains(kernel, { kind: 'categories', values: ['linear'] }, undefined)).toBe(false);
    expect(brushContains(kernel, { kind: 'categories', values: ['sigmoid'] }, 'sigmoid')).toBe(false); // not on the axis
  });

  it('matches categories by their text', () => {
    const b: Brush = { kind: 'categories', values: ['linear', 'rbf'] };
    expect(['linear', 'rbf', 'poly'].map((v) => brushContains(kernel, b, v))).toEqual([true, true, false]);
  });

  it('needs every brush to match, and ignores axes without one and brushes without an axis', () => {
    const axes = [c, kernel, score];
    const b: Brushes = {
      'params.C': { kind: 'range', min: 1, max: 10 },
      'params.kernel': { kind: 'categories', values: ['rbf'] },
      'params.gone': { kind: 'range', min: 0, max: 0 },
    };
    expect(matchesBrushes(axes, b, ['10', 'rbf', undefined])).toBe(true);
    expect(matchesBrushes(axes, b, ['100', 'rbf', 0.9])).toBe(false);
    expect(matchesBrushes(axes, b, ['1', 'linear', 0.9])).toBe(false);
    expect(matchesBrushes(axes, {}, [undefined, undefined, undefined])).toBe(true);
  });

  it('property: with no brushes every run matches', () => {
    const value = fc.oneof(fc.constant(undefined), fc.double(), fc.string());
    fc.assert(
      fc.property(fc.array(value, { minLength: 3, maxLength: 3 }), (values) => {
        expect(matchesBrushes([c, kernel, score], {}, values)).toBe(true);
      }),
    );
  });
});

describe('brush positions', () => {
  it('selects the categories whose band centre is inside', () => {
    // kernel's categories: linear, poly, rbf at centres 1/6, 1/2, 5/6.
    expect(brushFromPositions(kernel, 0.4, 0.9)).toEqual({ kind: 'categories', values: ['poly', 'rbf'] });
    expect(brushFromPositions(kernel, 0.2, 0.3)).toBeUndefined();
    expect(brushPositions(kernel, { kind: 'categories', values: ['poly', 'rbf'] })).toEqual([1 / 3, 1]);
  });

  it('converts a numeric span both ways, log axes included', () => {
    expect(brushFromPositions(c, 0.5, 1)).toEqual({ kind: 'range', min: 10, max: 100 });
    expect(brushPositions(c, { kind: 'range', min: 10, max: 100 })).toEqual([0.5, 1]);
    expect(brushPositions(c, { kind: 'range', min: -5, max: 1e9 })).toEqual([0, 1]);
    expect(brushPositions(c, { kind: 'range', min: -5, max: 0 })).toBeUndefined();
  });

  it('property: a numeric brush drawn between two positions contains the values placed strictly inside', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b, t) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          fc.pre(hi - lo > 0.01);
          const brushed = brushFromPositions(score, lo, hi)!;
          const p = lo + 0.005 + t * (hi - lo - 0.01);
          const [dlo, dhi] = score.kind === 'numeric' ? score.domain : [0, 1];
          expect(brushContains(score, brushed, dlo + p * (dhi - dlo))).toBe(true);
        },
      ),
    );
  });
});
