// Installed in every page before its scripts run: records, against the navigation's own clock
// (performance.now()), when the first run row appears (drawn by the server or by the app), when
// the app's own table shows its first row, when the run table says it has every run, and every
// long main-thread task.
export const PROBE = `
// tsx (esbuild) wraps named functions in __name(); functions passed to page.evaluate need it too.
window.__name = window.__name || ((f) => f);
(() => {
  const bench = (window.__bench = { firstRow: null, tableRow: null, allRows: null, chartDrawn: null, tasks: [] });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    const selector = window.__benchRowSelector;
    if (bench.firstRow === null && selector && document.querySelector(selector)) bench.firstRow = performance.now();
    if (bench.tableRow === null && document.querySelector('section[aria-label="Runs"] table:not(.first-rows__table) tbody th[scope=row]')) bench.tableRow = performance.now();
    const status = document.querySelector('section[aria-label="Runs"] .status-line');
    if (bench.chartDrawn === null && window.__benchLines && document.querySelectorAll('path.recharts-line-curve').length >= window.__benchLines) bench.chartDrawn = performance.now();
    if (bench.allRows === null && status && /^[\\d,]+ runs?\\.$/.test((status.textContent || '').trim())) bench.allRows = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  // Every point of the chart(s) drawn: lines inside charts marked data-points="complete" (the
  // marker is an attribute change, which the observer above does not see).
  bench.chartComplete = null;
  const checkComplete = () => {
    if (bench.chartComplete === null && window.__benchLines && document.querySelectorAll('[data-points="complete"] path.recharts-line-curve').length >= window.__benchLines) bench.chartComplete = performance.now();
  };
  new MutationObserver(checkComplete).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-points'] });
})();
`;

export interface PageBench {
  firstRow: number | null;
  /** The app's own table (not the server-drawn first rows) shows a row. */
  tableRow?: number | null;
  allRows: number | null;
  chartDrawn: number | null;
  /** Every point drawn (the chart's data-points="complete"); chartDrawn is the first draw, maybe a sample. */
  chartComplete?: number | null;
  tasks: { start: number; duration: number }[];
}

/** The longest task that started at or after `since` (ms on the page clock). */
export const maxTask = (bench: PageBench, since = 0) =>
  bench.tasks.filter((t) => t.start >= since).reduce((max, t) => Math.max(max, t.duration), 0);
