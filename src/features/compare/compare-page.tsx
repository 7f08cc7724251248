// Runs side by side (chosen in the run table, or linked from a portal): who they are, their
// params and metrics, and — through the `charts` slot the route fills — every metric charted
// with one line per run. Runs that fail to load are named, not fatal; the table and the charts
// fail alone.
import { useQueries } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { runQueryOptions, type Run } from '@/api/runs.ts';
import { PanelBoundary } from '@/components/panel-boundary.tsx';
import { RunStatusBadge } from '@/components/run-status-badge.tsx';
import { TruncatedText } from '@/components/truncated-text.tsx';
import { useDocumentTitle } from '@/components/use-document-title.ts';
import { useSearchState } from '@/components/use-search-state.ts';
import { paths } from '@/config/paths.ts';
import { runColors } from '@/lib/run-color.ts';
import { CompareTable } from './compare-table.tsx';
import { compareSearchSchema } from './url-state.ts';

/** The most runs one compare view loads (each is a runs/get and a line in every chart). */
export const MAX_COMPARED_RUNS = 100;

export interface ComparePageProps {
  runIds: readonly string[];
  /** Runs the link named beyond MAX_COMPARED_RUNS, left out. */
  omitted?: number;
  charts: (runs: readonly Run[], metricKeys: readonly string[]) => ReactNode;
}

export function ComparePage({ runIds, omitted = 0, charts }: ComparePageProps) {
  const [search, update] = useSearchState(compareSearchSchema);
  const queries = useQueries({ queries: runIds.map((runId) => runQueryOptions(runId)) });
  const runs = queries.flatMap((q) => (q.data ? [q.data] : []));
  const failed = runIds.filter((_, i) => queries[i]?.isError);
  const pending = queries.some((q) => q.isPending);
  const metricKeys = [...new Set(runs.flatMap((run) => Object.keys(run.metrics)))];
  // The same list, in the same order, as the charts get: swatches and chart lines agree.
  const colors = runColors(runs.map((run) => run.runId));
  useDocumentTitle(`Compare ${runIds.length} runs`);

  return (
    <main className="page compare-page" aria-labelledby="page-heading">
      <h1 id="page-heading">Comparing {runIds.length === 1 ? '1 run' : `${runIds.length} runs`}</h1>
      {omitted > 0 ? (
        <p className="muted" role="status">
          The link names {(runIds.length + omitted).toLocaleString('en-US')} runs; showing the first {runIds.length}. Compare fewer runs at a time.
        </p>
      ) : null}
      {runIds.length === 0 ? <p className="empty-state">No runs chosen: select runs in a run table and press Compare.</p> : null}
      <ul className="compare-runs" aria-label="Compared runs">
        {runs.map((run) => (
          <li key={run.runId}>
            <span className="swatch" style={{ background: colors.get(run.runId) }} aria-hidden="true" />
            <Link to={paths.run.getHref(run.experimentId, run.runId)}>
              <TruncatedText text={run.name || run.runId} max={120} />
            </Link>
            <RunStatusBadge status={run.status} />
          </li>
        ))}
      </ul>
      {failed.length > 0 ? (
        <p className="error-state error-state--compact" role="alert">
          Could not load {failed.length === 1 ? 'run' : 'runs'} {failed.join(', ')}.
        </p>
      ) : null}
      {pending ? null : (
        <>
          <label className="toolbar__toggle">
            <input type="checkbox" checked={search.onlyDifferences} onChange={(e) => update({ onlyDifferences: e.target.checked })} />
            Only differences
          </label>
          <PanelBoundary label="The comparison table failed" resetKeys={[search.onlyDifferences]}>
            <CompareTable runs={runs} onlyDifferences={search.onlyDifferences} />
          </PanelBoundary>
          <PanelBoundary label="The charts failed">{charts(runs, metricKeys)}</PanelBoundary>
        </>
      )}
    </main>
  );
}
