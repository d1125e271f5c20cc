/** `flowgrade web --out` into a folder that already holds a site's files: its own are never replaced; an earlier page of ours is. */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempDir } from '../../helpers.js';

test('a web root or course site with its own index.html (or app.js) is refused before anything is written', async () => {
  const site = tempDir('own-site');
  writeFileSync(path.join(site, 'index.html'), '<h1>Course home</h1>');
  writeFileSync(path.join(site, 'page.css'), 'h1 { color: red }');
  const run = await runCli(['web', '--out', site]);
  expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `flowgrade: cannot write into --out ${site}: it holds index.html and page.css, which flowgrade did not write and the page would replace: write the page into a new or empty folder [bad-out]\n`]);
  expect(readdirSync(site).sort()).toEqual(['index.html', 'page.css']);
  expect(readFileSync(path.join(site, 'index.html'), 'utf8')).toBe('<h1>Course home</h1>');
  const scripts = tempDir('own-scripts');
  writeFileSync(path.join(scripts, 'app.js'), 'run()');
  expect((await runCli(['web', '--out', scripts])).stderr).toContain('it holds app.js, which flowgrade did not write');
});

test('the page written again over an earlier one, and beside other files, replaces only its own', async () => {
  const site = tempDir('our-site');
  writeFileSync(path.join(site, 'notes.txt'), 'mine');
  expect((await runCli(['web', '--out', site])).code).toBe(0);
  writeFileSync(path.join(site, 'app.js'), 'stale');
  const again = await runCli(['web', '--out', site]);
  expect([again.code, again.stderr]).toEqual([0, '']);
  expect(readFileSync(path.join(site, 'app.js'), 'utf8')).not.toBe('stale');
  expect(readFileSync(path.join(site, 'notes.txt'), 'utf8')).toBe('mine');
});
