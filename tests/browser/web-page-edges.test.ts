/**
 * Edges of the self-check page's entry (web/app.ts) that no other browser test held, each found by
 * a mutation sweep of it (the code could change there and every test still passed): gradings that
 * end after a newer one, the timing of an option typed, a grading that fails before its report,
 * what a new grading takes away (links, the error box, the report's name), drags that cross the
 * page's elements, and where the page scrolls and the focus rests.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { MAX_BYTES } from '../../web/grade-file.js';
import { fixturePath, ROOT } from '../helpers.js';
import { scrollTopTo, useServedSite, useWatchedPage } from './site.js';

const SOLUTION = fixturePath('flows/solution.json');
const DEFECT = fixturePath('flows/defect-callbackapi-method-put.json');
const START = new Date('2025-06-02T10:00:00Z');

const site = useServedSite();
useWatchedPage(site);

const status = (page: Page) => page.locator('#status');
const fileInput = (page: Page) => page.locator('#file-input');
const links = (page: Page) => page.locator('#downloads a');
const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

/**
 * Holds back the next read of a file named `name` until the test ends it with window.endRead()
 * (which first waits for that read to be asked for): with no text it is refused (as Chromium
 * refuses a file it may no longer read), with a text it gives that text. Either ends without the
 * page waiting for anything but promises, so a task queued after it runs once that grading has
 * ended.
 */
async function holdNextRead(page: Page, name: string): Promise<void> {
  await page.evaluate((held) => {
    type Ends = { resolve: (bytes: ArrayBuffer) => void; reject: (error: unknown) => void };
    const read = File.prototype.arrayBuffer;
    let holding = true;
    let asked!: (ends: Ends) => void;
    const readAsked = new Promise<Ends>((resolve) => (asked = resolve));
    (window as unknown as { endRead: (text?: string) => Promise<void> }).endRead = async (text) => {
      const { resolve, reject } = await readAsked;
      if (text === undefined) reject(new DOMException('The requested file could not be read.', 'NotReadableError'));
      else resolve(new TextEncoder().encode(text).buffer as ArrayBuffer);
    };
    File.prototype.arrayBuffer = function (this: File) {
      if (this.name !== held || !holding) return read.call(this);
      holding = false;
      return new Promise<ArrayBuffer>((resolve, reject) => asked({ resolve, reject }));
    };
  }, name);
}

/**
 * Ends the held read, then waits for a task (a message, which a paused clock does not hold back):
 * the grading it held has ended, shown or not.
 */
async function endHeldRead(page: Page, text?: string): Promise<void> {
  await page.evaluate(async (given) => {
    await (window as unknown as { endRead: (text?: string) => Promise<void> }).endRead(given ?? undefined);
    await new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(null);
    });
  }, text ?? null);
}

/** Counts the page's reads of files (one per grading): window.reads. */
async function countReads(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const read = File.prototype.arrayBuffer;
    (window as unknown as { reads: number }).reads = 0;
    File.prototype.arrayBuffer = function (this: File) {
      (window as unknown as { reads: number }).reads++;
      return read.call(this);
    };
  });
  return () => page.evaluate(() => (window as unknown as { reads: number }).reads);
}

/** The page reloaded on Playwright's clock (from START), its file reads counted, and the solution graded once. */
async function solutionGradedOnPageClock(page: Page): Promise<() => Promise<number>> {
  await page.clock.install({ time: START });
  await page.reload();
  await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
  const reads = await countReads(page);
  await fileInput(page).setInputFiles(SOLUTION);
  await expect(status(page)).toHaveText(/^solution\.json: passed/);
  return reads;
}

/**
 * Makes every SHA-256 the page asks of Web Crypto fail, on its own thread and in its grading worker
 * (started as the page starts, kept between files): a stand-in for a bug of ours while grading,
 * before any report.
 */
