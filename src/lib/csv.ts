// CSV (RFC 4180) that is safe to open in a spreadsheet: a text cell starting with = + - @ tab
// or CR would run as a formula (OWASP "CSV injection"), so it gets a leading apostrophe.
// Numbers are written as numbers, including negative ones, which is why the guard applies only
// to strings.

import { isoTimestamp } from '../../contract/display/format-time.ts';

export type CsvCell = string | number | undefined | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number')
    return Number.isNaN(value) ? 'NaN' : value === Infinity ? 'Infinity' : value === -Infinity ? '-Infinity' : String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A time cell: ISO 8601 (UTC) where a Date can hold it, else the number as logged, never a throw. */
export function csvTimestamp(ms: number | undefined | null): CsvCell {
  return ms === undefined || ms === null ? undefined : isoTimestamp(ms);
}

export function toCsv(rows: Iterable<readonly CsvCell[]>): string {
  const lines: string[] = [];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
