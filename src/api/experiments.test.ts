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
