/**
 * The self-check page keeps the screen where it is when nothing needs bringing into view, brings
 * the status back from above the screen, moves the keyboard focus only off a drop zone that left
 * the screen, and goes on grading when hidden while waiting for a frame (web/app.ts: revealStatus,
 * revealField, focusFollows, afterPaint). Each case was found by a mutation sweep: the code could
 * change there and no browser test said so.
 */
import { test, expect, type Page } from '@playwright/test';
import { fixturePath } from '../helpers.js';
import { scrollTopTo, useServedSite, useWatchedPage } from './site.js';

const SOLUTION = fixturePath('flows/solution.json');
const DEFECT = fixturePath('flows/defect-callbackapi-method-put.json');

const site = useServedSite();
useWatchedPage(site, '2025-06-02T10:00:00Z');

const status = (page: Page) => page.locator('#status');
const fileInput = (page: Page) => page.locator('#file-input');
const top = (page: Page, selector: string) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().top);
const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

test('a status already high on the screen stays where it is; one scrolled above the screen is brought back', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await fileInput(page).setInputFiles(DEFECT);
  await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed/);
  // In the top 40% of the screen, not at its top: nothing to bring into view.
  await scrollTopTo(page, '#status', 120);
  const before = await scrollY(page);
  await fileInput(page).setInputFiles(SOLUTION);
  await expect(status(page)).toHaveText(/^solution\.json: passed/);
  expect(await scrollY(page)).toBe(before);
  // Above the screen (the user read down the report): the status comes back to the top.
  await fileInput(page).setInputFiles(DEFECT);
  await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed/);
  await scrollTopTo(page, '#status', -400);
  await fileInput(page).setInputFiles(SOLUTION);
  await expect(status(page)).toHaveText(/^solution\.json: passed/);
  await expect(status(page)).toBeInViewport({ ratio: 1 });
  expect(await top(page, '#status')).toBeLessThan(60);
});

test('a file given while an option is invalid, the field and the line under it already on screen: the page does not move', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await page.getByLabel('DNIS').fill('4694096861');
  await expect(page.locator('#dnis-error')).toBeVisible();
  await fileInput(page).setInputFiles(SOLUTION);
  await expect(status(page)).toHaveText('Fix the DNIS marked above; solution.json is graded as soon as it is valid.');
  // The field near the top of the screen, the status well above its bottom: both in view.
  await scrollTopTo(page, 'label[for="dnis"]', 30);
  const before = await scrollY(page);
  expect((await status(page).boundingBox())!.y + (await status(page).boundingBox())!.height).toBeLessThan(667 - 40);
  await fileInput(page).setInputFiles(fixturePath('flows/solution.json'));
  await expect(status(page)).toHaveText('Fix the DNIS marked above; solution.json is graded as soon as it is valid.');
  expect(await scrollY(page)).toBe(before);
});

test('a file given while an option is invalid, on a screen too low for the field and the line under it: the field to fix comes to the top', async ({ page }) => {
  await page.setViewportSize({ width: 568, height: 200 });
  await page.getByLabel('DNIS').fill('+1 408 555 0000'); // no record in the lab's dataset: a long message
  await expect(page.locator('#dnis-error')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await fileInput(page).setInputFiles(SOLUTION);
  await expect(status(page)).toHaveText('Fix the DNIS marked above; solution.json is graded as soon as it is valid.');
  await expect(page.locator('label[for="dnis"]')).toBeInViewport({ ratio: 1 });
});

test('keyboard, on a screen tall enough that the drop zone stays in view: the focus stays on the drop zone', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 2400 });
  const chooserOpened = page.waitForEvent('filechooser');
  await page.keyboard.press('Tab');
  await expect(page.locator('#drop-zone')).toBeFocused();
  await page.keyboard.press('Enter');
  await (await chooserOpened).setFiles(DEFECT);
  await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed/);
  await expect(page.locator('#drop-zone')).toBeFocused();
});

test('a page hidden while waiting for the frame that shows "Grading …" (no frame comes) goes on grading', async ({ page }) => {
  await page.evaluate(() => {
    window.requestAnimationFrame = () => 0; // the frame never comes: the tab went behind another
    const line = document.getElementById('status')!;
    new MutationObserver(() => {
      if (!line.textContent?.startsWith('Grading ')) return;
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    }).observe(line, { childList: true, characterData: true, subtree: true });
  });
  await fileInput(page).setInputFiles(SOLUTION);
  await expect(status(page)).toHaveText(/^solution\.json: passed/);
});

test('keyboard, the drop zone on screen but too near its top for its focus ring: the focus moves to the status', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await fileInput(page).setInputFiles(DEFECT); // a report below: the page can scroll
  await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed/);
  await scrollTopTo(page, '#drop-zone', 4);
  expect(await top(page, '#status')).toBeLessThan(1000 * 0.4); // nothing scrolls: the status is high enough
  const chooserOpened = page.waitForEvent('filechooser');
  await page.locator('#drop-zone').press('Enter'); // focused first, already on screen: not scrolled
  await (await chooserOpened).setFiles(SOLUTION);
  await expect(status(page)).toHaveText(/^solution\.json: passed/);
  await expect(status(page)).toBeFocused();
});

test('a file given while an option is invalid, the field on screen but the line under it below: the line is brought up, the field kept in view', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await page.getByLabel('DNIS').fill('4694096861');
  await expect(page.locator('#dnis-error')).toBeVisible();
  await scrollTopTo(page, 'label[for="dnis"]', 440);
  await expect(page.locator('label[for="dnis"]')).toBeInViewport({ ratio: 1 });
  await expect(status(page)).not.toBeInViewport({ ratio: 1 });
  await fileInput(page).setInputFiles(SOLUTION);
  await expect(status(page)).toHaveText('Fix the DNIS marked above; solution.json is graded as soon as it is valid.');
  await expect(status(page)).toBeInViewport({ ratio: 1 });
  await expect(page.locator('label[for="dnis"]')).toBeInViewport({ ratio: 1 });
});
