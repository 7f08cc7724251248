import { describe, expect, it } from 'vitest';
import type { LoggedModel, LoggedModelMetric } from '@/api/logged-models.ts';
import { keyColumns, latestMetrics, modelColumns, statusLabel, toModelFilter } from './model-table.ts';
import { modelListSearchSchema } from './url-state.ts';
import { parseSearchParams } from '@/lib/search-params.ts';

const metric = (key: string, value: number, timestamp?: number, step = 0, datasetName?: string): LoggedModelMetric => ({
  key,
  value,
  step,
  timestamp,
  datasetName,
  datasetDigest: undefined,
  runId: undefined,
});

const model = (metrics: string[], params: string[]): LoggedModel => ({
  modelId: 'm',
  experimentId: '1',
  name: 'model',
  createdAt: 1,
  artifactUri: undefined,
  status: 'LOGGED_MODEL_READY',
  modelType: undefined,
  sourceRunId: 'r',
  tags: [],
  metrics: metrics.map((key) => metric(key, 1)),
  params: params.map((key) => ({ key, value: 'v' })),
});

describe('toModelFilter', () => {
  it('searches names for plain words and passes filter syntax through', () => {
    expect(toModelFilter('   ')).toBe('');
    expect(toModelFilter(' best ')).toBe("name ILIKE '%best%'");
    expect(toModelFilter("it's")).toBe("name ILIKE '%it\\'s%'");
    expect(toModelFilter('metrics.training_score > 0.9')).toBe('metrics.training_score > 0.9');
    expect(toModelFilter("name like 'm%'")).toBe("name like 'm%'");
  });
});

describe('latestMetrics', () => {
  it('keeps the newest entry per key, then the highest step, like the server orders by', () => {
    const latest = latestMetrics([
      metric('acc', 0.5, 10, 1, 'train'),
      metric('acc', 0.7, 20, 0, 'eval'),
      metric('loss', 3, 10, 1),
      metric('loss', 2, 10, 2),
      metric('loss', 9, 5, 99),
    ]);
    expect(latest.get('acc')).toMatchObject({ value: 0.7, datasetName: 'eval' });
    expect(latest.get('loss')).toMatchObject({ value: 2, step: 2 });
  });
});

describe('keyColumns', () => {
  it('shows the keys most models share first, then by name, up to the limit', () => {
    const columns = keyColumns(
      [
        ['b', 'a', 'z'],
        ['a', 'c'],
        ['a', 'c', 'a'],
      ],
      2,
    );
    expect(columns).toEqual({ shown: ['a', 'c'], hidden: ['b', 'z'] });
  });

  it('always shows the key the table is sorted by', () => {
    expect(keyColumns([['a', 'b'], ['a', 'b'], ['c']], 2, 'c')).toEqual({ shown: ['a', 'c'], hidden: ['b'] });
    expect(keyColumns([['a', 'b']], 2, 'b')).toEqual({ shown: ['a', 'b'], hidden: [] });
  });
});

describe('modelColumns', () => {
  it('takes metric and param keys from every model', () => {
    const columns = modelColumns([model(['rmse', 'r2'], ['alpha']), model(['rmse'], ['alpha', 'l1'])], 'metrics.r2');
    expect(columns.metrics.shown).toEqual(['rmse', 'r2']);
    expect(columns.params.shown).toEqual(['alpha', 'l1']);
  });
});

describe('statusLabel', () => {
  it('names the known statuses and keeps an unknown one as sent', () => {
    expect(statusLabel('LOGGED_MODEL_READY')).toBe('Ready');
    expect(statusLabel('LOGGED_MODEL_UPLOAD_FAILED')).toBe('Upload failed');
    expect(statusLabel('LOGGED_MODEL_ARCHIVED')).toBe('LOGGED_MODEL_ARCHIVED');
  });
});

describe('the URL contract', () => {
  const parse = (search: string) => parseSearchParams(modelListSearchSchema, new URLSearchParams(search));
  it('defaults to newest first and degrades an unknown order key to it', () => {
    expect(parse('')).toEqual({ searchFilter: '', orderByKey: 'creation_timestamp', orderByAsc: false });
    expect(parse('orderByKey=params.alpha&orderByAsc=true')).toMatchObject({ orderByKey: 'creation_timestamp', orderByAsc: true });
    expect(parse('orderByKey=metrics.rmse&searchFilter=best')).toMatchObject({ orderByKey: 'metrics.rmse', searchFilter: 'best' });
  });
});
