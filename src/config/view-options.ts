// How a page is shown rather than what it shows: URL parameters any view accepts, so a link (or
// a screenshot tool) reproduces the page exactly. One schema, read by the layout and by any
// feature that draws differently in render mode (charts mount and draw at once, no hover).
//   render=1              render mode: everything drawn, nothing interactive-only; for reports
//   theme=light|dark|auto colour scheme; auto follows the viewer's system (render mode: light)
//   tz=<IANA zone>        time zone for every shown time (render mode: UTC)
//   embed=true            without Runlens's own header (iframes in portals); the view options
//                         below travel with every in-app link (carryViewOptions)
//   embedLinks=frame|new|top|none  where a link inside an embed opens: in the frame (default),
//                         a new tab or the portal's whole window (both as a normal page), or
//                         nowhere (links are inert)
//   controls=0            the view's interactive controls hidden, in any mode
//   background=transparent  no page background: the portal's shows through
//   frameId=<id>          names the frame in its postMessages (docs/embed-protocol.md)
//   scope=…&sig=…         a signed embed link's scope (docs/embed-scopes.md), sent with every request
//   refresh=<seconds>|off how often a view showing a RUNNING run asks for news (default 5;
//                         render mode: off, a report is one moment)
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import * as z from 'zod/mini';
import { booleanParam, enumParam, parseSearchParams } from '@/lib/search-params.ts';
import { THEMES } from './theme-preference.ts';

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
  theme: enumParam(THEMES, 'auto'),
  tz: z.catch(z.optional(z.string().check(z.refine(isTimeZone))), undefined),
  embedLinks: enumParam(['frame', 'new', 'top', 'none'], 'frame'),
  controls: z._default(booleanParam(true), true),
  background: enumParam(['page', 'transparent'], 'page'),
  frameId: z.catch(z.optional(z.string().check(z.regex(/^[\w.:-]{1,100}$/))), undefined),
  refresh: z.catch(z.optional(z.string()), undefined),
});

/** Live refresh's default period: a training step's news within seconds, without hammering the server. */
export const DEFAULT_REFRESH_MS = 5_000;

/** `refresh=` as milliseconds between polls, or false: "off", or render mode without an explicit period. */
export function parseRefresh(value: string | undefined, render: boolean): number | false {
  if (value === undefined || value === '') return render ? false : DEFAULT_REFRESH_MS;
  if (value === 'off' || value === '0') return false;
  const seconds = Number(value.replace(/s$/, ''));
  // A typo falls back to the default rather than to polling as fast as the browser can.
  if (!Number.isFinite(seconds) || seconds <= 0) return render ? false : DEFAULT_REFRESH_MS;
  return render ? false : Math.round(Math.min(Math.max(seconds, 1), 3600) * 1000);
}

export interface ViewOptions {
  render: boolean;
  embed: boolean;
  /** Resolved: render mode without a theme is light. */
  theme: 'light' | 'dark' | 'auto';
  /** Resolved IANA zone, or undefined for the viewer's own; render mode without tz is UTC. */
  timeZone: string | undefined;
  embedLinks: 'frame' | 'new' | 'top' | 'none';
  /** The view's interactive controls shown (controls=0 hides them; render mode always does). */
  controls: boolean;
  transparent: boolean;
  frameId: string | undefined;
  /** Milliseconds between polls while a shown run is RUNNING, or false (off; always in render mode). */
  refreshMs: number | false;
}

export function resolveViewOptions(params: URLSearchParams): ViewOptions {
  const raw = parseSearchParams(viewOptionsSchema, params);
  const explicitTheme = params.has('theme') && raw.theme !== 'auto';
  return {
    render: raw.render,
    embed: raw.embed,
    theme: raw.render && !explicitTheme ? 'light' : raw.theme,
    timeZone: raw.tz ?? (raw.render ? 'UTC' : undefined),
    embedLinks: raw.embedLinks,
    controls: raw.controls && !raw.render,
    transparent: raw.background === 'transparent',
    frameId: raw.frameId,
    refreshMs: parseRefresh(raw.refresh, raw.render),
  };
}

/** The page's view options, from its URL. */
export function useViewOptions(): ViewOptions {
  const [params] = useSearchParams();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- key stands for params
  return useMemo(() => resolveViewOptions(params), [key]);
}

/** The view-option parameters of a URL: how the page is shown, whatever view it shows. */
// `scope` and `sig` are a signed embed link's (`runlens sign`): every page it reaches needs them.
export const VIEW_OPTION_KEYS = [
  'render',
  'embed',
  'theme',
  'tz',
  'embedLinks',
  'controls',
  'background',
  'frameId',
  'scope',
  'sig',
  'refresh',
] as const;

/**
 * A navigation target with the current page's view options added where the target names none:
 * inside an embed, every in-app link and navigation stays an embed (same theme, same frame).
 * Used by the router for every navigation (app/router.tsx), so no link can forget it.
 */
export function carryViewOptions(to: string, currentSearch: string): string {
  const current = new URLSearchParams(currentSearch);
  if (!VIEW_OPTION_KEYS.some((key) => current.has(key))) return to;
  const hashAt = to.indexOf('#');
  const hash = hashAt < 0 ? '' : to.slice(hashAt);
  const beforeHash = hashAt < 0 ? to : to.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  const path = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  const target = new URLSearchParams(queryAt < 0 ? '' : beforeHash.slice(queryAt + 1));
  for (const key of VIEW_OPTION_KEYS) {
    const value = current.get(key);
    if (value !== null && !target.has(key)) target.set(key, value);
  }
  const query = target.toString();
  return `${path}${query ? `?${query}` : ''}${hash}`;
}

/** The page's URL as a normal page: the embed's own options dropped (what "open in Runlens" opens). */
export function withoutEmbedOptions(href: string): string {
  const url = new URL(href, 'http://runlens.invalid');
  for (const key of ['embed', 'embedLinks', 'controls', 'background', 'frameId'] as const) url.searchParams.delete(key);
  const query = url.searchParams.toString();
  return `${url.pathname}${query ? `?${query}` : ''}${url.hash}`;
}
