// Render mode (render=1), the truthful ready signal and print CSS, against the real server: a
// compare view of 3 runs × 31 metrics, far more chart cards than one screen holds.
import { expect, test } from './fixtures.ts';
import type { Manifest } from './harness/populate.ts';
import type { Page } from '@playwright/test';

const VIEWPORT = { width: 1280, height: 800 };
/** The 30 five-step metrics and the 50-step curve of the report-metrics scenario. */
const CARDS = 31;

function compareUrl(manifest: Manifest, extra = ''): string {
  const report = Object.values(manifest).find((s) => s.experiment_name === 'report-metrics')!;
  const runs = report.runs as Record<string, string>;
  return `/compare?runs=${[runs.report_a, runs.report_b, runs.report_c].join(',')}${extra}`;
}

interface CardState {
  key: string;
  onScreen: boolean;
  drawn: boolean;
  marks: number;
  placeholder: boolean;
}

/**
 * The page's state and every chart card's, read inside one animation frame: what the frame about
 * to be painted shows, after the scroll events of that frame have run.
 */
function sample(page: Page): Promise<{ state: string | undefined; cards: CardState[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        requestAnimationFrame(() => {
          const cards = Array.from(document.querySelectorAll<HTMLElement>('figure.chart-card')).map((card) => {
            const box = card.getBoundingClientRect();
            // Plotted marks: a line, its dots, or the min/max envelope.
            const marks = card.querySelectorAll('svg .recharts-line-curve, svg .recharts-line-dot, svg .recharts-area-area').length;
            const settled = card.querySelector('.chart-card__empty, .error-state') !== null;
            return {
              key: card.querySelector('.chart-card__title')?.textContent ?? card.getAttribute('aria-label') ?? '?',
              onScreen: box.bottom > 0 && box.top < window.innerHeight && box.height > 0,
              drawn: marks > 0 || settled,
              marks,
              placeholder: card.querySelector('.chart-card__placeholder') !== null || /loading…/.test(card.textContent ?? ''),
            };
          });
          resolve({ state: document.documentElement.dataset.runlensState, cards });
        });
      }),
  );
}

test.use({ viewport: VIEWPORT });

test('render mode: when the page says ready, every chart card on the whole page is drawn and the controls are hidden', async ({
  page,
  manifest,
}) => {
  await page.goto(compareUrl(manifest, '&render=1'));
  await expect(page.locator('html')).toHaveAttribute('data-runlens-state', 'ready', { timeout: 60_000 });
  await expect(page.locator('html')).toHaveClass(/runlens-render/);

  const { cards } = await sample(page);
  expect(cards).toHaveLength(CARDS);
  // Most of the cards lie below the first screen: the test is about those.
  expect(cards.filter((card) => !card.onScreen).length).toBeGreaterThan(CARDS / 2);
  for (const card of cards) {
    expect(card.placeholder, `${card.key} shows a placeholder`).toBe(false);
    // Three runs: each metric has a line per run.
    expect(card.marks, `${card.key} has its plotted marks`).toBeGreaterThanOrEqual(3);
  }
  const charts = page.getByRole('figure');
  await expect(charts.filter({ hasText: 'm_29' }).locator('.recharts-line-curve')).toHaveCount(3);
  await expect(charts.filter({ hasText: 'curve' }).locator('.recharts-line-curve')).toHaveCount(3);
  await expect(page.getByText('loading…')).toHaveCount(0);

  // Interactive-only controls are not in the picture.
  // (includeHidden: they are in the page, not shown, so the checks below are not vacuous.)
  const settings = page.getByRole('group', { name: 'Chart settings', includeHidden: true });
  await expect(settings).toHaveCount(1);
  await expect(settings).toBeHidden();
  for (const name of ['PNG', 'SVG', 'CSV', 'Show data as table']) {
    const buttons = page.getByRole('button', { name, includeHidden: true });
    await expect(buttons).toHaveCount(CARDS);
    await expect(buttons.first()).toBeHidden();
    await expect(buttons.last()).toBeHidden();
  }
  // No hover state: the pointer over a chart shows no readout.
  const plot = await page.locator('.metric-chart').first().boundingBox();
  await page.mouse.move(plot!.x + plot!.width / 2, plot!.y + plot!.height / 2);
  await page.waitForTimeout(100);
  await expect(page.locator('.metric-chart__readout')).toHaveCount(0);
  // Without animation, nothing moves between two looks at the page.
  const path = await page.locator('path.recharts-line-curve').first().getAttribute('d');
  await page.waitForTimeout(300);
  expect(await page.locator('path.recharts-line-curve').first().getAttribute('d')).toBe(path);
});

