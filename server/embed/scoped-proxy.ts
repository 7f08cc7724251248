// The proxy's half of signed embed links: the credential a page sends with each API request,
// the checks run before a request goes upstream (scope-rules.ts), and the answers that must be
// read before they may be sent (docs/embed-scopes.md). proxy.ts calls these in order.
import type { Readable } from 'node:stream';
import type { ServeOptions } from '../options.ts';
import { requestUpstream } from '../upstream.ts';
import { verifyScope, type EmbedScope, type ScopeCheck } from './embed-scope.ts';
import { checkScopedResponse, decideRequest, modelLookupPath, responseInScope, runLookupPath, type ScopeDecision } from './scope-rules.ts';
import { EMBED_SCOPE_PARAM, EMBED_SIG_PARAM } from '../../contract/runlens-http.ts';

/**
 * Query parameters the page adds to every API request made under a signed link (src/api/client.ts
 * `buildUrl`), so that `<img src>` and downloads carry them as well as fetches. They are
 * Runlens's own and never reach the tracking server.
 */

/** A scoped answer is read whole before it is filtered; searches the app sends are far smaller. */
const MAX_CHECKED_BODY_BYTES = 64 * 1024 * 1024;

export interface EmbedCredential {
  scope: string | null;
  sig: string | null;
}

/** The request URL without the embed parameters (other parameters kept as sent), and those parameters when present. */
export function takeEmbedCredential(rawUrl: string): { url: string; credential?: EmbedCredential } {
  const queryAt = rawUrl.indexOf('?');
  if (queryAt < 0) return { url: rawUrl };
  const parts = rawUrl.slice(queryAt + 1).split('&');
  const kept: string[] = [];
  const found: EmbedCredential = { scope: null, sig: null };
  let any = false;
  for (const part of parts) {
    const [name = '', value = ''] = [...new URLSearchParams(part)][0] ?? [];
    if (name === EMBED_SCOPE_PARAM || name === EMBED_SIG_PARAM) {
      any = true;
      found[name === EMBED_SCOPE_PARAM ? 'scope' : 'sig'] = value;
    } else if (part !== '') kept.push(part);
  }
  const url = rawUrl.slice(0, queryAt) + (kept.length > 0 ? `?${kept.join('&')}` : '');
  return any ? { url, credential: found } : { url };
}

/** The scope a request is made under, or why it is refused. No credential and no requirement: unscoped. */
export function resolveRequestScope(
  options: ServeOptions,
  credential: EmbedCredential | undefined,
  now = Date.now(),
): ScopeCheck | undefined {
  if (!credential) return undefined;
  if (!options.embed) {
    return {
      ok: false,
      reason: 'bad-signature',
      message: 'This embed link is signed, but this Runlens checks no signed links (start it with --embed-secret).',
    };
  }
  return verifyScope(credential.scope, credential.sig, options.embed.secret, now);
}

/** What the scope allows for one request, its path and query as the proxy forwards them. */
export function decideScopedRequest(scope: EmbedScope, method: string, upstreamPath: string, body: Buffer | undefined): ScopeDecision {
  const queryAt = upstreamPath.indexOf('?');
  const path = queryAt < 0 ? upstreamPath : upstreamPath.slice(0, queryAt);
  const query = new URLSearchParams(queryAt < 0 ? '' : upstreamPath.slice(queryAt + 1));
  let parsed: unknown;
  if (body !== undefined) {
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return { allow: false, message: 'this embed link can send only JSON request bodies' };
    }
  }
  return decideRequest(scope, { method, path, query, body: parsed });
}

export type LookupResult = { ok: true } | { ok: false; status: number; message: string };

/** The run or model a request names is looked up first: it must belong to the link's experiments (or runs). */
export async function checkLookup(
  options: ServeOptions,
  scope: EmbedScope,
  decision: ScopeDecision & { allow: true },
  signal: AbortSignal,
): Promise<LookupResult> {
  const lookups: string[] = [];
  if (decision.needsRunLookup !== undefined) lookups.push(runLookupPath(decision.needsRunLookup));
  if (decision.needsModelLookup !== undefined) lookups.push(modelLookupPath(decision.needsModelLookup));
  for (const path of lookups) {
    const answer = await requestUpstream(options, { method: 'GET', path, headers: { accept: 'application/json' }, signal });
    const text = await readWhole(answer);
    if (answer.statusCode !== 200) {
      return {
        ok: false,
        status: answer.statusCode === 404 ? 404 : 502,
        message: `the tracking server could not say what ${path} belongs to (HTTP ${answer.statusCode})`,
      };
    }
    const pathOnly = path.slice(0, path.indexOf('?') < 0 ? path.length : path.indexOf('?'));
    if (text === undefined || !responseInScope(scope, pathOnly, parseKeepingLongIntegers(text))) {
      return {
        ok: false,
        status: 403,
        message: `this embed link cannot read ${decision.needsRunLookup !== undefined ? `run ${decision.needsRunLookup}` : `model ${decision.needsModelLookup}`}`,
      };
    }
  }
  return { ok: true };
}

/** The answer to send instead of a successful upstream JSON answer the decision marked for checking. */
export async function checkAnswer(
  scope: EmbedScope,
  upstreamPath: string,
  answer: Readable,
): Promise<{ ok: true; body: string } | { ok: false; message: string }> {
  const text = await readWhole(answer);
  if (text === undefined) return { ok: false, message: 'this embed link cannot read an answer this large' };
  const parsed = parseKeepingLongIntegers(text);
  if (parsed === undefined) return { ok: false, message: 'this embed link cannot read an answer that is not JSON' };
  const path = upstreamPath.slice(0, upstreamPath.indexOf('?') < 0 ? upstreamPath.length : upstreamPath.indexOf('?'));
  const checked = checkScopedResponse(scope, path, parsed);
  return checked.ok ? { ok: true, body: JSON.stringify(checked.body) } : checked;
}

/**
 * JSON.parse rounds integers past 2^53 (a step of 2^62, a 19-digit id); the filtered answer is
 * written out again, so such integers are read as strings, which the page's wire schemas accept
 * for every int64 field. Floats never print as 16 or more bare digits, so only integers change.
 */
export function parseKeepingLongIntegers(text: string): unknown {
  const quoted = text.replace(/("(?:[^"\\]|\\.)*")|(?<![\d.eE+-])(-?\d{16,})(?=\s*[,}\]])/g, (match: string, string: string | undefined) =>
    string !== undefined ? string : `"${match}"`,
  );
  try {
    return JSON.parse(quoted);
  } catch {
    return undefined;
  }
}

function readWhole(stream: Readable): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_CHECKED_BODY_BYTES) {
        stream.destroy();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}
