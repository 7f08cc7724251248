// Which answers of the proxy Runlens compresses, and how (docs/compression.md). MLflow sends
// its JSON pretty-printed and uncompressed: a runs/search page of 1,000 runs is 6–8 MB, about
// 0.5 MB as brotli. The rules are pure functions; proxy.ts applies them to the streams.
import type http from 'node:http';
import zlib from 'node:zlib';

/** The codings Runlens writes itself. */
export type ContentCoding = 'br' | 'gzip';

/**
 * Levels chosen with `npx tsx scripts/measure-compression.ts`: a 1,000-run runs/search page
 * (6.6 MB; 20 params, 20 metrics, 10 tags per run), CPU per MB of input, median of 9 rounds:
 *
 *   brotli q1 587 KB 2.1 ms · q3 565 KB 5.0 ms · q4 518 KB 6.0 ms · q5 490 KB 11.8 ms · q6 474 KB 16.5 ms
 *   brotli q4 with a 2^18 window: 499 KB 5.0 ms (2^16: 493 KB 5.1 ms; 2^20: 511 KB 5.7 ms)
 *   gzip   1 689 KB 3.3 ms · 3 646 KB 3.4 ms · 4 600 KB 4.7 ms · 5 578 KB 5.0 ms · 6 549 KB 6.7 ms
 *
 * Brotli quality 5 doubles the CPU for 4 % fewer bytes. The window is 256 KB rather than the
 * default 4 MB: runs repeat their shape every few KB, so it compresses as well, each answer in
 * flight buffers 256 KB instead of 4 MB, and sending starts after ~0.5 MB in instead of ~3.5 MB. Streamed the way the
 * proxy does it (64 KB chunks), the page costs 50–60 ms of CPU in all (about 7 ms per MB, well over
 * 100 MB/s per core: far more than a tracking server sends) and goes out as 522 KB (br) or 578 KB (gzip).
 */
export const BROTLI_QUALITY = 4;
export const BROTLI_WINDOW_BITS = 18;
export const GZIP_LEVEL = 5;

/** Below this a known-length body is sent as it is: the saving is smaller than the headers. */
export const MIN_COMPRESSED_BYTES = 1024;

/** Text the proxy passes (MLflow's JSON, a gateway's HTML error page, text artifacts). */
const COMPRESSIBLE_TYPE =
  /^(?:text\/[\w.+-]+|application\/(?:json|[\w.+-]+\+json|x-ndjson|javascript|ecmascript|xml|[\w.+-]+\+xml|x-yaml|yaml|toml|csv)|image\/svg\+xml)\s*(?:;|$)/i;

/**
 * Artifact names whose bytes are compressed already, whatever type the tracking server gives
 * them: MLflow types `metrics.csv.gz` as text/csv (Python's mimetypes), without Content-Encoding.
 */
const COMPRESSED_NAME = /\.(?:gz|tgz|bz2|tbz2?|xz|txz|zst|zstd|br|lz4|lzma|7z|zip|rar|jar|whl|parquet|npz|pt|pth|safetensors)$/i;

/** Runlens's coding for a client that sent `header`, or identity. Best first: brotli, then gzip. */
export function negotiateEncoding(header: string | undefined): ContentCoding | 'identity' {
  return acceptableEncodings(header)[0] ?? 'identity';
}

/**
 * The codings Runlens writes that `header` accepts, best first (RFC 9110 §12.5.3): by q-value,
 * brotli before gzip on a tie, `*` standing for any coding not named. Empty when identity is the
 * better (or only) answer: no header, an empty one, `identity` weighted above both, or q=0.
 * Identity that is not named ranks last, so `Accept-Encoding: gzip;q=0.5` still gets gzip.
 */
