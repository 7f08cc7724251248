// Response headers and request vetting that apply to everything Runlens serves.
import net from 'node:net';

/** CSP for the app. No inline scripts; artifacts previews use blob: frames without same-origin. */
export function securityHeaders(frameAncestors: readonly string[]): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    // Embedding in portals is allowed only for the origins the operator names.
    `frame-ancestors ${["'self'", ...frameAncestors].join(' ')}`,
  ].join('; ');
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
  };
}

/**
 * CSP for artifact bytes served through the proxy (HTML reports, SVGs, anything a run logged).
 * `sandbox allow-scripts` gives the document an opaque origin even when it is opened directly
 * or framed from the same origin, so its scripts can never read Runlens's pages, storage or
 * cookies; `connect-src 'none'` and `default-src 'none'` stop it from calling the API (or
 * anything else) and from loading remote resources. Inline scripts and styles may run, so
 * self-contained reports (Plotly, scikit-learn's estimator.html) still work inside the frame.
 * Replaces the app CSP on those responses; fetch() readers of the bytes are unaffected.
 */
export function artifactSandboxCsp(frameAncestors: readonly string[]): string {
  return [
    'sandbox allow-scripts',
    "default-src 'none'",
    "script-src 'unsafe-inline' 'unsafe-eval'",
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    'font-src data:',
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    `frame-ancestors ${["'self'", ...frameAncestors].join(' ')}`,
  ].join('; ');
}

/**
 * DNS-rebinding guard: the Host header must name this server. An allowed entry is an exact name
 * or IP, a `*` wildcard pattern, or an IP range in CIDR form (`10.0.0.0/8`).
 *
 * IP ranges are matched as parsed IP literals, never as text: a text pattern such as `10.*` also
 * matches `10.attacker.example`, a public name an attacker can rebind to 127.0.0.1, after which
 * their page reads everything through Runlens with the operator's credentials. For the same
 * reason a wildcard pattern made only of digits, dots and `*` matches IPv4 literals only.
 */
export function isHostAllowed(hostHeader: string | undefined, allowed: readonly string[]): boolean {
  if (!hostHeader) return false;
  const host = stripPort(hostHeader.trim().toLowerCase());
  if (!host) return false;
  const ip = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const ipVersion = net.isIP(ip);
  return allowed.some((entry) => {
    const pattern = entry.trim().toLowerCase();
    const cidr = parseCidr(pattern);
    if (cidr) return ipVersion !== 0 && cidr.check(ip, ipVersion === 4 ? 'ipv4' : 'ipv6');
    if (IPV4_PATTERN.test(pattern) && ipVersion !== 4) return false;
    return matchesPattern(host, pattern);
  });
}

const IPV4_PATTERN = /^[\d.*]+$/;

function parseCidr(pattern: string): net.BlockList | undefined {
  const slash = pattern.lastIndexOf('/');
  if (slash === -1) return undefined;
  const address = pattern.slice(0, slash).replace(/^\[(.*)\]$/, '$1');
  const prefix = Number(pattern.slice(slash + 1));
  const version = net.isIP(address);
  if (version === 0 || !Number.isInteger(prefix)) return undefined;
  const list = new net.BlockList();
  list.addSubnet(address, prefix, version === 4 ? 'ipv4' : 'ipv6');
  return list;
}

function stripPort(host: string): string {
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    return end === -1 ? '' : host.slice(0, end + 1);
  }
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

function matchesPattern(host: string, pattern: string): boolean {
  if (pattern === '*') return true;
  const regex = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`);
  return regex.test(host);
}

function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * State-changing requests (here: the search POSTs) must come from Runlens's own pages.
 * Browsers send Origin on every POST; Sec-Fetch-Site is the fallback. "null" origins
 * (sandboxed frames, e.g. an HTML artifact preview) are refused.
 */
export function isSameOriginWrite(headers: Record<string, string | string[] | undefined>): boolean {
  const origin = headers.origin;
  const host = headers.host;
  if (typeof origin === 'string') {
    if (origin === 'null' || !host) return false;
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  return headers['sec-fetch-site'] === 'same-origin';
}
