/** The DNIS a simulated call dials (engine/dnis.ts), as --dnis and the self-check page read it: its bounds. */
import { expect, test } from '@playwright/test';
import { dnisRefusal, parseDnis } from '../../../engine/dnis.js';

test('a DNIS is + and 6 to 15 digits; spaces, dashes and parentheses anywhere are dropped', () => {
  expect(parseDnis('+123456')).toBe('+123456');
  expect(parseDnis('+123456789012345')).toBe('+123456789012345');
  expect(parseDnis('+1 (469) 409-6861')).toBe('+14694096861');
  expect(parseDnis(' +1 469 409 6861 ')).toBe('+14694096861');
  expect(parseDnis('+1-469-409-68-61')).toBe('+14694096861');
  expect(parseDnis('+(1)(469)4096861')).toBe('+14694096861');
  // The dashes a word processor or a web page puts for the hyphen typed: en dash, non-breaking hyphen, minus sign, …
  for (const dash of ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']) {
    expect(parseDnis(`+1${dash}469${dash}409${dash}6861`), dash).toBe('+14694096861');
  }
  for (const wrong of ['+12345', '+1234567890123456', '14694096861', '++14694096861', '+1.469.409.6861', '+1469409686x', '', '+', '+١٤٦٩٤٠٩٦٨٦١']) {
    expect(parseDnis(wrong), wrong).toBeUndefined();
  }
});

test('a DNIS is refused quoted without the spaces around it, and the bidi controls a paste brings around it are each named', () => {
  expect(dnisRefusal('  +1 469 \t')).toBe('"+1 469" is not an E.164 number such as +14694096861');
  expect(dnisRefusal('\u202b+1\u202d469\u202e')).toBe(
    '"\\u202b+1\\u202d469\\u202e" is not an E.164 number such as +14694096861 (\\u202b is a right-to-left embedding, \\u202d is a left-to-right override and \\u202e is a right-to-left override, which a copy and paste brings in unseen: delete them and type the text again)',
  );
});
