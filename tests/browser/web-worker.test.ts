/**
 * The page grades each file in a Web Worker (web/grading-thread.ts), made from its own script as a
 * blob: URL: served and opened from disk alike. A file whose grading would never end (a regular
 * expression that backtracks without end, which a browser cannot finish) is stopped at the time
 * limit, shortened here to a second by the page's test setting (`flowgradeGradingTimeLimit`, set
 * before the page's script runs) where no other file is graded, or reached on Playwright's clock
 * where one is (a real grading may take a second on a loaded machine), and the next file gets a
 * fresh worker; the page answers meanwhile, and a file given then replaces the grading, its worker
 * stopped. Where no worker can be started (a browser without them, a host's policy refusing them),
 * the page grades nothing, as on its own thread nothing could stop a grading that never ends.
 * Nothing here is timed: the tests wait for what the page shows.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { GRADING_TIME_LIMIT } from '../../web/grading-thread.js';
import { fixturePath, runCli } from '../helpers.js';
import { useServedSite, useWatchedPage, watchPage } from './site.js';

const site = useServedSite();

/** The solution whose SimulateGlobalError runs `matches('a*a*a*a*b')` on 3,000 a's: accepted by the engine's guard, it backtracks for ever in a browser. */
function neverEndingExport(): Buffer {
  const flow = JSON.parse(readFileSync(fixturePath('flows/solution.json'), 'utf8'));
  for (const activity of Object.values(flow.process.activities) as { name: string; properties: Record<string, unknown> }[]) {
    if (activity.name === 'SimulateGlobalError') activity.properties.expr = `{{ '${'a'.repeat(3000)}'.matches('a*a*a*a*b') }}`;
  }
  return Buffer.from(JSON.stringify(flow));
}

/**
 * Before the page's script: each worker it makes recorded (its URL, whether it was stopped; in
 * window.workers, the worker and how many gradings it was sent); optionally the test's time limit.
 */
async function recordWorkers(page: Page, limitSeconds?: number): Promise<void> {
  await page.addInitScript((limit) => {
    const made: { url: string; terminated: boolean }[] = [];
    const workers: { worker: Worker; sent: number }[] = [];
    const scope = window as unknown as { madeWorkers: typeof made; workers: typeof workers; flowgradeGradingTimeLimit?: number };
    scope.madeWorkers = made;
    scope.workers = workers;
    if (limit !== undefined) scope.flowgradeGradingTimeLimit = limit;
    const Real = window.Worker;
    window.Worker = class extends Real {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        const record = { url: String(url), terminated: false };
        made.push(record);
        const sent = { worker: this as Worker, sent: 0 };
        workers.push(sent);
        const postMessage = this.postMessage.bind(this) as (message: unknown, transfer: Transferable[]) => void;
        this.postMessage = ((message: unknown, transfer: Transferable[]) => {
          sent.sent++;
          postMessage(message, transfer);
        }) as Worker['postMessage'];
        const terminate = this.terminate.bind(this);
        this.terminate = () => {
          record.terminated = true;
          terminate();
        };
      }
    };
  }, limitSeconds);
}

/**
 * Waits until worker `index` has been sent `count` gradings. "Grading …" shows before the file is read
 * and sent, and an option typed meanwhile drops that grading before it reaches a worker: a test about
 * a grading under way waits for it to be under way.
 */
const sentToWorker = (page: Page, index: number, count: number) =>
  page.waitForFunction(([i, n]) => (window as unknown as { workers: { sent: number }[] }).workers[i]?.sent === n, [index, count] as const);
const madeWorkers = (page: Page) => page.evaluate(() => (window as unknown as { madeWorkers: { url: string; terminated: boolean }[] }).madeWorkers);
const status = (page: Page) => page.locator('#status');
const PASSED = (name: string) => new RegExp(`^${name.replace(/\./g, '\\.')}: passed, (\\d+)/\\1 points\\.$`);

