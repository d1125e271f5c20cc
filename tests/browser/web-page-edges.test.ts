/**
 * Edges of the self-check page's entry (web/app.ts) that no other browser test held, each found by
 * a mutation sweep of it (the code could change there and every test still passed): gradings that
 * end after a newer one, the timing of an option typed, a grading that fails before its report,
 * what a new grading takes away (links, the error box, the report's name), drags that cross the
 * page's elements, and where the page scrolls and the focus rests.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { MAX_BYTES } from '../../web/grade-file.js';
import { fixturePath, ROOT } from '../helpers.js';
import { foreignRequests, useServedSite, watchPage } from './site.js';

const SOLUTION = fixturePath('flows/solution.json');
const DEFECT = fixturePath('flows/defect-callbackapi-method-put.json');
const START = new Date('2025-06-02T10:00:00Z');

const site = useServedSite();
let watched: { requests: string[]; errors: string[] };

test.beforeEach(async ({ page }) => {
  watched = watchPage(page);
  await page.goto(site().url);
  await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
});

test.afterEach(() => {
  expect(foreignRequests(watched.requests, new URL(site().url).origin)).toEqual([]);
  expect(watched.errors).toEqual([]);
});

const status = (page: Page) => page.locator('#status');
const fileInput = (page: Page) => page.locator('#file-input');
const links = (page: Page) => page.locator('#downloads a');
const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

test('the help names the size the page refuses files over, and the footer the version of flowgrade grading them', async ({ page }) => {
  const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  await expect(page.locator('#tool-version')).toHaveText(`flowgrade ${version}`);
  await expect(page.locator('#max-size')).toHaveText(`${MAX_BYTES / 1024 / 1024} MB`);
  await fileInput(page).setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(MAX_BYTES + 1, 0x20) });
  await expect(page.locator('#error .page-error strong')).toContainText(`larger than the ${await page.locator('#max-size').textContent()} limit`);
});
