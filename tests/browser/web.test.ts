/**
 * The self-check page in real Chromium, as an attendee uses it: written by `flowgrade web --out`,
 * served by `flowgrade serve`, a file given by the picker, by drag-and-drop and by keyboard.
 * Every test also asserts that the page asked nothing of another origin and logged no error
 * (a CSP violation, e.g. ajv compiling a schema with `new Function`, would show up as both).
 */
import { test, expect, type Page, type TestInfo } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_MISSION_ID, findMission, MISSIONS } from '../../checks/index.js';
import { loadFlow } from '../../engine/loader.js';
import type { GradeReport } from '../../engine/report.js';
import { fixturePath, readFixture, runCli } from '../helpers.js';
import { foreignRequests, serveSite, watchPage, type ServedSite } from './site.js';

const SOLUTION = fixturePath('flows/solution.json');
const DEFECT = 'flows/defect-callbackapi-method-put.json';
const FIXED = '2025-06-02T10:00:00Z';

let site: ServedSite;
let watched: { requests: string[]; errors: string[] };

test.beforeAll(async () => {
  site = await serveSite();
});

test.afterAll(async () => {
  if (!site) return; // beforeAll failed: nothing was started
  const stopped = await site.stop();
  expect(stopped.stdout).toContain('flowgrade: stopped');
  expect(stopped.code).toBe(0);
});

test.beforeEach(async ({ page }) => {
  watched = watchPage(page);
  await page.clock.setFixedTime(new Date(FIXED));
  await page.goto(site.url);
  await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
});

test.afterEach(async ({ page }, testInfo) => {
  await shot(page, testInfo, 'final');
  expect(foreignRequests(watched.requests, new URL(site.url).origin)).toEqual([]);
  expect(watched.errors).toEqual([]);
});

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

const status = (page: Page) => page.locator('#status');
const fileInput = (page: Page) => page.locator('#file-input');

async function expectPassedWithFullScore(page: Page, fileName: string): Promise<void> {
  await expect(status(page)).toHaveText(new RegExp(`^${fileName.replace(/\./g, '\\.')}: passed, (\\d+)/\\1 points\\.$`));
  await expect(page.locator('#results')).toHaveAttribute('data-verdict', 'passed');
  await expect(page.locator('#error')).toBeEmpty();
  await expect(page.locator('#report')).toContainText(/passed/i);
}

test('the page is the built site: CSP meta tag, its own script and stylesheet, labelled controls', async ({ page }) => {
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).toMatch(/default-src '(none|self)'/);
  await expect(page.getByLabel('Attendee id')).toBeEditable();
  await expect(page.getByLabel('DNIS')).toBeEditable();
  // One control gives the file: the drop zone, described by the help above it; the file input it opens is hidden from everyone.
  await expect(page.locator('#grade-form').getByRole('button')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Drop your export here or press to choose a file' })).toBeEnabled();
  await expect(page.getByRole('button', { name: /drop your export here/i })).toHaveAccessibleDescription(/open your flow, choose Export/);
  await expect(fileInput(page)).toHaveAttribute('type', 'file');
  await expect(fileInput(page)).toBeHidden();
  await expect(page.locator('#results')).toHaveAttribute('aria-live', 'polite');
});

test('the attendee id field is typed as an id: no capital first letter, no autocorrect, no suggestions, a keyboard with letters', async ({ page }) => {
  // A phone capitalising "ada" to "Ada", or correcting it to "and", grades for another attendee.
  const attendee = page.getByLabel('Attendee id');
  for (const [name, value] of [['autocapitalize', 'none'], ['autocorrect', 'off'], ['autocomplete', 'off'], ['spellcheck', 'false'], ['inputmode', 'text']]) {
    await expect(attendee, name).toHaveAttribute(name, value);
  }
  expect(await attendee.evaluate((input: HTMLInputElement) => [input.autocapitalize, input.spellcheck, input.inputMode])).toEqual(['none', false, 'text']);
});

test('with one lab, the lab picker shows it and is disabled', async ({ page }) => {
  test.skip(MISSIONS.length !== 1, 'several labs: the picker is enabled');
  const lab = page.getByLabel('Lab');
  await expect(lab).toBeDisabled();
  await expect(lab).toHaveValue(DEFAULT_MISSION_ID);
  await expect(lab.locator('option:checked')).toHaveText(findMission(DEFAULT_MISSION_ID)!.title);
});

test('the solution given with the file picker passes with full score', async ({ page }, testInfo) => {
  await fileInput(page).setInputFiles(SOLUTION);
  await expectPassedWithFullScore(page, 'solution.json');
  await expect(page.getByRole('link', { name: 'Download this report (JSON)' })).toBeVisible();
  await shot(page, testInfo, 'solution-passed');
});

test('the solution dropped on the drop zone (a real drop event with a DataTransfer) passes', async ({ page }, testInfo) => {
  const bytes = [...readFixture('flows/solution.json')];
  const dataTransfer = await page.evaluateHandle((data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], 'Main_Flow_140.json', { type: 'application/json' }));
    return transfer;
  }, bytes);
  const zone = page.locator('#drop-zone');
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await expect(zone).toHaveClass(/is-dragging/);
  await shot(page, testInfo, 'dragging');
  await zone.dispatchEvent('drop', { dataTransfer });
  await expectPassedWithFullScore(page, 'Main_Flow_140.json');
  await expect(zone).not.toHaveClass(/is-dragging/);
});

test('a defect shows its failing Build step and the hint', async ({ page }, testInfo) => {
  const cli = await runCli(['check', fixturePath(DEFECT), '--format', 'json', '--now', FIXED]);
  const expected = JSON.parse(cli.stdout) as GradeReport;
  const failing = expected.checks.filter((c) => c.status === 'failed' && c.severity === 'required');
  expect(failing.length).toBeGreaterThan(0);
  const stepTitle = findMission(DEFAULT_MISSION_ID)!.steps[failing[0].step];

  await fileInput(page).setInputFiles(fixturePath(DEFECT));
  await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed, \d+\/\d+ points\.$/);
  await expect(page.locator('#results')).toHaveAttribute('data-verdict', 'failed');
  const report = page.locator('#report');
  for (const check of failing) {
    await expect(report.getByText(check.hint, { exact: false }).first()).toBeVisible();
    await expect(report.getByText(check.title, { exact: false }).first()).toBeVisible();
  }
  await expect(report.getByText(stepTitle, { exact: false }).first()).toBeVisible();
  await shot(page, testInfo, 'defect-failed');
});

