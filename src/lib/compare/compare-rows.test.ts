import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareModel, prettyValue, type CompareModelOptions, type MetricRow, type TextRow } from './compare-rows.ts';
import type { RunValues } from './types.ts';

const run = (runId: string, values: Partial<Omit<RunValues, 'runId' | 'name'>> = {}): RunValues => ({
  runId,
  name: `run ${runId}`,
  params: {},
  metrics: {},
  tags: {},
  ...values,
});

const defaults: CompareModelOptions = { onlyDifferences: false, systemTags: false, directions: {} };

describe('prettyValue', () => {
  it('indents JSON dicts and lists by two spaces', () => {
    expect(prettyValue('{"a": 1, "b": [true, null, "x"]}')).toBe('{\n  "a": 1,\n  "b": [\n    true,\n    null,\n    "x"\n  ]\n}');
    expect(prettyValue('[]')).toBe('[]');
    expect(prettyValue('{"a": {}}')).toBe('{\n  "a": {}\n}');
  });

  it('reads the Python repr MLflow logs for a dict or list', () => {
    expect(prettyValue("{'a': 1, 'b': [True, None]}")).toBe('{\n  "a": 1,\n  "b": [\n    true,\n    null\n  ]\n}');
    expect(prettyValue("['x', 'y']")).toBe('[\n  "x",\n  "y"\n]');
    expect(prettyValue(`{"it's": 'a\\'b\\x41\\n', 'f': False}`)).toBe('{\n  "it\'s": "a\'bA\\n",\n  "f": false\n}');
  });

  it('keeps numbers as logged', () => {
    expect(prettyValue("{'lr': 1e-05, 'seed': 12345678901234567890}")).toBe('{\n  "lr": 1e-05,\n  "seed": 12345678901234567890\n}');
  });

  it('leaves anything else as logged', () => {
    for (const value of [
      '0.1',
      'rbf',
      '',
      '  ',
      'True',
      '"quoted"',
      '(1, 2)',
      '{1, 2}',
      "{'a': nan}",
      "{'a': inf}",
      '[1 2]',
      "{'a': array([1, 2])}",
      '[<object at 0x10>]',
      "['unterminated]",
      "['bad \\q escape']",
      '{"a": 1,}',
      '[01]',
      '[1] [2]',
      '{"a" 1}',
      '[',
    ]) {
      expect(prettyValue(value)).toBe(value);
    }
  });

  const key = fc.string({ unit: 'binary' }).map((s) => `k${s}`);
  const leaf = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ unit: 'binary' }),
  );
  // Keys start with a letter: JSON.parse puts integer-like keys first, the layout keeps the logged order.
  const { tree } = fc.letrec<{ tree: unknown }>((self) => ({
    tree: fc.oneof(
      { depthSize: 'small' },
      leaf,
      fc.array(self('tree'), { maxLength: 4 }),
      fc.dictionary(key, self('tree'), { maxKeys: 4 }).map((record) => Object.fromEntries(Object.entries(record))),
    ),
  }));
  const container = tree.filter((value) => typeof value === 'object' && value !== null);

  function pythonRepr(value: unknown): string {
    if (value === null) return 'None';
    if (value === true) return 'True';
    if (value === false) return 'False';
    if (typeof value === 'number') return JSON.stringify(value);
    if (typeof value === 'string') {
      const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
      const body = [...value]
        .map((char) => {
          if (char === '\\' || char === quote) return `\\${char}`;
          if (char === '\n') return '\\n';
          if (char === '\t') return '\\t';
          if (char < ' ' || char === '\x7f') return `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
          return char;
        })
        .join('');
      return quote + body + quote;
    }
    if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`).join(', ')}}`;
  }

  it('property: a JSON dict or list reads as JSON.stringify(value, null, 2)', () => {
    fc.assert(
      fc.property(container, (value) => {
        expect(prettyValue(JSON.stringify(value))).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 300 },
    );
  });

  it('property: a Python repr of a dict or list reads as its JSON, pretty-printed', () => {
    fc.assert(
      fc.property(container, (value) => {
        expect(prettyValue(pythonRepr(value))).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 300 },
    );
  });

  it('property: never throws, and what is not a dict or list stays as logged', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const shown = prettyValue(value);
        if (!/^\s*[[{]/.test(value)) expect(shown).toBe(value);
      }),
      { numRuns: 300 },
    );
  });
});

describe('compareModel', () => {
  it('lays params out per run in natural key order, missing values undefined', () => {
    const model = compareModel(
      [run('1', { params: { C: '1', m_10: 'a', m_2: 'b' } }), run('2', { params: { C: '1', m_2: 'c' } })],
      defaults,
    );
    expect(model.params.map((row) => row.key)).toEqual(['C', 'm_2', 'm_10']);
    expect(model.params.map((row) => row.values)).toEqual([
      ['1', '1'],
      ['b', 'c'],
      ['a', undefined],
    ]);
    expect(model.params.map((row) => row.differs)).toEqual([false, true, true]);
  });

  it('pretty-prints dict params for display and keeps the logged value', () => {
    const model = compareModel([run('1', { params: { grid: "{'C': [1, 10]}" } })], defaults);
    expect(model.params[0]?.values).toEqual(["{'C': [1, 10]}"]);
    expect(model.params[0]?.display).toEqual(['{\n  "C": [\n    1,\n    10\n  ]\n}']);
  });

  it('marks the lowest loss and the highest accuracy best, ties all best', () => {
    const model = compareModel(
      [
        run('1', { metrics: { accuracy: 0.9, val_loss: 0.3 } }),
        run('2', { metrics: { accuracy: 0.95, val_loss: 0.2 } }),
        run('3', { metrics: { accuracy: 0.95, val_loss: NaN } }),
        run('4'),
      ],
      defaults,
    );
    const [accuracy, loss] = model.metrics;
    expect(accuracy?.direction).toBe('max');
    expect(accuracy?.best).toEqual([false, true, true, false]);
    expect(loss?.direction).toBe('min');
    expect(loss?.best).toEqual([false, true, false, false]);
    expect(loss?.latest).toEqual([0.3, 0.2, NaN, undefined]);
  });

  it('follows a direction override', () => {
    const model = compareModel([run('1', { metrics: { rmse: 1 } }), run('2', { metrics: { rmse: 2 } })], {
      ...defaults,
      directions: { rmse: 'max' },
    });
    expect(model.metrics[0]?.direction).toBe('max');
    expect(model.metrics[0]?.best).toEqual([false, true]);
  });

  it('marks no best when fewer than two runs have a finite value', () => {
    const model = compareModel([run('1', { metrics: { f1: 0.5 } }), run('2', { metrics: { f1: Infinity } }), run('3')], defaults);
    expect(model.metrics[0]?.best).toEqual([false, false, false]);
  });

  it('treats NaN as equal to NaN when deciding whether a metric differs', () => {
    const model = compareModel([run('1', { metrics: { a: NaN, b: 1 } }), run('2', { metrics: { a: NaN } })], defaults);
    expect(model.metrics.map((row) => row.differs)).toEqual([false, true]);
  });

  it('fills min and max from the histories once loaded', () => {
    const ranges = (runId: string, key: string) => (runId === '1' && key === 'loss' ? { min: 0.1, max: 2 } : undefined);
    const model = compareModel([run('1', { metrics: { loss: 0.2 } }), run('2', { metrics: { loss: 0.3 } })], { ...defaults, ranges });
    expect(model.metrics[0]?.min).toEqual([0.1, undefined]);
    expect(model.metrics[0]?.max).toEqual([2, undefined]);
    expect(compareModel([run('1', { metrics: { loss: 0.2 } })], defaults).metrics[0]?.min).toEqual([undefined]);
  });

  it('shows mlflow.* tags only when asked', () => {
    const runs = [run('1', { tags: { 'mlflow.runName': 'a', team: 'x' } })];
    expect(compareModel(runs, defaults).tags.map((row) => row.key)).toEqual(['team']);
    expect(compareModel(runs, { ...defaults, systemTags: true }).tags.map((row) => row.key)).toEqual(['mlflow.runName', 'team']);
    expect(compareModel(runs, defaults).totals.tags).toBe(1);
  });

  it('hides rows without differences and counts them in the totals', () => {
    const runs = [run('1', { params: { a: '1', b: '2' }, metrics: { m: 1 } }), run('2', { params: { a: '1', b: '3' }, metrics: { m: 1 } })];
    const model = compareModel(runs, { ...defaults, onlyDifferences: true });
    expect(model.params.map((row) => row.key)).toEqual(['b']);
    expect(model.metrics).toEqual([]);
    expect(model.totals).toEqual({ params: 2, metrics: 1, tags: 0 });
  });

  it('handles no runs', () => {
    expect(compareModel([], defaults)).toEqual({ params: [], metrics: [], tags: [], totals: { params: 0, metrics: 0, tags: 0 } });
  });

  const record = <T>(value: fc.Arbitrary<T>) =>
    fc
      .dictionary(fc.constantFrom('a', 'b', 'c', 'mlflow.x', 'loss', 'acc'), value, { maxKeys: 6 })
      .map((r) => Object.fromEntries(Object.entries(r)));
  const runs = fc
    .array(
      fc.record({
        params: record(fc.constantFrom('1', '2', "{'a': 1}")),
        metrics: record(fc.oneof(fc.constantFrom(0, 1, 2, -0, NaN, Infinity, -Infinity), fc.double())),
        tags: record(fc.constantFrom('x', 'y')),
      }),
      { maxLength: 6 },
    )
    .map((list) => list.map((values, i) => run(String(i), values)));
  const options = fc.record({
    onlyDifferences: fc.boolean(),
    systemTags: fc.boolean(),
    directions: record(fc.constantFrom('min' as const, 'max' as const)),
  });

  it('property: "only differences" hides exactly the rows whose runs all hold one value', () => {
    fc.assert(
      fc.property(runs, options, (list, opts) => {
        const all = compareModel(list, { ...opts, onlyDifferences: false });
        const some = compareModel(list, { ...opts, onlyDifferences: true });
        expect(some.totals).toEqual(all.totals);
        expect(all.totals).toEqual({ params: all.params.length, metrics: all.metrics.length, tags: all.tags.length });
        for (const kind of ['params', 'metrics', 'tags'] as const) {
          const shown = new Set(some[kind].map((row) => row.key));
          const rows: readonly (TextRow | MetricRow)[] = all[kind];
          expect(rows.filter((row) => shown.has(row.key))).toEqual(some[kind]);
          // SameValueZero, like the model: NaN equals NaN, and 0 equals -0.
          for (const row of rows.filter((r) => !shown.has(r.key)))
            expect(new Set<unknown>('values' in row ? row.values : row.latest).size).toBe(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: exactly the runs holding the finite min or max are best', () => {
    fc.assert(
      fc.property(runs, options, (list, opts) => {
        for (const row of compareModel(list, opts).metrics) {
          const finite = row.latest.filter((value): value is number => value !== undefined && Number.isFinite(value));
          const target = row.direction === 'min' ? Math.min(...finite) : Math.max(...finite);
          const expected = row.latest.map((value) => finite.length >= 2 && value === target);
          expect(row.best).toEqual(expected);
          expect(row.best).toHaveLength(list.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: row keys are sorted and mlflow.* tags appear only with systemTags', () => {
    fc.assert(
      fc.property(runs, options, (list, opts) => {
        const model = compareModel(list, opts);
        if (!opts.systemTags) expect(model.tags.some((row) => row.key.startsWith('mlflow.'))).toBe(false);
        for (const rows of [model.params, model.metrics, model.tags]) {
          const keys = rows.map((row) => row.key);
          expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' })));
        }
      }),
      { numRuns: 100 },
    );
  });
});
