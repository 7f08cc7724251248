// Applies the page's look: its theme as <html data-theme> (the colour variables in styles.css
// follow it; no attribute is "auto", the system's preference), and tz= as the zone every shown
// time is formatted in. The theme is the URL's theme= or else the one the viewer picked in the
// header (config/theme-preference.ts says which wins).
import { startTransition, useCallback, useLayoutEffect, useOptimistic } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { appliedTheme, isTheme, type Theme } from '@/config/theme-preference.ts';
import { useViewOptions } from '@/config/view-options.ts';
import { setDisplayTimeZone } from '../../contract/display/format-time.ts';
import { rememberTheme, useRememberedTheme } from './remembered-theme.ts';

export interface ThemeControl {
  /** What the page shows. */
  theme: Theme;
  /** The viewer picks a theme (the header's switch). */
  choose: (theme: Theme) => void;
}

export function useTheme(): ThemeControl {
  const { theme: resolved, render, embed } = useViewOptions();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const remembered = useRememberedTheme();
  const theme = appliedTheme(resolved, { urlNamesTheme: isTheme(params.get('theme')), render, embed }, remembered);
  // The pick is shown at once, though a link's new theme= arrives with the router's navigation
  // a moment later: without this the switch would flick back to the old theme in between.
  const [shown, showPick] = useOptimistic(theme);
  const search = params.toString();
  const choose = useCallback(
    (next: Theme) => {
      rememberTheme(next);
      const target = new URLSearchParams(search);
      if (!target.has('theme')) return;
      // The link's theme= would keep overriding the pick: it is changed too, so the page shows
      // what was picked and a link copied from it shows the same. Replaced, not pushed: a new
      // look, not a new page to go back from.
      target.set('theme', next);
      startTransition(async () => {
        showPick(next);
        await navigate(`?${target.toString()}`, { replace: true });
      });
    },
    [search, navigate, showPick],
  );
  return { theme: shown, choose };
}

/** Called by the layout, above every view, so the zone is set before any time is formatted. */
export function useViewAppearance(): void {
  const { timeZone } = useViewOptions();
  const { theme } = useTheme();
  // During render, not in an effect: the layout's children format times in this same pass.
  setDisplayTimeZone(timeZone);
  useLayoutEffect(() => {
    const root = document.documentElement;
    if (theme === 'auto') delete root.dataset['theme'];
    else root.dataset['theme'] = theme;
  }, [theme]);
}
