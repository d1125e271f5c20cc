/**
 * The page written by `flowgrade web --out` also works opened straight from disk (file://): it is
 * a classic script, not a module (Chromium refuses module scripts from file://), and it loads
 * nothing but its own files.
 */
import { test, expect } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

test('opened from disk, a defect, a PNG renamed .json and two files dropped at once are graded as when served, and both reports download', async ({ page }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'flowgrade-web-file-'));
  try {
    expect((await runCli(['web', '--out', dir])).code).toBe(0);
    const watched = watchPage(page);
    await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
    await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
    const status = page.locator('#status');
    await page.locator('#file-input').setInputFiles(fixturePath('flows/defect-callbackapi-method-put.json'));
    await expect(status).toHaveText(/^defect-callbackapi-method-put\.json: failed, \d+\/\d+ points\.$/);
    for (const [name, saved] of [['Download this report (JSON)', '140.flowgrade.json'], ['Download this report (HTML)', '140.flowgrade.html']]) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
      expect(download.suggestedFilename()).toBe(saved);
      expect(readFileSync((await download.path())!, 'utf8')).toContain('defect-callbackapi-method-put.json');
    }
    await page.locator('#file-input').setInputFiles({ name: 'screenshot.json', mimeType: 'application/json', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') });
    await expect(page.locator('#error .page-error strong')).toHaveText('screenshot.json: not valid JSON: the file is an image (PNG), not a flow export [not-json]');
    const text = readFileSync(fixturePath('flows/solution.json'), 'utf8');
    const dataTransfer = await page.evaluateHandle((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], 'Main_Flow_140.json', { type: 'application/json' }));
      transfer.items.add(new File(['{}'], 'notes.json'));
      return transfer;
    }, text);
    await page.locator('#drop-zone').dispatchEvent('drop', { dataTransfer });
    await expect(status).toHaveText(/^Main_Flow_140\.json: passed, (\d+)\/\1 points\. Only one file is graded at a time: notes\.json was not; give it on its own\.$/);
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
