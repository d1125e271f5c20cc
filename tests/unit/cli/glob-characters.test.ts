/** `grade "<pattern>"`: `?` is one character, as in shells, also beyond the BMP (an emoji is one). */
import { test, expect } from '@playwright/test';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { segmentRegExp } from '../../../cli/grade/glob.js';
import { fixturePath, runCli, tempDir } from '../../helpers.js';

test('segment patterns: ? matches one character whatever its plane, * any number', () => {
  expect(segmentRegExp('?.json').test('é.json')).toBe(true);
  expect(segmentRegExp('?.json').test('😀.json')).toBe(true); // U+1F600: two UTF-16 units, one character
  expect(segmentRegExp('??.json').test('😀.json')).toBe(false);
  expect(segmentRegExp('Main_Flow_?.json').test('Main_Flow_𠀀.json')).toBe(true); // CJK Extension B
  expect(segmentRegExp('*.json').test('😀😀.json')).toBe(true);
  expect(segmentRegExp('a{1}(b)+[c].json').test('a{1}(b)+[c].json')).toBe(true); // the rest is literal
  expect(segmentRegExp('?.json').test('.a.json')).toBe(false);
});

test('grade "dir/?.json" grades the export whose name is one emoji', async () => {
  const dir = tempDir('glob-emoji');
  copyFileSync(fixturePath('flows/solution.json'), path.join(dir, '😀.json'));
  copyFileSync(fixturePath('flows/solution.json'), path.join(dir, 'ab.json'));
  const run = await runCli(['grade', `${dir}/?.json`, '--out', path.join(tempDir('glob-emoji-out'), 'out'), '--quiet']);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('graded 1 attendee');
});
