// Upstream answers started before the browser asks for them (run-table-prefetch.ts), each kept for
// the one identical request that comes next (docs/first-rows.md). Bounded three ways: entries
// live a few seconds, there are few of them, and each buffers a capped number of bytes before
// backpressure holds its upstream answer (the rest then streams to the page as it arrives).
// An entry is used once. Before the page takes it, any failure (an error, a non-200 answer, a
// body cut off) drops it and the page's request goes upstream as if there were no cache; once
// taken, the early request *is* the page's request, with whatever it answers.
import type http from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** An upstream answer as the proxy passes it on: status, headers, and the body still to read. */
export interface UpstreamAnswer {
  statusCode: number | undefined;
  headers: http.IncomingHttpHeaders;
  body: Readable;
}

export interface PrefetchLimits {
  /** An entry nobody took within this time is dropped (its upstream request aborted). */
  ttlMs: number;
  /** Entries kept at once; more navigations start no more early requests. */
  maxEntries: number;
  /** Bytes an entry reads ahead before it stops reading until taken (held twice at most: a PassThrough's two sides). */
  maxEntryBytes: number;
  /** While the entries not taken hold this much in all, no new early request starts. */
  maxBytes: number;
}

/**
 * The browser asks 60–110 ms after navigation on a fast machine, seconds later on a slow link:
 * 5 s covers that, and the answer is never older than that when it is shown. A first page of 50
 * runs is 20–400 KB (50 runs of 1,500 metrics: ~9 MB, of which 1 MB is read ahead).
 */
export const PREFETCH_LIMITS: PrefetchLimits = { ttlMs: 5_000, maxEntries: 16, maxEntryBytes: 1024 * 1024, maxBytes: 8 * 1024 * 1024 };

interface EntryState {
  controller: AbortController;
  copy: BodyCopy;
  timer: NodeJS.Timeout;
  /** Bytes read ahead while waiting to be taken. */
  bytes: number;
  state: 'waiting' | 'taken' | 'dropped';
}

interface Entry extends EntryState {
  answer: Promise<UpstreamAnswer>;
}

/**
 * A copy of an answer's body for `peek`, up to a cap: the server's own look at the data it
 * fetched early (the first rows drawn into the page, first-rows-html.ts).
 */
class BodyCopy {
  private chunks: Buffer[] = [];
  private length = 0;
  private overflow = false;
  private settle!: (body: Buffer | undefined) => void;
  readonly body = new Promise<Buffer | undefined>((resolve) => (this.settle = resolve));

  constructor(private readonly maxBytes: number) {}

  add(chunk: Buffer): void {
    if (this.overflow) return;
    this.length += chunk.length;
    if (this.length > this.maxBytes) {
      this.overflow = true;
      this.chunks = [];
    } else this.chunks.push(chunk);
  }

  /** The body ended (complete) or the answer went away (failed); the first call decides. */
  finish(complete: boolean): void {
    this.settle(complete && !this.overflow ? Buffer.concat(this.chunks) : undefined);
    this.chunks = [];
  }
}

export interface PrefetchCache {
  /**
   * Starts `open` (the upstream request) for `key`, unless an entry for it exists already or the
   * limits are reached. Returns whether it started.
   */
  start(key: string, open: (signal: AbortSignal) => Promise<http.IncomingMessage>): boolean;
  /**
   * The answer kept for `key`, removed from the cache; `signal` is the page's request: when it
   * goes away, the early request is aborted with it. Undefined when there is none.
   */
  take(key: string, signal: AbortSignal): Promise<UpstreamAnswer> | undefined;
  /** Whether an answer for `key` is on its way or waiting to be taken. */
  has(key: string): boolean;
  /**
   * A copy of the whole answer for `key` once it has arrived, taken or not: undefined when there
   * is no such entry, or it failed, answered anything but 200, or is longer than `maxBytes`.
   * Never removes the entry: the page's request still takes the answer itself.
   */
  peek(key: string, maxBytes: number): Promise<Buffer | undefined>;
  /** Entries kept and bytes they hold (for tests and the docs' numbers). */
  stats(): { entries: number; bytes: number };
  /** Drops everything (the server closes). */
  clear(): void;
}

