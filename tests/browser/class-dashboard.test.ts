/**
 * The class dashboard and an attendee's report used as an instructor uses them, in Chromium from
 * file://: a whole class printed on paper, long values in a printed report, sorting a Build step
 * column with ungradable rows in the class.
 */
import { test, expect } from '@playwright/test';
import type { CheckResult, GradeReport } from '../../engine/report.js';
import { renderDashboard, renderHtmlReport } from '../../reports/index.js';
import { failedReport, passedReport, sampleClass, ungradableReport } from '../unit/reports/sample-reports.js';
import { filePages } from './site.js';

const open = filePages('flowgrade-class-');

/** A check in every Build step (1–13), so the heat-map has all its columns. */
function everyStep(report: GradeReport, status: CheckResult['status']): GradeReport {
  const checks = Array.from({ length: 13 }, (_, i): CheckResult => ({
    id: `step-${i + 1}-check`,
    title: `Check of step ${i + 1}`,
    step: i + 1,
    severity: 'required',
    status,
    points: 2,
    earned: status === 'passed' ? 2 : 0,
    message: 'Message',
    hint: 'Hint',
  }));
  return { ...report, checks: [...report.checks, ...checks] };
}

/** A class as `grade` gives it from an absolute folder: long paths, a long reason, a long id without spaces. */
function bigClass(count: number): GradeReport[] {
  return Array.from({ length: count }, (_, i) => {
    const id = i === 3 ? `${'x'.repeat(60)}averyveryverylongidwithoutanyspaces` : String(1000 + i);
    const file = `/home/instructor/classes/2026-spring/section-04/submissions/Main_Flow_${id}.json`;
    const base = i % 7 === 6 ? ungradableReport() : everyStep(i % 2 ? failedReport() : passedReport(), i % 2 ? 'failed' : 'passed');
    return {
      ...base,
      attendee: { ...base.attendee, id },
      input: { ...base.input, file },
      ...(base.error ? { error: { code: 'not-json', message: 'not valid JSON: unexpected end of JSON input at line 1 column 61018' } } : {}),
    };
  });
}

