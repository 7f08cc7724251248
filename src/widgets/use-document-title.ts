import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { runlensConfigQueryOptions } from '@/api/server-info.ts';

/**
 * Sets the tab title, most specific first, ending with the tracking server it shows:
 * "Experiments · 127.0.0.1:5000 · Runlens".
 */
export function useDocumentTitle(...parts: (string | undefined | null)[]): void {
  const config = useQuery(runlensConfigQueryOptions());
  const server = config.data ? hostOf(config.data.trackingUri) : undefined;
  const title = [...parts, server, 'Runlens'].filter((p): p is string => Boolean(p)).join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}

function hostOf(uri: string): string {
  try {
    const url = new URL(uri);
    return url.pathname === '/' ? url.host : `${url.host}${url.pathname.replace(/\/$/, '')}`;
  } catch {
    return uri;
  }
}
