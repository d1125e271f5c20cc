/**
 * The page is built for Chromium/Edge/Chrome 109+, Firefox 115+ and Safari 16+ (docs/web.md). esbuild
 * lowers syntax to those targets, but not what it cannot: a regular expression with a lookbehind, or
 * the `v` flag, is only turned into `new RegExp("…")`, which throws when it is made in Safari before
 * 16.4 (lookbehind) or 17 (`v`); nor does it add library functions newer than the targets. In the
 * page such a check crashes ("internal error of the grader") where `flowgrade check` grades. Reads
 * the built bundle: run `npm run build` first.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../helpers.js';

/** What the targets lack, with the first version of each that has it. */
const TOO_NEW: [RegExp, string][] = [
  [/\(\?<[=!]/, 'a lookbehind in a regular expression (Safari 16.4)'],
  [/new RegExp\([^()]*?,\s*["'`][a-z]*v[a-z]*["'`]\)|\/[dgimsuy]*v[dgimsuy]*\.(?:test|exec)\(/, 'the v flag of a regular expression (Chrome 112, Safari 17)'],
  [/\.(?:toSorted|toReversed|toSpliced)\(/, 'Array toSorted/toReversed/toSpliced (Chrome 110)'],
  [/\b(?:Object|Map)\.groupBy\(/, 'Object.groupBy / Map.groupBy (Chrome 117, Safari 17.4)'],
  [/\bPromise\.withResolvers\(/, 'Promise.withResolvers (Chrome 119, Safari 17.4)'],
  [/\bArray\.fromAsync\(/, 'Array.fromAsync (Chrome 121, Safari 16.4)'],
  [/\bURL\.(?:canParse|parse)\(/, 'URL.canParse / URL.parse (Chrome 120, Safari 17)'],
  [/\.(?:isWellFormed|toWellFormed)\(/, 'String isWellFormed/toWellFormed (Chrome 111, Safari 16.4)'],
  [/\.(?:union|intersection|symmetricDifference|isSubsetOf|isSupersetOf|isDisjointFrom)\(new Set\b/, 'Set methods (Chrome 122, Firefox 127, Safari 17)'],
  [/\bAbortSignal\.any\(/, 'AbortSignal.any (Chrome 116, Firefox 124, Safari 17.4)'],
];

/** Where `pattern` occurs in `code`, with some context, or undefined. */
function firstUse(code: string, pattern: RegExp): string | undefined {
  const found = pattern.exec(code);
  return found ? code.slice(Math.max(0, found.index - 60), found.index + found[0].length + 60) : undefined;
}

test('the page\'s bundle uses nothing its target browsers lack (Chrome 109, Firefox 115, Safari 16)', () => {
  const bundle = readFileSync(path.join(ROOT, 'dist', 'web', 'app.js'), 'utf8');
  const uses = TOO_NEW.flatMap(([pattern, what]) => {
    const where = firstUse(bundle, pattern);
    return where === undefined ? [] : [`${what}: …${where}…`];
  });
  expect(uses).toEqual([]);
});

test('each pattern finds what it is for (so an empty list above means something)', () => {
  const samples = [
    'const label = new RegExp("(?<![\\\\w])WantCallback");',
    'new RegExp("[\\\\p{L}--a]", "v")',
    'rows.toSorted((a, b) => a - b)',
    'Object.groupBy(checks, (c) => c.step)',
    'Promise.withResolvers()',
    'Array.fromAsync(items)',
    'URL.canParse(url)',
    'text.isWellFormed()',
    'a.union(new Set([1]))',
    'AbortSignal.any([a, b])',
  ];
  TOO_NEW.forEach(([pattern, what], i) => expect(firstUse(samples[i], pattern), what).toBeDefined());
  expect(TOO_NEW.filter(([pattern]) => firstUse('const safe = /(?<name>a)(?=b)(?!c)/g.test(x); list.at(-1); list.findLast(f); Object.hasOwn(o, k);', pattern)).map(([, what]) => what)).toEqual([]);
});
