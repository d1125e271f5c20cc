/**
 * The HTML writers in real Chromium, opened from file:// as an instructor opens them: the class
 * dashboard sorts (keyboard too) and filters under its own Content-Security-Policy, and hostile
 * export text never runs, in the dashboard or in an attendee's report.
 */
import { test, expect, type Page } from '@playwright/test';
import type { GradeReport } from '../../engine/report.js';
import { renderDashboard, renderHtmlReport } from '../../reports/index.js';
import { failedReport, HOSTILE, hostileReport, passedReport, ungradableReport } from '../unit/reports/sample-reports.js';
import { gradeFixture } from '../unit/checks/support.js';
import { filePages } from './site.js';

const open = filePages('flowgrade-reports-');

function classOf(count: number): GradeReport[] {
  const make = [passedReport, failedReport, ungradableReport];
  return Array.from({ length: count }, (_, i) => {
    const report = make[i % 3]();
    return { ...report, attendee: { ...report.attendee, id: `${200 + ((i * 7) % count)}` } };
  });
}

const attendees = (page: Page) => page.locator('#fg-table tbody tr:visible th[scope="row"] a').allTextContents();

test('dashboard: sorting by a header button, with the keyboard, and aria-sort follows', async ({ page }) => {
  const reports = classOf(6);
  const { watched } = await open(page, 'index.html', renderDashboard(reports, { reportHref: (r) => `${r.attendee.id}.html` }));
  await expect(page.locator('#fg-count')).toHaveText('Showing 6 of 6 submissions');
  const ids = reports.map((r) => r.attendee.id);
  expect(await attendees(page)).toEqual(ids);

  await page.getByRole('button', { name: 'Attendee' }).click();
  expect(await attendees(page)).toEqual([...ids].sort());
  await expect(page.locator('th[data-column="attendee"]')).toHaveAttribute('aria-sort', 'ascending');

  // Keyboard: focus the Score button and press Enter, then Space to reverse.
  await page.getByRole('button', { name: 'Score' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('th[data-column="score"]')).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.locator('th[data-column="attendee"]')).toHaveAttribute('aria-sort', 'none');
  const verdictsUp = await page.locator('#fg-table tbody tr td:nth-child(2) .fg-verdict').allTextContents();
  // the lowest scores first; ungradable rows, which have no score, last either way
  expect(verdictsUp).toEqual(['failed', 'failed', 'passed', 'passed', 'ungradable', 'ungradable']);
  await page.keyboard.press('Space');
  await expect(page.locator('th[data-column="score"]')).toHaveAttribute('aria-sort', 'descending');
  expect(await page.locator('#fg-table tbody tr td:nth-child(2) .fg-verdict').allTextContents()).toEqual(['passed', 'passed', 'failed', 'failed', 'ungradable', 'ungradable']);

  // A Build step column: failed first.
  await page.getByRole('button', { name: 'Step 8' }).click();
  expect(await page.locator('#fg-table tbody tr td:nth-child(2) .fg-verdict').first().textContent()).toBe('failed');
  expect(watched.errors).toEqual([]);
  expect(watched.requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
});

test('dashboard: filtering by text and by verdict, with a live count', async ({ page }) => {
  const reports = classOf(6);
  const { watched } = await open(page, 'filter.html', renderDashboard(reports, { reportHref: (r) => `${r.attendee.id}.html` }));
  await page.getByLabel('Filter by attendee or file').fill(reports[1].attendee.id);
  expect(await attendees(page)).toEqual([reports[1].attendee.id]);
  await expect(page.locator('#fg-count')).toHaveText('Showing 1 of 6 submissions');
  await page.getByLabel('Filter by attendee or file').fill('notes.json'); // the file column matches too
  expect(await attendees(page)).toEqual(reports.filter((r) => r.input.file.includes('notes.json')).map((r) => r.attendee.id));
  await page.getByLabel('Filter by attendee or file').fill('');
  await page.getByLabel('Verdict').selectOption('passed');
  expect(await attendees(page)).toEqual(reports.filter((r) => r.verdict === 'passed').map((r) => r.attendee.id));
  await expect(page.locator('#fg-count')).toHaveText('Showing 2 of 6 submissions');
  expect(watched.errors).toEqual([]);
});

test('dashboard and report: hostile export text shows as text and never runs', async ({ page }) => {
  const hostile = hostileReport();
  const dashboard = await open(page, 'hostile-index.html', renderDashboard([hostile, passedReport()], { reportHref: () => 'hostile.html', title: HOSTILE }));
  await expect(page.locator('h1')).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.locator('#fg-table tbody th[scope="row"] a').first()).toContainText('</script><script>alert(1)</script>');
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.locator('script').count()).toBe(2);
  await page.getByRole('button', { name: 'Attendee' }).click(); // the script still works
  expect(dashboard.dialogs()).toBe(0);
  expect(dashboard.watched.errors).toEqual([]);

  const report = await open(page, 'hostile.html', renderHtmlReport(hostile));
  await expect(page.locator('h1')).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.locator('svg.flow').first()).toBeVisible();
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.locator('script').count()).toBe(0);
  expect(report.dialogs()).toBe(0);
  expect(report.watched.errors).toEqual([]);
  expect(report.watched.requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
});

