/**
 * Two of the fixtures' typical mistakes in one flow (fixtures/generate.mjs, one `defect-*` each),
 * as a sweep of every pair that can coexist found them wrongly told: a simulated-call check blaming
 * a mistake that does not keep it from being judged, or naming one of two settings that both keep
 * the call from working. Each case is the solution with both mistakes made, beside each alone.
 * lab-mistakes.test.ts checks that each mistake stays named; this file checks whom the simulated
 * call blames.
 */
import { test, expect } from '@playwright/test';
import { gradeFlow } from '../../../engine/grade.js';
import type { GradeReport } from '../../../engine/report.js';
import { HINTS } from '../../../checks/callback-on-global-error/lib/hints.js';
import { DYNVARS } from '../../../checks/callback-on-global-error/lib/names.js';
import { FIXED_NOW, grade, link, mission, mutated, props, resultOf, unlink, type Json, type Mutation } from './support.js';

const setUrl = (edit: (url: string) => string): Mutation => (f) => {
  const p = props(f, 'GET_CBID');
  p.httpRequestUrl = edit(p.httpRequestUrl as string);
};
const setMethod = (f: Json, method: string) => {
  const p = props(f, 'GET_CBID');
  p.httpRequestMethod = p['httpRequestMethod:name'] = p.httpRequestMethod_name = method;
};
const setRows = (rows: [string, string][]): Mutation => (f) => {
  props(f, 'GET_CBID').outputVariableArray = rows.map(([outputVariable, jsonPathExp]) => ({ outputVariable, jsonPathExp }));
};

/** GET_CBID mistakes after which the call goes on along its success exit with outdialcbid and customani unfilled. */
const GET_CBID_UNFILLED: Record<string, Mutation> = {
  'GET_CBID left authenticated (the address in Request Path)': (f) => {
    Object.assign(props(f, 'GET_CBID'), { authenticated: true, connectorId: '289ac483-1775-44f5-b5a3-fc7503c10043', 'connectorId:name': 'WxCC_API', connectorId_name: 'WxCC_API', httpRequestPath: props(f, 'GET_CBID').httpRequestUrl, httpRequestUrl: null });
  },
  'GET_CBID method POST': (f) => setMethod(f, 'POST'),
  'dn without slice(2)': setUrl((url) => url.replace(' | slice(2) ', '')),
  '/lowdesigner/ (GET_CBID answered 404)': setUrl((url) => url.replace('/flowdesigner/', '/lowdesigner/')),
  'JSONPath without [0]': setRows([['outdialcbid', '$.outboundcallbackep'], ['customani', '$.tacnumber']]),
  'parse rows swapped': setRows([['outdialcbid', '$[0].tacnumber'], ['customani', '$[0].outboundcallbackep']]),
  'parse Content Type left on Select': (f) => {
    Object.assign(props(f, 'GET_CBID'), { contentType: null, 'contentType:name': null, contentType_name: null });
  },
};

/** Event-flow mistakes after which OnGlobalError never runs CallBackAPI_HTTPRequest. */
const REQUEST_NEVER_RUNS: Record<string, Mutation> = {
  'OnGlobalError → EndFlow not deleted': (f) => link(f, 'GlobalErrorHandling', 'out', 'EndFlow_kid'),
  'OnGlobalError → EndFlow deleted, nothing connected': (f) => unlink(f, 'GlobalErrorHandling', 'out'),
};

const both = (...mistakes: Mutation[]) => mutated((f) => mistakes.forEach((m) => m(f)));
const failedIds = (report: GradeReport) => report.checks.filter((c) => c.status === 'failed').map((c) => c.id);
const TASK_TITLE = 'Simulated call: OnGlobalError creates one callback task for the caller';

for (const [getName, getMistake] of Object.entries(GET_CBID_UNFILLED)) {
  for (const [eventName, eventMistake] of Object.entries(REQUEST_NEVER_RUNS)) {
    test(`${getName} + ${eventName}: the request that never runs is blamed on the event flow, each mistake by its own checks`, async () => {
      const [pair, getAlone, eventAlone] = await Promise.all([grade(both(getMistake, eventMistake)), grade(both(getMistake)), grade(both(eventMistake))]);
      // GET_CBID's own simulated-call failure, as alone.
      expect(resultOf(pair, 'run-get-cbid-fills-variables')).toMatchObject({ status: 'failed', hint: resultOf(getAlone, 'run-get-cbid-fills-variables').hint });
      // Whether CallBackAPI_HTTPRequest runs does not depend on what GET_CBID filled: the task check says why it did not, as with the event-flow mistake alone.
      const task = resultOf(eventAlone, 'run-task-created');
      expect(resultOf(pair, 'run-task-created')).toMatchObject({ status: 'failed', message: task.message, hint: task.hint });
      // The 400 and 500 scenarios pass with the GET_CBID mistake alone: they are not judged because of the request that never runs.
      for (const id of ['run-status-false-on-400', 'run-status-false-on-500']) {
        expect(resultOf(getAlone, id).status, id).toBe('passed');
        expect(resultOf(pair, id), id).toMatchObject({ status: 'skipped', message: expect.stringMatching(new RegExp(`\\(reported under “${TASK_TITLE}”\\)$`)) });
      }
      // Nothing fails that neither mistake makes fail alone.
      const alone = new Set([...failedIds(getAlone), ...failedIds(eventAlone)]);
      expect(failedIds(pair).filter((id) => !alone.has(id))).toEqual([]);
    });
  }
}

