/**
 * Every behavioural defect fixture shows its deviation in the trace of the lab's test call
 * (WantCallback = 3), pinned here next to what the solution does at the same place.
 */
import { test, expect } from '@playwright/test';
import { loadFlow } from '../../../engine/loader.js';
import { simulate, type SimulationResult, type TraceEntry } from '../../../engine/simulator/index.js';
import { createMockServices, type AcceptedTask, type MockOptions } from '../../../mocks/index.js';
import { readFixture } from '../../helpers.js';
import { OUTDIAL_EP } from './helpers.js';

const TAC = '+14085267209';

interface Run {
  result: SimulationResult;
  tasks: AcceptedTask[];
  at(label: string): TraceEntry;
  next(label: string): TraceEntry | undefined;
}

async function call(file: string, mocks: MockOptions = {}): Promise<Run> {
  const loaded = loadFlow(readFixture(`flows/${file}.json`));
  if (!loaded.ok) throw new Error(loaded.error.message);
  const services = createMockServices(mocks);
  const result = await simulate(loaded.model, { dtmf: { WantCallback: '3' } }, { services });
  const index = (label: string) => result.trace.findIndex((e) => e.activity === label);
  return {
    result,
    tasks: services.tasks,
    at: (label) => {
      const entry = result.trace[index(label)];
      if (!entry) throw new Error(`${label} is not in the trace: ${result.trace.map((e) => e.activity).join(' → ')}`);
      return entry;
    },
    next: (label) => result.trace[index(label) + 1],
  };
}

