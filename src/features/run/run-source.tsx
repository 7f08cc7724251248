// Where a run came from, from MLflow's system tags: script or notebook, an MLflow Project
// entry point, and the git commit, linked when the repository URL is a web address.
import type { Run } from '@/api/runs.ts';
import { TruncatedText } from '@/components/truncated-text.tsx';

function commitUrl(repo: string | undefined, commit: string): string | undefined {
  if (!repo) return undefined;
  const web = repo.replace(/^git@([^:]+):/, 'https://$1/').replace(/\.git$/, '');
  return /^https:\/\/(github\.com|gitlab\.com|bitbucket\.org)\//.test(web) ? `${web}/commit/${encodeURIComponent(commit)}` : undefined;
}

export function RunSource({ run }: { run: Run }) {
  const tags = run.tags;
  const name = tags['mlflow.source.name'];
  const type = tags['mlflow.source.type'];
  const entryPoint = tags['mlflow.project.entryPoint'];
  const commit = tags['mlflow.source.git.commit'];
  const url = commit ? commitUrl(tags['mlflow.source.git.repoURL'] ?? tags['mlflow.gitRepoURL'], commit) : undefined;
  if (!name && !commit) return <span className="muted">—</span>;
  return (
    <span className="run-source">
      {type ? <span className="badge">{type.toLowerCase()}</span> : null}{' '}
      {name ? <TruncatedText text={name} max={200} className="mono" /> : null}
      {entryPoint ? (
        <span>
          {' '}
          · entry point <code>{entryPoint}</code>
        </span>
      ) : null}
      {commit ? (
        <span>
          {' · commit '}
          {url ? (
            <a href={url} target="_blank" rel="noopener noreferrer nofollow">
              <code>{commit.slice(0, 10)}</code>
            </a>
          ) : (
            <code title={commit}>{commit.slice(0, 10)}</code>
          )}
        </span>
      ) : null}
    </span>
  );
}
