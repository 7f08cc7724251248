// The run table's first rows the server drew into index.html (server/prefetch/first-rows-html.ts),
// from the page's side. While the table's first render is pending they are moved where the table
// will be, so the rows a user already sees stay in place instead of making way for a spinner;
// once the table (or its empty or error state) is drawn, or the page shows anything else, they
// are removed for good. Rows that arrive later still (a slow stream) are hidden by the stylesheet
// (FIRST_ROWS_DONE_ATTRIBUTE).
import { useCallback, useLayoutEffect } from 'react';
import { FIRST_ROWS_DONE_ATTRIBUTE, FIRST_ROWS_PREVIEW_ID } from '../../contract/runlens-http.ts';

export function dropFirstRowsPreview(): void {
  document.getElementById(FIRST_ROWS_PREVIEW_ID)?.remove();
  document.documentElement.setAttribute(FIRST_ROWS_DONE_ATTRIBUTE, 'done');
}

/**
 * For the run table: a ref for the element that holds the drawn rows while `pending`; when
 * `pending` is false (or becomes so) the rows are dropped, in the same frame the table appears.
 */
export function useFirstRowsPreview(pending: boolean): (slot: HTMLElement | null) => void {
  useLayoutEffect(() => {
    if (!pending) dropFirstRowsPreview();
  }, [pending]);
  // The table went away before its first render (another tab, another page).
  useLayoutEffect(() => dropFirstRowsPreview, []);
  return useCallback((slot: HTMLElement | null) => {
    const preview = document.getElementById(FIRST_ROWS_PREVIEW_ID);
    // The server's element, not React's: React owns the slot and never renders into it.
    if (slot && preview) slot.appendChild(preview);
  }, []);
}
