/**
 * Three (or more) of the fixtures' typical mistakes in one flow, as a sweep of every triple that can
 * coexist (and random sets of four and five) found them wrongly told: a mistake that earns points
 * beside another, a check's hint naming another option's edit. Each case is the solution with the
 * mistakes made, beside each alone or fewer of them. two-mistakes.test.ts holds the pairs.
 */
import { test, expect } from '@playwright/test';
import type { GradeReport } from '../../../engine/report.js';
import { LAB_MISTAKES, withMistakes } from './lab-mistakes.js';
import { MISTAKES } from './mutations.js';
import { grade, link, mutated, props, resultOf, unlink, type Mutation } from './support.js';

const made = (...names: string[]) => withMistakes(...names.map((n) => LAB_MISTAKES[n]!));
const gradeMade = (...names: string[]) => grade(mutated(made(...names)));
const earned = (report: GradeReport) => report.score!.earned;

/**
 * GET_CBID mistakes after which the request leaves by its success exit with outdialcbid unfilled:
 * beside outdialcbid typed Integer, the call got past GET_CBID only because the request went wrong
 * (once it gets the record, the entry point id does not fit an Integer and GET_CBID fails there).
 */
const UNFILLED = ['GET_CBID left authenticated', 'GET_CBID method POST', 'dn without slice(2)', '/lowdesigner/ (FinalBoss hint)', 'JSONPath without [0]', 'parse Content Type left on Select'];
/** The simulated-call checks after GET_CBID's that outdialcbid typed Integer keeps from being judged alone. */
const AFTER_GET_CBID = ['run-getresult-holds-body', 'run-global-error-raised', 'run-task-created', 'run-status-true-on-201', 'run-status-false-on-400', 'run-status-false-on-500'];

for (const name of UNFILLED) {
  test(`outdialcbid typed Integer + ${name}: no more points than outdialcbid typed Integer alone, the later simulated calls not judged`, async () => {
    const [both, integer, get] = await Promise.all([gradeMade('outdialcbid typed Integer', name), gradeMade('outdialcbid typed Integer'), gradeMade(name)]);
    for (const id of AFTER_GET_CBID) expect(resultOf(integer, id).status, id).toBe('skipped');
    // The calls after GET_CBID ran only because the request went wrong: they earn nothing, as with the variable alone.
    for (const id of AFTER_GET_CBID) expect(resultOf(both, id), id).toMatchObject({ status: 'skipped', message: expect.stringMatching(/^Not judged: /) });
    expect(earned(both)).toBeLessThan(Math.min(earned(integer), earned(get)));
    // Both mistakes still named, each by its own checks.
    expect(resultOf(both, 'variable-outdialcbid').status).toBe('failed');
    expect(resultOf(both, 'run-get-cbid-fills-variables')).toMatchObject({ status: 'failed', hint: resultOf(get, 'run-get-cbid-fills-variables').hint });
  });
}

test('outdialcbid typed Integer + GET_CBID method POST + condition tests 200: three mistakes earn less than any two of them', async () => {
  const names = ['outdialcbid typed Integer', 'GET_CBID method POST', 'condition tests 200'];
  const three = await gradeMade(...names);
  for (const [i, j] of [[0, 1], [0, 2], [1, 2]] as const) expect(earned(three), `${names[i]} + ${names[j]}`).toBeLessThan(earned(await gradeMade(names[i]!, names[j]!)));
});

/**
 * Option 3 holding one option's activity, options 1 and 2 both left open: each regression check's
 * hint mends its own option. The option 3 checks and the option 1 check give the sequence of edits
 * for option 3 and option 1 (menu-options.ts); option 2's check, which that sequence does not mend,
 * says to connect option 2.
 */
const BOTH_OPEN: Record<string, [Mutation, string, string, string]> = {
  'option 3 → NewNumber, options 1 and 2 open': [
    (f) => { link(f, 'WantCallback', '3', 'NewNumber'); unlink(f, 'WantCallback', '1'); unlink(f, 'WantCallback', '2'); },
    'want-callback-option1-regression',
    'want-callback-option2-regression',
    'Drag the connection of WantCallback option 3 from NewNumber to GET_CBID (Build step 4), then connect WantCallback option 1 to NewNumber.',
  ],
  'option 3 → Music, options 1 and 2 open': [
    (f) => { link(f, 'WantCallback', '3', 'Music'); unlink(f, 'WantCallback', '1'); unlink(f, 'WantCallback', '2'); },
    'want-callback-option2-regression',
    'want-callback-option1-regression',
    'Drag the connection of WantCallback option 3 from Music to GET_CBID (Build step 4), then connect WantCallback option 2 to Music.',
  ],
};