async function failDigests(page: Page): Promise<void> {
  const fail = () => {
    Object.defineProperty(crypto.subtle, 'digest', { configurable: true, value: () => Promise.reject(new Error('stand-in failure')) });
  };
  await page.evaluate(fail);
  expect(page.workers()).toHaveLength(1);
  for (const worker of page.workers()) await worker.evaluate(fail);
}

test('the help names the size the page refuses files over, and the footer the version of flowgrade grading them', async ({ page }, testInfo) => {
  const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  await expect(page.locator('#tool-version')).toHaveText(`flowgrade ${version}`);
  await expect(page.locator('#max-size')).toHaveText(`${MAX_BYTES / 1024 / 1024} MB`);
  const huge = testInfo.outputPath('huge.json'); // given from disk: as a buffer it took seconds to reach the browser
  writeFileSync(huge, Buffer.alloc(MAX_BYTES + 1, 0x20));
  await fileInput(page).setInputFiles(huge);
  await expect(page.locator('#error .page-error strong')).toContainText(`larger than the ${await page.locator('#max-size').textContent()} limit`);
});

test('a grading that ends after a newer one was shown never replaces it: neither refused nor failing', async ({ page }) => {
  await holdNextRead(page, 'Main_Flow_140.json');
  await fileInput(page).setInputFiles({ name: 'Main_Flow_140.json', mimeType: 'application/json', buffer: readFileSync(SOLUTION) });
  await expect(status(page)).toHaveText('Grading Main_Flow_140.json…');
  await fileInput(page).setInputFiles(SOLUTION); // given while the first is read
  await expect(status(page)).toHaveText(/^solution\.json: passed/);
  await endHeldRead(page); // the first file refused, now
  await expect(status(page)).toHaveText(/^solution\.json: passed/);
  await expect(page.locator('#error')).toBeEmpty();
  await expect(page.locator('#report .fg-title')).toBeVisible();
  await expect(links(page)).toHaveCount(2);

  // Again, the earlier grading failing (a bug of ours) once the newer one is on show.
  await holdNextRead(page, 'Main_Flow_140.json');
  await fileInput(page).setInputFiles({ name: 'Main_Flow_140.json', mimeType: 'application/json', buffer: readFileSync(SOLUTION) });
  await expect(status(page)).toHaveText(/^Grading Main_Flow_140\.json…/);
  await fileInput(page).setInputFiles(DEFECT);
  await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed/);
  await failDigests(page);
  await endHeldRead(page, '{}');
  await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed/);
  await expect(page.locator('#error')).toBeEmpty();
  await expect(links(page)).toHaveCount(2);
});

test('a grading that fails before its report (a bug of ours) leaves nothing of the earlier report, says it failed and to tell the instructor', async ({ page }) => {
  await fileInput(page).setInputFiles(DEFECT);
  await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed/);
  await failDigests(page);
  await fileInput(page).setInputFiles(SOLUTION);
  await expect(page.locator('#error .page-error strong')).toHaveText('solution.json: internal error of the grader: stand-in failure [internal-error]');
  await expect(page.locator('#error .page-error p')).toContainText('tell your instructor');
  await expect(status(page)).toHaveText('solution.json could not be graded.');
  await expect(page.locator('#results')).toHaveAttribute('data-verdict', 'error');
  await expect(page.locator('#report')).toBeEmpty();
  await expect(links(page)).toHaveCount(0);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.locator('.results')).not.toContainText('defect-callbackapi-method-put');
});

test('an option typed grades the file again once, when typing pauses (300 ms after the last key), not at each key', async ({ page }) => {
  const reads = await solutionGradedOnPageClock(page);
  expect(await reads()).toBe(1);
  await page.clock.pauseAt(new Date(START.getTime() + 3_600_000)); // the page's timers now wait for the test
  await page.getByLabel('Attendee id').pressSequentially('ada');
  await page.clock.runFor(299);
  expect(await reads(), 'nothing graded before typing has paused for 300 ms').toBe(1);
  await page.clock.runFor(100);
  await page.clock.resume();
  await expect(page.locator('#report .fg-title')).toContainText('attendee ada');
  expect(await reads(), 'graded once for the three keys').toBe(2);
});

