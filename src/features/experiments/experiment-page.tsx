import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { experimentQueryOptions, type Experiment } from '@/api/experiments.ts';
import { tagValue } from '@/api/wire.ts';
import { ErrorState } from '@/widgets/error-state.tsx';
import { Loading } from '@/components/loading.tsx';
import { Markdown } from '@/components/markdown.tsx';
import { TruncatedText } from '@/components/truncated-text.tsx';
import { useDocumentTitle } from '@/widgets/use-document-title.ts';
import { paths } from '@/config/paths.ts';
import { describeTimestamp, formatTimestamp } from '../../../contract/display/format-time.ts';
import './experiments.css';

export interface ExperimentPageProps {
  experimentId: string;
  /**
   * The open tab's content, composed in by its route (features do not import each other): the
   * run table on the Runs tab, the LoggedModels on the Models tab. The one given is the open tab.
   */
  runs?: ReactNode;
  models?: ReactNode;
}

/**
 * The experiment's details and, below them, its runs or its models. The tab's content does not
 * wait for the details: both requests start at navigation, and the rows are what the user came for.
 */
export function ExperimentPage({ experimentId, runs, models }: ExperimentPageProps) {
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
      <ExperimentTabs experimentId={experimentId} open={models === undefined ? 'runs' : 'models'} />
      {models ?? runs}
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
            <dd className="experiment-description">
              <Markdown source={description} />
            </dd>
          </>
        ) : null}
      </dl>
    </>
  );
}

/**
 * Links styled as tabs: each tab is a URL of its own. The open tab links to itself with its
 * search params, so clicking it again keeps the table's filter, sort and columns.
 */
function ExperimentTabs({ experimentId, open }: { experimentId: string; open: 'runs' | 'models' }) {
  const { search } = useLocation();
  const tab = (id: 'runs' | 'models', to: string, label: string) => (
    <Link
      to={id === open ? `${to}${search}` : to}
      className={id === open ? 'tab tab--active' : 'tab'}
      aria-current={id === open ? 'page' : undefined}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Experiment sections" className="tabs">
      {tab('runs', paths.experiment.getHref(experimentId), 'Runs')}
      {tab('models', paths.experimentModels.getHref(experimentId), 'Models')}
    </nav>
  );
}
