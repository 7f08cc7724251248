import { useMemo } from 'react';
import { Link } from 'react-router';
import type { LoggedModel, LoggedModelMetric } from '@/api/logged-models.ts';
import { TagList } from '@/components/tag-list.tsx';
import { TruncatedText } from '@/components/truncated-text.tsx';
import { paths } from '@/config/paths.ts';
import { describeTimestamp, formatTimestamp } from '../../../contract/display/format-time.ts';
import { formatMetric } from '../../../contract/display/format-value.ts';
import { latestMetrics, statusLabel, type ModelColumns } from './model-table.ts';

export interface LoggedModelRowProps {
  model: LoggedModel;
  experimentId: string;
  columns: ModelColumns;
  /** The source run's name, once known; the id is shown until then (or if it never is). */
  sourceRunName: string | undefined;
}

const SHOWN_TAGS = 3;

export function LoggedModelRow({ model, experimentId, columns, sourceRunName }: LoggedModelRowProps) {
  const metrics = useMemo(() => latestMetrics(model.metrics), [model.metrics]);
  const params = useMemo(() => new Map(model.params.map((param) => [param.key, param.value])), [model.params]);
  // mlflow.* tags are bookkeeping (source file, git commit, user); a user's own tags say what the model is.
  const userTags = model.tags.filter((tag) => !tag.key.startsWith('mlflow.'));
  const runId = model.sourceRunId;
  const name = model.name || '(unnamed)';
  return (
    <tr>
      <th scope="row" className="cell-name">
        {/* The model view is the source run's artifact panel showing this LoggedModel, as the run page links it. */}
        {runId ? (
          <Link to={paths.runArtifacts.getHref(model.experimentId ?? experimentId, runId, '', model.modelId)}>
            <TruncatedText text={name} max={200} />
          </Link>
        ) : (
          <TruncatedText text={name} max={200} />
        )}
      </th>
      <td className="mono model-table__id">
        <TruncatedText text={model.modelId} max={64} />
      </td>
      <td>
        {runId ? (
          <Link to={paths.run.getHref(model.experimentId ?? experimentId, runId)}>
            <TruncatedText text={sourceRunName || runId} max={120} />
          </Link>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="cell-time" title={describeTimestamp(model.createdAt)}>
        {formatTimestamp(model.createdAt)}
      </td>
      <td className={`model-status model-status--${model.status.toLowerCase()}`}>{statusLabel(model.status)}</td>
      {columns.metrics.shown.map((key) => (
        <MetricCell key={key} metric={metrics.get(key)} />
      ))}
      {columns.metrics.hidden.length > 0 ? (
        <MoreCell entries={columns.metrics.hidden.flatMap((key) => entry(key, metrics.get(key), (m) => formatMetric(m.value)))} />
      ) : null}
      {columns.params.shown.map((key) => (
        <td key={key}>{params.has(key) ? <TruncatedText text={params.get(key) ?? ''} max={80} /> : null}</td>
      ))}
      {columns.params.hidden.length > 0 ? (
        <MoreCell entries={columns.params.hidden.flatMap((key) => entry(key, params.get(key), (value) => value))} />
      ) : null}
      <td className="cell-tags">
        <TagList tags={userTags} label="Tags" limit={SHOWN_TAGS} max={60} />
      </td>
    </tr>
  );
}

function entry<T>(key: string, value: T | undefined, format: (value: T) => string): string[] {
  return value === undefined ? [] : [`${key}: ${format(value)}`];
}

function MetricCell({ metric }: { metric: LoggedModelMetric | undefined }) {
  if (!metric) return <td className="cell-number" />;
  const where = [metric.datasetName ? `dataset ${metric.datasetName}` : '', metric.step ? `step ${metric.step}` : ''].filter(Boolean);
  return (
    <td className="cell-number" title={`${metric.key} = ${String(metric.value)}${where.length ? ` (${where.join(', ')})` : ''}`}>
      {formatMetric(metric.value)}
    </td>
  );
}

/** The model's values under the keys without a column: how many, and all of them in the tooltip. */
function MoreCell({ entries }: { entries: string[] }) {
  if (entries.length === 0) return <td />;
  // Tooltips are capped like TruncatedText's: an estimator can carry hundreds of params.
  const title = entries.slice(0, 100).join('\n') + (entries.length > 100 ? `\n… ${entries.length - 100} more` : '');
  return (
    <td className="muted" title={title}>
      +{entries.length}
    </td>
  );
}
