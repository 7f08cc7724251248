// Renders a Runlens view to PNG or PDF in headless Chromium, the way `runlens shot`, `runlens
// report` and the /render/*.png image links all do it: the view in render mode (every chart
// drawn, nothing interactive-only), captured once the page's ready signal
// (<html data-runlens-state="ready" data-runlens-errors="N">) says it has finished.
import { chromium, errors as playwrightErrors, type Browser, type Page } from 'playwright-core';
import { findChromium, HEADLESS_CHROMIUM_ARGS } from './chromium.ts';
import { RenderError } from './render-error.ts';
import { ERROR_COUNT_ATTRIBUTE, READY_STATE_ATTRIBUTE } from '../../contract/runlens-http.ts';

export interface RenderOptions {
  /** CSS pixels of the viewport (and of the PNG, times scale). */
  width: number;
  height: number;
  /** Device pixel ratio: 2 gives a PNG of twice the width and height. */
  scale: number;
  /** The whole scrollable page instead of the viewport (PNG), or no page height limit (PDF). */
  fullPage: boolean;
  format: 'png' | 'pdf';
  /** For everything: opening, loading, drawing and capturing. */
  timeoutMs: number;
  /** Capture a view that ends in an error instead of failing. */
  allowErrors?: boolean;
  /** Passed to the view as its theme= / tz= parameters (render mode's defaults: light, UTC). */
  theme?: string | undefined;
  tz?: string | undefined;
}

// Its own module, so the server can tell render failures apart without loading Playwright.
export { RenderError, type RenderFailure } from './render-error.ts';

export interface Renderer {
  render(url: string, options: RenderOptions): Promise<Buffer>;
  close(): Promise<void>;
}

/** Renders also hide scrollbars and font hinting, so an image does not depend on the machine. */
export const CHROMIUM_ARGS = [...HEADLESS_CHROMIUM_ARGS, '--hide-scrollbars', '--font-render-hinting=none'];

/** The view's URL in render mode, keeping its own parameters. */
export function renderModeUrl(url: string, options: Pick<RenderOptions, 'theme' | 'tz'> = {}): string {
  const target = new URL(url);
  target.searchParams.set('render', '1');
  if (options.theme) target.searchParams.set('theme', options.theme);
  if (options.tz) target.searchParams.set('tz', options.tz);
  return target.toString();
}

/**
 * Chromium's own processes keep caches (fonts, compiled code, the GPU-less raster pool) that
 * grow over hundreds of renders even with every context closed; a fresh browser after this many
 * renders keeps a long-running `serve --render` level instead of drifting up.
 */
export const RENDERS_PER_BROWSER = 50;

/**
 * Starts one Chromium process for many renders; each render gets a fresh browser context (no
 * cache, storage or cookies shared between renders). A browser that crashed is started again on
 * the next render, and one that has served RENDERS_PER_BROWSER renders is replaced once idle.
 */
export async function openRenderer(options: { browserPath?: string | undefined; rendersPerBrowser?: number } = {}): Promise<Renderer> {
  const executablePath = findChromium(options.browserPath);
  const rendersPerBrowser = options.rendersPerBrowser ?? RENDERS_PER_BROWSER;
  const launch = () => chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  let browser: Promise<Browser> = launch();
  await browser;
  let closed = false;
  let served = 0;
  let inFlight = 0;

  const connectedBrowser = async (): Promise<Browser> => {
    const current = await browser;
    if (current.isConnected()) return current;
    browser = launch();
    return browser;
  };

  const recycleWhenIdle = () => {
    if (closed || inFlight > 0 || served < rendersPerBrowser) return;
    served = 0;
    const old = browser;
    browser = launch();
    void old.then((b) => b.close()).catch(() => undefined);
  };

  return {
    async render(url, renderOptions) {
      if (closed) throw new Error('renderer is closed');
      const current = await connectedBrowser();
      inFlight++;
      try {
        return await renderWith(current, url, renderOptions);
      } finally {
        inFlight--;
        served++;
        recycleWhenIdle();
      }
    },
    async close() {
      closed = true;
      await (await browser).close();
    },
  };
}

async function renderWith(browser: Browser, url: string, options: RenderOptions): Promise<Buffer> {
  const deadline = Date.now() + options.timeoutMs;
  const remaining = () => Math.max(1, deadline - Date.now());
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height },
    deviceScaleFactor: options.scale,
    locale: 'en-US',
    timezoneId: options.tz ?? 'UTC',
    colorScheme: options.theme === 'dark' ? 'dark' : 'light',
    reducedMotion: 'reduce',
  });
  try {
    const page = await context.newPage();
    const scriptErrors: string[] = [];
    page.on('pageerror', (err) => scriptErrors.push(err.message));
    try {
      await page.goto(renderModeUrl(url, options), { waitUntil: 'domcontentloaded', timeout: remaining() });
    } catch (err) {
      throw new RenderError(`cannot open ${url}: ${firstLine(err)}`, 'unreachable');
    }
    try {
      await page.waitForSelector(`html[${READY_STATE_ATTRIBUTE}="ready"]`, { state: 'attached', timeout: remaining() });
    } catch (err) {
      if (!(err instanceof playwrightErrors.TimeoutError)) throw err;
      throw new RenderError(await describePending(page, options.timeoutMs, scriptErrors), 'timeout');
    }
    const errorCount = Number((await page.getAttribute('html', ERROR_COUNT_ATTRIBUTE)) ?? '0');
    if (errorCount > 0 && !options.allowErrors) {
      const message = (await pageErrorMessage(page)) ?? `${errorCount} part(s) of the view failed to load`;
      throw new RenderError(`the view shows an error: ${message}`, 'page-error');
    }
    if (options.format === 'pdf') {
      return await page.pdf({
        printBackground: true,
        width: `${options.width}px`,
        ...(options.fullPage ? {} : { height: `${options.height}px` }),
      });
    }
    return await page.screenshot({
      type: 'png',
      fullPage: options.fullPage,
      animations: 'disabled',
      caret: 'hide',
      timeout: remaining(),
    });
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** The page's own words for its first error: the alert's heading and message. */
async function pageErrorMessage(page: Page): Promise<string | undefined> {
  const alert = page.locator('[role=alert]').first();
  if ((await alert.count()) === 0) return undefined;
  const heading = alert.locator('h1, h2, h3, h4, h5, h6').first();
  const parts =
    (await heading.count()) > 0
      ? [
          await heading.textContent(),
          await alert
            .locator('p')
            .first()
            .textContent()
            .catch(() => null),
        ]
      : [await alert.textContent()];
  const text = parts
    .map((part) => (part ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(': ');
  return text || undefined;
}

/** What a view that never became ready was still doing, from what it shows. */
async function describePending(page: Page, timeoutMs: number, scriptErrors: string[]): Promise<string> {
  const state = (await page.getAttribute('html', READY_STATE_ATTRIBUTE).catch(() => null)) ?? 'no ready signal';
  const statuses = (
    await page
      .locator('[role=status]')
      .allTextContents()
      .catch(() => [])
  )
    .map((text) => text.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const still = statuses.length > 0 ? `still loading: ${statuses.map((s) => `"${s}"`).join(', ')}` : `state: ${state}`;
  const script = scriptErrors[0] ? `; script error: ${scriptErrors[0]}` : '';
  return `timed out after ${Math.round(timeoutMs / 1000)} s waiting for the view to finish (${still}${script})`;
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}