/** GET_CBID mistakes that keep MockAPI from answering the record even to a GET: each with the hint naming it. */
const WRONG_ADDRESS: Record<string, [Mutation, string]> = {
  'GET_CBID left authenticated (the address in Request Path)': [GET_CBID_UNFILLED['GET_CBID left authenticated (the address in Request Path)']!, HINTS.getCbidUnauthenticated],
  'dn without slice(2)': [GET_CBID_UNFILLED['dn without slice(2)']!, HINTS.getCbidUrl],
  '/lowdesigner/ (GET_CBID answered 404)': [GET_CBID_UNFILLED['/lowdesigner/ (GET_CBID answered 404)']!, HINTS.getCbidUrl],
  'host without its leading 6 (nothing answers it)': [setUrl((url) => url.replace('//6', '//')), HINTS.getCbidUrl],
};
/** `GET_CBID → A.` and `GET_CBID → B.`: one hint naming both settings. */
const bothSettings = (first: string, second: string) => `${first.replace(/\.$/, ';')} ${second.replace(/^GET_CBID → /, '')}`;

for (const [name, [mistake, addressHint]] of Object.entries(WRONG_ADDRESS)) {
  test(`GET_CBID method POST + ${name}: the failed request's hint names both the Method and the address`, async () => {
    const [pair, postAlone, addressAlone] = await Promise.all([grade(both(GET_CBID_UNFILLED['GET_CBID method POST']!, mistake)), grade(both(GET_CBID_UNFILLED['GET_CBID method POST']!)), grade(both(mistake))]);
    // Alone, each names its own setting.
    expect(resultOf(postAlone, 'run-get-cbid-fills-variables').hint).toBe(HINTS.getCbidMethod);
    expect(resultOf(addressAlone, 'run-get-cbid-fills-variables').hint).toBe(addressHint);
    // Together, a GET would still find no record: fixing the Method alone leaves the call as wrong.
    expect(resultOf(pair, 'run-get-cbid-fills-variables')).toMatchObject({ status: 'failed', hint: bothSettings(HINTS.getCbidMethod, addressHint) });
  });
}

/**
 * The address as sent beside a wrong Method (lib/happy-path/request-hints.ts isRecordAddress): the Method alone when
 * a GET to it finds the dialled number's record (a trailing `/`, the dn percent-encoded, MockAPI's
 * paging parameters), the Request URL too when it is not that record's address as the lab gives it
 * (http, the path in another case, dn twice, a query filtering by another field): get-cbid-url fails it.
 */
const SENT_TO: Record<string, [Mutation, 'method' | 'both']> = {
  'a trailing / on the path': [setUrl((url) => url.replace('/DynVars?', '/DynVars/?')), 'method'],
  'the dn percent-encoded (%34 for 4)': [setUrl((url) => url.replace(`dn=${DYNVARS.dnTemplate}`, 'dn=%34694096861')), 'method'],
  'MockAPI\'s page and limit parameters': [setUrl((url) => `${url}&page=1&limit=10`), 'method'],
  'http instead of https': [setUrl((url) => url.replace('https://', 'http://')), 'both'],
  'the path\'s Lab in lower case': [setUrl((url) => url.replace('/Lab/', '/lab/')), 'both'],
  'dn given twice': [setUrl((url) => `${url}&dn=4694096861`), 'both'],
  'a filter of another field (lang=en)': [setUrl((url) => `${url}&lang=en`), 'both'],
};

for (const [name, [address, named]] of Object.entries(SENT_TO)) {
  test(`GET_CBID method POST + ${name}: the hint names ${named === 'method' ? 'the Method alone' : 'the Method and the Request URL'}`, async () => {
    const post = GET_CBID_UNFILLED['GET_CBID method POST']!;
    const [pair, getAlone] = await Promise.all([grade(both(post, address)), grade(both(address))]);
    if (named === 'method') {
      // A GET to that address gets the record: the Method is all there is to change.
      expect(resultOf(getAlone, 'run-get-cbid-fills-variables').status).toBe('passed');
      expect(resultOf(pair, 'run-get-cbid-fills-variables')).toMatchObject({ status: 'failed', hint: HINTS.getCbidMethod });
    } else {
      expect(resultOf(getAlone, 'get-cbid-url').status).toBe('failed');
      expect(resultOf(pair, 'run-get-cbid-fills-variables')).toMatchObject({ status: 'failed', hint: bothSettings(HINTS.getCbidMethod, HINTS.getCbidUrl) });
    }
  });
}