export function acceptableEncodings(header: string | undefined): ContentCoding[] {
  if (!header) return [];
  const weights = parseAcceptEncoding(header);
  const weightOf = (coding: string) => weights.get(coding) ?? weights.get('*') ?? 0;
  const identity = weights.get('identity');
  return (['br', 'gzip'] as const)
    .map((coding, rank) => ({ coding, rank, q: weightOf(coding) }))
    .filter(({ q }) => q > 0 && (identity === undefined || q >= identity))
    .sort((a, b) => b.q - a.q || a.rank - b.rank)
    .map(({ coding }) => coding);
}

/** Lower-cased coding → q-value. A malformed q-value makes its entry unacceptable (q=0). */
function parseAcceptEncoding(header: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const entry of header.split(',')) {
    const [rawName = '', ...params] = entry.split(';');
    const name = rawName.trim().toLowerCase();
    if (!name || weights.has(name === 'x-gzip' ? 'gzip' : name)) continue;
    let q = 1;
    for (const param of params) {
      const [key = '', value = ''] = param.split('=').map((part) => part.trim());
      if (key.toLowerCase() !== 'q') continue;
      q = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value) ? Number(value) : 0;
    }
    // RFC 9110 §12.5.3: x-gzip is another name of gzip.
    weights.set(name === 'x-gzip' ? 'gzip' : name, q);
  }
  return weights;
}

/** What proxy.ts knows when the upstream's answer starts. */
export interface ProxiedAnswer {
  method: string;
  request: http.IncomingHttpHeaders;
  status: number;
  upstream: http.IncomingHttpHeaders;
  /** Set for artifact downloads (proxy-routes.ts): the file's path, to spot archives. */
  artifactPath?: string | undefined;
}

/**
 * The coding Runlens should compress this answer with, if any. Passed as they are: answers
 * without a body (HEAD, 204, 304), ranges (206, or a Range request: its byte positions are the
 * file's, not a compressed stream's), answers already encoded upstream (never twice), small ones,
 * `no-transform`, and anything that is not text; artifacts named like archives too (their type
 * can say text/csv for `x.csv.gz`).
 */
export function chooseAnswerEncoding(answer: ProxiedAnswer): ContentCoding | undefined {
  const { status, upstream } = answer;
  if (answer.method.toUpperCase() === 'HEAD' || status < 200 || status === 204 || status === 206 || status === 304) return undefined;
  if (answer.request.range !== undefined || upstream['content-range'] !== undefined) return undefined;
  const encoding = upstream['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') return undefined;
  if (/\bno-transform\b/i.test(upstream['cache-control'] ?? '')) return undefined;
  const length = Number(upstream['content-length'] ?? NaN);
  if (Number.isFinite(length) && length < MIN_COMPRESSED_BYTES) return undefined;
  if (!COMPRESSIBLE_TYPE.test(upstream['content-type'] ?? '')) return undefined;
  if (answer.artifactPath !== undefined && COMPRESSED_NAME.test(answer.artifactPath)) return undefined;
  return acceptableEncodings(headerValue(answer.request['accept-encoding']))[0];
}

/**
 * The response headers for a compressed answer: the coding, Vary, no length (the body is
 * chunked), no Accept-Ranges (ranges are served uncompressed, from the file's own bytes), and a
 * weak ETag, as the compressed bytes differ from the file the upstream's strong ETag names
 * (If-None-Match compares weakly, so revalidation still works).
 */
export function compressedHeaders(headers: Record<string, string | string[]>, coding: ContentCoding): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = { ...headers, 'content-encoding': coding };
  delete out['content-length'];
  delete out['accept-ranges'];
  const etag = out.etag;
  if (typeof etag === 'string' && etag.startsWith('"')) out.etag = `W/${etag}`;
  // The upstream's Vary is not forwarded (proxy.ts), so this is the only one.
  out.vary = 'Accept-Encoding';
  return out;
}

/** A streaming compressor at the levels above. */
export function createCompressor(coding: ContentCoding): zlib.BrotliCompress | zlib.Gzip {
  return coding === 'br'
    ? zlib.createBrotliCompress({
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.constants.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW_BITS },
      })
    : zlib.createGzip({ level: GZIP_LEVEL });
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}
