/**
 * The Create Task body judged as the call renders it: Flow Designer puts a value into the body's
 * text as it is, escaping nothing for JSON, so a field reading a value with double quotes (getresult:
 * GET_CBID's answer, a JSON text) sends a body that is no JSON, and the API answers 400. The body
 * check passed such a body ("sends the Create Task body of the guide") beside the failing run.
 */
import { test, expect } from '@playwright/test';
import { gradeMutation, props, resultOf, type Json } from './support.js';

const withAttributes = (attributes: Record<string, string>) => (f: Json) => {
  const p = props(f, 'CallBackAPI_HTTPRequest');
  p.httpRequestBody = JSON.stringify({ ...JSON.parse(p.httpRequestBody as string), attributes }, null, 2);
};

test('a field reading getresult (GET_CBID\'s JSON answer, its quotes put into the text as they are) fails the body, naming the field', async () => {
  const report = await gradeMutation(withAttributes({ Message: '{{getresult}}', 'To Queue': 'sales' }));
  const body = resultOf(report, 'callback-api-body');
  expect(body.status).toBe('failed');
  expect(body.message).toMatch(/^CallBackAPI_HTTPRequest Request Body is not JSON as the simulated call renders it: field "attributes\.Message" renders "\[\{\\"id\\":140,.*, whose double quotes end its JSON string \(a value goes into the body as it is, nothing escaped for JSON, as flowgrade's simulator renders it\); the Create Task API answers 400 to a body that is not JSON$/);
  expect(body.actual).toBe('"attributes.Message": "{{getresult}}"');
  expect(body.hint).toBe('CallBackAPI_HTTPRequest → Request Body: give "attributes.Message" a value without quotes or line breaks, or leave it out (the body of Build step 8 has "attributes": {"Message": "tester", "To Queue": "sales"}).');
  expect(resultOf(report, 'run-task-created').status).toBe('failed');
  expect(report.verdict).toBe('failed');
});

test('a field reading a value with a line break fails the body too, naming what breaks it', async () => {
  const report = await gradeMutation((f) => {
    withAttributes({ Message: '{{note}}' })(f);
    (f.variables as Json[]).push({ ...(f.variables as Json[]).find((v) => v.name === 'getresult'), name: 'note', id: 'c0ffee00-0000-4000-8000-000000000001', value: 'line 1\nline 2' });
  });
  const body = resultOf(report, 'callback-api-body');
  expect([body.status, body.message]).toEqual(['failed', expect.stringContaining('field "attributes.Message" renders "line 1\\nline 2", whose control character (a line break, a tab) breaks its JSON string (')]);
});

test('the same value escaped for JSON, or a value without quotes, passes (the API\'s limits on attributes are the run\'s to judge)', async () => {
  for (const message of ["{{ getresult | escape(strategy='json') }}", '{{customani}}', 'tester']) {
    const report = await gradeMutation(withAttributes({ Message: message }));
    const body = resultOf(report, 'callback-api-body');
    expect([message, body.status, body.message]).toEqual([message, 'passed', 'CallBackAPI_HTTPRequest sends the Create Task body of the guide']);
  }
});

test('a body nested deeper than 1,000 levels fails the body check as such (its messages overflowed the stack: "crashed", a flowgrade bug)', async () => {
  const report = await gradeMutation((f) => {
    const p = props(f, 'CallBackAPI_HTTPRequest');
    p.httpRequestBody = JSON.stringify({ ...JSON.parse(p.httpRequestBody as string), attributes: 'X' }).replace('"X"', `${'['.repeat(3269)}${']'.repeat(3269)}`);
  });
  const body = resultOf(report, 'callback-api-body');
  expect([body.status, body.message]).toEqual(['failed', "CallBackAPI_HTTPRequest: the Request Body nests deeper than 1000 levels, which the Create Task API's JSON reader refuses"]);
  expect(resultOf(report, 'run-task-created').message).toBe('No callback task was created: the Tasks API answered 400: request body nests deeper than 1000 levels');
});

const setBody = (body: string) => (f: Json) => {
  props(f, 'CallBackAPI_HTTPRequest').httpRequestBody = body;
};
const GUIDE = '"entryPointId": "{{outdialcbid}}", "destination": "{{customani}}", "outboundType": "CALLBACK", "mediaType": "telephony", "callback": {"callbackOrigin": "web", "callbackType": "immediate"}';
const customaniAList = (f: Json) => {
  const rows = props(f, 'GET_CBID').outputVariableArray as Json[];
  rows.find((row) => row.outputVariable === 'customani')!.jsonPathExp = '$[*].tacnumber';
};

test('a value of the guide\'s variables that breaks the body (customani a list) is not the body\'s fault, whatever its own fields hold: quotes written escaped, or customani read again', async () => {
  for (const own of ['"Note": "caller \\"{{NewPhoneContact.ANI}}\\""', '"Phone": "{{customani}}"']) {
    const report = await gradeMutation((f) => {
      setBody(`{${GUIDE}, "attributes": {${own}}}`)(f);
      customaniAList(f);
    });
    expect([own, resultOf(report, 'callback-api-body').status]).toEqual([own, 'passed']);
    expect(resultOf(report, 'get-cbid-parse-paths').status).toBe('failed');
  }
  // With customani as GET_CBID fills it, quotes written escaped are JSON as sent.
  expect(resultOf(await gradeMutation(setBody(`{${GUIDE}, "attributes": {"Note": "caller \\"{{NewPhoneContact.ANI}}\\""}}`)), 'callback-api-body').status).toBe('passed');
});

test('getresult brought in by a {% set %} tag, a name, or a body JSON only once rendered fails the body too', async () => {
  const cases: [string, string][] = [
    [`{${GUIDE}, "attributes": {"Message": "{% set m = getresult %}{{ m }}"}}`, 'field "attributes.Message" renders "[{'],
    [`{${GUIDE}, "attributes": {"{{getresult}}": "x"}}`, 'field "attributes.{{getresult}}" renders "[{'],
    [`{% set m = getresult %}{${GUIDE}, "attributes": {"Message": "{{ m }}"}}`, 'it breaks at line 1, column'],
    [`{${GUIDE}, "priority": {{ customani | length }}, "attributes": {"Message": "{{getresult}}"}}`, 'it breaks at line 1, column'],
  ];
  for (const [body, says] of cases) {
    const result = resultOf(await gradeMutation(setBody(body)), 'callback-api-body');
    expect([body, result.status, result.message]).toEqual([body, 'failed', expect.stringContaining(`Request Body is not JSON as the simulated call renders it: ${says}`)]);
  }
});
