import { useLayoutEffect } from 'react';
import { Link, Outlet, useSearchParams } from 'react-router';
import { useViewOptions } from '@/config/view-options.ts';
import { paths } from '@/config/paths.ts';
import { ReadySignal } from './ready-signal.tsx';
import { ServerIndicator } from './server-indicator.tsx';
import { useViewAppearance } from './theme.tsx';

export function Layout() {
  useViewAppearance();
  // ?embed=true (for iframes in portals and screenshots): the page without Runlens's own header.
  const [params] = useSearchParams();
  const embedded = params.get('embed') === 'true';
  // render=1: <html class="runlens-render"> hides interactive-only controls and motion (styles.css).
  const { render } = useViewOptions();
  useLayoutEffect(() => {
    document.documentElement.classList.toggle('runlens-render', render);
  }, [render]);
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
