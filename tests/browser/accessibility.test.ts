/**
 * Accessibility of the three HTML surfaces (an attendee's report, the class dashboard, the
 * self-check page) in real Chromium, WCAG 2.1 AA as the yardstick: what axe-core cannot judge,
 * checked here by hand. axe (accessibility-axe.test.ts) runs the rule-based checks: text contrast,
 * names and labels, ARIA, landmarks, headings, tables, lists, ids, lang. Here: keyboard-only use
 * and focus, reflow at 400% zoom (320 CSS px) and WCAG 1.4.12 text spacing, the contrast of a
 * control's edge (3:1, WCAG 1.4.11) and of the drawings' SVG text (which axe leaves for review)
 * from computed colours, colour never the only cue (the drawings say in words what their colours
 * show), and what a screen reader says that is flowgrade's own (names of tables and drawings,
 * live regions, the one control for a file) as Chromium computes it.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { findMission } from '../../checks/index.js';
import { renderDashboard, renderHtmlReport } from '../../reports/index.js';
import { failedReport, passedReport, ungradableReport } from '../unit/reports/sample-reports.js';
import { gradeFixture } from '../unit/checks/support.js';
import { fixturePath } from '../helpers.js';
import { contrast } from './colours.js';
import { filePages, useServedSite, watchPage } from './site.js';

const open = filePages('flowgrade-a11y-');

/** The background an element is drawn on: its own, else the first opaque one of its ancestors (white at the top). */
function backdrop(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    for (let at: Element | null = element; at; at = at.parentElement) {
      const color = getComputedStyle(at).backgroundColor;
      if (color !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(color)) return color;
    }
    return 'rgb(255, 255, 255)';
  });
}

/** The text spacing WCAG 1.4.12 asks a page to bear (as a reader's style sheet or bookmarklet sets it). */
const TEXT_SPACING =
  '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