test.describe('served', () => {
  test.describe('with the time limit at a second', () => {
    test.beforeEach(async ({ page }) => recordWorkers(page, 1));
    useWatchedPage(site);

    test('a file still being read when another is given is not graded after all: the other keeps the worker to its end, here the limit', async ({ page }) => {
      // The solution's read held until the test ends it; other reads counted as they end.
      await page.evaluate(() => {
        const read = File.prototype.arrayBuffer;
        const scope = window as unknown as { endRead: () => void; readsEnded: number };
        scope.readsEnded = 0;
        File.prototype.arrayBuffer = function (this: File) {
          if (this.name === 'solution.json') return new Promise((resolve) => (scope.endRead = () => resolve(read.call(this))));
          return read.call(this).then((bytes) => {
            scope.readsEnded++;
            return bytes;
          });
        };
      });
      await page.locator('#file-input').setInputFiles(fixturePath('flows/solution.json'));
      await expect(status(page)).toHaveText('Grading solution.json…');
      await page.locator('#file-input').setInputFiles({ name: 'Main_Flow_140.json', mimeType: 'application/json', buffer: neverEndingExport() });
      await page.waitForFunction(() => (window as unknown as { readsEnded: number }).readsEnded === 1); // in the worker now
      await page.evaluate(() => (window as unknown as { endRead: () => void }).endRead());
      await expect(page.locator('#error .page-error strong')).toHaveText(/^Main_Flow_140\.json: grading took longer than 1 s; stopped: .* \[grading-timeout\]$/);
      expect((await madeWorkers(page)).map((worker) => worker.terminated)).toEqual([true, false]);
    });
  });

  test.describe('with the default time limit', () => {
    // On Playwright's clock (running as the real one until a test pauses it), installed before the page loads.
    test.beforeEach(async ({ page }) => {
      await recordWorkers(page);
      await page.clock.install();
    });
    useWatchedPage(site);

    test('a file whose grading never ends is stopped at the time limit with an ungradable result saying why; the next file gets a fresh worker and passes', async ({ page }, testInfo) => {
      await page.locator('#file-input').setInputFiles({ name: 'Main_Flow_140.json', mimeType: 'application/json', buffer: neverEndingExport() });
      await sentToWorker(page, 0, 1);
      await page.clock.runFor(GRADING_TIME_LIMIT * 1000); // the limit reached
      await expect(status(page)).toHaveText('Main_Flow_140.json could not be graded.');
      await expect(page.locator('#results')).toHaveAttribute('data-verdict', 'ungradable');
      await expect(page.locator('#error .page-error strong')).toHaveText(
        `Main_Flow_140.json: grading took longer than ${GRADING_TIME_LIMIT} s; stopped: the export may hold an expression or pattern this browser cannot finish [grading-timeout]`,
      );
      await expect(page.locator('#error .page-error p')).toContainText('flowgrade check');
      await expect(page).toHaveTitle('UNGRADABLE · Main_Flow_140 · flowgrade self-check');
      await page.screenshot({ path: testInfo.outputPath('timed-out.png'), fullPage: true });
      expect(await madeWorkers(page), 'stopped, and a fresh one started for the next file').toEqual([
        { url: expect.stringMatching(/^blob:/), terminated: true },
        { url: expect.stringMatching(/^blob:/), terminated: false },
      ]);

      await page.locator('#file-input').setInputFiles(fixturePath('flows/solution.json'));
      await expect(status(page)).toHaveText(PASSED('solution.json'));
      expect((await madeWorkers(page)).map((worker) => worker.terminated)).toEqual([true, false]);
    });

    test('an option made invalid while a file grades stops that grading at once, not at the limit: its worker stopped, a fresh one ready for the file once the option is fixed', async ({ page }) => {
      await page.locator('#file-input').setInputFiles({ name: 'Main_Flow_140.json', mimeType: 'application/json', buffer: neverEndingExport() });
      await expect(status(page)).toHaveText('Grading Main_Flow_140.json…');
      await sentToWorker(page, 0, 1);
      await page.getByLabel('DNIS').fill('abc');
      await page.getByLabel('DNIS').press('Tab');
      const fix = 'Fix the DNIS marked above; Main_Flow_140.json is graded as soon as it is valid.';
      await expect(status(page)).toHaveText(fix);
      // The limit is 120 s: the worker stopped long before it.
      await page.waitForFunction(() => (window as unknown as { madeWorkers: { terminated: boolean }[] }).madeWorkers[0].terminated);
      expect((await madeWorkers(page)).map((worker) => worker.terminated)).toEqual([true, false]);
      // Past the limit too, nothing of that grading (a time-out) is put over the field to fix.
      await page.clock.runFor(GRADING_TIME_LIMIT * 1000);
      await expect(status(page)).toHaveText(fix);
      await expect(page.locator('#error')).toBeEmpty();
      await expect(page.locator('#results')).toHaveAttribute('data-state', 'invalid-options');
    });

    test('one worker grades file after file; while it grades one that never ends, the page answers and a file given then replaces it, its worker stopped', async ({ page }) => {
      await page.locator('#file-input').setInputFiles(fixturePath('flows/solution.json'));
      await expect(status(page)).toHaveText(PASSED('solution.json'));
      await page.locator('#file-input').setInputFiles({ name: 'Main_Flow_140.json', mimeType: 'application/json', buffer: neverEndingExport() });
      await expect(status(page)).toHaveText('Grading Main_Flow_140.json… (the report below is still the earlier one, for solution.json)');
      await sentToWorker(page, 0, 2);
      expect(await madeWorkers(page), 'the worker that graded the solution grades this one').toEqual([{ url: expect.stringMatching(/^blob:/), terminated: false }]);
      // The page's thread is free: it runs a script, takes typing, and a file given now is graded.
      expect(await page.evaluate(() => document.getElementById('status')!.textContent)).toMatch(/^Grading Main_Flow_140\.json…/);
      // Typing grades the file again once it pauses for 300 ms (app.ts), which would replace this
      // grading (and its worker) before the next file is given on a slow machine: the page's timers
      // wait for the test meanwhile. Paused a little ahead of now, well before this grading's limit.
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 10_000);
      await page.getByLabel('Attendee id').fill('ada');
      await page.getByLabel('Attendee id').fill('');
      await page.locator('#file-input').setInputFiles(fixturePath('flows/defect-callbackapi-method-put.json'));
      await page.clock.resume();
      await expect(status(page)).toHaveText(/^defect-callbackapi-method-put\.json: failed, \d+\/\d+ points\.$/);
      expect((await madeWorkers(page)).map((worker) => worker.terminated), 'the never-ending grading stopped, its worker with it').toEqual([true, false]);
    });
  });
});

