import type { Experiment } from '@/api/experiments.ts';
import { compareIds, compareOptionalNumbers, compareText } from '../../../contract/display/compare.ts';
import type { ExperimentSortKey } from './url-state.ts';

/** Case-insensitive "contains", the same test as the server's `name ILIKE '%text%'`. */
export function filterExperimentsByName(experiments: readonly Experiment[], text: string): readonly Experiment[] {
  const needle = text.trim().toLocaleLowerCase();
  if (!needle) return experiments;
  return experiments.filter((e) => e.name.toLocaleLowerCase().includes(needle));
}

export function sortExperiments(experiments: readonly Experiment[], key: ExperimentSortKey, ascending: boolean): Experiment[] {
  const direction = ascending ? 1 : -1;
  const byKey = (a: Experiment, b: Experiment): number => {
    switch (key) {
      case 'name':
        return direction * compareText(a.name, b.name);
      case 'experiment_id':
        return direction * compareIds(a.experiment_id, b.experiment_id);
      case 'creation_time':
        return compareOptionalNumbers(a.creation_time, b.creation_time, ascending);
      case 'last_update_time':
        return compareOptionalNumbers(a.last_update_time, b.last_update_time, ascending);
    }
  };
  // Ties fall back to id descending, as MLflow's server orders them.
  return [...experiments].sort((a, b) => byKey(a, b) || compareIds(b.experiment_id, a.experiment_id));
}
