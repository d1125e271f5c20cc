/**
 * The class dashboard of a big class (hundreds to thousands of attendees) in Chromium from file://:
 * what stays readable and what the script does to the page. Times are printed, never asserted:
 * the figures of docs/reports.md come from the last test (FLOWGRADE_DASHBOARD_ROWS=500,2000).
 */
import { test, expect, type Page } from '@playwright/test';
import type { CheckResult, GradeReport } from '../../engine/report.js';
import { renderDashboard } from '../../reports/index.js';
import { percentOf, stepStates } from '../../reports/summary.js';
import { failedReport, passedReport, ungradableReport } from '../unit/reports/sample-reports.js';
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

/**
 * A class of `count` with a state in each of the 13 Build steps (about 3 % ungradable, 8 % of
 * checks failed), in one folder: the shape of a real class's heat-map, without grading one.
 */
function heatMapClass(count: number): GradeReport[] {
  let seed = 20251203;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, (_, i) => {
    const id = String(1000 + i);
    const file = `/home/instructor/classes/2026-spring/section-04/submissions/Main_Flow_${id}.json`;
    const kind = random() < 0.034 ? ungradableReport() : passedReport();
    if (kind.verdict === 'ungradable') return { ...kind, attendee: { ...kind.attendee, id }, input: { ...kind.input, file } };
    const checks = Array.from({ length: 39 }, (_, k): CheckResult => {
      const step = Math.floor(k / 3) + 1;
      const info = step === 10;
      const r = random();
      const status = info ? 'info' : r < 0.08 ? 'failed' : r < 0.1 ? 'skipped' : 'passed';
      const points = info ? 0 : 2;
      return { id: `check-${k}`, title: `Check ${k}`, step, severity: info ? 'info' : k % 3 === 2 ? 'recommended' : 'required', status, points, earned: status === 'passed' ? points : 0, message: 'm', hint: `Hint ${k}` };
    });
    const sum = (f: (c: CheckResult) => number) => checks.reduce((total, c) => total + f(c), 0);
    const failed = checks.some((c) => c.severity === 'required' && c.status !== 'passed');
    return { ...kind, attendee: { ...kind.attendee, id }, input: { ...kind.input, file }, verdict: failed ? 'failed' : 'passed', score: { earned: sum((c) => c.earned), possible: sum((c) => c.points) }, checks };
  });
}

/** What one action cost the page: wall time with style and layout forced, and the CPU time of the task that ran it (from Chromium's trace). */
async function timed(page: Page, action: { sort?: string; text?: string; verdict?: string }): Promise<{ wall: number; cpu: number; mutations: number }> {
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const { wall, mutations } = await page.evaluate((action) => {
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((list) => records.push(...list));
    observer.observe(document.querySelector('#fg-table tbody')!, { childList: true });
    const started = performance.now();
    if (action.sort) document.querySelector<HTMLButtonElement>(`th[data-column="${action.sort}"] > button`)!.click();
    const input = action.text !== undefined ? document.querySelector<HTMLInputElement>('#fg-filter')! : document.querySelector<HTMLSelectElement>('#fg-verdict-filter')!;
    if (action.text !== undefined || action.verdict !== undefined) {
      input.value = action.text ?? action.verdict!;
      input.dispatchEvent(new Event(action.text !== undefined ? 'input' : 'change'));
    }
    void document.body.offsetHeight; // style and layout, as the next frame would need them
    const wall = performance.now() - started;
    records.push(...observer.takeRecords());
    observer.disconnect();
    return { wall, mutations: records.length };
  }, action);
  const events = traceEvents((await browser.stopTracing()).toString());
  const cpu = Math.max(0, ...events.filter((e) => e.name === 'RunTask' && e.ph === 'X').map((e) => (e.tdur ?? 0) / 1000));
  return { wall, cpu, mutations };
}

/** The accessibility node Chromium gives screen readers for the first element `selector` finds. */
async function axNode(page: Page, selector: string): Promise<{ role: string; name: string; ignored: boolean }> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false })) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[] };
  await cdp.detach();
  return { role: nodes[0].role?.value ?? '', name: String(nodes[0].name?.value ?? ''), ignored: nodes[0].ignored };
}

