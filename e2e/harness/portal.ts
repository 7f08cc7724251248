// A portal for the embed suites: a second HTTP server on its own loopback origin (another site
// to the browser) whose page frames a Runlens URL, as an internal portal would.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Portal {
  origin: string;
  /**
   * Serves, at `/`, a page framing `src` (an absolute Runlens URL) in `#runlens`. With
   * `runlensOrigin` the page also loads that Runlens's runlens-embed.js and records every
   * message in `window.__messages` and each `runlens:ready` event in `window.__readyEvents`.
   */
  frame(src: string, options?: { runlensOrigin?: string; height?: number }): void;
  close(): Promise<void>;
}

export async function startPortal(): Promise<Portal> {
  let html = '';
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    frame(src, { runlensOrigin, height = 700 } = {}) {
      const attr = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
      const script = runlensOrigin
        ? `<script>
  window.__messages = [];
  window.addEventListener('message', (event) => window.__messages.push({ origin: event.origin, data: event.data }));
  document.getElementById('runlens').addEventListener('runlens:ready', () => (window.__readyEvents = (window.__readyEvents || 0) + 1));
</script>
<script src="${runlensOrigin}/runlens-embed.js"></script>`
        : '';
      html = `<!doctype html><html><head><title>Portal</title></head><body>
<h1>Team portal</h1>
<iframe id="runlens" data-runlens src="${attr}" style="width: 1000px; height: ${height}px; border: 0" title="Runlens"></iframe>
${script}
</body></html>`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
