import { useQuery } from '@tanstack/react-query';
import { artifactBytesQueryOptions, TooLargeError } from '@/api/artifacts.ts';
import { ErrorState } from '@/widgets/error-state.tsx';
import { Loading } from '@/components/loading.tsx';
import { formatBytes, imageMimeType, MAX_IMAGE_READ_BYTES, urlPreviewLoad } from '../file-kind.ts';
import { useBlobSrc } from './use-blob-src.ts';

export interface ImageViewProps {
  url: string;
  size: number | undefined;
  name: string;
}

/** An image artifact: from its URL when its size passed the gate, else read with a cap (file-kind.ts). */
export function ImageView({ url, size, name }: ImageViewProps) {
  if (urlPreviewLoad('image', size) === 'url') return <img className="artifact-image" src={url} alt={name} />;
  return <CappedImage url={url} name={name} />;
}

function CappedImage({ url, name }: { url: string; name: string }) {
  const query = useQuery(artifactBytesQueryOptions(url, undefined, MAX_IMAGE_READ_BYTES));
  if (query.error instanceof TooLargeError) {
    return (
      <p className="artifact-download-only" role="status">
        Too large to preview (its size was not listed, and reading stopped at {formatBytes(MAX_IMAGE_READ_BYTES)}).{' '}
        <a href={url} download={name}>
          Download {name}
        </a>
      </p>
    );
  }
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} compact />;
  if (!query.data) return <Loading label={`Loading ${name}…`} />;
  return <BlobImage bytes={query.data} name={name} />;
}

function BlobImage({ bytes, name }: { bytes: Uint8Array; name: string }) {
  const ref = useBlobSrc(bytes, imageMimeType(name));
  return <img ref={ref} className="artifact-image" alt={name} />;
}