test('a class of 2,000: each kind of column sorts both ways into the order a person expects; the filter finds the rows and says how many; every row is there to see and to a screen reader', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  // The class in an order of its own, not by id, so sorting by attendee moves every row.
  const reports = heatMapClass(2000)
    .map((report, i) => ({ report, at: (i * 7919) % 2000 }))
    .sort((a, b) => a.at - b.at)
    .map(({ report }) => report);
  const { watched } = await open(page, 'big-class.html', renderDashboard(reports, { reportHref: (r) => `${r.attendee.id}.html` }));
  const shown = () => page.locator('#fg-table tbody tr:not([hidden]) th a').allTextContents();
  const VERDICT = { failed: 0, ungradable: 1, passed: 2 };
  const STATE = { failed: 0, partial: 1, passed: 2, 'not-checkable': 3 };
  const keys: Record<string, (r: GradeReport) => number | null> = {
    attendee: (r) => Number(r.attendee.id),
    verdict: (r) => VERDICT[r.verdict],
    score: (r) => percentOf(r) ?? null,
    'step-6': (r) => {
      const state = stepStates(r).get(6);
      return state === undefined ? null : STATE[state];
    },
  };
  // Ties in the class's order; an ungradable submission, which has no score and no step state, last either way.
  const sorted = (column: string, direction: number) =>
    reports
      .map((r, i) => ({ id: r.attendee.id, i, key: keys[column](r) }))
      .sort((a, b) => {
        if ((a.key === null) !== (b.key === null)) return a.key === null ? 1 : -1;
        return (a.key! < b.key! ? -1 : a.key! > b.key! ? 1 : 0) * direction || a.i - b.i;
      })
      .map((row) => row.id);
  for (const column of Object.keys(keys)) {
    for (const direction of [1, -1]) {
      await page.locator(`th[data-column="${column}"] > button`).click();
      expect(await shown(), `${column} ${direction === 1 ? 'ascending' : 'descending'}`).toEqual(sorted(column, direction));
      await expect(page.locator(`th[data-column="${column}"]`)).toHaveAttribute('aria-sort', direction === 1 ? 'ascending' : 'descending');
    }
  }
  // Typed one key at a time, then only the failed among them, then everything again.
  const order = sorted('step-6', -1);
  const failed = new Set(reports.filter((r) => r.verdict === 'failed').map((r) => r.attendee.id));
  await page.locator('#fg-filter').pressSequentially('150');
  const typed = order.filter((id) => id.includes('150'));
  expect(await shown()).toEqual(typed);
  await expect(page.locator('#fg-count')).toHaveText(`Showing ${typed.length} of 2000 submissions`);
  await page.locator('#fg-verdict-filter').selectOption('failed');
  expect(await shown()).toEqual(typed.filter((id) => failed.has(id)));
  await page.locator('#fg-filter').fill('');
  expect(await shown()).toEqual(order.filter((id) => failed.has(id)));
  await expect(page.locator('#fg-count')).toHaveText(`Showing ${failed.size} of 2000 submissions`);
  await page.locator('#fg-verdict-filter').selectOption('');
  await expect(page.locator('#fg-count')).toHaveText('Showing 2000 of 2000 submissions');
  expect(await shown()).toEqual(order);
  // Every row told to a screen reader: the first, one in the middle, the last.
  for (const n of [1, 1000, 2000]) {
    const row = `#fg-table tbody tr:nth-child(${n})`;
    expect(await axNode(page, `${row} th`)).toMatchObject({ role: 'rowheader', ignored: false, name: expect.stringContaining(order[n - 1]) });
    expect(await axNode(page, `${row} td.fg-cell`)).toMatchObject({ role: 'cell', ignored: false, name: expect.stringMatching(/^(passed|partly passed|failed|not checkable from an export|not graded)$/) });
  }
  const last = page.locator('#fg-table tbody tr').last();
  await last.scrollIntoViewIfNeeded();
  await expect(last.locator('th a')).toHaveText(order[1999]);
  await expect(last.locator('th a')).toBeInViewport();
  expect(watched.errors).toEqual([]);
});

/** A trace's events; none when Chromium handed back a trace cut short (seen once in some twenty). */
function traceEvents(text: string): { name: string; ph: string; tdur?: number }[] {
  try {
    return (JSON.parse(text) as { traceEvents: { name: string; ph: string; tdur?: number }[] }).traceEvents;
  } catch {
    return [];
  }
}

// 500 rows in every run; FLOWGRADE_DASHBOARD_ROWS=500,2000 for the figures of docs/reports.md.
for (const count of (process.env.FLOWGRADE_DASHBOARD_ROWS ?? '500').split(',').map(Number)) {
  test(`figures at ${count} rows (printed, not asserted): a sort moves the rows in two changes of the table (emptied, refilled), not two per row; the rows still sort and filter right`, async ({ page }) => {
    test.setTimeout(60_000 + count * 60);
    await page.setViewportSize({ width: 1400, height: 900 });
    const reports = heatMapClass(count);
    const html = renderDashboard(reports, { reportHref: (r) => `${r.attendee.id}.html` });
    const { watched } = await open(page, `figures-${count}.html`, html);
    const loaded = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
    const nodes = await page.evaluate(() => document.querySelectorAll('#fg-table tbody *').length);
    const sorts = [];
    for (const column of ['step-6', 'step-6', 'attendee', 'score', 'verdict', 'step-9', 'attendee']) sorts.push(await timed(page, { sort: column }));
    expect.soft(sorts.map((s) => s.mutations)).toEqual(sorts.map(() => 2));
    const ids = await page.locator('#fg-table tbody th a').allTextContents();
    expect(ids).toEqual(reports.map((r) => r.attendee.id)); // attendee ascending: the class's own order
    const keystrokes = [];
    for (const text of ['1', '10', '105', '1055']) keystrokes.push(await timed(page, { text }));
    await expect(page.locator('#fg-count')).toHaveText(`Showing ${count > 55 ? 1 : 0} of ${count} submissions`);
    const cleared = await timed(page, { text: '' });
    const failedOnly = await timed(page, { verdict: 'failed' });
    const allAgain = await timed(page, { verdict: '' });
    const ms = (xs: { wall: number; cpu: number }[]) => `${xs.map((x) => Math.round(x.wall)).join(' ')} ms (CPU ${xs.map((x) => Math.round(x.cpu)).join(' ')})`;
    const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[xs.length >> 1]);
    console.log(
      `dashboard ${count} rows: ${(html.length / 1e6).toFixed(2)} MB, ${nodes} nodes in the table body, DOMContentLoaded ${Math.round(loaded)} ms; ` +
        `sort ${ms(sorts)}, median ${median(sorts.map((s) => s.wall))} ms (CPU ${median(sorts.map((s) => s.cpu))}); filter keystrokes ${ms(keystrokes)}; ` +
        `box cleared ${ms([cleared])}; failed only ${ms([failedOnly])}; all again ${ms([allAgain])}`,
    );
    expect(watched.errors).toEqual([]);
  });
}
