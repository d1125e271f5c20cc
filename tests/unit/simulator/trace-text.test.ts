/**
 * What a trace entry keeps of long texts (engine/simulator/trace-text.ts), held at its bounds: the
 * simulator tests hold it through whole flows, these the edges that no flow reaches exactly.
 */
import { expect, test } from '@playwright/test';
import { clipTraceExchange, clipTracePrompts, clipTraceText, clipTraceValues, MAX_TRACE_VALUE } from '../../../engine/simulator/trace-text.js';
import type { HttpExchange } from '../../../engine/trace.js';

test('a text of exactly the limit is kept whole; one character more is clipped and says how long it was', () => {
  expect(clipTraceText('abcd', 4)).toBe('abcd');
  expect(clipTraceText('abcde', 4)).toBe('abcd… (5 characters)');
  const value = 'v'.repeat(MAX_TRACE_VALUE);
  expect(clipTraceValues({ value }).value).toBe(value);
  expect(clipTraceValues({ value: `${value}w` }).value).toBe(`${value}… (${MAX_TRACE_VALUE + 1} characters)`);
});

test("an entry's prompts share one budget: past 20,000 characters, each further prompt keeps 100", () => {
  const prompts = Array.from({ length: 12 }, (_, i) => String(i % 10).repeat(2_000));
  const kept = clipTracePrompts(prompts);
  expect(kept.slice(0, 10)).toEqual(prompts.slice(0, 10));
  expect(kept.slice(10)).toEqual([`${'0'.repeat(100)}… (2000 characters)`, `${'1'.repeat(100)}… (2000 characters)`]);
});

test("a JSON value counts its JSON text against the entry's budget", () => {
  const object = (c: string) => ({ text: c.repeat(9_000) });
  const kept = clipTraceValues({ a: object('a'), b: object('b'), c: object('c') });
  expect(kept.a).toEqual(object('a'));
  expect(kept.b).toEqual(object('b'));
  // 20,000 less the two JSON texts of 9,011 characters: 1,978 left for the third.
  const third = JSON.stringify(object('c'));
  expect(kept.c).toBe(`${third.slice(0, 1_978)}… (${third.length} characters)`);
});

test('a JSON value whose JSON text is up to the limit is kept as the value, one character longer as the start of its text', () => {
  // Shapes whose JSON text the count measures exactly (strings, keys, brackets, commas), padded to a length.
  const shapes: Record<string, (pad: string) => unknown> = {
    'an object of one key': (pad) => ({ a: pad }),
    'an array of one string': (pad) => [pad],
    'nested arrays and objects': (pad) => ({ a: ['x', 'y'], b: { c: pad, d: [] }, e: {} }),
    'an array of containers': (pad) => [[], {}, [pad]],
  };
  for (const [name, shape] of Object.entries(shapes)) {
    const padFor = (length: number) => 'p'.repeat(length - JSON.stringify(shape('')).length);
    const atLimit = shape(padFor(MAX_TRACE_VALUE));
    expect(JSON.stringify(atLimit).length, name).toBe(MAX_TRACE_VALUE);
    expect(clipTraceValues({ v: atLimit }).v, name).toEqual(atLimit);
    const over = shape(padFor(MAX_TRACE_VALUE + 1));
    expect(clipTraceValues({ v: over }).v, name).toBe(`${JSON.stringify(over).slice(0, MAX_TRACE_VALUE)}… (${MAX_TRACE_VALUE + 1} characters)`);
  }
  // Many short keys: each counts its quotes and colon.
  const keys = Object.fromEntries(Array.from({ length: 1_200 }, (_, i) => [`k${String(i).padStart(4, '0')}`, 1]));
  expect(typeof clipTraceValues({ keys }).keys).toBe('string');
});

test('a request keeps 10,000 characters of its URL, bodies and each header; nothing long, the same exchange', () => {
  const long = 'x'.repeat(MAX_TRACE_VALUE + 5);
  const clipped = `${'x'.repeat(MAX_TRACE_VALUE)}… (${MAX_TRACE_VALUE + 5} characters)`;
  const exchange: HttpExchange = { method: 'POST', url: `https://h/${long}`, requestHeaders: { 'x-long': long, 'x-short': 's' }, requestBody: long, status: 200, responseBody: long };
  const kept = clipTraceExchange(exchange);
  expect(kept.url).toBe(`https://h/${long.slice(0, MAX_TRACE_VALUE - 10)}… (${MAX_TRACE_VALUE + 15} characters)`);
  expect(kept.requestHeaders).toEqual({ 'x-long': clipped, 'x-short': 's' });
  expect(kept.requestBody).toBe(clipped);
  expect(kept.responseBody).toBe(clipped);
  expect(kept.status).toBe(200);
  const short: HttpExchange = { method: 'GET', url: 'https://h/', requestHeaders: { a: 'b' }, status: null };
  expect(clipTraceExchange(short)).toBe(short);
});
