/**
 * One Main_Flow carries the whole lab: Callback Mission 4 adds an authenticated request to the
 * WxCC Search API (POST /search, GraphQL) between VerifyNumber option 1 and the Callback. Such a
 * request of another mission is never taken for one of this mission's (GET_CBID, the Create Task
 * request) when they are found by their role: a search wired from option 3 is told as option 3 not
 * leading to GET_CBID, and the checks of GET_CBID judge GET_CBID, not the search.
 */
import { test, expect } from '@playwright/test';
import { addActivity, failing, gradeMutation, link, props, relabel, resultOf, solutionExport, type Json } from './support.js';
import { conditionOn } from './mutations.js';

const SEARCH = 'HTTPRequest_CallBackSearch';

/** Callback Mission 4's search beside `near`, leaving by `default` to `next`. */
function addSearch(f: Json, near: string, next: string): void {
  addActivity(f, near, SEARCH, {
    ...props(f, 'CallBackAPI_HTTPRequest'),
    name: SEARCH,
    httpRequestPath: '/search',
    httpContentType: 'GraphQL',
    'httpContentType:name': 'GraphQL',
    httpContentType_name: 'GraphQL',
    httpRequestBody: null,
    httpRequestBodyGQL: { query: '{ taskDetails(from: 0, to: 1, filter: { callbackData: { callbackNumber: { equals: "{{NewNumber.DigitsEntered}}" } } }) { tasks { id } } }', variables: ' ' },
    outputVariableArray: [],
  });
  link(f, SEARCH, 'default', next);
}

test('Callback Mission 4 done (VerifyNumber option 1 → the search → Callback) costs nothing', async () => {
  const report = await gradeMutation((f) => {
    addSearch(f, 'VerifyNumber', 'Callback');
    link(f, 'VerifyNumber', '1', SEARCH);
  });
  expect(failing(report)).toEqual([]);
  expect(report.score?.earned).toBe(report.score?.possible);
});

test('the search wired from option 3 instead of GET_CBID is option 3 not leading to GET_CBID; GET_CBID\'s own checks judge GET_CBID, never the search', async () => {
  // Before: the search, reached first from option 3, was taken for GET_CBID: "Option 3 leads to
  // HTTPRequest_CallBackSearch" passed, and the hints said to rename it GET_CBID, make it an
  // unauthenticated GET and delete the real GET_CBID.
  const report = await gradeMutation((f) => {
    addSearch(f, 'VerifyNumber', 'Callback');
    link(f, 'WantCallback', '3', SEARCH);
  });
  const option3 = resultOf(report, 'get-cbid-after-option3');
  expect([option3.status, option3.message, option3.hint]).toEqual(['failed', 'Option 3 of WantCallback does not lead to GET_CBID', `Drag the connection of WantCallback option 3 from ${SEARCH} to GET_CBID (Build step 4).`]);
  for (const id of ['get-cbid-label', 'get-cbid-unauthenticated', 'get-cbid-method', 'get-cbid-url', 'get-cbid-parse-paths']) expect(resultOf(report, id).status, id).toBe('passed');
  // The simulated call pressing 3 never reaches GET_CBID either, and says where it went; nothing else fails.
  expect(failing(report)).toEqual(['get-cbid-after-option3', 'run-option3-reaches-get-cbid']);
  expect(resultOf(report, 'run-option3-reaches-get-cbid').message).toBe(`After option 3 the call never reached GET_CBID (it went on to ${SEARCH})`);
});

test('a search in OnGlobalError before a Create Task request left with its default label: the request is judged, not the search', async () => {
  const report = await gradeMutation((f) => {
    addSearch(f, 'CallBackAPI_HTTPRequest', 'CallBackAPI_HTTPRequest');
    link(f, 'GlobalErrorHandling', 'out', SEARCH);
    relabel(f, 'CallBackAPI_HTTPRequest', 'HTTPRequest_x7q');
    const status = props(f, 'HTTPStatusCode');
    status.expression = String(status.expression).replace('CallBackAPI_HTTPRequest', 'HTTPRequest_x7q');
  });
  // Only the label is wrong: the recommended label check fails, naming the request.
  expect(failing(report)).toEqual(['callback-api-label']);
  expect(resultOf(report, 'callback-api-label').message).toContain('HTTPRequest_x7q');
});

test('a run that sent the search (a WxCC API path flowgrade does not mock) says so in its scenario\'s summary, once per request; the others say nothing of it', async () => {
  // Before: only the trace showed the mock's 404, and the report never said the product may answer otherwise.
  const report = await gradeMutation((f) => {
    addSearch(f, 'CallBackAPI_HTTPRequest', 'CallBackAPI_HTTPRequest');
    link(f, 'GlobalErrorHandling', 'out', SEARCH);
  });
  const note = "POST https://api.wxcc-us1.cisco.com/search got the mock's 404: flowgrade mocks only Create Task (POST /v1/tasks) of the WxCC API, so what the call did after it may not be what it does in the product";
  const withNote = report.scenarios.filter((scenario) => scenario.summary.endsWith(`; ${note}`)).map((scenario) => scenario.id);
  expect(withNote).toEqual(report.scenarios.filter((scenario) => scenario.trace.some((entry) => entry.activity === SEARCH)).map((scenario) => scenario.id));
  expect(withNote).toContain('happy-path');
  expect(report.scenarios.every((scenario) => scenario.summary.split(note).length <= 2)).toBe(true);
  const solution = await gradeMutation(() => {});
  expect(solution.scenarios.filter((scenario) => scenario.summary.includes('mocks only'))).toEqual([]);
});