test('a file that is not JSON gives the loader message, and the next file still grades', async ({ page }, testInfo) => {
  const text = 'Main_Flow_140 exported on Monday\n';
  const refused = loadFlow(text);
  expect(refused.ok).toBe(false);
  const error = (refused as { error: { code: string; message: string } }).error;
  expect(error.code).toBe('not-json');

  await fileInput(page).setInputFiles({ name: 'Main_Flow_140.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const alert = page.locator('#error .page-error');
  await expect(alert).toContainText(`Main_Flow_140.json: ${error.message} [not-json]`);
  await expect(status(page)).toHaveText('Main_Flow_140.json could not be graded.');
  await expect(page.locator('#report')).toBeEmpty();
  await shot(page, testInfo, 'not-json');

  await fileInput(page).setInputFiles(SOLUTION);
  await expectPassedWithFullScore(page, 'solution.json');
  await expect(alert).toHaveCount(0);
});

test('on a phone-sized screen, a file given scrolls its summary to the top, with the reason below it in view', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 600 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await fileInput(page).setInputFiles({ name: 'empty.json', mimeType: 'application/json', buffer: Buffer.alloc(0) });
  await expect(status(page)).toHaveText('empty.json could not be graded.');
  await expect(page.locator('#error .page-error')).toBeInViewport({ ratio: 1 });
  await shot(page, testInfo, 'phone-empty-file');
  await page.evaluate(() => window.scrollTo(0, 0));
  await fileInput(page).setInputFiles(SOLUTION);
  await expectPassedWithFullScore(page, 'solution.json');
  expect(await status(page).evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(60);
});

test('something that is JSON but not a flow says so', async ({ page }) => {
  await fileInput(page).setInputFiles(fixturePath('unreadable/postman-collection.json'));
  await expect(page.locator('#error .page-error')).toContainText(/^postman-collection\.json: .*Postman collection.* \[not-a-flow\]/);
});

test('an export the schema refuses gives the same message as in Node (precompiled validators, same errors)', async ({ page }) => {
  const text = JSON.stringify({ name: 'Main_Flow_140', process: { activities: {}, links: 'none' } });
  const refused = loadFlow(text); // Node: ajv compiling the schema at run time
  expect(refused.ok).toBe(false);
  const error = (refused as { error: { code: string; message: string } }).error;
  expect(error.code).toBe('invalid-flow');
  await fileInput(page).setInputFiles({ name: 'Main_Flow_140.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.locator('#error .page-error strong')).toHaveText(`Main_Flow_140.json: ${error.message} [invalid-flow]`);
});

test('a file over 20 MB is refused before it is read, and the page stays usable', async ({ page }, testInfo) => {
  // Given from disk: a 20 MB buffer took seconds to reach the browser.
  const big = testInfo.outputPath('huge.json');
  writeFileSync(big, Buffer.alloc(20 * 1024 * 1024 + 1, 0x20));
  await fileInput(page).setInputFiles(big);
  await expect(page.locator('#error .page-error')).toContainText(`huge.json: file is larger than the 20 MB limit (${statSync(big).size} bytes) [too-large]`);
  await fileInput(page).setInputFiles(SOLUTION);
  await expectPassedWithFullScore(page, 'solution.json');
});

test('keyboard: Tab reaches the drop zone first, Enter opens the file chooser, the chosen file is graded', async ({ page }) => {
  // Playwright turns on file-chooser interception without waiting for it: start listening before
  // the keys are pressed, or the chooser may open natively (and invisibly) instead.
  const chooserOpened = page.waitForEvent('filechooser');
  await page.keyboard.press('Tab');
  await expect(page.locator('#drop-zone')).toBeFocused();
  // The focus ring is visible (not suppressed) on the drop zone.
  const outline = await page.locator('#drop-zone').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  // …with room under it before the next heading (outline 3 px, 2 px off the edge, 5 px shadow): it touched "2. Options".
  const gap = await page.locator('#drop-zone').evaluate((el) => document.querySelector('#grade-form h2:not(#file-heading)')!.getBoundingClientRect().top - el.getBoundingClientRect().bottom);
  expect(gap).toBeGreaterThanOrEqual(12);
  await page.keyboard.press('Enter');
  const chooser = await chooserOpened;
  await chooser.setFiles(SOLUTION);
  await expectPassedWithFullScore(page, 'solution.json');
});

test('keyboard, on a laptop or a phone screen: when the result is scrolled into view, the focus comes along (never left off screen), and the next Tab reaches the downloads', async ({ page }) => {
  for (const [width, height] of [[1280, 720], [375, 667]]) {
    await page.setViewportSize({ width, height });
    await page.reload();
    await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
    const chooserOpened = page.waitForEvent('filechooser');
    await page.keyboard.press('Tab');
    await expect(page.locator('#drop-zone')).toBeFocused();
    await page.keyboard.press('Enter');
    await (await chooserOpened).setFiles(fixturePath(DEFECT));
    await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed/);
    await expect(page.locator(':focus'), `${width}×${height}`).toBeInViewport();
    // Its focus ring too (outline 3 px, 2 px off the line, 5 px shadow): not cut off by the top of the screen.
    expect(await page.locator(':focus').evaluate((el) => el.getBoundingClientRect().top), `${width}×${height}`).toBeGreaterThanOrEqual(10);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Download this report (JSON)' }), `${width}×${height}`).toBeFocused();
  }
});

test('printed after a keyboard-only use (the focus moved to the summary line), the page prints no focus ring around it', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 667 });
  const chooserOpened = page.waitForEvent('filechooser');
  await page.keyboard.press('Tab');
  // Enter only once the Tab has reached the drop zone, as the test above waits (without it, an Enter
  // pressed first opened no file chooser once in a clean-clone CI run, and the test timed out).
  await expect(page.locator('#drop-zone')).toBeFocused();
  await page.keyboard.press('Enter');
  await (await chooserOpened).setFiles(fixturePath(DEFECT));
  await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed/);
  await expect(status(page)).toBeFocused();
  const ring = () => status(page).evaluate((line) => ({ focusVisible: line.matches(':focus-visible'), outline: getComputedStyle(line).outlineStyle, shadow: getComputedStyle(line).boxShadow }));
  expect(await ring()).toEqual({ focusVisible: true, outline: 'solid', shadow: expect.stringContaining('5px') }); // on screen: the ring shows
  await page.emulateMedia({ media: 'print' });
  expect(await ring()).toEqual({ focusVisible: true, outline: 'none', shadow: 'none' });
  await shot(page, testInfo, 'printed-after-keyboard');
});