test('leaving an option field grades at once, and not again when the pause ends; leaving it after the pause graded it grades nothing more', async ({ page }) => {
  const reads = await solutionGradedOnPageClock(page);
  const attendee = page.getByLabel('Attendee id');

  await page.clock.pauseAt(new Date(START.getTime() + 3_600_000));
  await attendee.fill('bob');
  await attendee.press('Tab'); // `change`: graded now, not 300 ms later
  await expect(status(page)).toHaveText('Grading solution.json… (the report below is still the earlier one)');
  await page.clock.runFor(1_000); // the pause typing started has ended meanwhile
  await page.clock.resume();
  await expect(page.locator('#report .fg-title')).toContainText('attendee bob');
  expect(await reads(), 'graded once').toBe(2);

  await page.clock.pauseAt(new Date(START.getTime() + 7_200_000));
  await attendee.fill('cy');
  await page.clock.runFor(1_000); // typing paused: graded
  await page.clock.resume();
  await expect(page.locator('#report .fg-title')).toContainText('attendee cy');
  await page.clock.pauseAt(new Date(START.getTime() + 10_800_000));
  await attendee.press('Tab'); // left after it was graded for the value it holds: nothing to grade again
  await expect(status(page)).toHaveText(/^solution\.json: passed/);
  expect(await reads()).toBe(3);
  await page.clock.resume();
});

test('a file given while an option typed waits for the pause is graded once, with the option as typed: not again when the pause ends', async ({ page }) => {
  const reads = await solutionGradedOnPageClock(page);
  await page.clock.pauseAt(new Date(START.getTime() + 3_600_000));
  await page.getByLabel('Attendee id').fill('bob');
  await fileInput(page).setInputFiles(DEFECT);
  await page.clock.runFor(1_000); // the pause typing started has ended meanwhile
  await page.clock.resume();
  await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed/);
  await expect(page.locator('#report .fg-title')).toContainText('attendee bob');
  expect(await reads(), 'the solution, then the file given: graded once').toBe(2);
});

test('typed in an option before any file was given, nothing is marked busy (there is no report to replace)', async ({ page }) => {
  await page.getByLabel('Attendee id').fill('ada');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.getByLabel('Attendee id').press('Tab');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(status(page)).toHaveText('Ready: drop your flow export or choose it.');
});

test('while another file is graded, the earlier report can no longer be downloaded', async ({ page }) => {
  await fileInput(page).setInputFiles(DEFECT);
  await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed/);
  await expect(links(page)).toHaveCount(2);
  await holdNextRead(page, 'Main_Flow_140.json');
  await fileInput(page).setInputFiles({ name: 'Main_Flow_140.json', mimeType: 'application/json', buffer: readFileSync(SOLUTION) });
  await expect(status(page)).toHaveText(/^Grading Main_Flow_140\.json…/);
  await expect(links(page)).toHaveCount(0);
  await endHeldRead(page, readFileSync(SOLUTION, 'utf8'));
  await expect(status(page)).toHaveText(/^Main_Flow_140\.json: passed/);
  await expect(links(page)).toHaveCount(2);
});

