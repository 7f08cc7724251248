import { useQuery } from '@tanstack/react-query';
import { Link, Navigate } from 'react-router';
import type { ApiError } from '@/api/api-error.ts';
import { modelAliasQueryOptions } from '@/api/registry.ts';
import { Loading } from '@/components/loading.tsx';
import { paths } from '@/config/paths.ts';
import { ErrorState } from '@/widgets/error-state.tsx';
import { NoRegistryNotice } from './no-registry-notice.tsx';
import { RegistryNotFound } from './registry-not-found.tsx';
import { useRegistryStatus } from './use-registry-status.ts';
import './registry.css';

export interface ModelAliasPageProps {
  modelName: string;
  alias: string;
}

/**
 * Follows an alias: asks the registry which version it points at now (registered-models/alias)
 * and replaces this URL with that version's page, so a shared alias link always opens the
 * version `models:/<name>@<alias>` would load.
 */
export function ModelAliasPage({ modelName, alias }: ModelAliasPageProps) {
  const status = useRegistryStatus();
  const query = useQuery({ ...modelAliasQueryOptions(modelName, alias), enabled: status === 'present' });
  // Not on a cached answer being checked again: the alias may have moved since.
  if (query.data?.registry && !query.isFetching) {
    return <Navigate replace to={paths.modelVersion.getHref(modelName, query.data.value.version)} />;
  }
  return (
    <main className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={paths.models.getHref()}>Models</Link> › <Link to={paths.registeredModel.getHref(modelName)}>{modelName}</Link>
      </nav>
      {status === 'absent' || query.data?.registry === false ? (
        <NoRegistryNotice />
      ) : query.isError ? (
        isUnknownAlias(query.error) ? (
          <RegistryNotFound title="Alias not found">
            Registered model “{modelName}” has no alias “{alias}” (or the model does not exist).
          </RegistryNotFound>
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : (
        <Loading label={`Following @${alias}…`} />
      )}
    </main>
  );
}

/** MLflow answers an unknown alias with 400 INVALID_PARAMETER_VALUE (docs/mlflow-wire.md, Model registry), a missing model with 404. */
function isUnknownAlias(error: ApiError): boolean {
  return error.isNotFound || (error.status === 400 && error.errorCode === 'INVALID_PARAMETER_VALUE');
}
