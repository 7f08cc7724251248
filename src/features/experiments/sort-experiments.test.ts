import { describe, expect, it } from 'vitest';
import type { Experiment } from '@/api/experiments.ts';
import { filterExperimentsByName, sortExperiments } from './sort-experiments.ts';

const experiment = (experiment_id: string, name: string, last_update_time?: number): Experiment => ({
  experiment_id,
  name,
  lifecycle_stage: 'active',
  tags: [],
  ...(last_update_time === undefined ? {} : { last_update_time }),
});

const list = [experiment('2', 'run 10', 5), experiment('10', 'Run 2', 9), experiment('1', 'alpha'), experiment('3', 'Beta', 1)];

describe('sortExperiments', () => {
  it('sorts names naturally and case-insensitively', () => {
    expect(sortExperiments(list, 'name', true).map((e) => e.name)).toEqual(['alpha', 'Beta', 'Run 2', 'run 10']);
  });
  it('sorts ids numerically', () => {
    expect(sortExperiments(list, 'experiment_id', false).map((e) => e.experiment_id)).toEqual(['10', '3', '2', '1']);
  });
  it('keeps experiments without a time last', () => {
    expect(sortExperiments(list, 'last_update_time', false).map((e) => e.experiment_id)).toEqual(['10', '2', '3', '1']);
    expect(sortExperiments(list, 'last_update_time', true).map((e) => e.experiment_id)).toEqual(['3', '2', '10', '1']);
  });
});

describe('filterExperimentsByName', () => {
  it('matches substrings case-insensitively, like ILIKE', () => {
    expect(filterExperimentsByName(list, ' RUN ').map((e) => e.experiment_id)).toEqual(['2', '10']);
    expect(filterExperimentsByName(list, '')).toHaveLength(4);
  });
});
