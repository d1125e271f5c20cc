/** The mission fixtures (fixtures/flows) run against the real mocks (mocks/index.ts). */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadFlow } from '../../../engine/loader.js';
import type { FlowModel } from '../../../engine/model.js';
import { simulate, type Scenario } from '../../../engine/simulator/index.js';
import { createMockServices, type MockOptions } from '../../../mocks/index.js';
import { HAS_SHARED, readFixture, SHARED } from '../../helpers.js';
import { buildFlow, condition, endFlow, OUTDIAL_EP } from './helpers.js';

const TAC = '+14085267209';
const OPTION_3: Scenario = { dtmf: { WantCallback: '3' } };

function model(file: string): FlowModel {
  const loaded = loadFlow(readFixture(`flows/${file}`), { fileName: file });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.model;
}

async function run(file: string, scenario: Scenario = OPTION_3, mocks: MockOptions = {}) {
  const services = createMockServices(mocks);
  const result = await simulate(model(file), scenario, { services });
  return { result, services };
}

const at = (result: Awaited<ReturnType<typeof run>>['result'], label: string) => result.trace.findIndex((e) => e.activity === label);

test.describe('solution.json, option 3', () => {
  test('follows the lab guide: WantCallback 3 → GET_CBID → SetGetResult → SimulateGlobalError error → OnGlobalError → Create Task 201 → True', async () => {
    const { result, services } = await run('solution.json');
    const trace = result.trace;
    const want = at(result, 'WantCallback');
    expect(trace[want].outcome).toBe('3');
    expect(trace[want + 1].activity).toBe('GET_CBID');

    const get = trace[want + 1];
    expect(get.outcome).toBe('default');
    expect(get.modifiedVariables).toMatchObject({ outdialcbid: OUTDIAL_EP, customani: TAC });
    expect(get.http?.url).toContain('dn=4694096861');

    const setGet = trace[at(result, 'SetGetResult')];
    expect(setGet.modifiedVariables.getresult).toBe(result.variables['GET_CBID.httpResponseBody']);
    expect(JSON.parse(result.variables.getresult as string)[0]).toMatchObject({ outboundcallbackep: OUTDIAL_EP });

    const sim = at(result, 'SimulateGlobalError');
    expect(trace[sim]).toMatchObject({ outcome: 'error' });
    expect(trace[sim + 1]).toMatchObject({ flow: 'OnGlobalError', activity: 'GlobalErrorHandling', outcome: 'out' });

    expect(services.tasks).toHaveLength(1);
    expect(services.tasks[0].body).toMatchObject({ entryPointId: OUTDIAL_EP, destination: TAC });
    expect(services.tasks[0].url).toMatch(/\/v1\/tasks$/);
    const post = trace[at(result, 'CallBackAPI_HTTPRequest')];
    expect(post.http).toMatchObject({ method: 'POST', status: 201 });
    expect(trace[at(result, 'HTTPStatusCode')].outcome).toBe('true');
    expect(trace.at(-1)).toMatchObject({ flow: 'OnGlobalError', type: 'end', outcome: 'end' });
    expect(result).toMatchObject({ status: 'completed', globalErrorRaised: true, callerConnected: false });
    expect(result.trace.some((e) => e.activity === 'DisconnectContact_g9e')).toBe(false);
  });

  for (const force of [400, 500] as const) {
    test(`with Create Task forced to ${force}, HTTPStatusCode leaves by false`, async () => {
      const { result, services } = await run('solution.json', OPTION_3, { tasks: { status: force } });
      expect(services.tasks).toHaveLength(0);
      expect(result.trace[at(result, 'CallBackAPI_HTTPRequest')].http?.status).toBe(force);
      expect(result.trace[at(result, 'HTTPStatusCode')].outcome).toBe('false');
    });
  }
});

