import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { modelVersionQueryOptions } from '@/api/registry.ts';
import { Loading } from '@/components/loading.tsx';
import { TruncatedText } from '@/components/truncated-text.tsx';
import { paths } from '@/config/paths.ts';
import { ErrorState } from '@/widgets/error-state.tsx';
import { NoRegistryNotice } from './no-registry-notice.tsx';
import { RegistryNotFound } from './registry-not-found.tsx';
import { useRegistryStatus } from './use-registry-status.ts';
import { VersionDetails, type ModelFilesArgs } from './version-details.tsx';
import './registry.css';

export interface ModelVersionPageProps {
  modelName: string;
  version: string;
  /**
   * The model's files (its MLmodel: flavors, signature, input example, snippets), composed in by
   * the route from the artifacts feature (features do not import each other).
   */
  renderModelFiles: (args: ModelFilesArgs) => ReactNode;
}

/** One version of a registered model: where it came from, its aliases and tags, and the model itself. */
export function ModelVersionPage({ modelName, version, renderModelFiles }: ModelVersionPageProps) {
  const status = useRegistryStatus();
  const query = useQuery({ ...modelVersionQueryOptions(modelName, version), enabled: status === 'present' });
  const noRegistry = status === 'absent' || query.data?.registry === false;
  return (
    <main className="page" aria-labelledby={query.data?.registry ? 'page-heading' : undefined}>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.models.getHref()}>Models</Link> ›{' '}
        <Link to={paths.registeredModel.getHref(modelName)}>
          <TruncatedText text={modelName} max={120} />
        </Link>
      </nav>
      {noRegistry ? (
        <NoRegistryNotice />
      ) : query.isError ? (
        query.error.isNotFound ? (
          <RegistryNotFound title="Version not found">
            Registered model “{modelName}” has no version {version} on this tracking server.
          </RegistryNotFound>
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : query.data?.registry ? (
        <VersionDetails version={query.data.value} renderModelFiles={renderModelFiles} />
      ) : (
        <Loading label="Loading the version…" />
      )}
    </main>
  );
}