test('each report\'s downloads are released when it goes (no report\'s copy kept in memory), and typed as what they hold', async ({ page }) => {
  await page.evaluate(() => {
    const live = new Map<string, string>();
    (window as unknown as { blobs: Map<string, string> }).blobs = live;
    const create = URL.createObjectURL;
    const revoke = URL.revokeObjectURL;
    URL.createObjectURL = (object: Blob | MediaSource) => {
      const url = create(object);
      live.set(url, (object as Blob).type);
      return url;
    };
    URL.revokeObjectURL = (url: string) => {
      live.delete(url);
      revoke(url);
    };
  });
  const blobs = () => page.evaluate(() => [...(window as unknown as { blobs: Map<string, string> }).blobs.entries()]);
  const hrefs = () => links(page).evaluateAll((all) => all.map((link) => (link as HTMLAnchorElement).href));
  await fileInput(page).setInputFiles(SOLUTION);
  await expect(status(page)).toHaveText(/^solution\.json: passed/);
  const first = await hrefs();
  expect((await blobs()).map(([, type]) => type)).toEqual(['application/json', 'text/html']);
  expect((await blobs()).map(([url]) => url)).toEqual(first);
  await fileInput(page).setInputFiles(DEFECT);
  await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed/);
  expect((await blobs()).map(([url]) => url), 'only the report on show is kept').toEqual(await hrefs());
  await fileInput(page).setInputFiles({ name: 'empty.json', mimeType: 'application/json', buffer: Buffer.alloc(0) });
  await expect(status(page)).toHaveText('empty.json could not be graded.');
  expect(await blobs()).toEqual([]);
});

test('a download link that has the keyboard focus when its report goes hands it to the status line, not to the page', async ({ page }) => {
  await fileInput(page).setInputFiles(SOLUTION);
  await expect(status(page)).toHaveText(/^solution\.json: passed/);
  await page.getByRole('link', { name: 'Download this report (JSON)' }).focus();
  await fileInput(page).setInputFiles(DEFECT);
  await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed/);
  await expect(status(page)).toBeFocused();
});

test('an option made invalid after a file could not be graded leaves no word of that file: only the field to fix', async ({ page }) => {
  await fileInput(page).setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
  await expect(page.locator('#error .page-error')).toHaveCount(1);
  await page.getByLabel('DNIS').fill('abc');
  await expect(status(page)).toHaveText('Fix the DNIS marked above; notes.json is graded as soon as it is valid.');
  await expect(page.locator('#error')).toBeEmpty();
});

test('on a phone, an option typed invalid after a file was graded does not scroll the page away from the field typed in', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await fileInput(page).setInputFiles(SOLUTION);
  await expect(status(page)).toHaveText(/^solution\.json: passed/);
  await scrollTopTo(page, '#dnis', 667 - 60); // the field near the bottom of the screen, the status below it
  const before = await scrollY(page);
  await page.getByLabel('DNIS').fill('abc');
  await expect(status(page)).toHaveText(/^Fix the DNIS marked above/);
  expect(await scrollY(page)).toBe(before);
});

test('after a file that could not be graded (no report on show), the next one is not said to have an earlier report below it', async ({ page }) => {
  await fileInput(page).setInputFiles(DEFECT);
  await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed/);
  await fileInput(page).setInputFiles({ name: 'empty.json', mimeType: 'application/json', buffer: Buffer.alloc(0) });
  await expect(status(page)).toHaveText('empty.json could not be graded.');
  await holdNextRead(page, 'Main_Flow_140.json');
  await fileInput(page).setInputFiles({ name: 'Main_Flow_140.json', mimeType: 'application/json', buffer: readFileSync(SOLUTION) });
  await expect(status(page)).toHaveText('Grading Main_Flow_140.json…');
  await endHeldRead(page, readFileSync(SOLUTION, 'utf8'));
  await expect(status(page)).toHaveText(/^Main_Flow_140\.json: passed/);
});

/** Dispatches a drag event on `selector` carrying one file (or, with `text`, only text), as Chromium fires it on the element under the pointer. */
async function dragOn(page: Page, selector: string, type: 'dragenter' | 'dragleave' | 'drop', what: 'file' | 'text' = 'file'): Promise<void> {
  // The export as text (UTF-8 again in the File): as an array of 170,000 numbers, each event took
  // seconds to pass, and the test ran out of its minute on a loaded machine.
  const dataTransfer = await page.evaluateHandle(([kind, text]) => {
    const transfer = new DataTransfer();
    if (kind === 'file') transfer.items.add(new File([text], 'Main_Flow_140.json', { type: 'application/json' }));
    else transfer.setData('text/plain', '+14694096861');
    return transfer;
  }, [what, readFileSync(SOLUTION, 'utf8')] as const);
  await page.locator(selector).dispatchEvent(type, { dataTransfer });
}

