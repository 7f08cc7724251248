// The entry: sends the page's first requests, then loads the app. Kept small on purpose: it
// runs as soon as its few kilobytes arrive, while index.html's modulepreload links (added by
// vite.config.ts) download the app in parallel.
import { primeRouteRequests } from './prime-route-requests.ts';
import './styles.css';

primeRouteRequests(window.location);

import('./app.tsx').catch(() => {
  // A stale tab after an upgrade asks for chunks that are gone: say so instead of a blank page.
  const root = document.getElementById('root');
  if (root) root.textContent = 'Runlens could not load its code. Reload the page; if that does not help, the Runlens server may have been upgraded or stopped.';
  document.documentElement.dataset['runlensErrors'] = '1';
  document.documentElement.dataset['runlensState'] = 'ready';
});
