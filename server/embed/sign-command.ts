// `runlens sign`: a view's link that can read only what it names, until it expires
// (docs/embed-scopes.md). Pure: arguments and environment in, text and exit code out.
import { parseArgs } from 'node:util';
import { OptionsError } from '../options-error.ts';
import { signScope, validateEmbedSecret, type EmbedScope } from './embed-scope.ts';

export const SIGN_HELP = `Usage: runlens sign <view> --experiments <ids> [--runs <ids>] [--expires <when>]

Prints a link to one Runlens view that can read only the experiments and runs it names, until it
expires. The server must run with the same secret (runlens serve --embed-secret). Whoever holds
the link can read what it names until then; changing the secret invalidates every link.

  <view>                 A Runlens path such as /compare?runs=a,b, or a full Runlens URL.
  --experiments <ids>    Experiment ids the link may read, comma separated.
  --runs <ids>           Run ids the link may read, comma separated. Default: every run of the
                         named experiments.
  --expires <when>       30m, 24h, 7d (at most 366d) or an ISO date such as 2027-01-31.
                         Default: 7d
  --url <runlens base>   Where Runlens is served (e.g. https://runlens.example.com), for a path.
  --secret <secret>      The embed secret (32 bytes or more). Env: RUNLENS_EMBED_SECRET
                         (preferred: a flag is visible to other users in the process list)
`;

export interface SignRequest {
  /** A Runlens path such as /compare?runs=a,b, or a full Runlens URL. */
  view: string;
  scope: EmbedScope;
  secret: string;
  /** Where Runlens is served; undefined prints the link as a path (or as the full view URL given). */
  baseUrl: string | undefined;
}

const DEFAULT_EXPIRY = '7d';
const SIGNED_PARAMS = ['embed', 'scope', 'sig'];
const MAX_LIFETIME_MS = 366 * 24 * 60 * 60 * 1000;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function parseSignArgs(argv: string[], env: Record<string, string | undefined>, now: number = Date.now()): SignRequest {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      experiments: { type: 'string' },
      runs: { type: 'string' },
      expires: { type: 'string' },
      url: { type: 'string' },
      secret: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new OptionsError(`one view to sign, got ${positionals.length}`);
  const view = validateView(positionals[0] ?? '');
  const scope: EmbedScope = {
    experiments: splitIds(values.experiments),
    runs: splitIds(values.runs),
    expires: parseExpiry(values.expires ?? DEFAULT_EXPIRY, now),
  };
  if (scope.experiments.length === 0 && scope.runs.length === 0)
    throw new OptionsError('name what the link may read: --experiments and/or --runs');
  const outside = viewOutsideScope(view, scope);
  if (outside) throw new OptionsError(`the view shows ${outside}, which the link could not read: add it to the scope`);
  const secret = values.secret ?? env.RUNLENS_EMBED_SECRET;
  if (!secret) throw new OptionsError('the embed secret is missing: set RUNLENS_EMBED_SECRET (or pass --secret)');
  return { view, scope, secret: validateEmbedSecret(secret), baseUrl: values.url === undefined ? undefined : validateBase(values.url) };
}

/** `30m`, `24h`, `7d` from `now`, or an ISO date; in the future and at most 366 days away. */
export function parseExpiry(raw: string, now: number): number {
  const duration = /^(\d{1,6})([mhd])$/.exec(raw.trim());
  const expires = duration
    ? now + Number(duration[1]) * UNIT_MS[duration[2] as keyof typeof UNIT_MS]
    : /^\d{4}-\d{2}-\d{2}/.test(raw)
      ? Date.parse(raw)
      : NaN;
  if (Number.isNaN(expires)) throw new OptionsError(`--expires takes 30m, 24h, 7d or an ISO date such as 2027-01-31, got "${raw}"`);
  if (expires <= now) throw new OptionsError(`--expires must be in the future, got "${raw}"`);
  if (expires - now > MAX_LIFETIME_MS) {
    throw new OptionsError(`--expires may be at most 366 days away (a link is readable by whoever holds it until then), got "${raw}"`);
  }
  return expires;
}

/** The view with embed=true, scope and sig set; its other parameters and fragment kept. */
export function signedViewUrl(baseUrl: string | undefined, view: string, scope: EmbedScope, secret: string): string {
  const url = new URL(view, baseUrl ?? 'http://runlens.invalid/');
  const signed = signScope(scope, secret);
  // The view's own parameters are kept as written (URLSearchParams would re-encode a,b as a%2Cb).
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((part) => part !== '' && !SIGNED_PARAMS.includes(new URLSearchParams(part).keys().next().value ?? ''));
  url.search = [...kept, `embed=true&scope=${signed.scope}&sig=${signed.sig}`].join('&');
  const absolute = baseUrl !== undefined || /^https?:\/\//i.test(view);
  return absolute ? url.toString() : `${url.pathname}${url.search}${url.hash}`;
}

/** The whole command: what to print and the exit code (the lead's cli.ts prints them). */
export function signCommand(
  argv: string[],
  env: Record<string, string | undefined>,
  now: number,
): { code: number; stdout?: string; stderr?: string } {
  if (argv.includes('-h') || argv.includes('--help')) return { code: 0, stdout: SIGN_HELP };
  try {
    const request = parseSignArgs(argv, env, now);
    return {
      code: 0,
      stdout: signedViewUrl(request.baseUrl, request.view, request.scope, request.secret),
      stderr: `Readable by whoever holds it until ${new Date(request.scope.expires).toISOString()}`,
    };
  } catch (err) {
    return { code: 2, stderr: `runlens sign: ${(err as Error).message}\n\n${SIGN_HELP}` };
  }
}

/**
 * What a view shows that its scope would refuse, found from the URL alone (run page paths, the
 * compare view's `runs`, `experiments`): a link that could only end in a refusal is not signed.
 */
export function viewOutsideScope(view: string, scope: EmbedScope): string | null {
  const url = new URL(view, 'http://runlens.invalid/');
  const [, experimentId, runId] =
    /^\/experiments\/([^/]+)(?:\/runs\/([^/]+))?/.exec(url.pathname)?.map((part) => part && decodeSegment(part)) ?? [];
  const experiments = [...(experimentId ? [experimentId] : []), ...list(url.searchParams.get('experiments'))];
  const runs = [...(runId ? [runId] : []), ...list(url.searchParams.get('runs'))];
  const experiment = experiments.find((id) => !scope.experiments.includes(id));
  if (experiment !== undefined) return `experiment ${experiment}`;
  const run = scope.runs.length > 0 ? runs.find((id) => !scope.runs.includes(id)) : undefined;
  return run === undefined ? null : `run ${run}`;
}

function decodeSegment(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new OptionsError(`<view> has a malformed path segment: "${part}"`);
  }
}

function validateView(view: string): string {
  const relative = view.startsWith('/') && !view.startsWith('//') && !view.includes('\\');
  if (!relative && !/^https?:\/\/[^\s]+$/i.test(view))
    throw new OptionsError(`<view> is a Runlens path such as /compare?runs=a,b or a full URL, got "${view}"`);
  try {
    new URL(view, 'http://runlens.invalid/');
    return view;
  } catch {
    throw new OptionsError(`<view> is not a valid URL: "${view}"`);
  }
}

function validateBase(raw: string): string {
  if (!/^https?:\/\/[^\s]+$/i.test(raw))
    throw new OptionsError(`--url is where Runlens is served, like https://runlens.example.com, got "${raw}"`);
  return raw;
}

const list = (raw: string | null | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');

function splitIds(raw: string | undefined): string[] {
  return [...new Set(list(raw))];
}
