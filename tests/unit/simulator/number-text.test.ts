/**
 * Numbers written as text (engine/number-text.ts), as a value stored into an INTEGER or DECIMAL
 * variable and a variable's default hold them: an optional sign (+ too, as Java's parsers take
 * it) and digits; for DECIMAL also a point with digits on either side, and an exponent.
 */
import { expect, test } from '@playwright/test';
import { DECIMAL_TEXT, INTEGER_TEXT } from '../../../engine/number-text.js';
import { convertToType } from '../../../engine/simulator/variables.js';

test('INTEGER text: digits with an optional sign, + too', () => {
  for (const text of ['0', '42', '+5', '-7', '007']) expect(INTEGER_TEXT.test(text), text).toBe(true);
  for (const text of ['', '+', '-', '1.0', '1e3', '0x10', '1 2', '++1', ' 1']) expect(INTEGER_TEXT.test(text), text).toBe(false);
  expect(convertToType(' +5 ', 'INTEGER', 'n')).toBe(5);
  expect(convertToType('-7', 'INTEGER', 'n')).toBe(-7);
});

test('DECIMAL text: a number with or without digits on one side of its point, an optional sign and exponent', () => {
  for (const text of ['1', '+1', '-1', '1.', '1.5', '.5', '-.5', '+.5', '1e3', '1E+3', '2.5e-1', '.5e1', '1.e2']) expect(DECIMAL_TEXT.test(text), text).toBe(true);
  for (const text of ['', '.', '-.', 'e3', '.e3', '1e', '1e+', '1.5.2', '0x10', 'NaN', 'Infinity', '1,5']) expect(DECIMAL_TEXT.test(text), text).toBe(false);
  expect(convertToType('1.', 'DECIMAL', 'price')).toBe(1);
  expect(convertToType('.5', 'DECIMAL', 'price')).toBe(0.5);
  expect(convertToType('-.5', 'DECIMAL', 'price')).toBe(-0.5);
  expect(convertToType('+2.5e1', 'DECIMAL', 'price')).toBe(25);
});
