import { Link } from 'react-router';
import type { Run } from '@/api/runs.ts';
import { LiveIndicator } from '@/components/live-indicator.tsx';
import { TruncatedText } from '@/components/truncated-text.tsx';
import { paths } from '@/config/paths.ts';
import { RunStatusBadge } from '@/widgets/run-status-badge.tsx';

export interface RunHeaderProps {
  run: Run;
  experimentName: string | undefined;
  parent: Run | undefined;
  children: readonly Run[] | undefined;
  /** The page is polling this running run every so many ms (live refresh), or false. */
  liveMs?: number | false;
}

export function RunHeader({ run, experimentName, parent, children, liveMs = false }: RunHeaderProps) {
  return (
    <header className="run-header">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.home.getHref()}>Experiments</Link>
        {' / '}
        <Link to={paths.experiment.getHref(run.experimentId)}>
          <TruncatedText text={experimentName ?? run.experimentId} max={120} />
        </Link>
        {parent ? (
          <>
            {' / '}
            <Link to={paths.run.getHref(parent.experimentId, parent.runId)} aria-label={`Parent run ${parent.name || parent.runId}`}>
              <TruncatedText text={parent.name || parent.runId} max={120} />
            </Link>
          </>
        ) : null}
      </nav>
      <h1 id="page-heading" className="run-header__title">
        <TruncatedText text={run.name || run.runId} max={300} />
        <RunStatusBadge status={run.status} />
        {liveMs !== false ? <LiveIndicator intervalMs={liveMs} /> : null}
        {run.lifecycleStage === 'deleted' ? <span className="badge badge--deleted">Deleted</span> : null}
      </h1>
      {children && children.length > 0 ? (
        <nav aria-label="Child runs" className="run-header__children">
          <span className="muted">
            {children.length} child {children.length === 1 ? 'run' : 'runs'}:
          </span>
          <ul>
            {children.map((child) => (
              <li key={child.runId}>
                <Link to={paths.run.getHref(child.experimentId, child.runId)}>
                  <TruncatedText text={child.name || child.runId} max={80} />
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
