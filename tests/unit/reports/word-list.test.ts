/**
 * The words a line names a list in (engine/word-list.ts): wordList as a sentence names items, and
 * firstFew's "the first few, and N more" in the style of each line that uses it.
 */
import { expect, test } from '@playwright/test';
import { firstFew, wordList } from '../../../engine/word-list.js';

const letters = (n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + i));

test('wordList: none, one, two, and a comma before the last of more', () => {
  expect([0, 1, 2, 3, 4].map((n) => wordList(letters(n)))).toEqual(['', 'a', 'a and b', 'a, b and c', 'a, b, c and d']);
});

test('firstFew: every item when they are no more than named, the first named and a count of the others past them', () => {
  expect([0, 1, 3, 4, 6].map((n) => firstFew(letters(n), 3))).toEqual(['', 'a', 'a, b, c', 'a, b, c and 1 more', 'a, b, c and 3 more']);
});

test("firstFew: each line's own style: what joins the items, what comes before the count, the others in words", () => {
  // (grade's not-an-export and stale-reports lines, the summary's fixes, the simulator's summary.)
  expect(firstFew(letters(7), 5, { before: ', and ' })).toBe('a, b, c, d, e, and 2 more');
  expect(firstFew(letters(7), 5, { between: '; ', others: (left) => `${left} other fixes` })).toBe('a; b; c; d; e and 2 other fixes');
  expect(firstFew(letters(4), 3, { before: ', ', others: () => '…' })).toBe('a, b, c, …');
  expect(firstFew(letters(3), 3, { before: ', ', others: () => '…' })).toBe('a, b, c');
  expect(firstFew(letters(6), 5, { before: ', ', others: (left) => `… (${left + 5} in all)` })).toBe('a, b, c, d, e, … (6 in all)');
  expect(firstFew(letters(2), 2, { between: '; ' })).toBe('a; b');
});
