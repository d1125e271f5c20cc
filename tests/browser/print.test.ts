/**
 * The HTML outputs on paper, as an instructor prints them (or saves them as PDF) from Chromium:
 * print media on an A4 page less the print dialog's default margins of about 1 cm, i.e. 190 × 277
 * mm, 718 × 1047 CSS pixels. Each test keeps the PDF (and a screenshot) among its artifacts.
 */
import { test, expect, type Page, type TestInfo } from '@playwright/test';
import { renderDashboard, renderHtmlReport } from '../../reports/index.js';
import { gradeFixture } from '../unit/checks/support.js';
import { sampleClass } from '../unit/reports/sample-reports.js';
import { filePages } from './site.js';

const open = filePages('flowgrade-print-');

/** The printable area of an A4 page with 1-cm margins, in CSS pixels. */
const PAGE = { width: 718, height: 1047 };

async function printed(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.setViewportSize(PAGE);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: testInfo.outputPath(`${name}.pdf`), format: 'A4', margin: { top: '10mm', right: '10mm', bottom: '10mm', left: '10mm' } });
  await page.screenshot({ path: testInfo.outputPath(`${name}-print.png`), fullPage: false });
}

/** Elements printed whole (break-inside: avoid) that are taller than a page: each is pushed to a new page, leaving the last one blank below, and broken all the same. */
function tallerThanAPage(page: Page): Promise<string[]> {
  return page.evaluate((height) => {
    const tall: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      if (getComputedStyle(element).breakInside !== 'avoid') continue;
      const box = element.getBoundingClientRect();
      if (box.height > height) tall.push(`${element.tagName.toLowerCase()}.${element.className} ${Math.round(box.height)} px`);
    }
    return tall;
  }, PAGE.height);
}

for (const fixture of ['flows/solution.json', 'flows/defect-callbackapi-body-invalid-json.json']) {
  test(`attendee report printed (${fixture}): nothing kept whole is taller than a page (no page left mostly blank before it), and activity labels print whole`, async ({ page }, testInfo) => {
    const report = await gradeFixture(fixture);
    const { watched } = await open(page, `${fixture.split('/').pop()}.html`, renderHtmlReport(report));
    await printed(page, testInfo, 'report');
    expect(await tallerThanAPage(page)).toEqual([]);
    // A long value (a response body) is printed whole, once: not its start, then the whole of it.
    const longValues = await page.evaluate(() =>
      [...document.querySelectorAll('table.fg-trace details')].map((details) => [getComputedStyle(details.querySelector('summary')!).display, details.querySelector(':scope > code')!.getBoundingClientRect().height > 0]),
    );
    expect(longValues.length).toBeGreaterThan(0);
    expect(new Set(longValues.map(String))).toEqual(new Set(['none,true']));
    // An activity's label is one word (CallBackAPI_HTTPRequest, OnGlobalError): printed whole, not
    // broken over two lines (the bodies, in their own columns, wrap anywhere).
    const broken = await page.evaluate(() => {
      const words = new Set<string>();
      for (const cell of document.querySelectorAll('table.fg-trace td:nth-child(-n+2)')) {
        for (const node of cell.childNodes) {
          const text = node.textContent!.trim();
          if (node.nodeType !== Node.TEXT_NODE || text === '' || /\s/.test(text)) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          if (new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size > 1) words.add(text);
        }
      }
      return [...words];
    });
    expect(broken).toEqual([]);
    // A simulated call's title and how it ended stay with its trace.
    const kept = await page.evaluate(() => [...document.querySelectorAll('.fg-scenario > .fg-meta')].map((p) => getComputedStyle(p).breakAfter));
    expect(kept.length).toBeGreaterThan(0);
    expect(new Set(kept)).toEqual(new Set(['avoid']));
    expect(watched.errors).toEqual([]);
  });
}

/** The page (from 1) each named destination of a PDF Chromium printed is on: the page's link targets, `fg-step-1`. */
function destinationPages(pdf: Buffer): Map<string, number> {
  const text = pdf.toString('latin1');
  const object = (ref: string) => text.slice(text.indexOf(`\n${ref} 0 obj`) + 1, text.indexOf('endobj', text.indexOf(`\n${ref} 0 obj`)));
  // The page tree, walked in order: a node of /Type /Pages lists its /Kids, pages or nodes.
  const pages: string[] = [];
  const walk = (ref: string): void => {
    const body = object(ref);
    if (!/\/Type \/Pages\b/.test(body)) return void pages.push(ref);
    for (const [, kid] of /\/Kids \[([^\]]*)\]/.exec(body)![1]!.matchAll(/(\d+) 0 R/g)) walk(kid!);
  };
  walk(/\/Type \/Catalog\s*\/Pages (\d+) 0 R/.exec(text)![1]!);
  return new Map([...text.matchAll(/\/(fg-[\w-]+) \[(\d+) 0 R \/XYZ/g)].map(([, name, ref]) => [name!, pages.indexOf(ref!) + 1]));
}

test('attendee report printed: the checks begin on the first page, under the verdict and the step strip, not on the second after a blank first page', async ({ page }, testInfo) => {
  for (const fixture of ['flows/solution.json', 'flows/defect-callbackapi-body-invalid-json.json']) {
    const { watched } = await open(page, `${fixture.split('/').pop()}-first-page.html`, renderHtmlReport(await gradeFixture(fixture)));
    await page.setViewportSize(PAGE);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ path: testInfo.outputPath(`${fixture.split('/').pop()}-first-page.pdf`), format: 'A4', margin: { top: '10mm', right: '10mm', bottom: '10mm', left: '10mm' } });
    const pages = destinationPages(pdf);
    expect(pages.get('fg-step-13'), fixture).toBeGreaterThan(2); // (the walk read the tree: the last step is pages later)
    expect([pages.get('fg-step-1'), pages.get('fg-step-2')], fixture).toEqual([1, 1]);
    expect(watched.errors).toEqual([]);
  }
});

