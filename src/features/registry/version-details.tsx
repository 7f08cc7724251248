import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { ArtifactSource } from '@/api/artifacts.ts';
import { modelVersionFiles } from '@/api/model-version-files.ts';
import type { ModelVersion } from '@/api/registry.ts';
import { runQueryOptions } from '@/api/runs.ts';
import { Loading } from '@/components/loading.tsx';
import { Markdown } from '@/components/markdown.tsx';
import { TruncatedText } from '@/components/truncated-text.tsx';
import { describeTimestamp, formatTimestamp } from '../../../contract/display/format-time.ts';
import { registeredAliasUri, registeredVersionUri } from '@/lib/mlmodel/snippets.ts';
import { PanelBoundary } from '@/widgets/panel-boundary.tsx';
import { AliasList } from './alias-list.tsx';
import { SourceRunLink } from './source-run-link.tsx';
import { TagList } from '@/components/tag-list.tsx';
import { versionStatusLabel } from './version-status.ts';

/** What the model files view needs: where the files are, the run that logged them, and the URIs to show. */
export interface ModelFilesArgs {
  source: ArtifactSource;
  dirPath: string;
  experimentId: string | undefined;
  runId: string | undefined;
  /** `models:/<name>/<version>`. */
  modelUri: string;
  /** `models:/<name>@<alias>` for each alias on this version. */
  aliasUris: string[];
}

export interface VersionDetailsProps {
  version: ModelVersion;
  renderModelFiles: (args: ModelFilesArgs) => ReactNode;
}

export function VersionDetails({ version, renderModelFiles }: VersionDetailsProps) {
  const modelUri = registeredVersionUri(version.name, version.version);
  const aliasUris = version.aliases.map((alias) => registeredAliasUri(version.name, alias));
  return (
    <>
      <div className="page__header">
        <h1 id="page-heading">
          <span>
            <TruncatedText text={version.name} max={200} /> version {version.version}
          </span>
        </h1>
      </div>
      <dl className="details">
        <dt>Status</dt>
        <dd title={version.statusMessage}>{versionStatusLabel(version.status)}</dd>
        {version.stage !== 'None' ? (
          <>
            <dt>Stage</dt>
            <dd>{version.stage}</dd>
          </>
        ) : null}
        <dt>Registered</dt>
        <dd title={describeTimestamp(version.createdAt)}>{formatTimestamp(version.createdAt)}</dd>
        <dt>Last modified</dt>
        <dd title={describeTimestamp(version.updatedAt)}>{formatTimestamp(version.updatedAt)}</dd>
        <dt>Source run</dt>
        <dd>{version.runId ? <SourceRunLink runId={version.runId} /> : <span className="muted">—</span>}</dd>
        <dt>Source</dt>
        <dd className="registry-source">
          <code>{version.source ?? '—'}</code>
        </dd>
        <dt>Aliases</dt>
        <dd>
          <AliasList modelName={version.name} aliases={version.aliases.map((alias) => ({ alias }))} />
        </dd>
        <dt>Tags</dt>
        <dd>
          <TagList tags={version.tags} label={`Tags of version ${version.version}`} empty="—" className="registry-tags" />
        </dd>
        {aliasUris.length > 0 ? (
          <>
            <dt>By alias</dt>
            <dd className="registry-source">
              {aliasUris.map((uri, i) => (
                <span key={uri}>
                  {i > 0 ? ' · ' : null}
                  <code>{uri}</code>
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      {version.description ? (
        <section className="registry-description" aria-labelledby="version-description-heading">
          <h2 id="version-description-heading">Description</h2>
          <Markdown source={version.description} />
        </section>
      ) : null}
      <PanelBoundary label="The model failed" resetKeys={[version.name, version.version]}>
        <VersionModelFiles version={version} modelUri={modelUri} aliasUris={aliasUris} renderModelFiles={renderModelFiles} />
      </PanelBoundary>
    </>
  );
}

interface VersionModelFilesProps extends VersionDetailsProps {
  modelUri: string;
  aliasUris: string[];
}

/**
 * The model's MLmodel, read where the version was registered from. The run is read first: its
 * experiment is what a link to the files and a LoggedModel's artifact root need.
 */
function VersionModelFiles({ version, modelUri, aliasUris, renderModelFiles }: VersionModelFilesProps) {
  const files = modelVersionFiles(version);
  const runId = version.runId ?? (files?.source.kind === 'run' ? files.source.runId : undefined);
  const run = useQuery({ ...runQueryOptions(runId ?? ''), enabled: files !== undefined && runId !== undefined });
  if (!files) {
    return (
      <p className="registry-notice registry-source" role="note">
        The model&apos;s files cannot be shown: its source, <code>{version.source ?? '(none recorded)'}</code>, is neither a run&apos;s
        artifact nor a logged model that the tracking server can list. Load it with <code>{modelUri}</code>.
      </p>
    );
  }
  if (runId !== undefined && run.isPending) return <Loading label="Loading the model…" />;
  return <>{renderModelFiles({ ...files, experimentId: run.data?.experimentId, runId, modelUri, aliasUris })}</>;
}
