// Signed embed scopes (issue 13, part 4): what one embed link may read, and until when, signed
// with the server's embed secret so a viewer can neither widen nor extend it (docs/embed-scopes.md).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { OptionsError } from '../options-error.ts';

export interface EmbedScope {
  /** Experiment ids the link may read (runs/search only within these; experiments/get of these). */
  experiments: readonly string[];
  /** Run ids the link may read (runs/get, histories, artifacts); empty = any run of the named experiments. */
  runs: readonly string[];
  /** Expiry, ms since epoch. */
  expires: number;
}

export type ScopeCheck =
  { ok: true; scope: EmbedScope } | { ok: false; reason: 'missing' | 'malformed' | 'bad-signature' | 'expired'; message: string };

/**
 * The signed message starts with this line: a later format gets a new prefix, so a signature made
 * for one format can never be read as valid for another.
 */
export const SIGNATURE_PREFIX = 'runlens-embed-v1\n';

/** An HMAC key shorter than its hash's output adds nothing but guessability (RFC 2104, section 3). */
export const MIN_SECRET_BYTES = 32;

/**
 * Longest `scope` parameter accepted. Node refuses requests whose head passes 16 KB, so a longer
 * link could never be opened; refusing it when signing says so at once. About 300 run ids.
 */
export const MAX_SCOPE_PARAM_CHARS = 12_000;

/** Ids as MLflow writes them are short; the bound only keeps a hostile scope from being huge. */
const MAX_ID_CHARS = 256;

/** HMAC-SHA256 is 32 bytes: 43 base64url characters, without padding. */
const SIG_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]+$/;

export function validateEmbedSecret(secret: string): string {
  const bytes = Buffer.byteLength(secret, 'utf8');
  if (bytes < MIN_SECRET_BYTES) {
    throw new OptionsError(
      `--embed-secret must be at least ${MIN_SECRET_BYTES} bytes, got ${bytes} (it is all that guards embed links; e.g. \`openssl rand -base64 32\`)`,
    );
  }
  return secret;
}

/**
 * Ids sorted by UTF-16 code unit (not compareText: this is an encoding, which must not depend on
 * a locale's collation) and deduplicated; keys in a fixed order. Throws on a scope that cannot
 * be signed: ids that are not non-empty strings, an expiry that is not a whole number of ms.
 */
export function canonicalScope(scope: EmbedScope): string {
  const experiments = canonicalIds(scope.experiments, 'experiment');
  const runs = canonicalIds(scope.runs, 'run');
  if (!Number.isSafeInteger(scope.expires) || scope.expires < 0) {
    throw new RangeError(`an embed scope's expiry must be a whole number of milliseconds since 1970, got ${scope.expires}`);
  }
  return JSON.stringify({ experiments, runs, expires: scope.expires });
}

export function signScope(scope: EmbedScope, secret: string): { scope: string; sig: string } {
  validateEmbedSecret(secret);
  const encoded = Buffer.from(canonicalScope(scope), 'utf8').toString('base64url');
  if (encoded.length > MAX_SCOPE_PARAM_CHARS) {
    throw new RangeError(
      `this scope is too long for a link (${encoded.length} characters, at most ${MAX_SCOPE_PARAM_CHARS}): name the experiments instead of so many runs`,
    );
  }
  return { scope: encoded, sig: mac(encoded, secret).toString('base64url') };
}

/**
 * The signature is checked before the scope is decoded or parsed: nothing unauthenticated is
 * interpreted. Never throws, whatever the parameters hold.
 */
export function verifyScope(scopeParam: string | null, sigParam: string | null, secret: string, now: number = Date.now()): ScopeCheck {
  try {
    if (!scopeParam || !sigParam) {
      return refuse('missing', 'This embed link is not signed: it needs its scope and sig parameters (ask for a new link).');
    }
    if (scopeParam.length > MAX_SCOPE_PARAM_CHARS || !BASE64URL_PATTERN.test(scopeParam) || !SIG_PATTERN.test(sigParam)) {
      return refuse('malformed', 'This embed link is damaged: its scope or sig parameter is not what Runlens writes (was it cut off?).');
    }
    const given = Buffer.from(sigParam, 'base64url');
    // 43 characters carry 2 bits more than 32 bytes; only the encoding with those bits zero is
    // accepted, so that no two signature texts are valid for one scope.
    const wellFormed = given.length === 32 && given.toString('base64url') === sigParam;
    const expected = mac(scopeParam, secret);
    if (!wellFormed || Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES || !timingSafeEqual(given, expected)) {
      return refuse(
        'bad-signature',
        "This embed link's signature does not match: the link was changed, or the server's embed secret has changed since it was signed.",
      );
    }
    const scope = parseScope(Buffer.from(scopeParam, 'base64url').toString('utf8'));
    if (!scope)
      return refuse('malformed', 'This embed link is signed but its scope cannot be read (it was signed by another Runlens version?).');
    if (!(now < scope.expires)) {
      return refuse('expired', `This embed link expired on ${new Date(scope.expires).toISOString()}; ask for a new link.`);
    }
    return { ok: true, scope };
  } catch {
    return refuse('malformed', 'This embed link cannot be read.');
  }
}

function mac(scopeParam: string, secret: string): Buffer {
  return createHmac('sha256', secret)
    .update(SIGNATURE_PREFIX + scopeParam, 'utf8')
    .digest();
}

function canonicalIds(ids: readonly string[], kind: string): string[] {
  for (const id of ids) {
    if (typeof id !== 'string' || id === '' || id.length > MAX_ID_CHARS) {
      throw new RangeError(`an embed scope's ${kind} ids must be non-empty strings of at most ${MAX_ID_CHARS} characters`);
    }
  }
  return [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A signed scope is read only in its canonical form: anything else was not written by signScope. */
function parseScope(json: string): EmbedScope | null {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null) return null;
  const { experiments, runs, expires } = value as Record<string, unknown>;
  if (!isStringArray(experiments) || !isStringArray(runs) || typeof expires !== 'number') return null;
  const scope: EmbedScope = { experiments, runs, expires };
  try {
    return canonicalScope(scope) === json ? scope : null;
  } catch {
    return null;
  }
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function refuse(reason: Exclude<ScopeCheck, { ok: true }>['reason'], message: string): ScopeCheck {
  return { ok: false, reason, message };
}
