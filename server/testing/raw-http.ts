// Server tests' HTTP client: node:http rather than fetch, because it hands over the bytes as they
// came over the wire (no decoding) and sends any header a browser sends (Sec-Fetch-*, Origin).
import http from 'node:http';
import zlib from 'node:zlib';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

/** Listens on a free loopback port; resolves with the port. */
export function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

/** One request to 127.0.0.1:`port`; the answer's bytes as they came (still encoded). */
export function rawRequest(port: number, target: string, options: RawRequest = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: target, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The body decoded by its Content-Encoding (br, gzip or none). */
export function decodedBody(answer: RawAnswer): Buffer {
  const coding = answer.headers['content-encoding'];
  return coding === 'br' ? zlib.brotliDecompressSync(answer.body) : coding === 'gzip' ? zlib.gunzipSync(answer.body) : answer.body;
}
