/**
 * A run killed outright (SIGKILL, the OOM killer, a laptop losing power, taskkill /f) leaves its
 * lock and its staging folder in --out. The next run took the lock over but left the staging
 * folder, the reports staged so far (29 MB for 1,000 of a class of 2,000), for good.
 */
import { test, expect } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBatch } from '../../../cli/grade/batch.js';
import { DEFAULT_ZIP_LIMITS } from '../../../cli/grade/zip.js';
import { resolveGradingOptions } from '../../../cli/grading-options.js';
import { DEFAULT_LIMITS } from '../../../engine/json-text.js';
import { runCli } from '../../helpers.js';
import { tempDir, writeSolutions } from './class-fixture.js';

test('the next run into --out removes the staging folders a killed run left, and takes its lock over', async () => {
  const dir = tempDir('killed-class');
  writeSolutions(dir, 2);
  const out = tempDir('killed-out');
  // What a run killed while grading leaves: its lock (a process that is gone), its staging
  // folder with a report staged, and the folder a signal's cleanup renames it to before removing it.
  writeFileSync(path.join(out, '.flowgrade-lock'), '2147483646\n');
  writeFileSync(path.join(out, '.flowgrade-output'), 'Reports written by `flowgrade grade`.\n');
  for (const left of ['.flowgrade-staging-Oy0q4m', '.flowgrade-staging-Ab12Cd-stopped']) {
    mkdirSync(path.join(out, left));
    writeFileSync(path.join(out, left, '0.json'), '{}');
  }
  const run = await runCli(['grade', dir, '--out', out, '--now', '2025-08-01T09:00:00Z', '--quiet']);
  expect([run.code, run.stderr]).toEqual([0, '']);
  expect(readdirSync(out).filter((f) => f.startsWith('.')).sort()).toEqual(['.flowgrade-output']);
});

test('removing what a killed run left never removes this run\'s own lock: it is held, this process\'s, while the class is graded', async () => {
  const dir = tempDir('killed-lock-class');
  writeSolutions(dir, 3);
  const out = tempDir('killed-lock-out');
  mkdirSync(path.join(out, '.flowgrade-staging-Oy0q4m'));
  const flags = { lab: 'callback-on-global-error', now: '2025-08-01T09:00:00Z' };
  const locks: string[] = [];
  const outcome = await runBatch({
    inputs: [dir],
    outDir: out,
    flags,
    options: await resolveGradingOptions(flags),
    jobs: 1,
    zipLimits: { maxEntryBytes: DEFAULT_LIMITS.maxBytes, ...DEFAULT_ZIP_LIMITS },
    taskTimeoutMs: 60_000,
    // Each progress line is drawn while the class is graded: the lock as it is then.
    progress: { isTTY: false, write: () => locks.push(existsSync(path.join(out, '.flowgrade-lock')) ? readFileSync(path.join(out, '.flowgrade-lock'), 'utf8').trim() : 'none') },
    warn: (line) => locks.push(line),
  });
  expect(outcome.ok).toBe(true);
  // Before (a mutation sweep): with every name starting '.flowgrade-' taken for a staging folder, the run removed its own lock (and a second run could write beside it).
  expect(locks).toEqual([String(process.pid)]);
  expect(readdirSync(out).filter((f) => f.startsWith('.')).sort()).toEqual(['.flowgrade-output']);
});
