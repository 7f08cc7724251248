import { Link, Outlet } from 'react-router';
import { paths } from '@/config/paths.ts';
import { ReadySignal } from './ready-signal.tsx';
import { ServerIndicator } from './server-indicator.tsx';

export function Layout() {
  return (
    <>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="app-header">
        <Link to={paths.home.getHref()} className="app-header__brand">
          Runlens
        </Link>
        <ServerIndicator />
      </header>
      <div id="content">
        <Outlet />
      </div>
      <ReadySignal />
    </>
  );
}
