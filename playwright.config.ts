import { defineConfig } from '@playwright/test';

/**
 * One runner for everything: unit tests (plain Node, no browser) and browser tests in Debian's
 * Chromium (/usr/bin/chromium, headless, --no-sandbox for root). Screenshots land in test-results/.
 */
export default defineConfig({
  testDir: 'tests',
  testMatch: '**/*.test.ts',
  outputDir: 'test-results',
  reporter: process.env.CI ? [['list'], ['junit', { outputFile: 'test-results/junit.xml' }]] : 'list',
  forbidOnly: Boolean(process.env.CI),
  workers: process.env.CI ? 2 : undefined,
  // On CI a failed test runs once more: one that then passes is counted apart in the summary line
  // ("1 flaky") and its first failure is in the list above it, to be made deterministic; one that
  // fails twice fails the run. Locally a failure is a failure.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  projects: [
    { name: 'unit', testDir: 'tests/unit' },
    {
      name: 'browser',
      testDir: 'tests/browser',
      use: {
        browserName: 'chromium',
        headless: true,
        screenshot: 'on',
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
  ],
});
