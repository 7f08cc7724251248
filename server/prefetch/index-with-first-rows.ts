// index.html for a run-table navigation whose first page the server is fetching already
// (run-table-prefetch.ts): the head and the app's root go out at once, so the browser downloads
// the app's code meanwhile; the first rows follow, drawn by the server (first-rows-html.ts) as
// soon as the early answer is in; then the document ends. The app's module script runs once the
// document has ended, as it always does: measured against an `async` entry that runs as soon as
// it is loaded, the rows came sooner (the browser's script work no longer competes with the
// tracking server for the CPU while it answers) and the table no later, since the table waits
// for that same answer anyway. docs/first-rows.md.
import { readFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { FIRST_ROWS_CLOSE, FIRST_ROWS_OPEN, firstRowsHtml } from './first-rows-html.ts';

/**
 * How long the document waits for the early answer before it ends without rows, so that a slow
 * or stalled tracking server holds the app's start (its header, its error messages) this long
 * at most. A first page takes 0.1–0.4 s on a usual store.
 */
export const FIRST_ROWS_WAIT_MS = 1_000;
/** A first page larger than this is not drawn by the server (a page of 50 runs is usually 20–400 KB). */
export const FIRST_ROWS_MAX_BYTES = 1024 * 1024;

export interface IndexParts {
  /** Everything up to and including the app's root element. */
  head: string;
  /** The rest of the document. */
  tail: string;
}

const ROOT = '<div id="root"></div>';

/** The built index.html cut after the app's root; undefined when it has no such root. */
export function splitIndexHtml(html: string): IndexParts | undefined {
  const at = html.indexOf(ROOT);
  if (at < 0) return undefined;
  return { head: html.slice(0, at + ROOT.length), tail: html.slice(at + ROOT.length) };
}

/** Reads `<staticDir>/index.html` once; a build without one (a dev checkout) serves none of this. */
export function loadIndexParts(staticDir: string): IndexParts | undefined {
  try {
    return splitIndexHtml(readFileSync(path.join(staticDir, 'index.html'), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Sends index.html with the first rows' element between the root and the rest: opened at once
 * (its "Loading the run table…" line), filled from `answer` (the early runs/search body, or
 * undefined when it failed or is too large), or left without rows after FIRST_ROWS_WAIT_MS.
 * Never throws: a body that cannot be drawn is left out.
 */
export async function sendIndexWithFirstRows(
  res: http.ServerResponse,
  parts: IndexParts,
  answer: Promise<Buffer | undefined>,
  timeZone: string | undefined,
  waitMs = FIRST_ROWS_WAIT_MS,
): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
  res.write(parts.head + FIRST_ROWS_OPEN);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), waitMs)));
  try {
    const body = await Promise.race([answer.catch(() => undefined), late]);
    const rows = body && !res.destroyed ? drawn(body, timeZone) : undefined;
    if (rows) res.write(rows);
  } finally {
    clearTimeout(timer);
    res.end(FIRST_ROWS_CLOSE + parts.tail);
  }
}

function drawn(body: Buffer, timeZone: string | undefined): string | undefined {
  try {
    return firstRowsHtml(body, timeZone);
  } catch (err) {
    console.error(`runlens: first rows not drawn: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}
