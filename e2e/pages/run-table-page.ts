// Page object for an experiment's run table.
import type { Locator, Page } from '@playwright/test';
import { paths } from '../../src/config/paths.ts';
import { waitUntilReady } from '../fixtures.ts';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class RunTablePage {
  readonly table: Locator;
  readonly search: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('region', { name: 'Runs' }).getByRole('treegrid');
    this.search = page.getByRole('searchbox', { name: 'Search runs' });
    this.status = page.getByRole('region', { name: 'Runs' }).getByRole('status');
  }

  async goto(experimentId: string, search = ''): Promise<void> {
    await this.page.goto(`${paths.experiment.getHref(experimentId)}${search}`);
    await waitUntilReady(this.page);
  }

  /** Run names in display order (the row header of each body row). */
  async names(): Promise<string[]> {
    // The row header also holds the expander, the child count and badges.
    return this.table.locator('tbody').getByRole('rowheader').locator('.run-name__text').allInnerTexts();
  }

  /**
   * Every run name in display order, the undrawn rows included: scrolls the table down as a user
   * would, collecting each drawn row by its aria-rowindex, until the last row has been seen.
   */
  async allNames(): Promise<string[]> {
    const scroller = this.page.locator('.run-table-scroll');
    // aria-rowcount counts the header rows (column groups, column headers) too.
    const bodyRows = Number(await this.table.getAttribute('aria-rowcount')) - (await this.table.locator('thead tr').count());
    const byIndex = new Map<number, string>();
    await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
    for (let i = 0; i < 500 && byIndex.size < bodyRows; i += 1) {
      await this.nextFrames();
      const drawn = await this.table
        .locator('tbody tr[aria-rowindex]')
        .evaluateAll((rows) =>
          rows.map((row) => [Number(row.getAttribute('aria-rowindex')), row.querySelector('.run-name__text')?.textContent ?? ''] as const),
        );
      // A row of a page still loading has no name yet: it is read on the next pass.
      for (const [index, name] of drawn) if (name !== '') byIndex.set(index, name);
      const atEnd = await scroller.evaluate((el) => {
        const before = el.scrollTop;
        el.scrollBy({ top: el.clientHeight * 0.8 });
        return el.scrollTop === before;
      });
      if (atEnd && byIndex.size < bodyRows) {
        await waitUntilReady(this.page);
        await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
      }
    }
    return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, name]) => name);
  }

  row(name: string): Locator {
    // A run's name, or a group's label when the table is grouped.
    return this.table
      .locator('tbody tr')
      .filter({ has: this.page.locator('.run-name__text, .run-name__group').getByText(name, { exact: true }) });
  }

  /** The row of column headers (the row above it names the column groups). */
  get columnHeaderRow(): Locator {
    return this.table.locator('thead tr').last();
  }

  /** The header of a column, by its visible name. */
  header(column: string): Locator {
    return this.columnHeaderRow.getByRole('columnheader', { name: column, exact: true });
  }

  /** The header of a column by its id (`params.score`, `metrics.score`): a key can name a param and a metric. */
  headerById(columnId: string): Locator {
    return this.columnHeaderRow.locator(`th[title="${columnId}"]`);
  }

  /** The drawn cells of the group row called `group` (Attributes, Parameters, Metrics, Tags). */
  groupHeaders(group: string): Locator {
    return this.table.locator('thead tr').first().getByRole('columnheader', { name: group, exact: true });
  }

  /**
   * The group cell above a drawn column, found by the grid's coordinates (its aria-colindex and
   * colspan cover the column's aria-colindex), with both cells' boxes on screen.
   */
  async groupAbove(columnId: string): Promise<{ name: string; box: Box; columnBox: Box } | undefined> {
    const column = this.headerById(columnId);
    const index = Number(await column.getAttribute('aria-colindex'));
    for (const group of await this.table.locator('thead tr').first().getByRole('columnheader').all()) {
      const first = Number(await group.getAttribute('aria-colindex'));
      const span = Number((await group.getAttribute('colspan')) ?? '1');
      if (first <= index && index < first + span) {
        return { name: (await group.innerText()).trim(), box: (await group.boundingBox())!, columnBox: (await column.boundingBox())! };
      }
    }
    return undefined;
  }

  /** Text of the cell in `column` for the run called `name` (matched by aria-colindex: columns are virtualized). */
  async cell(name: string, column: string): Promise<string> {
    await this.scrollToColumn(column);
    const index = await this.header(column).getAttribute('aria-colindex');
    if (!index) throw new Error(`no column ${column}`);
    return this.row(name).locator(`[aria-colindex="${index}"]`).innerText();
  }

  /** Scrolls the table sideways, as a user would, until the column's header is drawn. */
  async scrollToColumn(column: string): Promise<void> {
    await this.scrollUntilDrawn(this.header(column), column);
  }

  /** scrollToColumn for a column named by its id. */
  async scrollToColumnId(columnId: string): Promise<void> {
    await this.scrollUntilDrawn(this.headerById(columnId), columnId);
  }

  private async scrollUntilDrawn(header: Locator, column: string): Promise<void> {
    const scroller = this.page.locator('.run-table-scroll');
    await scroller.evaluate((el) => el.scrollTo({ left: 0 }));
    // Let the virtualizer redraw first: the previous window's headers are still in the DOM.
    await this.nextFrames();
    for (let i = 0; i < 200; i += 1) {
      if ((await header.count()) > 0) return;
      const atEnd = await scroller.evaluate((el) => {
        const before = el.scrollLeft;
        el.scrollBy({ left: el.clientWidth * 0.8 });
        return el.scrollLeft === before;
      });
      if (atEnd) break;
      // The virtualizer draws the new window on the next frames.
      await this.nextFrames();
    }
    throw new Error(`no column ${column} in the table`);
  }

  private async nextFrames(): Promise<void> {
    await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }

  /** Visible column headers, left to right. */
  async headers(): Promise<string[]> {
    return (await this.columnHeaderRow.getByRole('columnheader').allInnerTexts()).map((h) => h.replace(/[▲▼]/g, '').trim());
  }

  async waitUntilReady(): Promise<void> {
    await waitUntilReady(this.page);
  }

  /** Opens the column chooser and returns its panel. */
  async openColumnChooser(): Promise<Locator> {
    await this.page.getByRole('button', { name: /^Columns \(/ }).click();
    return this.page.getByRole('region', { name: 'Columns' });
  }

  async runSearch(text: string): Promise<void> {
    await this.search.fill(text);
    await this.search.press('Enter');
    await waitUntilReady(this.page);
  }

  async sortBy(column: string): Promise<void> {
    await this.header(column).getByRole('button').click();
    await waitUntilReady(this.page);
  }
}
