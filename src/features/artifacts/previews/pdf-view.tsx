import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { artifactBytesQueryOptions, MAX_PREVIEW_BYTES } from '@/api/artifacts.ts';
import { ErrorState } from '@/components/error-state.tsx';
import { Loading } from '@/components/loading.tsx';

export interface PdfViewProps {
  url: string;
  size: number | undefined;
  name: string;
}

/**
 * The browser's PDF viewer in a frame. Fed from a blob typed application/pdf (whatever the file
 * holds, it is only ever handed to the PDF viewer): the proxy's sandbox CSP on artifact URLs
 * would make Chromium refuse to show the PDF there. The blob URL is revoked on unmount.
 */
export function PdfView({ url, size, name }: PdfViewProps) {
  const query = useQuery(artifactBytesQueryOptions(url, size, MAX_PREVIEW_BYTES));
  const blobUrl = useMemo(
    () => (query.data ? URL.createObjectURL(new Blob([query.data as Uint8Array<ArrayBuffer>], { type: 'application/pdf' })) : undefined),
    [query.data],
  );
  useEffect(() => () => (blobUrl ? URL.revokeObjectURL(blobUrl) : undefined), [blobUrl]);
  if (query.isError) return <ErrorState error={query.error} compact />;
  if (!blobUrl) return <Loading label="Loading PDF…" />;
  return <iframe className="artifact-frame" title={`Preview of ${name}`} src={blobUrl} />;
}
