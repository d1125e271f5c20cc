/**
 * The HTML report opened from file://, as an instructor or attendee opens it: a failed check's
 * Where takes the reader to its activity in the drawing. The reference flow's Main Flow is some
 * 2,560 px wide and scrolls in its box; GET_CBID, SetGetResult and SimulateGlobalError (Build
 * steps 4 to 7) lie beyond its right edge at 1280 px, and the report runs no script to scroll it.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { renderHtmlReport } from '../../reports/index.js';
import { gradeFixture } from '../unit/checks/support.js';
import { filePages } from './site.js';

const open = filePages('flowgrade-report-where-');

/**
 * Where `node` is: within the page's viewport and within its drawing's visible area (its scroll
 * box less its border), each wholly or not, and whether it is the page's :target.
 */
function placeOf(node: Locator) {
  return node.evaluate((g) => {
    const area = g.closest<HTMLElement>('.fg-drawing')!;
    const frame = area.getBoundingClientRect();
    const [left, top] = [frame.left + area.clientLeft, frame.top + area.clientTop];
    const box = g.getBoundingClientRect();
    return {
      inDrawing: box.left >= left && box.right <= left + area.clientWidth && box.top >= top && box.bottom <= top + area.clientHeight,
      inViewport: box.left >= 0 && box.right <= window.innerWidth && box.top >= 0 && box.bottom <= window.innerHeight,
      target: g.matches(':target'),
    };
  });
}

/** The computed frame of an activity's box: how the mark shows it, whatever the colours. */
function frameOf(node: Locator) {
  return node.locator('rect').evaluate((rect) => {
    const style = getComputedStyle(rect);
    return { width: style.strokeWidth, dashes: style.strokeDasharray };
  });
}

async function report(page: Page, fixture: string): Promise<Awaited<ReturnType<typeof open>>> {
  return open(page, `${fixture}.html`, renderHtmlReport(await gradeFixture(`flows/${fixture}.json`)));
}

const node = (page: Page, drawing: 'Main Flow' | 'Event Flows', label: string) =>
  page.locator('.fg-figure').filter({ has: page.locator('figcaption', { hasText: drawing }) }).locator('g.node.failing').filter({ has: page.locator('text.label', { hasText: label }) });

for (const [fixture, activity] of [
  ['defect-getcbid-jsonpath-without-index', 'GET_CBID'],
  ['defect-setgetresult-literal', 'SetGetResult'],
  ['defect-simulate-no-disconnect', 'SimulateGlobalError'],
]) {
  test(`${fixture} from file:// at 1280 px: its Where “${activity}, on the Main Flow tab” brings ${activity} into sight in the drawing, marked`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const { watched } = await report(page, fixture);
    const target = node(page, 'Main Flow', activity);
    await expect(target).toHaveCount(1);
    expect(await placeOf(target)).toMatchObject({ inDrawing: false, target: false }); // beyond the drawing's right edge as it opens
    const unmarked = await frameOf(target);

    await page.locator('.fg-check.failed a.fg-where', { hasText: `${activity}, on the Main Flow tab` }).first().click();
    expect(await placeOf(target)).toEqual({ inDrawing: true, inViewport: true, target: true });
    // Marked by its frame's shape, not by colour alone: thicker and solid where it was dashed.
    const marked = await frameOf(target);
    expect(parseFloat(marked.width)).toBeGreaterThanOrEqual(2 * parseFloat(unmarked.width));
    expect(marked.dashes).toBe('none');
    expect(unmarked.dashes).not.toBe('none');
    expect(watched.errors).toEqual([]);
  });
}

test('on a phone (390 px), an Event Flows Where brings its activity into sight in the Event Flows drawing', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await report(page, 'defect-callbackapi-method-put');
  const target = node(page, 'Event Flows', 'CallBackAPI…Request');
  expect((await placeOf(target)).inDrawing).toBe(false);
  await page.locator('.fg-check.failed a.fg-where', { hasText: 'CallBackAPI_HTTPRequest, on the Event Flows tab' }).first().click();
  expect(await placeOf(target)).toEqual({ inDrawing: true, inViewport: true, target: true });
});

test('the drawing\'s caption names its activities with a failing check, each a link that brings it into sight in the drawing', async ({ page }) => {
  // Before: a wide drawing opened at its left edge, and only the checks' Wheres led to its failing box.
  await page.setViewportSize({ width: 1280, height: 900 });
  const { watched } = await report(page, 'defect-getcbid-jsonpath-without-index');
  const target = node(page, 'Main Flow', 'GET_CBID');
  expect((await placeOf(target)).inDrawing).toBe(false);
  const caption = page.locator('.fg-figure figcaption', { hasText: 'Main Flow' });
  await expect(caption).toHaveText('Main Flow — with a failing check: GET_CBID');
  await caption.getByRole('link', { name: 'GET_CBID' }).click();
  expect(await placeOf(target)).toEqual({ inDrawing: true, inViewport: true, target: true });
  await expect(page.locator('.fg-figure figcaption', { hasText: 'Event Flows' })).toHaveText('Event Flows');
  expect(watched.errors).toEqual([]);
});

test('in forced colours (a Contrast theme), the activity a Where led to is still marked by its frame', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await page.setViewportSize({ width: 1280, height: 900 });
  await report(page, 'defect-getcbid-jsonpath-without-index');
  const target = node(page, 'Main Flow', 'GET_CBID');
  const unmarked = await frameOf(target);
  await page.locator('a.fg-where', { hasText: 'GET_CBID' }).first().click();
  expect((await placeOf(target)).target).toBe(true);
  const marked = await frameOf(target);
  expect(parseFloat(marked.width)).toBeGreaterThanOrEqual(2 * parseFloat(unmarked.width));
  expect(marked.dashes).toBe('none');
});
