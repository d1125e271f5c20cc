/**
 * What only a browser shows of the HTML side, that no other browser test held (mutation sweep of
 * the attendee report and the class dashboard): the dashboard's attendee column sorts ids in
 * natural order, and on paper the heat-map and the report keep their colours.
 */
import { test, expect, type Page } from '@playwright/test';
import type { GradeReport } from '../../engine/report.js';
import { renderDashboard, renderHtmlReport } from '../../reports/index.js';
import { failedReport, passedReport, ungradableReport } from '../unit/reports/sample-reports.js';
import { filePages } from './site.js';

const open = filePages('flowgrade-sweep-');
const href = (report: GradeReport) => `${report.attendee.id}.html`;
const attendees = (page: Page) => page.locator('#fg-table tbody tr:visible th[scope="row"] a').allTextContents();

test('dashboard: attendee ids sort in natural order (2 before 10), both ways', async ({ page }) => {
  const reports = ['10', '2', '1', '100', 'a3', 'A20'].map((id) => ({ ...passedReport(), attendee: { ...passedReport().attendee, id } }));
  const { watched } = await open(page, 'natural.html', renderDashboard(reports, { reportHref: href }));
  const attendee = page.getByRole('button', { name: 'Attendee' });
  await attendee.click();
  expect(await attendees(page)).toEqual(['1', '2', '10', '100', 'a3', 'A20']);
  await attendee.click();
  expect(await attendees(page)).toEqual(['A20', 'a3', '100', '10', '2', '1']);
  expect(watched.errors).toEqual([]);
});

/** Each selected element's print-color-adjust on paper (print media). */
async function printColors(page: Page, selector: string): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  return page.evaluate((s) => [...document.querySelectorAll(s)].map((element) => getComputedStyle(element).getPropertyValue('print-color-adjust')), selector);
}

test('dashboard printed: the heat-map cells and the verdict badges keep their colours (a browser drops backgrounds on paper otherwise)', async ({ page }) => {
  const { watched } = await open(page, 'colours.html', renderDashboard([passedReport(), failedReport(), ungradableReport()], { reportHref: href }));
  const adjust = await printColors(page, 'td.fg-cell, .fg-verdict');
  expect(adjust.length).toBeGreaterThan(15);
  expect(new Set(adjust)).toEqual(new Set(['exact']));
  expect(watched.errors).toEqual([]);
});

test('attendee report printed: the verdict badge, the How to fix boxes, the legend’s keys and the trace headings keep their colours', async ({ page }) => {
  const { watched } = await open(page, 'report-colours.html', renderHtmlReport(failedReport()));
  for (const selector of ['.fg-verdict', '.fg-hint', '.fg-key', 'table.fg-trace thead th']) {
    const adjust = await printColors(page, selector);
    expect(adjust.length, selector).toBeGreaterThan(0);
    expect(new Set(adjust), selector).toEqual(new Set(['exact']));
  }
  expect(watched.errors).toEqual([]);
});

test('attendee report printed: a drawing taller than the screen and a wide trace print whole, not cut off in their scroll areas', async ({ page }) => {
  const report = failedReport();
  // Twenty activities in one column of the canvas: some 2,000 px tall, over the 80 % of the screen a drawing scrolls within.
  report.flow!.events = { nodes: Array.from({ length: 20 }, (_, i) => ({ id: `n${i}`, label: `Step${i}`, type: 'play-message', position: { x: 0, y: i * 100 } })), edges: [] };
  const { watched } = await open(page, 'tall.html', renderHtmlReport(report));
  await page.setViewportSize({ width: 718, height: 1047 });
  await page.emulateMedia({ media: 'print' });
  const areas = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.fg-drawing, .fg-table-wrap')].map((area) => ({ name: area.getAttribute('aria-label'), hidden: area.scrollHeight - area.clientHeight, overflow: getComputedStyle(area).overflowX })));
  expect(areas.length).toBeGreaterThan(3);
  for (const area of areas) expect(area, area.name ?? '').toEqual({ name: area.name, hidden: 0, overflow: 'visible' });
  expect(watched.errors).toEqual([]);
});
