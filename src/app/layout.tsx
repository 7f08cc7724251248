import { Link, Outlet, useSearchParams } from 'react-router';
import { paths } from '@/config/paths.ts';
import { ReadySignal } from './ready-signal.tsx';
import { ServerIndicator } from './server-indicator.tsx';

export function Layout() {
  // ?embed=true (for iframes in portals and screenshots): the page without Runlens's own header.
  const [params] = useSearchParams();
  const embedded = params.get('embed') === 'true';
  return (
    <>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      {embedded ? null : (
        <header className="app-header">
          <Link to={paths.home.getHref()} className="app-header__brand">
            Runlens
          </Link>
          <ServerIndicator />
        </header>
      )}
      <div id="content">
        <Outlet />
      </div>
      <ReadySignal />
    </>
  );
}