test('printed while an option is refused, the page prints the field its status line says to fix ("marked above") above that line, and nothing else of the form', async ({ page }, testInfo) => {
  const dnis = page.getByLabel('DNIS');
  await dnis.fill('+1 408 555 0000'); // no record in the lab's dataset: refused
  await fileInput(page).setInputFiles(SOLUTION);
  await expect(status(page)).toHaveText('Fix the DNIS marked above; solution.json is graded as soon as it is valid.');
  await page.emulateMedia({ media: 'print' });
  for (const part of [page.locator('label[for="dnis"]'), dnis, page.locator('#dnis-error')]) await expect(part).toBeVisible();
  await expect(dnis).toHaveValue('+1 408 555 0000');
  for (const other of ['#drop-zone', '#file-help', '#attendee', '#lab', '#grade-form h2']) await expect(page.locator(other).first(), other).toBeHidden();
  const [fieldBottom, statusTop] = await Promise.all([dnis.evaluate((input) => input.closest('.field')!.getBoundingClientRect().bottom), status(page).evaluate((line) => line.getBoundingClientRect().top)]);
  expect(fieldBottom, 'the field above the status line').toBeLessThanOrEqual(statusTop);
  await shot(page, testInfo, 'printed-refused-option');
  // Fixed, nothing is marked: no part of the form is printed.
  await page.emulateMedia({ media: 'screen' });
  await dnis.fill('');
  await expectPassedWithFullScore(page, 'solution.json');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#grade-form')).toBeHidden();
});

test('the attendee id option is used, and export-controlled text is shown as text, never run', async ({ page }) => {
  const attendee = '<img src=x onerror="window.pwned=1">';
  await page.getByLabel('Attendee id').fill(attendee);
  await fileInput(page).setInputFiles(SOLUTION);
  // The flow is Main_Flow_140, so the flow-name check now fails for this attendee: graded all the same.
  await expect(status(page)).toHaveText(/^solution\.json: (passed|failed), \d+\/\d+ points\.$/);
  await expect(page.locator('#report .fg-title')).toContainText(`attendee ${attendee}`);
  await expect(page.locator('#report img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
});

test('changing an option grades the last file again, without dropping it again', async ({ page }) => {
  await fileInput(page).setInputFiles(SOLUTION);
  await expectPassedWithFullScore(page, 'solution.json');
  await expect(page.locator('#report .fg-title')).toContainText('attendee 140');
  await page.getByLabel('Attendee id').fill('ada');
  await page.getByLabel('Attendee id').press('Tab'); // `change` fires when the field is left
  await expect(page.locator('#report .fg-title')).toContainText('attendee ada');
});

test('an invalid DNIS is pointed out and nothing is graded until it is fixed', async ({ page }) => {
  const dnis = page.getByLabel('DNIS');
  await dnis.fill('4694096861');
  await fileInput(page).setInputFiles(SOLUTION);
  await expect(page.locator('#dnis-error')).toHaveText(/is not an E\.164 number/);
  await expect(dnis).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#report')).toBeEmpty();
  await expect(status(page)).toHaveText(/solution\.json is graded as soon as it is valid/);
  await dnis.fill('+14694096861');
  await dnis.press('Tab'); // leaving the corrected field grades the file given before
  await expectPassedWithFullScore(page, 'solution.json');
  await expect(page.locator('#dnis-error')).toBeHidden();
  await expect(dnis).toHaveAttribute('aria-invalid', 'false');
});

test('a DNIS the lab\'s DynVars dataset has no record for is pointed out, not graded as every attendee failing', async ({ page }) => {
  const dnis = page.getByLabel('DNIS');
  await dnis.fill('+1 408 555 0000');
  await fileInput(page).setInputFiles(SOLUTION);
  await expect(page.locator('#dnis-error')).toHaveText(/no record for dn 4085550000 .*Leave DNIS empty for the lab's \+14694096861\./);
  await expect(dnis).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#report')).toBeEmpty();
  await dnis.fill('');
  await dnis.press('Tab');
  await expectPassedWithFullScore(page, 'solution.json');
});

test('typing an option grades again without leaving the field; an invalid one leaves no earlier report on show', async ({ page }) => {
  await fileInput(page).setInputFiles(SOLUTION);
  await expectPassedWithFullScore(page, 'solution.json');
  await page.getByLabel('Attendee id').fill('ada'); // no Tab: the page grades once typing pauses
  await expect(page.locator('#report .fg-title')).toContainText('attendee ada');
  await page.getByLabel('DNIS').fill('abc');
  await fileInput(page).setInputFiles(fixturePath('flows/before-mission.json'));
  await expect(status(page)).toHaveText(/before-mission\.json is graded as soon as it is valid/);
  await expect(page.locator('#report')).toBeEmpty();
  await expect(page.getByRole('link', { name: /Download this report/ })).toHaveCount(0);
});

test('from the first key typed in an option, the report on show can no longer be downloaded; keyboard focus stays on the page', async ({ page }) => {
  await fileInput(page).setInputFiles(SOLUTION);
  await expectPassedWithFullScore(page, 'solution.json');
  const links = page.getByRole('link', { name: /Download this report/ });
  await expect(links).toHaveCount(2);
  await page.getByLabel('Attendee id').fill('ada'); // graded again, links back
  await expect(links).toHaveCount(2);
  // One key, and the links counted in the same turn of the page (before any grading could end).
  const linksAfterOneKey = await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('#attendee')!;
    input.value = input.value.slice(0, -1);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return [document.querySelectorAll('#downloads a').length, document.querySelector('#report')!.getAttribute('aria-busy')];
  });
  expect(linksAfterOneKey, 'no links; the report marked busy (and as the earlier one): it is for the old value').toEqual([0, 'true']);
  await expect(page.locator('#results')).toHaveAttribute('data-state', 'done');
  // The next grading brings the links back, for the value on screen.
  await expect(links).toHaveCount(2);
  await page.getByLabel('DNIS').fill('abc'); // invalid: nothing to download, and the result area is not left busy
  await expect(status(page)).toHaveText(/is graded as soon as it is valid/);
  await expect(links).toHaveCount(0);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
});

test('the JSON download is the report the page shows', async ({ page }) => {
  await fileInput(page).setInputFiles(SOLUTION);
  await expectPassedWithFullScore(page, 'solution.json');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download this report (JSON)' }).click()]);
  expect(download.suggestedFilename()).toBe('140.flowgrade.json');
  const report = JSON.parse(readFileSync(await download.path(), 'utf8')) as GradeReport;
  expect(report.verdict).toBe('passed');
  expect(report.generatedAt).toBe(new Date(FIXED).toISOString());
  expect(report.input.file).toBe('solution.json');
});

test('served over plain HTTP from another host (no Web Crypto there), the page grades all the same', async ({ page }) => {
  // A school's web server without HTTPS: browsers give crypto.subtle only to secure pages.
  await page.route('http://lab.example.edu/**', async (route) => {
    const upstream = new URL(new URL(route.request().url()).pathname.replace(/^\/flowgrade\//, ''), site.url);
    await route.fulfill({ response: await page.request.fetch(upstream.href) });
  });
  await page.goto('http://lab.example.edu/flowgrade/');
  await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
  expect(await page.evaluate(() => [window.isSecureContext, typeof crypto.subtle])).toEqual([false, 'undefined']);
  await fileInput(page).setInputFiles(SOLUTION);
  await expectPassedWithFullScore(page, 'solution.json');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download this report (JSON)' }).click()]);
  const report = JSON.parse(readFileSync(await download.path(), 'utf8')) as GradeReport;
  expect(report.input.sha256).toBe(createHash('sha256').update(readFileSync(SOLUTION)).digest('hex'));
  watched.requests = watched.requests.filter((url) => !url.startsWith('http://lab.example.edu/'));
});

test('the trace shows request headers as the activity sets them, also those a browser keeps from scripts (as the CLI does)', async ({ page }, testInfo) => {
  const flow = JSON.parse(readFileSync(SOLUTION, 'utf8'));
  const getCbid = Object.values(flow.process.activities as Record<string, { name: string; properties: Record<string, unknown> }>).find((a) => a.name === 'GET_CBID')!;
  getCbid.properties.httpRequestHeaders = { Cookie: 'a=1', 'User-Agent': 'lab' };
  const file = testInfo.outputPath('Main_Flow_140.json');
  writeFileSync(file, JSON.stringify(flow));
  await fileInput(page).setInputFiles(file);
  await expectPassedWithFullScore(page, 'Main_Flow_140.json');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download this report (JSON)' }).click()]);
  const report = JSON.parse(readFileSync(await download.path(), 'utf8')) as GradeReport;
  const sent = report.scenarios[0]!.trace.find((entry) => entry.activity === 'GET_CBID')?.http?.requestHeaders;
  expect(sent).toEqual({ cookie: 'a=1', 'user-agent': 'lab' });
});

test('on a 375-px screen, a long file name (and the attendee id taken from it) wraps: the page never scrolls sideways', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 700 });
  const flow = JSON.parse(readFileSync(SOLUTION, 'utf8'));
  flow.name = 'Callback_flow_for_the_lab'; // not Main_Flow_<ID>: the attendee id is the file name
  const name = 'attendee_firstname.lastname_at_example-training-company.com.json';
  await fileInput(page).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(flow)) });
  await expect(status(page)).toHaveText(new RegExp(`^${name.replace(/\./g, '\\.')}: (passed|failed), \\d+/\\d+ points\\.$`));
  await expect(page.locator('#report .fg-title')).toContainText('attendee_firstname.lastname');
  await shot(page, testInfo, 'phone-long-name');
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
});

