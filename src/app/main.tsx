// The entry: sends the page's first requests, then loads the app. Kept small on purpose: it
// runs as soon as its few kilobytes arrive, while index.html's modulepreload links (added by
// vite.config.ts) download the app in parallel.
import { setEmbedCredentialFrom } from '@/api/client.ts';
import { paths } from '@/config/paths.ts';
import { primeRouteRequests } from './prime-route-requests.ts';
import './styles.css';

// A signed embed link's credential goes with every request, the first ones included.
setEmbedCredentialFrom(window.location.search);
primeRouteRequests(window.location);
// A run table's own code (a lazy route) starts downloading now as well, beside the app, rather
// than once the router has evaluated; the router's lazy import then finds it loaded.
if (paths.experiment.match(window.location.pathname) !== undefined) import('./routes/experiment.tsx').catch(() => undefined);

import('./app.tsx').catch(() => {
  // A stale tab after an upgrade asks for chunks that are gone: say so instead of a blank page.
  const root = document.getElementById('root');
  if (root)
    root.textContent =
      'Runlens could not load its code. Reload the page; if that does not help, the Runlens server may have been upgraded or stopped.';
  document.documentElement.dataset['runlensErrors'] = '1';
  document.documentElement.dataset['runlensState'] = 'ready';
});
