// The requests a page's loader is going to make (the experiment list, a run table), sent from
// the URL alone while the app's JavaScript still downloads and evaluates. On a run table the
// first runs/search page is the slowest thing between navigation and the first rows; sent from
// here it no longer waits for React, the router and the route's lazy chunks (nor for a free
// connection behind them). `runlens serve` has sent the same page upstream already when it served
// this page, and answers this request from that (docs/first-rows.md): the request comes from
// contract/run-table-request.ts, which the server uses too, so both name the same bytes.
// The loader's identical requests then take these responses (primeRequest in src/api/client.ts).
import { primeRequest } from '@/api/client.ts';
import { experimentRequest, experimentSearchRequest } from '@/api/experiments.ts';
import { paths } from '@/config/paths.ts';
import { experimentListSearch } from '@/features/experiments/url-state.ts';
import { runTableFirstRequest } from '../../contract/run-table-request.ts';

export function primeRouteRequests(location: Pick<Location, 'pathname' | 'search'>): void {
  if (location.pathname === paths.home.path) {
    primeRequest(experimentSearchRequest(experimentListSearch(new URLSearchParams(location.search))));
    return;
  }
  const experimentId = paths.experiment.match(location.pathname);
  const firstPage = runTableFirstRequest(location.pathname, new URLSearchParams(location.search));
  if (experimentId === undefined || firstPage === undefined) return;
  primeRequest(firstPage);
  primeRequest(experimentRequest(experimentId));
}
