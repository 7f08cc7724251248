// Runs in a Web Worker (use-parsed-table.ts): papaparse over the whole text, stopping after
// the row cap, so the page stays responsive.
import Papa from 'papaparse';

export interface TableRequest {
  text: string;
  delimiter: string;
  maxRows: number;
}

export interface ParsedTable {
  /** First row is the header. */
  rows: string[][];
  truncated: boolean;
  errors: string[];
}

self.onmessage = (event: MessageEvent<TableRequest>) => {
  const { text, delimiter, maxRows } = event.data;
  const result = Papa.parse<string[]>(text, { delimiter, preview: maxRows + 1, skipEmptyLines: true });
  const reply: ParsedTable = {
    rows: result.data,
    truncated: result.meta.truncated,
    errors: result.errors.slice(0, 3).map((error) => `row ${error.row ?? '?'}: ${error.message}`),
  };
  self.postMessage(reply);
};
