// End-to-end tests drive Debian's Chromium (Playwright cannot download browsers here) against
// a real MLflow server started by e2e/global-setup.ts.
// The browser is found and launched as `runlens shot` does it (server/render/chromium.ts);
// CHROMIUM_PATH (or RUNLENS_CHROMIUM) names another.
import { defineConfig } from '@playwright/test';
import { findChromium, HEADLESS_CHROMIUM_ARGS } from './server/render/chromium.ts';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: findChromium(process.env.CHROMIUM_PATH),
      args: HEADLESS_CHROMIUM_ARGS,
    },
    timezoneId: 'UTC',
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
  },
});