test('attendee report printed: a heading of two lines (a long Build step title and its tally) is not split across pages, its second line over the next page\'s top', async ({ page }, testInfo) => {
  const report = await gradeFixture('flows/defect-callbackapi-body-invalid-json.json');
  const { watched } = await open(page, 'headings.html', renderHtmlReport(report));
  await printed(page, testInfo, 'report-headings');
  const headings = await page.evaluate(() =>
    [...document.querySelectorAll('.fg-report .fg-heading, .fg-report .fg-subheading')].map((heading) => `${getComputedStyle(heading).breakInside} ${getComputedStyle(heading).breakAfter}`),
  );
  expect(headings.length).toBeGreaterThan(10);
  expect(new Set(headings)).toEqual(new Set(['avoid avoid']));
  expect(watched.errors).toEqual([]);
});

test('attendee report printed: a wide flow drawing (the reference flow is about 2,560 px wide) gets a landscape page, printed larger than the 28 % a portrait page leaves its labels; a tall one stays portrait', async ({ page }, testInfo) => {
  const report = await gradeFixture('flows/solution.json');
  const { watched } = await open(page, 'drawing.html', renderHtmlReport(report));
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ path: testInfo.outputPath('report-drawing.pdf'), format: 'A4', margin: { top: '10mm', right: '10mm', bottom: '10mm', left: '10mm' } });
  // Each page's size, from the PDF itself: [width, height] in points.
  const sizes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  const landscape = sizes.filter(([width, height]) => width > height).length;
  expect(landscape).toBe(1); // the Main Flow's page; the Event Flows (taller than wide) and the rest portrait
  expect(sizes.length - landscape).toBeGreaterThan(5);
  const figures = await page.evaluate(() => [...document.querySelectorAll('.fg-figure')].map((figure) => getComputedStyle(figure).page));
  expect(figures).toEqual(['fg-wide', 'auto']);
  // The section's heading and legend print on the Main Flow's page, not left at the foot of the page before it.
  const lead = await page.evaluate(() => ['#fg-flow-title', '.fg-legend'].map((selector) => getComputedStyle(document.querySelector(selector)!.closest('.fg-flow-lead')!).page));
  expect(lead).toEqual(['fg-wide', 'fg-wide']);
  expect(watched.errors).toEqual([]);
});

test('dashboard printed: the heading row Chromium repeats on every page has its labels (plain text there, not buttons: a repeated header leaves form controls out)', async ({ page }, testInfo) => {
  const reports = sampleClass(120);
  const { watched } = await open(page, 'dashboard.html', renderDashboard(reports, { reportHref: (r) => `${r.attendee.id}.html` }));
  // The caption says to click a heading to sort on screen, not on paper.
  await expect(page.locator('#fg-table caption')).toContainText('Click a column heading to sort.');
  await printed(page, testInfo, 'dashboard');
  expect(await page.locator('#fg-table caption').innerText()).toBe('Each Build step: all its checks passed, some, none, or only checkable in Flow Designer / Control Hub.');
  const headings = await page.evaluate(() => [...document.querySelectorAll('#fg-table thead th')].map((th) => [th.textContent, getComputedStyle(th.querySelector('button')!).display]));
  expect(headings.length).toBeGreaterThan(3);
  for (const [label, display] of headings) expect([label, display]).toEqual([label, 'contents']);
  expect(watched.errors).toEqual([]);
});

test('dashboard printed: an ungradable file\'s reason wraps in the Verdict column instead of widening it, so attendee names and file names keep a line each', async ({ page }, testInfo) => {
  const reports = sampleClass(30).map((report) => ({
    ...report,
    input: { ...report.input, file: `/home/instructor/section-04/Main_Flow_${report.attendee.id}.json` },
    ...(report.error ? { error: { code: 'not-json', message: 'not valid JSON: unexpected end of JSON input at line 1 column 61018' } } : {}),
  }));
  const { watched } = await open(page, 'dashboard-reasons.html', renderDashboard(reports, { reportHref: (r) => `${r.attendee.id}.html` }));
  await printed(page, testInfo, 'dashboard-reasons');
  const lines = await page.evaluate(() =>
    [...document.querySelectorAll('#fg-table tbody th .fg-file')].map((file) => {
      const range = document.createRange();
      range.selectNodeContents(file);
      return new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size; // its lines
    }),
  );
  expect(new Set(lines)).toEqual(new Set([1]));
  expect(watched.errors).toEqual([]);
});

test('dashboard printed after filtering: the page says it shows only some of the class ("Showing 2 of 6 submissions"), not a silent subset under the whole class\'s totals', async ({ page }, testInfo) => {
  const reports = sampleClass(6);
  const { watched } = await open(page, 'dashboard-filtered.html', renderDashboard(reports, { reportHref: (r) => `${r.attendee.id}.html` }));
  await page.getByLabel('Verdict').selectOption('failed');
  await printed(page, testInfo, 'dashboard-filtered');
  await expect(page.locator('#fg-table tbody tr:visible')).toHaveCount(2);
  await expect(page.locator('#fg-count')).toBeVisible();
  await expect(page.locator('#fg-count')).toHaveText('Showing 2 of 6 submissions');
  await expect(page.locator('#fg-filter')).toBeHidden(); // nothing to type into on paper
  expect(watched.errors).toEqual([]);
});
