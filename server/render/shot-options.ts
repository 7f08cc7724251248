// `runlens shot`'s flags, resolved and checked before any browser or server starts.
import { OptionsError } from '../options-error.ts';

export interface RawShotInput {
  target?: string | undefined;
  output?: string | undefined;
  width?: string | undefined;
  height?: string | undefined;
  scale?: string | undefined;
  fullPage?: boolean | undefined;
  theme?: string | undefined;
  tz?: string | undefined;
  timeout?: string | undefined;
  allowErrors?: boolean | undefined;
  browser?: string | undefined;
  trackingUri?: string | undefined;
  url?: string | undefined;
}

/** Where the view comes from: a running Runlens, or one `shot` serves itself for the duration. */
export type ShotSource = { kind: 'url'; url: string } | { kind: 'serve'; path: string; trackingUri: string };

export interface ShotOptions {
  source: ShotSource;
  output: string;
  format: 'png' | 'pdf';
  width: number;
  height: number;
  scale: number;
  fullPage: boolean;
  theme: 'light' | 'dark' | undefined;
  tz: string | undefined;
  timeoutMs: number;
  allowErrors: boolean;
  browser: string | undefined;
}

export const SHOT_DEFAULTS = { width: 1280, height: 800, scale: 1, timeoutS: 60 } as const;

export function resolveShotOptions(input: RawShotInput, env: Record<string, string | undefined>): ShotOptions {
  if (!input.target)
    throw new OptionsError('give the view to capture: a URL, or a path such as /compare?runs=… with --tracking-uri or --url');
  if (!input.output) throw new OptionsError('give the output file with -o out.png or -o out.pdf');
  const format = /\.pdf$/i.test(input.output) ? 'pdf' : /\.png$/i.test(input.output) ? 'png' : undefined;
  if (!format) throw new OptionsError(`-o must name a .png or .pdf file, got "${input.output}"`);
  return {
    source: resolveSource(input.target, input, env),
    output: input.output,
    format,
    width: parseNumber('--width', input.width, SHOT_DEFAULTS.width, { min: 16, max: 8192, integer: true }),
    height: parseNumber('--height', input.height, SHOT_DEFAULTS.height, { min: 16, max: 8192, integer: true }),
    scale: parseNumber('--scale', input.scale, SHOT_DEFAULTS.scale, { min: 0.25, max: 4 }),
    fullPage: input.fullPage ?? false,
    theme: parseTheme(input.theme),
    tz: parseTimeZone(input.tz),
    timeoutMs: parseNumber('--timeout', input.timeout, SHOT_DEFAULTS.timeoutS, { min: 1, max: 3600 }) * 1000,
    allowErrors: input.allowErrors ?? false,
    browser: input.browser,
  };
}

function resolveSource(target: string, input: RawShotInput, env: Record<string, string | undefined>): ShotSource {
  if (/^https?:\/\//i.test(target)) {
    if (input.url || input.trackingUri) throw new OptionsError('a full URL is used as it is: drop --url / --tracking-uri, or give a path');
    return { kind: 'url', url: parseHttpUrl('the view URL', target).toString() };
  }
  if (!target.startsWith('/')) throw new OptionsError(`give a full http(s) URL or a path starting with "/", got "${target}"`);
  if (input.url) {
    if (input.trackingUri)
      throw new OptionsError('give either --url (a running Runlens) or --tracking-uri (shot serves Runlens itself), not both');
    const base = parseHttpUrl('--url', input.url);
    return { kind: 'url', url: `${base.origin}${base.pathname.replace(/\/$/, '')}${target}` };
  }
  const trackingUri = input.trackingUri ?? env.MLFLOW_TRACKING_URI;
  if (!trackingUri)
    throw new OptionsError(`a path needs --url <a running Runlens> or --tracking-uri <tracking server>, got only "${target}"`);
  return { kind: 'serve', path: target, trackingUri };
}

function parseHttpUrl(what: string, raw: string): URL {
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // Reported below.
  }
  throw new OptionsError(`${what} must be an http(s) URL, got "${raw}"`);
}

function parseNumber(
  flag: string,
  raw: string | undefined,
  fallback: number,
  bounds: { min: number; max: number; integer?: boolean },
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (
    raw.trim() === '' ||
    !Number.isFinite(value) ||
    value < bounds.min ||
    value > bounds.max ||
    (bounds.integer && !Number.isInteger(value))
  ) {
    throw new OptionsError(
      `${flag} must be ${bounds.integer ? 'an integer' : 'a number'} between ${bounds.min} and ${bounds.max}, got "${raw}"`,
    );
  }
  return value;
}

function parseTheme(raw: string | undefined): 'light' | 'dark' | undefined {
  if (raw === undefined || raw === 'light' || raw === 'dark') return raw;
  throw new OptionsError(`--theme must be light or dark, got "${raw}"`);
}

function parseTimeZone(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: raw });
    return raw;
  } catch {
    throw new OptionsError(`--tz must be an IANA time zone such as UTC or Europe/Berlin, got "${raw}"`);
  }
}
