/**
 * docs/errors.md lists every stable code flowgrade prints (`[not-json]`, `[bad-out]`, …) and no
 * code it does not: the codes of the loader (LoadErrorCode), the codes of ungradable rows and
 * input errors the CLI and the page make (`code: '…'`), and those written at the end of a
 * message (`… [stale-reports]`). A code added to the source without a line in the docs, or left
 * in the docs after the source dropped it, fails here.
 */
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

const CODE = /^[a-z]+(?:-[a-z]+)+$/;

/** Every code the program can print, with a file that makes it. */
function codesInSource(): Map<string, string> {
  const codes = new Map<string, string>();
  const add = (code: string, file: string) => {
    if (CODE.test(code) && !codes.has(code)) codes.set(code, file);
  };
  const loadErrors = read('engine/load-error.ts');
  const union = /export type LoadErrorCode =([^;]+);/.exec(loadErrors)?.[1] ?? '';
  for (const [, code] of union.matchAll(/'([^']+)'/g)) add(code!, 'engine/load-error.ts');
  // The CLI's and the page's input errors and ungradable rows (the engine's `code:`s are findings
  // and simulation statuses: not error codes).
  for (const file of [...sources('cli'), ...sources('web')]) {
    const text = read(file);
    for (const [, expression] of text.matchAll(/\bcode: ([^,}\n]+)/g)) {
      for (const [, code] of expression!.matchAll(/'([^']+)'/g)) add(code!, file);
    }
    // `… [bad-out]` closing a message (a template literal or a string), or added to it by
    // `coded(message, 'bad-out')` / `new UsageError(message, 'bad-out')`.
    for (const [, code] of text.matchAll(/ \[([a-z]+(?:-[a-z]+)+)\][`'"]/g)) add(code!, file);
    for (const [, code] of text.matchAll(/\b(?:coded|UsageError)\([^;]*?,\s*'([a-z]+(?:-[a-z]+)+)'\)/g)) add(code!, file);
    // The type of the codes usage errors carry, when there is one.
    const usage = /\btype UsageCode =([^;]+);/.exec(text)?.[1] ?? '';
    for (const [, code] of usage.matchAll(/'([^']+)'/g)) add(code!, file);
  }
  return codes;
}

/** The `code`s docs/errors.md names: the first column of its table and its lists of `grade`'s codes. */
function codesInDocs(): Set<string> {
  const docs = read('docs/errors.md');
  const codes = new Set<string>();
  for (const [, code] of docs.matchAll(/^\| `([^`]+)` \|/gm)) codes.add(code!);
  const gradeSection = docs.slice(docs.indexOf('## Codes of `grade`'), docs.indexOf('## Exit codes'));
  for (const [, code] of gradeSection.matchAll(/`([^`]+)`/g)) if (CODE.test(code!)) codes.add(code!);
  return codes;
}

test('the source makes the codes it is known to (the scan finds them)', () => {
  const codes = codesInSource();
  for (const code of ['not-json', 'unreadable-file', 'zip-bomb', 'grading-timeout', 'grading-crashed', 'bad-out', 'no-input', 'stale-reports', 'staging-left']) {
    expect(codes.has(code), code).toBe(true);
  }
});

test('every code the program prints is in docs/errors.md', () => {
  const documented = codesInDocs();
  const missing = [...codesInSource()].filter(([code]) => !documented.has(code)).map(([code, file]) => `${code} (${file})`);
  expect(missing).toEqual([]);
});

test('every code docs/errors.md lists is one the program prints', () => {
  const made = codesInSource();
  expect([...codesInDocs()].filter((code) => !made.has(code))).toEqual([]);
});

test('every finding code (FindingCode) is in docs/flow-format.md, which names no other', () => {
  const union = /\btype FindingCode =([^;]+);/.exec(read('engine/model.ts'))?.[1] ?? '';
  const codes = [...union.matchAll(/'([^']+)'/g)].map((match) => match[1]!);
  expect(codes.length).toBeGreaterThan(5);
  const docs = read('docs/flow-format.md');
  const bullet = docs.slice(docs.indexOf('- **findings**'), docs.indexOf('Findings never stop grading.'));
  const documented = [...bullet.matchAll(/`([^`]+)`/g)].map((match) => match[1]!).filter((code) => CODE.test(code));
  expect(documented.sort()).toEqual(codes.sort());
});
