/**
 * Hunt 32, F2: a right solution that also logs to webhook.site, as the lab's Core Mission 3 taught
 * (an unauthenticated POST of the call's data to the attendee's URL), in OnGlobalError before or
 * after the Create Task request, on the option-3 way, or at the start of the call. In the product
 * webhook.site answers 200 and the flow goes on; flowgrade mocks it (mocks/webhook-site.ts), so these
 * flows pass with full marks. A host that is not webhook.site is still blocked.
 */
import { test, expect } from '@playwright/test';
import { activity, addActivity, failing, gradeMutation, link, props, relabel, resultOf, type Json } from './support.js';
import { MISTAKES } from './mutations.js';

const HOOK = 'https://webhook.site/0d1c3f5e-1111-4222-8333-944455556666';

/** An HTTP Request `label` beside `near` that POSTs the caller's number to `url`, parsing nothing (Core Mission 3's request). */
function addLog(f: Json, near: string, label: string, url = HOOK, method = 'POST'): void {
  addActivity(f, near, label, {
    ...props(f, 'GET_CBID'),
    name: label,
    httpRequestUrl: url,
    httpRequestMethod: method,
    httpRequestMethod_name: method,
    'httpRequestMethod:name': method,
    httpRequestBody: method === 'GET' ? null : '{"ANI":"{{NewPhoneContact.ANI}}"}',
    outputVariableArray: [],
  });
}

/** The log request put on `exit` of `from`, in front of what that exit led to. */
const logAfter = (from: string, exit: string, label: string, url = HOOK, method = 'POST') => (f: Json): void => {
  const source = activity(f, from);
  const graph = [f.process, f.eventFlows.eventsMap.GLOBAL_EVENTS.process].find((g) => g.activities[source.id]);
  const next = graph.links.find((l: Json) => l.sourceActivityId === source.id && l.conditionExpr === exit).targetActivityId;
  addLog(f, from, label, url, method);
  link(f, from, exit, label);
  graph.links.push({ id: `test-${label}-default`, sourceActivityId: `test-${label}`, targetActivityId: next, conditionExpr: 'default', properties: { value: 'default' } });
};

const placements: [string, (f: Json) => void][] = [
  ['in OnGlobalError before the Create Task request', logAfter('GlobalErrorHandling', 'out', 'LogError')],
  ['in OnGlobalError after the True exit of HTTPStatusCode', logAfter('HTTPStatusCode', 'true', 'LogOK')],
  ['in OnGlobalError after the False exit of HTTPStatusCode', logAfter('HTTPStatusCode', 'false', 'LogFailed')],
  ['on option 3, before GET_CBID', logAfter('WantCallback', '3', 'LogOpt3')],
  ['between SetGetResult and SimulateGlobalError', logAfter('SetGetResult', 'out', 'LogResult')],
  ['at the start of the call', logAfter('NewPhoneContact', 'out', 'LogStart')],
  ['as a GET, on option 3', logAfter('WantCallback', '3', 'LogOpt3', `${HOOK}?event=option3`, 'GET')],
  ['to a sub-path of the URL, in OnGlobalError', logAfter('GlobalErrorHandling', 'out', 'LogError', `${HOOK}/globalerror`)],
  ['to the token as a subdomain, in OnGlobalError', logAfter('GlobalErrorHandling', 'out', 'LogError', 'https://0d1c3f5e-1111-4222-8333-944455556666.webhook.site/')],
  ['to a mistyped token (webhook.site answers 404), at the start of the call', logAfter('NewPhoneContact', 'out', 'LogStart', 'https://webhook.site/0d1c3f5e-1111-4222-8333-94445555666')],
];

for (const [where, mutation] of placements) {
  test(`a right solution that logs to webhook.site ${where} passes with full marks`, async () => {
    const report = await gradeMutation(mutation);
    expect(failing(report)).toEqual([]);
    expect(report.verdict).toBe('passed');
    expect(report.score?.earned).toBe(report.score?.possible);
    expect(report.score?.earned).toBeGreaterThan(0);
  });
}

