import { describe, expect, it } from 'vitest';
import { experimentNameFilter, nextExperimentPageToken, type ExperimentPage } from './experiments.ts';

const page = (n: number, token?: string): ExperimentPage => ({
  experiments: Array.from({ length: n }, (_, i) => ({ experiment_id: String(i), name: `e${i}`, lifecycle_stage: 'active', tags: [] })),
  ...(token ? { next_page_token: token } : {}),
});

describe('nextExperimentPageToken', () => {
  it('follows the token and stops when it is absent, empty, repeated or the page is empty', () => {
    expect(nextExperimentPageToken(page(2, 'a'), [page(2, 'a')])).toBe('a');
    expect(nextExperimentPageToken(page(2), [page(2)])).toBeUndefined();
    expect(nextExperimentPageToken(page(2, ''), [page(2, '')])).toBeUndefined();
    expect(nextExperimentPageToken(page(0, 'b'), [page(2, 'a'), page(0, 'b')])).toBeUndefined();
    expect(nextExperimentPageToken(page(2, 'a'), [page(2, 'a'), page(2, 'a')])).toBeUndefined();
  });
});

describe('experimentNameFilter', () => {
  it('builds a portable ILIKE filter with quotes and wildcards escaped', () => {
    expect(experimentNameFilter('  ')).toBeUndefined();
    expect(experimentNameFilter('grid')).toBe("name ILIKE '%grid%'");
    expect(experimentNameFilter("it's 100%_")).toBe("name ILIKE '%it\\'s 100\\%\\_%'");
  });
});

describe('experiment search response captured from MLflow 3.17.2', () => {
  it('parses with ids as strings, times as numbers and unknown fields ignored', async () => {
    const { experimentSchema } = await import('./experiments.ts');
    const captured = (await import('./__fixtures__/experiments-search.mlflow-3.17.2.json')).default as {
      experiments: unknown[];
      next_page_token?: string;
    };
    const experiments = captured.experiments.map((e) => experimentSchema.parse(e));
    expect(experiments[0]).toMatchObject({
      experiment_id: '8',
      name: 'edge cases <b>bold</b> & "quotes" 汉字',
      lifecycle_stage: 'active',
      creation_time: 1795349643105,
    });
    expect(experiments[0]!.tags).toContainEqual({ key: 'team', value: 'robustness' });
    expect(typeof captured.next_page_token).toBe('string');
  });
});
