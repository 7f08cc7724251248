// How a page is shown rather than what it shows: URL parameters any view accepts, so a link (or
// a screenshot tool) reproduces the page exactly. One schema, read by the layout and by any
// feature that draws differently in render mode (charts mount and draw at once, no hover).
//   render=1              render mode: everything drawn, nothing interactive-only; for reports
//   theme=light|dark|auto colour scheme; auto follows the viewer's system (render mode: light)
//   tz=<IANA zone>        time zone for every shown time (render mode: UTC)
//   embed=true            without Runlens's own header (iframes in portals)
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import * as z from 'zod/mini';
import { booleanParam, parseSearchParams } from '@/lib/search-params.ts';

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const viewOptionsSchema = z.object({
  render: z._default(booleanParam(false), false),
  embed: z._default(booleanParam(false), false),
  theme: z._default(z.catch(z.enum(['light', 'dark', 'auto']), 'auto'), 'auto'),
  tz: z.catch(z.optional(z.string().check(z.refine(isTimeZone))), undefined),
});

export interface ViewOptions {
  render: boolean;
  embed: boolean;
  /** Resolved: render mode without a theme is light. */
  theme: 'light' | 'dark' | 'auto';
  /** Resolved IANA zone, or undefined for the viewer's own; render mode without tz is UTC. */
  timeZone: string | undefined;
}

export function resolveViewOptions(params: URLSearchParams): ViewOptions {
  const raw = parseSearchParams(viewOptionsSchema, params);
  const explicitTheme = params.has('theme') && raw.theme !== 'auto';
  return {
    render: raw.render,
    embed: raw.embed,
    theme: raw.render && !explicitTheme ? 'light' : raw.theme,
    timeZone: raw.tz ?? (raw.render ? 'UTC' : undefined),
  };
}

/** The page's view options, from its URL. */
export function useViewOptions(): ViewOptions {
  const [params] = useSearchParams();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- key stands for params
  return useMemo(() => resolveViewOptions(params), [key]);
}

/** The view-option parameters of a URL, to carry onto the links a page makes (embed, render). */
export const VIEW_OPTION_KEYS = ['render', 'embed', 'theme', 'tz'] as const;