test.describe("solution.json against the lab's older DynVars record (2024-12, ../shared/real-flows/lab)", () => {
  test.skip(!HAS_SHARED, '../shared/real-flows is not present');

  test('it has no outboundcallbackep or tacnumber: GET_CBID leaves both empty, Create Task answers 400 and HTTPStatusCode leaves by false', async () => {
    const dynvars = JSON.parse(readFileSync(path.join(SHARED, 'real-flows', 'lab', 'mockapi-dynvars_dn-4694096861_2024-12.json'), 'utf8'));
    const { result, services } = await run('solution.json', OPTION_3, { dynvars });
    const get = result.trace[at(result, 'GET_CBID')];
    expect(get).toMatchObject({ outcome: 'default', http: { status: 200 }, modifiedVariables: { outdialcbid: '', customani: '' } });
    const post = result.trace[at(result, 'CallBackAPI_HTTPRequest')];
    expect(JSON.parse(post.http?.requestBody ?? '')).toMatchObject({ entryPointId: '', destination: '' });
    expect(post.http?.status).toBe(400);
    expect(services.tasks).toHaveLength(0);
    expect(result.trace[at(result, 'HTTPStatusCode')].outcome).toBe('false');
    expect(result).toMatchObject({ status: 'completed', globalErrorRaised: true, callerConnected: false });
  });
});

test.describe('other fixtures', () => {
  test('before-mission: with no answer the caller stays in WantCallback', async () => {
    const { result } = await run('before-mission.json', {});
    expect(result.status).toBe('stuck');
    expect(result.globalErrorRaised).toBe(false);
  });

  test('option 1 still schedules a main-flow callback for the entered number', async () => {
    const { result } = await run('solution.json', { dtmf: { WantCallback: '1', NewNumber: '14085267209', VerifyNumber: '1' } });
    expect(result.callbacks?.[0]).toMatchObject({ activity: 'Callback', dialNumber: '14085267209' });
    expect(result.summary).toBe('caller disconnected at DisconnectContact_3zq');
  });

  test('option 2 waits in the hold loop', async () => {
    const { result } = await run('solution.json', { dtmf: { WantCallback: '2' } });
    expect(result.summary).toMatch(/^caller waiting in queue: hold loop at /);
    expect(result.inQueue).toBe(true);
  });
});

test.describe('forced failures and unmocked targets', () => {
  test('a forced Create Task timeout fails CallBackAPI_HTTPRequest inside the handler', async () => {
    const { result } = await run('solution.json', OPTION_3, { tasks: { timeout: true } });
    expect(result.trace[at(result, 'CallBackAPI_HTTPRequest')]).toMatchObject({ outcome: 'error', http: { timedOut: true, status: null } });
    expect(result.status).toBe('error');
    expect(result.summary).toMatch(/^global error at SimulateGlobalError; OnGlobalError failed at CallBackAPI_HTTPRequest/);
  });

  test('a GET_CBID host the mocks do not know is shown as unmocked and raises the global error there', async () => {
    const { result, services } = await run('defect-getcbid-host-typo.json');
    const get = result.trace[at(result, 'GET_CBID')];
    expect(get).toMatchObject({ outcome: 'error', http: { unmocked: true, status: null } });
    expect(result.trace[at(result, 'GET_CBID') + 1]).toMatchObject({ activity: 'GlobalErrorHandling' });
    expect(services.requests.some((r) => r.url.includes('74481b1b4e2e04abea27c6e.mockapi.io'))).toBe(false);
  });

  test('an unauthenticated Create Task gets 401 from the mock: HTTPStatusCode false', async () => {
    const { result, services } = await run('defect-callbackapi-unauthenticated.json');
    expect(result.trace[at(result, 'HTTPStatusCode')].outcome).toBe('false');
    expect(services.tasks).toHaveLength(0);
  });
});

for (const url of ['https://example.com/api', 'http://127.0.0.1/api']) {
  test(`with the real mocks, a request to ${url} is unmocked and nothing is sent`, async () => {
    const flow = buildFlow({
      main: [{ label: 'Req', type: 'http-request-v2', props: { authenticated: false, httpRequestUrl: url, httpRequestMethod: 'GET' } }, condition('Check', '{{Req.httpStatusCode == 200}}'), endFlow()],
      links: [['NewPhoneContact', 'out', 'Req'], ['Req', 'default', 'Check'], ['Check', 'true', 'EndFlow']],
    });
    const services = createMockServices();
    const result = await simulate(flow, {}, { services });
    expect(result.trace.find((e) => e.activity === 'Req')).toMatchObject({ outcome: 'error', http: { unmocked: true, status: null } });
    expect(services.requests).toHaveLength(0);
    expect(result.globalErrorRaised).toBe(true);
  });
}
