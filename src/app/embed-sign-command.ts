// "Embed (scoped)": the `runlens sign` command that mints a signed link to the view on screen
// (server/embed/sign-command.ts). Signing needs the server's embed secret, which the page never
// has, so the page writes the command for the operator to run where the secret is.
import { withoutEmbedOptions } from '@/config/view-options.ts';
import { paths } from '@/config/paths.ts';
import * as z from 'zod/mini';
import { listParam, parseSearchParams } from '@/lib/search-params.ts';

/** The lists a compare or multi-experiment view names its runs and experiments by. */
const viewScopeSchema = z.object({ experiments: listParam(), runs: listParam() });

/** What the view reads, from its URL alone: the experiments and runs a scope for it must name. */
export function viewScope(pathAndSearch: string): { experiments: string[]; runs: string[] } {
  const url = new URL(pathAndSearch, 'http://runlens.invalid');
  const run = paths.run.match(url.pathname);
  if (run) return { experiments: [run.experimentId], runs: [run.runId] };
  const experiment = paths.experiment.match(url.pathname);
  if (experiment !== undefined) return { experiments: [experiment], runs: [] };
  return parseSearchParams(viewScopeSchema, url.searchParams);
}

/** A POSIX shell word: single-quoted, with any single quote closed, escaped and reopened. */
const shellWord = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function signCommandFor(origin: string, pathAndSearch: string): string {
  const url = new URL(withoutEmbedOptions(pathAndSearch), 'http://runlens.invalid');
  url.searchParams.delete('scope');
  url.searchParams.delete('sig');
  const view = `${url.pathname}${url.search}`;
  const { experiments, runs } = viewScope(view);
  return [
    'runlens sign',
    shellWord(view),
    // A compare view of chosen runs does not name their experiments in its URL.
    '--experiments',
    experiments.length > 0 ? shellWord(experiments.join(',')) : '<experiment ids>',
    ...(runs.length > 0 ? ['--runs', shellWord(runs.join(','))] : []),
    '--expires 7d',
    '--url',
    shellWord(origin),
  ].join(' ');
}
