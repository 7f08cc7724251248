// The header's theme switch: a pick is applied and remembered across reloads, a link's theme=
// wins over the remembered pick without overwriting it, and System follows the system's scheme.
import type { Page } from '@playwright/test';
import { expect, test, waitUntilReady } from './fixtures.ts';

// --bg of styles.css, light and dark.
const LIGHT = 'rgb(255, 255, 255)';
const DARK = 'rgb(15, 18, 22)';

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const remembered = (page: Page) => page.evaluate(() => localStorage.getItem('runlens.theme'));
const themeSwitch = (page: Page) => page.getByRole('banner').getByRole('radiogroup', { name: 'Theme' });

async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitUntilReady(page);
}

test('picking Dark applies it and a reload keeps it', async ({ page, pageProblems }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await visit(page, '/');
  const html = page.locator('html');
  // Nothing remembered yet: the system's scheme.
  await expect(themeSwitch(page).getByRole('radio', { name: 'System' })).toBeChecked();
  await expect(html).not.toHaveAttribute('data-theme');
  expect(await background(page)).toBe(LIGHT);

  await themeSwitch(page).getByRole('radio', { name: 'Dark' }).check();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => background(page)).toBe(DARK);
  // Remembered, not put into the link.
  expect(new URL(page.url()).searchParams.has('theme')).toBe(false);
  expect(await remembered(page)).toBe('dark');

  await page.reload();
  await waitUntilReady(page);
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(themeSwitch(page).getByRole('radio', { name: 'Dark' })).toBeChecked();
  expect(await background(page)).toBe(DARK);
  expect(pageProblems).toEqual([]);
});

test("a link's theme= wins over the remembered pick and leaves it as it was", async ({ page, pageProblems }) => {
  await visit(page, '/');
  await themeSwitch(page).getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await visit(page, '/?theme=light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(themeSwitch(page).getByRole('radio', { name: 'Light' })).toBeChecked();
  expect(await background(page)).toBe(LIGHT);
  expect(await remembered(page)).toBe('dark');

  // Back on a plain link: the remembered pick again.
  await visit(page, '/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  // An embed has no header, so no switch; its link alone decides (no theme=: the system's).
  await page.emulateMedia({ colorScheme: 'light' });
  await visit(page, '/?embed=true');
  await expect(page.getByRole('radiogroup', { name: 'Theme' })).toHaveCount(0);
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  expect(pageProblems).toEqual([]);
});

test('System follows the system’s colour scheme; picked on a link with theme=, it changes the link too', async ({ page, pageProblems }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await visit(page, '/?theme=dark');
  expect(await background(page)).toBe(DARK);

  await themeSwitch(page).getByRole('radio', { name: 'System' }).check();
  // What is seen is what a copied link shows.
  await expect.poll(() => new URL(page.url()).searchParams.get('theme')).toBe('auto');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  expect(await remembered(page)).toBe('auto');
  await expect.poll(() => background(page)).toBe(LIGHT);

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => background(page)).toBe(DARK);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => background(page)).toBe(LIGHT);

  // Remembered: a plain link follows the system as well.
  await page.emulateMedia({ colorScheme: 'dark' });
  await visit(page, '/');
  await expect(themeSwitch(page).getByRole('radio', { name: 'System' })).toBeChecked();
  expect(await background(page)).toBe(DARK);
  expect(pageProblems).toEqual([]);
});
