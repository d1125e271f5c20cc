/** Counting and cutting by characters agrees with splitting the text into characters. */
import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { codePoints, firstCodePoints } from '../../../reports/code-points.js';

test('codePoints and firstCodePoints agree with Array.from(text), surrogate pairs and lone halves included', () => {
  const unit = fc.constantFrom('a', 'é', '→', '\uff01', '\ud83d\ude00', '\ud800', '\udc00', '\ud83d');
  fc.assert(
    fc.property(fc.array(unit, { maxLength: 40 }).map((units) => units.join('')), fc.nat(45), (text, count) => {
      const chars = Array.from(text);
      return codePoints(text) === chars.length && firstCodePoints(text, count) === chars.slice(0, count).join('');
    }),
    { numRuns: 3000 },
  );
});
