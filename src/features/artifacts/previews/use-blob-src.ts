import { useCallback } from 'react';

/**
 * A ref for an <img> or <iframe> that shows `bytes` from an object URL: the URL is created when
 * the element attaches and revoked when it detaches or the bytes change (React 19 ref cleanup).
 * Doing both in the ref, rather than creating the URL in a memo, also survives StrictMode's
 * double mount, which would otherwise leave the element on a URL its first cleanup revoked.
 */
export function useBlobSrc(bytes: Uint8Array, type: string) {
  return useCallback(
    (element: HTMLImageElement | HTMLIFrameElement | null) => {
      if (!element) return;
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
      element.src = url;
      return () => URL.revokeObjectURL(url);
    },
    [bytes, type],
  );
}
