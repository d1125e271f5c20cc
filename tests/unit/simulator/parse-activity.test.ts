/**
 * The Parse activity (parse-activity), on our own fixture in the export format of public flows that
 * use it (WebexSamples/webex-contact-center-api-samples customer-journey flows: a record in a JSON
 * variable or in a text variable an HTTP Request filled; dialogflow-cx-sample: an activity output).
 * Its properties are the HTTP Request's parse settings (contentType, outputVariableArray) plus
 * inputVariable; its one port is default.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { loadFlow } from '../../../engine/loader.js';
import { simulate } from '../../../engine/simulator/index.js';
import { fixturePath } from '../../helpers.js';
import { fakeServices, http, HttpResponse } from './helpers.js';

const RECORD: Record<string, unknown> = { firstName: 'Ada', account: { id: 'A-17', tier: 'gold' }, visits: 4 };

type Export = Record<string, any>;
type Activity = { name: string; properties: Record<string, any> };

function fixture(): Export {
  return JSON.parse(readFileSync(fixturePath('activities/parse-activity.json'), 'utf8'));
}

function activityOf(exported: Export, label: string): Activity {
  return Object.values(exported.process.activities as Record<string, Activity>).find((a) => a.name === label)!;
}

async function run(change: (exported: Export) => void = () => {}, body: Record<string, unknown> = RECORD) {
  const exported = fixture();
  change(exported);
  const loaded = loadFlow(JSON.stringify(exported));
  if (!loaded.ok) throw new Error(loaded.error.message);
  const crm = http.get('https://crm.example.invalid/customers/14085551234', () => HttpResponse.json(body));
  return simulate(loaded.model, {}, { services: fakeServices([crm]) });
}

const steps = (result: Awaited<ReturnType<typeof run>>) => result.trace.map((e) => `${e.activity}:${e.outcome}`);

test('Parse copies JSONPath matches of an activity output and of a JSON variable into flow variables', async () => {
  const result = await run();
  expect(steps(result)).toEqual(['NewPhoneContact:out', 'LookupCustomer:default', 'ParseCustomer:default', 'ParseOrder:default', 'Greeting:default', 'Bye:end']);
  expect(result.trace[2].modifiedVariables).toEqual({ firstName: 'Ada', accountId: 'A-17', visits: 4 });
  expect(result.trace[3].modifiedVariables).toEqual({ orderStatus: 'shipped' });
  expect(result.trace[4].prompts).toEqual(['Hello Ada, account A-17, visit 4: your order is shipped.']);
  expect(result).toMatchObject({ status: 'completed', summary: 'caller disconnected at Bye' });
});

test('a text variable holding JSON is read as JSON; text that is not JSON, or a path that matches nothing, leaves the variable empty', async () => {
  const asText = (value: string) => (exported: Export) => Object.assign(exported.variables[3], { type: 'STRING', value });
  expect((await run(asText('{"status":"returned"}'))).trace[3].modifiedVariables).toEqual({ orderStatus: 'returned' });
  const notJson = await run((exported) => {
    asText('shipped')(exported);
    exported.variables[4].value = 'unknown';
  });
  expect(notJson.trace[3].modifiedVariables).toEqual({ orderStatus: '' });
  const noMatch = await run(undefined, { firstName: 'Ada' });
  expect(noMatch.trace[2].modifiedVariables).toEqual({ firstName: 'Ada', accountId: '', visits: null });
  expect(steps(noMatch).at(-1)).toBe('Bye:end');
});

test('a JSON variable is read as the JSON text Java holds: a number written 100.0 stays a Double, an integer beyond 2^53 keeps its digits', async () => {
  const order = (path: string) => (exported: Export) => {
    exported.variables[3].value = '{"status": "shipped", "total": 100.0, "ref": 1234567890123456789}';
    activityOf(exported, 'ParseOrder').properties.outputVariableArray[0].jsonPathExp = path;
  };
  // Read back as JavaScript had printed it, the text said 100 and 1234567890123456768.
  expect((await run(order('$.total'))).trace[3].modifiedVariables).toEqual({ orderStatus: '100.0' });
  expect((await run(order('$.ref'))).trace[3].modifiedVariables).toEqual({ orderStatus: '1234567890123456789' });
});

test('a response body of over a million characters is parsed too: only a JSON variable is rendered to be read', async () => {
  // Rendered, any text is refused past 1,000,000 characters (docs/expressions.md, Limits).
  const result = await run(undefined, { ...RECORD, notes: 'x'.repeat(1_100_000) });
  expect(result.trace[2].modifiedVariables).toEqual({ firstName: 'Ada', accountId: 'A-17', visits: 4 });
});

test('the input variable may be written {{ }}; none selected, or a row writing an undeclared variable, fails the Parse: with no error port, OnGlobalError runs', async () => {
  const braces = await run((exported) => (activityOf(exported, 'ParseOrder').properties.inputVariable = '{{ lastOrder }}'));
  expect(braces.trace[3].modifiedVariables).toEqual({ orderStatus: 'shipped' });
  const none = await run((exported) => (activityOf(exported, 'ParseOrder').properties.inputVariable = null));
  expect(steps(none).slice(3)).toEqual(['ParseOrder:error', 'GlobalErrorHandling:out', 'EndFlow_err:end']);
  expect(none.trace[3].error).toBe('no input variable selected');
  const undeclared = await run((exported) => (activityOf(exported, 'ParseCustomer').properties.outputVariableArray[1].outputVariable = 'account'));
  expect(undeclared.trace[2]).toMatchObject({ outcome: 'error', error: "Parsing Settings write 'account', which is not a declared flow variable", modifiedVariables: {} });
  expect(undeclared.summary).toBe('global error at ParseCustomer; OnGlobalError ended at EndFlow_err');
});

test('a content type other than JSON with rows to fill is not simulated, as for an HTTP Request', async () => {
  const xml = await run((exported) => (activityOf(exported, 'ParseOrder').properties.contentType = 'XML'));
  expect(xml).toMatchObject({ status: 'not-simulated', summary: 'parse settings with content type XML (ParseOrder) are not simulated; only JSON is' });
});
