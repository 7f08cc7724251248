// Embeds against the real server and a real portal: a second HTTP server on another loopback
// origin serves a page that frames a compare view with Runlens's own runlens-embed.js. Runlens
// runs with and without that origin in --frame-ancestors.
import type { Frame, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import type { Manifest } from './harness/populate.ts';
import { startPortal, type Portal } from './harness/portal.ts';
import { startRunlens, type RunlensServer } from './harness/runlens-server.ts';

const scenario = (manifest: Manifest, name: string) => Object.values(manifest).find((s) => s.experiment_name === name)!;

function compareSrc(runlens: RunlensServer, manifest: Manifest, extra = ''): string {
  const max = scenario(manifest, 'compare_max_depth');
  const runs = max.runs as Record<string, string>;
  return `${runlens.url}/compare?runs=${runs.max_depth_2},${runs.max_depth_8}&embed=true&frameId=cmp${extra}`;
}

async function runlensFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().length).toBeGreaterThan(1);
  return page.frames().find((f) => f !== page.mainFrame())!;
}

test.describe('a portal on another origin, listed in --frame-ancestors', () => {
  let portal: Portal;
  let runlens: RunlensServer;

  test.beforeAll(async ({ mlflowUrl }) => {
    portal = await startPortal();
    runlens = await startRunlens(mlflowUrl, { args: ['--frame-ancestors', portal.origin] });
  });
  test.afterAll(async () => {
    await runlens?.stop();
    await portal?.close();
  });

  test('frames the compare view without the header, sizes the frame from its height message, and theme and highlight messages change the view', async ({
    page,
    manifest,
  }) => {
    portal.frame(compareSrc(runlens, manifest), { runlensOrigin: runlens.url, height: 150 });
    await page.goto(portal.origin);
    const frame = page.frameLocator('#runlens');
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Comparing 2 runs');
    await expect(frame.getByRole('banner')).toHaveCount(0);

    // The frame said it is ready and how tall it is; runlens-embed.js sized the iframe to it.
    await expect.poll(() => page.evaluate(() => (window as unknown as { __readyEvents?: number }).__readyEvents ?? 0)).toBeGreaterThan(0);
    const heights = async () =>
      page.evaluate(() =>
        (
          window as unknown as { __messages: { origin: string; data: { type?: string; height?: number; frameId?: string } }[] }
        ).__messages.filter((m) => m.data.type === 'height'),
      );
    await expect.poll(async () => (await heights()).length).toBeGreaterThan(0);
    const last = (await heights()).at(-1)!;
    expect(last.origin).toBe(runlens.url);
    expect(last.data.frameId).toBe('cmp');
    expect(last.data.height).toBeGreaterThan(300);
    await expect
      .poll(async () => Math.round((await page.locator('#runlens').boundingBox())!.height))
      .toBe((await heights()).at(-1)!.data.height);

    await page.evaluate(() =>
      (window as unknown as { RunlensEmbed: { setTheme(f: Element, t: string): void } }).RunlensEmbed.setTheme(
        document.getElementById('runlens')!,
        'dark',
      ),
    );
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');

    // The portal highlights a run: its line in the parallel coordinates is drawn thick.
    const runId = (scenario(manifest, 'compare_max_depth').runs as Record<string, string>).max_depth_8!;
    const line = frame.locator(`path.parallel-coordinates__line[data-run-id="${runId}"]`);
    await expect(line).toHaveCSS('stroke-width', /^(1|1\.5|2)px$/);
    await page.evaluate(
      (id) =>
        (window as unknown as { RunlensEmbed: { highlightRun(f: Element, r: string): void } }).RunlensEmbed.highlightRun(
          document.getElementById('runlens')!,
          id,
        ),
      runId,
    );
    await expect(line).toHaveCSS('stroke-width', '4px');
  });

  test('a click on a run name stays an embed inside the frame, and tells the portal which run', async ({ page, manifest }) => {
    portal.frame(compareSrc(runlens, manifest), { runlensOrigin: runlens.url, height: 150 });
    await page.goto(portal.origin);
    const frame = page.frameLocator('#runlens');
    await frame.getByRole('list', { name: 'Compared runs' }).getByRole('link', { name: 'max_depth=2' }).click();
    await expect(frame.getByRole('heading', { level: 1 })).toContainText('max_depth=2');
    const inner = await runlensFrame(page);
    expect(new URL(inner.url()).searchParams.get('embed')).toBe('true');
    expect(new URL(inner.url()).searchParams.get('frameId')).toBe('cmp');
    await expect(frame.getByRole('banner')).toHaveCount(0);
    // Another in-app link from there: still in embed mode.
    await frame.getByRole('navigation', { name: 'Run sections' }).getByRole('link', { name: 'Metrics' }).click();
    await expect.poll(async () => new URL((await runlensFrame(page)).url()).searchParams.get('embed')).toBe('true');
    const clicks = await page.evaluate(() =>
      (window as unknown as { __messages: { data: { type?: string; runId?: string } }[] }).__messages.filter(
        (m) => m.data.type === 'run-click',
      ),
    );
    expect(clicks.map((c) => c.data.runId)).toContain(scenario(manifest, 'compare_max_depth').runs.max_depth_2);
  });

  test('with embedLinks=new a run name opens as a normal page in a new tab, and the frame stays', async ({ page, manifest, context }) => {
    portal.frame(compareSrc(runlens, manifest, '&embedLinks=new'), { runlensOrigin: runlens.url, height: 150 });
    await page.goto(portal.origin);
    const frame = page.frameLocator('#runlens');
    const popup = context.waitForEvent('page');
    await frame.getByRole('list', { name: 'Compared runs' }).getByRole('link', { name: 'max_depth=8' }).click();
    const opened = await popup;
    await opened.waitForLoadState();
    expect(new URL(opened.url()).pathname).toMatch(/\/runs\//);
    expect(new URL(opened.url()).searchParams.has('embed')).toBe(false);
    await expect(opened.getByRole('banner')).toBeVisible();
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Comparing 2 runs');
  });
});

test('a portal not listed in --frame-ancestors: the browser refuses to show Runlens in its frame', async ({ page, manifest, baseURL }) => {
  const portal = await startPortal();
  try {
    // The suite's own Runlens lists no frame ancestors.
    const runlens = { url: baseURL! } as RunlensServer;
    portal.frame(compareSrc(runlens, manifest), { runlensOrigin: runlens.url, height: 150 });
    await page.goto(portal.origin);
    const inner = await runlensFrame(page);
    await expect.poll(() => inner.url()).toMatch(/^chrome-error:/);
    await expect(page.frameLocator('#runlens').getByRole('heading', { name: /Comparing/ })).toHaveCount(0);
  } finally {
    await portal.close();
  }
});
