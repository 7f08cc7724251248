// The embed protocol between a Runlens frame and the portal around it (docs/embed-protocol.md):
// the message shapes both sides agree on, and which origins may hear or speak to a frame. Only
// origins the operator lists in --frame-ancestors ever receive a message, never '*': a frame
// may show run names and ids a page from anywhere else must not learn.
import * as z from 'zod/mini';

export const EMBED_PROTOCOL = 'runlens-embed';
/** Raised only when a message changes incompatibly; new optional fields keep it. */
export const EMBED_VERSION = 1;

/** Out (frame → portal). Every message: { protocol: 'runlens-embed', version: 1, type, frameId?: string, ...payload }. */
export type OutboundMessage =
  | { type: 'ready'; errors: number; url: string }
  | { type: 'height'; height: number }
  | { type: 'run-click'; runId: string; experimentId: string }
  | { type: 'selection'; runIds: string[] };

/** In (portal → frame). */
export type InboundMessage = { type: 'set-theme'; theme: 'light' | 'dark' | 'auto' } | { type: 'highlight-run'; runId: string | null };

/** The frame's name in every message it sends, from its own URL (`frameId=`); undefined when absent or unusable. */
export function parseFrameId(value: string | null | undefined): string | undefined {
  // Printable and short: it is echoed to the portal, which may use it as a key or a selector.
  return value && /^[\w.:-]{1,100}$/.test(value) ? value : undefined;
}

export function outbound(message: OutboundMessage, frameId?: string): Record<string, unknown> {
  return { ...message, ...(frameId === undefined ? {} : { frameId }), protocol: EMBED_PROTOCOL, version: EMBED_VERSION };
}

const envelope = { protocol: z.literal(EMBED_PROTOCOL), version: z.literal(EMBED_VERSION) };
const inboundSchema = z.discriminatedUnion('type', [
  z.object({ ...envelope, type: z.literal('set-theme'), theme: z.enum(['light', 'dark', 'auto']) }),
  z.object({ ...envelope, type: z.literal('highlight-run'), runId: z.nullable(z.string().check(z.minLength(1), z.maxLength(200))) }),
]);

/** A portal's message, or undefined for anything else (other protocols, versions, malformed fields). Never throws. */
export function parseInbound(data: unknown): InboundMessage | undefined {
  try {
    const result = inboundSchema.safeParse(data);
    if (!result.success) return undefined;
    const message = result.data;
    // Rebuilt field by field: nothing the portal added beyond the documented fields goes further.
    return message.type === 'set-theme' ? { type: 'set-theme', theme: message.theme } : { type: 'highlight-run', runId: message.runId };
  } catch {
    // An object with a throwing getter (same-window senders can post live objects) is not a message.
    return undefined;
  }
}

/** `scheme://host[:port]` as browsers write event.origin, or undefined when not an http(s) origin. */
function normalizeOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return undefined;
    // A pattern is not an origin: `https://*.corp` must never become a post target or a sender.
    if (url.hostname.includes('*')) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

// CSP's wildcard form, allowed by --frame-ancestors: `https://*.example.com[:port]`.
const WILDCARD = /^(https?):\/\/\*\.([^/:*]+)(:\d+)?$/i;

function matches(origin: string, entry: string): boolean {
  const wildcard = WILDCARD.exec(entry.trim());
  if (!wildcard) return normalizeOrigin(entry.trim()) === origin;
  const [, scheme = '', suffix = '', port = ''] = wildcard;
  // Parsed through URL so the suffix and port are compared in the same form as the origin.
  const pattern = normalizeOrigin(`${scheme}://wildcard.${suffix}${port}`);
  if (!pattern) return false;
  const patternUrl = new URL(pattern);
  const url = new URL(origin);
  const domain = patternUrl.hostname.slice('wildcard'.length);
  return (
    url.protocol === patternUrl.protocol &&
    url.port === patternUrl.port &&
    url.hostname.endsWith(domain) &&
    url.hostname.length > domain.length
  );
}

/** Whether a message from `origin` (event.origin) may steer the frame: it is listed, exactly or by a `*.` wildcard. */
export function isAllowedSender(origin: string, allowed: readonly string[]): boolean {
  const normalized = normalizeOrigin(origin);
  // The opaque origin 'null' (sandboxed frames, file:) never matches.
  if (normalized === undefined || normalized !== origin) return false;
  return allowed.some((entry) => matches(normalized, entry));
}

/**
 * Which origins to post to. When the parent's origin is known and listed, that one alone.
 * Otherwise every exactly listed origin: postMessage delivers only to the one the parent really
 * has, so this is safe, and it covers a parent the frame cannot name (no referrer, or a
 * referrer of Runlens itself after a navigation inside the frame). Never '*', never a wildcard.
 */
export function targetOrigins(allowed: readonly string[], ancestorOrigin: string | undefined): string[] {
  if (ancestorOrigin !== undefined && isAllowedSender(ancestorOrigin, allowed)) return [ancestorOrigin];
  const exact = allowed.filter((entry) => !WILDCARD.test(entry.trim())).map((entry) => normalizeOrigin(entry.trim()));
  return [...new Set(exact.filter((origin): origin is string => origin !== undefined))];
}

/**
 * The parent's origin as the browser tells it: location.ancestorOrigins (Chromium, Safari), else
 * the referrer's origin (Firefox), which is the parent only on the frame's first page.
 */
export function ancestorOriginOf(ancestorOrigins: ArrayLike<string> | undefined, referrer: string): string | undefined {
  const first = ancestorOrigins && ancestorOrigins.length > 0 ? ancestorOrigins[0] : undefined;
  return originOfUrl(first || referrer);
}

function originOfUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return normalizeOrigin(new URL(value).origin);
  } catch {
    return undefined;
  }
}
