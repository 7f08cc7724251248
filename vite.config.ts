// Vite builds the browser app into dist/client. In `npm run dev` the same proxy as
// `runlens serve` answers /mlflow/* (pointed at MLFLOW_TRACKING_URI), so dev and production
// talk to the tracking server the same way.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { BACKEND_PATH, CONFIG_PATH } from './contract/runlens-http.ts';
import { createBackendInfo, serveBackendInfo } from './server/backend/backend-probe.ts';
import { publicConfig } from './server/app.ts';
import { resolveServeOptions } from './server/options.ts';
import { handleProxy } from './server/proxy.ts';
import { PROXY_PREFIX } from './server/proxy-routes.ts';

function runlensDevProxy(): Plugin {
  return {
    name: 'runlens-dev-proxy',
    configureServer(server) {
      const options = resolveServeOptions({}, process.env);
      const backend = createBackendInfo(options);
      server.middlewares.use((req, res, next) => {
        if (req.url?.startsWith(PROXY_PREFIX)) return void handleProxy(options, req, res);
        if (req.url === BACKEND_PATH) return void serveBackendInfo(backend, options, res);
        if (req.url === CONFIG_PATH) {
          res.setHeader('content-type', 'application/json');
          return void res.end(JSON.stringify(publicConfig(options, 'dev')));
        }
        next();
      });
    },
  };
}

/**
 * main.tsx loads the app with a dynamic import, after sending the page's first requests. Vite
 * preloads a dynamic import only once it is called, so index.html gets modulepreload links for
 * the app chunk and everything it imports statically: the app downloads in parallel with main.
 */
function preloadApp(): Plugin {
  const APP = 'src/app/app.tsx';
  return {
    name: 'runlens-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).flatMap((item) => (item.type === 'chunk' ? [item] : []));
        const app = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(APP));
        if (!app) throw new Error(`${APP} is not a chunk of the build`);
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const files = new Set<string>();
        const visit = (file: string) => {
          if (files.has(file)) return;
          files.add(file);
          for (const next of byFile.get(file)?.imports ?? []) visit(next);
        };
        visit(app.fileName);
        return [...files]
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), runlensDevProxy(), preloadApp()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    // No source maps in the served build (issue 10): they would be served to anyone who can reach
    // Runlens, with the build's file layout; debug with `npm run dev`, which has them.
    sourcemap: false,
    // Read by scripts/check-bundle-size.ts to find what the first page loads.
    manifest: true,
    // The bundle budget is enforced by scripts/check-bundle-size.ts, not by this warning.
    chunkSizeWarningLimit: 1000,
  },
});
