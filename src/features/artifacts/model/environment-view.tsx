import { useMemo } from 'react';
import { ErrorState } from '@/widgets/error-state.tsx';
import { Loading } from '@/components/loading.tsx';
import { parseCondaYaml, parsePythonEnvYaml, parseRequirementsTxt, type EnvironmentResult } from '@/lib/mlmodel/environment.ts';
import { TextView } from '../previews/text-view.tsx';
import { useArtifactText } from '../use-artifact-text.ts';

export interface EnvironmentFile {
  name: string;
  kind: 'conda' | 'python-env' | 'requirements';
  url: string;
  size: number | undefined;
}

export interface EnvironmentViewProps {
  files: EnvironmentFile[];
}

const PARSERS: Record<EnvironmentFile['kind'], (text: string) => EnvironmentResult> = {
  conda: parseCondaYaml,
  'python-env': parsePythonEnvYaml,
  requirements: parseRequirementsTxt,
};

/** conda.yaml, python_env.yaml and requirements.txt as readable lists. */
export function EnvironmentView({ files }: EnvironmentViewProps) {
  if (files.length === 0) return null;
  return (
    <>
      <h3>Environment</h3>
      <div className="model-env">
        {files.map((file) => (
          <EnvironmentFileView key={file.url} file={file} />
        ))}
      </div>
    </>
  );
}

function EnvironmentFileView({ file }: { file: EnvironmentFile }) {
  const { query, decoded } = useArtifactText(file.url, file.size);
  const result = useMemo(() => (decoded?.kind === 'text' ? PARSERS[file.kind](decoded.text) : undefined), [decoded, file.kind]);
  return (
    <section className="model-env__file" aria-label={file.name}>
      <h4>{file.name}</h4>
      {query.isError ? <ErrorState error={query.error} compact /> : null}
      {!query.isError && !decoded ? <Loading label={`Loading ${file.name}…`} /> : null}
      {result && !result.ok && decoded?.kind === 'text' ? (
        <>
          <p className="artifact-error" role="alert">
            Cannot read {file.name}: {result.error}
          </p>
          <TextView text={decoded.text} label={file.name} />
        </>
      ) : null}
      {result?.ok
        ? result.sections.map((section) => (
            <div key={section.title}>
              <h5>{section.title}</h5>
              <ul className="model-env__list">
                {section.items.map((item, i) => (
                  <li key={i}>
                    <code>{item}</code>
                  </li>
                ))}
              </ul>
            </div>
          ))
        : null}
    </section>
  );
}