test('a worker failing while it grades (an error it did not catch: a bug of ours) gives the crash message, its words or else that the worker failed, never a page waiting for ever; a fresh worker grades the next file', async ({ page }) => {
  await recordWorkers(page);
  // A worker's error the page does not cancel (preventDefault) is reported again as the page's own
  // uncaught error: its window's error event, which window.onerror and the console see.
  await page.addInitScript(() => {
    const reported: string[] = [];
    (window as unknown as { reportedErrors: string[] }).reportedErrors = reported;
    window.addEventListener('error', (event) => reported.push(event.message));
  });
  const watched = watchPage(page);
  await page.goto(site().url);
  await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
  await page.locator('#file-input').setInputFiles(fixturePath('flows/solution.json'));
  await expect(status(page)).toHaveText(PASSED('solution.json'));
  const crash = page.locator('#error .page-error strong');

  // The worker's script throwing as it takes the next file.
  expect(page.workers()).toHaveLength(1);
  await page.workers()[0].evaluate(() => {
    self.onmessage = () => {
      throw new Error('stand-in bug');
    };
  });
  await page.locator('#file-input').setInputFiles(fixturePath('flows/solution.json'));
  await expect(crash).toHaveText('solution.json: internal error of the grader: Uncaught Error: stand-in bug [internal-error]');
  await expect(page.locator('#error .page-error p')).toContainText('tell your instructor');

  // The fresh worker failing with no words while it grades a file that never ends.
  await page.locator('#file-input').setInputFiles({ name: 'Main_Flow_140.json', mimeType: 'application/json', buffer: neverEndingExport() });
  await sentToWorker(page, 1, 1);
  await page.evaluate(() => (window as unknown as { workers: { worker: Worker }[] }).workers[1].worker.dispatchEvent(new ErrorEvent('error', { cancelable: true })));
  await expect(crash).toHaveText('Main_Flow_140.json: internal error of the grader: the grading worker failed [internal-error]');

  await page.locator('#file-input').setInputFiles(fixturePath('flows/solution.json'));
  await expect(status(page)).toHaveText(PASSED('solution.json'));
  expect((await madeWorkers(page)).map((worker) => worker.terminated), 'each failed worker stopped, a fresh one started').toEqual([true, true, false]);
  expect(watched.errors, 'said on the page, not also in the console').toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { reportedErrors: string[] }).reportedErrors), 'nor as an uncaught error of the page').toEqual([]);
});

