import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveServeOptions } from './options.ts';
import { requestUpstream } from './upstream.ts';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A tracking server stand-in at the TCP level; `onRequest` gets the request's number on its connection. */
async function serve(
  onRequest: (req: http.IncomingMessage, res: http.ServerResponse, onConnection: number) => void,
): Promise<{ url: string; requests: () => number }> {
  let total = 0;
  const perSocket = new WeakMap<object, number>();
  const server = http.createServer((req, res) => {
    total += 1;
    const n = (perSocket.get(req.socket) ?? 0) + 1;
    perSocket.set(req.socket, n);
    onRequest(req, res, n);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => total };
}

const read = async (res: http.IncomingMessage) => {
  let text = '';
  for await (const chunk of res) text += String(chunk);
  return text;
};

describe('requestUpstream', () => {
  it('sends a request again, once, when the kept-alive connection it reused was closed under it', async () => {
    // The server closes a connection as its second request arrives: what a keep-alive timeout
    // that fires as the request is sent looks like to the client.
    const upstream = await serve((req, res, onConnection) => {
      if (onConnection > 1) req.socket.destroy();
      else res.end('ok');
    });
    const options = resolveServeOptions({ trackingUri: upstream.url }, {});
    expect(await read(await requestUpstream(options, { method: 'GET', path: '/version' }))).toBe('ok');
    expect(await read(await requestUpstream(options, { method: 'GET', path: '/version' }))).toBe('ok');
    expect(upstream.requests()).toBe(3);
  });

  it('does not send again when a new connection is reset: the server did get that request', async () => {
    const upstream = await serve((req) => req.socket.destroy());
    const options = resolveServeOptions({ trackingUri: upstream.url }, {});
    await expect(requestUpstream(options, { method: 'GET', path: `/fresh-${Date.now()}` })).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(upstream.requests()).toBe(1);
  });
});