test('the note names at most three requests, each URL cut in its middle, and always ends with what it means', async () => {
  // Before: five searches named whole, one a 30,000-character URL, made a summary the report cut
  // off before the words that say what the 404 means.
  const report = await gradeMutation((f) => {
    const labels = [0, 1, 2, 3, 4].map((i) => `Search_${i}`);
    labels.forEach((label, i) => {
      addActivity(f, 'CallBackAPI_HTTPRequest', label, {
        ...props(f, 'CallBackAPI_HTTPRequest'),
        name: label,
        httpRequestPath: i === 0 ? `/search/${'a'.repeat(30_000)}` : `/search/${i}`,
        outputVariableArray: [],
      });
    });
    labels.forEach((label, i) => link(f, label, 'default', labels[i + 1] ?? 'CallBackAPI_HTTPRequest'));
    link(f, 'GlobalErrorHandling', 'out', labels[0]);
  });
  const summary = report.scenarios.find((scenario) => scenario.id === 'happy-path')!.summary;
  expect(summary).toMatch(/; POST https:\/\/api\.wxcc-us1\.cisco\.com\/search\/a+…a+, POST https:\/\/api\.wxcc-us1\.cisco\.com\/search\/1, POST https:\/\/api\.wxcc-us1\.cisco\.com\/search\/2 and 2 more got the mock's 404: flowgrade mocks only Create Task \(POST \/v1\/tasks\) of the WxCC API, so what the call did after it may not be what it does in the product$/);
  expect(summary.length).toBeLessThan(1_000 + summary.indexOf('; POST'));
});

test('a request to another MockAPI project\'s resource is said in the summary with its own reason; one to a wrong path of the lab\'s project (a true 404) is not', async () => {
  // Before: another project's /api/customers/1 got the mock's 404 and nothing said it was not MockAPI's.
  const lookup = (label: string, url: string) => ({ ...props(solutionExport(), 'GET_CBID'), name: label, httpRequestUrl: url, outputVariableArray: [] });
  const report = await gradeMutation((f) => {
    addActivity(f, 'GET_CBID', 'Customers', lookup('Customers', 'https://60ef3435f587af00179d3960.mockapi.io/api/customers/1'));
    addActivity(f, 'GET_CBID', 'Typo', lookup('Typo', 'https://674481b1b4e2e04abea27c6e.mockapi.io/lowdesigner/Lab/DynVars'));
    link(f, 'GET_CBID', 'default', 'Customers');
    link(f, 'Customers', 'default', 'Typo');
    link(f, 'Typo', 'default', 'SetGetResult');
  });
  const summary = report.scenarios.find((scenario) => scenario.id === 'happy-path')!.summary;
  expect(summary).toMatch(/; GET https:\/\/60ef3435f587af00179d3960\.mockapi\.io\/api\/customers\/1 got the mock's 404: flowgrade mocks only a GET of MockAPI's DynVars list, so what the call did after it may not be what it does in the product$/);
  expect(summary).not.toContain('lowdesigner');
});

test('Callback Mission 4\'s Condition with its False exit to GET_CBID instead of the Callback: the hint drags that connection, not option 1\'s', async () => {
  // Before: "Drag the connection of WantCallback option 1 from NewNumber to NewNumber, as Callback
  // Mission 2 left it": option 1 is where it belongs; the Condition's False exit enters the error chain.
  const report = await gradeMutation((f) => {
    addSearch(f, 'VerifyNumber', 'Callback');
    link(f, 'VerifyNumber', '1', SEARCH);
    conditionOn(f, SEARCH, 'default', 'Condition_dup', '{{ HTTPRequest_CallBackSearch.httpStatusCode == 200 }}', 'Callback', 'GET_CBID');
  });
  const option3 = resultOf(report, 'get-cbid-after-option3');
  expect([option3.status, option3.actual, option3.hint]).toEqual([
    'failed',
    'option 1 → GET_CBID',
    'Drag the connection of the False exit of Condition_dup from GET_CBID away from the error chain (WantCallback option 1 reaches it that way): only option 3 may lead to GET_CBID.',
  ]);
});

/** A Play Message `label` (the welcome prompt's settings) leading to `next`. */
function addPrompt(f: Json, label: string, next: string): void {
  addActivity(f, 'WelcomePrompt', label, { ...props(f, 'WelcomePrompt'), name: label });
  link(f, label, 'default', next);
}

test('an exit that is not where Callback Mission 2 left it keeps that hint even when the chain is entered further along; each edit is said once', async () => {
  // Options 1 and 3 both lead to a prompt before GET_CBID: dragging the prompt's connection would cut option 3 too.
  const shared = await gradeMutation((f) => {
    addPrompt(f, 'PleaseWait', 'GET_CBID');
    link(f, 'WantCallback', '1', 'PleaseWait');
    link(f, 'WantCallback', '3', 'PleaseWait');
  });
  expect(resultOf(shared, 'get-cbid-after-option3').hint).toBe('Drag the connection of WantCallback option 1 from PleaseWait to NewNumber, as Callback Mission 2 left it: only option 3 may lead to GET_CBID.');
  // Options 1 and 2 through one detour: both dragged back, not the detour's connection twice.
  const detour = await gradeMutation((f) => {
    addPrompt(f, 'Detour', 'GET_CBID');
    link(f, 'WantCallback', '1', 'Detour');
    link(f, 'WantCallback', '2', 'Detour');
  });
  expect(resultOf(detour, 'get-cbid-after-option3').hint).toBe('Drag the connection of WantCallback option 1 from Detour to NewNumber and drag the connection of WantCallback option 2 from Detour to Music, as Callback Mission 2 left them: only option 3 may lead to GET_CBID.');
});