test('GET_CBID method POST + left authenticated, with a connector whose base is MockAPI\'s (--connector): the toggle is named beside the Method, though the address sent is the record\'s', async () => {
  // The toggle on, the connector WxCC_API, and the record's path and query in Request Path.
  const authenticated: Mutation = (f) => {
    GET_CBID_UNFILLED['GET_CBID left authenticated (the address in Request Path)']!(f);
    props(f, 'GET_CBID').httpRequestPath = DYNVARS.url.slice(`https://${DYNVARS.host}`.length);
  };
  const onMockApi = (text: string) => gradeFlow(text, { mission, fileName: 'Main_Flow_140.json', now: () => new Date(FIXED_NOW), tool: { name: 'flowgrade', version: 'test' }, mocks: { connectors: { WxCC_API: `https://${DYNVARS.host}` } } });
  const pair = resultOf(await onMockApi(both(authenticated, GET_CBID_UNFILLED['GET_CBID method POST']!)), 'run-get-cbid-fills-variables');
  // The request went to the record's address (the connector's base and the Request Path), and was refused for its Method.
  expect(pair.actual).toBe('HTTP 404: "Not found"');
  expect(pair.message).toContain(`POST https://${DYNVARS.host}${DYNVARS.path}?dn=4694096861`);
  // The toggle is the lab's, whatever answers: it is named, as with another connector (docs/checks/run-get-cbid-fills-variables.md).
  expect(pair.hint).toBe(bothSettings(HINTS.getCbidMethod, HINTS.getCbidUnauthenticated));
});

/**
 * Option 3 connected to where Callback Mission 2 left option 1 or 2, that option left open: the
 * regression check and the option 3 checks give one sequence of edits — re-drag option 3's
 * connection to GET_CBID, then connect the open option — not "move it to option 1" beside "drag it
 * to GET_CBID", which each undo the other's first step.
 */
const OPTION3_HOLDS: Record<string, [Mutation, string, string]> = {
  'option 3 → NewNumber + option 1 unlinked (fixtures menu-option3-to-newnumber, regression-option1-unlinked)': [
    (f) => { link(f, 'WantCallback', '3', 'NewNumber'); unlink(f, 'WantCallback', '1'); },
    'want-callback-option1-regression',
    'Drag the connection of WantCallback option 3 from NewNumber to GET_CBID (Build step 4), then connect WantCallback option 1 to NewNumber.',
  ],
  'option 3 → Music + option 2 unlinked': [
    (f) => { link(f, 'WantCallback', '3', 'Music'); unlink(f, 'WantCallback', '2'); },
    'want-callback-option2-regression',
    'Drag the connection of WantCallback option 3 from Music to GET_CBID (Build step 4), then connect WantCallback option 2 to Music.',
  ],
};

for (const [name, [mistakes, regression, hint]] of Object.entries(OPTION3_HOLDS)) {
  test(`${name}: the regression check and the option 3 checks give one sequence of edits`, async () => {
    const pair = await grade(both(mistakes));
    for (const id of [regression, 'get-cbid-after-option3', 'run-option3-reaches-get-cbid']) expect(resultOf(pair, id), id).toMatchObject({ status: 'failed', hint });
    // The messages still say what the canvas shows.
    expect(resultOf(pair, regression).message).toMatch(/ is connected to option 3 of WantCallback, not to option [12]$/);
  });
}

test('option 3 → NewNumber, option 1 still → NewNumber: only option 3 is to re-drag', async () => {
  const report = await grade(both((f) => link(f, 'WantCallback', '3', 'NewNumber')));
  expect(resultOf(report, 'want-callback-option1-regression').status).toBe('passed');
  expect(resultOf(report, 'get-cbid-after-option3').hint).toBe('Drag the connection of WantCallback option 3 from NewNumber to GET_CBID (Build step 4).');
});

/**
 * outdialcbid declared OutdialCBID and picked so in GET_CBID's Parsing Settings (its value right, its
 * name the variable check's to report), beside customani's path without [0]: the name explains only
 * outdialcbid, so GET_CBID's call fails on its own for the path, as with that mistake alone, not
 * reported under the variable check.
 */
test('outdialcbid declared OutdialCBID (picked so in GET_CBID) + customani\'s path without [0]: GET_CBID\'s call fails on its own, its hint the Parsing Settings', async () => {
  const declaredOtherwise: Mutation = (f) => {
    (f.variables as Json[]).find((v) => v.name === 'outdialcbid')!.name = 'OutdialCBID';
    (props(f, 'GET_CBID').outputVariableArray as Json[])[0]!.outputVariable = 'OutdialCBID';
  };
  const pathWithoutIndex = setRows([['outdialcbid', '$[0].outboundcallbackep'], ['customani', '$.tacnumber']]);
  const [pair, pathAlone] = await Promise.all([grade(both(pathWithoutIndex, declaredOtherwise)), grade(both(pathWithoutIndex))]);
  expect(resultOf(pair, 'variable-outdialcbid').status).toBe('failed');
  expect(resultOf(pair, 'run-get-cbid-fills-variables')).toMatchObject({ status: 'failed', hint: resultOf(pathAlone, 'run-get-cbid-fills-variables').hint });
});
