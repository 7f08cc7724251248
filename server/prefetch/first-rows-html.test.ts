import { describe, expect, it } from 'vitest';
import { escapeHtml, FIRST_ROWS_OPEN, firstRowsHtml, PREVIEW_MAX_KEY_COLUMNS, PREVIEW_MAX_ROWS } from './first-rows-html.ts';

interface WireRun {
  info: Record<string, unknown>;
  data?: Record<string, { key: string; value: unknown }[]>;
}

const run = (id: string, extra: Partial<WireRun['info']> = {}, data: WireRun['data'] = {}): WireRun => ({
  info: {
    run_id: id,
    run_name: `name-${id}`,
    status: 'FINISHED',
    start_time: '1764700000000',
    end_time: '1764700003400',
    user_id: 'ana',
    ...extra,
  },
  data,
});

const html = (runs: WireRun[], timeZone = 'UTC') => firstRowsHtml(JSON.stringify({ runs }), timeZone);

/** The rows' cells as text, tags stripped, in document order. */
function rows(markup: string): string[][] {
  const body = markup.slice(markup.indexOf('<tbody>'));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, '')),
  );
}

const headers = (markup: string) =>
  [...markup.slice(0, markup.indexOf('</thead>')).matchAll(/<th scope="col">(.*?)<\/th>/g)].map((m) => m[1]);

describe('the first rows runlens serve draws into index.html', () => {
  it('draws each run with the table’s attribute columns and its params, then metrics', () => {
    const markup = html([
      run('a', {}, { params: [{ key: 'lr', value: '0.1' }], metrics: [{ key: 'loss', value: 0.1234567 }] }),
      run('b', { status: 'RUNNING', end_time: undefined }, { metrics: [{ key: 'acc', value: 'NaN' }] }),
    ])!;
    expect(headers(markup)).toEqual(['Run name', 'Status', 'Started', 'Duration', 'User', 'Source', 'lr', 'acc', 'loss']);
    expect(rows(markup)).toEqual([
      ['name-a', 'Finished', '2025-12-02 18:26', '3.4 s', 'ana', '', '0.1', '', '0.123457'],
      ['name-b', 'Running', '2025-12-02 18:26', '—', 'ana', '', '', 'NaN', ''],
    ]);
    // Nothing in it can be focused or read twice by a screen reader: the table replaces it.
    expect(FIRST_ROWS_OPEN).toMatch(/^<div id="first-rows-preview" class="first-rows" inert aria-hidden="true">/);
  });

  it('nests runs under a parent on the page as the table does: one row, its children counted', () => {
    const parent = run('p');
    const children = ['c1', 'c2', 'c3'].map((id) => run(id, {}, { tags: [{ key: 'mlflow.parentRunId', value: 'p' }] }));
    const orphan = run('o', {}, { tags: [{ key: 'mlflow.parentRunId', value: 'not-on-this-page' }] });
    const drawn = rows(html([...children, parent, orphan])!);
    expect(drawn.map((cells) => cells[0])).toEqual(['name-p 3 children', 'name-o']);
  });

  it('shows hostile text as text: no element, attribute or script of its own', () => {
    const hostile = `<img src=x onerror="alert(1)"><script>alert(2)</script>"'&`;
    const markup = html([run('h', { run_name: hostile, user_id: hostile }, { params: [{ key: hostile, value: hostile }] })])!;
    expect(markup).not.toContain('<img');
    expect(markup).not.toContain('<script');
    expect(markup).not.toContain('onerror="');
    expect(rows(markup)[0]![0]).toBe(escapeHtml(hostile));
    expect(headers(markup)).toContain(escapeHtml(hostile));
  });

  it('cuts long text and keeps to a window’s worth of rows and columns', () => {
    const many = Array.from({ length: PREVIEW_MAX_ROWS + 10 }, (_, i) =>
      run(`r${i}`, { run_name: 'x'.repeat(5000) }, { metrics: Array.from({ length: 30 }, (_, m) => ({ key: `m${m}`, value: m })) }),
    );
    const markup = html(many)!;
    expect(rows(markup)).toHaveLength(PREVIEW_MAX_ROWS);
    expect(headers(markup)).toHaveLength(6 + PREVIEW_MAX_KEY_COLUMNS);
    expect(rows(markup)[0]![0]).toBe(`${'x'.repeat(200)}…`);
  });

  it('follows the link’s time zone', () => {
    expect(rows(html([run('a')], 'Asia/Tokyo')!)[0]![2]).toBe('2025-12-03 03:26');
  });

  it('draws nothing for an answer without runs or one that is not JSON', () => {
    expect(html([])).toBeUndefined();
    expect(firstRowsHtml('{"runs":')).toBeUndefined();
    expect(firstRowsHtml('{"error_code":"INTERNAL_ERROR"}')).toBeUndefined();
    expect(firstRowsHtml(JSON.stringify({ runs: [{ info: {} }, 7, null] }))).toBeUndefined();
  });
});
