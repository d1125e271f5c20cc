/**
 * The page written by `flowgrade web --out` also works opened straight from disk (file://): it is
 * a classic script, not a module (Chromium refuses module scripts from file://), and it loads
 * nothing but its own files.
 */
import { test, expect } from '@playwright/test';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixturePath, runCli } from '../helpers.js';
import { watchPage } from './site.js';

test('opened from disk, the page grades the solution: passed with full score', async ({ page }, testInfo) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'flowgrade-web-file-'));
  try {
    expect((await runCli(['web', '--out', dir])).code).toBe(0);
    const watched = watchPage(page);
    const index = pathToFileURL(path.join(dir, 'index.html')).href;
    await page.goto(index);
    await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
    await expect(page.locator('#not-started')).toHaveCount(0); // the script started: no word of it not starting
    await page.locator('#file-input').setInputFiles(fixturePath('flows/solution.json'));
    await expect(page.locator('#status')).toHaveText(/^solution\.json: passed, (\d+)\/\1 points\.$/);
    await page.screenshot({ path: testInfo.outputPath('file-url-passed.png'), fullPage: true });
    const folder = pathToFileURL(dir).href + '/';
    expect(watched.requests.filter((url) => !url.startsWith(folder) && !url.startsWith('blob:'))).toEqual([]);
    expect(watched.errors).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('index.html opened without its other files (from inside a zip, or sent alone) says so instead of "Loading the grader…" for ever', async ({ page }, testInfo) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'flowgrade-web-alone-'));
  try {
    expect((await runCli(['web', '--out', dir])).code).toBe(0);
    for (const file of readdirSync(dir)) if (file !== 'index.html') rmSync(path.join(dir, file));
    await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
    const problem = page.locator('#not-started');
    await expect(problem).toBeVisible();
    await expect(problem).toContainText('app.js');
    await expect(problem).toContainText('unzip');
    await expect(page.locator('#drop-zone')).toBeDisabled();
    await page.screenshot({ path: testInfo.outputPath('file-url-alone.png'), fullPage: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
