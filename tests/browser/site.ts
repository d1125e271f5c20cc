/**
 * The self-check page as a user gets it: written by `flowgrade web --out` into a temp folder and
 * served by `flowgrade serve --port 0 --dir` (Chromium refuses module scripts from file://).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type ConsoleMessage, type Page, type Request } from '@playwright/test';
import { ROOT, runCli } from '../helpers.js';

export interface ServedSite {
  dir: string;
  url: string;
  /** Stops the server (SIGTERM, as Ctrl-C would) and returns what it printed. */
  stop(): Promise<{ code: number | null; stdout: string }>;
}

export async function serveSite(): Promise<ServedSite> {
  const dir = mkdtempSync(path.join(tmpdir(), 'flowgrade-web-'));
  const written = await runCli(['web', '--out', dir]);
  if (written.code !== 0) throw new Error(`flowgrade web failed: ${written.stderr}`);
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'flowgrade.js'), 'serve', '--port', '0', '--dir', dir], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const look = () => {
      const match = /serving the self-check page at (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]);
    };
    child.stdout!.on('data', look);
    exited.then((code) => reject(new Error(`flowgrade serve exited (${code}): ${stderr}`)));
  });
  return {
    dir,
    url,
    async stop() {
      stopChild(child);
      const code = await exited;
      rmSync(dir, { recursive: true, force: true });
      return { code, stdout };
    },
  };
}

/**
 * The self-check page served for the tests of the current file or `describe` block: started
 * before the first and stopped after the last. Returns the site (available once started).
 */
export function useServedSite(): () => ServedSite {
  let site: ServedSite | undefined;
  test.beforeAll(async () => {
    site = await serveSite();
  });
  test.afterAll(async () => {
    await site?.stop();
  });
  return () => {
    if (!site) throw new Error('the self-check page is not served: its beforeAll failed');
    return site;
  };
}

function stopChild(child: ChildProcess): void {
  if (child.exitCode === null && child.pid !== undefined) child.kill('SIGTERM');
}

/** Everything a page asked for and complained about, to assert "own origin only" and "no console errors". */
export function watchPage(page: Page): { requests: string[]; errors: string[] } {
  const seen = { requests: [] as string[], errors: [] as string[] };
  page.on('request', (request: Request) => seen.requests.push(request.url()));
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  page.on('pageerror', (error) => seen.errors.push(`uncaught: ${error.message}`));
  return seen;
}

/**
 * For each test of the calling file: the self-check page opened afresh and watched (watchPage),
 * its clock fixed at `fixedTime` when given, and ready (when its scripts run); after the test,
 * nothing asked of another origin (foreignRequests) and no error logged. Call at the file's top level.
 */
export function useWatchedPage(site: () => ServedSite, fixedTime?: string): void {
  let watched: ReturnType<typeof watchPage>;
  test.beforeEach(async ({ page, javaScriptEnabled }) => {
    watched = watchPage(page);
    if (fixedTime !== undefined) await page.clock.setFixedTime(new Date(fixedTime));
    await page.goto(site().url);
    if (javaScriptEnabled) await expect(page.locator('#results')).toHaveAttribute('data-state', 'ready');
  });
  test.afterEach(() => {
    expect(foreignRequests(watched.requests, new URL(site().url).origin)).toEqual([]);
    expect(watched.errors).toEqual([]);
  });
}

/** Scrolls the page so that `selector`'s top is `at` pixels from the top of the screen. */
export async function scrollTopTo(page: Page, selector: string, at: number): Promise<void> {
  await page.locator(selector).evaluate((el, y) => window.scrollBy(0, el.getBoundingClientRect().top - y), at);
}

/** Requests that left the page's origin (blob: downloads the page made itself count as its own). */
export function foreignRequests(requests: string[], origin: string): string[] {
  return requests.filter((url) => {
    if (url.startsWith(`blob:${origin}/`)) return false;
    return new URL(url).origin !== origin;
  });
}

/**
 * Pages opened as an instructor opens them: written into a temp folder (made before the test
 * file's tests, removed after them) and loaded from file://, watched (watchPage), dialogs counted
 * and dismissed. Call at a test file's top level.
 */
export function filePages(prefix: string): (page: Page, name: string, html: string) => Promise<{ watched: ReturnType<typeof watchPage>; dialogs: () => number }> {
  let dir: string | undefined;
  test.beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), prefix));
  });
  test.afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return async (page, name, html) => {
    const file = path.join(dir!, name);
    writeFileSync(file, html);
    const watched = watchPage(page);
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs++;
      await dialog.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
    return { watched, dialogs: () => dialogs };
  };
}
