/** The order of rows, duplicates and paths (docs/grade.md: "code-point order"). */
import { test, expect } from '@playwright/test';
import { compareCodePoints } from '../../../cli/grade/walk.js';

test('an emoji (U+1F600) sorts after U+E000 and a full-width letter (U+FF46), as by code point; UTF-16 units put it first', () => {
  expect(['\u{1F600}', '\uE000', '\uFF46', 'f'].sort(compareCodePoints)).toEqual(['f', '\uE000', '\uFF46', '\u{1F600}']);
  expect(compareCodePoints('a\u{1F600}', 'a\u{1F601}')).toBeLessThan(0);
  expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
  expect(compareCodePoints('same', 'same')).toBe(0);
});

test('the order of UTF-8 bytes, for any well-formed strings (a seeded sample)', () => {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const ranges = [[0x20, 0x7f], [0x80, 0x7ff], [0xd000, 0xd7ff], [0xe000, 0xffff], [0x10000, 0x10ffff]];
  const text = () => {
    let s = '';
    for (let n = Math.floor(next() * 4); n >= 0; n--) {
      const [low, high] = ranges[Math.floor(next() * ranges.length)]!;
      s += String.fromCodePoint(low + Math.floor(next() * (high - low + 1)));
    }
    return s;
  };
  const otherwise: string[] = [];
  for (let i = 0; i < 5_000; i++) {
    const [a, b] = [text(), next() < 0.2 ? '' : text()];
    if (Math.sign(compareCodePoints(a, b)) !== Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b)))) otherwise.push(`${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  }
  expect(otherwise).toEqual([]);
});
