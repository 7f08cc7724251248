import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSweepMetric, detectSweep, sweepRows } from './sweep.ts';
import type { RunValues } from './types.ts';

const child = (
  runId: string,
  params: Record<string, string>,
  metrics: Record<string, number> = {},
  name = `trial ${runId}`,
): RunValues => ({
  runId,
  name,
  params,
  metrics,
  tags: {},
});

describe('detectSweep', () => {
  it('splits varying from constant params, a missing key counting as a value', () => {
    const sweep = detectSweep([
      child('1', { C: '1', kernel: 'rbf', cv: '5', m_10: 'x', m_2: 'a' }, { mean_test_score: 0.8 }),
      child('2', { C: '10', kernel: 'rbf', cv: '5', m_2: 'a' }, { mean_fit_time: 0.1 }),
    ]);
    expect(sweep.varying).toEqual(['C', 'm_10']);
    expect(sweep.constant).toEqual({ cv: '5', kernel: 'rbf', m_2: 'a' });
    expect(Object.keys(sweep.constant)).toEqual(['cv', 'kernel', 'm_2']);
    expect(sweep.metrics).toEqual(['mean_fit_time', 'mean_test_score']);
  });

  it('holds every param of a single child constant, and nothing without children', () => {
    expect(detectSweep([child('1', { a: '1' })])).toEqual({ varying: [], constant: { a: '1' }, metrics: [] });
    expect(detectSweep([])).toEqual({ varying: [], constant: {}, metrics: [] });
  });

  it('handles 1,000 children with 20 params and 20 metrics', () => {
    const children = Array.from({ length: 1000 }, (_, i) =>
      child(
        String(i),
        Object.fromEntries(Array.from({ length: 20 }, (_, p) => [`p${p}`, p < 3 ? String((i * (p + 7)) % 13) : 'fixed'])),
        Object.fromEntries(Array.from({ length: 20 }, (_, m) => [m === 0 ? 'mean_test_score' : `m${m}`, ((i * 37) % 1000) / 1000 + m])),
      ),
    );
    const sweep = detectSweep(children);
    expect(sweep.varying).toEqual(['p0', 'p1', 'p2']);
    expect(Object.keys(sweep.constant)).toHaveLength(17);
    expect(sweep.metrics).toHaveLength(20);
    expect(defaultSweepMetric(sweep, children)).toBe('mean_test_score');
    const rows = sweepRows(children, sweep, 'mean_test_score', 'max');
    expect(rows).toHaveLength(1000);
    expect(rows[0]).toMatchObject({ value: 0.999, rank: 1 });
    expect(rows.at(-1)).toMatchObject({ value: 0, rank: 1000 });
    expect(Object.keys(rows[0]?.params ?? {})).toEqual(['p0', 'p1', 'p2']);
  });
});

describe('defaultSweepMetric', () => {
  const pick = (metricSets: Record<string, number>[]) => {
    const children = metricSets.map((metrics, i) => child(String(i), {}, metrics));
    return defaultSweepMetric(detectSweep(children), children);
  };

  it("prefers GridSearchCV's mean_test_score", () => {
    expect(pick([{ std_test_score: 0.1, rank_test_score: 1, mean_test_score: 0.9, mean_fit_time: 1, split0_test_score: 0.8 }])).toBe(
      'mean_test_score',
    );
  });

  it('then a score or accuracy, then a loss, then the first key', () => {
    expect(pick([{ val_loss: 1, val_accuracy: 0.5, epoch: 3 }])).toBe('val_accuracy');
    expect(pick([{ val_loss: 1, f1: 0.5 }])).toBe('f1');
    expect(pick([{ rank_test_score: 1, std_test_score: 0.1, val_loss: 1 }])).toBe('val_loss');
    expect(pick([{ zeta: 1, epoch: 2, rmse: 3 }])).toBe('rmse');
    expect(pick([{ zeta: 1, epoch_10: 2, epoch_2: 3 }])).toBe('epoch_2');
  });

  it('prefers keys most children logged', () => {
    expect(pick([{ loss: 1, accuracy: 0.9 }, { loss: 2 }, { loss: 3 }])).toBe('loss');
    expect(pick([{ loss: 1, accuracy: 0.9 }, { loss: 2, accuracy: 0.8 }, { loss: 3 }])).toBe('accuracy');
    // No key reaches a majority: the most logged of the best tier.
    expect(pick([{ r2: 1, auc: 1 }, { auc: 1 }, { loss: 1 }, { zeta: 1 }, {}])).toBe('auc');
  });

  it('is undefined without metrics', () => {
    expect(pick([{}, {}])).toBeUndefined();
    expect(pick([])).toBeUndefined();
  });
});

