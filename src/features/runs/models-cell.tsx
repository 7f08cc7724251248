import { Link } from 'react-router';
import type { Run } from '@/api/runs.ts';
import { paths } from '@/config/paths.ts';

/**
 * The run's models: MLflow 2 model folders by name, MLflow 3 logged models by count; each opens the artifacts tab.
 * The links are out of the tab order: the run table's cell holds the focus, and Enter on it opens the first.
 */
export function ModelsCell({ run }: { run: Run }) {
  const artifacts = paths.runArtifacts.getHref(run.experimentId, run.runId);
  const logged = run.modelIds.length;
  return (
    <span className="models-cell">
      {run.modelPaths.map((path) => (
        <Link key={path} tabIndex={-1} to={paths.runArtifacts.getHref(run.experimentId, run.runId, path)}>
          {path}
        </Link>
      ))}
      {logged > 0 ? (
        <Link tabIndex={-1} to={logged === 1 ? paths.runArtifacts.getHref(run.experimentId, run.runId, '', run.modelIds[0]) : artifacts}>
          {logged === 1 ? '1 model' : `${logged} models`}
        </Link>
      ) : null}
    </span>
  );
}
