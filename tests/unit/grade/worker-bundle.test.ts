/**
 * What a grading thread loads when it starts: every thread pays for it before its first grading,
 * and for a room of 50 attendees the time until the first grading is a third of the run.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../helpers.js';

// esbuild names each module's source path in a comment, relative to the project: `node_modules/…`,
// or `../<checkout>/node_modules/…` where node_modules is a link to another checkout's.
const COMMANDER = /^\/\/ (?:\.\.\/[^/\n]+\/)?node_modules\/commander\//m;
const CHILD_PROCESS = /require\("(node:)?child_process"\)/;

test('the grading thread bundles no command-line parser: commander loads child_process (net, streams…) into every thread', () => {
  const worker = readFileSync(path.join(ROOT, 'dist', 'worker.js'), 'utf8');
  expect(worker).not.toMatch(COMMANDER);
  expect(worker).not.toMatch(CHILD_PROCESS);
  // The same patterns find commander where it belongs: the CLI's bundle.
  const cli = readFileSync(path.join(ROOT, 'dist', 'cli.js'), 'utf8');
  expect(cli).toMatch(COMMANDER);
  expect(cli).toMatch(CHILD_PROCESS);
});

test('the grading thread and the page bundle no validator of what only merge reads (a run record, the reports): 235 KB and 87 KB more for code they never run', () => {
  // The run record's validator checks its `kind`, a text nothing else in flowgrade holds.
  const kind = '"flowgrade-grade-run"';
  const holds = (bundle: string) => readFileSync(path.join(ROOT, 'dist', bundle), 'utf8').includes(kind);
  expect([holds('worker.js'), holds('web/app.js'), holds('cli.js')]).toEqual([false, false, true]);
});

test('the grading thread and the page bundle hold one SHA-256, not a second written out for the sha256 filter', () => {
  // The first of SHA-256's round constants, as esbuild writes it (0x428a2f98 in decimal).
  const roundConstant = /\b1116352408\b/g;
  const copies = (bundle: string) => readFileSync(path.join(ROOT, 'dist', bundle), 'utf8').match(roundConstant)?.length ?? 0;
  expect([copies('worker.js'), copies('web/app.js')]).toEqual([1, 1]);
});

test('the bundles hold package.json\'s version, not the rest of it (its scripts, its devDependencies): the page showed every visitor the build\'s tooling', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; devDependencies: Record<string, string> };
  for (const bundle of ['web/app.js', 'cli.js', 'worker.js']) {
    const text = readFileSync(path.join(ROOT, 'dist', bundle), 'utf8');
    expect(text, bundle).not.toContain('devDependencies');
    expect(text, bundle).not.toContain('"prepare"');
    expect(text, bundle).toContain(JSON.stringify(pkg.version));
  }
});
