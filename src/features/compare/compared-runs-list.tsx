// The compared runs as a legend: colour swatch, name linking to the run, status.
import { Link } from 'react-router';
import type { Run } from '@/api/runs.ts';
import { RunStatusBadge } from '@/widgets/run-status-badge.tsx';
import { TruncatedText } from '@/components/truncated-text.tsx';
import { paths } from '@/config/paths.ts';

export interface ComparedRunsListProps {
  runs: readonly Run[];
  colors: ReadonlyMap<string, string>;
}

export function ComparedRunsList({ runs, colors }: ComparedRunsListProps) {
  return (
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
  );
}
