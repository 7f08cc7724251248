import { ErrorState } from '@/components/error-state.tsx';
import { Loading } from '@/components/loading.tsx';
import { useSearchState } from '@/components/use-search-state.ts';
import { RunSearchBar } from './run-search-bar.tsx';
import { RunTable } from './run-table.tsx';
import { runTableSearchSchema } from './url-state.ts';
import { useRunRows } from './use-run-rows.ts';

export interface RunsPanelProps {
  experimentIds: readonly string[];
}

const count = new Intl.NumberFormat();

export function RunsPanel({ experimentIds }: RunsPanelProps) {
  const [search, update] = useSearchState(runTableSearchSchema);
  const { query, rows, loadedCount, isPaging } = useRunRows(experimentIds, search);
  // An invalid filter is the user's input, shown beside the box rather than as a page error.
  const filterError = query.error?.status === 400 && search.searchFilter ? query.error.message : undefined;

  return (
    <section aria-label="Runs" className="runs-panel">
      <RunSearchBar
        key={search.searchFilter}
        search={search}
        filterError={filterError}
        onSearch={(filter) => update({ searchFilter: filter.trim() })}
        onLifecycleChange={(lifecycleFilter) => update({ lifecycleFilter })}
        onExpandAllChange={(expandAll) => update({ expandAll })}
      />
      {query.isError && !filterError && !query.data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending && !filterError ? (
        <Loading label="Loading runs…" />
      ) : filterError ? null : (
        <>
          <p className="status-line" role="status">
            {isPaging ? `Loading runs… ${count.format(loadedCount)} so far` : `${count.format(loadedCount)} ${loadedCount === 1 ? 'run' : 'runs'}.`}
          </p>
          {rows.length > 0 ? (
            <RunTable
              rows={rows}
              sortKey={search.orderByKey}
              ascending={search.orderByAsc}
              expandAll={search.expandAll}
              onSortChange={(orderByKey, orderByAsc) => update({ orderByKey, orderByAsc })}
            />
          ) : (
            <p className="empty-state">{search.searchFilter ? 'No run matches this search.' : 'No runs in this experiment.'}</p>
          )}
        </>
      )}
    </section>
  );
}
