/** `grade "<pattern>"`: `?` is one character, as in shells, also beyond the BMP (an emoji is one). */
import { test, expect } from '@playwright/test';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { segmentMatcher } from '../../../cli/grade/glob.js';
import { fixturePath, runCli, tempDir } from '../../helpers.js';

test('segment patterns: ? matches one character whatever its plane, * any number', () => {
  expect(segmentMatcher('?.json').test('é.json')).toBe(true);
  expect(segmentMatcher('?.json').test('😀.json')).toBe(true); // U+1F600: two UTF-16 units, one character
  expect(segmentMatcher('??.json').test('😀.json')).toBe(false);
  expect(segmentMatcher('Main_Flow_?.json').test('Main_Flow_𠀀.json')).toBe(true); // CJK Extension B
  expect(segmentMatcher('*.json').test('😀😀.json')).toBe(true);
  expect(segmentMatcher('a{1}(b)+[c].json').test('a{1}(b)+[c].json')).toBe(true); // the rest is literal
  expect(segmentMatcher('?.json').test('.a.json')).toBe(false);
});

test('grade "dir/?.json" grades the export whose name is one emoji', async () => {
  const dir = tempDir('glob-emoji');
  copyFileSync(fixturePath('flows/solution.json'), path.join(dir, '😀.json'));
  copyFileSync(fixturePath('flows/solution.json'), path.join(dir, 'ab.json'));
  const run = await runCli(['grade', `${dir}/?.json`, '--out', path.join(tempDir('glob-emoji-out'), 'out'), '--quiet']);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('graded 1 attendee');
});

test('segment patterns: * and ? as in shells, and as fast whatever the number of stars', () => {
  const cases: [string, string, boolean][] = [
    ['*', 'a.json', true], ['*.json', '.json', false], ['*a*b*', 'xaybz', true], ['*a*b*', 'xbya', false], ['a*a', 'a', false], ['a*a', 'aa', true],
    ['**', 'x', true], ['*?', '', false], ['?*?', 'ab', true], ['*_*.json', 'Main_Flow_140.json', true], ['*.json', 'a.json.txt', false],
    ['Main_*', 'main_flow.json', false], ['*x', 'xxxxy', false], ['a?c*', 'abcdef', true],
  ];
  for (const [pattern, name, fits] of cases) expect(segmentMatcher(pattern).test(name), `${pattern} ~ ${name}`).toBe(fits);
  expect(segmentMatcher('Main_*', true).test('main_flow.json')).toBe(true); // Windows
  // Before: a regular expression per pattern, `*_*_*_*_*.json` against 250 underscores backtracked for 86 s.
  const underscores = '_'.repeat(250) + '.jso';
  expect(segmentMatcher('*_*_*_*_*_*_*_*.json').test(underscores)).toBe(false);
  expect(segmentMatcher('a*a*a*a*a*a*a*a*b.json').test('a'.repeat(60))).toBe(false);
  expect(segmentMatcher('*_*_*_*_*_*_*_*.jso').test(underscores)).toBe(true);
});
