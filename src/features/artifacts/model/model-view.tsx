import { useMemo } from 'react';
import type { ArtifactFile } from '@/api/artifacts.ts';
import { ErrorState } from '@/widgets/error-state.tsx';
import { Loading } from '@/components/loading.tsx';
import { PanelBoundary } from '@/widgets/panel-boundary.tsx';
import { parseMlModel } from '@/lib/mlmodel/parse-mlmodel.ts';
import { loggedModelUri, runModelUri } from '@/lib/mlmodel/snippets.ts';
import { fileUrl, type ArtifactLocation } from '../location.ts';
import { TextView } from '../previews/text-view.tsx';
import { useArtifactText } from '../use-artifact-text.ts';
import { EnvironmentView } from './environment-view.tsx';
import { InputExampleView } from './input-example-view.tsx';
import { ModelSummary } from './model-summary.tsx';
import { SignatureView } from './signature-view.tsx';
import { SnippetsView } from './snippets-view.tsx';

export interface ModelViewProps {
  location: ArtifactLocation;
  /** The model's folder ('' for a LoggedModel's root). */
  dirPath: string;
  /** The folder's listing, to know which optional files exist and their sizes. */
  files: readonly ArtifactFile[];
  runId: string;
  /** Set for an MLflow 3 LoggedModel. */
  modelId: string | undefined;
  /** The URI to show and load instead of the run's or LoggedModel's (a registered version's `models:/<name>/<version>`). */
  modelUri?: string;
  /** `models:/<name>@<alias>` URIs pointing at this model now, offered in the snippets. */
  aliasUris?: readonly string[];
}

const join = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);

/** What an MLmodel file says about a model; a file that does not parse is shown as text with the error. */
export function ModelView({ location, dirPath, files, runId, modelId, modelUri: givenUri, aliasUris }: ModelViewProps) {
  const mlmodelPath = join(dirPath, 'MLmodel');
  const sizeOf = (name: string) => files.find((f) => f.path === join(dirPath, name))?.size;
  const has = (name: string | undefined) => name !== undefined && files.some((f) => f.path === join(dirPath, name) && !f.isDir);
  const { query, decoded } = useArtifactText(fileUrl(location, mlmodelPath), sizeOf('MLmodel'));
  const parsed = useMemo(() => (decoded?.kind === 'text' ? parseMlModel(decoded.text) : undefined), [decoded]);

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} compact />;
  if (!decoded) return <Loading label="Loading MLmodel…" />;
  if (decoded.kind === 'binary' || !parsed?.ok) {
    return (
      <section className="model-view" aria-label="MLflow model">
        <div className="artifact-error" role="alert">
          <strong>This MLmodel file cannot be read.</strong> {parsed && !parsed.ok ? parsed.error : 'It is binary.'} Shown as text, nothing
          in it was run.
        </div>
        {decoded.kind === 'text' ? <TextView text={decoded.text} label={`Contents of ${mlmodelPath}`} /> : null}
      </section>
    );
  }
  const model = parsed.model;
  const modelUri = givenUri ?? (modelId ? loggedModelUri(modelId) : runModelUri(runId, dirPath));
  const exampleInfo = model.inputExample;
  const servingPath = exampleInfo?.servingInputPath;
  const inputs = model.signature?.inputs;
  return (
    <section className="model-view" aria-labelledby="model-view-heading">
      <h2 id="model-view-heading">MLflow model</h2>
      {/* Each section stands alone: a hostile signature or conda.yaml fails only its own. */}
      <PanelBoundary label="The model summary failed" resetKeys={[model]}>
        <ModelSummary model={model} modelUri={modelUri} />
      </PanelBoundary>
      <PanelBoundary label="The signature failed" resetKeys={[model]}>
        <SignatureView signature={model.signature} />
      </PanelBoundary>
      {exampleInfo && has(exampleInfo.artifactPath) ? (
        <PanelBoundary label="The input example failed" resetKeys={[model]}>
          <InputExampleView
            info={exampleInfo}
            exampleUrl={fileUrl(location, join(dirPath, exampleInfo.artifactPath))}
            exampleSize={sizeOf(exampleInfo.artifactPath)}
            servingUrl={servingPath && has(servingPath) ? fileUrl(location, join(dirPath, servingPath)) : undefined}
            servingSize={servingPath ? sizeOf(servingPath) : undefined}
            inputs={inputs?.ok ? inputs.value : undefined}
          />
        </PanelBoundary>
      ) : null}
      <PanelBoundary label="The environment failed" resetKeys={[model]}>
        <EnvironmentView
          files={[
            { name: model.environment.conda ?? 'conda.yaml', kind: 'conda' as const },
            { name: model.environment.virtualenv ?? 'python_env.yaml', kind: 'python-env' as const },
            { name: 'requirements.txt', kind: 'requirements' as const },
          ]
            .filter((file) => has(file.name))
            .map((file) => ({ ...file, url: fileUrl(location, join(dirPath, file.name)), size: sizeOf(file.name) }))}
        />
      </PanelBoundary>
      <PanelBoundary label="The usage snippets failed" resetKeys={[model]}>
        <SnippetsView
          modelUri={modelUri}
          aliasUris={aliasUris}
          servingUrl={servingPath && has(servingPath) ? fileUrl(location, join(dirPath, servingPath)) : undefined}
          servingSize={servingPath ? sizeOf(servingPath) : undefined}
        />
      </PanelBoundary>
    </section>
  );
}
