// The requests a page's loader is going to make (the experiment list, a run table), sent from
// the URL alone while the app's JavaScript still downloads and evaluates. On a run table the
// first runs/search page is the slowest thing between navigation and the first rows; sent from
// here it no longer waits for React, the router and the route's lazy chunks (nor for a free
// connection behind them).
// The loader's identical requests then take these responses (primeRequest in src/api/client.ts).
import { primeRequest } from '@/api/client.ts';
import { experimentRequest, experimentSearchRequest } from '@/api/experiments.ts';
import { FIRST_RUN_PAGE, runSearchRequest } from '@/api/runs.ts';
import { paths } from '@/config/paths.ts';
import { experimentListSearch } from '@/features/experiments/url-state.ts';
import { runRowsSearchParams } from '@/features/runs/run-rows-query.ts';
import { runTableSearchSchema } from '@/features/runs/url-state.ts';
import { parseSearchParams } from '@/lib/search-params.ts';

export function primeRouteRequests(location: Pick<Location, 'pathname' | 'search'>): void {
  if (location.pathname === paths.home.path) {
    primeRequest(experimentSearchRequest(experimentListSearch(new URLSearchParams(location.search))));
    return;
  }
  const experimentId = paths.experiment.match(location.pathname);
  if (experimentId === undefined) return;
  const search = parseSearchParams(runTableSearchSchema, new URLSearchParams(location.search));
  primeRequest(runSearchRequest({ ...runRowsSearchParams([experimentId], search), ...FIRST_RUN_PAGE }));
  primeRequest(experimentRequest(experimentId));
}
