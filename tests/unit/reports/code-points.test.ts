/** Counting and cutting by characters agrees with splitting the text into characters. */
import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { clipText, codePoints, firstCodePoints, lastCodePoints } from '../../../reports/code-points.js';

test('codePoints, firstCodePoints and lastCodePoints agree with Array.from(text), surrogate pairs and lone halves included', () => {
  const unit = fc.constantFrom('a', 'é', '→', '\uff01', '\ud83d\ude00', '\ud800', '\udc00', '\ud83d');
  fc.assert(
    fc.property(fc.array(unit, { maxLength: 40 }).map((units) => units.join('')), fc.nat(45), (text, count) => {
      const chars = Array.from(text);
      const last = count === 0 ? '' : chars.slice(-count).join('');
      return codePoints(text) === chars.length && firstCodePoints(text, count) === chars.slice(0, count).join('') && lastCodePoints(text, count) === last;
    }),
    { numRuns: 3000 },
  );
});

test('clipText of a text that only ends like a cut one ("… (N characters)", N not over the characters before it) gives its own length', () => {
  // Each text's mark says no more than the characters before it: it was written, not cut.
  expect(clipText('abcd… (4 characters)', 2)).toBe('ab… (20 characters)');
  expect(clipText(`${'a'.repeat(10)}… (3 characters)`, 5)).toBe('aaaaa… (26 characters)');
  // A cut text keeps the length it says (a report's text cut again by junit.xml or summary.md).
  expect(clipText(clipText('a'.repeat(30), 20), 5)).toBe('aaaaa… (30 characters)');
});

test('clipText reads a cut mark only at the very end of a text, and only one it could have written', () => {
  const after = `${'a'.repeat(10)}… (99 characters) b`;
  expect(clipText(after, 5)).toBe(`aaaaa… (${after.length} characters)`);
  const huge = `${'a'.repeat(10)}… (${'9'.repeat(30)} characters)`;
  expect(clipText(huge, 5)).toBe(`aaaaa… (${huge.length} characters)`);
});
