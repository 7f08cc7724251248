// Datasets the run used (mlflow.log_input): name, digest, source, and the schema and profile,
// which arrive as JSON strings and are re-indented only for display (bad or too deeply nested
// JSON shows as written).
import type { DatasetInput } from '@/api/runs.ts';
import { TruncatedText } from '@/components/truncated-text.tsx';
import { prettyJsonText } from '@/lib/json-text.ts';

export function RunDatasets({ datasets }: { datasets: readonly DatasetInput[] }) {
  if (datasets.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="run-datasets">
      {datasets.map(({ dataset, tags }, i) => {
        const context = tags.find((tag) => tag.key === 'mlflow.data.context')?.value;
        const schema = dataset.schema ? prettyJsonText(dataset.schema) : undefined;
        const profile = dataset.profile ? prettyJsonText(dataset.profile) : undefined;
        return (
          <li key={`${dataset.name}-${dataset.digest}-${i}`}>
            <strong>{dataset.name || '(unnamed)'}</strong> {context ? <span className="badge">{context}</span> : null}{' '}
            <span className="muted">
              {dataset.source_type} · digest <code>{dataset.digest}</code>
            </span>
            {schema || profile ? (
              <details>
                <summary>Schema and profile</summary>
                {schema ? <pre className="mono">{schema.slice(0, 20_000)}</pre> : null}
                {profile ? <pre className="mono">{profile.slice(0, 20_000)}</pre> : null}
                <TruncatedText text={dataset.source} max={300} className="muted" />
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
