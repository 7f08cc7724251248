// Page object for an experiment's Models tab: the LoggedModels table, its search and sorting.
import type { Locator, Page } from '@playwright/test';
import { paths } from '../../src/config/paths.ts';
import { waitUntilReady } from '../fixtures.ts';

export class LoggedModelsPage {
  readonly tabs: Locator;
  readonly panel: Locator;
  readonly table: Locator;
  readonly search: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.tabs = page.getByRole('navigation', { name: 'Experiment sections' });
    this.panel = page.getByRole('region', { name: 'Models' });
    this.table = this.panel.getByRole('table');
    this.search = this.panel.getByRole('searchbox', { name: 'Search models' });
    this.status = this.panel.getByRole('status');
  }

  async goto(experimentId: string, search = ''): Promise<void> {
    await this.page.goto(`${paths.experimentModels.getHref(experimentId)}${search}`);
    await waitUntilReady(this.page);
  }

  /** Each model row as [name, model id, source run], in display order. */
  async rows(): Promise<[string, string, string][]> {
    const rows = this.table.locator('tbody tr');
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll(':scope > th, :scope > td')).map((cell) => (cell as HTMLElement).innerText.trim())),
    );
    return cells.map((row) => [row[0] ?? '', row[1] ?? '', row[2] ?? '']);
  }

  async names(): Promise<string[]> {
    return (await this.rows()).map(([name]) => name);
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await this.search.press('Enter');
    await waitUntilReady(this.page);
  }

  async sortBy(column: string): Promise<void> {
    await this.table.getByRole('columnheader', { name: column, exact: true }).getByRole('button').click();
    await waitUntilReady(this.page);
  }
}
