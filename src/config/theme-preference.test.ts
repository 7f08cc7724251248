import { describe, expect, it } from 'vitest';
import { appliedTheme, isTheme, type ThemeContext } from './theme-preference.ts';
import { resolveViewOptions } from './view-options.ts';

/** The theme a page at `search` shows to a viewer who remembers `remembered`. */
const shown = (search: string, remembered: Parameters<typeof appliedTheme>[2]) => {
  const params = new URLSearchParams(search);
  const view = resolveViewOptions(params);
  const context: ThemeContext = { urlNamesTheme: isTheme(params.get('theme')), render: view.render, embed: view.embed };
  return appliedTheme(view.theme, context, remembered);
};

describe('appliedTheme', () => {
  it('shows the remembered choice when the URL names no theme', () => {
    expect(shown('', 'dark')).toBe('dark');
    expect(shown('?selected=a', 'light')).toBe('light');
    expect(shown('', 'auto')).toBe('auto');
  });

  it('follows the system when nothing is remembered', () => {
    expect(shown('', undefined)).toBe('auto');
  });

  it('lets a theme= in the URL win over the remembered choice', () => {
    expect(shown('?theme=light', 'dark')).toBe('light');
    expect(shown('?theme=dark', 'light')).toBe('dark');
    // An explicit auto is a choice too: the system's preference, not the remembered dark.
    expect(shown('?theme=auto', 'dark')).toBe('auto');
  });

  it('ignores a theme= that names no theme', () => {
    expect(shown('?theme=purple', 'dark')).toBe('dark');
    expect(shown('?theme=', 'light')).toBe('light');
  });

  it('never applies the remembered choice to a report or an embed', () => {
    expect(shown('?render=1', 'dark')).toBe('light');
    expect(shown('?render=1&theme=dark', 'light')).toBe('dark');
    expect(shown('?embed=true', 'dark')).toBe('auto');
    expect(shown('?embed=true&theme=light', 'dark')).toBe('light');
  });
});

describe('isTheme', () => {
  it('accepts exactly the three themes', () => {
    expect(['light', 'dark', 'auto'].every(isTheme)).toBe(true);
    expect([null, undefined, '', 'Dark', 'system', 1].some(isTheme)).toBe(false);
  });
});
