/**
 * The page written by `flowgrade web --out` also works opened straight from disk (file://): it is
 * a classic script, not a module (Chromium refuses module scripts from file://), and it loads
 * nothing but its own files.
 */
import { test, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
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
