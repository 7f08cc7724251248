import type { ReactNode } from 'react';
import { PanelBoundary } from '@/widgets/panel-boundary.tsx';
import { formatBytes, previewGate, previewKind } from './file-kind.ts';
import { fileUrl, type ArtifactLocation } from './location.ts';
import { HtmlView } from './previews/html-view.tsx';
import { ImageView } from './previews/image-view.tsx';
import { PdfView } from './previews/pdf-view.tsx';
import { TextPreview } from './previews/text-preview.tsx';

export interface FilePreviewProps {
  location: ArtifactLocation;
  path: string;
  size: number | undefined;
}

/** One file: its name, size and download link, and the preview its kind and size allow. */
export function FilePreview({ location, path, size }: FilePreviewProps) {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const url = fileUrl(location, path);
  const kind = previewKind(name);
  const gate = previewGate(kind, size);
  const downloadOnly = (reason: string): ReactNode => (
    <p className="artifact-download-only" role="status">
      {reason}{' '}
      <a href={url} download={name}>
        Download {name}
      </a>
    </p>
  );
  let preview: ReactNode;
  if (!gate.ok) preview = downloadOnly(gate.reason);
  else if (kind === 'image') preview = <ImageView url={url} size={size} name={name} />;
  else if (kind === 'html') preview = <HtmlView url={url} size={size} name={name} />;
  else if (kind === 'pdf') preview = <PdfView url={url} size={size} name={name} />;
  else preview = <TextPreview key={url} url={url} size={size} name={name} kind={kind} downloadOnly={downloadOnly} />;

  return (
    <section className="artifact-file" aria-labelledby="artifact-file-heading">
      <header className="artifact-file__header">
        <h2 id="artifact-file-heading" className="artifact-file__name">
          {path}
        </h2>
        {size !== undefined ? <span className="muted">{formatBytes(size)}</span> : null}
        <a className="artifact-file__download" href={url} download={name}>
          Download
        </a>
      </header>
      {/* A file that breaks its preview (JSON nested thousands deep) still offers its download. */}
      <PanelBoundary label="This preview failed" resetKeys={[url]}>
        {preview}
      </PanelBoundary>
    </section>
  );
}
