// Page object for an experiment's run table.
import type { Locator, Page } from '@playwright/test';
import { waitUntilReady } from '../fixtures.ts';

export class RunTablePage {
  readonly table: Locator;
  readonly search: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('region', { name: 'Runs' }).getByRole('table');
    this.search = page.getByRole('searchbox', { name: 'Search runs' });
    this.status = page.getByRole('region', { name: 'Runs' }).getByRole('status');
  }

  async goto(experimentId: string, search = ''): Promise<void> {
    await this.page.goto(`/experiments/${encodeURIComponent(experimentId)}${search}`);
    await waitUntilReady(this.page);
  }

  /** Run names in display order (the row header of each body row). */
  async names(): Promise<string[]> {
    // The row header also holds the expander, the child count and badges.
    return this.table.locator('tbody').getByRole('rowheader').locator('.run-name__text').allInnerTexts();
  }

  row(name: string): Locator {
    return this.table.locator('tbody tr').filter({ has: this.page.locator('.run-name__text').getByText(name, { exact: true }) });
  }

  /** Text of the cell in `column` for the run called `name`. */
  async cell(name: string, column: string): Promise<string> {
    const headers = await this.table.getByRole('columnheader').allInnerTexts();
    const index = headers.findIndex((h) => h.replace(/[▲▼]/g, '').trim() === column);
    if (index < 0) throw new Error(`no column ${column} in ${headers.join(', ')}`);
    return this.row(name).locator('th, td').nth(index).innerText();
  }

  async runSearch(text: string): Promise<void> {
    await this.search.fill(text);
    await this.search.press('Enter');
    await waitUntilReady(this.page);
  }

  async sortBy(column: string): Promise<void> {
    await this.table.getByRole('columnheader', { name: column, exact: true }).getByRole('button').click();
    await waitUntilReady(this.page);
  }
}