test('interactive mode: scrolling down, the page never says ready while a chart on screen is a placeholder', async ({ page, manifest }) => {
  await page.goto(compareUrl(manifest));
  await expect(page.locator('html')).toHaveAttribute('data-runlens-state', 'ready', { timeout: 60_000 });
  const first = await sample(page);
  // Lazy as before: cards far below the screen are not mounted yet.
  expect(first.cards.filter((card) => !card.onScreen && card.placeholder).length).toBeGreaterThan(0);

  const violations: string[] = [];
  let readySamples = 0;
  let placeholdersSeenOnScreen = 0;
  const look = async () => {
    const { state, cards } = await sample(page);
    const blank = cards.filter((card) => card.onScreen && !card.drawn);
    placeholdersSeenOnScreen += blank.length;
    if (state === 'ready') {
      readySamples++;
      if (blank.length > 0) violations.push(`ready with ${blank.map((card) => card.key).join(', ')} not drawn on screen`);
    }
  };

  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += VIEWPORT.height / 2) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    for (let i = 0; i < 6; i++) await look();
  }
  // At the bottom, the page settles: ready, with the last cards drawn.
  await expect(page.locator('html')).toHaveAttribute('data-runlens-state', 'ready', { timeout: 30_000 });
  await look();
  const last = await sample(page);
  expect(last.cards.filter((card) => card.onScreen).every((card) => card.drawn)).toBe(true);

  expect(violations).toEqual([]);
  expect(readySamples).toBeGreaterThan(0);
  // Scrolling did bring placeholders on screen, so the samples above tested something.
  expect(placeholdersSeenOnScreen).toBeGreaterThan(0);
});

test('print: no app header and no controls, charts at full width, no card split across pages', async ({ page, manifest }) => {
  await page.emulateMedia({ media: 'print' });
  await page.goto(compareUrl(manifest));
  await expect(page.locator('html')).toHaveAttribute('data-runlens-state', 'ready', { timeout: 60_000 });
  await expect(page.getByRole('link', { name: 'Runlens' })).toBeHidden();
  const banner = page.getByRole('banner', { includeHidden: true });
  await expect(banner).toHaveCount(1);
  await expect(banner).toBeHidden();
  await expect(page.getByRole('group', { name: 'Chart settings', includeHidden: true })).toBeHidden();
  await expect(page.getByRole('button', { name: 'PNG', includeHidden: true }).first()).toBeHidden();
  await expect(page.getByRole('button', { name: 'Show data as table', includeHidden: true }).first()).toBeHidden();

  const cards = page.locator('figure.chart-card');
  const grid = await page.locator('.chart-grid').first().boundingBox();
  const card = await cards.first().boundingBox();
  const second = await cards.nth(1).boundingBox();
  // One card per row, as wide as the grid.
  expect(card!.width).toBeCloseTo(grid!.width, 0);
  expect(second!.y).toBeGreaterThan(card!.y + card!.height - 1);
  expect(await cards.first().evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');

  // Back on screen, the same page has its header and controls.
  await page.emulateMedia({ media: 'screen' });
  await expect(banner).toBeVisible();
  await expect(page.getByRole('group', { name: 'Chart settings' })).toBeVisible();
});
