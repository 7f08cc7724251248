import type { QueryClient } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { experimentQueryOptions } from '@/api/experiments.ts';
import { ExperimentPage } from '@/features/experiments/experiment-page.tsx';
import { RunsPanel } from '@/features/runs/runs-panel.tsx';
import { runTableSearchSchema } from '@/features/runs/url-state.ts';
import { runRowsQueryOptions } from '@/features/runs/use-run-rows.ts';
import { parseSearchParams } from '@/lib/search-params.ts';

export function createLoader(queryClient: QueryClient) {
  return ({ params, request }: LoaderFunctionArgs) => {
    const { experimentId } = params;
    if (!experimentId) return null;
    void queryClient.prefetchQuery(experimentQueryOptions(experimentId));
    // The first page of runs downloads while the page renders.
    const search = parseSearchParams(runTableSearchSchema, new URL(request.url).searchParams);
    void queryClient.prefetchInfiniteQuery(runRowsQueryOptions([experimentId], search));
    return null;
  };
}

export function Component() {
  const { experimentId = '' } = useParams();
  return <ExperimentPage key={experimentId} experimentId={experimentId} runs={<RunsPanel experimentIds={[experimentId]} exportName={`runs-experiment-${experimentId.replace(/[^\w-]/g, '_')}`} />} />;
}