test('report: an activity\'s error in the trace reads as a line, not squeezed into the Outcome column a few letters wide', async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 900 });
  const report = await gradeFixture('flows/defect-simulate-error-exit-wired.json');
  const { watched } = await open(page, 'error-row.html', renderHtmlReport(report));
  const error = page.locator('[data-check="run-global-error-raised"] table.fg-trace').getByText(/Unexpected token "123"/);
  await expect(error).toBeVisible();
  const box = (await error.boundingBox())!;
  expect(box.width).toBeGreaterThan(400);
  expect(box.height).toBeLessThan(80); // two or three lines at most, not twenty
  // The Outcome cell still says Error, in words as well as colour.
  await expect(page.locator('[data-check="run-global-error-raised"] table.fg-trace td:nth-child(4) .fg-outcome-error').first()).toHaveText('Error');
  expect(watched.errors).toEqual([]);
});

test('report on a phone (375 px): each trace row is a card with every value in sight under its column\'s name, the empty ones left out; on a laptop, a table', async ({ page }, testInfo) => {
  // Before: only Flow, Activity Name and Type were in sight; Modified Variables and HTTP were off to the right.
  await page.setViewportSize({ width: 375, height: 812 });
  const report = await gradeFixture('flows/defect-getcbid-jsonpath-without-index.json');
  const { watched } = await open(page, 'phone-trace.html', renderHtmlReport(report));
  const trace = page.locator('.fg-scenario table.fg-trace').first();
  const row = trace.locator('tbody tr', { has: page.locator('td', { hasText: /^GET_CBID$/ }) }).first();
  await row.scrollIntoViewIfNeeded();
  await row.screenshot({ path: testInfo.outputPath('phone-trace-row.png') });
  const http = row.locator('td[data-label="HTTP"]');
  await expect(http).toBeInViewport({ ratio: 1 });
  expect(await http.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"HTTP: "');
  const cells = await row.locator('td').evaluateAll((tds) => tds.map((td) => ({ label: td.dataset.label, shown: td.getBoundingClientRect().height > 0, right: td.getBoundingClientRect().right })));
  expect(cells.filter((cell) => cell.shown).map((cell) => cell.label)).toEqual(['Flow', 'Activity Name', 'Type', 'Outcome', 'Modified Variables', 'HTTP']);
  expect(Math.max(...cells.map((cell) => cell.right))).toBeLessThanOrEqual(375);
  // A row without variables or a request shows no empty "Modified Variables:" or "HTTP:".
  const plain = trace.locator('tbody tr', { has: page.locator('td[data-label="Activity Name"]', { hasText: /^WelcomePrompt/ }) }).first();
  expect(await plain.locator('td').evaluateAll((tds) => tds.filter((td) => td.getBoundingClientRect().height > 0).map((td) => td.dataset.label))).toEqual(['Flow', 'Activity Name', 'Type', 'Outcome']);
  await expect(trace.locator('thead')).toBeAttached(); // the column names stay for screen readers
  await page.setViewportSize({ width: 1100, height: 900 });
  expect(await trace.locator('thead th').first().evaluate((th) => th.getBoundingClientRect().width)).toBeGreaterThan(20);
  expect(await http.evaluate((td) => getComputedStyle(td).display)).toBe('table-cell');
  expect(watched.errors).toEqual([]);
});

test('report: a Build step partly passed (a recommended check missed, or checks not judged) is amber in the step strip and on its edge, not red as a failed one, nor green', async ({ page }) => {
  await open(page, 'step-colours.html', renderHtmlReport(failedReport()));
  const look = (selector: string, property: 'borderLeftColor' | 'borderTopColor') => page.locator(selector).first().evaluate((element, p) => getComputedStyle(element)[p], property);
  const edges = { passed: await look('.fg-step.passed', 'borderLeftColor'), partial: await look('.fg-step.partial', 'borderLeftColor'), failed: await look('.fg-step.failed', 'borderLeftColor') };
  expect(edges).toEqual({ passed: 'rgb(26, 127, 55)', partial: 'rgb(154, 103, 0)', failed: 'rgb(180, 35, 24)' });
  const chips = { passed: await look('.fg-steps .passed a', 'borderTopColor'), partial: await look('.fg-steps .partial a', 'borderTopColor'), failed: await look('.fg-steps .failed a', 'borderTopColor') };
  expect(chips).toEqual(edges);
});

test('report on a phone: a recommended tag wrapped onto a line of its own stays at the right, under its points, not at the start of the line where it reads as the next check\'s', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await open(page, 'phone-tags.html', renderHtmlReport(await gradeFixture('flows/defect-getcbid-jsonpath-without-index.json')));
  const tagged = page.locator('.fg-check-head:has(.fg-tag)').first();
  const box = async (selector: string) => (await tagged.locator(selector).boundingBox())!;
  const [head, title, points, tag] = [(await tagged.boundingBox())!, await box('.fg-check-title'), await box('.fg-points'), await box('.fg-tag')];
  expect(tag.y).toBeGreaterThan(points.y); // wrapped, at this width
  expect(Math.abs(tag.x + tag.width - (head.x + head.width))).toBeLessThan(1);
  expect(tag.x).toBeGreaterThan(title.x + 40);
});
