import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { aliasesByVersion, modelVersionsQueryOptions, registeredModelQueryOptions, type RegisteredModel } from '@/api/registry.ts';
import { Loading } from '@/components/loading.tsx';
import { Markdown } from '@/components/markdown.tsx';
import { TruncatedText } from '@/components/truncated-text.tsx';
import { paths } from '@/config/paths.ts';
import { describeTimestamp, formatTimestamp } from '../../../contract/display/format-time.ts';
import { ErrorState } from '@/widgets/error-state.tsx';
import { PanelBoundary } from '@/widgets/panel-boundary.tsx';
import { AliasList } from './alias-list.tsx';
import { NoRegistryNotice } from './no-registry-notice.tsx';
import { RegistryNotFound } from './registry-not-found.tsx';
import { TagList } from '@/components/tag-list.tsx';
import { useRegistryStatus } from './use-registry-status.ts';
import { VersionsTable } from './versions-table.tsx';
import './registry.css';

export interface ModelPageProps {
  modelName: string;
}

/** One registered model: description, tags, aliases, and its versions (fetched alongside). */
export function ModelPage({ modelName }: ModelPageProps) {
  const status = useRegistryStatus();
  const model = useQuery({ ...registeredModelQueryOptions(modelName), enabled: status === 'present' });
  const noRegistry = status === 'absent' || model.data?.registry === false;
  return (
    <main className="page" aria-labelledby={model.data?.registry ? 'page-heading' : undefined}>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.models.getHref()}>Models</Link>
      </nav>
      {noRegistry ? (
        <NoRegistryNotice />
      ) : model.isError ? (
        model.error.isNotFound ? (
          <RegistryNotFound title="Model not found">
            No registered model named “{modelName}” exists on this tracking server.
          </RegistryNotFound>
        ) : (
          <ErrorState error={model.error} onRetry={() => void model.refetch()} />
        )
      ) : model.data?.registry ? (
        <>
          <ModelDetails model={model.data.value} />
          <PanelBoundary label="The versions failed" resetKeys={[modelName]}>
            <ModelVersions model={model.data.value} />
          </PanelBoundary>
        </>
      ) : (
        <Loading label="Loading the model…" />
      )}
    </main>
  );
}

function ModelDetails({ model }: { model: RegisteredModel }) {
  return (
    <>
      <div className="page__header">
        <h1 id="page-heading">
          <TruncatedText text={model.name} max={200} />
        </h1>
      </div>
      <dl className="details">
        <dt>Created</dt>
        <dd title={describeTimestamp(model.createdAt)}>{formatTimestamp(model.createdAt)}</dd>
        <dt>Last modified</dt>
        <dd title={describeTimestamp(model.updatedAt)}>{formatTimestamp(model.updatedAt)}</dd>
        <dt>Aliases</dt>
        <dd>
          <AliasList modelName={model.name} aliases={model.aliases} />
        </dd>
        <dt>Tags</dt>
        <dd>
          <TagList tags={model.tags} label={`Tags of ${model.name}`} empty="—" className="registry-tags" />
        </dd>
      </dl>
      {model.description ? (
        <section className="registry-description" aria-labelledby="model-description-heading">
          <h2 id="model-description-heading">Description</h2>
          <Markdown source={model.description} />
        </section>
      ) : null}
    </>
  );
}

function ModelVersions({ model }: { model: RegisteredModel }) {
  const versions = useQuery(modelVersionsQueryOptions(model.name));
  const aliases = useMemo(() => aliasesByVersion(model.aliases), [model.aliases]);
  return (
    <section className="registry-section" aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions</h2>
      {versions.isError ? (
        <ErrorState error={versions.error} onRetry={() => void versions.refetch()} compact />
      ) : !versions.data ? (
        <Loading label="Loading versions…" />
      ) : !versions.data.registry || versions.data.value.length === 0 ? (
        <p className="empty-state">This model has no versions yet.</p>
      ) : (
        <VersionsTable modelName={model.name} versions={versions.data.value} aliases={aliases} />
      )}
    </section>
  );
}
