import { describe, expect, it } from 'vitest';
import { parseTablePreview, TABLE_CAPS } from './table-preview.ts';

describe('parseTablePreview', () => {
  it('reads a header and rows, quoted fields included, and TSV', () => {
    expect(parseTablePreview('a,b\n1,"x,y"\n\n2,3\n', ',')).toEqual({
      header: ['a', 'b'],
      rows: [
        ['1', 'x,y'],
        ['2', '3'],
      ],
      totalColumns: 2,
      moreRows: false,
      errors: [],
    });
    expect(parseTablePreview('a\tb\n1\t2\n', '\t')).toMatchObject({ header: ['a', 'b'], rows: [['1', '2']] });
  });

  it('keeps the first 200 of a 200,000-column header, and of each row', () => {
    const width = 200_000;
    const line = (prefix: string) => Array.from({ length: width }, (_, i) => `${prefix}${i}`).join(',');
    const started = performance.now();
    const preview = parseTablePreview(`${line('c')}\n${line('v')}\n`, ',');
    expect(preview.totalColumns).toBe(width);
    expect(preview.header).toHaveLength(TABLE_CAPS.maxColumns);
    expect(preview.header.at(-1)).toBe('c199');
    expect(preview.rows).toEqual([expect.any(Array)]);
    expect(preview.rows[0]).toHaveLength(TABLE_CAPS.maxColumns);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('stops at the row cap, and sooner for wide rows (the cell cap)', () => {
    const narrow = `n\n${'1\n'.repeat(5000)}`;
    expect(parseTablePreview(narrow, ',')).toMatchObject({ moreRows: true });
    expect(parseTablePreview(narrow, ',').rows).toHaveLength(TABLE_CAPS.maxRows);
    const wideRow = Array(300).fill('x').join(',');
    const wide = parseTablePreview(`${wideRow}\n${`${wideRow}\n`.repeat(1000)}`, ',');
    expect(wide.rows).toHaveLength(TABLE_CAPS.maxCells / TABLE_CAPS.maxColumns);
    expect(wide.moreRows).toBe(true);
    expect(parseTablePreview('a\n1\n2\n', ',', { maxRows: 2, maxColumns: 10, maxCells: 100 }).moreRows).toBe(false);
  });

  it('reports the first parse problems with their row', () => {
    expect(parseTablePreview('a,b\n"unclosed\n', ',').errors[0]).toMatch(/^row 2: /);
  });
});
