import { useEffect, useState } from 'react';
import { useRenderPending } from '@/components/render-pending.ts';
import type { ParsedTable, TableRequest } from './csv-worker.ts';

/** Rows shown at most: a preview, not a spreadsheet (the MLflow UI shows 500). */
export const TABLE_ROW_CAP = 1000;

/** Parses CSV/TSV text in a Web Worker so a 10 MB file never blocks the page. */
export function useParsedTable(text: string, delimiter: string) {
  const [result, setResult] = useState<{ text: string; table: ParsedTable } | undefined>(undefined);
  const current = result?.text === text ? result.table : undefined;
  useRenderPending(current === undefined);
  useEffect(() => {
    const worker = new Worker(new URL('./csv-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ParsedTable>) => setResult({ text, table: event.data });
    worker.onerror = (event) => setResult({ text, table: { rows: [], truncated: false, errors: [event.message || 'the parser failed'] } });
    const request: TableRequest = { text, delimiter, maxRows: TABLE_ROW_CAP };
    worker.postMessage(request);
    return () => worker.terminate();
  }, [text, delimiter]);
  return current;
}
