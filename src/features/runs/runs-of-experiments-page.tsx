// Several experiments' runs in one table (chosen on the experiment list), with an Experiment
// column. Names come from experiments/get; an experiment that fails to load is named by its id.
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useMemo } from 'react';
import { experimentQueryOptions } from '@/api/experiments.ts';
import { TruncatedText } from '@/components/truncated-text.tsx';
import { useDocumentTitle } from '@/widgets/use-document-title.ts';
import { paths } from '@/config/paths.ts';
import type { RunChartsSlot } from './run-charts-view.tsx';
import { RunsPanel } from './runs-panel.tsx';

export function RunsOfExperimentsPage({ experimentIds, charts }: { experimentIds: readonly string[]; charts?: RunChartsSlot }) {
  const experiments = useQueries({ queries: experimentIds.map((id) => experimentQueryOptions(id)) });
  const names = experiments.map((query, i) => query.data?.name ?? experimentIds[i] ?? '');
  const nameKey = names.join('\u0000');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- nameKey stands for the names
  const experimentNames = useMemo(() => new Map(experimentIds.map((id, i) => [id, names[i] ?? id])), [experimentIds, nameKey]);
  useDocumentTitle(`Runs of ${experimentIds.length} experiments`);

  return (
    <main className="page" aria-labelledby="page-heading">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.home.getHref()}>Experiments</Link>
      </nav>
      <h1 id="page-heading">Runs of {experimentIds.length === 1 ? '1 experiment' : `${experimentIds.length} experiments`}</h1>
      <ul className="experiment-chips" aria-label="Experiments">
        {experimentIds.map((id, i) => (
          <li key={id}>
            <Link to={paths.experiment.getHref(id)}>
              <TruncatedText text={names[i] ?? id} max={80} />
            </Link>
          </li>
        ))}
      </ul>
      {experimentIds.length === 0 ? (
        <p className="empty-state">No experiment chosen: tick experiments on the experiment list.</p>
      ) : (
        <RunsPanel
          charts={charts}
          experimentIds={experimentIds}
          experimentNames={experimentNames}
          exportName={`runs-of-${experimentIds.length}-experiments`}
        />
      )}
    </main>
  );
}
