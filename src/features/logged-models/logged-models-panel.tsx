// The experiment's Models tab: its MLflow 3 LoggedModels, filtered and ordered by the server,
// 50 a page. A server that keeps no LoggedModels (MLflow 2.x, FastTrackML) gets a notice.
import { useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { loggedModelSearchQueryOptions, type LoggedModel } from '@/api/logged-models.ts';
import { runNamesQueryOptions } from '@/api/runs.ts';
import { backendQueryOptions } from '@/api/server-info.ts';
import { ErrorState } from '@/widgets/error-state.tsx';
import { PanelBoundary } from '@/widgets/panel-boundary.tsx';
import { Loading } from '@/components/loading.tsx';
import { useSearchState } from '@/components/use-search-state.ts';
import { LoggedModelTable } from './logged-model-table.tsx';
import { ModelSearchBar } from './model-search-bar.tsx';
import { modelColumns, toModelFilter, toModelOrder } from './model-table.ts';
import { modelListSearchSchema } from './url-state.ts';
import './logged-models.css';

export interface LoggedModelsPanelProps {
  experimentId: string;
}

const count = new Intl.NumberFormat();

export function LoggedModelsPanel({ experimentId }: LoggedModelsPanelProps) {
  const [search, update] = useSearchState(modelListSearchSchema);
  const backend = useQuery(backendQueryOptions());
  // Asked only of servers that have LoggedModels (the probe is in the cache since the header
  // showed the server); if the probe failed the server is asked anyway, and a 404 reads as "none".
  const supported = backend.data?.loggedModels !== false;
  const query = useInfiniteQuery({
    ...loggedModelSearchQueryOptions({
      experimentIds: [experimentId],
      filter: toModelFilter(search.searchFilter),
      orderBy: toModelOrder(search.orderByKey, search.orderByAsc),
    }),
    enabled: backend.isSuccess ? backend.data.loggedModels : backend.isError,
  });
  const pages = query.data?.pages;
  const models = useMemo(() => uniqueModels(pages?.flatMap((page) => page.models) ?? []), [pages]);
  const runNames = useRunNames(experimentId, pages?.map((page) => page.models) ?? []);
  const columns = useMemo(() => modelColumns(models, search.orderByKey), [models, search.orderByKey]);

  if (!supported || pages?.[0]?.unsupported) {
    return (
      <section aria-label="Models" className="models-panel">
        <p className="empty-state" role="note">
          {backend.data?.name ?? 'This tracking server'} keeps no logged models: LoggedModels came with MLflow 3. Models logged with MLflow
          2 are folders in their run&apos;s artifacts.
        </p>
      </section>
    );
  }

  // An invalid filter is the user's input, shown beside the box rather than as a page error.
  const filterError = query.error?.status === 400 && search.searchFilter ? query.error.message : undefined;
  const onSort = (key: string) => {
    // A new column starts in its natural direction: names A→Z, times and metrics highest first.
    const ascending = key === search.orderByKey ? !search.orderByAsc : key === 'name';
    update({ orderByKey: key, orderByAsc: ascending });
  };

  return (
    <section aria-label="Models" className="models-panel">
      <ModelSearchBar
        key={search.searchFilter}
        filter={search.searchFilter}
        filterError={filterError}
        onSearch={(searchFilter) => update({ searchFilter })}
      />
      {filterError ? null : query.isError && !query.data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <Loading label="Loading models…" />
      ) : (
        <>
          <p className="status-line" role="status">
            {statusText(models.length, query.hasNextPage, search.searchFilter)}
          </p>
          {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} compact /> : null}
          {models.length > 0 ? (
            <PanelBoundary label="The model table failed" resetKeys={[models, search]}>
              <LoggedModelTable
                models={models}
                experimentId={experimentId}
                columns={columns}
                runNames={runNames}
                sortKey={search.orderByKey}
                ascending={search.orderByAsc}
                onSort={onSort}
              />
            </PanelBoundary>
          ) : null}
          {query.hasNextPage ? (
            <p>
              <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
                {query.isFetchingNextPage ? 'Loading more models…' : 'Load more models'}
              </button>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

function statusText(shown: number, more: boolean, filter: string): string {
  const noun = `${count.format(shown)} ${shown === 1 ? 'model' : 'models'}`;
  if (shown === 0) return filter ? `No model matches “${filter}”.` : 'No logged models in this experiment.';
  const matching = filter ? ` matching “${filter}”` : '';
  return more ? `The first ${noun}${matching}; more on the server.` : `${noun}${matching}.`;
}

/** A model that moved between pages while they loaded (a new one logged) is listed once. */
function uniqueModels(models: readonly LoggedModel[]): LoggedModel[] {
  const seen = new Set<string>();
  return models.filter((model) => !seen.has(model.modelId) && seen.add(model.modelId));
}

/** Source run names, one runs/search per page of models; until they come (or if they fail) the table shows run ids. */
function useRunNames(experimentId: string, pages: readonly (readonly LoggedModel[])[]): ReadonlyMap<string, string> {
  return useQueries({
    queries: pages.map((models) => {
      const runIds = [...new Set(models.flatMap((model) => (model.sourceRunId ? [model.sourceRunId] : [])))].sort();
      return runNamesQueryOptions([experimentId], runIds);
    }),
    combine: mergeNames,
  });
}

// Module-level, so the query client merges again only when a result changes.
const mergeNames = (results: readonly { data?: ReadonlyMap<string, string> | undefined }[]): ReadonlyMap<string, string> =>
  new Map(results.flatMap((result) => (result.data ? [...result.data] : [])));