const DEVIATIONS: Record<string, [MockOptions, (run: Run) => void]> = {
  'defect-getcbid-url-without-slice': [{}, (r) => {
    expect(r.at('GET_CBID').http?.url).toContain('dn=+14694096861');
    expect(r.at('GET_CBID').modifiedVariables).toMatchObject({ outdialcbid: '', customani: '' });
  }],
  'defect-getcbid-host-typo': [{}, (r) => {
    expect(r.at('GET_CBID')).toMatchObject({ outcome: 'error', http: { unmocked: true } });
    expect(r.next('GET_CBID')?.activity).toBe('GlobalErrorHandling');
  }],
  'defect-getcbid-path-typo': [{}, (r) => expect(r.at('GET_CBID')).toMatchObject({ http: { status: 404 }, modifiedVariables: { outdialcbid: '', customani: '' } })],
  'defect-getcbid-jsonpath-without-index': [{}, (r) => expect(r.at('GET_CBID').modifiedVariables).toMatchObject({ outdialcbid: '', customani: '' })],
  'defect-getcbid-outputs-swapped': [{}, (r) => expect(r.at('GET_CBID').modifiedVariables).toMatchObject({ outdialcbid: TAC, customani: OUTDIAL_EP })],
  'defect-getcbid-method-post': [{}, (r) => expect(r.at('GET_CBID')).toMatchObject({ http: { method: 'POST', status: 404 } })],
  'defect-getcbid-authenticated': [{}, (r) => expect(r.at('GET_CBID').http?.url).toMatch(/^https:\/\/api\.wxcc-us1\.cisco\.com\//)],
  'defect-getcbid-parse-content-type-missing': [{}, (r) => expect(r.at('GET_CBID').modifiedVariables).not.toHaveProperty('outdialcbid')],
  'defect-menu-option3-unlinked': [{}, (r) => {
    expect(r.at('WantCallback').outcome).toBe('3');
    expect(r.next('WantCallback')).toBeUndefined();
    expect(r.result.globalErrorRaised).toBe(false);
  }],
  'defect-menu-option3-to-newnumber': [{}, (r) => expect(r.next('WantCallback')?.activity).toBe('NewNumber')],
  'defect-menu-options-2-and-3-swapped': [{}, (r) => expect(r.next('WantCallback')?.activity).toBe('Music')],
  'defect-setgetresult-literal': [{}, (r) => expect(r.at('SetGetResult').modifiedVariables.getresult).toBe('GET_CBID.httpResponseBody')],
  'defect-setgetresult-not-linked': [{}, (r) => {
    expect(r.next('SetGetResult')).toBeUndefined();
    expect(r.result.globalErrorRaised).toBe(false);
  }],
  // SetGetResult succeeds: its Undefined Error exit, the one connected, is not taken.
  'defect-setgetresult-error-exit-linked': [{}, (r) => {
    expect(r.at('SetGetResult').outcome).toBe('out');
    expect(r.next('SetGetResult')).toBeUndefined();
    expect(r.result.globalErrorRaised).toBe(false);
  }],
  'defect-simulate-valid-expression': [{}, (r) => {
    expect(r.at('SimulateGlobalError').outcome).toBe('out');
    expect(r.result.globalErrorRaised).toBe(false);
    expect(r.tasks).toHaveLength(0);
  }],
  'defect-simulate-error-exit-wired': [{}, (r) => {
    expect(r.at('SimulateGlobalError').outcome).toBe('error');
    expect(r.next('SimulateGlobalError')?.type).toBe('disconnect-contact');
    expect(r.result.globalErrorRaised).toBe(false);
  }],
  'defect-globalerror-still-to-endflow': [{}, (r) => {
    expect(r.next('GlobalErrorHandling')?.type).toBe('end');
    expect(r.tasks).toHaveLength(0);
  }],
  'defect-callbackapi-unauthenticated': [{}, (r) => {
    expect(r.at('CallBackAPI_HTTPRequest').http?.status).toBe(401);
    expect(r.at('HTTPStatusCode').outcome).toBe('false');
  }],
  'defect-callbackapi-path-v1-task': [{}, (r) => expect(r.at('CallBackAPI_HTTPRequest').http?.status).toBe(404)],
  'defect-callbackapi-method-put': [{}, (r) => expect(r.at('CallBackAPI_HTTPRequest').http).toMatchObject({ method: 'PUT', status: 405 })],
  'defect-callbackapi-body-without-callback': [{}, (r) => {
    expect(r.at('CallBackAPI_HTTPRequest').http).toMatchObject({ status: 400, responseBody: expect.stringContaining('callback is required when outboundType is CALLBACK') });
    expect(r.at('HTTPStatusCode').outcome).toBe('false');
  }],
  'defect-callbackapi-body-entrypoint-customani': [{}, (r) => expect(r.at('CallBackAPI_HTTPRequest').http?.responseBody).toContain('is not an outbound entry point')],
  'defect-callbackapi-body-invalid-json': [{}, (r) => expect(r.at('CallBackAPI_HTTPRequest').http?.responseBody).toContain('not valid JSON')],
  'defect-condition-tests-200': [{}, (r) => {
    expect(r.at('CallBackAPI_HTTPRequest').http?.status).toBe(201);
    expect(r.at('HTTPStatusCode').outcome).toBe('false');
  }],
  'defect-condition-constant-true': [{ tasks: { status: 400 } }, (r) => expect(r.at('HTTPStatusCode').outcome).toBe('true')],
  'defect-condition-http-put': [{}, (r) => expect(r.at('HTTPStatusCode').outcome).toBe('false')],
  'defect-condition-label-mismatch': [{}, (r) => expect(r.at('HTTPStatusCode').outcome).toBe('false')],
  'defect-condition-only-true-linked': [{ tasks: { status: 400 } }, (r) => {
    expect(r.at('HTTPStatusCode').outcome).toBe('false');
    expect(r.next('HTTPStatusCode')).toBeUndefined();
  }],
  'defect-variable-outdialcbid-integer': [{}, (r) => expect(r.at('GET_CBID').outcome).toBe('error')],
  'defect-variable-missing-getresult': [{}, (r) => expect(r.at('SetGetResult')).toMatchObject({ outcome: 'error', error: expect.stringContaining('getresult') })],
};

for (const [file, [mocks, expectDeviation]] of Object.entries(DEVIATIONS)) {
  test(`${file}: the deviation shows in the trace`, async () => {
    expectDeviation(await call(file, mocks));
  });
}

test('the solution does none of this', async () => {
  const r = await call('solution');
  expect(r.at('GET_CBID').modifiedVariables).toMatchObject({ outdialcbid: OUTDIAL_EP, customani: TAC });
  expect(r.at('SetGetResult').modifiedVariables.getresult).toContain(OUTDIAL_EP);
  expect(r.next('SimulateGlobalError')?.activity).toBe('GlobalErrorHandling');
  expect(r.at('CallBackAPI_HTTPRequest').http?.status).toBe(201);
  expect(r.at('HTTPStatusCode').outcome).toBe('true');
  const failing = await call('solution', { tasks: { status: 400 } });
  expect(failing.at('HTTPStatusCode').outcome).toBe('false');
});
