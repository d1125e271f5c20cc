/**
 * The three HTML surfaces in forced colours (Windows' Contrast themes, which many readers with low
 * vision use): the browser replaces text, background and border colours by the theme's, so what a
 * colour alone said is gone unless a mark, a word, a shape or one of the theme's own colours
 * (system colours: Canvas, CanvasText, Highlight…) says it. Chromium emulates two themes, white on
 * black (`dark`) and black on white (`light`); each test runs in both and keeps a screenshot.
 * What is asserted is what the reader sees: computed colours and styles in that mode.
 */
import { test, expect, type Page } from '@playwright/test';
import { renderDashboard, renderHtmlReport } from '../../reports/index.js';
import { failedReport, passedReport, ungradableReport } from '../unit/reports/sample-reports.js';
import { contrast, over } from './colours.js';
import { filePages, useServedSite, watchPage } from './site.js';

const open = filePages('flowgrade-forced-');
const THEMES = ['dark', 'light'] as const;

function forced(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
  return page.emulateMedia({ forcedColors: 'active', colorScheme: theme });
}

/** How an element looks, as far as forced colours leave it to the page. */
function look(page: Page, selector: string): Promise<{ background: string; color: string; border: string; outline: string }> {
  return page.locator(selector).first().evaluate((element) => {
    const s = getComputedStyle(element);
    return { background: s.backgroundColor, color: s.color, border: `${s.borderTopStyle} ${s.borderTopColor}`, outline: s.outlineStyle === 'none' ? 'none' : `${s.outlineStyle} ${s.outlineColor}` };
  });
}

for (const theme of THEMES) {
  test(`attendee report, ${theme} Contrast theme: the drawing is in the theme's colours, the call's path and the failing activities still stand out, and the legend shows them as drawn`, async ({ page }, testInfo) => {
    await forced(page, theme);
    const { watched } = await open(page, `drawing-${theme}.html`, renderHtmlReport(failedReport()));
    await page.locator('.fg-legend').screenshot({ path: testInfo.outputPath(`legend-${theme}.png`) });
    await page.locator('.fg-figure').first().screenshot({ path: testInfo.outputPath(`main-flow-${theme}.png`) });
    const canvas = await page.locator('.fg-drawing').first().evaluate((element) => getComputedStyle(element).backgroundColor);
    const drawn = await page.locator('svg.flow').evaluateAll((svgs) => {
      const styles = (selector: string) =>
        svgs.flatMap((svg) => [...svg.querySelectorAll(selector)]).map((element) => {
          const s = getComputedStyle(element);
          return { fill: s.fill, stroke: s.stroke, width: parseFloat(s.strokeWidth), dashed: s.strokeDasharray !== 'none' };
        });
      return {
        boxes: styles('.node rect'),
        plain: styles('.node:not(.executed):not(.failing) rect'),
        ran: styles('.node.executed:not(.failing) rect'),
        failing: styles('.node.failing rect'),
        links: styles('.edge:not(.executed) path'),
        path: styles('.edge.executed path'),
      };
    });
    for (const part of ['plain', 'ran', 'failing', 'links', 'path'] as const) expect(drawn[part].length, part).toBeGreaterThan(0);
    // Boxes on the theme's background, like the page around them (not light islands in a dark theme).
    expect(new Set(drawn.boxes.map((box) => box.fill))).toEqual(new Set([canvas]));
    // The call's path: one colour of the theme's, not the other links', thicker, and visible (3:1).
    const pathColour = new Set(drawn.path.map((link) => link.stroke));
    expect(pathColour.size).toBe(1);
    const [stroke] = pathColour;
    expect(drawn.links.map((link) => link.stroke)).not.toContain(stroke);
    expect(drawn.ran.map((box) => box.stroke)).toEqual(drawn.ran.map(() => stroke));
    expect(Math.min(...drawn.path.map((link) => link.width))).toBeGreaterThan(Math.max(...drawn.links.map((link) => link.width)));
    for (const colour of [stroke, ...new Set(drawn.links.map((link) => link.stroke))]) expect(contrast(over(colour, canvas), canvas), colour).toBeGreaterThanOrEqual(3);
    // A failing activity: dashed, unlike every other box.
    expect(drawn.failing.every((box) => box.dashed)).toBe(true);
    expect([...drawn.plain, ...drawn.ran].some((box) => box.dashed)).toBe(false);
    // The legend's keys are drawn as the drawing is, and its words name no colour the page no longer shows.
    expect(await look(page, '.fg-key.fg-exec')).toMatchObject({ border: `solid ${stroke}` });
    expect((await look(page, '.fg-key.fg-fail')).border).toMatch(/^dashed /);
    const legend = await page.locator('.fg-legend').innerText();
    expect(legend).toContain('the path of the simulated call');
    expect(legend).not.toMatch(/\b(blue|red)\b/);
    expect(watched.errors).toEqual([]);
  });

  test(`attendee report, ${theme} Contrast theme: a FAILED verdict badge does not look like a PASSED one`, async ({ page }, testInfo) => {
    await forced(page, theme);
    const looks: Record<string, Awaited<ReturnType<typeof look>>> = {};
    for (const report of [passedReport(), failedReport(), ungradableReport()]) {
      await open(page, `verdict-${report.verdict}-${theme}.html`, renderHtmlReport(report));
      await page.locator('.fg-verdict-line').screenshot({ path: testInfo.outputPath(`verdict-${report.verdict}-${theme}.png`) });
      looks[report.verdict] = await look(page, '.fg-verdict');
    }
    expect(looks.failed).not.toEqual(looks.passed);
    expect(looks.ungradable).not.toEqual(looks.passed);
    for (const verdict of ['passed', 'failed', 'ungradable']) expect(contrast(looks[verdict].color, looks[verdict].background), verdict).toBeGreaterThanOrEqual(4.5);
  });

  test(`attendee report, ${theme} Contrast theme: a Build step that failed, one partly passed and one passed are each edged differently`, async ({ page }, testInfo) => {
    await forced(page, theme);
    const { watched } = await open(page, `steps-${theme}.html`, renderHtmlReport(failedReport()));
    await page.locator('.fg-step.failed').first().screenshot({ path: testInfo.outputPath(`step-failed-${theme}.png`) });
    const edge = (selector: string) => page.locator(selector).first().evaluate((element) => `${getComputedStyle(element).borderLeftStyle} ${getComputedStyle(element).borderLeftColor}`);
    const passed = await edge('.fg-step.passed');
    expect(await edge('.fg-step.failed')).not.toBe(passed);
    expect(await edge('.fg-step.partial')).not.toBe(passed);
    expect(await edge('.fg-step.partial')).not.toBe(await edge('.fg-step.failed'));
    expect(watched.errors).toEqual([]);
  });

  test(`class dashboard, ${theme} Contrast theme: failed, partly passed and passed heat-map cells, and failed and passed verdicts, each look different`, async ({ page }, testInfo) => {
    await forced(page, theme);
    const { watched } = await open(page, `dashboard-${theme}.html`, renderDashboard([passedReport(), failedReport(), ungradableReport()], { reportHref: (r) => `${r.attendee.id}.html` }));
    await page.locator('#fg-table').screenshot({ path: testInfo.outputPath(`heat-map-${theme}.png`) });
    const cells = { passed: await look(page, 'td.fg-cell.passed'), partial: await look(page, 'td.fg-cell.partial'), failed: await look(page, 'td.fg-cell.failed') };
    expect(new Set(Object.values(cells).map((cell) => JSON.stringify(cell))).size).toBe(3);
    for (const [state, cell] of Object.entries(cells)) expect(contrast(cell.color, cell.background), state).toBeGreaterThanOrEqual(4.5);
    expect(await look(page, '.fg-verdict.failed')).not.toEqual(await look(page, '.fg-verdict.passed'));
    expect(watched.errors).toEqual([]);
  });
}

