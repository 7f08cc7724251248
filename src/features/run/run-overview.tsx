import { useState } from 'react';
import { Link } from 'react-router';
import type { LoggedModel } from '@/api/logged-models.ts';
import type { Run } from '@/api/runs.ts';
import { Markdown } from '@/components/markdown.tsx';
import { PanelBoundary } from '@/widgets/panel-boundary.tsx';
import { TruncatedText } from '@/components/truncated-text.tsx';
import { describeTimestamp, formatTimestamp } from '../../../contract/display/format-time.ts';
import { formatDuration } from '../../../contract/display/format-value.ts';
import { KeyValueTable } from './key-value-table.tsx';
import { RunDatasets } from './run-datasets.tsx';
import { RunMetricsTable } from './run-metrics-table.tsx';
import { RunSource } from './run-source.tsx';

export interface RunOverviewProps {
  run: Run;
  /** Rendered when the run has logged models: links into the artifacts tab. */
  loggedModels: readonly LoggedModel[] | undefined;
  modelHref: (modelId: string) => string;
}

function duration(run: Run, now: number): string {
  // A RUNNING run has no end yet: its elapsed time, never a negative or NaN.
  const end = run.endTime ?? (run.status === 'RUNNING' ? now : undefined);
  const text = formatDuration(run.startTime === undefined || end === undefined ? undefined : end - run.startTime);
  return run.endTime === undefined && run.status === 'RUNNING' ? `${text} so far` : text;
}

const tagRows = (entries: [string, string][]) =>
  entries.map(([key, value]) => ({ key, searchText: value, cells: [<TruncatedText key="v" text={value} max={500} />] }));

export function RunOverview({ run, loggedModels, modelHref }: RunOverviewProps) {
  const note = run.tags['mlflow.note.content'];
  const tags = Object.entries(run.tags).sort(([a], [b]) => a.localeCompare(b));
  const userTags = tags.filter(([key]) => !key.startsWith('mlflow.'));
  const systemTags = tags.filter(([key]) => key.startsWith('mlflow.'));
  const params = Object.entries(run.params).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="run-overview">
      {/* Each section fails alone: a value that cannot be shown leaves the others readable. */}
      <PanelBoundary label="The run details failed" resetKeys={[run, loggedModels]}>
        <RunDetails run={run} loggedModels={loggedModels} modelHref={modelHref} />
      </PanelBoundary>
      <section aria-label="Description" className="run-description">
        <h2>Description</h2>
        <PanelBoundary label="The description failed" resetKeys={[note]}>
          {note ? <Markdown source={note.slice(0, 100_000)} /> : <p className="muted">No description.</p>}
        </PanelBoundary>
      </section>
      <PanelBoundary label="The parameters failed" resetKeys={[run]}>
        <KeyValueTable title="Parameters" headers={['Parameter', 'Value']} rows={tagRows(params)} empty="No parameters logged." />
      </PanelBoundary>
      <PanelBoundary label="The metrics failed" resetKeys={[run]}>
        <RunMetricsTable run={run} />
      </PanelBoundary>
      <PanelBoundary label="The tags failed" resetKeys={[run]}>
        <KeyValueTable title="Tags" headers={['Tag', 'Value']} rows={tagRows(userTags)} empty="No tags." />
      </PanelBoundary>
      <PanelBoundary label="The system tags failed" resetKeys={[run]}>
        <KeyValueTable title="System tags" headers={['Tag', 'Value']} rows={tagRows(systemTags)} empty="No system tags." />
      </PanelBoundary>
    </div>
  );
}

/** Who, when, where from: a component of its own, so a value it cannot format fails only this section. */
function RunDetails({ run, loggedModels, modelHref }: RunOverviewProps) {
  // Elapsed time of a RUNNING run, as of when this run's data arrived.
  const [now] = useState(() => Date.now());
  return (
    <dl className="details">
      <dt>Run ID</dt>
      <dd className="mono">{run.runId}</dd>
      <dt>Started</dt>
      <dd title={describeTimestamp(run.startTime)}>{formatTimestamp(run.startTime) || '—'}</dd>
      <dt>Ended</dt>
      <dd title={describeTimestamp(run.endTime)}>{formatTimestamp(run.endTime) || '—'}</dd>
      <dt>Duration</dt>
      <dd>{duration(run, now)}</dd>
      <dt>User</dt>
      <dd>{run.user || '—'}</dd>
      <dt>Source</dt>
      <dd>
        <RunSource run={run} />
      </dd>
      <dt>Lifecycle</dt>
      <dd>{run.lifecycleStage}</dd>
      <dt>Datasets</dt>
      <dd>
        <RunDatasets datasets={run.datasets} />
      </dd>
      <dt>Logged models</dt>
      <dd>
        {loggedModels && loggedModels.length > 0 ? (
          <ul className="inline-list">
            {loggedModels.map((model) => (
              <li key={model.modelId}>
                <Link to={modelHref(model.modelId)}>{model.name || model.modelId}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{loggedModels ? 'none' : '…'}</span>
        )}
      </dd>
    </dl>
  );
}