test('a file dragged across the drop zone\'s own parts keeps it highlighted, also after a drag of text went by and after a drop; dragged away, it is not', async ({ page }) => {
  const zone = page.locator('#drop-zone');
  // Text dragged over a field and away: nothing highlighted, nothing counted.
  await dragOn(page, '#dnis', 'dragenter', 'text');
  await dragOn(page, '#dnis', 'dragleave', 'text');
  for (const round of ['before a drop', 'after a drop']) {
    // Onto the zone, then onto its title inside it: the browser enters the title, then leaves the zone.
    await dragOn(page, '#drop-zone', 'dragenter');
    await dragOn(page, '.drop-zone-title', 'dragenter');
    await dragOn(page, '#drop-zone', 'dragleave');
    await expect(zone, round).toHaveClass(/is-dragging/);
    if (round === 'after a drop') {
      await dragOn(page, '.drop-zone-title', 'dragleave'); // and off the page
      await expect(zone, round).not.toHaveClass(/is-dragging/);
      break;
    }
    await dragOn(page, '.drop-zone-title', 'drop');
    await expect(status(page)).toHaveText(/^Main_Flow_140\.json: passed/);
    await expect(zone).not.toHaveClass(/is-dragging/);
  }
});

test('a status in the middle of the screen is brought to the top as a file is given (its report would start below the screen)', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await fileInput(page).setInputFiles(DEFECT);
  await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed/);
  await scrollTopTo(page, '#status', 667 / 2);
  await fileInput(page).setInputFiles(SOLUTION);
  await expect(status(page)).toHaveText(/^solution\.json: passed/);
  expect(await status(page).evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(60);
});

test('a file dropped by pointer while the focus is in an option field leaves the focus there', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await page.getByLabel('Attendee id').fill('ada');
  await page.getByLabel('Attendee id').dispatchEvent('change'); // taken now (no file yet), the focus left in the field
  await expect(page.getByLabel('Attendee id')).toBeFocused();
  await page.evaluate(() => window.scrollTo(0, 0));
  await fileInput(page).setInputFiles(SOLUTION);
  await expect(status(page)).toHaveText(/^solution\.json: passed/);
  await expect(page.locator('#drop-zone')).not.toBeInViewport({ ratio: 1 });
  await expect(page.getByLabel('Attendee id')).toBeFocused();
});

test('a file given while an option is invalid, the line under the field at the very bottom of the screen (no room for its focus ring): it is brought up', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await page.getByLabel('DNIS').fill('4694096861');
  await fileInput(page).setInputFiles(SOLUTION);
  await expect(status(page)).toHaveText('Fix the DNIS marked above; solution.json is graded as soon as it is valid.');
  const height = (await status(page).boundingBox())!.height;
  await scrollTopTo(page, '#status', 667 - height - 4); // wholly on screen, 4 px above its bottom
  await expect(page.locator('label[for="dnis"]')).toBeInViewport({ ratio: 1 });
  await fileInput(page).setInputFiles(SOLUTION); // the same line again: as tall as before
  await expect.poll(() => status(page).evaluate((el) => el.getBoundingClientRect().bottom)).toBeLessThanOrEqual(667 - 10);
  await expect(page.locator('label[for="dnis"]')).toBeInViewport({ ratio: 1 });
});

