/** Real public exports (../shared/real-flows) run through the simulator without crashing. */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadFlow } from '../../../engine/loader.js';
import { DEFAULT_CONTACT, simulate } from '../../../engine/simulator/index.js';
import { HAS_SHARED, SHARED } from '../../helpers.js';
import { fakeServices, http, HttpResponse } from './helpers.js';

const DIR = path.join(SHARED, 'real-flows');
const files = HAS_SHARED ? readdirSync(DIR).filter((f) => f.endsWith('.json')) : [];

test.describe('real exports', () => {
  test.skip(!HAS_SHARED, '../shared/real-flows is not present');

  for (const file of files) {
    test(`${file} runs to a reported end`, async () => {
      const loaded = loadFlow(readFileSync(path.join(DIR, file)), { fileName: file });
      expect(loaded.ok).toBe(true);
      if (!loaded.ok) return;
      const dtmf = { Menu_lsi: '1', ConfirmationMenu: '1', CollectDigits_kdd: '1234' };
      const result = await simulate(loaded.model, { dtmf }, { services: fakeServices() });
      expect(['completed', 'error', 'stuck', 'not-simulated']).toContain(result.status);
      expect(result.summary.length).toBeGreaterThan(0);
      expect(result.trace.length).toBeGreaterThan(0);
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    });
  }

  test('the hello-world export plays its welcome and disconnects', async () => {
    const loaded = loadFlow(readFileSync(path.join(DIR, 'hello-world_start-play-disconnect_MIT.json')));
    if (!loaded.ok) throw new Error(loaded.error.message);
    const result = await simulate(loaded.model, {}, { services: fakeServices() });
    expect(result.status).toBe('completed');
    expect(result.trace.map((e) => e.type)).toEqual(['NewPhoneContact', 'play-message', 'disconnect-contact']);
    expect(result.trace[1].prompts?.length).toBe(1);
    expect(result.callerConnected).toBe(false);
  });

  test('the older simple-inbound export queues the caller into its music loop', async () => {
    const loaded = loadFlow(readFileSync(path.join(DIR, 'older-2024-02_simple-inbound_audiofile-prompt_queue_music-loop.json')));
    if (!loaded.ok) throw new Error(loaded.error.message);
    const result = await simulate(loaded.model, {}, { services: fakeServices() });
    expect(result.status).toBe('stuck');
    expect(result.summary).toBe('caller waiting in queue: hold loop at MusicOnHold');
    expect(result.inQueue).toBe(true);
    const withAgent = await simulate(loaded.model, { agentsAvailable: true }, { services: fakeServices() });
    expect(withAgent.summary).toBe('connected to an agent at Queue');
  });

  test('the HTTP data-dip subflow parses $.customerId and speaks it in the menu prompt', async () => {
    const loaded = loadFlow(readFileSync(path.join(DIR, 'subflow_http-unauthenticated-get_menu_collectdigits_condition_setvar-to-variable.json')));
    if (!loaded.ok) throw new Error(loaded.error.message);
    const services = fakeServices([http.get('https://60ef3435f587af00179d3960.mockapi.io/api/customers/1', () => HttpResponse.json({ customerId: '42' }))]);
    const result = await simulate(loaded.model, { dtmf: { ConfirmationMenu: '1' } }, { services });
    expect(result.status).toBe('completed');
    expect(result.trace.find((e) => e.activity === 'HTTPRequest_zfk')?.modifiedVariables).toMatchObject({ response: '42' });
    expect(result.trace.find((e) => e.activity === 'CheckHTTPStatus')?.outcome).toBe('true');
    expect(result.trace.find((e) => e.activity === 'ConfirmationMenu')?.prompts?.[0]).toContain('account ID as 42');
    expect(result.variables.outputVariable).toBe('42');
  });

  test('the HTTP data-dip subflow with a caller who presses nothing: stuck, naming the menu that gets no answer', async () => {
    const loaded = loadFlow(readFileSync(path.join(DIR, 'subflow_http-unauthenticated-get_menu_collectdigits_condition_setvar-to-variable.json')));
    if (!loaded.ok) throw new Error(loaded.error.message);
    const services = fakeServices([http.get('https://60ef3435f587af00179d3960.mockapi.io/api/customers/1', () => HttpResponse.json({ customerId: '42' }))]);
    // ConfirmationMenu —timeout→ StillThere —default→ ConfirmationMenu, until the visit limit.
    const result = await simulate(loaded.model, {}, { services });
    expect([result.status, result.summary]).toEqual(['stuck', 'stuck in a loop at ConfirmationMenu: the caller presses nothing (No-Input Timeout each time)']);
    // Without the mock the status is 404: Collect Digits times out into the same loop, and StillThere reaches the limit first.
    const notFound = await simulate(loaded.model, {}, { services: fakeServices([http.get('https://60ef3435f587af00179d3960.mockapi.io/api/customers/1', () => HttpResponse.json('Not found', { status: 404 }))]) });
    expect(notFound.trace.find((e) => e.activity === 'CollectDigits_kdd')?.outcome).toBe('timeout');
    expect(notFound.summary).toBe('stuck in a loop at ConfirmationMenu: the caller presses nothing (No-Input Timeout each time)');
  });

  test('the error-handler subflow plays the errorMessage its calling flow maps in; run alone, the summary says the input kept its default', async () => {
    const loaded = loadFlow(readFileSync(path.join(DIR, 'subflow_error-handler_end-subflow.json')));
    if (!loaded.ok) throw new Error(loaded.error.message);
    const errorMessage = 'We are experiencing technical difficulties. Please try again later.';
    const mapped = await simulate(loaded.model, { subflowInputs: { errorMessage } }, { services: fakeServices() });
    expect(mapped.trace.map((e) => [e.activity, e.outcome])).toEqual([['StartSubflow', 'out'], ['PlayMessage_b06', 'default'], ['EndSubflow_esa', 'end']]);
    expect(mapped.trace[0].modifiedVariables).toEqual({ errorMessage });
    expect(mapped.trace[1].prompts).toEqual([errorMessage]);
    expect([mapped.status, mapped.summary]).toEqual(['completed', 'subflow ended at EndSubflow_esa']);
    const alone = await simulate(loaded.model, {}, { services: fakeServices() });
    expect(alone.trace[1].prompts).toEqual(['']);
    expect(alone.summary).toBe('subflow ended at EndSubflow_esa; run without a calling flow: its input errorMessage kept its default');
  });

  test('the duplicate-callback export asks the Search API for callbacks of the last day, and schedules one only when none is pending', async () => {
    const loaded = loadFlow(readFileSync(path.join(DIR, 'avoid-duplicate-callback_menu-setvar-condition-http-graphql-callback.json')));
    if (!loaded.ok) throw new Error(loaded.error.message);
    const base = 'https://api.wxcc-us1.cisco.com';
    for (const [callbackStatus, condition, last] of [['Not Processed', 'true', 'DisconnectContact_mx8'], ['Processed', 'false', 'DisconnectContact_mx8_2bg']]) {
      let url = '';
      let body: unknown;
      const search = http.post(`${base}/search`, async ({ request }) => {
        url = request.url;
        body = await request.json();
        return HttpResponse.json({ data: { taskDetails: { tasks: [{ id: 't1', isActive: true, callbackData: { callbackStatus } }] } } });
      });
      // The export names its connector webexCC.
      const services = { handlers: [search], connectorBaseUrl: (name: string) => (name === 'webexCC' ? base : ''), bearerToken: 'token' };
      const result = await simulate(loaded.model, { dtmf: { Menu_lsi: '1' } }, { services });
      // {{ now() | epoch(inMillis=true) - 86400000 }} subtracts a day from the epoch millis (| binds tighter than -).
      expect(result.variables).toMatchObject({ currentTime: '1735689600000', goback_by_a_day: '1735603200000', ANITrim: '4085551234' });
      expect(url).toBe(`${base}/search?orgId=${DEFAULT_CONTACT.OrgId}`);
      // Each newline right after }} is dropped (Pebble's newLineTrimming): the GraphQL query stays valid.
      const query = (body as { query: string }).query;
      expect(query).toContain('from: 1735603200000    to: 1735689600000    filter: {');
      expect(query).toContain('{ origin: { equals: "+14085551234" } }\n            { origin: { equals: "4085551234" } }');
      expect(body).toMatchObject({ variables: {} });
      expect(result.trace.find((e) => e.activity === 'Condition_ts8')?.outcome).toBe(condition);
      expect(result.callbacks?.map((c) => c.dialNumber)).toEqual(condition === 'true' ? [] : ['+14085551234']);
      expect([result.status, result.summary]).toEqual(['completed', `caller disconnected at ${last}`]);
    }
  });

  test('the payment subflow: its JSON body and JSON output variable are built from templates, with nothing escaped', async () => {
    const loaded = loadFlow(readFileSync(path.join(DIR, 'template-body_subflow_http-post-json-body_setVariablesArray_2026.json')));
    if (!loaded.ok) throw new Error(loaded.error.message);
    const run = async (status: number, answer: Record<string, unknown>) => {
      let sent = '';
      const payment = http.post('https://example.invalid/replace-with-your-make-payment-api-endpoint', async ({ request }) => {
        sent = await request.text();
        return HttpResponse.json(answer, { status });
      });
      return { result: await simulate(loaded.model, {}, { services: fakeServices([payment]) }), sent };
    };
    const paid = await run(200, { status: 'PAID', currency: 'USD', balanceAmount: 12.5 });
    // The subflow inputs are unset: "amount": {{…}} leaves no value, and the body is sent as it is, not valid JSON.
    expect(paid.sent).toContain('"cardNumber": "",');
    expect(paid.sent).toMatch(/"amount": +}$/);
    expect(paid.result.variables).toMatchObject({ status: 'PAID', currency: 'USD', subFlowBalanceAmount_makePayment: '12.5', outPutJSONFromMakePayment: { status: 'PAID', currency: 'USD', amount: '12.5' } });
    // Its five inputs come from the flow that calls it: none is given here, and the summary says so.
    expect(paid.result.summary).toBe('subflow ended at EndSubflow_zik; run without a calling flow: its inputs subFlowCardNumber_makePayment, subFlowCVV_makePayment, subFlowExpiryDate_MakePayment, subflowAccountNumber_makePayment, subFlowBalanceAmount_makePayment kept their defaults');
    // A quote in the error text ends the JSON string early: the Set Variable into the JSON variable fails.
    const declined = await run(402, { error: 'card "declined"' });
    expect(declined.result.trace.find((e) => e.activity === 'Condition_2yp')?.outcome).toBe('true');
    expect(declined.result.trace.find((e) => e.activity === 'SetVariable_5f3_kkt')).toMatchObject({ outcome: 'error', error: expect.stringMatching(/^cannot store .* in JSON variable 'outPutJSONFromMakePayment'$/) });
    expect(declined.result.status).toBe('error');
  });

  test('the payment subflow whose POST no mock answers: the error ends the run, and the summary says a subflow has no event flows', async () => {
    const loaded = loadFlow(readFileSync(path.join(DIR, 'template-body_subflow_http-post-json-body_setVariablesArray_2026.json')));
    if (!loaded.ok) throw new Error(loaded.error.message);
    const result = await simulate(loaded.model, {}, { services: fakeServices() });
    expect(result.status).toBe('error');
    expect(result.globalErrorRaised).toBe(false);
    expect(result.summary).toMatch(/^makePayment failed: POST https:\/\/example\.invalid\/\S+ is not answered by any mock: .*; a subflow has no event flows of its own, so no OnGlobalError handler runs; run without a calling flow: its inputs \S+, \S+, \S+, \S+, \S+ kept their defaults$/);
  });
});
