/**
 * The console reports shown in README.md (a failing check) and docs/reports.md (Console) are what
 * `flowgrade check` prints today for their fixture: every line of the example is a line of the
 * output, in the same order, `…` standing for what the example leaves out (within a line, or
 * lines). A changed message, label or layout fails here rather than living on in the docs.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../../cli/main.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The first fenced block of `page` after `marker` that holds a check mark. */
function example(page: string, marker: string): string[] {
  const markdown = readFileSync(path.join(ROOT, page), 'utf8');
  const from = markdown.indexOf(marker);
  expect(from, `${page} has "${marker}"`).toBeGreaterThanOrEqual(0);
  const block = /^```[^\n]*\n([\s\S]*?)^```/m.exec(markdown.slice(from));
  expect(block, `a code block after "${marker}"`).not.toBeNull();
  return block![1]!.split('\n').filter((line) => line !== '');
}

async function check(fixture: string): Promise<string[]> {
  let stdout = '';
  const file = path.relative(process.cwd(), path.join(ROOT, 'fixtures/flows', fixture)).split(path.sep).join('/');
  await run(['node', 'flowgrade', 'check', file], { stdout: (s) => void (stdout += s), stderr: () => undefined, isTTY: false, color: false, unicode: true, columns: () => undefined });
  return stdout.split('\n');
}

/** Example lines not found in `output` in order (a line of only `…` skips any number of lines). */
function missing(lines: string[], output: string[]): string[] {
  const absent: string[] = [];
  let at = 0;
  for (const line of lines) {
    if (line.trim() === '…') continue;
    const pattern = new RegExp(`^${line.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    const found = output.findIndex((out, i) => i >= at && pattern.test(out));
    if (found === -1) absent.push(line);
    else at = found + 1;
  }
  return absent;
}

test("README's failing check is what check prints for defect-getcbid-jsonpath-without-index", async () => {
  const lines = example('README.md', 'A failing check says what to change');
  expect(lines.length).toBeGreaterThan(5);
  expect(missing(lines, await check('defect-getcbid-jsonpath-without-index.json'))).toEqual([]);
});

test("docs/reports.md's console report is what check prints for defect-condition-tests-200", async () => {
  const lines = example('docs/reports.md', '## Console');
  expect(lines[0]).toMatch(/^fixtures\/flows\/defect-condition-tests-200\.json — /);
  expect(missing(lines, await check('defect-condition-tests-200.json'))).toEqual([]);
});