describe('sweepRows', () => {
  const children = [
    child('1', { C: '1', k: 'a' }, { loss: 0.3 }),
    child('2', { C: '10', k: 'a' }, { loss: 0.1 }),
    child('3', { C: '100', k: 'a' }, { loss: NaN }),
    child('4', { C: '1000', k: 'a' }, {}, 'a-trial'),
    child('5', { C: '0.1', k: 'a' }, { loss: 0.1 }),
    child('6', { k: 'a' }, { loss: 0.5 }),
  ];
  const sweep = detectSweep(children);

  it('puts the best first with shared ranks for ties, then missing and non-finite values by name', () => {
    const rows = sweepRows(children, sweep, 'loss', 'min');
    expect(rows.map((row) => [row.runId, row.rank])).toEqual([
      ['2', 1],
      ['5', 1],
      ['1', 3],
      ['6', 4],
      ['4', undefined],
      ['3', undefined],
    ]);
    expect(rows[0]?.params).toEqual({ C: '10' });
    expect(rows[3]?.params).toEqual({ C: undefined });
    expect(rows[5]?.value).toBeNaN();
  });

  it('reverses for higher-is-better', () => {
    expect(sweepRows(children, sweep, 'loss', 'max').map((row) => row.runId)).toEqual(['6', '1', '2', '5', '4', '3']);
  });
});

describe('properties', () => {
  const keyPool = ['a', 'b', 'c', 'd', '__proto__'];
  const children = fc
    .array(
      fc.record({
        params: fc.dictionary(fc.constantFrom(...keyPool), fc.constantFrom('1', '2'), { maxKeys: 5 }),
        metrics: fc.dictionary(
          fc.constantFrom('loss', 'acc', 'x'),
          fc.oneof(fc.constantFrom(0, 1, NaN, Infinity, -Infinity), fc.double()),
          { maxKeys: 3 },
        ),
        name: fc.constantFrom('t1', 't2', 't10', 'T1'),
      }),
      { maxLength: 12 },
    )
    .map((list) =>
      list.map(({ params, metrics, name }, i) =>
        child(String(i), Object.fromEntries(Object.entries(params)), Object.fromEntries(Object.entries(metrics)), name),
      ),
    );

  it('property: varying and constant split all param keys; constant iff every child has one value', () => {
    fc.assert(
      fc.property(children, (list) => {
        const sweep = detectSweep(list);
        const all = new Set(list.flatMap((c) => Object.keys(c.params)));
        const constantKeys = Object.keys(sweep.constant);
        expect(new Set([...sweep.varying, ...constantKeys])).toEqual(all);
        expect(sweep.varying.length + constantKeys.length).toBe(all.size);
        for (const key of all) {
          const values = list.map((c) => (Object.hasOwn(c.params, key) ? c.params[key] : undefined));
          const isConstant = values.every((value) => value !== undefined && value === values[0]);
          expect(Object.hasOwn(sweep.constant, key)).toBe(isConstant);
          if (isConstant) expect(sweep.constant[key]).toBe(values[0]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: sweepRows is a permutation of the children with non-decreasing ranks, unranked last', () => {
    fc.assert(
      fc.property(
        children,
        fc.constantFrom('loss', 'acc', 'x', 'absent'),
        fc.constantFrom('min' as const, 'max' as const),
        (list, key, direction) => {
          const sweep = detectSweep(list);
          const rows = sweepRows(list, sweep, key, direction);
          expect(rows.map((row) => row.runId).sort()).toEqual(list.map((c) => c.runId).sort());
          const ranks = rows.map((row) => row.rank);
          const firstUnranked = ranks.indexOf(undefined);
          const ranked = (firstUnranked < 0 ? ranks : ranks.slice(0, firstUnranked)) as number[];
          if (firstUnranked >= 0) expect(ranks.slice(firstUnranked).every((rank) => rank === undefined)).toBe(true);
          ranked.forEach((rank, i) => {
            expect(rank).toBeGreaterThanOrEqual(i === 0 ? 1 : (ranked[i - 1] as number));
            expect(rank).toBeLessThanOrEqual(i + 1);
          });
          for (const row of rows) {
            expect(row.rank === undefined).toBe(row.value === undefined || !Number.isFinite(row.value));
            if (row.rank !== undefined) {
              // Rank = 1 + the number of children strictly better.
              const better = rows.filter(
                (r) =>
                  r.rank !== undefined &&
                  (direction === 'min' ? (r.value as number) < (row.value as number) : (r.value as number) > (row.value as number)),
              );
              expect(row.rank).toBe(better.length + 1);
            }
            expect(Object.keys(row.params)).toEqual([...sweep.varying]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: the default metric is one of the sweep metrics, undefined only without any', () => {
    fc.assert(
      fc.property(children, (list) => {
        const sweep = detectSweep(list);
        const key = defaultSweepMetric(sweep, list);
        if (sweep.metrics.length === 0) expect(key).toBeUndefined();
        else expect(sweep.metrics).toContain(key);
      }),
      { numRuns: 200 },
    );
  });
});
