import type { ReactNode } from 'react';
import { TooLargeError } from '@/api/artifacts.ts';
import { ErrorState } from '@/widgets/error-state.tsx';
import { Loading } from '@/components/loading.tsx';
import type { PreviewKind } from '../file-kind.ts';
import { useArtifactText } from '../use-artifact-text.ts';
import { JsonView } from './json-view.tsx';
import { MarkdownView } from './markdown-view.tsx';
import { TableView } from './table-view.tsx';
import { TextView } from './text-view.tsx';

export interface TextPreviewProps {
  url: string;
  size: number | undefined;
  name: string;
  kind: PreviewKind;
  /** Shown instead of a preview when the text turns out too large or binary. */
  downloadOnly: (reason: string) => ReactNode;
}

/** Previews whose bytes are read into the page: text, code, JSON, YAML, Markdown, CSV/TSV. */
export function TextPreview({ url, size, name, kind, downloadOnly }: TextPreviewProps) {
  const { query, decoded } = useArtifactText(url, size);
  if (query.isError) {
    if (query.error instanceof TooLargeError) return downloadOnly(`Too large to show as text (${query.error.message}).`);
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} compact />;
  }
  if (!decoded) return <Loading label={`Loading ${name}…`} />;
  if (decoded.kind === 'binary') return downloadOnly('Binary file: no preview.');
  const notice =
    decoded.encoding === 'windows-1252' ? (
      <p className="artifact-notice" role="note">
        Not valid UTF-8: shown decoded as Latin-1 (windows-1252), so some characters may be wrong.
      </p>
    ) : decoded.encoding !== 'utf-8' ? (
      <p className="artifact-notice" role="note">
        Decoded as {decoded.encoding.toUpperCase()}.
      </p>
    ) : null;
  const label = `Contents of ${name}`;
  return (
    <>
      {notice}
      {kind === 'json' ? (
        <JsonView text={decoded.text} label={label} />
      ) : kind === 'table' ? (
        <TableView text={decoded.text} delimiter={name.toLowerCase().endsWith('.tsv') ? '\t' : ','} label={label} />
      ) : kind === 'markdown' ? (
        <MarkdownView text={decoded.text} label={label} />
      ) : (
        <TextView text={decoded.text} label={label} />
      )}
    </>
  );
}
