import type { QueryClient } from '@tanstack/react-query';
import { Outlet, useParams, type LoaderFunctionArgs } from 'react-router';
import { runQueryOptions } from '@/api/runs.ts';
import { RunPage } from '@/features/run/run-page.tsx';

export function createLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    if (params.runId) void queryClient.prefetchQuery(runQueryOptions(params.runId));
    return null;
  };
}

export function Component() {
  const { experimentId = '', runId = '' } = useParams();
  return (
    <RunPage key={runId} experimentId={experimentId} runId={runId}>
      <Outlet />
    </RunPage>
  );
}
