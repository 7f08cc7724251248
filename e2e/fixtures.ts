// Test fixtures: the real servers started by global-setup.ts and the data they hold.
import { readFileSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import type { Manifest } from './harness/populate.ts';

interface RunlensFixtures {
  /** What the data scripts logged, with real ids. */
  manifest: Manifest;
  /** The tracking server itself, for asking it directly what the truth is. */
  mlflowUrl: string;
  /** Records script dialogs and CSP violations; tests assert it stays empty. */
  pageProblems: string[];
}

export const test = base.extend<RunlensFixtures>({
  baseURL: async ({}, use) => use(requiredEnv('RUNLENS_E2E_URL')),
  manifest: async ({}, use) => use(JSON.parse(readFileSync(requiredEnv('RUNLENS_E2E_MANIFEST'), 'utf8')) as Manifest),
  mlflowUrl: async ({}, use) => use(requiredEnv('RUNLENS_E2E_MLFLOW_URL')),
  pageProblems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.exposeFunction('__runlensReportProblem', (problem: string) => problems.push(problem));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { __runlensReportProblem: (p: string) => void }).__runlensReportProblem(
          `CSP violation: ${event.violatedDirective} ${event.blockedURI}`,
        );
      });
    });
    await use(problems);
  },
});

export { expect };

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with \`npm run test:e2e\` (global setup starts the servers)`);
  return value;
}

/** Waits for the documented ready signal: every query settled and every drawing done. */
export async function waitUntilReady(page: Page, options: { timeout?: number } = {}): Promise<void> {
  try {
    await expect(page.locator('html')).toHaveAttribute('data-runlens-state', 'ready', options);
  } catch (error) {
    // Say what the page was still waiting for, so a failure far away (CI) can be told apart.
    const waiting = await page
      .locator('html')
      .getAttribute('data-runlens-waiting', { timeout: 1_000 })
      .catch(() => 'unknown');
    (error as Error).message += `\n\nThe page was still waiting for: ${waiting ?? 'nothing it names'} (${page.url()})`;
    throw error;
  }
}