test.describe('no worker', () => {
  const NOT_GRADED = (name: string) =>
    `${name}: not graded: this browser could not start the grading worker, which stops a grading that would never end (a browser without Web Workers, or a site refusing them) [no-grading-worker]`;

  test('in a browser without Web Workers the page grades nothing, not even a file that would never end (the tab would hang for good), and says why and what to do', async ({ page }) => {
    await page.addInitScript(() => delete (window as { Worker?: unknown }).Worker);
    const watched = watchPage(page);
    await page.goto(site().url);
    await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
    await page.locator('#file-input').setInputFiles({ name: 'Main_Flow_140.json', mimeType: 'application/json', buffer: neverEndingExport() });
    await expect(status(page)).toHaveText('Main_Flow_140.json could not be graded.');
    await expect(page.locator('#results')).toHaveAttribute('data-verdict', 'ungradable');
    await expect(page.locator('#error .page-error strong')).toHaveText(NOT_GRADED('Main_Flow_140.json'));
    await expect(page.locator('#error .page-error p')).toContainText('Open the page in a current browser');
    // The page's thread is free: it runs a script, and the next file gets the same answer.
    expect(await page.evaluate(() => document.title)).toBe('UNGRADABLE · Main_Flow_140 · flowgrade self-check');
    await page.locator('#file-input').setInputFiles(fixturePath('flows/solution.json'));
    await expect(page.locator('#error .page-error strong')).toHaveText(NOT_GRADED('solution.json'));
    expect(watched.errors).toEqual([]);
  });

  test('under a policy refusing workers (a host\'s `worker-src \'none\'`, here in the page\'s own tag) the page grades nothing and says why, the refusal the only complaint', async ({ page }) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'flowgrade-web-no-worker-'));
    try {
      expect((await runCli(['web', '--out', dir])).code).toBe(0);
      const index = path.join(dir, 'index.html');
      writeFileSync(index, readFileSync(index, 'utf8').replace('worker-src blob:', "worker-src 'none'"));
      await recordWorkers(page);
      const watched = watchPage(page);
      await page.goto(pathToFileURL(index).href);
      await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
      for (const name of ['solution.json', 'solution.json']) {
        await page.locator('#file-input').setInputFiles(fixturePath(`flows/${name}`));
        await expect(page.locator('#error .page-error strong')).toHaveText(NOT_GRADED(name));
      }
      expect(await madeWorkers(page), 'refused as it loads, once: not tried again').toEqual([{ url: expect.stringMatching(/^blob:/), terminated: true }]);
      expect(watched.errors).toHaveLength(1);
      expect(watched.errors[0]).toMatch(/Content Security Policy/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('opened from disk (file://), the page grades in a blob: worker too, and stops a never-ending grading at the limit', async ({ page }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'flowgrade-web-worker-file-'));
  try {
    expect((await runCli(['web', '--out', dir])).code).toBe(0);
    await recordWorkers(page);
    await page.clock.install(); // running as the real one; moved on to the limit below
    const watched = watchPage(page);
    await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
    await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
    await page.locator('#file-input').setInputFiles(fixturePath('flows/solution.json'));
    await expect(status(page)).toHaveText(PASSED('solution.json'));
    expect(await madeWorkers(page)).toEqual([{ url: expect.stringMatching(/^blob:/), terminated: false }]);
    await page.locator('#file-input').setInputFiles({ name: 'Main_Flow_140.json', mimeType: 'application/json', buffer: neverEndingExport() });
    await sentToWorker(page, 0, 2);
    await page.clock.runFor(GRADING_TIME_LIMIT * 1000);
    await expect(page.locator('#error .page-error strong')).toHaveText(new RegExp(`^Main_Flow_140\\.json: grading took longer than ${GRADING_TIME_LIMIT} s; stopped: .* \\[grading-timeout\\]$`));
    expect((await madeWorkers(page)).map((worker) => worker.terminated)).toEqual([true, false]);
    const folder = pathToFileURL(dir).href + '/';
    expect(watched.requests.filter((url) => !url.startsWith(folder) && !url.startsWith('blob:'))).toEqual([]);
    expect(watched.errors).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