test('the log request is answered by the webhook.site mock in every scenario that reaches it, and the flow goes on', async () => {
  const report = await gradeMutation(placements[0]![1]);
  const logs = report.scenarios.flatMap((s) => s.trace).filter((e) => e.activity === 'LogError');
  expect(logs.length).toBeGreaterThan(0);
  for (const entry of logs) {
    expect(entry.outcome).toBe('default');
    expect(entry.http).toMatchObject({ method: 'POST', url: HOOK, status: 200 });
    expect(entry.http?.unmocked).toBeUndefined();
    expect(entry.http?.responseBody).toContain('This URL has no default content configured.');
  }
});

test('a webhook.site request is not taken for the Create Task request, nor for GET_CBID', async () => {
  // Before the renamed Create Task request, and on option 3 before a renamed GET_CBID: the checks
  // still judge the requests that call the Tasks API and MockAPI.
  const report = await gradeMutation((f) => {
    logAfter('GlobalErrorHandling', 'out', 'LogError')(f);
    logAfter('WantCallback', '3', 'LogOpt3')(f);
    relabel(f, 'CallBackAPI_HTTPRequest', 'CreateTask');
    relabel(f, 'GET_CBID', 'GetCallbackData');
  });
  expect(resultOf(report, 'callback-api-method').message).toContain('CreateTask');
  expect(resultOf(report, 'get-cbid-method').message).toContain('GetCallbackData');
  for (const id of ['callback-api-method', 'callback-api-path', 'callback-api-body', 'callback-api-authenticated', 'get-cbid-method', 'get-cbid-url', 'get-cbid-parse-paths', 'run-task-created', 'run-get-cbid-fills-variables']) {
    expect(resultOf(report, id).status, id).toBe('passed');
  }
});

test('a log request to another public host (Slack) goes on from the mock\'s 404, as the product goes on whatever the answer; the summary says it was not mocked', async () => {
  // Before: the request was blocked, LogError failed, and the checks told the attendee to fix or bypass a right log request.
  for (const [from, exit, label] of [['GlobalErrorHandling', 'out', 'LogError'], ['WantCallback', '3', 'LogOption3']] as const) {
    const report = await gradeMutation(logAfter(from, exit, label, 'https://hooks.slack.com/services/T000/B000/XXXX'));
    expect([label, report.verdict, failing(report)]).toEqual([label, 'passed', []]);
    const happy = report.scenarios.find((s) => s.id === 'happy-path')!;
    expect(happy.trace.find((e) => e.activity === label)).toMatchObject({ outcome: 'default', http: { status: 404 } });
    expect(happy.summary).toContain("; POST https://hooks.slack.com/services/T000/B000/XXXX got the mock's 404: flowgrade does not mock hooks.slack.com, so what the call did after it may not be what it does in the product");
  }
});

test('a log request to a name like webhook.site that is not it is still blocked: the flow fails there, as before', async () => {
  const report = await gradeMutation(logAfter('GlobalErrorHandling', 'out', 'LogError', 'https://webhook.site.example.com/0d1c3f5e-1111-4222-8333-944455556666'));
  expect(report.verdict).toBe('failed');
  expect(resultOf(report, 'run-task-created').status).toBe('failed');
  const entry = report.scenarios.flatMap((s) => s.trace).find((e) => e.activity === 'LogError');
  expect(entry).toMatchObject({ outcome: 'error', http: { unmocked: true, status: null } });
});

// A webhook.site address ending in /201 answers a POST with 201, as the Tasks API answers a task it
// creates: it is no Create Task request, and is not named as one that created a task.
test('two tasks created beside a webhook.site log answered 201: the hint names the requests that created them, not the log', async () => {
  const report = await gradeMutation((f) => {
    MISTAKES['callback-api-twice'](f);
    logAfter('GlobalErrorHandling', 'out', 'LogError', `${HOOK}/201`)(f);
  });
  const log = report.scenarios.flatMap((s) => s.trace).find((e) => e.activity === 'LogError');
  expect(log?.http).toMatchObject({ method: 'POST', status: 201 });
  const r = resultOf(report, 'run-task-created');
  expect([r.status, r.message, r.hint]).toEqual(['failed', '2 tasks were created instead of one', 'Event Flows → keep one Create Task request on the way from OnGlobalError: CallBackAPI_HTTPRequest and CallBackAPI_again each created a task.']);
});