for (const [name, [mistakes, held, other, sequence]] of Object.entries(BOTH_OPEN)) {
  test(`${name}: the sequence of edits for option 3 and ${held}, ${other} its own hint`, async () => {
    const [report, otherAlone] = await Promise.all([grade(mutated(mistakes)), grade(mutated((f) => unlink(f, 'WantCallback', other === 'want-callback-option1-regression' ? '1' : '2')))]);
    for (const id of [held, 'get-cbid-after-option3', 'run-option3-reaches-get-cbid']) expect(resultOf(report, id), id).toMatchObject({ status: 'failed', hint: sequence });
    // The other option's check says what it says with that option alone left open.
    expect(resultOf(report, other)).toMatchObject({ status: 'failed', message: resultOf(otherAlone, other).message, hint: resultOf(otherAlone, other).hint });
  });
}

/**
 * A GET_CBID mistake that leaves the variables unfilled lets the error scenarios be judged (the
 * Create Task request goes out along the same path), but a Create Task request wrong in itself never
 * gets the answer they force: HTTPStatusCode is not tried on 400 or 500, and those checks earn
 * nothing, as with the request's mistake alone. (A body that is not JSON still gets the forced
 * answer: the scenarios are judged, as the description of run-status-false-on-400 says.)
 */
const REQUEST_WRONG: Record<string, string> = {
  'CallBackAPI_HTTPRequest unauthenticated': 'callback-api-authenticated',
  'Request Path /v1/task': 'callback-api-path',
  'CallBackAPI_HTTPRequest method PUT': 'callback-api-method',
};
const ERROR_SCENARIOS = ['run-status-false-on-400', 'run-status-false-on-500'];

for (const [request, own] of Object.entries(REQUEST_WRONG)) {
  test(`GET_CBID method POST + ${request}: the error scenarios are not judged, the Tasks API never answering what they force`, async () => {
    const [pair, requestAlone] = await Promise.all([gradeMade('GET_CBID method POST', request), gradeMade(request)]);
    for (const id of ERROR_SCENARIOS) expect(resultOf(requestAlone, id).status, id).toBe('skipped');
    // Reported under the request's own check, which fails as alone: not under GET_CBID's, whose mistake is not why.
    expect(resultOf(pair, own).status).toBe('failed');
    const reported = `(reported under “${resultOf(pair, own).title}”)`;
    for (const id of ERROR_SCENARIOS) expect(resultOf(pair, id), id).toMatchObject({ status: 'skipped', message: expect.stringMatching(/^Not judged: with the Tasks API set to answer \d+, CallBackAPI_HTTPRequest got 40[145], /) });
    for (const id of ERROR_SCENARIOS) expect(resultOf(pair, id).message.endsWith(reported), id).toBe(true);
  });
  test(`GET_CBID method POST + ${request} + condition constant true: the condition named by its static check, the error scenarios not judged`, async () => {
    const constantTrue: Mutation = (f) => {
      props(f, 'HTTPStatusCode').expression = '{{true}}';
    };
    const report = await grade(mutated((f) => { made('GET_CBID method POST', request)(f); constantTrue(f); }));
    expect(resultOf(report, 'status-condition-expression').status).toBe('failed');
    for (const id of ERROR_SCENARIOS) expect(resultOf(report, id).status, id).toBe('skipped');
  });
}

test('GET_CBID method POST + CallBackAPI_HTTPRequest unauthenticated + method PUT: the error scenarios, answered 405, are reported under the Method', async () => {
  const report = await gradeMade('GET_CBID method POST', 'CallBackAPI_HTTPRequest unauthenticated', 'CallBackAPI_HTTPRequest method PUT');
  const method = resultOf(report, 'callback-api-method');
  expect([method.status, resultOf(report, 'callback-api-authenticated').status]).toEqual(['failed', 'failed']);
  for (const id of ERROR_SCENARIOS) expect(resultOf(report, id).message, id).toMatch(new RegExp(`got 405, .*\\(reported under “${method.title}”\\)$`));
});

/**
 * A GET_CBID mistake that leaves the variables unfilled beside one that keeps the global error from
 * being raised: whether OnGlobalError runs the Create Task request does not depend on the variables,
 * so the request's simulated calls are reported under the global error's, as with that mistake alone
 * (the GET_CBID call's check still fails on its own).
 */
