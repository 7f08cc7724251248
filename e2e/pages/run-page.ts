// Page object for a run page and its metric charts.
import type { Locator, Page } from '@playwright/test';
import { paths } from '../../src/config/paths.ts';
import { waitUntilReady } from '../fixtures.ts';

export class RunPageObject {
  constructor(readonly page: Page) {}

  async goto(experimentId: string, runId: string, tab: '' | '/metrics' = '', search = ''): Promise<void> {
    const href = tab === '/metrics' ? paths.runMetrics.getHref(experimentId, runId) : paths.run.getHref(experimentId, runId);
    await this.page.goto(`${href}${search}`);
    await waitUntilReady(this.page);
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  section(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  chart(metricKey: string): Locator {
    return this.page.getByRole('figure', { name: `Chart of ${metricKey}` });
  }

  /** Scrolls a chart into view (off-screen charts are not drawn) and waits for it to be drawn. */
  async drawnChart(metricKey: string): Promise<Locator> {
    const chart = this.chart(metricKey);
    await chart.scrollIntoViewIfNeeded();
    await chart.locator('svg.recharts-surface').waitFor();
    await waitUntilReady(this.page);
    return chart;
  }

  /** The y-axis tick labels of a chart, as numbers. */
  async yTicks(chart: Locator): Promise<number[]> {
    // recharts 3 draws tick labels in their own layer, marked with the axis orientation.
    const texts = await chart.locator('text.recharts-cartesian-axis-tick-value[orientation="left"]').allTextContents();
    return texts.map((t) => Number(t.replace(/,/g, '').replace('−', '-')));
  }

  async linePath(chart: Locator): Promise<string> {
    return (await chart.locator('path.recharts-line-curve').first().getAttribute('d')) ?? '';
  }
}
