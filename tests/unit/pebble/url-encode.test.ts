/**
 * urlencode's native path (encodeURIComponent, adjusted to java.net.URLEncoder) against the
 * byte-by-byte encoding it replaced, which follows URLEncoder's rules one byte at a time.
 */
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { urlEncode, urlEncodeBytes } from '../../../engine/pebble/encoding.js';

test('encodes as java.net.URLEncoder does the characters encodeURIComponent leaves or writes otherwise', () => {
  expect(urlEncode("a b!'()~%20*._-")).toBe('a+b%21%27%28%29%7E%2520*._-');
  expect(urlEncode('é\u{1F600}')).toBe('%C3%A9%F0%9F%98%80');
  expect(urlEncode('x\uD800y')).toBe('x%EF%BF%BDy'); // a lone surrogate: U+FFFD, as before
});

test('gives what the byte-by-byte encoding gives, for any text (lone surrogates included)', () => {
  const codeUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((units) => String.fromCharCode(...units));
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary' }), codeUnits, fc.string({ unit: fc.constantFrom(' ', '%', '2', '0', '!', '~', "'", '(', ')', '*', 'a') })), (text) => {
      expect(urlEncode(text)).toBe(urlEncodeBytes(text));
    }),
    { numRuns: 2000 },
  );
});
