// `runlens serve` sends a run table's first runs/search page at navigation and keeps the answer for
// the page's identical request, found by its bytes (docs/first-rows.md). This holds the three
// computations of that request to one answer, for URLs of every kind: the server's, the request
// the entry script primes, and the run table's own first page (its loader's query).
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runRowsQueryOptions } from '@/features/runs/run-rows-query.ts';
import { runTableSearchSchema } from '@/features/runs/url-state.ts';
import { paths } from '@/config/paths.ts';
import { parseSearchParams } from '@/lib/search-params.ts';
import { primeRouteRequests } from './prime-route-requests.ts';
import { firstPageRequest } from '../../server/prefetch/run-table-prefetch.ts';

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Every request the app sends while `act` runs (fetch is stubbed; each answers an empty page). */
async function captureRequests(act: () => unknown): Promise<Sent[]> {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      sent.push({
        method: init.method ?? 'GET',
        url,
        headers: { ...(init.headers as Record<string, string>) },
        body: typeof init.body === 'string' ? init.body : '',
      });
      return new Response('{"runs":[]}', { headers: { 'content-type': 'application/json' } });
    }),
  );
  await act();
  return sent;
}

const isRunSearch = (request: Sent) => request.url.startsWith('/mlflow/api/2.0/mlflow/runs/search');

/** The run table's own first request for a URL: its loader's query, run by a query client. */
async function tableFirstRequest(pathname: string, search: string): Promise<Sent | undefined> {
  const experimentId = paths.experiment.match(pathname);
  if (experimentId === undefined) return undefined;
  const options = runRowsQueryOptions([experimentId], parseSearchParams(runTableSearchSchema, new URLSearchParams(search)));
  const sent = await captureRequests(() => new QueryClient().fetchQuery(options));
  return sent.find(isRunSearch);
}

const HOSTILE = `'); DROP TABLE runs; -- \\ " ' \u0000 \u2028 <script>alert(1)</script> 名前 🚀 %41 + &amp;`;

const URLS: string[] = [
  '/experiments/1',
  '/experiments/1/',
  '/experiments/0?searchFilter=grid',
  `/experiments/12?searchFilter=${encodeURIComponent('metrics.rmse < 1 AND params.alpha = "0.5"')}`,
  `/experiments/12?searchFilter=${encodeURIComponent("bob's run")}&lifecycleFilter=deleted`,
  '/experiments/12?lifecycleFilter=all&orderByKey=metrics.loss&orderByAsc=true&hide=params.a&view=charts',
  '/experiments/12?lifecycleFilter=ALL',
  '/experiments/12?lifecycleFilter=active&lifecycleFilter=deleted',
  '/experiments/12?searchFilter=a&searchFilter=b',
  '/experiments/12?searchFilter=&lifecycleFilter=',
  '/experiments/12?searchFilter=%20%20%20',
  '/experiments/12?searchFilter',
  `/experiments/12?searchFilter=${encodeURIComponent(HOSTILE)}`,
  `/experiments/12?searchFilter=${encodeURIComponent('x'.repeat(5000))}`,
  '/experiments/12?searchFilter=a+b%2Bc&unknown=1&__proto__=x&constructor=y',
  '/experiments/12?scope=abc&sig=def&searchFilter=like',
  '/experiments/12?toString=1&hasOwnProperty=2&lifecycleFilter=constructor',
  '/experiments/12?lifecycleFilter=__proto__',
  `/experiments/${encodeURIComponent('a b/c')}`,
  `/experiments/${encodeURIComponent(HOSTILE)}`,
  '/experiments/%E0%A4%A',
  '/experiments/%2e%2e',
  '/experiments/..%2F..%2Fadmin',
  '/experiments/12/runs/abc',
  '/experiments/12/models',
  '/experiments/',
  '/experiments',
  '/',
  '/models',
  '/runs?experiments=1,2',
];

describe('the run table’s first request', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each(URLS)('is the same bytes on the server and in the app: %s', async (href) => {
    const url = new URL(href, 'http://runlens.test');
    const server = firstPageRequest(href);
    const table = await tableFirstRequest(url.pathname, url.search);
    const primed = (await captureRequests(() => primeRouteRequests(url))).filter(isRunSearch);
    // The primed request is kept for the page's loader; take it, so the next URL starts clean.
    if (table) await tableFirstRequest(url.pathname, url.search);

    if (server === undefined) {
      expect(table).toBeUndefined();
      expect(primed).toEqual([]);
      return;
    }
    expect(primed).toHaveLength(1);
    for (const sent of [primed[0]!, table!]) {
      expect(sent.method).toBe(server.method);
      expect(sent.url).toBe(server.url);
      expect(Buffer.from(sent.body, 'utf8').equals(server.body)).toBe(true);
      // The headers the proxy forwards (and the cache compares), from what the page sends.
      expect(Object.fromEntries(Object.entries(sent.headers).filter(([name]) => name in server.headers))).toEqual(server.headers);
      expect(Object.keys(server.headers).sort()).toEqual(Object.keys(sent.headers).sort());
    }
  });

  it('reads what the table reads, the experiment id included', () => {
    const body = JSON.parse(
      firstPageRequest(`/experiments/${encodeURIComponent('a b/c')}?searchFilter=grid&lifecycleFilter=all`)!.body.toString(),
    );
    expect(body).toEqual({
      experiment_ids: ['a b/c'],
      filter: "attributes.run_name ILIKE '%grid%'",
      run_view_type: 'ALL',
      max_results: 50,
      order_by: ['attributes.start_time DESC'],
    });
  });
});
