// The early-answer cache's bounds (docs/first-rows.md): time, entries, bytes read ahead, single
// use. A real local upstream stands in for the tracking server, so aborts and backpressure are
// those of real sockets.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrefetchCache, requestKey, type RequestIdentity, type UpstreamAnswer } from './prefetch-cache.ts';

const BIG = Buffer.alloc(4 * 1024 * 1024, 'x');

let upstream: http.Server;
let port = 0;
/** Each request the upstream received, and whether it went away before its answer ended. */
const received: { path: string; closedEarly: boolean }[] = [];

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const entry = { path: req.url ?? '', closedEarly: false };
    received.push(entry);
    res.on('close', () => (entry.closedEarly = !res.writableFinished));
    if (req.url === '/hang') return;
    if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': BIG.length });
      // In 64 KB writes that honour backpressure.
      let at = 0;
      const pump = () => {
        while (at < BIG.length) {
          const chunk = BIG.subarray(at, at + 65_536);
          at += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(`{"path":"${req.url}"}`);
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  port = (upstream.address() as { port: number }).port;
});

afterAll(() => {
  upstream.closeAllConnections();
  upstream.close();
});

const open = (target: string) => (signal: AbortSignal) =>
  new Promise<http.IncomingMessage>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: target, signal }, resolve);
    req.on('error', reject);
  });

const readAll = async (answer: UpstreamAnswer) => {
  const chunks: Buffer[] = [];
  for await (const chunk of answer.body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const limits = { ttlMs: 200, maxEntries: 3, maxEntryBytes: 64 * 1024, maxBytes: 1024 * 1024 };

describe('the prefetch cache', () => {
  it('gives an answer once, to the first identical request', async () => {
    const cache = createPrefetchCache(limits);
    expect(cache.start('a', open('/a'))).toBe(true);
    // An identical request on its way already: not sent twice.
    expect(cache.start('a', open('/a'))).toBe(false);
    const answer = await cache.take('a', new AbortController().signal)!;
    expect(answer.statusCode).toBe(200);
    expect((await readAll(answer)).toString()).toBe('{"path":"/a"}');
    expect(cache.take('a', new AbortController().signal)).toBeUndefined();
    expect(cache.stats()).toEqual({ entries: 0, bytes: 0 });
  });

  it('lets the server peek at a whole answer without taking it; the page still gets every byte', async () => {
    const cache = createPrefetchCache(limits);
    cache.start('a', open('/a'));
    const copy = cache.peek('a', 1024);
    expect((await copy)?.toString()).toBe('{"path":"/a"}');
    const answer = await cache.take('a', new AbortController().signal)!;
    expect((await readAll(answer)).toString()).toBe('{"path":"/a"}');
    // Nothing to peek at: no entry, an answer over the size asked for, one that never comes.
    expect(await cache.peek('none', 1024)).toBeUndefined();
    cache.start('b', open('/b'));
    expect(await cache.peek('b', 4)).toBeUndefined();
    cache.start('hang', open('/hang'));
    expect(await cache.peek('hang', 1024)).toBeUndefined();
  });

  it('peeks at nothing when the answer is longer than an entry reads ahead', async () => {
    const cache = createPrefetchCache(limits);
    cache.start('big', open('/big'));
    const copy = cache.peek('big', BIG.length);
    const answer = await cache.take('big', new AbortController().signal)!;
    expect((await readAll(answer)).equals(BIG)).toBe(true);
    expect(await copy).toBeUndefined();
  });

  it('drops what nobody takes in time, and aborts its upstream request', async () => {
    const cache = createPrefetchCache(limits);
    const before = received.length;
    cache.start('hang', open('/hang'));
    await sleep(50);
    expect(cache.stats().entries).toBe(1);
    await sleep(250);
    expect(cache.stats()).toEqual({ entries: 0, bytes: 0 });
    expect(cache.take('hang', new AbortController().signal)).toBeUndefined();
    await sleep(20);
    expect(received[before]).toMatchObject({ path: '/hang', closedEarly: true });
  });

  it('keeps a bounded number of entries', async () => {
    const cache = createPrefetchCache(limits);
    const started = ['1', '2', '3', '4', '5'].map((key) => cache.start(key, open(`/hang`)));
    expect(started).toEqual([true, true, true, false, false]);
    expect(cache.stats().entries).toBe(3);
    cache.clear();
    expect(cache.stats()).toEqual({ entries: 0, bytes: 0 });
  });

  it('reads a capped number of bytes ahead, then the rest streams to the page that takes it', async () => {
    const cache = createPrefetchCache({ ...limits, ttlMs: 5_000 });
    cache.start('big', open('/big'));
    await sleep(300);
    const { bytes } = cache.stats();
    expect(bytes).toBeGreaterThan(0);
    // The cache holds at most twice its read-ahead (the PassThrough's two sides) plus socket buffers.
    expect(bytes).toBeLessThanOrEqual(2 * limits.maxEntryBytes + 64 * 1024);
    const answer = await cache.take('big', new AbortController().signal)!;
    expect((await readAll(answer)).equals(BIG)).toBe(true);
  });

  it('starts nothing while the entries hold more than the byte cap', async () => {
    const cache = createPrefetchCache({ ...limits, ttlMs: 5_000, maxBytes: 32 * 1024 });
    cache.start('big', open('/big'));
    await sleep(200);
    expect(cache.stats().bytes).toBeGreaterThanOrEqual(32 * 1024);
    expect(cache.start('a', open('/a'))).toBe(false);
    cache.clear();
    expect(cache.start('a', open('/a'))).toBe(true);
    cache.clear();
  });

  it('aborts the upstream request when the page that took it goes away', async () => {
    const cache = createPrefetchCache(limits);
    const before = received.length;
    cache.start('hang', open('/hang'));
    const page = new AbortController();
    const answer = cache.take('hang', page.signal)!;
    await sleep(50);
    expect(received[before]).toMatchObject({ path: '/hang', closedEarly: false });
    page.abort();
    await expect(answer).rejects.toThrow();
    await sleep(20);
    expect(received[before]).toMatchObject({ path: '/hang', closedEarly: true });
  });

  it('is never shared between clients, methods, URLs, headers or bodies', () => {
    const base = {
      client: '127.0.0.1',
      method: 'POST',
      url: '/mlflow/x',
      headers: { accept: 'application/json' },
      body: Buffer.from('{}'),
    };
    const key = requestKey(base);
    expect(requestKey({ ...base, headers: { accept: 'application/json', 'accept-encoding': 'br' } })).toBe(key);
    const others: Partial<RequestIdentity>[] = [
      { client: '127.0.0.2' },
      { method: 'GET' },
      { url: '/mlflow/x?a=1' },
      { headers: { accept: '*/*' } },
      { headers: { accept: 'application/json', range: 'bytes=0-1' } },
      { body: Buffer.from('{ }') },
      { body: undefined },
    ];
    for (const other of others) expect(requestKey({ ...base, ...other })).not.toBe(key);
  });
});
