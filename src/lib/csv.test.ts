import { describe, expect, it } from 'vitest';
import { csvCell, csvTimestamp, toCsv } from './csv.ts';

describe('csv', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines']])).toBe('"a,b","say ""hi""","two\nlines"\r\n');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    for (const start of ['+', '-', '@', '\t'])
      expect(csvCell(`${start}1`).startsWith(`'${start}`) || csvCell(`${start}1`).startsWith(`"'`)).toBe(true);
  });

  it('writes numbers as numbers, negative and non-finite ones included', () => {
    expect(toCsv([[-1.5, NaN, Infinity, -Infinity, undefined]])).toBe('-1.5,NaN,Infinity,-Infinity,\r\n');
  });

  it('writes times as ISO 8601, and a time outside Date’s range as the number logged instead of throwing', () => {
    expect(toCsv([[csvTimestamp(Date.UTC(2026, 0, 2, 3, 4, 5)), csvTimestamp(1.7e18), csvTimestamp(-9e15), csvTimestamp(undefined)]])).toBe(
      '2026-01-02T03:04:05.000Z,1700000000000000000,-9000000000000000,\r\n',
    );
  });
});
