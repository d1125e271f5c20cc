/**
 * The flow drawings on the self-check page: each scrolls within the report (the reference flow is
 * some 2,500 px wide), and opens where the attendee has something to see. An attendee audit found
 * GET_CBID, SetGetResult and SimulateGlobalError, the activities of Build steps 4 to 7, beyond the
 * right edge of the Main Flow drawing at 1280 px: the legend promised a red dashed activity that
 * was nowhere in sight (14 of the 35 defect fixtures).
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { fixturePath } from '../helpers.js';
import { useServedSite, useWatchedPage } from './site.js';

const site = useServedSite();
useWatchedPage(site, '2025-06-02T10:00:00Z');

const status = (page: Page) => page.locator('#status');

/** Each drawing's caption, how far it is scrolled, and its activities with a failing check: in its scroll area's sight or not. */
function drawings(page: Page) {
  return page.locator('.fg-figure').evaluateAll((figures) =>
    figures.map((figure) => {
      const area = figure.querySelector<HTMLElement>('.fg-drawing')!;
      const box = area.getBoundingClientRect();
      const [left, top] = [box.left + area.clientLeft, box.top + area.clientTop];
      const failing = [...area.querySelectorAll('g.node.failing')].map((node) => {
        const at = node.getBoundingClientRect();
        const seen = at.left >= left && at.right <= left + area.clientWidth && at.top >= top && at.bottom <= top + area.clientHeight;
        return `${node.querySelector('text.label')!.textContent}${seen ? '' : ' (out of sight)'}`;
      });
      return { caption: figure.querySelector('figcaption')!.firstChild!.textContent!.trim(), scrolled: area.scrollLeft + area.scrollTop > 0, failing };
    }),
  );
}

async function give(page: Page, fixture: string): Promise<void> {
  await page.locator('#file-input').setInputFiles(fixturePath(`flows/${fixture}`));
  await expect(status(page)).toHaveText(new RegExp(`^${fixture.replace(/\./g, '\\.')}: failed`));
}

for (const [fixture, activity] of [
  ['defect-getcbid-jsonpath-without-index.json', 'GET_CBID'],
  ['defect-setgetresult-literal.json', 'SetGetResult'],
  ['defect-simulate-no-disconnect.json', 'SimulateGlobalError'],
]) {
  test(`${fixture} at 1280 px: the Main Flow drawing opens with ${activity}, which fails, in sight; the page stays where it put the summary line`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await give(page, fixture);
    expect(await drawings(page)).toEqual([
      { caption: 'Main Flow', scrolled: true, failing: [activity] },
      { caption: 'Event Flows', scrolled: false, failing: [] },
    ]);
    expect(await status(page).evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(60);
  });
}

test('on a phone (390 px), the activity that fails is in sight in its drawing, in the main flow and in the event flows', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await give(page, 'defect-menu-option3-unlinked.json');
  expect((await drawings(page))[0]).toMatchObject({ caption: 'Main Flow', failing: ['WantCallback'] });
  await give(page, 'defect-callbackapi-method-put.json');
  expect((await drawings(page))[1]).toMatchObject({ caption: 'Event Flows', failing: ['CallBackAPI…Request'] });
});

/**
 * GET_CBID's Parsing Settings without [0] (required, fix first) and option 3 of WantCallback
 * described "Error" (recommended): two activities failing in the Main Flow, WantCallback drawn first.
 */
async function giveTwoFailures(page: Page): Promise<void> {
  const flow = JSON.parse(readFileSync(fixturePath('flows/defect-getcbid-jsonpath-without-index.json'), 'utf8'));
  const menu = Object.values(flow.process.activities as Record<string, { name: string; properties: Record<string, unknown> }>).find((a) => a.name === 'WantCallback')!;
  menu.properties['menuLinks:input'] = menu.properties.menuLinks_input = ['Callback', 'Stay in queue', 'Error'];
  await page.locator('#file-input').setInputFiles({ name: 'Main_Flow_140.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(flow)) });
  await expect(status(page)).toHaveText(/^Main_Flow_140\.json: failed/);
}

test('of two activities that fail in one drawing, the one Fix first names is brought into sight, though the other is drawn first and in sight already', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await giveTwoFailures(page);
  await expect(page.locator('.fg-first-fix')).toContainText('Fix first: Step 4 — GET_CBID');
  const [main] = await drawings(page);
  expect(main.failing).toContain('GET_CBID');
  expect(main.failing).toContain('WantCallback (out of sight)');
});

test('the report\'s Where links agree with the page: Fix first\'s leads to the box its drawing opened on, another\'s to its activity out of sight', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  // WantCallback, drawn first, is out of sight once the drawing is scrolled to GET_CBID.
  await giveTwoFailures(page);
  const firstFix = await page.locator('.fg-first-fix a').getAttribute('href');
  const fixFirstWhere = page.locator(`${firstFix} a.fg-where`);
  await expect(fixFirstWhere).toHaveText(/^GET_CBID, on the Main Flow tab/);
  // The boxes in sight in their drawing as the report opens (as drawings() tells).
  const opened = await page.locator('.fg-drawing g.node.failing').evaluateAll((nodes) =>
    nodes
      .filter((node) => {
        const area = node.closest<HTMLElement>('.fg-drawing')!;
        const frame = area.getBoundingClientRect();
        const [left, top] = [frame.left + area.clientLeft, frame.top + area.clientTop];
        const at = node.getBoundingClientRect();
        return at.left >= left && at.right <= left + area.clientWidth && at.top >= top && at.bottom <= top + area.clientHeight;
      })
      .map((node) => `#${node.id}`),
  );
  expect(opened).toEqual([await fixFirstWhere.getAttribute('href')]);
  await fixFirstWhere.click();
  expect((await drawings(page))[0].failing).toContain('GET_CBID');
  await expect(page.locator('g.node:target text.label')).toHaveText('GET_CBID');
  await page.locator('a.fg-where', { hasText: 'WantCallback' }).first().click();
  expect((await drawings(page))[0].failing).toContain('WantCallback');
  await expect(page.locator('g.node:target text.label')).toHaveText('WantCallback');
});

test('a drawing whose failing activity is in sight as it is, or with none, opens at its start (where the flow begins)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await give(page, 'defect-menu-option3-unlinked.json');
  expect(await drawings(page)).toEqual([
    { caption: 'Main Flow', scrolled: false, failing: ['WantCallback'] },
    { caption: 'Event Flows', scrolled: false, failing: [] },
  ]);
  await page.locator('#file-input').setInputFiles(fixturePath('flows/solution.json'));
  await expect(status(page)).toHaveText(/^solution\.json: passed/);
  expect(await drawings(page)).toEqual([
    { caption: 'Main Flow', scrolled: false, failing: [] },
    { caption: 'Event Flows', scrolled: false, failing: [] },
  ]);
});