test('a folder dragged from a file manager with its address as text beside it is still named as a folder', async ({ page }, testInfo) => {
  const folder = testInfo.outputPath('Main_Flow_140');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'Main_Flow_140.json'), readFileSync(SOLUTION));
  // A real drop (a DataTransfer made in the page cannot hold a folder), its items a text one and the folder.
  const cdp = await page.context().newCDPSession(page);
  const box = (await page.locator('#drop-zone').boundingBox())!;
  const data = { items: [{ mimeType: 'text/uri-list', data: pathToFileURL(folder).href }], files: [folder], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, x: box.x + box.width / 2, y: box.y + box.height / 2, data });
  await expect(page.locator('#error .page-error strong')).toHaveText('Main_Flow_140: is a directory, not a file [unreadable-file]');
});

test('the file chooser closed with no file (a change of the input that carries none) leaves the result on show as it was', async ({ page }) => {
  await fileInput(page).setInputFiles(SOLUTION);
  await expect(status(page)).toHaveText(/^solution\.json: passed/);
  await fileInput(page).dispatchEvent('change');
  await expect(page.locator('#results')).toHaveAttribute('data-state', 'done');
  await expect(status(page)).toHaveText(/^solution\.json: passed/);
  await expect(links(page)).toHaveCount(2);
});

test('the file is read only once the frame showing "Grading …" has been painted, not within that frame (before its paint)', async ({ page }) => {
  // Every animation frame callback marks the page as in a frame until the first task after it (a
  // timer set before the callback runs, so before any the callback sets): the file's read must not
  // come while the mark is up.
  await page.evaluate(() => {
    const marks = window as unknown as { inFrame: boolean; readInFrame: boolean[] };
    marks.inFrame = false;
    marks.readInFrame = [];
    const frame = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) =>
      frame((time) => {
        marks.inFrame = true;
        setTimeout(() => (marks.inFrame = false), 0);
        callback(time);
      });
    const read = File.prototype.arrayBuffer;
    File.prototype.arrayBuffer = function (this: File) {
      marks.readInFrame.push(marks.inFrame);
      return read.call(this);
    };
  });
  for (const file of [SOLUTION, DEFECT, SOLUTION]) {
    await fileInput(page).setInputFiles(file);
    await expect(status(page)).toHaveText(new RegExp(`^${path.basename(file).replace(/\./g, '\\.')}: (passed|failed)`));
  }
  expect(await page.evaluate(() => (window as unknown as { readInFrame: boolean[] }).readInFrame)).toEqual([false, false, false]);
});

test('the page cancels a file\'s dragenter, dragover and drop (Firefox opens a file dropped on a page that does not, in place of the page), and none of text\'s', async ({ page }) => {
  const cancelled = (what: 'file' | 'text') =>
    page.evaluate(
      ([kind, text]) => {
        const zone = document.getElementById('drop-zone')!;
        return (['dragenter', 'dragover', 'drop'] as const).map((type) => {
          const dataTransfer = new DataTransfer();
          if (kind === 'file') dataTransfer.items.add(new File([text], 'Main_Flow_140.json', { type: 'application/json' }));
          else dataTransfer.setData('text/plain', '+14694096861');
          const notCancelled = zone.dispatchEvent(new DragEvent(type, { dataTransfer, bubbles: true, cancelable: true }));
          return `${type}: ${notCancelled ? 'left to the browser' : 'cancelled'}`;
        });
      },
      [what, readFileSync(SOLUTION, 'utf8')] as const,
    );
  expect(await cancelled('text')).toEqual(['dragenter: left to the browser', 'dragover: left to the browser', 'drop: left to the browser']);
  expect(await cancelled('file')).toEqual(['dragenter: cancelled', 'dragover: cancelled', 'drop: cancelled']);
  await expect(status(page)).toHaveText(/^Main_Flow_140\.json: passed/);
});