test('dashboard printed on A4 portrait: the whole heat-map fits the page width, no column is cut off', async ({ page }, testInfo) => {
  const reports = bigClass(40);
  const { watched } = await open(page, 'print.html', renderDashboard(reports, { reportHref: (r) => `${r.attendee.id}.html` }));
  // A4 portrait, 210 mm less the browser's default margins of about 1 cm each side: 718 CSS pixels.
  await page.setViewportSize({ width: 718, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#fg-table thead th')).toHaveCount(16);
  const widths = await page.evaluate(() => ({
    page: document.documentElement.clientWidth,
    table: document.getElementById('fg-table')!.getBoundingClientRect().right,
    scroll: document.documentElement.scrollWidth,
  }));
  await page.screenshot({ path: testInfo.outputPath('dashboard-print.png') });
  expect(widths.table).toBeLessThanOrEqual(widths.page);
  expect(widths.scroll).toBeLessThanOrEqual(widths.page);
  expect(watched.errors).toEqual([]);
});

test('attendee report printed: a long value (a response body) is printed whole, not only its start', async ({ page }, testInfo) => {
  const report = passedReport();
  const body = `[{"id":140,"dn":"4694096861",${'"queue":"ee46583c-8d0d-4c09-8829-8c0b79c11a79",'.repeat(8)}"tacnumber":"+14085267209-END-OF-BODY"}]`;
  report.scenarios[0].trace = report.scenarios[0].trace.map((entry) =>
    entry.http ? { ...entry, http: { ...entry.http, responseBody: body } } : entry,
  );
  const { watched } = await open(page, 'print-report.html', renderHtmlReport(report));
  const whole = page.locator('table.fg-trace details > code', { hasText: 'END-OF-BODY' });
  await expect(whole.first()).toBeHidden(); // on screen: the start, the rest behind a disclosure
  await page.setViewportSize({ width: 718, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  await expect(whole.first()).toBeVisible();
  await whole.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('report-print-long-value.png') });
  expect(watched.errors).toEqual([]);
});

test('attendee report printed: a trace whose activity label is one long word (no spaces) still fits the page width', async ({ page }, testInfo) => {
  const report = failedReport();
  const label = `SetGetResult_${'W'.repeat(180)}`; // 193 characters of the widest letter, no space to break at (within the reports' 200-character bound on names)
  report.scenarios[0].trace = report.scenarios[0].trace.map((entry, i) => (i === 1 ? { ...entry, activity: label } : entry));
  const { watched } = await open(page, 'print-report-long-label.html', renderHtmlReport(report));
  await expect(page.locator('table.fg-trace td', { hasText: label }).first()).toBeAttached();
  await page.setViewportSize({ width: 718, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  const widths = await page.evaluate(() => ({
    page: document.documentElement.clientWidth,
    tables: Math.max(...[...document.querySelectorAll('table.fg-trace')].map((t) => t.getBoundingClientRect().right)),
    scroll: document.documentElement.scrollWidth,
  }));
  await page.screenshot({ path: testInfo.outputPath('report-print-long-label.png') });
  expect(widths.tables).toBeLessThanOrEqual(widths.page);
  expect(widths.scroll).toBeLessThanOrEqual(widths.page);
  expect(watched.errors).toEqual([]);
});

test('the filter count agrees with its number: "Showing 1 of 1 submission", as the header says "1 submission"', async ({ page }) => {
  const { watched } = await open(page, 'one.html', renderDashboard([passedReport()], { reportHref: (r) => `${r.attendee.id}.html` }));
  await expect(page.locator('.fg-meta')).toContainText('1 submission ');
  await expect(page.locator('#fg-count')).toHaveText('Showing 1 of 1 submission');
  await page.locator('#fg-filter').fill('nobody');
  await expect(page.locator('#fg-count')).toHaveText('Showing 0 of 1 submission');
  const two = await open(page, 'two.html', renderDashboard([passedReport(), failedReport()], { reportHref: (r) => `${r.attendee.id}.html` }));
  await expect(page.locator('#fg-count')).toHaveText('Showing 2 of 2 submissions');
  expect([...watched.errors, ...two.watched.errors]).toEqual([]);
});

// Sorted ascending, the failed rows first (the lowest scores: who needs help), and either way the
// ungradable rows last: they have no state for any step and no score.
for (const { button, column } of [{ button: 'Step 6', column: 'step-6' }, { button: 'Score', column: 'score' }]) {
  test(`sorting the ${button} column: failed rows first ascending, ungradable rows (no ${column === 'score' ? 'score' : 'step state'}) last in both directions`, async ({ page }) => {
    const reports = sampleClass(9, [ungradableReport, passedReport, failedReport], 300);
    const { watched } = await open(page, `sort-${column}.html`, renderDashboard(reports, { reportHref: (r) => `${r.attendee.id}.html` }));
    const verdicts = () => page.locator('#fg-table tbody tr td:nth-child(2) .fg-verdict').allTextContents();
    const heading = page.getByRole('button', { name: button });
    await heading.click();
    await expect(page.locator(`th[data-column="${column}"]`)).toHaveAttribute('aria-sort', 'ascending');
    expect(await verdicts()).toEqual(['failed', 'failed', 'failed', 'passed', 'passed', 'passed', 'ungradable', 'ungradable', 'ungradable']);
    await heading.click();
    await expect(page.locator(`th[data-column="${column}"]`)).toHaveAttribute('aria-sort', 'descending');
    expect(await verdicts()).toEqual(['passed', 'passed', 'passed', 'failed', 'failed', 'failed', 'ungradable', 'ungradable', 'ungradable']);
    expect(watched.errors).toEqual([]);
  });
}

test('dashboard on a laptop screen: an ungradable file\'s reason wraps in the Verdict column instead of widening it, so every file name keeps a line (Main_Flow_1000.json, not Main_Flow_1000.js / on)', async ({ page }, testInfo) => {
  const reports = bigClass(30).filter((report) => report.attendee.id.length === 4); // ordinary ids only: the long one wraps anyway
  const { watched } = await open(page, 'laptop.html', renderDashboard(reports, { reportHref: (r) => `${r.attendee.id}.html` }));
  for (const width of [1400, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const lines = await page.evaluate(() =>
      [...document.querySelectorAll('#fg-table tbody th .fg-file')].map((file) => {
        const range = document.createRange();
        range.selectNodeContents(file);
        return new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size; // its lines
      }),
    );
    await page.screenshot({ path: testInfo.outputPath(`dashboard-${width}.png`) });
    expect(lines.length, `${width} px`).toBe(reports.length);
    expect(new Set(lines), `${width} px`).toEqual(new Set([1]));
  }
  expect(watched.errors).toEqual([]);
});

test('dashboard on a 375-px phone: the table scrolls sideways in its own area, its caption stays readable without scrolling', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const { watched } = await open(page, 'phone.html', renderDashboard(bigClass(12), { reportHref: (r) => `${r.attendee.id}.html` }));
  const sizes = await page.evaluate(() => {
    const wrap = document.querySelector('.fg-table-wrap')!;
    const caption = document.querySelector('#fg-table caption')!.getBoundingClientRect();
    return { page: document.documentElement.scrollWidth, view: innerWidth, table: wrap.scrollWidth, area: wrap.getBoundingClientRect(), caption };
  });
  await page.locator('#fg-table caption').screenshot({ path: testInfo.outputPath('dashboard-phone-caption.png') });
  expect(sizes.page).toBeLessThanOrEqual(sizes.view); // no sideways page scroll
  expect(sizes.table).toBeGreaterThan(sizes.area.width); // the heat-map scrolls inside its area
  expect(sizes.caption.left).toBeGreaterThanOrEqual(sizes.area.left);
  expect(sizes.caption.right).toBeLessThanOrEqual(sizes.area.right);
  // Scrolled to the last step, each row still says whose it is: the attendee column stays in view.
  await page.locator('.fg-table-wrap').evaluate((wrap) => wrap.scrollTo({ left: wrap.scrollWidth }));
  const kept = await page.evaluate(() => {
    const area = document.querySelector('.fg-table-wrap')!.getBoundingClientRect();
    const first = document.querySelector('#fg-table tbody th')!.getBoundingClientRect();
    const last = [...document.querySelectorAll('#fg-table tbody tr:first-child td')].at(-1)!.getBoundingClientRect();
    const covered = document.elementFromPoint(first.left + 4, first.top + first.height / 2)!.closest('th');
    return { area: area.left, first: first.left, right: first.right, lastLeft: last.left, covered: covered === document.querySelector('#fg-table tbody th') };
  });
  await page.screenshot({ path: testInfo.outputPath('dashboard-phone-scrolled.png') });
  expect(kept.first).toBeGreaterThanOrEqual(kept.area - 1);
  expect(kept.covered).toBe(true); // drawn over the cells scrolled under it
  expect(kept.lastLeft).toBeGreaterThanOrEqual(kept.right - 1); // the last step beside it, not under it
  expect(watched.errors).toEqual([]);
});

test('most common failures: right-to-left attendee ids side by side keep the list order (each id isolated)', async ({ page }, testInfo) => {
  const ids = ['\u0645\u0631\u062d\u0628\u0627', '\u0639\u0627\u0644\u0645', '\u0634\u0643\u0631\u0627'];
  const reports = ids.map((id) => {
    const report = failedReport();
    return { ...report, attendee: { ...report.attendee, id } };
  });
  const { watched } = await open(page, 'rtl.html', renderDashboard(reports, { reportHref: (r) => `a${ids.indexOf(r.attendee.id)}.html` }));
  const first = page.locator('ol.fg-failures > li').first();
  const links = first.locator(':scope > a, :scope > bdi > a');
  await expect(links).toHaveCount(3);
  const lefts = await links.evaluateAll((as) => as.map((a) => a.getBoundingClientRect().left));
  await first.screenshot({ path: testInfo.outputPath('failures-rtl-ids.png') });
  // The list reads left to right like the page: the first attendee's link leftmost.
  expect(lefts).toEqual([...lefts].sort((a, b) => a - b));
  expect(watched.errors).toEqual([]);
});

test('filtering by a number finds the attendees whose id or file name has it, not every row: the folder all the files share (2026-spring/section-04) is not searched', async ({ page }) => {
  const reports = bigClass(40);
  const { watched } = await open(page, 'filter-prefix.html', renderDashboard(reports, { reportHref: (r) => `${r.attendee.id}.html` }));
  const filter = page.locator('#fg-filter');
  await filter.fill('04');
  await expect(page.locator('#fg-count')).toHaveText('Showing 1 of 40 submissions'); // 1004, not the 40 files of section-04
  await expect(page.locator('#fg-table tbody tr:not([hidden]) th a')).toHaveText(['1004']);
  await filter.fill('2026');
  await expect(page.locator('#fg-count')).toHaveText('Showing 0 of 40 submissions');
  // What tells files apart is still searched: their names, and the folders they do not share.
  await filter.fill('Main_Flow_1039');
  await expect(page.locator('#fg-count')).toHaveText('Showing 1 of 40 submissions');
  const groups = reports.slice(0, 4).map((r, i) => ({ ...r, input: { ...r.input, file: `/home/instructor/2026/${i % 2 ? 'group-b' : 'group-a'}/Main_Flow_${r.attendee.id}.json` } }));
  await open(page, 'filter-groups.html', renderDashboard(groups, { reportHref: (r) => `${r.attendee.id}.html` }));
  await page.locator('#fg-filter').fill('group-b');
  await expect(page.locator('#fg-count')).toHaveText('Showing 2 of 4 submissions');
  await page.locator('#fg-filter').fill('2026');
  await expect(page.locator('#fg-count')).toHaveText('Showing 0 of 4 submissions');
  // Files given as a path from / and one from the current folder share no folder: every character is searched.
  const mixed = reports.slice(0, 2).map((r, i) => ({ ...r, input: { ...r.input, file: i ? `b/Main_Flow_${r.attendee.id}.json` : `/srv/a/Main_Flow_${r.attendee.id}.json` } }));
  await open(page, 'filter-mixed.html', renderDashboard(mixed, { reportHref: (r) => `${r.attendee.id}.html` }));
  await page.locator('#fg-filter').fill('b/');
  await expect(page.locator('#fg-count')).toHaveText('Showing 1 of 2 submissions');
  await page.locator('#fg-filter').fill('/srv/');
  await expect(page.locator('#fg-count')).toHaveText('Showing 1 of 2 submissions');
  expect(watched.errors).toEqual([]);
});

test('filtering finds an id whatever its Unicode form: "José" typed (composed) finds José from a Mac\'s file name (decomposed), and the other way round', async ({ page }) => {
  const ids = ['Jos\u00e9 M\u00fcller', 'Jose\u0301 Mac', 'Joseph'];
  const reports = ids.map((id) => ({ ...passedReport(), attendee: { id, source: 'flow-name' as const }, input: { ...passedReport().input, file: `/class/Main_Flow_${id}.json` } }));
  const { watched } = await open(page, 'filter-forms.html', renderDashboard(reports, { reportHref: (r) => `${r.attendee.id.length}.html` }));
  const filter = page.locator('#fg-filter');
  for (const typed of ['jos\u00e9', 'JOSE\u0301']) {
    await filter.fill(typed);
    await expect(page.locator('#fg-count'), typed).toHaveText('Showing 2 of 3 submissions');
  }
  expect(watched.errors).toEqual([]);
});

test('the id and the file name are each found whatever their Unicode form, the one without the other', async ({ page }) => {
  // José (decomposed) is the id of one row, with an upload's file name, and the folder of another's file.
  const rows: [string, string][] = [
    ['Jose\u0301 Mac', '/class/upload-1.json'],
    ['Main_Flow_7', '/class/Jose\u0301 Mac/Main_Flow_7.json'],
    ['Joseph', '/class/upload-3.json'],
  ];
  const reports = rows.map(([id, file]) => ({ ...passedReport(), attendee: { id, source: 'flow-name' as const }, input: { ...passedReport().input, file } }));
  const { watched } = await open(page, 'filter-forms-apart.html', renderDashboard(reports, { reportHref: (r) => `${r.attendee.id.length}.html` }));
  await page.locator('#fg-filter').fill('jos\u00e9');
  await expect(page.locator('#fg-count')).toHaveText('Showing 2 of 3 submissions');
  expect(watched.errors).toEqual([]);
});

test('after Back from an attendee\'s report, or a reload, the table matches the filter controls as the browser restored them (the Verdict list kept, no change event)', async ({ page }) => {
  const reports = sampleClass(12);
  await open(page, 'back-1000.html', '<!doctype html><title>Report</title><p>Report</p>');
  const { watched } = await open(page, 'back.html', renderDashboard(reports, { reportHref: () => 'back-1000.html' }));
  const agree = async (when: string) => {
    await page.waitForLoadState('load');
    await page.waitForTimeout(300); // the browser restores the controls after the page's script ran
    const state = await page.evaluate(() => {
      const shown = [...document.querySelectorAll<HTMLTableRowElement>('#fg-table tbody tr')].filter((row) => !row.hidden);
      return {
        verdict: (document.getElementById('fg-verdict-filter') as HTMLSelectElement).value,
        text: (document.getElementById('fg-filter') as HTMLInputElement).value.trim().toLowerCase(),
        count: document.getElementById('fg-count')!.textContent,
        rows: shown.map((row) => row.querySelector('th a')!.textContent!),
      };
    });
    const expected = reports.filter((r) => (!state.verdict || r.verdict === state.verdict) && r.attendee.id.toLowerCase().includes(state.text));
    expect(state.rows, when).toEqual(expected.map((r) => r.attendee.id));
    expect(state.count, when).toBe(`Showing ${expected.length} of 12 submissions`);
  };
  await page.locator('#fg-verdict-filter').selectOption('failed');
  await page.locator('#fg-filter').fill('100');
  await expect(page.locator('#fg-count')).toHaveText('Showing 3 of 12 submissions'); // 1001, 1004, 1007
  await page.locator('#fg-table tbody tr:not([hidden]) th a').first().click();
  await expect(page.locator('p')).toHaveText('Report');
  await page.goBack();
  await agree('after Back');
  await page.locator('#fg-verdict-filter').selectOption('ungradable');
  await page.reload();
  await agree('after a reload');
  expect(watched.errors).toEqual([]);
});

test('the filter finds an id as its row shows it: a bidi control written as a visible \\u202e is found typed so, a control character left out is found without it', async ({ page }) => {
  const rows: [string, string][] = [
    ['abc\u202edef15', '/class/Main_Flow_abc\u202edef15.json'],
    ['14\u00001', '/class/upload-2.json'],
    ['abcdef16', '/class/Main_Flow_abcdef16.json'],
  ];
  const reports = rows.map(([id, file]) => ({ ...passedReport(), attendee: { id, source: 'flow-name' as const }, input: { ...passedReport().input, file } }));
  const { watched } = await open(page, 'filter-shown.html', renderDashboard(reports, { reportHref: (r) => `${r.attendee.id.length}.html` }));
  await expect(page.locator('#fg-table tbody th a').first()).toHaveText('abc\\u202edef15');
  const filter = page.locator('#fg-filter');
  const found = async (typed: string, ids: string[]) => {
    await filter.fill(typed);
    await expect(page.locator('#fg-count'), typed).toHaveText(`Showing ${ids.length} of 3 submissions`);
    await expect(page.locator('#fg-table tbody tr:not([hidden]) th a'), typed).toHaveText(ids);
  };
  await found('abc\\u202edef15', ['abc\\u202edef15']); // what the row shows, typed
  await found('Main_Flow_abc\\u202E', ['abc\\u202edef15']); // the file line as shown
  await found('abc\u202edef', ['abc\\u202edef15']); // the id itself, pasted from the export
  await found('141', ['141']);
  await found('abcdef', ['abcdef16']);
  expect(watched.errors).toEqual([]);
});

test('Tab back to a link just above the scrolled table: it is scrolled into view below the sticky heading row, not under it', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await open(page, 'long-class.html', renderDashboard(sampleClass(200), { reportHref: (r) => `${r.attendee.id}.html` }));
  const hidden: string[] = [];
  for (const row of [60, 100, 150]) {
    // The table scrolled so that row `row` is at the top of its area, the one before it just out of view.
    await page.locator(`#fg-table tbody tr:nth-child(${row})`).evaluate((tr) => {
      const wrap = tr.closest('.fg-table-wrap')!;
      wrap.scrollTop += tr.getBoundingClientRect().top - wrap.getBoundingClientRect().top - tr.closest('table')!.tHead!.getBoundingClientRect().height;
    });
    await page.locator(`#fg-table tbody tr:nth-child(${row}) th a`).focus({ preventScroll: true } as never);
    await page.keyboard.press('Shift+Tab');
    // What a person sees at the focused link's centre: the link, or the heading row over it.
    const covered = await page.evaluate(() => {
      const link = document.activeElement as HTMLElement;
      const box = link.getBoundingClientRect();
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return top !== null && link.contains(top) ? '' : `${link.textContent} under ${top?.textContent}`;
    });
    if (covered) hidden.push(covered);
  }
  expect(hidden).toEqual([]);
});

test('dashboard without JavaScript: the column headings are no buttons (nothing to click would sort) and the caption does not say to click them', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await open(page, 'no-script-sort.html', renderDashboard(sampleClass(6), { reportHref: (r) => `${r.attendee.id}.html` }));
  await expect(page.locator('#fg-table thead button')).toHaveCount(0);
  await expect(page.locator('#fg-table thead th[data-column="step-6"]')).toHaveText('Step 6');
  await expect(page.locator('#fg-table caption')).not.toContainText('Click', { useInnerText: true });
  await context.close();
  // With it, each heading is a button that sorts, and the caption says so.
  const scripted = await browser.newPage();
  await open(scripted, 'sort.html', renderDashboard(sampleClass(6), { reportHref: (r) => `${r.attendee.id}.html` }));
  const columns = await scripted.locator('#fg-table thead th[data-column]').count();
  expect(columns).toBeGreaterThan(3); // attendee, verdict, score and the steps
  await expect(scripted.locator('#fg-table thead th[data-column] > button')).toHaveCount(columns);
  await expect(scripted.locator('#fg-table caption')).toContainText('Click a column heading to sort.');
  await scripted.getByRole('button', { name: 'Score' }).click();
  await expect(scripted.locator('th[data-column="score"]')).toHaveAttribute('aria-sort', 'ascending');
  await scripted.close();
});
