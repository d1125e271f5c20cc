/**
 * The class dashboard of a big class (hundreds to thousands of attendees) in Chromium from file://:
 * what stays readable and what the script does to the page. Structure and behaviour only: the
 * figures (load, sort and filter times) are in docs/reports.md, measured with scripts/bench.mjs.
 */
import { test, expect } from '@playwright/test';
import type { GradeReport } from '../../engine/report.js';
import { renderDashboard } from '../../reports/index.js';
import { failedReport, passedReport } from '../unit/reports/sample-reports.js';
import { filePages } from './site.js';

const open = filePages('flowgrade-scale-');

function classOf(count: number, make: () => GradeReport): GradeReport[] {
  return Array.from({ length: count }, (_, i) => {
    const report = make();
    return { ...report, attendee: { ...report.attendee, id: String(1000 + i) }, input: { ...report.input, file: `submissions/Main_Flow_${1000 + i}.json` } };
  });
}

test('most common failures of a big class: each names its first attendees and keeps the rest behind "and N more" (all still linked), so a failure of 400 attendees is a few lines, not a page of names; a small class has every name shown', async ({ page }, testInfo) => {
  const reports = [...classOf(400, failedReport), ...classOf(3, passedReport).map((r, i) => ({ ...r, attendee: { ...r.attendee, id: `p${i}` } }))];
  const { watched } = await open(page, 'failures.html', renderDashboard(reports, { reportHref: (r) => `${r.attendee.id}.html` }));
  const first = page.locator('ol.fg-failures > li').first();
  await expect(first).toContainText('400 attendees');
  const links = first.locator('a');
  const shown = await links.evaluateAll((as) => as.filter((a) => a.checkVisibility()).map((a) => a.textContent));
  expect(shown.length).toBeLessThanOrEqual(40); // named: in the list and, when fixes differ, under each fix
  expect(shown.slice(0, 3)).toEqual(['1000', '1001', '1002']);
  const more = first.locator('details > summary').first();
  await expect(more).toHaveText(/and \d+ more/);
  await first.screenshot({ path: testInfo.outputPath('failures-capped.png') });
  // Every attendee is still there, one click away.
  await more.click();
  const all = await first.locator(':scope > a, :scope > details > a').evaluateAll((as) => as.map((a) => a.textContent));
  expect(all).toEqual(reports.slice(0, 400).map((r) => r.attendee.id));
  // A small class: every attendee named, no disclosure.
  const small = await open(page, 'failures-small.html', renderDashboard(classOf(12, failedReport), { reportHref: (r) => `${r.attendee.id}.html` }));
  await expect(page.locator('ol.fg-failures details')).toHaveCount(0);
  await expect(page.locator('ol.fg-failures > li').first().locator(':scope > a')).toHaveCount(12);
  expect([...watched.errors, ...small.watched.errors]).toEqual([]);
});

test('a class in one folder: each row shows the file name, not the folder every file shares (said once above the table), so a row is two lines, not five', async ({ page }, testInfo) => {
  const folder = '/home/instructor/classes/2026-spring/section-04/submissions/';
  const reports = classOf(30, failedReport).map((r, i) => ({ ...r, input: { ...r.input, file: `${folder}${i === 29 ? 'late/' : ''}Main_Flow_${r.attendee.id}.json` } }));
  await page.setViewportSize({ width: 1024, height: 800 });
  const { watched } = await open(page, 'folder.html', renderDashboard(reports, { reportHref: (r) => `${r.attendee.id}.html` }));
  const files = await page.locator('#fg-table tbody th .fg-file').allTextContents();
  expect(files.slice(0, 2)).toEqual(['Main_Flow_1000.json', 'Main_Flow_1001.json']);
  expect(files.at(-1)).toBe('late/Main_Flow_1029.json');
  await expect(page.locator('.fg-meta')).toContainText(`in ${folder}`);
  const heights = await page.locator('#fg-table tbody th').evaluateAll((ths) => ths.map((th) => Math.round(th.getBoundingClientRect().height)));
  const line = await page.locator('#fg-table tbody th a').first().evaluate((a) => a.getBoundingClientRect().height);
  expect(Math.max(...heights)).toBeLessThan(line * 3.5); // the id and the file name (with padding), not the path wrapped
  await page.screenshot({ path: testInfo.outputPath('dashboard-folder.png') });
  // The filter still finds a file by its name and path.
  await page.locator('#fg-filter').fill('late/');
  await expect(page.locator('#fg-count')).toHaveText('Showing 1 of 30 submissions');
  expect(watched.errors).toEqual([]);
});

test('dashboard without JavaScript (a viewer that runs no scripts): the whole table, and no filter box or list that would do nothing', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const { watched } = await open(page, 'no-script.html', renderDashboard(classOf(12, failedReport), { reportHref: (r) => `${r.attendee.id}.html` }));
  await expect(page.locator('#fg-table tbody tr:visible')).toHaveCount(12);
  await expect(page.locator('#fg-filter')).toBeHidden();
  await expect(page.locator('#fg-verdict-filter')).toBeHidden();
  expect(watched.errors).toEqual([]);
  await context.close();
});
