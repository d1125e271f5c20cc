/**
 * Where JSON text first goes wrong (engine/json-error-offset.ts), which the loader's "at line L
 * column C" comes from: the places a hand-edited export goes wrong that the loader tests do not.
 */
import { expect, test } from '@playwright/test';
import { jsonErrorOffset } from '../../../engine/json-error-offset.js';
import { loadFlow } from '../../../engine/loader.js';

function message(text: string): string {
  const result = loadFlow(text);
  return result.ok ? 'loaded' : result.error.message;
}

test('valid JSON has no error offset, whatever its escapes, numbers and white space', () => {
  for (const text of ['{"url": "https:\\/\\/h\\/p", "q": "\\"\\\\\\b\\f\\n\\r\\t\\u00e9"}', '[0, -0, 10, -1.5e+3, 2E-2, 0.25]', '\r\n\t {"a" :\r\n[ ]\t}\r\n', '"x"', '-1', 'null']) {
    expect(jsonErrorOffset(text), text).toBe(-1);
  }
});

test('an escaped slash (\\/, as some tools write URLs) is no error: the one after it is found', () => {
  const text = '{"url": "https:\\/\\/h", "b": }';
  expect(jsonErrorOffset(text)).toBe(text.length - 1);
  expect(message(text)).toBe(`not valid JSON: unexpected "}" at line 1 column ${text.length}`);
});

test('a minus sign alone, or a number with a leading zero, is where the text goes wrong', () => {
  expect(jsonErrorOffset('{"a": -}')).toBe(6);
  expect(message('{"a": -}')).toBe('not valid JSON: unexpected "-}" at line 1 column 7');
  expect(jsonErrorOffset('{"a": 01}')).toBe(7);
  expect(message('{"a": 01}')).toBe('not valid JSON: unexpected "1}" at line 1 column 8');
  expect(jsonErrorOffset('[-01]')).toBe(3);
});

test('a key without its colon is placed at what stands there instead, first key or later', () => {
  expect(jsonErrorOffset('{"a" 1}')).toBe(5);
  expect(message('{"a" 1}')).toBe('not valid JSON: unexpected "1}" at line 1 column 6');
  expect(jsonErrorOffset('{"a": 1, "b" 2}')).toBe(13);
  expect(message('{"a": 1,\r"b" 2}')).toBe('not valid JSON: unexpected "2}" at line 2 column 5');
});

test('text after the value is where it goes wrong; a value cut short is its end', () => {
  expect(jsonErrorOffset('{} x')).toBe(3);
  expect(jsonErrorOffset('[1, 2')).toBe(5);
  expect(jsonErrorOffset('{"a": "\\u12"}')).toBe(8);
});

test('a \\u escape in capitals (\\u00E9) is no error: the one after it is found', () => {
  const text = '{"a": "Jos\\u00E9", "b": }';
  expect(jsonErrorOffset(text)).toBe(text.length - 1);
});

test('a bracket closed by the other kind ({], [1}) is where it goes wrong, empty or not, nested or not', () => {
  expect(jsonErrorOffset('{]')).toBe(1);
  expect(jsonErrorOffset('{"a": [}, "b": 1}')).toBe(7);
  expect(jsonErrorOffset('[1}')).toBe(2);
  expect(jsonErrorOffset('{"a": 1]')).toBe(7);
  expect(message('{"a": [}}')).toBe('not valid JSON: unexpected "}}" at line 1 column 8');
});

test('a number ending in its decimal point (1.) is wrong at the point', () => {
  expect(jsonErrorOffset('[1.]')).toBe(2);
  expect(jsonErrorOffset('{"a": 1.}')).toBe(7);
});
