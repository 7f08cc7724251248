// Runs in a Web Worker (use-parsed-table.ts) so the page stays responsive while papaparse
// reads up to 10 MB; what it posts back is the capped preview (lib/table-preview.ts), never
// the whole table.
import { parseTablePreview, type TablePreview } from '@/lib/table-preview.ts';

export interface TableRequest {
  text: string;
  delimiter: string;
}

self.onmessage = (event: MessageEvent<TableRequest>) => {
  const reply: TablePreview = parseTablePreview(event.data.text, event.data.delimiter);
  self.postMessage(reply);
};
