// The run page's frame: header (breadcrumb, name, status, parent, children) and tabs; the
// route puts the tab's content in `children`. A deleted run renders with a badge; an unknown
// id says so instead of crashing.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { experimentQueryOptions } from '@/api/experiments.ts';
import { pollingWithRecovery } from '@/api/retry-policy.ts';
import { childRunsQueryOptions, isLiveStatus, runQueryOptions } from '@/api/runs.ts';
import { ErrorState } from '@/widgets/error-state.tsx';
import { Loading } from '@/components/loading.tsx';
import { PanelBoundary } from '@/widgets/panel-boundary.tsx';
import { useDocumentTitle } from '@/widgets/use-document-title.ts';
import { paths } from '@/config/paths.ts';
import { useViewOptions } from '@/config/view-options.ts';
import { RunHeader } from './run-header.tsx';

export interface RunPageProps {
  experimentId: string;
  runId: string;
  children: ReactNode;
}

export function RunPage({ experimentId, runId, children }: RunPageProps) {
  const { refreshMs } = useViewOptions();
  // Live refresh: a running run is asked for again every refresh= period (paused in a hidden
  // tab), until it finishes; every tab reads this same query, so all of them follow.
  const run = useQuery({
    ...runQueryOptions(runId),
    refetchInterval: pollingWithRecovery((query) => (refreshMs !== false && isLiveStatus(query.state.data?.status) ? refreshMs : false)),
  });
  const liveMs = refreshMs !== false && isLiveStatus(run.data?.status) ? refreshMs : false;
  const experiment = useQuery(experimentQueryOptions(run.data?.experimentId ?? experimentId));
  const parentId = run.data?.parentRunId;
  const parent = useQuery({ ...runQueryOptions(parentId ?? ''), enabled: Boolean(parentId) });
  // A running parent (a sweep under way) gains children: they are asked for with it.
  const childRuns = useQuery({
    ...childRunsQueryOptions(run.data?.experimentId ?? experimentId, runId),
    enabled: run.isSuccess,
    refetchInterval: pollingWithRecovery(liveMs),
  });
  useDocumentTitle(run.data?.name || runId, 'Run');
  // Another tab (or another file in the artifacts tab) clears a failed tab.
  const { pathname } = useLocation();

  if (run.isError) {
    return (
      <main className="page" aria-labelledby="page-heading">
        {run.error.isNotFound ? (
          <section className="error-state" role="alert">
            <h1 id="page-heading" className="error-state__title">
              Run not found
            </h1>
            <p>
              No run with id <code>{runId}</code> on this tracking server.{' '}
              <Link to={paths.experiment.getHref(experimentId)}>Back to the experiment</Link>.
            </p>
          </section>
        ) : (
          <ErrorState error={run.error} onRetry={() => void run.refetch()} />
        )}
      </main>
    );
  }
  if (!run.data) return <Loading label="Loading run…" />;
  const tab = (to: string, label: string, end = false) => (
    <NavLink to={to} end={end} className={({ isActive }) => (isActive ? 'tab tab--active' : 'tab')}>
      {label}
    </NavLink>
  );
  return (
    <main className="page run-page" aria-labelledby="page-heading">
      <PanelBoundary label="The run header failed" resetKeys={[run.data, parent.data, childRuns.data]}>
        <RunHeader run={run.data} experimentName={experiment.data?.name} parent={parent.data} children={childRuns.data} liveMs={liveMs} />
      </PanelBoundary>
      <nav aria-label="Run sections" className="tabs">
        {tab(paths.run.getHref(experimentId, runId), 'Overview', true)}
        {tab(paths.runMetrics.getHref(experimentId, runId), 'Metrics')}
        {tab(paths.runArtifacts.getHref(experimentId, runId), 'Artifacts')}
        {/* A parent (GridSearchCV, Optuna, any mlflow.parentRunId tree) is a sweep of its children. */}
        {childRuns.data && childRuns.data.length > 0 ? tab(paths.runSweep.getHref(experimentId, runId), 'Sweep') : null}
      </nav>
      {/* The tabs stay usable when the content of one cannot render. */}
      <PanelBoundary label="This tab failed" resetKeys={[pathname]}>
        {children}
      </PanelBoundary>
    </main>
  );
}
