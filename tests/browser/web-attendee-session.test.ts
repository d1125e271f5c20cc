/**
 * The self-check page as an attendee met it in an exploratory session (served as by `flowgrade
 * serve`): what the page must keep doing, and what it got wrong, each case once.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { fixturePath, readFixture } from '../helpers.js';
import { useServedSite, useWatchedPage } from './site.js';

const site = useServedSite();
useWatchedPage(site, '2025-06-02T10:00:00Z');

const status = (page: Page) => page.locator('#status');

/** Drops files on the drop zone as the browser gives them (a real drop event with a DataTransfer). */
async function dropFiles(page: Page, files: { name: string; text: string }[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((given) => {
    const transfer = new DataTransfer();
    for (const file of given) transfer.items.add(new File([file.text], file.name, { type: 'application/json' }));
    return transfer;
  }, files);
  await page.locator('#drop-zone').dispatchEvent('drop', { dataTransfer });
}

const solutionText = () => new TextDecoder().decode(readFixture('flows/solution.json'));

test('two files dropped while the DNIS is invalid: the one not graded is named then, and still once the DNIS is fixed and the first is graded', async ({ page }) => {
  const dnis = page.getByLabel('DNIS');
  await dnis.fill('abc');
  await dropFiles(page, [
    { name: 'Main_Flow_140.json', text: solutionText() },
    { name: 'Main_Flow_140_v2.json', text: solutionText() },
  ]);
  const note = ' Only one file is graded at a time: Main_Flow_140_v2.json was not; give it on its own.';
  await expect(status(page)).toHaveText(`Fix the DNIS marked above; Main_Flow_140.json is graded as soon as it is valid.${note}`);
  await dnis.fill('');
  await expect(status(page)).toHaveText(`Main_Flow_140.json: passed, 110/110 points.${note}`);
});

test('an export whose labels, prompts and flow name hold HTML and script shows them as text: in the checks, the drawing and the trace, nothing run, no CSP violation', async ({ page }) => {
  const hostile = {
    WelcomePrompt: '<script>window.pwned=1</script>',
    EndFlow_jxc: '<img src=x onerror="window.pwned=2">',
    PlayMessage_n4w: '"><svg onload=window.pwned=3>',
    SetVariable_c7q: '</text><foreignObject><iframe src="javascript:window.pwned=4"></iframe></foreignObject>',
    GET_CBID: 'GET_CBID<img src=x onerror=window.pwned=5>',
  };
  let text = solutionText().replace('"Main_Flow_140"', JSON.stringify('Main_Flow_140<style>body{display:none}</style>'));
  for (const [label, html] of Object.entries(hostile)) text = text.split(JSON.stringify(label)).join(JSON.stringify(html));
  await page.evaluate(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (event) => (window as unknown as { violations: string[] }).violations.push(event.violatedDirective));
  });
  await dropFiles(page, [{ name: 'Main_Flow_140.json', text }]);
  await expect(status(page)).toHaveText(/^Main_Flow_140\.json: failed, \d+\/110 points\.$/);
  await page.locator('#report details').evaluateAll((all) => all.forEach((item) => ((item as HTMLDetailsElement).open = true)));
  const report = page.locator('#report');
  for (const html of Object.values(hostile)) await expect(report, html).toContainText(html);
  await expect(page.locator('#report svg').first()).toContainText(hostile.WelcomePrompt); // the drawing's labels: SVG text
  await expect(page.locator('#report .fg-scenario table.fg-trace').first()).toContainText(hostile.WelcomePrompt); // the simulated call's trace
  await expect(report.locator('script, iframe, foreignObject, style, img, [onerror], [onload]')).toHaveCount(0);
  await expect(page.locator('body')).toBeVisible();
  expect(await page.evaluate(() => ({ pwned: (window as unknown as { pwned?: number }).pwned, violations: (window as unknown as { violations: string[] }).violations }))).toEqual({ pwned: undefined, violations: [] });
});

test('with JavaScript on, the form is not dimmed and the drop zone has no "not allowed" cursor', async ({ page }) => {
  await expect(page.locator('#grade-form')).toHaveCSS('opacity', '1');
  await expect(page.locator('#drop-zone')).not.toHaveCSS('cursor', 'not-allowed');
});

