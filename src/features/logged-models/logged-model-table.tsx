import type { LoggedModel } from '@/api/logged-models.ts';
import { LoggedModelRow } from './logged-model-row.tsx';
import { ModelSortHeader } from './model-sort-header.tsx';
import type { ModelColumns } from './model-table.ts';

export interface LoggedModelTableProps {
  models: readonly LoggedModel[];
  experimentId: string;
  columns: ModelColumns;
  runNames: ReadonlyMap<string, string>;
  sortKey: string;
  ascending: boolean;
  onSort: (key: string) => void;
}

/**
 * One row per LoggedModel. Name, creation time, status and metric columns sort on the server
 * (logged-models/search orders by attributes and metrics only); the source run, params and
 * tags do not sort, as a sort of the loaded page alone would misorder a longer list.
 */
export function LoggedModelTable({ models, experimentId, columns, runNames, sortKey, ascending, onSort }: LoggedModelTableProps) {
  const sortable = (label: string, key: string, className?: string) => (
    <ModelSortHeader
      key={key}
      label={label}
      sortKey={key}
      activeKey={sortKey}
      ascending={ascending}
      onSort={onSort}
      className={className}
    />
  );
  const metricSpan = columns.metrics.shown.length + (columns.metrics.hidden.length > 0 ? 1 : 0);
  const paramSpan = columns.params.shown.length + (columns.params.hidden.length > 0 ? 1 : 0);
  const more = (hidden: readonly string[], kind: string) =>
    hidden.length > 0 ? (
      <th scope="col" title={`${hidden.length} more ${kind}: ${hidden.slice(0, 100).join(', ')}`}>
        <span aria-hidden="true">…</span>
        <span className="visually-hidden">
          {hidden.length} more {kind}
        </span>
      </th>
    ) : null;
  return (
    // Scrolls sideways on its own: a dozen key columns do not fit every window.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <div className="model-table__scroll" role="region" aria-label="Logged models" tabIndex={0}>
      <table className="data-table model-table">
        <thead>
          <tr className="model-table__groups">
            <th scope="colgroup" colSpan={5}>
              Model
            </th>
            {metricSpan > 0 ? (
              <th scope="colgroup" colSpan={metricSpan}>
                Metrics
              </th>
            ) : null}
            {paramSpan > 0 ? (
              <th scope="colgroup" colSpan={paramSpan}>
                Params
              </th>
            ) : null}
            <td />
          </tr>
          <tr>
            {sortable('Name', 'name', 'model-table__name')}
            <th scope="col">ID</th>
            <th scope="col">Source run</th>
            {sortable('Created', 'creation_timestamp')}
            {sortable('Status', 'status')}
            {columns.metrics.shown.map((key) => sortable(key, `metrics.${key}`, 'cell-number'))}
            {more(columns.metrics.hidden, 'metrics')}
            {columns.params.shown.map((key) => (
              <th scope="col" key={key} title={key}>
                {key}
              </th>
            ))}
            {more(columns.params.hidden, 'params')}
            <th scope="col">Tags</th>
          </tr>
        </thead>
        <tbody>
          {models.map((model) => (
            <LoggedModelRow
              key={model.modelId}
              model={model}
              experimentId={experimentId}
              columns={columns}
              sourceRunName={model.sourceRunId ? runNames.get(model.sourceRunId) : undefined}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
