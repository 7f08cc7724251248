import { Link } from 'react-router';
import { paths } from '@/config/paths.ts';

export interface AliasListProps {
  modelName: string;
  /** Aliases, each with the version it points at when that is worth saying (the models list). */
  aliases: readonly { alias: string; version?: string }[];
}

/**
 * Aliases as chips. Each links to the alias itself (paths.modelAlias), which resolves to whatever
 * version it points at when followed, as `models:/<name>@<alias>` does.
 */
export function AliasList({ modelName, aliases }: AliasListProps) {
  if (aliases.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="registry-aliases" aria-label={`Aliases of ${modelName}`}>
      {aliases.map(({ alias, version }) => (
        <li key={alias}>
          <Link className="registry-alias" to={paths.modelAlias.getHref(modelName, alias)}>
            @{alias}
            {version !== undefined ? (
              <>
                {' '}
                <span className="registry-alias__version">→ v{version}</span>
              </>
            ) : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}
