import { describe, expect, it } from 'vitest';
import elasticnetExample from './__fixtures__/elasticnet-sk_model.input_example.json.mlflow-3.17.2.txt?raw';
import { formatArray, shapeInputExample } from './input-example.ts';
import { parseSchema, type Schema } from './signature.ts';

const columns = (names: string[]): Schema => {
  const result = parseSchema(JSON.stringify(names.map((name) => ({ type: 'double', name }))));
  if (!result.ok) throw new Error(result.error);
  return result.value;
};

describe('shapeInputExample', () => {
  it('shows a split-orient DataFrame (seed 002) as a table under its column names', () => {
    const shaped = shapeInputExample({ type: 'dataframe', hasParams: false }, JSON.parse(elasticnetExample));
    expect(shaped.view).toMatchObject({
      kind: 'table',
      columns: ['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6'],
      totalRows: 1,
    });
    expect(shaped.view.kind === 'table' && shaped.view.rows[0]?.[0]).toBeCloseTo(0.0453, 4);
  });

  it('heads a values-orient DataFrame with the signature column names, or positions', () => {
    const example = {
      data: [
        [1, 2],
        [3, 4],
      ],
    };
    expect(shapeInputExample({ type: 'dataframe', hasParams: false }, example, columns(['a', 'b'])).view).toMatchObject({
      columns: ['a', 'b'],
      rows: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(shapeInputExample({ type: 'dataframe', hasParams: false }, example, columns(['only-one'])).view).toMatchObject({
      columns: ['0', '1'],
    });
  });

  it('unwraps examples logged with params', () => {
    const shaped = shapeInputExample(
      { type: 'ndarray', hasParams: true },
      { inputs: { image: [[0.5, 1.5]] }, params: { temperature: 0.7 } },
    );
    expect(shaped).toEqual({ view: { kind: 'tensors', tensors: [{ name: 'image', value: [[0.5, 1.5]] }] }, params: { temperature: 0.7 } });
  });

  it('shows ndarrays as arrays, including the older {"inputs": …} form', () => {
    expect(shapeInputExample({ type: 'ndarray', hasParams: false }, [[1, 2]]).view).toEqual({
      kind: 'tensors',
      tensors: [{ name: undefined, value: [[1, 2]] }],
    });
    expect(shapeInputExample({ type: 'ndarray', hasParams: false }, { inputs: [[1, 2]] }).view).toEqual({
      kind: 'tensors',
      tensors: [{ name: undefined, value: [[1, 2]] }],
    });
    expect(
      formatArray([
        [1, 2],
        [3, 4],
      ]),
    ).toBe('[[1,2],\n [3,4]]');
  });

  it('keeps json_object examples as JSON and summarises sparse matrices', () => {
    const chat = { messages: [{ role: 'user', content: 'hi' }] };
    expect(shapeInputExample({ type: 'json_object', hasParams: false }, chat).view).toEqual({ kind: 'json', value: chat });
    expect(
      shapeInputExample(
        { type: 'sparse_matrix_csr', hasParams: false },
        { data: [1, 2], indices: [0, 1], indptr: [0, 1, 2], shape: [2, 2] },
      ).view,
    ).toEqual({
      kind: 'sparse',
      shape: [2, 2],
      storedValues: 2,
      format: 'CSR',
    });
  });

  it('caps table rows and falls back to JSON for shapes it does not know', () => {
    const big = { columns: ['x'], data: Array.from({ length: 500 }, (_, i) => [i]) };
    expect(shapeInputExample({ type: 'dataframe', hasParams: false }, big).view).toMatchObject({ totalRows: 500, rows: expect.any(Array) });
    const view = shapeInputExample({ type: 'dataframe', hasParams: false }, big).view;
    expect(view.kind === 'table' && view.rows.length).toBe(100);
    expect(shapeInputExample({ type: 'dataframe', hasParams: false }, 'odd').view).toEqual({ kind: 'json', value: 'odd' });
  });
});

describe('hostile input examples', () => {
  it('shapes a dataframe of 300,000 rows (too many to spread as arguments)', () => {
    const view = shapeInputExample({ type: 'dataframe', hasParams: false }, { data: Array.from({ length: 300_000 }, () => [1, 2]) }).view;
    expect(view).toMatchObject({ kind: 'table', columns: ['0', '1'], totalRows: 300_000 });
  });

  it('writes a note instead of throwing for arrays nested 5,000 levels deep', () => {
    const deep: unknown = JSON.parse('['.repeat(5000) + ']'.repeat(5000));
    expect(formatArray(deep)).toMatch(/nested deeper than 100 levels/);
    expect(formatArray([deep])).toMatch(/nested deeper than 100 levels/);
  });
});

describe('input example column cap', () => {
  it('keeps the first 200 of 100,000 columns, in the header and in every row, and counts them all', () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
    const view = shapeInputExample(
      { type: 'dataframe', hasParams: false },
      { columns: names, data: [names.map((_, i) => i), names.map((_, i) => -i)] },
    ).view;
    if (view.kind !== 'table') throw new Error(`expected a table, got ${view.kind}`);
    expect(view.columns).toEqual(names.slice(0, 200));
    expect(view.rows.map((row) => row.length)).toEqual([200, 200]);
    expect(view.rows[1]?.[199]).toBe(-199);
    expect(view).toMatchObject({ totalColumns: 100_000, totalRows: 2 });
  });

  it('counts columns of rows wider than their header, and of records-orient examples', () => {
    const wide = shapeInputExample(
      { type: 'dataframe', hasParams: false },
      { columns: ['a'], data: [Array.from({ length: 500 }, () => 1)] },
    ).view;
    expect(wide).toMatchObject({ columns: ['a'], totalColumns: 500 });
    expect(wide.kind === 'table' && wide.rows[0]?.length).toBe(200);
    const record = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, i]));
    const records = shapeInputExample({ type: 'dataframe', hasParams: false }, [record]).view;
    expect(records).toMatchObject({ totalColumns: 300 });
    expect(records.kind === 'table' && records.columns.length).toBe(200);
  });
});
