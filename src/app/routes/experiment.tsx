import type { QueryClient } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { experimentQueryOptions } from '@/api/experiments.ts';
import { ExperimentPage } from '@/features/experiments/experiment-page.tsx';
import { RunsPanel } from '@/features/runs/runs-panel.tsx';

export function createLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    if (params.experimentId) void queryClient.prefetchQuery(experimentQueryOptions(params.experimentId));
    return null;
  };
}

export function Component() {
  const { experimentId = '' } = useParams();
  return <ExperimentPage key={experimentId} experimentId={experimentId} runs={<RunsPanel experimentIds={[experimentId]} exportName={`runs-experiment-${experimentId.replace(/[^\w-]/g, "_")}`} />} />;
}
