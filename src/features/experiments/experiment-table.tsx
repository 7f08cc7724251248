import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { Experiment } from '@/api/experiments.ts';
import { ExperimentRow } from './experiment-row.tsx';
import { SortHeader } from './sort-header.tsx';
import type { ExperimentSortKey } from './url-state.ts';
import './experiments.css';

export interface ExperimentTableProps {
  experiments: readonly Experiment[];
  sortKey: ExperimentSortKey;
  ascending: boolean;
  onSort: (key: ExperimentSortKey) => void;
  selected: ReadonlySet<string>;
  onSelect: (experimentId: string, selected: boolean) => void;
}

/**
 * Lists up to this many rows in full (screenshots and find-in-page see them all); longer
 * lists are virtualized so 50,000 experiments still scroll.
 */
const VIRTUALIZE_ABOVE = 500;
const ROW_HEIGHT = 41;

export function ExperimentTable({ experiments, sortKey, ascending, onSort, selected, onSelect }: ExperimentTableProps) {
  const header = (label: string, key: ExperimentSortKey) => (
    <SortHeader label={label} sortKey={key} activeKey={sortKey} ascending={ascending} onSort={onSort} />
  );
  return (
    <table className="data-table experiment-table">
      <thead>
        <tr>
          {header('Name', 'name')}
          {header('ID', 'experiment_id')}
          {header('Created', 'creation_time')}
          {header('Last updated', 'last_update_time')}
          {/* Not sortable: each row loads its own count as it comes into view, so the list never holds them all. */}
          <th scope="col" className="experiment-table__runs">
            Runs
          </th>
          <th scope="col" className="experiment-table__last-run">
            Last run
          </th>
          <th scope="col">Description</th>
          <th scope="col">Tags</th>
        </tr>
      </thead>
      {experiments.length > VIRTUALIZE_ABOVE ? (
        <VirtualBody experiments={experiments} selected={selected} onSelect={onSelect} />
      ) : (
        <tbody>
          {experiments.map((experiment) => (
            <ExperimentRow
              key={experiment.experiment_id}
              experiment={experiment}
              selected={selected.has(experiment.experiment_id)}
              onSelect={onSelect}
            />
          ))}
        </tbody>
      )}
    </table>
  );
}

function VirtualBody({ experiments, selected, onSelect }: Pick<ExperimentTableProps, 'experiments' | 'selected' | 'onSelect'>) {
  const virtualizer = useWindowVirtualizer({ count: experiments.length, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <tbody>
      {before > 0 ? <tr aria-hidden="true" style={{ height: before }} /> : null}
      {items.map((item) => {
        const experiment = experiments[item.index];
        return experiment ? (
          <ExperimentRow
            key={experiment.experiment_id}
            experiment={experiment}
            rowIndex={item.index}
            selected={selected.has(experiment.experiment_id)}
            onSelect={onSelect}
          />
        ) : null;
      })}
      {after > 0 ? <tr aria-hidden="true" style={{ height: after }} /> : null}
    </tbody>
  );
}
