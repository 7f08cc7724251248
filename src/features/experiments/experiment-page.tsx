import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { experimentQueryOptions, type Experiment } from '@/api/experiments.ts';
import { tagValue } from '@/api/wire.ts';
import { ErrorState } from '@/widgets/error-state.tsx';
import { Loading } from '@/components/loading.tsx';
import { TruncatedText } from '@/components/truncated-text.tsx';
import { useDocumentTitle } from '@/widgets/use-document-title.ts';
import { paths } from '@/config/paths.ts';
import { describeTimestamp, formatTimestamp } from '@/lib/format-time.ts';

export interface ExperimentPageProps {
  experimentId: string;
  /** The run table, composed in by the route (features do not import each other). */
  runs: ReactNode;
}

/**
 * The experiment's details and, below them, its runs. The runs do not wait for the details:
 * both requests start at navigation, and the first rows are what the user came for.
 */
export function ExperimentPage({ experimentId, runs }: ExperimentPageProps) {
  const query = useQuery(experimentQueryOptions(experimentId));
  useDocumentTitle(query.data?.name ?? experimentId, 'Experiment');

  if (query.isError) {
    return (
      <main className="page">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to={paths.home.getHref()}>Experiments</Link>
        </nav>
        {query.error.isNotFound ? (
          <section className="error-state" role="alert">
            <h1 className="error-state__title">Experiment not found</h1>
            <p>No experiment with id “{experimentId}” exists on this tracking server.</p>
          </section>
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        )}
      </main>
    );
  }
  const experiment = query.data;
  return (
    <main className="page" aria-labelledby={experiment ? 'page-heading' : undefined}>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.home.getHref()}>Experiments</Link>
      </nav>
      {experiment ? <ExperimentDetails experiment={experiment} /> : <Loading label="Loading experiment…" />}
      {runs}
    </main>
  );
}

function ExperimentDetails({ experiment }: { experiment: Experiment }) {
  const description = tagValue(experiment.tags, 'mlflow.note.content');
  return (
    <>
      <div className="page__header">
        <h1 id="page-heading">
          <TruncatedText text={experiment.name} max={200} />
          {experiment.lifecycle_stage === 'deleted' ? <span className="badge badge--deleted">Deleted</span> : null}
        </h1>
      </div>
      <dl className="details">
        <dt>Experiment ID</dt>
        <dd>{experiment.experiment_id}</dd>
        <dt>Created</dt>
        <dd title={describeTimestamp(experiment.creation_time)}>{formatTimestamp(experiment.creation_time)}</dd>
        <dt>Last updated</dt>
        <dd title={describeTimestamp(experiment.last_update_time)}>{formatTimestamp(experiment.last_update_time)}</dd>
        <dt>Artifact location</dt>
        <dd>
          <code>{experiment.artifact_location ?? '—'}</code>
        </dd>
        {description ? (
          <>
            <dt>Description</dt>
            <dd className="pre-wrap">
              <TruncatedText text={description} max={5000} />
            </dd>
          </>
        ) : null}
      </dl>
    </>
  );
}
