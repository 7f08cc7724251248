import { useQuery } from '@tanstack/react-query';
import { artifactBytesQueryOptions, MAX_PREVIEW_BYTES } from '@/api/artifacts.ts';
import { ErrorState } from '@/widgets/error-state.tsx';
import { Loading } from '@/components/loading.tsx';
import { useBlobSrc } from './use-blob-src.ts';

export interface PdfViewProps {
  url: string;
  size: number | undefined;
  name: string;
}

/**
 * The browser's PDF viewer in a frame. Fed from a blob typed application/pdf (whatever the file
 * holds, it is only ever handed to the PDF viewer): the proxy's sandbox CSP on artifact URLs
 * would make Chromium refuse to show the PDF there. The bytes are read with the size cap (by
 * counting when the size is unknown) and the blob URL is revoked on unmount.
 */
export function PdfView({ url, size, name }: PdfViewProps) {
  const query = useQuery(artifactBytesQueryOptions(url, size, MAX_PREVIEW_BYTES));
  if (query.isError) return <ErrorState error={query.error} compact />;
  if (!query.data) return <Loading label="Loading PDF…" />;
  return <PdfFrame bytes={query.data} name={name} />;
}

function PdfFrame({ bytes, name }: { bytes: Uint8Array; name: string }) {
  const ref = useBlobSrc(bytes, 'application/pdf');
  return <iframe ref={ref} className="artifact-frame" title={`Preview of ${name}`} />;
}
