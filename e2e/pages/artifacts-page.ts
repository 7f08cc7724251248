// Page object for a run's artifact tab: the file tree and the selected file's preview.
import type { Locator, Page } from '@playwright/test';
import { paths } from '../../src/config/paths.ts';
import { waitUntilReady } from '../fixtures.ts';

export class ArtifactsPage {
  readonly tree: Locator;
  readonly detail: Locator;

  constructor(readonly page: Page) {
    this.tree = page.getByRole('navigation', { name: 'Artifact files' });
    this.detail = page.getByRole('region', { name: 'Artifacts' }).locator('.artifacts__detail');
  }

  async goto(experimentId: string, runId: string, path = '', modelId?: string): Promise<void> {
    await this.page.goto(paths.runArtifacts.getHref(experimentId, runId, path, modelId));
    await waitUntilReady(this.page);
  }

  /** Clicks a file or folder (or a logged model) by its name in the tree. */
  async open(name: string): Promise<void> {
    await this.tree.getByRole('link', { name, exact: true }).click();
    await waitUntilReady(this.page);
  }

  table(name: string): Locator {
    return this.detail.getByRole('table', { name });
  }

  async columnHeaders(table: Locator): Promise<string[]> {
    return (await table.getByRole('columnheader').allInnerTexts()).map((text) => text.trim());
  }

  async rowHeaders(table: Locator): Promise<string[]> {
    return (await table.locator('tbody').getByRole('rowheader').allInnerTexts()).map((text) => text.trim());
  }
}