export function createPrefetchCache(limits: PrefetchLimits = PREFETCH_LIMITS): PrefetchCache {
  const entries = new Map<string, Entry>();
  let heldBytes = 0;

  const drop = (key: string, entry: EntryState) => {
    if (entry.state !== 'waiting') return;
    entry.state = 'dropped';
    entries.delete(key);
    clearTimeout(entry.timer);
    heldBytes -= entry.bytes;
    entry.controller.abort();
  };

  const keep = (key: string, entry: EntryState, upstream: http.IncomingMessage): UpstreamAnswer => {
    const body = new PassThrough({ highWaterMark: limits.maxEntryBytes });
    upstream.on('data', (chunk: Buffer) => {
      entry.copy.add(chunk);
      if (entry.state !== 'waiting') return;
      entry.bytes += chunk.length;
      heldBytes += chunk.length;
    });
    upstream.on('end', () => entry.copy.finish(true));
    upstream.on('close', () => entry.copy.finish(false));
    // An aborted entry destroys the upstream answer, which fails the pipeline and the body with it.
    pipeline(upstream, body).catch(() => drop(key, entry));
    return { statusCode: upstream.statusCode, headers: upstream.headers, body };
  };

  const request = (key: string, entry: EntryState, open: (signal: AbortSignal) => Promise<http.IncomingMessage>) =>
    Promise.resolve()
      .then(() => open(entry.controller.signal))
      .then(
        (upstream) => {
          if (entry.state === 'dropped') {
            entry.copy.finish(false);
            upstream.destroy();
            throw new Error('dropped');
          }
          if (upstream.statusCode !== 200) entry.copy.finish(false);
          if (entry.state === 'waiting' && upstream.statusCode !== 200) {
            // Errors are not kept: the page's own request asks again, as it would without a cache.
            upstream.resume();
            drop(key, entry);
            throw new Error(`upstream answered ${upstream.statusCode ?? '?'}`);
          }
          return keep(key, entry, upstream);
        },
        (err: unknown) => {
          entry.copy.finish(false);
          drop(key, entry);
          throw err;
        },
      );

  return {
    start(key, open) {
      if (entries.has(key) || entries.size >= limits.maxEntries || heldBytes >= limits.maxBytes) return false;
      const state: EntryState = {
        controller: new AbortController(),
        copy: new BodyCopy(limits.maxEntryBytes),
        timer: setTimeout(() => drop(key, state), limits.ttlMs).unref(),
        bytes: 0,
        state: 'waiting',
      };
      const entry: Entry = Object.assign(state, { answer: request(key, state, open) });
      // Nobody may be waiting for it: a failure is only ever seen by a page that took the entry.
      entry.answer.catch(() => undefined);
      entries.set(key, entry);
      return true;
    },

    take(key, signal) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      clearTimeout(entry.timer);
      heldBytes -= entry.bytes;
      entry.state = 'taken';
      // The page's request went away: nobody else will ever take this answer.
      if (signal.aborted) entry.controller.abort();
      else signal.addEventListener('abort', () => entry.controller.abort(), { once: true });
      return entry.answer;
    },

    has: (key) => entries.has(key),

    peek(key, maxBytes) {
      const entry = entries.get(key);
      if (!entry) return Promise.resolve(undefined);
      return entry.copy.body.then((body) => (body && body.length <= maxBytes ? body : undefined));
    },

    stats: () => ({ entries: entries.size, bytes: heldBytes }),

    clear() {
      for (const [key, entry] of [...entries]) drop(key, entry);
    },
  };
}

/** What makes two requests the same one, for the cache. */
export interface RequestIdentity {
  /** The browser's address: an early answer is kept for the client whose navigation started it. */
  client: string;
  method: string;
  /** The proxy URL (path and query) without a signed link's parameters. */
  url: string;
  /** The headers the proxy forwards upstream; Accept-Encoding aside, as the proxy codes the answer itself. */
  headers: Readonly<Record<string, string>>;
  body: Buffer | undefined;
}

/** The cache key of a request: every part that reaches the tracking server, byte for byte. */
export function requestKey(request: RequestIdentity): string {
  const headers = Object.entries(request.headers)
    .filter(([name]) => name !== 'accept-encoding')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([request.client, request.method, request.url, headers, request.body?.toString('base64') ?? null]);
}
