// CSV/TSV text to the small table a preview shows (run in a Web Worker by the artifact
// preview). Rows, columns and cells are all capped while papaparse streams, so a file whose
// header has 200,000 columns yields 200 of them: the whole row never leaves the parser, and
// the page never draws a 200,000-cell header (such a file once hung the tab).
import Papa from 'papaparse';

export interface TableCaps {
  /** Data rows, besides the header (the MLflow UI shows 500). */
  maxRows: number;
  maxColumns: number;
  /** Cells in all: a wide table shows fewer rows. */
  maxCells: number;
}

export const TABLE_CAPS: TableCaps = { maxRows: 1000, maxColumns: 200, maxCells: 50_000 };

export interface TablePreview {
  header: string[];
  /** Data rows, each cut to the column cap. */
  rows: string[][];
  /** The widest row read (header included), before the column cap. */
  totalColumns: number;
  /** Rows were left out for the row or cell cap. */
  moreRows: boolean;
  /** The first few parse problems, e.g. "row 3: Too few fields". */
  errors: string[];
}

const MAX_ERRORS = 3;

export function parseTablePreview(text: string, delimiter: string, caps: TableCaps = TABLE_CAPS): TablePreview {
  const preview: TablePreview = { header: [], rows: [], totalColumns: 0, moreRows: false, errors: [] };
  let rowNumber = 0;
  let cells = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: true,
    step: (result, parser) => {
      const row = result.data;
      rowNumber++;
      for (const error of result.errors) {
        if (preview.errors.length < MAX_ERRORS) preview.errors.push(`row ${rowNumber}: ${error.message}`);
      }
      const shown = row.length > caps.maxColumns ? row.slice(0, caps.maxColumns) : row;
      if (rowNumber === 1) {
        preview.header = shown;
      } else if (preview.rows.length >= caps.maxRows || cells + shown.length > caps.maxCells) {
        preview.moreRows = true;
        parser.abort();
        return;
      } else {
        preview.rows.push(shown);
        cells += shown.length;
      }
      preview.totalColumns = Math.max(preview.totalColumns, row.length);
    },
  });
  return preview;
}
