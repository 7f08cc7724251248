// `runlens shot`: one view to one PNG or PDF file. With a tracking server instead of a running
// Runlens, it serves Runlens itself on a free loopback port for the duration of the shot.
import { writeFile } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { createRunlensServer } from '../app.ts';
import { resolveServeOptions } from '../options.ts';
import { openRenderer } from './renderer.ts';
import type { ShotOptions } from './shot-options.ts';

export interface AppBuild {
  staticDir: string;
  version: string;
}

/** Writes the image and returns its absolute path; a RenderError says why there is none. */
export async function takeShot(
  options: ShotOptions,
  app: () => AppBuild,
  env: Record<string, string | undefined> = process.env,
): Promise<string> {
  // The browser first: without one there is nothing to serve for.
  const renderer = await openRenderer({ browserPath: options.browser });
  let server: http.Server | undefined;
  try {
    let url: string;
    if (options.source.kind === 'serve') {
      const serveOptions = resolveServeOptions({ trackingUri: options.source.trackingUri, host: '127.0.0.1', port: '0' }, env);
      const build = app();
      server = createRunlensServer(serveOptions, build.staticDir, build.version);
      url = `${await listenOnLoopback(server)}${options.source.path}`;
    } else {
      url = options.source.url;
    }
    const image = await renderer.render(url, options);
    const file = path.resolve(options.output);
    await writeFile(file, image);
    return file;
  } finally {
    await renderer.close().catch(() => undefined);
    if (server) {
      server.close();
      server.closeAllConnections();
    }
  }
}

/** Listens on a free loopback port; resolves to the server's origin. */
export async function listenOnLoopback(server: http.Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the server has no address');
  return `http://127.0.0.1:${address.port}`;
}
