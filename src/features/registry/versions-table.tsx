import { Link } from 'react-router';
import { usesStages, type ModelVersion } from '@/api/registry.ts';
import { paths } from '@/config/paths.ts';
import { describeTimestamp, formatTimestamp } from '../../../contract/display/format-time.ts';
import { AliasList } from './alias-list.tsx';
import { SourceRunLink } from './source-run-link.tsx';
import { TagList } from '@/components/tag-list.tsx';
import { versionStatusLabel } from './version-status.ts';

export interface VersionsTableProps {
  modelName: string;
  /** Newest first. */
  versions: readonly ModelVersion[];
  /** Aliases by version, from the registered model (model-versions/search leaves them out). */
  aliases: ReadonlyMap<string, readonly string[]>;
}

/** The model's versions; a Stage column only where the registry used stages (2.x). */
export function VersionsTable({ modelName, versions, aliases }: VersionsTableProps) {
  const stages = usesStages(versions);
  return (
    <table className="data-table versions-table" aria-label="Versions">
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Aliases</th>
          {stages ? <th scope="col">Stage</th> : null}
          <th scope="col">Status</th>
          <th scope="col">Created</th>
          <th scope="col">Source run</th>
          <th scope="col">Tags</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((version) => {
          const names = [...new Set([...(aliases.get(version.version) ?? []), ...version.aliases])];
          return (
            <tr key={version.version}>
              <th scope="row">
                <Link to={paths.modelVersion.getHref(modelName, version.version)}>Version {version.version}</Link>
              </th>
              <td>
                <AliasList modelName={modelName} aliases={names.map((alias) => ({ alias }))} />
              </td>
              {stages ? <td>{version.stage}</td> : null}
              <td title={version.statusMessage}>{versionStatusLabel(version.status)}</td>
              <td title={describeTimestamp(version.createdAt)}>{formatTimestamp(version.createdAt)}</td>
              <td>{version.runId ? <SourceRunLink runId={version.runId} /> : <span className="muted">—</span>}</td>
              <td>
                <TagList tags={version.tags} label={`Tags of version ${version.version}`} empty="—" className="registry-tags" />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
