import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { artifactListQueryOptions, type ArtifactFile, type ArtifactSource } from '@/api/artifacts.ts';
import type { LoggedModel } from '@/api/logged-models.ts';
import { ErrorState } from '@/widgets/error-state.tsx';
import { Loading } from '@/components/loading.tsx';
import { formatBytes } from './file-kind.ts';
import { artifactHref } from './location.ts';
import { TreeContext, useTree, type TreeState } from './tree-context.ts';

export interface ArtifactTreeProps {
  experimentId: string;
  runId: string;
  selectedModelId: string | undefined;
  selectedPath: string;
  loggedModels: readonly LoggedModel[];
}

/** The run's files and its LoggedModels' files; each folder is listed when first opened. */
export function ArtifactTree({ experimentId, runId, selectedModelId, selectedPath, loggedModels }: ArtifactTreeProps) {
  const [choices, setChoices] = useState<Record<string, boolean>>({});
  const isOpen = useCallback((key: string, defaultOpen: boolean) => choices[key] ?? defaultOpen, [choices]);
  const toggle = useCallback((key: string, currentlyOpen: boolean) => setChoices((c) => ({ ...c, [key]: !currentlyOpen })), []);
  const state = useMemo<TreeState>(
    () => ({ experimentId, runId, selectedModelId, selectedPath, isOpen, toggle }),
    [experimentId, runId, selectedModelId, selectedPath, isOpen, toggle],
  );
  const runSource = useMemo<ArtifactSource>(() => ({ kind: 'run', runId }), [runId]);
  return (
    <TreeContext.Provider value={state}>
      <h2 className="artifact-tree__heading">
        <Link
          to={artifactHref({ experimentId, runId, modelId: undefined, path: '' })}
          aria-current={!selectedModelId && !selectedPath ? 'page' : undefined}
        >
          Run artifacts
        </Link>
      </h2>
      <FolderItems source={runSource} modelId={undefined} dir="" />
      {loggedModels.length > 0 ? (
        <>
          <h2 className="artifact-tree__heading">Logged models</h2>
          <ul className="artifact-tree">
            {loggedModels.map((model) => (
              <LoggedModelItem key={model.modelId} model={model} />
            ))}
          </ul>
        </>
      ) : null}
    </TreeContext.Provider>
  );
}

function LoggedModelItem({ model }: { model: LoggedModel }) {
  const tree = useTree();
  const selectedHere = tree.selectedModelId === model.modelId;
  const key = `model:${model.modelId}`;
  const open = tree.isOpen(key, selectedHere);
  const source = useMemo<ArtifactSource>(() => ({ kind: 'logged-model', modelId: model.modelId }), [model.modelId]);
  return (
    <li>
      <div className="artifact-tree__row">
        <ToggleButton open={open} name={model.name} onClick={() => tree.toggle(key, open)} />
        <Link
          to={artifactHref({ experimentId: tree.experimentId, runId: tree.runId, modelId: model.modelId, path: '' })}
          aria-current={selectedHere && tree.selectedPath === '' ? 'page' : undefined}
          title={model.modelId}
        >
          {model.name || model.modelId}
        </Link>
        <span className="badge badge--context">model</span>
      </div>
      {open ? <FolderItems source={source} modelId={model.modelId} dir="" /> : null}
    </li>
  );
}

interface FolderItemsProps {
  source: ArtifactSource;
  modelId: string | undefined;
  dir: string;
}

function FolderItems({ source, modelId, dir }: FolderItemsProps) {
  const query = useQuery(artifactListQueryOptions(source, dir));
  if (query.isPending) return <Loading label="Listing…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} compact />;
  if (query.data.files.length === 0) return <p className="muted artifact-tree__empty">{dir ? 'Empty folder' : 'No artifacts'}</p>;
  return (
    <ul className="artifact-tree">
      {query.data.files.map((file) => (
        <TreeItem key={file.path} source={source} modelId={modelId} file={file} />
      ))}
    </ul>
  );
}

function TreeItem({ source, modelId, file }: { source: ArtifactSource; modelId: string | undefined; file: ArtifactFile }) {
  const tree = useTree();
  const inSelectedSource = tree.selectedModelId === modelId;
  const selected = inSelectedSource && tree.selectedPath === file.path;
  const key = `${modelId ?? 'run'}:${file.path}`;
  const open = file.isDir && tree.isOpen(key, inSelectedSource && (selected || tree.selectedPath.startsWith(`${file.path}/`)));
  const href = artifactHref({ experimentId: tree.experimentId, runId: tree.runId, modelId, path: file.path });
  return (
    <li>
      <div className={selected ? 'artifact-tree__row artifact-tree__row--selected' : 'artifact-tree__row'}>
        {file.isDir ? (
          <ToggleButton open={open} name={file.name} onClick={() => tree.toggle(key, open)} />
        ) : (
          <span className="artifact-tree__spacer" aria-hidden="true" />
        )}
        <Link
          to={href}
          aria-current={selected ? 'page' : undefined}
          className={file.isDir ? 'artifact-tree__folder' : 'artifact-tree__file'}
        >
          {file.name}
          {file.isDir ? '/' : ''}
        </Link>
        {file.size !== undefined ? <span className="muted artifact-tree__size">{formatBytes(file.size)}</span> : null}
      </div>
      {open ? <FolderItems source={source} modelId={modelId} dir={file.path} /> : null}
    </li>
  );
}

function ToggleButton({ open, name, onClick }: { open: boolean; name: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="artifact-tree__toggle"
      aria-expanded={open}
      aria-label={`${open ? 'Collapse' : 'Expand'} ${name}`}
      onClick={onClick}
    >
      {open ? '▾' : '▸'}
    </button>
  );
}
