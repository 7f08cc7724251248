// Which theme a page shows: the viewer's remembered choice (the header's theme switch) or the
// URL's theme=. A link that names a theme (an embed, a report, a link shared to show something
// dark) looks as its author chose, whatever the viewer remembers; and the remembered choice is
// left as it was, so the next plain link is in the viewer's theme again.

export const THEMES = ['light', 'dark', 'auto'] as const;
/** `auto` follows the system's preference. */
export type Theme = (typeof THEMES)[number];

/** localStorage key of the remembered choice. */
export const THEME_STORAGE_KEY = 'runlens.theme';

export const isTheme = (value: unknown): value is Theme => THEMES.some((theme) => theme === value);

export interface ThemeContext {
  /** The URL's theme= is one of THEMES (a bad value names none, and degrades to the default). */
  urlNamesTheme: boolean;
  render: boolean;
  embed: boolean;
}

/**
 * The theme to apply. `resolved` is the URL's (resolveViewOptions: its theme=, else `auto`, and
 * light in render mode). It wins when the URL names a theme, and always in render mode and in
 * embeds: reports, screenshots and a portal's frames must look the same for every viewer, and
 * have no theme switch to change it. Otherwise the remembered choice, if any.
 */
export function appliedTheme(resolved: Theme, context: ThemeContext, remembered: Theme | undefined): Theme {
  if (context.urlNamesTheme || context.render || context.embed) return resolved;
  return remembered ?? resolved;
}
