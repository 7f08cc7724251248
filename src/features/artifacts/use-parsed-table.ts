import { useEffect, useState } from 'react';
import { useRenderPending } from '@/components/render-pending.ts';
import type { TablePreview } from '@/lib/table-preview.ts';
import type { TableRequest } from './csv-worker.ts';

/** Parses CSV/TSV text in a Web Worker so a 10 MB file never blocks the page. */
export function useParsedTable(text: string, delimiter: string) {
  const [result, setResult] = useState<{ text: string; table: TablePreview } | undefined>(undefined);
  const current = result?.text === text ? result.table : undefined;
  useRenderPending(current === undefined);
  useEffect(() => {
    const worker = new Worker(new URL('./csv-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<TablePreview>) => setResult({ text, table: event.data });
    worker.onerror = (event) =>
      setResult({
        text,
        table: { header: [], rows: [], totalColumns: 0, moreRows: false, errors: [event.message || 'the parser failed'] },
      });
    const request: TableRequest = { text, delimiter };
    worker.postMessage(request);
    return () => worker.terminate();
  }, [text, delimiter]);
  return current;
}
