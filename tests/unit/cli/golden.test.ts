/**
 * Golden tests: the console and JSON output of `flowgrade check` for the solution and two defect
 * fixtures, pinned byte for byte (volatile fields masked: tool version). Regenerate after an
 * intended change with `UPDATE_GOLDEN=1 npx playwright test tests/unit/cli/golden.test.ts`,
 * then read the diff. A missing golden file fails the test; only UPDATE_GOLDEN writes one.
 */
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runCli } from '../../helpers.js';

const NOW = '2025-07-16T09:00:00.000Z';
const CASES = ['solution', 'defect-getcbid-jsonpath-without-index', 'defect-condition-constant-true'];

function mask(text: string): string {
  return text.replace(/"version": "[^"]+"/, '"version": "<version>"');
}

function golden(name: string, actual: string): void {
  const file = path.join(ROOT, 'tests', 'golden', name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  // A missing golden file fails: writing it from the output under test would pin whatever the output is.
  expect(existsSync(file), `${file} is missing: create it with UPDATE_GOLDEN=1, then read it`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

for (const name of CASES) {
  test(`golden console output: ${name}`, async () => {
    const run = await runCli(['check', `fixtures/flows/${name}.json`, '--now', NOW]);
    expect(run.code).toBe(name === 'solution' ? 0 : 1);
    golden(`${name}.console.txt`, run.stdout);
  });

  test(`golden JSON report: ${name}`, async () => {
    const run = await runCli(['check', `fixtures/flows/${name}.json`, '--now', NOW, '--format', 'json']);
    expect(run.code).toBe(name === 'solution' ? 0 : 1);
    golden(`${name}.report.json`, mask(run.stdout));
  });
}
