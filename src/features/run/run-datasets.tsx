// Datasets the run used (mlflow.log_input): name, digest, source, and the schema and profile,
// which arrive as JSON strings and are parsed here only for display (bad JSON shows as text).
import type { DatasetInput } from '@/api/runs.ts';
import { TruncatedText } from '@/components/truncated-text.tsx';

function parsed(text: string | undefined): string | undefined {
  if (!text) return undefined;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function RunDatasets({ datasets }: { datasets: readonly DatasetInput[] }) {
  if (datasets.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="run-datasets">
      {datasets.map(({ dataset, tags }, i) => {
        const context = tags.find((tag) => tag.key === 'mlflow.data.context')?.value;
        const schema = parsed(dataset.schema);
        const profile = parsed(dataset.profile);
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
