import { useMemo } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '@/widgets/error-state.tsx';
import { Loading } from '@/components/loading.tsx';
import { useSearchState } from '@/components/use-search-state.ts';
import { paths } from '@/config/paths.ts';
import { ExperimentListToolbar } from './experiment-list-toolbar.tsx';
import { ExperimentTable } from './experiment-table.tsx';
import { experimentListSearchSchema, type ExperimentSortKey } from './url-state.ts';
import { useExperimentList } from './use-experiment-list.ts';
import { splitList } from '@/lib/search-params.ts';

const count = new Intl.NumberFormat();

export function ExperimentListPage() {
  const [search, update] = useSearchState(experimentListSearchSchema);
  const { query, rows, loadedCount, serverFiltered, isPaging } = useExperimentList(search);
  const selected = useMemo(() => new Set(splitList(search.selected)), [search.selected]);
  const onSelect = (experimentId: string, checked: boolean) => {
    const next = new Set(selected);
    if (checked) next.add(experimentId);
    else next.delete(experimentId);
    update({ selected: [...next].join(',') }, { replace: true });
  };

  const onSort = (key: ExperimentSortKey) => {
    // A new column starts in its natural direction: names A→Z, times newest first.
    const ascending = key === search.orderByKey ? !search.orderByAsc : key === 'name' || key === 'experiment_id';
    update({ orderByKey: key, orderByAsc: ascending });
  };

  return (
    <main className="page" aria-labelledby="page-heading">
      <div className="page__header">
        <h1 id="page-heading">Experiments</h1>
        <ExperimentListToolbar
          search={search}
          onFilterChange={(text) => update({ searchFilter: text }, { replace: true })}
          onShowDeletedChange={(show) => update({ lifecycleFilter: show ? 'all' : 'active' })}
        />
      </div>
      {query.isError && !query.data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <Loading label="Loading experiments…" />
      ) : (
        <>
          <p className="status-line" role="status">
            {statusText(rows.length, loadedCount, search.searchFilter, serverFiltered)}
            {isPaging ? ` Loading more… (${count.format(loadedCount)} so far)` : ''}
          </p>
          {selected.size > 0 ? (
            <p className="selection-summary">
              <Link className="button-link" to={paths.runsOfExperiments.getHref([...selected])}>
                Show runs of {selected.size === 1 ? '1 experiment' : `${count.format(selected.size)} experiments`} together
              </Link>
              <button type="button" onClick={() => update({ selected: '' }, { replace: true })}>
                Clear selection
              </button>
            </p>
          ) : null}
          {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} compact /> : null}
          {rows.length > 0 ? (
            <ExperimentTable
              experiments={rows}
              sortKey={search.orderByKey}
              ascending={search.orderByAsc}
              onSort={onSort}
              selected={selected}
              onSelect={onSelect}
            />
          ) : (
            <p className="empty-state">
              {search.searchFilter
                ? `No experiment name contains “${search.searchFilter}”.`
                : 'This tracking server has no experiments yet.'}
            </p>
          )}
        </>
      )}
    </main>
  );
}

function statusText(shown: number, loaded: number, filter: string, serverFiltered: boolean): string {
  const noun = (n: number) => `${count.format(n)} ${n === 1 ? 'experiment' : 'experiments'}`;
  if (serverFiltered) {
    return filter.trim()
      ? `${noun(shown)} match “${filter.trim()}” (searched on the server).`
      : `Showing the first ${noun(loaded)}; type to search all of them on the server.`;
  }
  if (filter.trim()) return `${count.format(shown)} of ${noun(loaded)} match.`;
  return `${noun(loaded)}.`;
}