const NO_GLOBAL_ERROR = ['SetGetResult not connected to SimulateGlobalError', 'SimulateGlobalError given a valid value', 'Undefined Error exit of SimulateGlobalError wired'];

for (const noError of NO_GLOBAL_ERROR) {
  test(`GET_CBID method POST + ${noError}: the Create Task calls are reported under the global error's, as with it alone`, async () => {
    const [pair, alone] = await Promise.all([gradeMade('GET_CBID method POST', noError), gradeMade(noError)]);
    expect(resultOf(pair, 'run-get-cbid-fills-variables').status).toBe('failed');
    expect(resultOf(pair, 'run-global-error-raised').status).toBe('failed');
    for (const id of ['run-task-created', 'run-status-true-on-201', 'run-status-false-on-400', 'run-status-false-on-500']) {
      expect(resultOf(pair, id), id).toMatchObject({ status: 'skipped', message: resultOf(alone, id).message });
    }
  });
}

test('GET_CBID method POST + CallBackAPI_HTTPRequest unauthenticated to /v1/task: the error scenarios, answered 404, are reported under the Request Path, not the connector', async () => {
  // The WxCC API host answers 404 for a path other than /v1/tasks before it reads the token: the
  // answer points at the path, though the connector's check comes first in the mission.
  const report = await grade(mutated((f) => {
    made('GET_CBID method POST', 'CallBackAPI_HTTPRequest unauthenticated')(f);
    props(f, 'CallBackAPI_HTTPRequest').httpRequestUrl = 'https://api.wxcc-us1.cisco.com/v1/task';
  }));
  const path = resultOf(report, 'callback-api-path');
  expect([path.status, resultOf(report, 'callback-api-authenticated').status]).toEqual(['failed', 'failed']);
  for (const id of ERROR_SCENARIOS) expect(resultOf(report, id).message, id).toMatch(new RegExp(`got 404, .*\\(reported under “${path.title}”\\)$`));
});

test('GET_CBID method POST + CallBackAPI_HTTPRequest unauthenticated to the MockAPI host: the error scenarios, answered 404 by MockAPI, are reported under the connector, the first of its failing checks (its Request Path is right)', async () => {
  // A 404 that is not the WxCC API's: no failing check answers it, so the first failing one in mission order.
  const report = await grade(mutated((f) => {
    made('GET_CBID method POST', 'CallBackAPI_HTTPRequest unauthenticated')(f);
    props(f, 'CallBackAPI_HTTPRequest').httpRequestUrl = 'https://674481b1b4e2e04abea27c6e.mockapi.io/v1/tasks';
  }));
  const connector = resultOf(report, 'callback-api-authenticated');
  expect(connector.status).toBe('failed');
  for (const id of ERROR_SCENARIOS) expect(resultOf(report, id).message, id).toMatch(new RegExp(`CallBackAPI_HTTPRequest got 404, .*\\(reported under “${connector.title}”\\)$`));
});

test('GET_CBID method POST + CallBackAPI_HTTPRequest unauthenticated with an Authorization header typed as Basic: the error scenarios, answered 400 for the header, are not judged, reported under the connector', async () => {
  // The Tasks API answers 400 ("Authorization header must be Bearer") before it gives the answer a
  // scenario forces: in the 400 scenario too, that 400 is not the forced one, and HTTPStatusCode was
  // not tried on it. The pair earns no more than each mistake alone.
  const basic = MISTAKES['callback-api-unauthenticated-with-a-basic-authorization-header'];
  const [pair, basicAlone, getAlone] = await Promise.all([grade(mutated((f) => { made('GET_CBID method POST')(f); basic(f); })), grade(mutated(basic)), gradeMade('GET_CBID method POST')]);
  const connector = resultOf(pair, 'callback-api-authenticated');
  expect(connector.status).toBe('failed');
  for (const id of ERROR_SCENARIOS) {
    expect(resultOf(pair, id), id).toMatchObject({ status: 'skipped', message: expect.stringMatching(new RegExp(`^Not judged: with the Tasks API set to answer \\d+, CallBackAPI_HTTPRequest got 400, .*\\(reported under “${connector.title}”\\)$`)) });
  }
  expect(earned(pair)).toBeLessThanOrEqual(Math.min(earned(basicAlone), earned(getAlone)));
  // With the connector, GET_CBID's mistake alone gets the forced answers: judged, and right.
  for (const id of ERROR_SCENARIOS) expect(resultOf(getAlone, id).status, id).toBe('passed');
});
