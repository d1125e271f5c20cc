/**
 * The class dashboard's filter leaves out the folder every file is in (reports/dashboard-assets.ts,
 * its own copy of sharedFolder): with Windows paths too, only up to a separator both files have
 * there, and an empty class's page runs its script without an error. Found by a mutation sweep.
 */
import { test, expect, type Page } from '@playwright/test';
import type { GradeReport } from '../../engine/report.js';
import { renderDashboard } from '../../reports/index.js';
import { passedReport } from '../unit/reports/sample-reports.js';
import { filePages } from './site.js';

const open = filePages('flowgrade-filter-');
const inFile = (id: string, file: string): GradeReport => ({ ...passedReport(), attendee: { id, source: 'flow-name' }, input: { ...passedReport().input, file } });
const dashboard = (reports: GradeReport[]) => renderDashboard(reports, { reportHref: (r) => `${r.attendee.id}.html` });

async function shownFor(page: Page, text: string): Promise<string[]> {
  await page.locator('#fg-filter').fill(text);
  return page.locator('#fg-table tbody tr:not([hidden]) th a').allTextContents();
}

test('Windows paths: the class folder C:\\class\\ is not searched, the group folders are', async ({ page }) => {
  const { watched } = await open(page, 'windows.html', dashboard([inFile('141', 'C:\\class\\group-a\\Main_Flow_141.json'), inFile('142', 'C:\\class\\group-b\\Main_Flow_142.json')]));
  expect(await shownFor(page, 'class')).toEqual([]);
  expect(await shownFor(page, 'group-b')).toEqual(['142']);
  expect(watched.errors).toEqual([]);
});

test('files agreeing on g/a then one with a separator there, one with more of its folder name: g/ is left out, a/ still found', async ({ page }) => {
  const { watched } = await open(page, 'prefix.html', dashboard([inFile('141', 'g/a/Main_Flow_141.json'), inFile('142', 'g/ab/Main_Flow_142.json')]));
  expect(await shownFor(page, 'a/')).toEqual(['141']);
  expect(await shownFor(page, 'g/')).toEqual([]);
  expect(watched.errors).toEqual([]);
});

test('an empty class: the page and its script run without an error', async ({ page }) => {
  const { watched } = await open(page, 'empty.html', dashboard([]));
  await expect(page.locator('body')).toContainText('0');
  expect(watched.errors).toEqual([]);
});
