import { useLayoutEffect } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { dropFirstRowsPreview } from '@/components/first-rows-preview.ts';
import { useViewOptions } from '@/config/view-options.ts';
import { paths } from '@/config/paths.ts';
import { EmbedButton } from './embed-button.tsx';
import { EmbedFrame } from './embed-frame.tsx';
import { ReadySignal } from './ready-signal.tsx';
import { ServerIndicator } from './server-indicator.tsx';
import { ThemeSwitch } from './theme-switch.tsx';
import { useViewAppearance } from './theme.tsx';

export function Layout() {
  useViewAppearance();
  // embed=true (iframes in portals): the page without Runlens's own header, talking to the
  // portal (embed-frame.tsx); render=1 hides interactive-only controls and motion; controls=0
  // the controls only; background=transparent lets the portal's background show (styles.css).
  const { render, embed: embedded, controls, transparent } = useViewOptions();
  useLayoutEffect(() => {
    const classes = document.documentElement.classList;
    classes.toggle('runlens-render', render);
    classes.toggle('runlens-embed', embedded);
    classes.toggle('runlens-no-controls', !controls);
    classes.toggle('runlens-transparent', transparent);
  }, [render, embedded, controls, transparent]);
  // The run table's first rows drawn by the server belong to the run table alone (its panel
  // takes them over); any other page drops them.
  const { pathname } = useLocation();
  useLayoutEffect(() => {
    if (paths.experiment.match(pathname) === undefined) dropFirstRowsPreview();
  }, [pathname]);
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
          <nav aria-label="Main" className="app-header__nav">
            <Link to={paths.home.getHref()}>Experiments</Link>
            <Link to={paths.models.getHref()}>Models</Link>
          </nav>
          <ServerIndicator />
          <EmbedButton />
          <ThemeSwitch />
        </header>
      )}
      {embedded && !render ? <EmbedFrame /> : null}
      <div id="content">
        <Outlet />
      </div>
      <ReadySignal />
    </>
  );
}
