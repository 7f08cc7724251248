// Vite builds the browser app into dist/client. In `npm run dev` the same proxy as
// `runlens serve` answers /mlflow/* (pointed at MLFLOW_TRACKING_URI), so dev and production
// talk to the tracking server the same way.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONFIG_PATH, publicConfig } from './server/app.ts';
import { resolveServeOptions } from './server/options.ts';
import { handleProxy } from './server/proxy.ts';
import { PROXY_PREFIX } from './server/proxy-routes.ts';

function runlensDevProxy(): Plugin {
  return {
    name: 'runlens-dev-proxy',
    configureServer(server) {
      const options = resolveServeOptions({}, process.env);
      server.middlewares.use((req, res, next) => {
        if (req.url?.startsWith(PROXY_PREFIX)) return void handleProxy(options, req, res);
        if (req.url === CONFIG_PATH) {
          res.setHeader('content-type', 'application/json');
          return void res.end(JSON.stringify(publicConfig(options, 'dev')));
        }
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), runlensDevProxy()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    sourcemap: true,
    // Read by scripts/check-bundle-size.ts to find what the first page loads.
    manifest: true,
    // The bundle budget is enforced by scripts/check-bundle-size.ts, not by this warning.
    chunkSizeWarningLimit: 1000,
  },
});
