/** The expressions the lab guide, the references and our real exports use (the brief's must-haves). */
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ExpressionError, lintTemplate, parseTemplate } from '../../../engine/pebble/index.js';
import { HAS_SHARED, SHARED } from '../../helpers.js';
import { CLOCK_MILLIS, errorOf, evaluate, render } from './support.js';

const contact = { NewPhoneContact: { DNIS: '+14694096861', ANI: '+14695550123' } };

test('slice(2) strips +1 from the DNIS (lab API mission 2)', () => {
  expect(evaluate('{{NewPhoneContact.DNIS | slice(2) }}', contact)).toBe('4694096861');
  expect(render('…/DynVars?dn={{NewPhoneContact.DNIS | slice(2) }}', contact)).toBe('…/DynVars?dn=4694096861');
});

test('{{ ANI | 123}} is a syntax error naming the token and its position (SimulateGlobalError)', () => {
  const error = errorOf(() => parseTemplate('{{ ANI | 123}}'));
  expect(error).toBeInstanceOf(ExpressionError);
  expect(error).toBeInstanceOf(Error);
  expect(error.code).toBe('syntax');
  expect(error.position).toBe(9);
  expect(error.message).toBe('Unexpected token "123" (NUMBER) at position 9, expected a filter name');
  // rendering fails the same way, whatever the scope
  expect(errorOf(() => render('{{ ANI | 123}}', { ANI: '+1' })).code).toBe('syntax');
  // the position is an offset in the whole text, not in the expression
  expect(errorOf(() => parseTemplate('Hi {{ ANI | 123 }}')).position).toBe(12);
});

const statusCases: [unknown, boolean][] = [
  [201, true],
  [400, false],
  ['201', false], // Pebble: String == Long is false
  [null, false],
];
for (const [status, expected] of statusCases) {
  test(`{{X.httpStatusCode == 201}} with ${JSON.stringify(status)} is ${expected}`, () => {
    expect(evaluate('{{X.httpStatusCode == 201}}', { X: { httpStatusCode: status } })).toBe(expected);
  });
}

const twoHundreds: [number, boolean][] = [
  [200, true],
  [204, true],
  [299, true],
  [199, false],
  [301, false],
  [404, false],
];
for (const [status, expected] of twoHundreds) {
  test(`the "2xx" idiom httpStatusCode / 100 == 2 is ${expected} for ${status}`, () => {
    const text = '{{  HTTPRequest_zfk.httpStatusCode / 100 == 2 }}';
    expect(evaluate(text, { HTTPRequest_zfk: { httpStatusCode: status } })).toBe(expected);
  });
}

test('replace({"+1": ""}) strips the country code (AvoidDuplicateCallBack export)', () => {
  expect(evaluate('{{NewPhoneContact.ANI | replace({"+1": ""}) }}', contact)).toBe('4695550123');
  // one map argument only: the two-argument form fails like Pebble's ArgumentsNode
  const error = errorOf(() => evaluate('{{ NewPhoneContact.ANI | replace("+1", "") }}', contact));
  expect(error.code).toBe('type');
  expect(error.message).toContain('The argument at position 2 is not allowed');
});

test('now() | epoch(inMillis=true) - 86400000 uses the injected clock', () => {
  expect(evaluate('{{ now() | epoch(inMillis=true) - 86400000 }}')).toBe(CLOCK_MILLIS - 86_400_000);
  expect(render('"from":"{{ now() | epoch(inMillis=true) - 86400000 }}"')).toBe(`"from":"${CLOCK_MILLIS - 86_400_000}"`);
});

test('date with existingFormat reformats a date string', () => {
  expect(evaluate('{{ d | date("yyyy-MM-dd", existingFormat="yyyyMMdd") }}', { d: '20250206' })).toBe('2025-02-06');
});

