// A switchable network link: listens on `fromPort` and forwards to `toPort`. Lets a test make a
// real tracking server "come up" at an address Runlens was already watching.
import net from 'node:net';

export interface TcpLink {
  close(): Promise<void>;
}

export function openTcpLink(fromPort: number, toPort: number): Promise<TcpLink> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(toPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(fromPort, '127.0.0.1', () =>
      resolve({
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}
