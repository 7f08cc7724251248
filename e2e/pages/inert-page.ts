// Checks that hostile data on a page stayed data: nothing a payload would build exists, no
// link leads to a script scheme, and the canary `window.__pwned` (set by every payload of the
// hostile scenario if it ever runs) is unset.
import type { Locator, Page } from '@playwright/test';
import { expect, waitUntilReady } from '../fixtures.ts';

interface Findings {
  canary: unknown;
  handlerAttributes: string[];
  payloadScripts: number;
  unsafeLinks: string[];
}

/** Waits for the ready signal, then asserts nothing ran and nothing was reported. */
export async function expectInert(page: Page, problems: readonly string[]): Promise<void> {
  await waitUntilReady(page);
  const findings = await page.evaluate((): Findings => {
    const handlerAttributes: string[] = [];
    for (const element of Array.from(document.querySelectorAll('*'))) {
      // React never writes inline handlers: any on* attribute came from data.
      for (const name of element.getAttributeNames()) if (name.startsWith('on')) handlerAttributes.push(`<${element.localName} ${name}>`);
    }
    const payloadScripts = Array.from(document.querySelectorAll('script')).filter((s) => s.textContent?.includes('__pwned')).length;
    const unsafeLinks = Array.from(document.querySelectorAll<HTMLAnchorElement | HTMLAreaElement>('a[href], area[href]'))
      .filter((a) => a.protocol !== 'http:' && a.protocol !== 'https:' && a.protocol !== 'blob:')
      .map((a) => a.getAttribute('href') ?? '');
    return { canary: (window as unknown as { __pwned?: unknown }).__pwned, handlerAttributes, payloadScripts, unsafeLinks };
  });
  expect(findings).toEqual({ canary: undefined, handlerAttributes: [], payloadScripts: 0, unsafeLinks: [] });
  expect([...problems]).toEqual([]);
}

/** Hovers the middle of a chart's plot and returns the readout's rows (series name, x, y). */
export async function hoverReadout(page: Page, chartFigure: Locator): Promise<{ name: string; x: string; y: string }[]> {
  const plot = chartFigure.locator('.metric-chart');
  await plot.scrollIntoViewIfNeeded();
  const box = await plot.boundingBox();
  if (!box) throw new Error('the chart is not drawn');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const rows = chartFigure.locator('.metric-chart__readout-row');
  await rows.first().waitFor();
  return rows.evaluateAll((elements) =>
    elements.map((row) => ({
      name: row.querySelector('.metric-chart__readout-name')?.textContent ?? '',
      x: row.querySelector('.metric-chart__readout-x')?.textContent ?? '',
      y: row.querySelector('strong')?.textContent ?? '',
    })),
  );
}