test('contains on lists and strings (cheat sheet and our exports)', () => {
  expect(evaluate('{{["410","443","667"] contains Caller_Area}}', { Caller_Area: '443' })).toBe(true);
  expect(evaluate('{{["410","443","667"] contains Caller_Area}}', { Caller_Area: 443 })).toBe(false);
  const body = { SearchAPIRequest: { httpResponseBody: '{"status":"Not Processed"}' } };
  expect(evaluate('{{ (SearchAPIRequest.httpResponseBody contains "Not Processed") }}', body)).toBe(true);
  expect(evaluate('{{["+44","+31"] contains ANI | slice(0,3)}}', { ANI: '+441234' })).toBe(true);
});

test('is empty / is null / default / length of null (LastAgentRouting and friends)', () => {
  expect(evaluate('{{agentID is empty}}', { agentID: '' })).toBe(true);
  expect(evaluate('{{agentID is empty}}', {})).toBe(true);
  expect(evaluate('{{agentID is empty}}', { agentID: 'a1' })).toBe(false);
  expect(evaluate('{{ agentID is not empty }}', { agentID: 'a1' })).toBe(true);
  expect(evaluate('{{previousID is null}}', {})).toBe(true);
  expect(evaluate('{{ x | default("none") }}', {})).toBe('none');
  expect(evaluate('{{ x | length }}', {})).toBe(0);
});

test('other conditions from the labs', () => {
  expect(evaluate("{{CollectPIN.DigitsEntered == '1111'}}", { CollectPIN: { DigitsEntered: '1111' } })).toBe(true);
  expect(evaluate('{{makePayment.httpStatusCode != 200}}', { makePayment: { httpStatusCode: 500 } })).toBe(true);
  expect(evaluate('{{HTTPRequest_count <= 3}}', { HTTPRequest_count: 3 })).toBe(true);
  expect(evaluate('{{AutoCSATVar>=4.0}}', { AutoCSATVar: 4.5 })).toBe(true);
  expect(evaluate('{{counter+1}}', { counter: 2 })).toBe(3);
  expect(evaluate('{{counter is even}}', { counter: 2 })).toBe(true);
  expect(evaluate('{{3 is not even}}')).toBe(true);
  expect(evaluate('{{ CustomerID == "NA" }}', { CustomerID: 'NA' })).toBe(true);
});

test('templates inside JSON bodies keep the surrounding text', () => {
  const body = '{"entryPointId": "{{outdialcbid}}", "destination": "{{customani}}", "attributes": {"x": 1}}';
  expect(render(body, { outdialcbid: 'ep-1', customani: '+1555' })).toBe(
    '{"entryPointId": "ep-1", "destination": "+1555", "attributes": {"x": 1}}',
  );
});

test('a lab GraphQL body renders: braces that are not {{ }} stay literal', () => {
  const body =
    '{"query":"query lastTen($from:Long! $to:Long!){task(from:$from,to:$to){tasks{id status}}}",' +
    '"variables":{"from":"{{now() | epoch(inMillis=true) - 600000}}","to":"{{now() | epoch(inMillis=true)}}",' +
    '"filter":{"and":[{"origin":{"equals":"{{NewPhoneContact.ANI}}"}}]}}}';
  const rendered = render(body, contact);
  expect(JSON.parse(rendered)).toEqual({
    query: 'query lastTen($from:Long! $to:Long!){task(from:$from,to:$to){tasks{id status}}}',
    variables: {
      from: String(CLOCK_MILLIS - 600_000),
      to: String(CLOCK_MILLIS),
      filter: { and: [{ origin: { equals: '+14695550123' } }] },
    },
  });
});

test('every {{ }} text in the real exports parses, with only known filters and functions', () => {
  test.skip(!HAS_SHARED, 'shared/real-flows not present');
  const texts = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.includes('{{')) texts.add(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  const dir = path.join(SHARED, 'real-flows');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    walk(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
  }
  expect(texts.size).toBeGreaterThan(10);
  for (const text of texts) expect(lintTemplate(text), text.slice(0, 80)).toEqual([]);
});