// A dragover cancelled without a dropEffect leaves the operation to Chromium, which takes a move
// when the source offers copy and move but not link (a file manager may): the pointer then says
// the attendee's export is moved into the page, and the drop tells the source it was. The page
// asks for a copy, whatever the source offers.
test('a file dragged onto the page from a source that offers copy or move is dropped as a copy, not a move of the export', async ({ page }) => {
  await page.evaluate(() => {
    (window as unknown as { effects: string[] }).effects = [];
    window.addEventListener('drop', (event) => (window as unknown as { effects: string[] }).effects.push(event.dataTransfer!.dropEffect), true);
  });
  const cdp = await page.context().newCDPSession(page);
  const box = (await page.locator('#drop-zone').boundingBox())!;
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const data = { items: [], files: [SOLUTION], dragOperationsMask: 1 | 16 }; // Copy | Move (CDP's DragData)
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
  await expect(status(page)).toHaveText(/^solution\.json: passed/);
  expect(await page.evaluate(() => (window as unknown as { effects: string[] }).effects)).toEqual(['copy']);
});

test('a file given while an option is invalid, the field to fix partly above the screen and the line under it on screen: the field is brought into view', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await page.evaluate(() => (document.body.style.paddingBottom = '1000px')); // room to scroll the field above the screen
  await page.getByLabel('DNIS').fill('4694096861');
  await expect(page.locator('#dnis-error')).toBeVisible();
  await scrollTopTo(page, 'label[for="dnis"]', -15);
  expect(await page.locator('label[for="dnis"]').evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(0);
  await expect(status(page)).toBeInViewport({ ratio: 1 });
  await fileInput(page).setInputFiles(SOLUTION);
  await expect(status(page)).toHaveText('Fix the DNIS marked above; solution.json is graded as soon as it is valid.');
  await expect(page.locator('label[for="dnis"]')).toBeInViewport({ ratio: 1 });
  await expect(status(page)).toBeInViewport({ ratio: 1 });
});

test('a DNIS fixed takes its message away whole: no empty message left taking room under the field', async ({ page }) => {
  const dnis = page.getByLabel('DNIS');
  const field = page.locator('.field', { has: dnis });
  const height = (await field.boundingBox())!.height;
  await dnis.fill('4694096861');
  await expect(page.locator('#dnis-error')).toHaveText(/is not an E\.164 number/);
  await dnis.fill('+14694096861');
  await dnis.press('Tab');
  await expect(page.locator('#dnis-error')).toHaveJSProperty('hidden', true);
  expect((await field.boundingBox())!.height).toBe(height);
});

test('two exports of one name dropped together (an old and a new one, from two folders): the other is told apart by its time; the same file dropped twice is graded once and not named', async ({ page }) => {
  const drop = async (files: { text: string; lastModified: number[] }[]) => {
    const dataTransfer = await page.evaluateHandle((given) => {
      const transfer = new DataTransfer();
      // Local times, as the attendee's file manager shows them.
      for (const { text, lastModified } of given) transfer.items.add(new File([text], 'Main_Flow_140.json', { lastModified: new Date(...(lastModified as [number, number])).getTime() }));
      return transfer;
    }, files);
    await page.locator('#drop-zone').dispatchEvent('drop', { dataTransfer });
  };
  const [solution, defect] = [readFileSync(SOLUTION, 'utf8'), readFileSync(DEFECT, 'utf8')];
  await drop([
    { text: solution, lastModified: [2026, 11, 7, 9, 15] },
    { text: defect, lastModified: [2026, 11, 1, 10, 32] },
  ]);
  await expect(status(page)).toHaveText(
    /^Main_Flow_140\.json: passed, (\d+)\/\1 points\. Only one file is graded at a time: another Main_Flow_140\.json \(older, modified 2026-12-01 10:32; the one graded: 2026-12-07 09:15\) was not; give it on its own\.$/,
  );
  await drop([
    { text: defect, lastModified: [2026, 11, 1, 10, 32] },
    { text: defect, lastModified: [2026, 11, 1, 10, 32] },
  ]);
  await expect(status(page)).toHaveText(/^Main_Flow_140\.json: failed, [\d.]+\/\d+ points\.$/);
});
