import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { artifactBytesQueryOptions, MAX_TEXT_PREVIEW_BYTES } from '@/api/artifacts.ts';
import { decodeText, type DecodedText } from './decode-text.ts';

/** An artifact's text, read with the text size gate and decoded (binary and encoding detected). */
export function useArtifactText(url: string, size: number | undefined, enabled = true) {
  const query = useQuery({ ...artifactBytesQueryOptions(url, size, MAX_TEXT_PREVIEW_BYTES), enabled });
  const decoded = useMemo<DecodedText | undefined>(() => (query.data ? decodeText(query.data) : undefined), [query.data]);
  return { query, decoded };
}
