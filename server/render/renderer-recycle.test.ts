// The renderer replaces its Chromium after a number of renders, once idle, so a long-running
// `serve --render` levels off in memory. Playwright's launch is replaced by fake browsers here;
// the real one is measured by `npm run bench -- --only render` (memory every 10 renders).
import { afterEach, describe, expect, it, vi } from 'vitest';

const launched: { close: ReturnType<typeof vi.fn> }[] = [];

vi.mock('playwright-core', () => ({
  errors: { TimeoutError: class extends Error {} },
  chromium: {
    launch: vi.fn(async () => {
      const browser = {
        isConnected: () => true,
        // Every render fails at once: what is counted is renders, not what they drew.
        newContext: () => Promise.reject(new Error('no pages in this test')),
        close: vi.fn(async () => undefined),
      };
      launched.push(browser);
      return browser;
    }),
  },
}));

const { openRenderer } = await import('./renderer.ts');

const options = { width: 100, height: 100, scale: 1, fullPage: false, format: 'png' as const, timeoutMs: 1_000 };

afterEach(() => {
  launched.length = 0;
});

describe('openRenderer', () => {
  it('starts a fresh Chromium after rendersPerBrowser renders and closes the old one', async () => {
    const renderer = await openRenderer({ browserPath: process.execPath, rendersPerBrowser: 2 });
    for (let i = 0; i < 5; i++) await expect(renderer.render('http://127.0.0.1:1/', options)).rejects.toThrow();
    // 5 renders at 2 per browser: the first, then a new one after the 2nd and after the 4th.
    expect(launched).toHaveLength(3);
    await vi.waitFor(() => expect(launched[0]?.close).toHaveBeenCalledTimes(1));
    expect(launched[1]?.close).toHaveBeenCalledTimes(1);
    expect(launched[2]?.close).not.toHaveBeenCalled();
    await renderer.close();
    expect(launched[2]?.close).toHaveBeenCalledTimes(1);
  });
});