test('on the narrowest phones (280 px, and 320 px), the option fields fit inside the form like the drop zone: the page never scrolls sideways', async ({ page }, testInfo) => {
  for (const width of [320, 280]) {
    await page.setViewportSize({ width, height: 700 });
    const zone = (await page.locator('#drop-zone').boundingBox())!;
    for (const id of ['lab', 'attendee', 'dnis']) {
      const field = (await page.locator(`#${id}`).boundingBox())!;
      expect(field.x + field.width, `#${id} at ${width} px`).toBeLessThanOrEqual(zone.x + zone.width + 0.5);
    }
    await shot(page, testInfo, `phone-${width}-fields`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${width} px`).toBe(0);
  }
});

test('headings in order with the report on show: one h1 (the page), the report nested under "Result"', async ({ page }) => {
  await fileInput(page).setInputFiles(fixturePath(DEFECT));
  await expect(page.locator('#results')).toHaveAttribute('data-verdict', 'failed');
  const headings = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((all) => all.map((h) => [Number(h.tagName[1]), h.textContent!.trim()] as const));
  expect(headings.filter(([level]) => level === 1).map(([, text]) => text)).toEqual(['flowgrade self-check']);
  for (let i = 1; i < headings.length; i++) expect(headings[i][0] - headings[i - 1][0], `${headings[i - 1][1]} → ${headings[i][1]}`).toBeLessThanOrEqual(1);
  const result = headings.findIndex(([, text]) => text === 'Result');
  expect(headings[result + 1][1]).toMatch(/^Callback on Global Error — attendee 140/);
  expect(headings[result + 1][0]).toBe(3);
  // Styled as before: the report's title stays the largest of its headings.
  const size = (name: string) => page.getByRole('heading', { name }).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await size('Callback on Global Error — attendee 140')).toBeGreaterThan(await size('Checks by Build step'));
});

test('on a 375-px screen, the message for a long invalid DNIS wraps: the page never scrolls sideways', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 700 });
  const dnis = page.getByLabel('DNIS');
  await dnis.fill('+146940968610000000000000000000000000');
  await dnis.press('Tab');
  await expect(page.locator('#dnis-error')).toHaveText(/is not an E\.164 number/);
  await shot(page, testInfo, 'phone-long-dnis');
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
});

test('a ZIP archive, an image or a PDF is named as such in one line (not raw bytes), as by the CLI, and the next file still grades', async ({ page }, testInfo) => {
  const zip = Buffer.from('504b0304140000000800a7b1', 'hex'); // a zipped export (what "Send to > Compressed folder" makes)
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const jpeg = Buffer.from('ffd8ffe000104a464946', 'hex');
  const pdf = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  // A Word file is a ZIP archive too, whose first entry is [Content_Types].xml: a write-up, not a zipped export.
  const docx = Buffer.from('504b030414000000000000000000000000000000000000000000130000005b436f6e74656e745f54797065735d2e786d6c', 'hex');
  const cases: [string, Buffer, RegExp][] = [
    ['write-up.docx', docx, /^write-up\.docx: not valid JSON: the file is an Office document \(Word, Excel or PowerPoint\), not a flow export \[not-json\]$/],
    ['Main_Flow_140.zip', zip, /^Main_Flow_140\.zip: not valid JSON: the file is a ZIP archive; unzip it and give the \.json file inside \[not-json\]$/],
    ['screenshot.png', png, /^screenshot\.png: not valid JSON: the file is an image \(PNG\), not a flow export \[not-json\]$/],
    ['photo.jpg', jpeg, /^photo\.jpg: not valid JSON: the file is an image \(JPEG\), not a flow export \[not-json\]$/],
    ['flow.pdf', pdf, /^flow\.pdf: not valid JSON: the file is a PDF document, not a flow export \[not-json\]$/],
  ];
  for (const [name, buffer, line] of cases) {
    const file = testInfo.outputPath(name);
    writeFileSync(file, buffer);
    const cli = JSON.parse((await runCli(['check', file, '--format', 'json'])).stdout) as GradeReport;
    expect(`${name}: ${cli.error!.message} [${cli.error!.code}]`).toMatch(line);
    await fileInput(page).setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
    await expect(page.locator('#error .page-error strong')).toHaveText(line);
    // What to do next agrees with the line above it: a zipped export is unzipped, not exported again.
    const advice = page.locator('#error .page-error p');
    if (name.endsWith('.zip')) await expect(advice).toHaveText(/^Unzip it .*\.json file/);
    else await expect(advice).toContainText('Flow Designer');
  }
  await fileInput(page).setInputFiles(SOLUTION);
  await expectPassedWithFullScore(page, 'solution.json');
});

test('a text file given alone that is no export (notes.txt, a .pdf holding text) gets the CLI\'s line and the advice for another file picked than the export, not to export again', async ({ page }, testInfo) => {
  const text = Buffer.from('just some text\n');
  for (const [name, advice] of [
    ['notes.txt', 'This is not a Flow Designer flow export. In Flow Designer, open your flow and use Export, then drop that .json file.'],
    ['write-up.pdf', 'This is not a Flow Designer flow export. In Flow Designer, open your flow and use Export, then drop that .json file.'],
    // Named as the export: an export gone wrong, to make again.
    ['notes.json', 'Export the flow again from Flow Designer and drop the new .json file.'],
  ]) {
    const file = testInfo.outputPath(name);
    writeFileSync(file, text);
    const cli = await runCli(['check', name, '--format', 'json'], { cwd: path.dirname(file) });
    const cliLine = cli.stderr.trim().replace(/^flowgrade: /, '');
    expect(cliLine).toBe(`${name}: not valid JSON: unexpected "just some te" at line 1 column 1 [not-json]`);
    await fileInput(page).setInputFiles({ name, mimeType: 'text/plain', buffer: text });
    await expect(status(page)).toHaveText(`${name} could not be graded.`);
    await expect(page.locator('#error .page-error strong')).toHaveText(cliLine);
    await expect(page.locator('#error .page-error p')).toHaveText(advice);
  }
});

test('bidi and control characters in a file name or the loader message are shown as \\u escapes, as the CLI writes them', async ({ page }, testInfo) => {
  // A name ending in U+202E shows everything after it backwards ("…gnp.json could not be graded" read right to left).
  const name = 'Main_Flow_140\u202egnp.json';
  const buffer = Buffer.from('\u202eabc'); // the loader quotes what it met: the control again
  const file = testInfo.outputPath(name);
  writeFileSync(file, buffer);
  const cli = await runCli(['check', name, '--format', 'json'], { cwd: path.dirname(file) });
  const cliLine = cli.stderr.trim().replace(/^flowgrade: /, '');
  expect(cliLine).toBe('Main_Flow_140\\u202egnp.json: not valid JSON: unexpected "\\u202eabc" at line 1 column 1 [not-json]');
  await fileInput(page).setInputFiles({ name, mimeType: 'application/json', buffer });
  await expect(page.locator('#error .page-error strong')).toHaveText(cliLine);
  await expect(status(page)).toHaveText('Main_Flow_140\\u202egnp.json could not be graded.');
  await fileInput(page).setInputFiles({ name: 'line\nbreak\u2067.json', mimeType: 'application/json', buffer: readFileSync(SOLUTION) });
  await expect(status(page)).toHaveText(/^line\\u000abreak\\u2067\.json: passed, (\d+)\/\1 points\.$/);
});

test('a folder dropped (the unzipped export folder) is named as a folder, as by the CLI (less its advice for the command line), with what to drop instead', async ({ page }, testInfo) => {
  const folder = testInfo.outputPath('Main_Flow_140');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'Main_Flow_140.json'), readFileSync(SOLUTION));
  const cli = await runCli(['check', 'Main_Flow_140', '--format', 'json'], { cwd: path.dirname(folder) });
  const cliLine = cli.stderr.trim().replace(/^flowgrade: /, '');
  expect(cliLine).toBe('Main_Flow_140: is a directory: `check` takes export files (.json); `flowgrade grade <folder> --out <dir>` grades a folder [unreadable-file]');
  const pageLine = 'Main_Flow_140: is a directory, not a file [unreadable-file]';
  // A real drop of a path from the file manager (a DataTransfer made in the page cannot hold a folder).
  const cdp = await page.context().newCDPSession(page);
  const box = (await page.locator('#drop-zone').boundingBox())!;
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2, data: { items: [], files: [folder], dragOperationsMask: 1 } };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, ...at });
  await expect(page.locator('#error .page-error strong')).toHaveText(pageLine);
  await expect(page.locator('#error .page-error p')).toContainText('folder');
  await expect(status(page)).toHaveText('Main_Flow_140 could not be graded.');
  await fileInput(page).setInputFiles(SOLUTION);
  await expectPassedWithFullScore(page, 'solution.json');
});

test('a page whose script cannot load (a server refusing app.js) says so after a few seconds instead of loading for ever, and no longer that it is loading', async ({ page }) => {
  await page.route('**/app.js', (route) => route.abort());
  await page.goto(site.url);
  const problem = page.locator('#not-started');
  // Not at once: app.js may still be on its way. The CSS animations (the note's, the status line's)
  // are held just before their 5 s (a loaded machine may take that long to get here), then let run.
  await page.evaluate(() => {
    for (const delay of document.getAnimations()) {
      delay.pause();
      delay.currentTime = 4_900;
    }
  });
  await expect(problem).toBeHidden();
  await expect(status(page)).toBeVisible();
  await expect(status(page)).toHaveText('Loading the grader…');
  await page.evaluate(() => document.getAnimations().forEach((delay) => delay.play()));
  await expect(problem).toBeVisible();
  await expect(problem).toContainText('app.js');
  // The note says it has not started: "Loading the grader…" beside it said the opposite.
  await expect(status(page)).toBeHidden();
  watched.errors = watched.errors.filter((error) => !error.includes('net::ERR_FAILED')); // the refusal itself
});

test('several files dropped at once: the first export (.json) is graded, even after a zip, and the others are named as not graded', async ({ page }) => {
  const bytes = [...readFixture('flows/solution.json')];
  const dataTransfer = await page.evaluateHandle((data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['PK\x03\x04'], 'Main_Flow_141.zip'));
    transfer.items.add(new File([new Uint8Array(data)], 'Main_Flow_140.json', { type: 'application/json' }));
    transfer.items.add(new File(['{}'], 'notes\u202e.json'));
    return transfer;
  }, bytes);
  await page.locator('#drop-zone').dispatchEvent('drop', { dataTransfer });
  await expect(status(page)).toHaveText(/^Main_Flow_140\.json: passed, (\d+)\/\1 points\. Only one file is graded at a time: Main_Flow_141\.zip and notes\\u202e\.json were not; give them one by one\.$/);
});

test('a screenshot and the zipped export dropped at once: the zip is graded (told to be unzipped), not the screenshot, and the screenshot is named as not graded', async ({ page }) => {
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    const bytes = (hex: string) => new Uint8Array(hex.match(/../g)!.map((pair) => parseInt(pair, 16)));
    transfer.items.add(new File([bytes('89504e470d0a1a0a0000000d49484452')], 'Screenshot 2025-06-02.png', { type: 'image/png' }));
    transfer.items.add(new File([bytes('504b0304140000000800a7b1')], 'Main_Flow_140.zip', { type: 'application/zip' }));
    return transfer;
  });
  await page.locator('#drop-zone').dispatchEvent('drop', { dataTransfer });
  await expect(status(page)).toHaveText('Main_Flow_140.zip could not be graded. Only one file is graded at a time: Screenshot 2025-06-02.png was not (only a flow export, a .json file, is graded).');
  await expect(page.locator('#error .page-error strong')).toHaveText('Main_Flow_140.zip: not valid JSON: the file is a ZIP archive; unzip it and give the .json file inside [not-json]');
  await expect(page.locator('#error .page-error p')).toHaveText(/^Unzip it /);
});

test('a second file replaces the first one\'s result: report, drawing and download links go, also when it cannot be graded; the same file chosen again is graded again', async ({ page }) => {
  const report = page.locator('#report');
  const drawings = page.locator('#report svg');
  const links = page.locator('#downloads a');
  await fileInput(page).setInputFiles(fixturePath(DEFECT));
  await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed/);
  const perReport = await drawings.count();
  expect(perReport).toBeGreaterThan(0);
  await expect(links).toHaveCount(2);
  expect(await fileInput(page).inputValue(), 'emptied, so the chooser fires again for the same file').toBe('');

  await fileInput(page).setInputFiles({ name: 'screenshot.json', mimeType: 'application/json', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') });
  await expect(status(page)).toHaveText('screenshot.json could not be graded.');
  await expect(report).toBeEmpty();
  await expect(drawings).toHaveCount(0);
  await expect(links).toHaveCount(0);
  await expect(page.locator('.results')).not.toContainText('defect-callbackapi-method-put');

  await fileInput(page).setInputFiles(SOLUTION);
  await expectPassedWithFullScore(page, 'solution.json');
  await expect(drawings).toHaveCount(perReport); // one report's drawings, the new one's
  await expect(page.locator('.results')).not.toContainText('defect-callbackapi-method-put');
  await expect(page.locator('.results')).not.toContainText('screenshot.json');

  await status(page).evaluate((line) => {
    const seen: string[] = [];
    (window as unknown as { statuses: string[] }).statuses = seen;
    new MutationObserver(() => seen.push(line.textContent ?? '')).observe(line, { childList: true, characterData: true, subtree: true });
  });
  await fileInput(page).setInputFiles(SOLUTION);
  await expectPassedWithFullScore(page, 'solution.json');
  expect(await page.evaluate(() => (window as unknown as { statuses: string[] }).statuses)).toContain('Grading solution.json… (the report below is still the earlier one)');
});

test('Back after following a link in the report returns to the report; a reload gives a fresh page with nothing of the old result', async ({ page }) => {
  await fileInput(page).setInputFiles(fixturePath(DEFECT));
  await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed/);
  await page.locator('.fg-first-fix a').click();
  await expect(page).toHaveURL(/#fg-check-/);
  await page.goBack();
  await expect(page).not.toHaveURL(/#/);
  await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed/);
  await expect(page.locator('#downloads a')).toHaveCount(2);
  await page.reload();
  await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('#report')).toBeEmpty();
  await expect(page.locator('#downloads a')).toHaveCount(0);
  await expect(page.getByLabel('Attendee id')).toHaveValue('');
});

test('the browser tab\'s title says the result once a flow is checked, and the page\'s title again when the result is cleared', async ({ page }) => {
  await expect(page).toHaveTitle('flowgrade self-check');
  await fileInput(page).setInputFiles(fixturePath(DEFECT));
  await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed, 96\/110 points/);
  await expect(page).toHaveTitle('FAILED 96/110 · defect-callbackapi-method-put · flowgrade self-check');
  await fileInput(page).setInputFiles(SOLUTION);
  await expect(page).toHaveTitle('PASSED 110/110 · solution · flowgrade self-check');
  // An invalid option: nothing graded, no result on show.
  await page.getByLabel('DNIS').fill('123');
  await expect(page.locator('#results')).toHaveAttribute('data-state', 'invalid-options');
  await expect(page).toHaveTitle('flowgrade self-check');
});

test('a file changed on disk since it was given (exported again over it) and graded again says so, not "permission problems"', async ({ page }, testInfo) => {
  const file = testInfo.outputPath('Main_Flow_140.json');
  writeFileSync(file, readFileSync(SOLUTION));
  await fileInput(page).setInputFiles(file);
  await expectPassedWithFullScore(page, 'Main_Flow_140.json');
  const given = statSync(file).mtimeMs;
  writeFileSync(file, Buffer.concat([readFileSync(SOLUTION), Buffer.from('\n')])); // the new export, over the old one
  // Saved later, as an export saved again is: Chromium tells a file changed by its time alone (not
  // its size), and a disk keeping times to the second or two (ext3, HFS+, FAT) could give both
  // writes, a grading apart, the same one.
  utimesSync(file, new Date(given + 2_000), new Date(given + 2_000));
  await page.getByLabel('Attendee id').fill('140'); // an option changed: the file given before is graded again
  await expect(page.locator('#error .page-error strong')).toHaveText('Main_Flow_140.json: could not be read: it changed, moved or was deleted since it was given [unreadable-file]');
  await expect(page.locator('#error .page-error p')).toContainText('pick it again');
  await fileInput(page).setInputFiles(file);
  await expectPassedWithFullScore(page, 'Main_Flow_140.json');
});

test('a file the browser is refused on its first read (locked, or a OneDrive "online-only" file) is not said to have changed since it was given', async ({ page }) => {
  // A stand-in: the File's arrayBuffer rejects as Chromium rejects it for such a file.
  await page.evaluate(() => {
    const read = File.prototype.arrayBuffer;
    File.prototype.arrayBuffer = function (this: File) {
      if (this.name !== 'locked.json') return read.call(this);
      return Promise.reject(new DOMException('The requested file could not be read, typically due to permission problems that have occurred after a reference to a file was acquired.', 'NotReadableError'));
    };
  });
  await fileInput(page).setInputFiles({ name: 'locked.json', mimeType: 'application/json', buffer: readFileSync(SOLUTION) });
  const alert = page.locator('#error .page-error');
  await expect(alert.locator('strong')).toHaveText('locked.json: could not be read: the browser was refused it (it may be locked by another program, or kept online only, such as a OneDrive "online-only" file not downloaded to this computer) [unreadable-file]');
  await expect(alert.locator('p')).toContainText('OneDrive');
  await expect(alert).not.toContainText('changed');
  await alert.evaluate((box) => box.setAttribute('data-old', ''));
  await page.getByLabel('Attendee id').fill('140'); // graded again, refused again: still never read
  await expect(page.locator('#error .page-error:not([data-old])')).toHaveCount(1);
  await expect(alert.locator('strong')).toContainText('the browser was refused it');
});

/** Holds back the reading of files named `name` until the test calls window.releaseRead(): a slow grading (a 10 MB file takes about 1 s). */
async function holdReads(page: Page, name: string): Promise<void> {
  await page.evaluate((held) => {
    const read = File.prototype.arrayBuffer;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    (window as unknown as { releaseRead: () => void }).releaseRead = release;
    File.prototype.arrayBuffer = function (this: File) {
      return this.name === held ? released.then(() => read.call(this)) : read.call(this);
    };
  }, name);
}

test('while a second file is graded, the first one\'s report is marked (a dashed frame and a line, its text not dimmed), busy and said to be the earlier one; then replaced', async ({ page }, testInfo) => {
  const report = page.locator('#report');
  await fileInput(page).setInputFiles(fixturePath(DEFECT));
  await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed/);
  await expect(report).toHaveCSS('opacity', '1');
  await holdReads(page, 'Main_Flow_140.json');
  await fileInput(page).setInputFiles({ name: 'Main_Flow_140.json', mimeType: 'application/json', buffer: readFileSync(SOLUTION) });
  await expect(page.locator('#results')).toHaveAttribute('data-state', 'grading');
  await expect(status(page)).toHaveText('Grading Main_Flow_140.json… (the report below is still the earlier one, for defect-callbackapi-method-put.json)');
  await expect(report).toHaveAttribute('aria-busy', 'true');
  // Not dimmed (opacity 0.4 took its text to 2:1 contrast): framed, and a line at its top says so.
  await expect(report).toHaveCSS('opacity', '1');
  await expect(report).toHaveCSS('outline-style', 'dashed');
  expect(await report.evaluate((element) => getComputedStyle(element, '::before').content)).toBe('"Earlier report, being replaced…"');
  await shot(page, testInfo, 'stale-report');
  await page.evaluate(() => (window as unknown as { releaseRead: () => void }).releaseRead());
  await expectPassedWithFullScore(page, 'Main_Flow_140.json');
  await expect(report).toHaveCSS('outline-style', 'none');
  expect(await report.evaluate((element) => getComputedStyle(element, '::before').content)).toBe('none');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.locator('.results')).not.toContainText('defect-callbackapi-method-put');
});

test('"Grading …" is painted before the grading starts: a rendering step of the browser (an animation frame) runs between the status change and the file\'s read, every time', async ({ page }) => {
  // A frame counter (one requestAnimationFrame callback per rendering step, before its paint), the
  // count when the status becomes "Grading …", and the count and the status when the file is read.
  await page.evaluate(() => {
    const seen = { frames: 0, atStatus: -1, atRead: [] as { frames: number; atStatus: number; status: string; visible: boolean }[] };
    (window as unknown as { seen: typeof seen }).seen = seen;
    const tick = () => {
      seen.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const line = document.getElementById('status')!;
    new MutationObserver(() => {
      if (line.textContent?.startsWith('Grading ') && seen.atStatus < 0) seen.atStatus = seen.frames;
    }).observe(line, { childList: true, characterData: true, subtree: true });
    const read = File.prototype.arrayBuffer;
    File.prototype.arrayBuffer = function (this: File) {
      seen.atRead.push({ frames: seen.frames, atStatus: seen.atStatus, status: line.textContent ?? '', visible: line.checkVisibility({ opacityProperty: true, visibilityProperty: true }) });
      seen.atStatus = -1;
      return read.call(this);
    };
  });
  const files = ['solution.json', 'defect-callbackapi-method-put.json', 'solution.json', 'defect-callbackapi-method-put.json', 'solution.json'];
  for (const name of files) {
    await fileInput(page).setInputFiles(fixturePath(`flows/${name}`));
    await expect(status(page)).toHaveText(new RegExp(`^${name.replace(/\./g, '\\.')}: (passed|failed)`));
  }
  const reads = await page.evaluate(() => (window as unknown as { seen: { atRead: { frames: number; atStatus: number; status: string; visible: boolean }[] } }).seen.atRead);
  expect(reads).toHaveLength(files.length);
  for (const [i, read] of reads.entries()) {
    expect(read.status, `read ${i + 1}`).toMatch(new RegExp(`^Grading ${files[i].replace(/\./g, '\\.')}…`));
    expect(read.visible, `read ${i + 1}`).toBe(true);
    expect(read.atStatus, `read ${i + 1}: the status changed before the read`).toBeGreaterThanOrEqual(0);
    expect(read.frames - read.atStatus, `read ${i + 1}: frames rendered between the status change and the read`).toBeGreaterThanOrEqual(1);
  }
});

test('on a phone-sized screen, "Grading …" is on screen while the file is graded (a large export takes seconds on a phone), not below it until the result comes', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(status(page)).not.toBeInViewport(); // the status starts below the form
  await holdReads(page, 'Main_Flow_140.json'); // the grading waits here, "Grading …" on show
  await fileInput(page).setInputFiles({ name: 'Main_Flow_140.json', mimeType: 'application/json', buffer: readFileSync(SOLUTION) });
  await expect(status(page)).toHaveText('Grading Main_Flow_140.json…');
  await expect(status(page)).toBeInViewport({ ratio: 1 });
  await page.evaluate(() => (window as unknown as { releaseRead: () => void }).releaseRead());
  await expectPassedWithFullScore(page, 'Main_Flow_140.json');
  await expect(status(page)).toBeInViewport({ ratio: 1 });
  expect(await status(page).evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(60);
  // Typing in an option grades again where the user is: the page is not scrolled away from the field.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByLabel('Attendee id').fill('ada');
  await expect(page.locator('#report .fg-title')).toContainText('attendee ada');
  await expect(page.getByLabel('Attendee id')).toBeInViewport();
});

test('on a phone-sized screen, typing an option while a file is still being graded keeps the page where the user types: the outdated grading ends without scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await holdReads(page, 'Main_Flow_140.json'); // the first grading waits here
  await fileInput(page).setInputFiles({ name: 'Main_Flow_140.json', mimeType: 'application/json', buffer: readFileSync(SOLUTION) });
  await expect(status(page)).toHaveText('Grading Main_Flow_140.json…');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByLabel('Attendee id').fill('ada'); // the grading under way is now for the old value
  await page.evaluate(() => (window as unknown as { releaseRead: () => void }).releaseRead());
  await expect(page.locator('#report .fg-title')).toContainText('attendee ada');
  await expect(page.getByLabel('Attendee id')).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('on a phone-sized screen, a file given while an option is invalid brings the field to fix into view with the line saying so under it, the keyboard focus with it', async ({ page }) => {
  const dnis = page.getByLabel('DNIS');
  const field = [page.locator('label[for="dnis"]'), dnis, page.locator('#dnis-error'), status(page)];
  // The second DNIS has no record in the lab's dataset: its message takes four lines on a small phone.
  for (const [width, height, value] of [[375, 667, '4694096861'], [320, 568, '+1 408 555 0000']] as const) {
    const size = `${width}×${height}`;
    await page.setViewportSize({ width, height });
    await page.reload();
    await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
    // By pointer: the DNIS typed, then back up to the drop zone to give the file.
    await dnis.fill(value);
    await expect(page.locator('#dnis-error')).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 0));
    await fileInput(page).setInputFiles(SOLUTION);
    await expect(status(page)).toHaveText('Fix the DNIS marked above; solution.json is graded as soon as it is valid.');
    for (const part of field) await expect(part, size).toBeInViewport({ ratio: 1 });
    // By keyboard, from the drop zone: the focus (and its ring) is never left off screen, wholly or
    // in part; where it moves, it moves to the field to fix.
    await page.evaluate(() => window.scrollTo(0, 0));
    const chooserOpened = page.waitForEvent('filechooser');
    await page.locator('#drop-zone').focus();
    await page.keyboard.press('Enter');
    await (await chooserOpened).setFiles(fixturePath(DEFECT));
    await expect(status(page)).toHaveText(/^Fix the DNIS marked above; defect-callbackapi-method-put\.json is graded/);
    for (const part of field) await expect(part, size).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.activeElement?.id), size).toMatch(/^(drop-zone|dnis)$/);
    await expect(page.locator(':focus'), size).toBeInViewport({ ratio: 1 });
    expect(await page.locator(':focus').evaluate((el) => el.getBoundingClientRect().top), size).toBeGreaterThanOrEqual(10);
    // Fixed where it is, the file is graded.
    await dnis.fill('+14694096861');
    await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed/);
  }
});

test('a page in a tab behind another (hidden: no animation frames) still grades the file given', async ({ page }) => {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
    window.requestAnimationFrame = () => 0; // a hidden page renders no frames
  });
  await fileInput(page).setInputFiles(SOLUTION);
  await expectPassedWithFullScore(page, 'solution.json');
});

test('a grading that fails while showing its report leaves nothing of the earlier report on show, and says it failed', async ({ page }) => {
  await fileInput(page).setInputFiles(fixturePath(DEFECT));
  await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed/);
  // The report writer's output cannot be put in the page (a stand-in for any bug of ours past the grading).
  await page.locator('#report').evaluate((area) => {
    Object.defineProperty(area, 'innerHTML', { set: () => { throw new Error('stand-in failure'); } });
  });
  await fileInput(page).setInputFiles(SOLUTION);
  await expect(page.locator('#error .page-error strong')).toHaveText('solution.json: internal error of the grader: stand-in failure [internal-error]');
  await expect(status(page)).toHaveText('solution.json could not be graded.');
  await expect(page.locator('#report')).toBeEmpty();
  await expect(page.locator('#downloads a')).toHaveCount(0);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.locator('.results')).not.toContainText('defect-callbackapi-method-put');
});