test.describe('self-check page', () => {
  const site = useServedSite();

  for (const theme of THEMES) {
    test(`${theme} Contrast theme: a file dragged over the drop zone changes how it looks, as it does in the page's own colours`, async ({ page }, testInfo) => {
      const watched = watchPage(page);
      await forced(page, theme);
      await page.goto(site().url);
      await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
      const zone = page.locator('#drop-zone');
      const idle = await look(page, '#drop-zone');
      const dataTransfer = await page.evaluateHandle(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(['{}'], 'Main_Flow_140.json', { type: 'application/json' }));
        return transfer;
      });
      await zone.dispatchEvent('dragenter', { dataTransfer });
      await expect(zone).toHaveClass(/is-dragging/);
      await page.screenshot({ path: testInfo.outputPath(`dragging-${theme}.png`) });
      expect(await look(page, '#drop-zone')).not.toEqual(idle);
      expect(watched.errors).toEqual([]);
    });

    test(`${theme} Contrast theme: a DNIS field holding an invalid number is edged unlike a valid one (its red edge alone said it)`, async ({ page }, testInfo) => {
      const watched = watchPage(page);
      await forced(page, theme);
      await page.goto(site().url);
      await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
      const edge = () => page.locator('#dnis').evaluate((element) => `${getComputedStyle(element).borderTopStyle} ${getComputedStyle(element).borderTopWidth}`);
      const valid = await edge();
      await page.locator('#dnis').fill('469-409');
      await page.locator('#attendee').focus();
      await expect(page.locator('#dnis')).toHaveAttribute('aria-invalid', 'true');
      await page.screenshot({ path: testInfo.outputPath(`invalid-dnis-${theme}.png`) });
      expect(await edge()).not.toEqual(valid);
      expect(watched.errors).toEqual([]);
    });

    test(`${theme} Contrast theme: each control reached by Tab shows a focus outline (the page's ring has a box-shadow, which forced colours drop)`, async ({ page }) => {
      const watched = watchPage(page);
      await forced(page, theme);
      await page.goto(site().url);
      await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
      const rings: string[] = [];
      for (const id of ['drop-zone', 'attendee', 'dnis']) {
        await page.keyboard.press('Tab');
        await expect(page.locator(`#${id}`)).toBeFocused();
        rings.push(await page.locator(`#${id}`).evaluate((element) => `${element.id} ${getComputedStyle(element).outlineStyle} ${parseFloat(getComputedStyle(element).outlineWidth) >= 2}`));
      }
      expect(rings).toEqual(['drop-zone solid true', 'attendee solid true', 'dnis solid true']);
      expect(watched.errors).toEqual([]);
    });
  }
});
