// The raw API, straight to the tracking server, bodies parsed: the first page as Runlens asks for
// it (50 runs, newest first), and every run as the mlflow client pages them (`mlflow.search_runs`:
// pages of 1,000, one token after another). The bodies' bytes are counted as sent, uncompressed.

interface WireRun {
  data?: { metrics?: unknown[]; params?: unknown[]; tags?: unknown[] };
}

async function searchPage(base: string, experimentId: string, maxResults: number, token: string | undefined) {
  const res = await fetch(`${base}/api/2.0/mlflow/runs/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      experiment_ids: [experimentId],
      max_results: maxResults,
      order_by: ['attributes.start_time DESC'],
      run_view_type: 'ACTIVE_ONLY',
      page_token: token,
    }),
  });
  const text = await res.text();
  const page = JSON.parse(text) as { runs?: WireRun[]; next_page_token?: string };
  return { page, bytes: Buffer.byteLength(text) };
}

/** Runlens's first page (50 runs): the first-rows baseline. */
export async function rawFirstPage(base: string, experimentId: string): Promise<number> {
  const started = performance.now();
  await searchPage(base, experimentId, 50, undefined);
  return performance.now() - started;
}

/** Every run, pages of 1,000 one after another: the all-rows and bytes baseline. */
export async function rawSearch(base: string, experimentId: string): Promise<{ allMs: number; runs: number; bytes: number }> {
  const started = performance.now();
  let token: string | undefined;
  let runs = 0;
  let bytes = 0;
  for (;;) {
    const { page, bytes: pageBytes } = await searchPage(base, experimentId, 1000, token);
    bytes += pageBytes;
    const pageRuns = page.runs ?? [];
    runs += pageRuns.length;
    if (!page.next_page_token || pageRuns.length === 0 || page.next_page_token === token) break;
    token = page.next_page_token;
  }
  return { allMs: performance.now() - started, runs, bytes };
}