test.describe('with JavaScript turned off in the browser', () => {
  test.use({ javaScriptEnabled: false });

  // Chromium run so matches (scripting: none), but still parses <noscript> as if scripts ran (its
  // message is not rendered here, as it is in a browser whose settings block JavaScript).
  test('nothing says the grader is loading (it never will): the <noscript> message says the page needs JavaScript', async ({ page }) => {
    await expect(page.locator('noscript')).toHaveCount(1);
    await expect(page.getByText('Loading the grader')).toBeHidden();
    // The form, which nothing will read, looks off (before: as active as with the grader running, its drop zone with a loading cursor).
    await expect(page.locator('#grade-form')).toHaveCSS('opacity', '0.5');
    await expect(page.locator('#drop-zone')).toHaveCSS('cursor', 'not-allowed');
  });

});

test('dragging as the browser does it (Chromium\'s own drag events): a file dropped on a field is graded, not typed into it; text dragged into the DNIS field lands there; a file dragged over the page and away leaves no highlight', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  const centre = async (selector: string) => {
    const box = (await page.locator(selector).boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  type DragData = { items: { mimeType: string; data: string }[]; files?: string[]; dragOperationsMask: number };
  const drag = async (type: 'dragEnter' | 'dragOver' | 'drop', at: { x: number; y: number }, data: DragData) => cdp.send('Input.dispatchDragEvent', { type, ...at, data });
  const file: DragData = { items: [], files: [fixturePath('flows/solution.json')], dragOperationsMask: 1 };
  const text: DragData = { items: [{ mimeType: 'text/plain', data: '+1 469 409 6861' }], dragOperationsMask: 1 };

  const dnis = await centre('#dnis');
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await drag(type, dnis, text);
  await expect(page.getByLabel('DNIS')).toHaveValue('+1 469 409 6861');
  await expect(status(page)).toHaveText('Ready: drop your flow export or choose it.');

  const attendee = await centre('#attendee');
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await drag(type, attendee, file);
  await expect(status(page)).toHaveText('solution.json: passed, 110/110 points.'); // with the DNIS dropped in
  await expect(page.getByLabel('Attendee id')).toHaveValue('');

  const zone = page.locator('#drop-zone');
  await page.evaluate(() => window.scrollTo(0, 0));
  const over = await centre('#drop-zone');
  await drag('dragEnter', over, file);
  await drag('dragOver', over, file);
  await expect(zone).toHaveClass(/is-dragging/);
  await drag('dragOver', { x: -50, y: -50 }, file); // out of the window
  await expect(zone).not.toHaveClass(/is-dragging/);
});

test('app.js on its way for more than 5 seconds (a slow connection): the note shown meanwhile does not say it did not load, then goes as the grader starts', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/app.js', async (route) => {
    await held; // 395 KB, sent uncompressed by an LMS's file area, on a room's shared Wi-Fi
    await route.continue();
  });
  await page.reload({ waitUntil: 'commit' });
  // As a person sees the page: drawn with its stylesheet (render-blocking), never without it. Before
  // page.css applies, the DOM reads as unstyled: the note would count as shown at once.
  await page.waitForFunction(() => document.querySelector<HTMLLinkElement>('link[rel="stylesheet"]')?.sheet != null);
  const note = page.locator('#not-started');
  await expect(note).toBeHidden(); // not at once: app.js is on its way
  await expect(note).toBeVisible({ timeout: 15_000 });
  await expect(status(page)).toBeHidden(); // the note speaks for it: not "Loading the grader…" beside "has not started yet"
  await expect(note).not.toContainText('did not load'); // it is loading: the attendee should not give up on it
  await expect(note).toContainText('has not started yet');
  await expect(note).toContainText('app.js');
  await expect(note).toContainText('unzip');
  release();
  await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
  await expect(note).toHaveCount(0);
  await expect(status(page)).toBeVisible();
  await expect(status(page)).toHaveText('Ready: drop your flow export or choose it.');
});

test('the unzipped export folder dropped with the export: the folder is not said to be gradable on its own, the .json inside it is', async ({ page }, testInfo) => {
  const folder = testInfo.outputPath('Main_Flow_140');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'Main_Flow_140.json'), solutionText());
  // A real drop of paths from the file manager (a DataTransfer made in the page cannot hold a folder).
  const cdp = await page.context().newCDPSession(page);
  const box = (await page.locator('#drop-zone').boundingBox())!;
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2, data: { items: [], files: [folder, fixturePath('flows/solution.json')], dragOperationsMask: 1 } };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, ...at });
  await expect(status(page)).toHaveText('solution.json: passed, 110/110 points. Only one file is graded at a time: Main_Flow_140, a folder, was not; give the .json file inside it on its own.');
});
