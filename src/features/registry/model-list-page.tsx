import { useInfiniteQuery } from '@tanstack/react-query';
import { registeredModelSearchQueryOptions } from '@/api/registry.ts';
import { Loading } from '@/components/loading.tsx';
import { useSearchState } from '@/components/use-search-state.ts';
import { ErrorState } from '@/widgets/error-state.tsx';
import { ModelSearchBox } from './model-search-box.tsx';
import { ModelTable } from './model-table.tsx';
import { NoRegistryNotice } from './no-registry-notice.tsx';
import { modelListSearchSchema } from './url-state.ts';
import { useRegistryStatus } from './use-registry-status.ts';
import './registry.css';

const count = new Intl.NumberFormat();

/** The registered models, searched by name on the server, a page at a time. */
export function ModelListPage() {
  const [search, update] = useSearchState(modelListSearchSchema);
  const nameContains = search.searchFilter.trim();
  const status = useRegistryStatus();
  const query = useInfiniteQuery({ ...registeredModelSearchQueryOptions({ nameContains }), enabled: status === 'present' });
  const pages = query.data?.pages ?? [];
  const registry = pages[0]?.registry !== false && status !== 'absent';
  const models = pages.flatMap((page) => (page.registry ? page.value.models : []));

  return (
    <main className="page" aria-labelledby="page-heading">
      <div className="page__header">
        <h1 id="page-heading">Models</h1>
        {registry ? <ModelSearchBox key={nameContains} initial={nameContains} onSearch={(text) => update({ searchFilter: text })} /> : null}
      </div>
      {!registry ? (
        <NoRegistryNotice />
      ) : query.isError && !query.data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : status === 'pending' || query.isPending ? (
        <Loading label="Loading models…" />
      ) : (
        <>
          <p className="status-line" role="status">
            {`${count.format(models.length)} ${models.length === 1 ? 'model' : 'models'}`}
            {nameContains ? ` whose name contains “${nameContains}”` : ''}
            {query.hasNextPage ? ', more on the server.' : '.'}
          </p>
          {query.isError ? <ErrorState error={query.error} onRetry={() => void query.fetchNextPage()} compact /> : null}
          {models.length > 0 ? (
            <ModelTable models={models} />
          ) : (
            <p className="empty-state">
              {nameContains
                ? `No registered model name contains “${nameContains}”.`
                : 'No models are registered on this tracking server yet.'}
            </p>
          )}
          {query.hasNextPage ? (
            <p>
              <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
                {query.isFetchingNextPage ? 'Loading more…' : 'Show more'}
              </button>
            </p>
          ) : null}
        </>
      )}
    </main>
  );
}
