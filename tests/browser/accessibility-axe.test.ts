/**
 * The three HTML surfaces (an attendee's report, the class dashboard, the self-check page) checked
 * by axe-core (Deque's rule engine, through @axe-core/playwright) in real Chromium, in the states a
 * person meets them: WCAG 2.0, 2.1 and 2.2 levels A and AA, and axe's best practices (landmarks,
 * one h1, headings in order, unique landmark names: what docs/reports.md and docs/web.md promise).
 * No rule is disabled. axe leaves as "needs review" (not checked) the contrast of the flow
 * drawings' SVG text (checked by hand) and of the aria-hidden marks (✓ ✗) whose words stand
 * beside them. What axe cannot judge (keyboard operation and focus, reflow at 320 px, the contrast
 * of edges, colour not the only cue, flowgrade's screen-reader wording) is tested by hand in
 * accessibility.test.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import type { GradeReport } from '../../engine/report.js';
import { renderDashboard, renderHtmlReport } from '../../reports/index.js';
import { gradeFixture } from '../unit/checks/support.js';
import { failedReport, passedReport, sampleClass, ungradableReport } from '../unit/reports/sample-reports.js';
import { fixturePath } from '../helpers.js';
import { filePages, useServedSite, watchPage } from './site.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe's violations on the page as it is now, one line each: rule, what it asks, where (CSS selectors). */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'no impact'}): ${v.help} — ${v.nodes.map((node) => node.target.join(' ')).slice(0, 8).join(', ')}${v.nodes.length > 8 ? `, … (${v.nodes.length} in all)` : ''}`,
  );
}

/** No violation, the list in the message when there are some. */
async function expectNoViolations(page: Page, state: string): Promise<void> {
  const found = await violations(page);
  expect(found, `axe on ${state}:\n${found.join('\n')}`).toEqual([]);
}

const open = filePages('flowgrade-axe-');
const dashboard = (reports: readonly GradeReport[], duplicates?: Parameters<typeof renderDashboard>[1]['duplicates']) =>
  renderDashboard(reports, { reportHref: (r) => `${r.attendee.id}.html`, duplicates });

test.describe('attendee report', () => {
  for (const [name, report] of [
    ['passed', passedReport],
    ['failed', failedReport],
    ['ungradable', ungradableReport],
  ] as const) {
    test(`${name}`, async ({ page }) => {
      const { watched } = await open(page, `${name}.html`, renderHtmlReport(report()));
      await expectNoViolations(page, `the ${name} report`);
      expect(watched.errors).toEqual([]);
    });
  }

  test('graded from an export: long traces (every simulated call, 30+ rows with the excerpts of failing checks), both flow drawings, every disclosure opened', async ({ page }) => {
    const report = await gradeFixture('flows/defect-callbackapi-method-put.json');
    expect(report.flow?.events.nodes.length).toBeGreaterThan(0);
    const { watched } = await open(page, 'graded.html', renderHtmlReport(report));
    await expect(page.getByRole('img', { name: 'Event Flows' })).toBeVisible();
    expect(await page.locator('table.fg-trace tbody tr').count()).toBeGreaterThanOrEqual(30);
    // What a reader opens (long values, passed checks): the page as loaded and more, so one run covers both.
    for (const summary of await page.locator('details:not([open]) > summary').all()) if (await summary.isVisible()) await summary.click();
    await expectNoViolations(page, 'a report graded from an export, every disclosure opened');
    expect(watched.errors).toEqual([]);
  });
});

test.describe('class dashboard', () => {
  test('as loaded, sorted by a column, filtered, filtered to nothing', async ({ page }) => {
    const { watched } = await open(page, 'class.html', dashboard(sampleClass(9)));
    await expect(page.locator('#fg-count')).toHaveText('Showing 9 of 9 submissions');
    await expectNoViolations(page, 'the dashboard as loaded');
    await page.getByRole('button', { name: 'Step 6' }).click();
    await expect(page.locator('th[data-column="step-6"]')).toHaveAttribute('aria-sort', 'ascending');
    await expectNoViolations(page, 'the dashboard sorted by step 6');
    await page.locator('#fg-filter').fill('1001');
    await expect(page.locator('#fg-count')).toHaveText('Showing 1 of 9 submissions');
    await expectNoViolations(page, 'the dashboard filtered to one row');
    await page.locator('#fg-filter').fill('nobody');
    await expect(page.locator('#fg-count')).toHaveText('Showing 0 of 9 submissions');
    await expectNoViolations(page, 'the dashboard filtered to no row');
    expect(watched.errors).toEqual([]);
  });

  test('a class with ungradable rows, two students sharing an id, duplicate submissions and a common failure naming many ("and N more" opened)', async ({ page }) => {
    const reports = sampleClass(36, [failedReport, failedReport, failedReport, failedReport, failedReport, ungradableReport]);
    reports[1] = { ...reports[0], input: { ...reports[0].input, file: `group-b/${reports[0].input.file}` } };
    const duplicates = [
      { attendee: '1003', kept: 'Main_Flow_1003.json', dropped: ['Main_Flow_1003 (1).json', 'old/Main_Flow_1003.json'] },
      { attendee: '1006', files: ['Main_Flow_1006.json', 'Main_Flow_1006-copy.json'] },
    ];
    const { watched } = await open(page, 'class-duplicates.html', dashboard(reports, duplicates));
    await expect(page.getByRole('heading', { name: 'Duplicate submissions' })).toBeVisible();
    await page.locator('details.fg-more > summary').first().click();
    await expectNoViolations(page, 'a dashboard with ungradable rows and duplicates, "and N more" opened');
    expect(watched.errors).toEqual([]);
  });

  test('a common failure fixed two ways, each fix naming many: "and N more" under the failure and under each fix, links close above them', async ({ page }) => {
    const reports = sampleClass(80, [failedReport]).map((report, i) => ({
      ...report,
      checks: report.checks.map((check) => (check.id === 'simulate-error-value-fails' && i % 2 === 1 ? { ...check, hint: 'SimulateGlobalError → Set Value: {{ ANI | 456}}' } : check)),
    }));
    const { watched } = await open(page, 'class-fixes.html', dashboard(reports));
    await expect(page.locator('details.fg-more > summary')).toHaveCount(5); // each failure's, and each of the two fixes'
    await expectNoViolations(page, 'a dashboard whose common failure lists its fixes, each with "and N more"');
    // Each disclosure a target of 24 px at least (WCAG 2.2 2.5.8), not only spaced from the links
    // above it: axe passed one of 22.5 px here, but not in a real class, whose ids lay the links out
    // otherwise (a link 22 px from it).
    const heights = await page.locator('details.fg-more > summary').evaluateAll((all) => all.map((summary) => summary.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(24);
    expect(watched.errors).toEqual([]);
  });

  test('an empty class', async ({ page }) => {
    const { watched } = await open(page, 'empty.html', dashboard([]));
    await expectNoViolations(page, 'the dashboard of an empty class');
    expect(watched.errors).toEqual([]);
  });
});

test.describe('self-check page', () => {
  const site = useServedSite();

  async function ready(page: Page): Promise<ReturnType<typeof watchPage>> {
    const watched = watchPage(page);
    await page.goto(site().url);
    await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
    return watched;
  }

  // One scan a test (four in one took 20 s on a loaded machine).
  const states: { state: string; give?: Parameters<Page['setInputFiles']>[1]; shows: (page: Page) => Promise<void> }[] = [
    { state: 'as loaded', shows: async () => {} },
    {
      state: 'after a passed flow',
      give: fixturePath('flows/solution.json'),
      shows: (page) => expect(page.locator('#results')).toHaveAttribute('data-verdict', 'passed'),
    },
    {
      state: 'after a failed flow',
      give: fixturePath('flows/defect-callbackapi-method-put.json'),
      shows: (page) => expect(page.locator('#results')).toHaveAttribute('data-verdict', 'failed'),
    },
    {
      state: 'after a refused file',
      give: { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('not a flow\n') },
      shows: (page) => expect(page.locator('#error .page-error')).toContainText('notes.json: not valid JSON'),
    },
  ];
  for (const { state, give, shows } of states) {
    test(state, async ({ page }) => {
      const watched = await ready(page);
      if (give) await page.locator('#file-input').setInputFiles(give);
      await shows(page);
      await expectNoViolations(page, `the self-check page ${state}`);
      expect(watched.errors).toEqual([]);
    });
  }

  test('a report being replaced (an option typed: the earlier report stays on show, marked, until the new one comes)', async ({ page }) => {
    const watched = await ready(page);
    await page.locator('#file-input').setInputFiles(fixturePath('flows/defect-callbackapi-method-put.json'));
    await expect(page.locator('#results')).toHaveAttribute('data-verdict', 'failed');
    // The file's read for grading it again never ends: the earlier report stays marked as long as the scan takes.
    await page.evaluate(() => (File.prototype.arrayBuffer = () => new Promise<ArrayBuffer>(() => {})));
    await page.getByRole('textbox', { name: 'Attendee id' }).fill('Jane Doe');
    await expect(page.locator('#status')).toHaveText(/^Grading defect-callbackapi-method-put\.json… \(the report below is still the earlier one\)$/);
    await expect(page.locator('#report')).toHaveAttribute('aria-busy', 'true');
    await expect(page.locator('#report .fg-report')).toBeVisible();
    await expectNoViolations(page, 'the self-check page while its report is replaced');
    expect(watched.errors).toEqual([]);
  });

  test('an option made invalid', async ({ page }) => {
    const watched = await ready(page);
    await page.getByRole('textbox', { name: 'DNIS' }).fill('not a number');
    await page.locator('#file-input').setInputFiles(fixturePath('flows/solution.json'));
    await expect(page.locator('#results')).toHaveAttribute('data-state', 'invalid-options');
    await expect(page.getByRole('textbox', { name: 'DNIS' })).toHaveAttribute('aria-invalid', 'true');
    await expectNoViolations(page, 'the self-check page with an invalid option');
    expect(watched.errors).toEqual([]);
  });
});
