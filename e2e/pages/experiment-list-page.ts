// Page object for the experiment list: what a user sees and does there, by role and label.
import type { Locator, Page } from '@playwright/test';
import { paths } from '../../src/config/paths.ts';
import { waitUntilReady } from '../fixtures.ts';

export class ExperimentListPage {
  readonly heading: Locator;
  readonly filter: Locator;
  readonly showDeleted: Locator;
  readonly table: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Experiments' });
    this.filter = page.getByRole('searchbox', { name: 'Filter experiments by name' });
    this.showDeleted = page.getByRole('checkbox', { name: 'Show deleted' });
    this.table = page.getByRole('table');
    this.status = page.getByRole('status').filter({ hasText: /experiment/ });
  }

  async goto(search = ''): Promise<void> {
    await this.page.goto(`${paths.home.path}${search}`);
    await waitUntilReady(this.page);
  }

  /** Experiment names in display order (the row header cell of each body row). */
  async names(): Promise<string[]> {
    return this.table.locator('tbody').getByRole('rowheader').getByRole('link').allInnerTexts();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The cell of an experiment's row under the column headed `column`. */
  async cell(name: string, column: string): Promise<Locator> {
    const headers = (await this.table.locator('thead th').allInnerTexts()).map((text) => text.replace(/[▲▼]/g, '').trim());
    const index = headers.indexOf(column);
    if (index < 0) throw new Error(`no column ${column} in ${headers.join(', ')}`);
    return this.row(name).locator(':scope > th, :scope > td').nth(index);
  }

  async sortBy(column: string): Promise<void> {
    await this.table.getByRole('columnheader', { name: column }).getByRole('button').click();
    await waitUntilReady(this.page);
  }
}
