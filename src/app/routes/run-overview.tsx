import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { runLoggedModelsQueryOptions } from '@/api/logged-models.ts';
import { runQueryOptions } from '@/api/runs.ts';
import { paths } from '@/config/paths.ts';
import { RunOverview } from '@/features/run/run-overview.tsx';

export function Component() {
  const { experimentId = '', runId = '' } = useParams();
  const run = useQuery(runQueryOptions(runId));
  const models = useQuery(runLoggedModelsQueryOptions(experimentId, runId));
  if (!run.data) return null;
  return (
    <RunOverview
      run={run.data}
      loggedModels={models.isError ? [] : models.data}
      modelHref={(modelId) => paths.runArtifacts.getHref(experimentId, runId, '', modelId)}
    />
  );
}
