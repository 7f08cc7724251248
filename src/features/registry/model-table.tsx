import { Link } from 'react-router';
import type { RegisteredModel } from '@/api/registry.ts';
import { Markdown } from '@/components/markdown.tsx';
import { TruncatedText } from '@/components/truncated-text.tsx';
import { paths } from '@/config/paths.ts';
import { describeTimestamp, formatTimestamp } from '../../../contract/display/format-time.ts';
import { AliasList } from './alias-list.tsx';
import { TagList } from '@/components/tag-list.tsx';

/** A description in a table cell is a preview: the model page shows all of it. */
const DESCRIPTION_PREVIEW_CHARS = 600;

export function ModelTable({ models }: { models: readonly RegisteredModel[] }) {
  return (
    <table className="data-table registry-table" aria-label="Registered models">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Latest version</th>
          <th scope="col">Aliases</th>
          <th scope="col">Tags</th>
          <th scope="col">Last modified</th>
          <th scope="col">Description</th>
        </tr>
      </thead>
      <tbody>
        {models.map((model) => (
          <tr key={model.name}>
            <th scope="row">
              <Link to={paths.registeredModel.getHref(model.name)}>
                <TruncatedText text={model.name} max={200} />
              </Link>
            </th>
            <td>
              <LatestVersions model={model} />
            </td>
            <td>
              <AliasList modelName={model.name} aliases={model.aliases} />
            </td>
            <td>
              <TagList tags={model.tags} label={`Tags of ${model.name}`} empty="—" className="registry-tags" />
            </td>
            <td title={describeTimestamp(model.updatedAt)}>{formatTimestamp(model.updatedAt)}</td>
            <td className="registry-table__description">
              {model.description ? (
                <Markdown source={model.description.slice(0, DESCRIPTION_PREVIEW_CHARS)} />
              ) : (
                <span className="muted">—</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One link per stage on 2.x (Production, Staging…); the one latest version on 3.x. */
function LatestVersions({ model }: { model: RegisteredModel }) {
  if (model.latestVersions.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="inline-list">
      {model.latestVersions.map((version) => (
        <li key={`${version.stage}:${version.version}`}>
          <Link to={paths.modelVersion.getHref(model.name, version.version)}>Version {version.version}</Link>
          {version.stage !== 'None' ? <span className="muted"> ({version.stage})</span> : null}
        </li>
      ))}
    </ul>
  );
}
