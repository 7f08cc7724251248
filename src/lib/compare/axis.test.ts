import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { axisPosition, axisValueAt, buildAxis, isNumericValues, toNumber, type NumericAxis } from './axis.ts';
import { dimensionValue, parseDimension } from './dimension.ts';

describe('buildAxis', () => {
  it('is numeric for metrics and numeric-looking params ("10", "1e-3"), categorical otherwise', () => {
    expect(buildAxis({ id: 'params.C', label: 'C', values: ['1', '10', undefined] }).kind).toBe('numeric');
    expect(buildAxis({ id: 'params.lr', label: 'lr', values: ['1e-3', ' 0.01 '] }).kind).toBe('numeric');
    expect(buildAxis({ id: 'metrics.m', label: 'm', values: [0.5, Number.NaN, Infinity] }).kind).toBe('numeric');
    const kernel = buildAxis({ id: 'params.kernel', label: 'kernel', values: ['rbf', 'linear', 'rbf', 'poly_10', 'poly_2'] });
    expect(kernel).toMatchObject({ kind: 'categorical', categories: ['linear', 'poly_2', 'poly_10', 'rbf'] });
  });

  it('places categories in the middle of equal bands, and an unknown or missing value nowhere', () => {
    const axis = buildAxis({ id: 'params.kernel', label: 'kernel', values: ['linear', 'rbf'] });
    expect(axisPosition(axis, 'linear')).toBe(0.25);
    expect(axisPosition(axis, 'rbf')).toBe(0.75);
    expect(axisPosition(axis, 'poly')).toBeUndefined();
    expect(axisPosition(axis, undefined)).toBeUndefined();
  });

  it('widens a single value to a span that shows it, linear or log', () => {
    const linear = buildAxis({ id: 'params.C', label: 'C', values: ['5', '5'] }) as NumericAxis;
    expect(linear.domain[0]).toBeLessThan(5);
    expect(linear.domain[1]).toBeGreaterThan(5);
    const log = buildAxis({ id: 'params.C', label: 'C', values: ['5'], log: true }) as NumericAxis;
    expect(log.log).toBe(true);
    expect(axisPosition(log, '5')).toBeGreaterThan(0);
    expect(axisPosition(log, '5')).toBeLessThan(1);
  });

  it('draws values at the edge of doubles (1e-323, two denormals, ±1e308) without throwing', () => {
    for (const values of [[1e-323], [1e-323, 2e-323], [-1e-323], [1e308, -1e308], [5e-324, 1], [-999999999.9999971, -999999999.9999976]]) {
      for (const log of [false, true]) {
        const axis = buildAxis({ id: 'm', label: 'm', values, log }) as NumericAxis;
        expect(axis.ticks.length, String(values)).toBeGreaterThan(0);
        expect(axis.ticks.every(Number.isFinite), String(values)).toBe(true);
        for (const v of values) {
          const p = axisPosition(axis, v);
          if (p !== undefined) expect(p >= 0 && p <= 1, `${v} on ${String(values)} at ${p}`).toBe(true);
        }
      }
    }
  });

  it('grants a log scale only when every value is positive, and never places ≤ 0 on one', () => {
    expect((buildAxis({ id: 'm', label: 'm', values: [0, 10], log: true }) as NumericAxis).log).toBe(false);
    const axis = buildAxis({ id: 'm', label: 'm', values: [0.001, 1000], log: true }) as NumericAxis;
    expect(axis.log).toBe(true);
    expect(axisPosition(axis, 1)).toBeCloseTo(0.5);
    expect(axisPosition(axis, -1)).toBeUndefined();
    expect(axis.ticks.every((t) => Number.isInteger(Math.log10(t)))).toBe(true);
  });

  it('places every finite value within 0…1, in order, and axisValueAt inverts it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        (values, log) => {
          const axis = buildAxis({ id: 'm', label: 'm', values, log }) as NumericAxis;
          const positions = values.map((v) => axisPosition(axis, v));
          for (const [i, p] of positions.entries()) {
            if (p === undefined) {
              expect(axis.log && values[i]! <= 0).toBe(true);
              continue;
            }
            expect(p).toBeGreaterThanOrEqual(-1e-9);
            expect(p).toBeLessThanOrEqual(1 + 1e-9);
            expect(axisValueAt(axis, p)).toBeCloseTo(values[i]!, Math.abs(values[i]!) > 1e6 ? -3 : 3);
          }
          const sorted = [...values].sort((a, b) => a - b);
          const sortedPositions = sorted.map((v) => axisPosition(axis, v) ?? -Infinity);
          // In order, up to the rounding of Math.log between values a few ulps apart.
          for (const [i, p] of sortedPositions.slice(1).entries()) expect(p).toBeGreaterThanOrEqual(sortedPositions[i]! - 1e-12);
        },
      ),
    );
  });
});

describe('numbers in params', () => {
  it('reads finite numbers only; NaN metrics keep an axis numeric', () => {
    expect(toNumber('1e-3')).toBe(0.001);
    expect(toNumber('')).toBeUndefined();
    expect(toNumber('nan')).toBeUndefined();
    expect(toNumber(Number.NaN)).toBeUndefined();
    expect(isNumericValues([Number.NaN, 1, undefined])).toBe(true);
    expect(isNumericValues(['1', 'rbf'])).toBe(false);
  });
});

describe('dimensions', () => {
  it('parse MLflow-style ids and read a run’s own values only', () => {
    expect(parseDimension('params.C')).toEqual({ kind: 'params', key: 'C' });
    expect(parseDimension('metrics.a.b')).toEqual({ kind: 'metrics', key: 'a.b' });
    expect(parseDimension('attributes.x')).toBeUndefined();
    expect(parseDimension('params.')).toBeUndefined();
    const run = { runId: 'r', name: 'n', params: { C: '1' }, metrics: { acc: 0.5 }, tags: {} };
    expect(dimensionValue(run, { kind: 'params', key: 'C' })).toBe('1');
    expect(dimensionValue(run, { kind: 'metrics', key: 'acc' })).toBe(0.5);
    expect(dimensionValue(run, { kind: 'params', key: 'constructor' })).toBeUndefined();
  });
});
