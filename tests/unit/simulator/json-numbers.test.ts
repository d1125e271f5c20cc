/**
 * A number a Parsing Settings path matches, stored into a text variable, reads as Flow Designer's
 * Java JSONPath gives it (a Java Double, Integer, Long or BigInteger printed by Java), not as
 * JavaScript prints the number JSON.parse made of it: 100.00 is "100.0", and an id of 20 digits keeps them all.
 */
import { test, expect } from '@playwright/test';
import { simulate } from '../../../engine/simulator/index.js';
import { buildFlow, fakeServices, http, HttpResponse, httpRequest, type FlowSpec } from './helpers.js';

const URL = 'https://payments.example.test/balance';
const NAMES = ['amount', 'big', 'small', 'large', 'whole', 'negativeZero', 'nested', 'listed', 'asDecimal', 'asJson'] as const;

function flow(body: string): { spec: FlowSpec; services: ReturnType<typeof fakeServices> } {
  const rows: [string, string][] = [
    ['amount', '$.amount'],
    ['big', '$.id'],
    ['small', '$.rate'],
    ['large', '$.exp'],
    ['whole', '$.count'],
    ['negativeZero', '$.zero'],
    ['nested', "$.items[1]['price']"],
    ['listed', '$.items[*].price'],
    ['asDecimal', '$.amount'],
    ['asJson', '$.amount'],
  ];
  const spec: FlowSpec = {
    variables: NAMES.map((name) => ({ name, type: name === 'asDecimal' ? 'DECIMAL' : name === 'asJson' ? 'JSON' : 'STRING', value: '' })),
    main: [httpRequest('GetBalance', { httpRequestUrl: URL, outputVariableArray: rows.map(([outputVariable, jsonPathExp]) => ({ outputVariable, jsonPathExp })) })],
    links: [['NewPhoneContact', 'out', 'GetBalance']],
  };
  const services = fakeServices([http.get(URL, () => new HttpResponse(body, { headers: { 'Content-Type': 'application/json' } }))]);
  return { spec, services };
}

test('numbers matched into text variables read as Java prints them', async () => {
  const body = '{ "amount": 100.00, "id": 12345678901234567890, "rate": 0.0001, "exp": 1e21, "count": 7, "zero": -0.0,\n  "items": [ {"price": 2.50}, {"price" :3.0} ] }';
  const { spec, services } = flow(body);
  const result = await simulate(buildFlow(spec), {}, { services });
  expect(result.status).toBe('completed');
  expect(result.variables).toMatchObject({
    amount: '100.0',
    big: '12345678901234567890',
    small: '1.0E-4',
    large: '1.0E21',
    whole: '7',
    negativeZero: '-0.0',
    nested: '3.0',
    // A list is stored as JSON text (our choice): its numbers as JavaScript writes them.
    listed: '[2.5,3]',
    asDecimal: 100,
    asJson: 100,
  });
});

test('keys and strings that look like numbers do not move the numbers found', async () => {
  const body = '{"a\\"": "1.0", "b": [[], {}, "x,y]", 1.50], "amount": 2.0, "id": 0, "rate": -1.5e-7, "exp": 123456789012345678901234, "count": 10, "zero": 0, "items": [{"price": 1}, {"price": 1E2}]}';
  const { spec, services } = flow(body);
  const result = await simulate(buildFlow(spec), {}, { services });
  expect(result.variables).toMatchObject({ amount: '2.0', big: '0', small: '-1.5E-7', large: '123456789012345678901234', whole: '10', negativeZero: '0', nested: '100.0' });
});

test('a string of 16 million characters before the number is stepped over (a regular expression over it ran out of stack)', async () => {
  const body = `{"note": "${'a'.repeat(16_000_000)}\\"", "amount": 1.50, "id": 1, "rate": 1, "exp": 1, "count": 1, "zero": 1, "items": [1, {"price": 1}]}`;
  const { spec, services } = flow(body);
  const result = await simulate(buildFlow(spec), {}, { services });
  expect(result.variables).toMatchObject({ amount: '1.5' });
});

test('a deep value of many numbers gets pointers only for the numbers Java prints otherwise, and no more pointer text than a budget', async () => {
  const { javaNumberTexts } = await import('../../../engine/simulator/json-numbers.js');
  // A Set Variable's 24 KB JSON value (the fuzzing's): 16 million characters of pointers, 38 s and gigabytes.
  const deep = (number: string) => `${'['.repeat(4000)}${Array(4000).fill(number).join(',')}${']'.repeat(4000)}`;
  expect(javaNumberTexts(deep('1.5')).size).toBe(0);
  expect(javaNumberTexts(deep('42')).size).toBe(0);
  const doubles = javaNumberTexts(deep('1.0'));
  const pointerText = [...doubles.keys()].reduce((sum, pointer) => sum + pointer.length, 0);
  expect(doubles.size).toBeGreaterThan(0);
  expect(doubles.size).toBeLessThan(4000);
  expect(pointerText).toBeLessThan(1_000_000 + 8_000 * 3);
  // Shallow values keep every such number.
  expect([...javaNumberTexts('{"a": [1.0, 2.5, 1e-4, 12345678901234567890, 7, -0.0]}')]).toEqual([['/a/0', '1.0'], ['/a/2', '1.0E-4'], ['/a/3', '12345678901234567890'], ['/a/5', '-0.0']]);
});
