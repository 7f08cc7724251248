// Applies the URL's look to the whole page: theme=light|dark|auto as <html data-theme> (the
// colour variables in styles.css follow it; no attribute is "auto", the system's preference),
// and tz= as the zone every shown time is formatted in.
import { useLayoutEffect } from 'react';
import { useViewOptions } from '@/config/view-options.ts';
import { setDisplayTimeZone } from '@/lib/format-time.ts';

/** Called by the layout, above every view, so the zone is set before any time is formatted. */
export function useViewAppearance(): void {
  const { theme, timeZone } = useViewOptions();
  // During render, not in an effect: the layout's children format times in this same pass.
  setDisplayTimeZone(timeZone);
  useLayoutEffect(() => {
    const root = document.documentElement;
    if (theme === 'auto') delete root.dataset['theme'];
    else root.dataset['theme'] = theme;
  }, [theme]);
}
