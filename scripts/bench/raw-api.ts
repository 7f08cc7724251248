// The raw API: the same runs/search calls Runlens makes (first page of 50, later pages sized
// to ~50,000 entries, newest first), straight to the tracking server, bodies parsed.

interface WireRun {
  data?: { metrics?: unknown[]; params?: unknown[]; tags?: unknown[] };
}

export async function rawSearch(
  base: string,
  experimentId: string,
  firstPageOnly = false,
): Promise<{ firstPageMs: number; allMs: number; runs: number }> {
  const started = performance.now();
  let firstPageMs = 0;
  let token: string | undefined;
  let size = 50;
  let runs = 0;
  for (;;) {
    const res = await fetch(`${base}/api/2.0/mlflow/runs/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        experiment_ids: [experimentId],
        max_results: size,
        order_by: ['attributes.start_time DESC'],
        run_view_type: 'ACTIVE_ONLY',
        page_token: token,
      }),
    });
    const page = (await res.json()) as { runs?: WireRun[]; next_page_token?: string };
    if (firstPageMs === 0) firstPageMs = performance.now() - started;
    const pageRuns = page.runs ?? [];
    runs += pageRuns.length;
    if (firstPageOnly || !page.next_page_token || pageRuns.length === 0 || page.next_page_token === token) break;
    token = page.next_page_token;
    const entries =
      pageRuns.reduce((sum, r) => sum + (r.data?.metrics?.length ?? 0) + (r.data?.params?.length ?? 0) + (r.data?.tags?.length ?? 0), 0) /
      pageRuns.length;
    size = Math.min(1000, Math.max(20, Math.floor(50_000 / Math.max(1, entries))));
  }
  return { firstPageMs, allMs: performance.now() - started, runs };
}