/** How far the page scrolls sideways (0: all of it fits the viewport's width). */
function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test.describe('attendee report', () => {
  test('reflow: at 320 CSS px (400% zoom) a failure\'s Expected / Actual / Where wrap; the page never scrolls sideways', async ({ page }, testInfo) => {
    // "Where" is prose naming an activity (CallBackAPI_HTTPRequest, one long word): it set the
    // width of the fact list's column, wider than a phone or a 400% zoom.
    const report = await gradeFixture('flows/defect-callbackapi-method-put.json');
    await page.setViewportSize({ width: 320, height: 800 });
    const { watched } = await open(page, 'reflow.html', renderHtmlReport(report));
    const facts = page.locator('.fg-check.failed .fg-facts').first();
    await expect(facts.locator('dt', { hasText: 'Where' })).toBeVisible();
    await facts.screenshot({ path: testInfo.outputPath('report-320-facts.png') });
    expect(await sidewaysScroll(page)).toBe(0);
    const right = await facts.evaluate((dl) => Math.max(...[...dl.children].map((child) => child.getBoundingClientRect().right)));
    expect(right).toBeLessThanOrEqual(320);
    expect(watched.errors).toEqual([]);
  });

  test('reflow with text spacing: at 320 CSS px and WCAG 1.4.12 spacing, a Build step heading with a long name in it wraps; the page never scrolls sideways', async ({ page }) => {
    // Step 5's heading names GET_CBID.httpResponseBody, one word: it just fits 320 px in the
    // report's own spacing, and ran off the screen with a reader's wider letter spacing.
    const report = await gradeFixture('flows/defect-callbackapi-method-put.json');
    await page.setViewportSize({ width: 320, height: 800 });
    const { watched } = await open(page, 'spacing.html', renderHtmlReport(report));
    await page.addStyleTag({ content: TEXT_SPACING });
    await expect(page.getByRole('heading', { name: /GET_CBID\.httpResponseBody/ }).first()).toBeVisible();
    expect(await sidewaysScroll(page)).toBe(0);
    expect(watched.errors).toEqual([]);
  });

  test('reflow with text spacing: at 320 CSS px and WCAG 1.4.12 spacing, an ungradable report\'s How to fix line wraps its long flow name; the page never scrolls sideways', async ({ page }) => {
    // "Export the flow again (Flow Designer → Flows → Main_Flow_<ID> → Export)": the flow's name, one
    // word, ran 23 px off the screen with a reader's letter spacing.
    await page.setViewportSize({ width: 320, height: 800 });
    const { watched } = await open(page, 'spacing-ungradable.html', renderHtmlReport(ungradableReport()));
    await page.addStyleTag({ content: TEXT_SPACING });
    await expect(page.getByText('Export the flow again')).toBeVisible();
    expect(await sidewaysScroll(page)).toBe(0);
    expect(watched.errors).toEqual([]);
  });

  test('the standalone report\'s one h1 is inside its main landmark', async ({ page }) => {
    // axe checks one main landmark and nothing outside a landmark; not where the h1 is.
    for (const [name, report] of [['failed', failedReport()], ['ungradable', ungradableReport()]] as const) {
      await open(page, `landmark-${name}.html`, renderHtmlReport(report));
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveCount(1);
    }
  });

  test('the flow drawing says in words what its colours show: the path of the call, in order, and the activities with a failing check', async ({ page }) => {
    const { watched } = await open(page, 'drawing-text.html', renderHtmlReport(failedReport()));
    const main = page.getByRole('img', { name: 'Main Flow' });
    await expect(main).toHaveAccessibleDescription(
      '7 activities. The simulated call “Title of scenario happy-path” ran through 6 of them: NewPhoneContact, WantCallback, GET_CBID, SetGetResult, SimulateGlobalError, DisconnectContact_g9e. ' +
        'With a failing check: GET_CBID, SimulateGlobalError.',
    );
    await expect(page.getByRole('img', { name: 'Event Flows' })).toHaveAccessibleDescription('4 activities. The simulated call “Title of scenario happy-path” did not run through any of them.');
    // A passed call through both flows, and no failure.
    await open(page, 'drawing-text-passed.html', renderHtmlReport(passedReport()));
    await expect(page.getByRole('img', { name: 'Event Flows' })).toHaveAccessibleDescription(
      '4 activities. The simulated call “Title of scenario happy-path” ran through all of them: GlobalErrorHandling, CallBackAPI_HTTPRequest, HTTPStatusCode, EndFlow_kid.',
    );
    expect(watched.errors).toEqual([]);
  });

  for (const theme of [undefined, 'dark', 'light'] as const) {
    test(`the drawings' text (activity names and types, exit labels, the failing badge) has 4.5:1 contrast with what it is drawn on${theme ? `, in a ${theme} Contrast theme (forced colours)` : ''}`, async ({ page }) => {
      // axe leaves SVG text as "needs review": it cannot tell which shape is behind it.
      if (theme) await page.emulateMedia({ forcedColors: 'active', colorScheme: theme });
      const { watched } = await open(page, `drawing-contrast-${theme ?? 'own'}.html`, renderHtmlReport(failedReport()));
      const texts = await page.locator('svg.flow text').evaluateAll((all) =>
        all.map((text) => {
          const style = getComputedStyle(text);
          // An exit label is drawn on its own halo (a stroke painted under it); an activity's words on its box, the badge's mark on its circle.
          const halo = style.stroke !== 'none' && style.paintOrder.startsWith('stroke');
          const shape = text.parentElement!.querySelector(':scope > rect, :scope > circle');
          const back = halo ? style.stroke : shape ? getComputedStyle(shape).fill : getComputedStyle(text.closest('.fg-drawing')!).backgroundColor;
          return { text: text.textContent, color: style.fill, back };
        }),
      );
      // White, the path's blue, the failure's red; in a Contrast theme its background, and its text colour under the badge's mark.
      expect(new Set(texts.map((t) => t.back)).size).toBeGreaterThanOrEqual(theme ? 2 : 3);
      const low = texts.map((t) => ({ ...t, ratio: Math.round(contrast(t.color, t.back) * 100) / 100 })).filter((t) => t.ratio < 4.5);
      expect(low).toEqual([]);
      expect(watched.errors).toEqual([]);
    });
  }

  test('each trace table is named after its call or its check: a screen reader listing tables and scroll areas tells them apart', async ({ page }) => {
    const report = failedReport();
    const { watched } = await open(page, 'trace-names.html', renderHtmlReport(report));
    // The simulated call's full trace, and a failing check's excerpt of it.
    await expect(page.getByRole('table', { name: 'Trace of the simulated call “Title of scenario happy-path”' })).toHaveCount(1);
    await expect(page.getByRole('group', { name: 'Trace of the simulated call “Title of scenario happy-path”, scrollable' })).toBeVisible();
    const excerpt = report.checks.find((check) => check.traceExcerpt?.length)!;
    await expect(page.getByRole('table', { name: `Trace for the check “${excerpt.title}”` })).toHaveCount(1);
    // No two scroll areas, no two tables, share a name.
    const names = async (role: 'table' | 'group') => {
      const all = page.locator(`[role="${role}"], ${role === 'table' ? 'table' : '.fg-table-wrap'}`); // (not <details>, a group too)
      const found: string[] = [];
      for (let i = 0; i < (await all.count()); i++) found.push((await all.nth(i).getAttribute('aria-label')) ?? '');
      return found;
    };
    const tables = await names('table');
    expect(tables.length).toBeGreaterThanOrEqual(2);
    expect(tables.every(Boolean)).toBe(true);
    expect(new Set(tables).size).toBe(tables.length);
    const groups = await names('group');
    expect(new Set(groups).size).toBe(groups.length);
    expect(watched.errors).toEqual([]);
  });
  test('a scroll area reached by Tab (a trace table, a drawing) shows the report\'s 3-px focus ring, as a link does, not the browser\'s thin default', async ({ page }) => {
    const { watched } = await open(page, 'focus-areas.html', renderHtmlReport(failedReport()));
    const ring = (selector: string) => page.locator(selector).first().evaluate((element) => {
      const style = getComputedStyle(element);
      return `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
    });
    const reached: Record<string, string> = {};
    for (let i = 0; i < 200 && Object.keys(reached).length < 3; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.matches(':focus-visible') ? (['.fg-table-wrap', '.fg-drawing', 'a'].find((s) => document.activeElement!.matches(s)) ?? '') : '');
      if (focused && !(focused in reached)) reached[focused] = await ring(':focus');
    }
    expect(Object.keys(reached).sort()).toEqual(['.fg-drawing', '.fg-table-wrap', 'a']);
    expect(reached['a']).toMatch(/^solid 3px /);
    expect(reached['.fg-table-wrap']).toBe(reached['a']);
    expect(reached['.fg-drawing']).toBe(reached['a']);
    expect(watched.errors).toEqual([]);
  });
});

test.describe('class dashboard', () => {
  test('reflow: at 320 CSS px, with and without WCAG 1.4.12 text spacing, the duplicate submissions table keeps its headings and a short attendee id whole beside long file paths', async ({ page }, testInfo) => {
    // The paths may wrap anywhere; "Attendee" and "1001" were broken a letter a line, the column as narrow as one character.
    const folder = '/home/instructor/classes/2026-spring/section-04/submissions/';
    const file = (suffix: string) => `${folder}Main_Flow_1001_exported_from_the_sandbox_tenant${suffix}.json`;
    const html = renderDashboard([passedReport(), failedReport()], { reportHref: (r) => `${r.attendee.id}.html`, duplicates: [{ attendee: '1001', kept: file(''), dropped: [file('-copy')] }] });
    await page.setViewportSize({ width: 320, height: 800 });
    for (const spacing of [false, true]) {
      const { watched } = await open(page, `duplicates-${spacing}.html`, html);
      if (spacing) await page.addStyleTag({ content: TEXT_SPACING });
      const table = page.locator('table.fg-plain');
      await table.screenshot({ path: testInfo.outputPath(`duplicates-320${spacing ? '-spacing' : ''}.png`) });
      // Lines each word of a heading or the id takes: one.
      const split = await table.evaluate((element) => {
        const words: string[] = [];
        for (const cell of element.querySelectorAll('thead th, tbody th')) {
          const range = document.createRange();
          range.selectNodeContents(cell);
          const lines = new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size;
          if (lines > cell.textContent!.trim().split(/\s+/).length) words.push(`${cell.textContent}: ${lines} lines`);
        }
        return words;
      });
      expect(split, spacing ? 'with text spacing' : 'as written').toEqual([]);
      expect(await sidewaysScroll(page)).toBe(0);
      expect(watched.errors).toEqual([]);
    }
  });

  test('each Build step column says which step it is in text on the page, not only in a tooltip a keyboard or touch user never sees', async ({ page }) => {
    const reports = [passedReport(), failedReport(), ungradableReport()];
    const { watched } = await open(page, 'step-key.html', renderDashboard(reports, { reportHref: (r) => `${r.attendee.id}.html` }));
    const titles = findMission('callback-on-global-error')!.steps;
    for (const step of [2, 4, 6, 8, 9, 10]) {
      const button = page.getByRole('button', { name: `Step ${step}`, exact: true });
      await button.focus();
      await expect(button).toBeFocused();
      // The title of the focused column's step, readable without hovering.
      await expect(page.getByText(titles[step], { exact: false }).first()).toBeVisible();
    }
    expect(watched.errors).toEqual([]);
  });
});

test.describe('self-check page', () => {
  const site = useServedSite();

  test('while a file is graded, "Grading …" is announced: the live region holding the status is not marked busy', async ({ page }) => {
    const watched = watchPage(page);
    await page.clock.install({ time: new Date('2025-06-02T10:00:00Z') });
    await page.goto(site().url);
    await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
    // The page's timers now wait for the test: the checks start (after a timer of 0 ms) when it resumes.
    await page.clock.pauseAt(new Date('2025-06-02T11:00:00Z'));
    await page.locator('#file-input').setInputFiles(fixturePath('flows/solution.json'));
    await expect(page.locator('#results')).toHaveAttribute('data-state', 'grading');
    const status = page.locator('#status');
    await expect(status).toHaveText('Grading solution.json…');
    // Screen readers hold back what changes in a live region marked aria-busy: the progress
    // message would never be read, only the result once it is cleared.
    const live = await status.evaluate((element) => {
      const region = element.closest('[aria-live], [role="status"], [role="alert"], [role="log"]');
      return region ? { polite: region.getAttribute('aria-live') ?? region.getAttribute('role'), busy: region.closest('[aria-busy="true"]') !== null } : null;
    });
    expect(live).toEqual({ polite: 'polite', busy: false });
    await expect(page.locator('#report')).toHaveAttribute('aria-busy', 'true'); // what is being replaced
    await page.clock.resume();
    await expect(status).toHaveText(/^solution\.json: passed, (\d+)\/\1 points\.$/);
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    expect(watched.errors).toEqual([]);
  });

  test('a file that cannot be graded is announced once: its message and advice sit in the one polite live region with the status, no alert nested inside it', async ({ page }) => {
    const watched = watchPage(page);
    await page.goto(site().url);
    await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
    await page.locator('#file-input').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('not a flow\n') });
    const box = page.locator('#error .page-error');
    await expect(box).toContainText('notes.json: not valid JSON');
    // A role="alert" (or any live region) inside the aria-live region is a second announcement of the same words.
    const regions = await box.evaluate((element) => {
      const live = '[aria-live]:not([aria-live="off"]), [role="alert"], [role="status"], [role="log"], [role="marquee"], [role="timer"]';
      const around: string[] = [];
      for (let node: Element | null = element; node; node = node.parentElement) if (node.matches(live)) around.push(`#${node.id} ${node.getAttribute('aria-live') ?? node.getAttribute('role')}`);
      return { around, inside: element.closest('#results')!.querySelectorAll(live).length };
    });
    expect(regions).toEqual({ around: ['#results polite'], inside: 0 });
    // As Chromium gives it to screen readers: the message and the advice each inside one live region, polite; no alert.
    const cdp = await page.context().newCDPSession(page);
    type AxNode = { nodeId: string; parentId?: string; ignored: boolean; role?: { value: string }; name?: { value: string }; properties?: { name: string; value: { value: unknown } }[] };
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const liveOf = (node: AxNode) => node.properties?.find((property) => property.name === 'live')?.value.value;
    const liveAround = (start: AxNode | undefined) => {
      const found: unknown[] = [];
      for (let node = start; node; node = node.parentId ? byId.get(node.parentId) : undefined) if (liveOf(node)) found.push(`${node.role?.value} ${liveOf(node)}`);
      return found;
    };
    for (const words of ['notes.json: not valid JSON', 'Export the flow again']) {
      const text = nodes.find((node) => node.role?.value === 'StaticText' && String(node.name?.value).startsWith(words));
      expect(liveAround(text), words).toEqual(['generic polite']);
    }
    expect(nodes.filter((node) => !node.ignored && (node.role?.value === 'alert' || liveOf(node) === 'assertive'))).toEqual([]);
    expect(watched.errors).toEqual([]);
  });

  test('one control for one action: a screen reader meets the drop zone as the only button to give a file (the file input it opens is not exposed), and every control is labelled', async ({ page }) => {
    const watched = watchPage(page);
    await page.goto(site().url);
    await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
    // The accessibility tree as Chromium gives it to screen readers (not as a test library works it out).
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[] };
    const controls = nodes
      .filter((node) => !node.ignored && ['button', 'textbox', 'combobox', 'checkbox', 'radio', 'link'].includes(node.role?.value ?? ''))
      .map((node) => `${node.role!.value}: ${node.name?.value ?? ''}`)
      .sort();
    expect(controls).toEqual(['button: Drop your export here or press to choose a file', 'combobox: Lab', 'textbox: Attendee id', 'textbox: DNIS']);
    // The one control does the job by keyboard and by mouse: the file chooser opens.
    for (const press of [() => page.locator('#drop-zone').press('Enter'), () => page.locator('#drop-zone').press(' '), () => page.locator('#drop-zone').click()]) {
      const chooser = page.waitForEvent('filechooser');
      await press();
      expect((await chooser).isMultiple()).toBe(false);
    }
    expect(watched.errors).toEqual([]);
  });

  test('the drop zone\'s dashed outline, the only edge of the area to drop on, has 3:1 contrast with what is around it and inside it', async ({ page }) => {
    const watched = watchPage(page);
    await page.goto(site().url);
    const zone = page.locator('#drop-zone');
    await expect(zone).toBeEnabled();
    const border = await zone.evaluate((element) => getComputedStyle(element).borderTopColor);
    expect(contrast(border, await zone.evaluate((element) => getComputedStyle(element).backgroundColor))).toBeGreaterThanOrEqual(3);
    expect(contrast(border, await backdrop(zone.locator('..')))).toBeGreaterThanOrEqual(3);
    expect(watched.errors).toEqual([]);
  });

  test('reflow: at 320 CSS px (400% zoom) with a failing report on show, the page never scrolls sideways', async ({ page }) => {
    const watched = watchPage(page);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(site().url);
    await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
    await page.locator('#file-input').setInputFiles(fixturePath('flows/defect-callbackapi-method-put.json'));
    await expect(page.locator('#results')).toHaveAttribute('data-verdict', 'failed');
    await expect(page.locator('#report .fg-facts').first()).toBeVisible();
    expect(await sidewaysScroll(page)).toBe(0);
    expect(watched.errors).toEqual([]);
  });

  test('reflow with text spacing: at 320 CSS px and WCAG 1.4.12 spacing, the Lab field (one lab: it cannot be opened) shows the lab\'s whole name', async ({ page }, testInfo) => {
    // "Callback on Global Error" ran past the field's edge, cut at "Err", and no list opens to read it whole.
    const watched = watchPage(page);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(site().url);
    await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
    await page.addStyleTag({ content: TEXT_SPACING });
    const lab = page.locator('#lab');
    await expect(lab).toBeDisabled();
    await page.locator('#lab-field').screenshot({ path: testInfo.outputPath('lab-320-spacing.png') });
    const room = await lab.evaluate((select: HTMLSelectElement) => {
      // The lines the name needs at the field's inner width (less, with the field's arrow beside it), against the lines the field has.
      const style = getComputedStyle(select);
      const sample = document.body.appendChild(document.createElement('div'));
      sample.textContent = select.selectedOptions[0].text;
      sample.style.cssText = `position: absolute; font: ${style.font}; letter-spacing: ${style.letterSpacing}; word-spacing: ${style.wordSpacing}; line-height: ${style.lineHeight}; width: ${select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)}px`;
      const needs = sample.offsetHeight;
      sample.remove();
      return { overflow: select.scrollWidth - select.clientWidth, needs, has: select.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom) };
    });
    expect(room.overflow).toBeLessThanOrEqual(0);
    expect(room.has).toBeGreaterThanOrEqual(room.needs);
    expect(watched.errors).toEqual([]);
  });
});
