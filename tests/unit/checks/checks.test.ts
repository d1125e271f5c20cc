/**
 * Every scored check passes on the solution and fails on each input carrying its mistake
 * (pairs.ts); tolerated variations of the solution (mutations.ts) pass every check.
 */
import { test, expect } from '@playwright/test';
import { MISTAKES, TOLERATED, type MistakeName } from './mutations.js';
import { FAILS_ON } from './pairs.js';
import { gradeFlow } from '../../../engine/grade.js';
import { DEFAULT_DYNVARS, type MockApiFilter } from '../../../mocks/index.js';
import { HINTS } from '../../../checks/callback-on-global-error/lib/hints.js';
import { activity, addActivity, addFailingSetVariable, failing, FIXED_NOW, gradeFixture, gradeMutation, link, mission, mutated, props, relabel, resultOf, unlink, variable } from './support.js';

const scored = mission.checks.filter((c) => c.severity !== 'info');

for (const check of scored) {
  test(`${check.id}: passes on the solution`, async () => {
    const result = resultOf(await gradeFixture('flows/solution.json'), check.id);
    expect(result.status, result.message).toBe('passed');
    expect(result.earned).toBe(check.points);
  });

  for (const input of FAILS_ON[check.id] ?? []) {
    test(`${check.id}: fails on ${input}`, async () => {
      const report = input.startsWith('flows/') ? await gradeFixture(input) : await gradeMutation(MISTAKES[input as keyof typeof MISTAKES]);
      const result = resultOf(report, check.id);
      expect(result.status, result.message).toBe('failed');
      expect(result.earned).toBe(0);
      expect(result.message.length).toBeGreaterThan(10);
      expect(result.expected !== undefined || result.traceExcerpt !== undefined, `${check.id} states what was expected`).toBe(true);
    });
  }
}

for (const check of mission.checks.filter((c) => c.severity === 'info')) {
  test(`${check.id}: is information only (never passed, no points)`, async () => {
    const result = resultOf(await gradeFixture('flows/solution.json'), check.id);
    expect(result.status).toBe('info');
    expect(result.points).toBe(0);
    expect(result.earned).toBe(0);
  });
}

for (const [name, mutation] of Object.entries(TOLERATED)) {
  test(`tolerated: ${name} passes every required and recommended check`, async () => {
    const report = await gradeMutation(mutation);
    const notPassed = report.checks.filter((c) => c.severity !== 'info' && c.status !== 'passed').map((c) => `${c.id}: ${c.message}`);
    expect(notPassed).toEqual([]);
    expect(report.verdict).toBe('passed');
  });
}

const LABEL_CHECKS = ['get-cbid-label', 'set-get-result-label', 'simulate-error-label', 'callback-api-label', 'status-condition-label'];

test('a flow labelled otherwise, every reference agreeing, passes every other check: only the recommended label checks fail, each naming the label to give', async () => {
  const cases: [MistakeName, string[]][] = [
    ['get-cbid-relabelled-with-its-reader', ['get-cbid-label']],
    ['set-variables-and-condition-with-default-labels', ['set-get-result-label', 'simulate-error-label', 'status-condition-label']],
    ['callback-api-relabelled-with-its-condition', ['callback-api-label']],
  ];
  for (const [name, labelChecks] of cases) {
    const report = await gradeMutation(MISTAKES[name]);
    const notPassed = report.checks.filter((c) => c.severity !== 'info' && c.status !== 'passed');
    expect(notPassed.map((c) => c.id), name).toEqual(labelChecks);
    expect(report.verdict).toBe('passed');
    expect(report.score).toEqual({ earned: 110 - labelChecks.length, possible: 110 });
    // An activity whose outputs are read (the requests) names its reader to change with it.
    for (const check of notPassed) expect(check.hint, check.id).toMatch(new RegExp(`^${check.actual} → Activity Label: ${check.expected}(; then, where \\w+ reads ${check.actual}\\.\\w+, read ${check.expected}\\.\\w+)?$`));
  }
  const relabelled = resultOf(await gradeMutation(MISTAKES['get-cbid-relabelled-with-its-reader']), 'get-cbid-label');
  expect(relabelled.message).toBe('The HTTP Request after option 3 is labelled HTTPRequest_k2m, not GET_CBID: the name Testing steps 5 and 6 look for in the Debug tool');
  expect(relabelled.hint).toBe('HTTPRequest_k2m → Activity Label: GET_CBID; then, where SetGetResult reads HTTPRequest_k2m.httpResponseBody, read GET_CBID.httpResponseBody');
  // A space after the name, which cannot be seen, is shown.
  const spaced = resultOf(await gradeMutation((f) => {
    relabel(f, 'HTTPStatusCode', 'HTTPStatusCode ');
  }), 'status-condition-label');
  expect([spaced.status, spaced.message, spaced.actual, spaced.hint]).toEqual([
    'failed',
    'The Condition testing the status code is labelled "HTTPStatusCode " (with spaces around the name), not HTTPStatusCode: the name the Debug tool shows for it when Testing step 10 looks at its exit',
    '"HTTPStatusCode "',
    'HTTPStatusCode → Activity Label: HTTPStatusCode',
  ]);
  // The guide's labels in another case, or the older guide's CallBackAPI_Request: passed.
  for (const id of LABEL_CHECKS) expect(resultOf(await gradeMutation(TOLERATED['labels-in-other-case']), id).status, id).toBe('passed');
});

test("a label check passed by the guide's label in another case, or by the older guide's label, names the label the flow gives", async () => {
  const otherCase = await gradeMutation(TOLERATED['labels-in-other-case']);
  expect(resultOf(otherCase, 'set-get-result-label').message).toBe('The Set Variable writing getresult is labelled setGetResult');
  expect(resultOf(otherCase, 'status-condition-label').message).toBe('The Condition testing the status code is labelled httpStatusCode');
  const older = resultOf(await gradeMutation((f) => {
    relabel(f, 'CallBackAPI_HTTPRequest', 'CallBackAPI_Request');
    props(f, 'HTTPStatusCode').expression = '{{CallBackAPI_Request.httpStatusCode == 201}}';
  }), 'callback-api-label');
  expect([older.status, older.message]).toEqual(['passed', 'The Create Task request is labelled CallBackAPI_Request']);
});

test('an event node is named as its canvas shows it (OnGlobalError, not GlobalErrorHandling)', async () => {
  expect(resultOf(await gradeFixture('flows/defect-globalerror-still-to-endflow.json'), 'global-error-not-to-endflow').activity).toBe('OnGlobalError');
});

test('failures point at the activity: label and JSON pointer of the export', async () => {
  const result = resultOf(await gradeFixture('flows/defect-getcbid-method-post.json'), 'get-cbid-method');
  expect(result.activity).toBe('GET_CBID');
  expect(result.pointer).toMatch(/^\/process\/activities\/[0-9a-f-]+$/);
  expect([result.expected, result.actual]).toEqual(['GET', 'POST']);
});

test('a behavioural failure carries the trace entries that show it, on the Build step that caused it', async () => {
  const report = await gradeFixture('flows/defect-simulate-valid-expression.json');
  const result = resultOf(report, 'run-global-error-raised');
  expect(result.step).toBe(6);
  expect(result.traceExcerpt?.[0]).toMatchObject({ activity: 'SimulateGlobalError', outcome: 'out' });
  // Later stages of the same call are not judged on a run that never got there.
  expect(resultOf(report, 'run-task-created').status).toBe('skipped');
  expect(resultOf(report, 'run-status-true-on-201').status).toBe('skipped');
});

test('each error scenario check judges its own scenario: a condition also true on 400 fails only the 400 check, on 500 only the 500 check', async () => {
  // The constant-true fixture and the retry loop fail both checks at once: they cannot tell a check
  // that judged the other scenario's run from one that judged its own.
  const cases: [keyof typeof MISTAKES, string, string][] = [
    ['condition-also-true-on-400', 'run-status-false-on-400', 'run-status-false-on-500'],
    ['condition-also-true-on-500', 'run-status-false-on-500', 'run-status-false-on-400'],
  ];
  for (const [mistake, fails, passes] of cases) {
    const report = await gradeMutation(MISTAKES[mistake]);
    const failing = resultOf(report, fails);
    expect([mistake, failing.status, failing.message, failing.activity]).toEqual([mistake, 'failed', `HTTPStatusCode left by True although the Tasks API answered ${fails.slice(-3)}`, 'HTTPStatusCode']);
    expect([mistake, resultOf(report, passes).status]).toEqual([mistake, 'passed']);
    expect([mistake, resultOf(report, 'run-status-true-on-201').status]).toEqual([mistake, 'passed']);
    expect(report.scenarios.map((s) => [s.id, s.passed])).toEqual([
      ['happy-path', true],
      ['tasks-400', !fails.endsWith('400')],
      ['tasks-500', !fails.endsWith('500')],
    ]);
  }
});

test('HTTPStatusCode\'s False exit leading back to the request: the error scenarios fail on the way on from False, naming HTTPStatusCode', async () => {
  const report = await gradeMutation((f) => link(f, 'HTTPStatusCode', 'false', 'CallBackAPI_HTTPRequest'));
  for (const id of ['run-status-false-on-400', 'run-status-false-on-500']) {
    expect(resultOf(report, id), id).toMatchObject({ status: 'failed', expected: 'False, then the event flow ends (EndFlow)', activity: 'HTTPStatusCode', message: expect.stringMatching(/^HTTPStatusCode left by False when the Tasks API answered \d+, but the event flow did not end: /) });
  }
});

test('the error scenarios are not judged when no task was created: no points for a condition never reached', async () => {
  const report = await gradeFixture('flows/defect-callbackapi-body-invalid-json.json');
  expect(resultOf(report, 'run-task-created').status).toBe('failed');
  for (const id of ['run-status-true-on-201', 'run-status-false-on-400', 'run-status-false-on-500']) {
    expect([id, resultOf(report, id).status, resultOf(report, id).earned]).toEqual([id, 'skipped', 0]);
  }
});

test('a mistake only the simulated call can see fails its behavioural check alone, every static check passing', async () => {
  const cases: [keyof typeof MISTAKES, string, RegExp][] = [
    ['option3-through-a-condition-that-goes-elsewhere', 'run-option3-reaches-get-cbid', /^After option 3 the call never reached GET_CBID \(it went on to CheckHours\)/],
    ['set-get-result-then-a-failing-set-variable', 'run-global-error-raised', /^After SetGetResult the call never reached SimulateGlobalError \(it went on to SetVariable_zz, which failed/],
    ['status-true-plays-a-message', 'run-status-true-on-201', /^The event flow did not end after HTTPStatusCode/],
  ];
  for (const [mistake, id, message] of cases) {
    const report = await gradeMutation(MISTAKES[mistake]);
    expect([mistake, report.checks.filter((c) => c.status === 'failed').map((c) => c.id)]).toEqual([mistake, [id]]);
    expect(resultOf(report, id).message).toMatch(message);
  }
});

test('an OnGlobalError connected to nothing passes Build step 7 and fails Build step 8, which names the connection to make', async () => {
  const report = await gradeMutation(MISTAKES['global-error-not-connected']);
  const step7 = resultOf(report, 'global-error-not-to-endflow');
  expect([step7.status, step7.message]).toEqual(['passed', 'OnGlobalError is no longer connected to EndFlow']);
  const step8 = resultOf(report, 'callback-api-after-global-error');
  expect([step8.status, step8.actual, step8.hint]).toEqual(['failed', 'OnGlobalError not connected', 'Event Flows → connect OnGlobalError to CallBackAPI_HTTPRequest (Build step 8).']);
  expect(resultOf(report, 'run-task-created').hint).toBe('Event Flows → connect OnGlobalError to CallBackAPI_HTTPRequest (Build step 8).');
  expect(report.checks.filter((c) => c.status === 'failed').map((c) => c.id)).toEqual(['callback-api-after-global-error', 'run-task-created']);
});

test('without an OnGlobalError node, the checks of the event flow are not judged and point at the one failure', async () => {
  const report = await gradeMutation(MISTAKES['no-global-error-handler']);
  expect(resultOf(report, 'global-error-not-to-endflow').status).toBe('failed');
  const after = resultOf(report, 'callback-api-after-global-error');
  expect([after.status, after.earned]).toEqual(['skipped', 0]);
  expect(after.message).toContain('reported under');
});

test('a check not judged points to the check that reports why, never to another one not judged', async () => {
  // before-mission: the stages of the simulated call pointed to "the call reaches GET_CBID", itself
  // not judged (no option 3); a missing getresult: to "SetGetResult holds the body", not judged either.
  let pointers = 0;
  for (const fixture of ['flows/before-mission.json', 'flows/defect-variable-missing-getresult.json', 'flows/defect-menu-option3-unlinked.json', 'flows/defect-getcbid-host-typo.json']) {
    const report = await gradeFixture(fixture);
    const byTitle = new Map(report.checks.map((c) => [c.title, c]));
    for (const check of report.checks) {
      const named = /\(reported under “(.*)”\)$/.exec(check.message)?.[1];
      if (named === undefined) continue;
      pointers++;
      expect([fixture, check.id, byTitle.get(named)?.status], check.message).toEqual([fixture, check.id, 'failed']);
    }
  }
  expect(pointers).toBeGreaterThan(10);
});

test('a JSONPath spelled right but for a space outside brackets is told so', async () => {
  const result = resultOf(await gradeMutation(MISTAKES['parse-path-with-a-space-after-the-dot']), 'get-cbid-parse-paths');
  expect(result.message).toContain('customani ← $[0]. tacnumber (expected $[0].tacnumber: a path has no spaces outside brackets)');
});

test('a space typed into the dn parameter\'s name is told so, and the simulated call finds no record either', async () => {
  const report = await gradeMutation(MISTAKES['get-cbid-dn-with-a-space-in-its-name']);
  expect(resultOf(report, 'get-cbid-url').message).toBe(
    'GET_CBID Request URL is wrong: the query parameter "dn " has a space in its name, which is sent with it (MockAPI reads a field other than dn and finds no record): write dn={{NewPhoneContact.DNIS | slice(2) }}',
  );
  expect(resultOf(report, 'run-get-cbid-fills-variables').status).toBe('failed');
});

test('failures state what they found: the actual value beside the expected one', async () => {
  const cases: [keyof typeof MISTAKES, string, string][] = [
    ['get-cbid-dn-hard-coded', 'get-cbid-url', '4694096861'],
    ['callback-api-path-v2', 'callback-api-path', '/v2/tasks'],
    ['callback-api-method-get', 'callback-api-method', 'GET'],
    ['option1-removed', 'want-callback-option3', 'options 2, 3'],
    ['status-condition-reached-only-on-201', 'run-status-false-on-400', 'ended at EndFlow_kid'],
    ['parse-row-writes-CustomANI', 'get-cbid-parse-paths', 'CustomANI'],
    ['parse-path-with-a-space-after-the-dot', 'get-cbid-parse-paths', '$[0]. tacnumber'],
    ['getresult-json-empty', 'variable-getresult', 'JSON'],
  ];
  for (const [mistake, check, found] of cases) {
    const result = resultOf(await gradeMutation(MISTAKES[mistake]), check);
    expect([mistake, result.status, result.actual ?? '']).toEqual([mistake, 'failed', expect.stringContaining(found)]);
  }
});

test('flow-name: with --attendee the name must carry that id', async () => {
  const same = await gradeMutation(() => {}, '140');
  expect(resultOf(same, 'flow-name').status).toBe('passed');
  const other = await gradeMutation(() => {}, '141');
  const result = resultOf(other, 'flow-name');
  expect(result.status).toBe('failed');
  expect(result.expected).toBe('Main_Flow_141');
  // An id of letters and digits is a flow's <ID> too.
  expect(resultOf(await gradeMutation(() => {}, 'A140'), 'flow-name').expected).toBe('Main_Flow_A140');
});

test('flow-name: an --attendee that could be no flow\'s <ID> (a person\'s name typed into the page) names the report only: the flow name is judged as without it', async () => {
  // Alice: letters only, as the page's help invites ("or a name"); it cost a point before.
  for (const name of ['Jane Doe', 'doe.jane', 'Müller', 'Alice']) {
    const report = await gradeMutation(() => {}, name);
    expect([name, resultOf(report, 'flow-name').status, report.attendee.id, report.verdict]).toEqual([name, 'passed', name, 'passed']);
  }
});

test('flow-name: an <ID> of letters beyond ASCII, composed or decomposed, is a flow\'s name as the attendee id taken from it is; an underscore or a space in it is not', async () => {
  for (const [id, status] of [['José', 'passed'], ['Jose\u0301', 'passed'], ['Łukasz7', 'passed'], ['jane_doe', 'failed'], ['José Luis', 'failed']] as const) {
    const report = await gradeMutation((f) => { f.name = `Main_Flow_${id}`; });
    expect([id, resultOf(report, 'flow-name').status], id).toEqual([id, status]);
  }
});

test('flow-name: a subflow export fails whatever its name, and says it is a subflow', async () => {
  for (const name of ['ErrorHandler_Template', 'Main_Flow_140']) {
    const result = resultOf(await gradeMutation((f) => { f.name = name; f.flowType = 'SUBFLOW'; }), 'flow-name');
    expect([result.status, result.message, result.actual]).toEqual(['failed', `The export is a subflow, "${name}", not the flow Main_Flow_<ID>`, `the subflow ${name}`]);
  }
});

test('the checks of the Event Flows, on a subflow export (which has none), hint to export the flow, as flow-name does; on a flow without them, their own hints', async () => {
  const EVENT_CHECKS = ['global-error-not-to-endflow', 'callback-api-after-global-error', 'status-condition-after-callback-api'];
  const noEventFlows = (f: Record<string, unknown>) => { f.eventFlows = { eventsMap: {}, properties: {} }; };
  const subflow = await gradeMutation((f) => { f.name = 'ErrorHandler_Template'; f.flowType = 'SUBFLOW'; noEventFlows(f); });
  const flow = await gradeMutation(noEventFlows);
  const exportFlow = `The export is a subflow, "ErrorHandler_Template", which has no Event Flows. ${HINTS.exportMainFlow}`;
  for (const id of EVENT_CHECKS) {
    const own = mission.checks.find((c) => c.id === id)!.hint;
    expect([id, resultOf(subflow, id).status, resultOf(subflow, id).hint]).toEqual([id, 'failed', exportFlow]);
    expect([id, resultOf(flow, id).status, resultOf(flow, id).hint]).toEqual([id, 'failed', own]);
  }
  expect(resultOf(subflow, 'flow-name').hint).toBe(HINTS.exportMainFlow);
});

test('flow-name: a name with Main_Flow_ inside it, or with no <ID> after it, is not Main_Flow_<ID>', async () => {
  for (const name of ['Copy of Main_Flow_140', 'Main_Flow_']) {
    const report = await gradeMutation((f) => { f.name = name; });
    expect([name, resultOf(report, 'flow-name').status]).toEqual([name, 'failed']);
  }
});

test('the January 2025 labels pass only when every reference agrees', async () => {
  const consistent = await gradeFixture('flows/noise-older-guide-labels.json');
  expect(resultOf(consistent, 'variable-customani').message).toContain('customANI');
  const partial = await gradeMutation(MISTAKES['customani-old-spelling-declared-only']);
  expect(resultOf(partial, 'variable-customani').message).toContain('declared as customANI');
  const spaced = resultOf(await gradeMutation(MISTAKES['customani-declared-with-a-trailing-space']), 'variable-customani');
  expect(spaced.message).toBe('Flow variable customani is declared as "customani ", with spaces around the name: the lab\'s steps use customani');
  const mismatch = await gradeFixture('flows/defect-condition-label-mismatch.json');
  expect(resultOf(mismatch, 'status-condition-expression').message).toContain('it reads CallBackAPI_Request');
});

// The request kept the January 2025 label while the Condition was typed from today's guide: the old
// label is not accepted then (the references disagree), so the report does not tick "labelled
// CallBackAPI_HTTPRequest" beside a Condition failure whose hint is to rename it to that.
test('the older label CallBackAPI_Request fails its label check when the Condition reads CallBackAPI_HTTPRequest', async () => {
  const renamed = resultOf(await gradeMutation(MISTAKES['old-label-with-new-condition']), 'callback-api-label');
  expect([renamed.status, renamed.message, renamed.expected, renamed.actual, renamed.hint]).toEqual([
    'failed',
    'The Create Task request is labelled CallBackAPI_Request, the January 2025 guide\'s label, but HTTPStatusCode reads CallBackAPI_HTTPRequest.httpStatusCode: the name the guide\'s Condition expression of Build step 9 reads ({{CallBackAPI_HTTPRequest.httpStatusCode == 201}})',
    'CallBackAPI_HTTPRequest',
    'CallBackAPI_Request',
    'CallBackAPI_Request → Activity Label: CallBackAPI_HTTPRequest',
  ]);
  // Read under the old label too (either may be kept): still accepted.
  const consistent = resultOf(await gradeFixture('flows/noise-older-guide-labels.json'), 'callback-api-label');
  expect(consistent.status).toBe('passed');
});

test('the scenarios dial the DNIS of the settings and expect the dataset record of that number', async () => {
  const record = { dn: '5551230000', outboundcallbackep: 'aaaaaaaa-1111-4222-8333-444444444444', tacnumber: '+15559876543' };
  const grade = (dnis: string, dynvars = [record]) =>
    gradeFlow(mutated(() => {}), {
      mission,
      fileName: 'Main_Flow_140.json',
      settings: { dnis },
      mocks: { dynvars },
      now: () => new Date(FIXED_NOW),
      tool: { name: 'flowgrade', version: 'test' },
    });
  const own = await grade('+15551230000');
  const behavioural = new Set(mission.checks.filter((c) => c.scenario !== undefined).map((c) => c.id));
  expect(own.checks.filter((c) => behavioural.has(c.id) && c.status !== 'passed').map((c) => `${c.id}: ${c.message}`)).toEqual([]);
  const task = resultOf(own, 'run-task-created');
  expect(task.status).toBe('passed');
  // A DNIS the dataset does not know: GET_CBID gets [], the variables stay empty.
  const unknown = await grade('+15550000000');
  const result = resultOf(unknown, 'run-get-cbid-fills-variables');
  expect(result.status).toBe('failed');
  expect(result.traceExcerpt?.[0].activity).toBe('GET_CBID');
});

test('a --dynvars dataset whose record for the dialled number has no tacnumber: the grader setup is named, and the stages that read the variables GET_CBID fills are not judged, as when it leaves them unfilled', async () => {
  // The dataset's schema asks only for dn: GET_CBID gets the record (200) and the solution parses it.
  const record = { dn: '5551230000', outboundcallbackep: 'aaaaaaaa-1111-4222-8333-444444444444' };
  const report = await gradeFlow(mutated(() => {}), { mission, fileName: 'Main_Flow_140.json', settings: { dnis: '+15551230000' }, mocks: { dynvars: [record] }, now: () => new Date(FIXED_NOW), tool: { name: 'flowgrade', version: 'test' } });
  const filled = resultOf(report, 'run-get-cbid-fills-variables');
  expect(filled).toMatchObject({ status: 'failed', message: 'The DynVars dataset has no record for dn 5551230000 (grader setup: check --dnis / --dynvars)' });
  expect(filled.traceExcerpt?.map((e) => e.activity)).toEqual(['GET_CBID']);
  // Read as GET_CBID's variables unfilled: the stages that read neither are judged, the request and its status are not.
  expect(resultOf(report, 'run-getresult-holds-body').status).toBe('passed');
  for (const id of ['run-task-created', 'run-status-true-on-201']) expect(resultOf(report, id).status, id).toBe('skipped');
});

test('a --dynvars dataset where a record whose dn holds the dialled one comes first: the grading expects what the mock answers GET_CBID, the first record its filter matches, as the guide\'s $[0] paths read it', async () => {
  const lab = DEFAULT_DYNVARS[0];
  const longer = { ...lab, dn: `1${lab.dn}`, outboundcallbackep: 'bbbbbbbb-1111-4222-8333-444444444444', tacnumber: '+14085550000' };
  const gradeWith = (mockapiFilter: MockApiFilter) =>
    gradeFlow(mutated(() => {}), { mission, fileName: 'Main_Flow_140.json', mocks: { dynvars: [longer, lab], mockapiFilter }, now: () => new Date(FIXED_NOW), tool: { name: 'flowgrade', version: 'test' } });
  for (const mockapiFilter of ['contains', 'exact'] as const) {
    const report = await gradeWith(mockapiFilter);
    expect(report.checks.filter((c) => c.status === 'failed').map((c) => `${c.id}: ${c.message}`), mockapiFilter).toEqual([]);
    expect(resultOf(report, 'run-status-true-on-201').status, mockapiFilter).toBe('passed');
    // The task's destination is the record's callback number the mock's filter answered first.
    const body = report.scenarios.find((s) => s.id === 'happy-path')!.trace.find((e) => e.activity === 'CallBackAPI_HTTPRequest')!.http!.requestBody!;
    expect(JSON.parse(body).destination, mockapiFilter).toBe(mockapiFilter === 'contains' ? longer.tacnumber : lab.tacnumber);
  }
});

test('a GET_CBID left with another Activity Label is named as the cause, not the reference to it', async () => {
  const result = resultOf(await gradeMutation(MISTAKES['get-cbid-default-label']), 'set-get-result-value');
  expect(result.message).toBe('SetGetResult reads GET_CBID.httpResponseBody, but the HTTP Request after option 3 is labelled HTTPRequest_k2m: set its Activity Label to GET_CBID (Build step 4)');
  expect(result.activity).toBe('HTTPRequest_k2m');
});

test('GET_CBID labelled in another case, read as GET_CBID: SetGetResult\'s failure says names are case-sensitive, beside its label check failing with the same edit', async () => {
  const report = await gradeMutation((f) => relabel(f, 'GET_CBID', 'Get_CBID'));
  const value = resultOf(report, 'set-get-result-value');
  expect([value.status, value.message, value.expected, value.actual, value.hint]).toEqual([
    'failed',
    'SetGetResult reads GET_CBID.httpResponseBody, but the HTTP Request after option 3 is labelled Get_CBID (names are case-sensitive): set its Activity Label to GET_CBID (Build step 4)',
    'an HTTP Request labelled GET_CBID',
    'labelled Get_CBID',
    'Get_CBID → Activity Label: GET_CBID (Build step 4).',
  ]);
  expect(resultOf(report, 'get-cbid-label')).toMatchObject({ status: 'failed', hint: 'Get_CBID → Activity Label: GET_CBID' });
});

test('a variable type is named as Flow Designer lists it', async () => {
  const result = resultOf(await gradeFixture('flows/defect-variable-outdialcbid-integer.json'), 'variable-outdialcbid');
  expect([result.message, result.actual]).toEqual(['Flow variable outdialcbid has type Integer, not String', 'Integer']);
});

test('a condition comparing with "201" in quotes says why it fails; an empty option description says it is missing', async () => {
  const quoted = resultOf(await gradeMutation(MISTAKES['condition-compares-text-201']), 'status-condition-expression');
  expect(quoted.message).toContain(': "201" in quotes is text, and the status code is the number 201');
  const undescribed = await gradeMutation((f) => {
    const p = props(f, 'WantCallback');
    p['menuLinks:input'] = p.menuLinks_input = ['Callback', 'Stay in queue', ''];
  });
  expect(resultOf(undescribed, 'want-callback-option3-description').message).toBe('Option 3 of WantCallback has no Link Description');
});

test('an activity built on the wrong canvas is named where it is, not as missing', async () => {
  const report = await gradeMutation((f) => {
    const events = f.eventFlows.eventsMap.GLOBAL_EVENTS.process;
    const api = activity(f, 'CallBackAPI_HTTPRequest');
    delete events.activities[api.id];
    events.links = events.links.filter((l: { sourceActivityId: string; targetActivityId: string }) => l.sourceActivityId !== api.id && l.targetActivityId !== api.id);
    f.process.activities[api.id] = api;
  });
  const result = resultOf(report, 'callback-api-after-global-error');
  expect(result.message).toBe('CallBackAPI_HTTPRequest was built in the main flow; it belongs in the Event Flows');
  expect(result.activity).toBe('CallBackAPI_HTTPRequest');
  const later = resultOf(report, 'callback-api-method');
  expect([later.status, later.message]).toEqual(['skipped', `Not judged: ${result.message} (reported under “${result.title}”)`]);
  // The simulated call that could not reach it shares the cause: reported once, not as missing.
  const run = resultOf(report, 'run-task-created');
  expect([run.status, run.message.endsWith(`(reported under “${result.title}”)`)]).toEqual(['skipped', true]);
});

test('GET_CBID built in the Event Flows: reported once, where it is, by get-cbid-after-option3; the simulated call that cannot reach it points there', async () => {
  const report = await gradeMutation((f) => {
    const get = activity(f, 'GET_CBID');
    delete f.process.activities[get.id];
    f.process.links = f.process.links.filter((l: { sourceActivityId: string; targetActivityId: string }) => l.sourceActivityId !== get.id && l.targetActivityId !== get.id);
    f.eventFlows.eventsMap.GLOBAL_EVENTS.process.activities[get.id] = get;
    link(f, 'WantCallback', '3', 'SetGetResult');
    link(f, 'GlobalErrorHandling', 'out', 'GET_CBID');
    link(f, 'GET_CBID', 'default', 'CallBackAPI_HTTPRequest');
  });
  const first = resultOf(report, 'get-cbid-after-option3');
  expect([first.status, first.message]).toEqual(['failed', 'GET_CBID was built in the Event Flows; it belongs in the main flow']);
  // Before, it failed on its own: "There is no HTTP Request GET_CBID for option 3 to reach".
  const run = resultOf(report, 'run-option3-reaches-get-cbid');
  expect([run.status, run.message.endsWith(`(reported under “${first.title}”)`)]).toEqual(['skipped', true]);
});

test('a missing activity is reported once, by the first check that needs it; the others point to it, with the same score and verdict', async () => {
  const report = await gradeFixture('flows/before-mission.json');
  const first = resultOf(report, 'get-cbid-after-option3');
  expect([first.status, first.message, first.actual]).toEqual(['failed', 'The HTTP Request activity GET_CBID was not found in the main flow', 'no such activity']);
  const needGetCbid = ['get-cbid-unauthenticated', 'get-cbid-method', 'get-cbid-url', 'get-cbid-content-type', 'get-cbid-parse-json', 'get-cbid-parse-paths'];
  for (const id of needGetCbid) {
    const later = resultOf(report, id);
    expect([id, later.status, later.earned, later.message], id).toEqual([id, 'skipped', 0, `Not judged: ${first.message} (reported under “${first.title}”)`]);
    expect(later.expected, id).toBeUndefined();
  }
  // Every failure of the flow before the mission has its own cause; each missing activity is
  // reported by the check that connects it, whose hint says to add it.
  const messages = report.checks.filter((c) => c.status === 'failed').map((c) => c.message);
  expect(new Set(messages).size).toBe(messages.length);
  const missingHints = report.checks.filter((c) => c.status === 'failed' && c.actual === 'no such activity').map((c) => [c.id, /\badd an? /i.test(c.hint)]);
  expect(missingHints).toEqual([
    ['get-cbid-after-option3', true],
    ['set-get-result-after-get-cbid', true],
    ['simulate-error-after-set-get-result', true],
    ['callback-api-after-global-error', true],
    ['status-condition-after-callback-api', true],
  ]);
  expect([report.verdict, report.score]).toEqual(['failed', { earned: 3, possible: 110 }]);
});

test('a missing activity is one failure, not also a simulated call that could not reach it', async () => {
  const report = await gradeMutation((f) => {
    const get = activity(f, 'GET_CBID');
    delete f.process.activities[get.id];
    f.process.links = f.process.links.filter((l: { sourceActivityId: string; targetActivityId: string }) => l.sourceActivityId !== get.id && l.targetActivityId !== get.id);
  });
  const first = resultOf(report, 'get-cbid-after-option3');
  expect([first.status, first.message]).toEqual(['failed', 'The HTTP Request activity GET_CBID was not found in the main flow']);
  const run = resultOf(report, 'run-option3-reaches-get-cbid');
  expect([run.status, run.message]).toEqual(['skipped', `Not judged: There is no HTTP Request GET_CBID for option 3 to reach (reported under “${first.title}”)`]);
  expect(report.checks.filter((c) => c.status === 'failed').map((c) => c.id)).toEqual(['get-cbid-after-option3']);
  const described = resultOf(await gradeFixture('flows/before-mission.json'), 'want-callback-option3-description');
  expect(described.message).toBe('Not judged: WantCallback has no option 3 to describe (reported under “WantCallback has option 3”)');
});

test('a variable declared in another case: the message names the spelling found, the hint says to rename it', async () => {
  const report = await gradeMutation((f) => {
    variable(f, 'getresult').name = 'getResult';
  });
  const result = resultOf(report, 'variable-getresult');
  expect([result.status, result.message, result.actual]).toEqual(['failed', "Flow variable getresult is declared as getResult: names are case-sensitive, and the lab's steps use getresult", 'getResult']);
  expect(result.hint).toBe('Global Flow Properties → Custom Variables → Flow Variables → getResult: rename it getresult, and use that name wherever the flow sets or reads it.');
});

test('an activity of the wrong type is reported once too', async () => {
  const report = await gradeMutation((f) => {
    activity(f, 'GET_CBID').properties.activityName = 'set-variable';
  });
  const failures = report.checks.filter((c) => c.status === 'failed' && c.message === 'GET_CBID is a Set Variable activity, not an HTTP Request');
  expect(failures.map((c) => c.id)).toEqual(['get-cbid-after-option3']);
  expect(resultOf(report, 'get-cbid-method').message).toBe(`Not judged: ${failures[0].message} (reported under “${failures[0].title}”)`);
});

test('when the activity exists, a link failure hints at the connection, not at adding the activity', async () => {
  const option3 = resultOf(await gradeFixture('flows/defect-menu-option3-to-newnumber.json'), 'get-cbid-after-option3');
  expect(option3.hint).toBe('Drag the connection of WantCallback option 3 from NewNumber to GET_CBID (Build step 4).');
  const handler = resultOf(await gradeFixture('flows/defect-globalerror-still-to-endflow.json'), 'callback-api-after-global-error');
  expect(handler.hint).toMatch(/^Event Flows → delete the connection from OnGlobalError to \S+ \(Build step 7\), then connect OnGlobalError to CallBackAPI_HTTPRequest \(Build step 8\)\.$/);
  const missingNode = resultOf(await gradeFixture('flows/before-mission.json'), 'get-cbid-after-option3');
  expect(missingNode.hint).toBe(mission.checks.find((c) => c.id === 'get-cbid-after-option3')!.hint); // none yet: add it
});

test('every link failure between activities that exist hints at the connection, never at adding the activity', async () => {
  const cases: [Parameters<typeof gradeMutation>[0], string, string][] = [
    [MISTAKES['get-cbid-not-linked'], 'set-get-result-after-get-cbid', 'Connect GET_CBID to SetGetResult (Build step 5).'],
    [MISTAKES['get-cbid-skips-set-get-result'], 'set-get-result-after-get-cbid', 'Drag the connection of GET_CBID from SimulateGlobalError to SetGetResult (Build step 5).'],
    [MISTAKES['set-get-result-skips-simulate-error'], 'simulate-error-after-set-get-result', 'Drag the connection of SetGetResult from DisconnectContact_g9e to SimulateGlobalError (Build step 6).'],
    [MISTAKES['callback-api-straight-to-end'], 'status-condition-after-callback-api', 'Event Flows → drag the connection of CallBackAPI_HTTPRequest from EndFlow_kid to HTTPStatusCode (Build step 9).'],
    [MISTAKES['callback-api-not-linked'], 'status-condition-after-callback-api', 'Event Flows → connect CallBackAPI_HTTPRequest to HTTPStatusCode (Build step 9).'],
  ];
  for (const [mistake, id, hint] of cases) {
    const result = resultOf(await gradeMutation(mistake), id);
    expect([id, result.status, result.hint]).toEqual([id, 'failed', hint]);
  }
});

test('another menu exit leading into the error chain hints at moving that exit back, not at adding GET_CBID', async () => {
  const cases: [keyof typeof MISTAKES, string][] = [
    ['option1-also-to-get-cbid', 'Drag the connection of WantCallback option 1 from GET_CBID to NewNumber, as Callback Mission 2 left it: only option 3 may lead to GET_CBID.'],
    ['no-input-to-get-cbid', 'Drag the connection of the No-Input Timeout exit of WantCallback from GET_CBID to WantCallback, as Callback Mission 2 left it: only option 3 may lead to GET_CBID.'],
    ['option2-to-set-get-result', 'Drag the connection of WantCallback option 2 from SetGetResult to Music, as Callback Mission 2 left it: only option 3 may lead to GET_CBID.'],
  ];
  for (const [mistake, hint] of cases) {
    const result = resultOf(await gradeMutation(MISTAKES[mistake]), 'get-cbid-after-option3');
    expect([mistake, result.status, result.hint]).toEqual([mistake, 'failed', hint]);
  }
});

test('another event handler leading to the Create Task request hints at connecting it back to its End Flow, not at adding the request', async () => {
  const result = resultOf(await gradeMutation(MISTAKES['phone-contact-ended-creates-a-task']), 'callback-api-after-global-error');
  expect([result.status, result.hint]).toEqual(['failed', 'Event Flows → connect PhoneContactEnded to an End Flow again, not to CallBackAPI_HTTPRequest: only OnGlobalError may lead to a Create Task request.']);
  const copy = resultOf(await gradeMutation(MISTAKES['phone-contact-ended-runs-a-copy-of-the-request']), 'callback-api-after-global-error');
  expect([copy.status, copy.hint]).toEqual(['failed', 'Event Flows → connect PhoneContactEnded to an End Flow again, not to HTTPRequest_dup: only OnGlobalError may lead to a Create Task request.']);
  const through = resultOf(
    await gradeMutation((f) => {
      addActivity(f, 'CallBackAPI_HTTPRequest', 'SetVariable_p1', { activityName: 'set-variable', srcVariable: 'getresult', setTo: 'set-to-literal', expr: 'x' }, 'set-variable');
      link(f, 'ContactEnded', 'out', 'SetVariable_p1');
      link(f, 'SetVariable_p1', 'out', 'CallBackAPI_HTTPRequest');
    }),
    'callback-api-after-global-error',
  );
  expect([through.status, through.hint]).toEqual(['failed', 'Event Flows → remove the connection that leads PhoneContactEnded on to CallBackAPI_HTTPRequest: only OnGlobalError may lead to a Create Task request.']);
});

test('a Create Task request switched to an unauthenticated endpoint, its path still in Request Path, names the toggle, not the path', async () => {
  const result = resultOf(await gradeMutation(MISTAKES['callback-api-unauthenticated-with-connector']), 'callback-api-path');
  expect([result.status, result.message, result.hint]).toEqual([
    'failed',
    'CallBackAPI_HTTPRequest has no Request URL (Use Authenticated Endpoint is Off; the path is in Request Path: /v1/tasks)',
    HINTS.callbackApiAuthenticated,
  ]);
});

test('a simulated call that fails on a variable of the wrong type hints at the variable', async () => {
  // A variable of the attendee's own (a mission variable's type is reported by its Build step 2 check).
  const report = await gradeMutation((f) => {
    f.variables.push({ ...variable(f, 'getresult'), name: 'tries', type: 'INTEGER', value: '0' });
    addActivity(f, 'WantCallback', 'CountTries', { activityName: 'set-variable', activityId: 'set-variable', srcVariable: 'tries', srcVariableType: 'INTEGER', setTo: 'set-to-literal', expr: 'one' }, 'set-variable');
    link(f, 'WantCallback', '3', 'CountTries');
    link(f, 'CountTries', 'out', 'GET_CBID');
  });
  const result = resultOf(report, 'run-option3-reaches-get-cbid');
  expect(result.status).toBe('failed');
  expect(result.message).toMatch(/cannot store .* in Integer variable 'tries'/);
  expect(result.hint).toBe('Global Flow Properties → Custom Variables → Flow Variables → tries: set Type to String, as Build step 2 asks.');
});

test('a simulated call that goes wrong on a known setting hints at that setting, not at the whole activity', async () => {
  const cases: [string, string, string][] = [
    ['defect-getcbid-authenticated', 'run-get-cbid-fills-variables', HINTS.getCbidUnauthenticated],
    ['defect-getcbid-method-post', 'run-get-cbid-fills-variables', HINTS.getCbidMethod],
    ['defect-getcbid-host-typo', 'run-get-cbid-fills-variables', HINTS.getCbidUrl],
    ['defect-getcbid-path-typo', 'run-get-cbid-fills-variables', HINTS.getCbidUrl],
    ['defect-getcbid-url-without-slice', 'run-get-cbid-fills-variables', HINTS.getCbidUrl], // MockAPI found no record for that dn
    ['defect-getcbid-outputs-swapped', 'run-get-cbid-fills-variables', 'GET_CBID → Parsing Settings: change the Path Expression of outdialcbid to $[0].outboundcallbackep and of customani to $[0].tacnumber.'],
    ['defect-callbackapi-unauthenticated', 'run-task-created', HINTS.callbackApiAuthenticated],
    ['defect-callbackapi-path-v1-task', 'run-task-created', HINTS.callbackApiPath],
    ['defect-callbackapi-method-put', 'run-task-created', HINTS.callbackApiMethod],
    ['defect-callbackapi-body-without-callback', 'run-task-created', HINTS.callbackApiBody],
  ];
  for (const [fixture, id, hint] of cases) expect([fixture, resultOf(await gradeFixture(`flows/${fixture}.json`), id).hint]).toEqual([fixture, hint]);
  // No setting to blame (the handler never reached the request): the connection to make.
  const unreached = resultOf(await gradeFixture('flows/defect-globalerror-still-to-endflow.json'), 'run-task-created');
  expect(unreached.hint).toBe('Event Flows → delete the connection from OnGlobalError to EndFlow_kid (Build step 7), then connect OnGlobalError to CallBackAPI_HTTPRequest (Build step 8).');
});

test('exits are named as the canvas names them in what a failure shows', async () => {
  expect(resultOf(await gradeFixture('flows/defect-menu-option3-to-newnumber.json'), 'get-cbid-after-option3').actual).toBe('WantCallback option 3 → NewNumber');
  expect(resultOf(await gradeFixture('flows/defect-setgetresult-not-linked.json'), 'simulate-error-after-set-get-result').actual).toBe('SetGetResult: its exit is not connected');
});

/** Status, message, actual and hint of a check's result. */
const said = (result: { status: string; message: string; actual?: string; hint?: string }) => [result.status, result.message, result.actual, result.hint];

test('a connection made from the wrong exit of the right activity is reported as such, not as "not connected", with the connection to move', async () => {
  // The UX audit's export: SetGetResult wired from GET_CBID's Undefined Error exit, its success exit open.
  const getCbid = await gradeMutation((f) => {
    unlink(f, 'GET_CBID', 'default');
    link(f, 'GET_CBID', 'error', 'SetGetResult');
  });
  const move = 'GET_CBID → move the connection to SetGetResult from its Undefined Error exit to its success exit.';
  expect(said(resultOf(getCbid, 'set-get-result-after-get-cbid'))).toEqual([
    'failed',
    'SetGetResult is connected to the Undefined Error exit of GET_CBID, not to its success exit',
    'GET_CBID: SetGetResult is connected to its Undefined Error exit, not to its success exit',
    move,
  ]);
  const run = resultOf(getCbid, 'run-getresult-holds-body');
  expect([run.status, run.message, run.hint]).toEqual(['failed', 'After GET_CBID the call never reached SetGetResult (SetGetResult is connected to the Undefined Error exit of GET_CBID, not to its success exit)', move]);

  // The same mistake on a Set Variable, whose Undefined Error exit the canvas does show (fixture).
  const setGetResult = await gradeFixture('flows/defect-setgetresult-error-exit-linked.json');
  const moveSet = 'SetGetResult → move the connection to SimulateGlobalError from its Undefined Error exit to its success exit.';
  expect(said(resultOf(setGetResult, 'simulate-error-after-set-get-result'))).toEqual([
    'failed',
    'SimulateGlobalError is connected to the Undefined Error exit of SetGetResult, not to its success exit',
    'SetGetResult: SimulateGlobalError is connected to its Undefined Error exit, not to its success exit',
    moveSet,
  ]);
  const raised = resultOf(setGetResult, 'run-global-error-raised');
  expect([raised.status, raised.message, raised.hint]).toEqual(['failed', 'After SetGetResult the call never reached SimulateGlobalError (SimulateGlobalError is connected to the Undefined Error exit of SetGetResult, not to its success exit)', moveSet]);

  // Options 2 and 3 of WantCallback swapped (fixture): each check names the option holding its connection.
  const swapped = await gradeFixture('flows/defect-menu-options-2-and-3-swapped.json');
  const moveGet = 'WantCallback → move the connection to GET_CBID from option 2 to option 3, in place of the one to Music.';
  expect(said(resultOf(swapped, 'get-cbid-after-option3'))).toEqual([
    'failed',
    'GET_CBID is connected to option 2 of WantCallback, not to option 3',
    'WantCallback: GET_CBID is connected to option 2, not to option 3 (option 3 → Music)',
    moveGet,
  ]);
  expect(said(resultOf(swapped, 'want-callback-option2-regression'))).toEqual([
    'failed',
    'Music is connected to option 3 of WantCallback, not to option 2',
    'WantCallback: Music is connected to option 3, not to option 2 (option 2 → GET_CBID)',
    'WantCallback → move the connection to Music from option 3 to option 2, in place of the one to GET_CBID.',
  ]);
  expect(resultOf(swapped, 'run-option3-reaches-get-cbid').hint).toBe(moveGet);

  // The Disconnect Contact on SimulateGlobalError's Undefined Error exit, its success exit open.
  const disconnect = await gradeMutation((f) => {
    unlink(f, 'SimulateGlobalError', 'out');
    link(f, 'SimulateGlobalError', 'error', 'DisconnectContact_g9e');
  });
  expect(said(resultOf(disconnect, 'simulate-error-to-disconnect'))).toEqual([
    'failed',
    'DisconnectContact_g9e is connected to the Undefined Error exit of SimulateGlobalError, not to its success exit',
    'SimulateGlobalError: DisconnectContact_g9e is connected to its Undefined Error exit, not to its success exit',
    'SimulateGlobalError → move the connection to DisconnectContact_g9e from its Undefined Error exit to its success exit.',
  ]);

  // Option 1's NewNumber on option 2, option 1 open; in the Event Flows, HTTPStatusCode on the request's Undefined Error exit.
  const option1 = resultOf(
    await gradeMutation((f) => {
      unlink(f, 'WantCallback', '1');
      link(f, 'WantCallback', '2', 'NewNumber');
    }),
    'want-callback-option1-regression',
  );
  expect(said(option1)).toEqual([
    'failed',
    'NewNumber is connected to option 2 of WantCallback, not to option 1',
    'WantCallback: NewNumber is connected to option 2, not to option 1',
    'WantCallback → move the connection to NewNumber from option 2 to option 1.',
  ]);
  const events = resultOf(
    await gradeMutation((f) => {
      unlink(f, 'CallBackAPI_HTTPRequest', 'default');
      link(f, 'CallBackAPI_HTTPRequest', 'error', 'HTTPStatusCode');
    }),
    'status-condition-after-callback-api',
  );
  expect(said(events)).toEqual([
    'failed',
    'HTTPStatusCode is connected to the Undefined Error exit of CallBackAPI_HTTPRequest, not to its success exit',
    'CallBackAPI_HTTPRequest: HTTPStatusCode is connected to its Undefined Error exit, not to its success exit',
    'Event Flows → move the connection to HTTPStatusCode from the Undefined Error exit of CallBackAPI_HTTPRequest to its success exit.',
  ]);
});

test('HTTPStatusCode with EndFlow on its Undefined Error exit instead of its True exit says so; its False exit, which leads there too, is not the wrong one', async () => {
  const result = resultOf(
    await gradeMutation((f) => {
      unlink(f, 'HTTPStatusCode', 'true');
      link(f, 'HTTPStatusCode', 'error', 'EndFlow_kid');
    }),
    'status-condition-exits-to-endflow',
  );
  expect(said(result)).toEqual([
    'failed',
    'HTTPStatusCode: EndFlow_kid is connected to its Undefined Error exit, not to its True exit',
    'EndFlow_kid is connected to its Undefined Error exit, not to its True exit',
    'Event Flows → move the connection to EndFlow_kid from the Undefined Error exit of HTTPStatusCode to its True exit.',
  ]);
  // Both open, the Undefined Error exit to EndFlow: it is the wrong one for one of them only.
  const both = resultOf(
    await gradeMutation((f) => {
      unlink(f, 'HTTPStatusCode', 'true');
      unlink(f, 'HTTPStatusCode', 'false');
      link(f, 'HTTPStatusCode', 'error', 'EndFlow_kid');
    }),
    'status-condition-exits-to-endflow',
  );
  expect(said(both)).toEqual([
    'failed',
    'HTTPStatusCode: EndFlow_kid is connected to its Undefined Error exit, not to its True exit; the False exit is not connected',
    'EndFlow_kid is connected to its Undefined Error exit, not to its True exit; the False exit is not connected',
    mission.checks.find((c) => c.id === 'status-condition-exits-to-endflow')!.hint,
  ]);
  const open = resultOf(await gradeMutation(MISTAKES['status-true-unlinked']), 'status-condition-exits-to-endflow');
  expect([open.status, open.message]).toEqual(['failed', 'HTTPStatusCode: the True exit is not connected']);
});

test('the Create Task request connected to another event handler instead of OnGlobalError is reported as such, with the connection to move', async () => {
  const cases: [string, Parameters<typeof gradeMutation>[0], string, string][] = [
    [
      'OnGlobalError left open',
      (f) => {
        unlink(f, 'GlobalErrorHandling', 'out');
        link(f, 'FCAsk(ContactLastAgentRemoved)', 'out', 'CallBackAPI_HTTPRequest');
      },
      'AgentDisconnected → CallBackAPI_HTTPRequest, OnGlobalError not connected',
      'Event Flows → move the connection to CallBackAPI_HTTPRequest from AgentDisconnected to OnGlobalError, then connect AgentDisconnected to an End Flow again: only OnGlobalError may lead to a Create Task request.',
    ],
    [
      'OnGlobalError still to EndFlow',
      (f) => {
        link(f, 'GlobalErrorHandling', 'out', 'EndFlow_kid');
        link(f, 'FCAsk(ContactLastAgentRemoved)', 'out', 'CallBackAPI_HTTPRequest');
      },
      'AgentDisconnected → CallBackAPI_HTTPRequest, OnGlobalError → EndFlow_kid',
      'Event Flows → move the connection to CallBackAPI_HTTPRequest from AgentDisconnected to OnGlobalError, in place of the one to EndFlow_kid, then connect AgentDisconnected to an End Flow again: only OnGlobalError may lead to a Create Task request.',
    ],
  ];
  for (const [name, mutation, actual, hint] of cases) {
    const result = resultOf(await gradeMutation(mutation), 'callback-api-after-global-error');
    expect([name, ...said(result)]).toEqual([name, 'failed', 'CallBackAPI_HTTPRequest is connected to AgentDisconnected, not to OnGlobalError', actual, hint]);
  }
});

test('the Create Task request connected to CallbackFailed instead of OnGlobalError: its connection moved, and no "connect CallbackFailed to an End Flow again", as the template leaves it unconnected', async () => {
  const result = resultOf(
    await gradeMutation((f) => {
      link(f, 'GlobalErrorHandling', 'out', 'EndFlow_kid');
      link(f, 'ContactCallbackFailed', 'out', 'CallBackAPI_HTTPRequest');
    }),
    'callback-api-after-global-error',
  );
  expect(said(result)).toEqual([
    'failed',
    'CallBackAPI_HTTPRequest is connected to CallbackFailed, not to OnGlobalError',
    'CallbackFailed → CallBackAPI_HTTPRequest, OnGlobalError → EndFlow_kid',
    'Event Flows → move the connection to CallBackAPI_HTTPRequest from CallbackFailed to OnGlobalError, in place of the one to EndFlow_kid: only OnGlobalError may lead to a Create Task request.',
  ]);
});

test('a connection the right exit lacks is still "not connected" when no other exit of the activity holds it either', async () => {
  // WantCallback's own loops (No-Input Timeout, Unmatched Entry) and its Undefined Error exit to an End Flow are not the connection looked for.
  const open = resultOf(await gradeFixture('flows/defect-menu-option3-unlinked.json'), 'get-cbid-after-option3');
  expect(said(open)).toEqual(['failed', 'Option 3 of WantCallback is not connected to GET_CBID', 'option 3 not connected', 'Connect WantCallback option 3 to GET_CBID (Build step 4).']);
  // A way from the success exit leads there too, and the call took the other branch of a Condition on it: that is what the run says.
  const branch = await gradeMutation((f) => {
    addActivity(f, 'GET_CBID', 'CheckBody', { activityName: 'condition-activity', activityId: 'condition-activity', expression: '{{ 1 == 2 }}' }, 'enum-gateway');
    link(f, 'GET_CBID', 'default', 'CheckBody');
    link(f, 'CheckBody', 'true', 'SetGetResult');
    link(f, 'GET_CBID', 'error', 'SetGetResult');
  });
  expect(resultOf(branch, 'set-get-result-after-get-cbid').status).toBe('passed');
  const run = resultOf(branch, 'run-getresult-holds-body');
  expect([run.status, run.message, run.hint]).toEqual(['failed', 'After GET_CBID the call never reached SetGetResult (it went on to CheckBody)', expect.not.stringContaining('move the connection')]);
  const elsewhere = resultOf(await gradeMutation(MISTAKES['get-cbid-skips-set-get-result']), 'set-get-result-after-get-cbid');
  expect(said(elsewhere)).toEqual(['failed', 'GET_CBID does not lead to SetGetResult', 'GET_CBID → SimulateGlobalError', 'Drag the connection of GET_CBID from SimulateGlobalError to SetGetResult (Build step 5).']);
});

test('a call stopped by an activity flowgrade cannot simulate is not judged, and no fix is suggested for it', async () => {
  const report = await gradeMutation((f) => {
    addActivity(f, 'WelcomePrompt', 'QueueInfo_y', { activityName: 'queue-lookup' });
    link(f, 'SetVariable_c7q', 'out', 'QueueInfo_y');
    link(f, 'QueueInfo_y', 'default', 'WelcomePrompt');
  });
  const reach = resultOf(report, 'run-option3-reaches-get-cbid');
  expect(reach.status, reach.message).toBe('skipped');
  expect(reach.message).toBe(
    "Not judged: the simulated call stopped at QueueInfo_y: activity type 'queue-lookup' (QueueInfo_y) is not simulated; make this Testing step with a real call and the Debug tool",
  );
  expect(resultOf(report, 'run-task-created').message).toContain('the simulated call stopped earlier');
  expect(report.checks.filter((c) => c.status === 'failed').map((c) => c.id)).toEqual([]);
  expect(report.verdict).toBe('failed'); // nothing proves the callback works
});

test('a Subflow on the way (TS-2026 Core Mission 6 after Callback Mission 1: right after the Queue) is taken to return by its default exit, and the summary says so', async () => {
  // Before: the call stopped there not simulated, every simulated check was not judged, and a working flow FAILED.
  const report = await gradeMutation((f) => {
    addActivity(f, 'Queue', 'Subflow_140', { activityName: 'subflow-handoff', subflowName: 'WaitTreatment', subflowOutputVariables: [] });
    link(f, 'Queue', 'default', 'Subflow_140');
    link(f, 'Subflow_140', 'default', 'WantCallback');
    link(f, 'Subflow_140', 'error', 'EndFlow_p88');
  });
  expect(report.verdict).toBe('passed');
  const happy = report.scenarios.find((scenario) => scenario.id === 'happy-path')!;
  expect(happy.trace.find((entry) => entry.activity === 'Subflow_140')?.outcome).toBe('default');
  expect(happy.summary).toContain('; not simulated: the Subflow Subflow_140, taken to return by its default exit: its flow is not in this export');
});

test('a call that leaves the path because another activity failed names that activity and its error', async () => {
  const report = await gradeMutation((f) => {
    addFailingSetVariable(f, 'SetGetResult', 'SetVariable_zz');
    link(f, 'SetGetResult', 'out', 'SetVariable_zz');
    link(f, 'SetVariable_zz', 'out', 'SimulateGlobalError');
  });
  const raised = resultOf(report, 'run-global-error-raised');
  expect(raised.status).toBe('failed');
  expect(raised.message).toMatch(/^After SetGetResult the call never reached SimulateGlobalError \(it went on to SetVariable_zz, which failed: .*nosuchfilter/);
});

test('a menu with Text-to-Speech switched off is said to play audio prompts', async () => {
  const result = resultOf(await gradeMutation(MISTAKES['menu-plays-audio-files']), 'want-callback-prompt-option3');
  expect(result.message).toBe('WantCallback has no Text-to-Speech message offering option 3 (Text-to-Speech is off: it plays audio prompts, files or audio prompt variables)');
});

test('the guide\'s URL in a flow whose start node has another label says which label to read', async () => {
  const result = resultOf(await gradeMutation(MISTAKES['start-node-relabelled-url-unchanged']), 'get-cbid-url');
  expect(result.message).toBe('GET_CBID Request URL is wrong: dn={{NewPhoneContact.DNIS | slice(2) }} reads NewPhoneContact, but the start node of this flow is labelled NewContact: read NewContact.DNIS');
});

test('a Condition testing 200 fails on 201 but still leaves by False on 400 and 500: those runs are judged, not skipped', async () => {
  const report = await gradeFixture('flows/defect-condition-tests-200.json');
  expect(resultOf(report, 'run-status-true-on-201').status).toBe('failed');
  for (const id of ['run-status-false-on-400', 'run-status-false-on-500']) {
    const result = resultOf(report, id);
    expect([id, result.status, result.message]).toEqual([id, 'passed', expect.stringContaining('left by False')]);
  }
});

test('SimulateGlobalError leaving by its normal exit is told it raised no error, not that its Undefined Error exit is wired', async () => {
  const result = resultOf(await gradeFixture('flows/defect-simulate-valid-expression.json'), 'run-global-error-raised');
  expect(result.status).toBe('failed');
  expect(result.message).toContain('ran without an error');
  expect(result.expected).toBe('Outcome Error, then GlobalErrorHandling');
});

test('a negative index in the Parsing Settings is judged against the records MockAPI answers: [-1] is the dialled number\'s record when the answer lists it alone, and another when it lists two', async () => {
  const record = { dn: '5551230000', outboundcallbackep: 'aaaaaaaa-1111-4222-8333-444444444444', tacnumber: '+15559876543' };
  // With the contains filter, dn=5551230000 also matches a record whose dn holds it, listed after the dialled number's.
  const longer = { dn: '15551230000', outboundcallbackep: 'bbbbbbbb-1111-4222-8333-444444444444', tacnumber: '+15550001111' };
  const lastRecord = mutated((f) => {
    for (const row of props(f, 'GET_CBID').outputVariableArray) row.jsonPathExp = row.jsonPathExp.replace('[0]', '[-1]');
  });
  const grade = (dynvars: (typeof record)[]) =>
    gradeFlow(lastRecord, { mission, fileName: 'Main_Flow_140.json', settings: { dnis: '+15551230000' }, mocks: { dynvars }, now: () => new Date(FIXED_NOW), tool: { name: 'flowgrade', version: 'test' } });
  const alone = await grade([record]);
  expect(failing(alone)).toEqual([]);
  const two = await grade([record, longer]);
  expect(failing(two).sort()).toEqual(['get-cbid-parse-paths', 'run-get-cbid-fills-variables']);
  expect(resultOf(two, 'get-cbid-parse-paths').message).toBe(
    "GET_CBID Parsing Settings are wrong: outdialcbid ← $[-1].outboundcallbackep (expected $[0].outboundcallbackep: [-1] counts from the end of the 2 records MockAPI answers; the guide's [0] reads the first); customani ← $[-1].tacnumber (expected $[0].tacnumber: [-1] counts from the end of the 2 records MockAPI answers; the guide's [0] reads the first)",
  );
});

test('a negative index is told as counting from the end of the records answered only where it reads the expected field and their count is known: [-2] of one record, not [-1] of another field, nor where no record is answered', async () => {
  const record = { dn: '5551230000', outboundcallbackep: 'aaaaaaaa-1111-4222-8333-444444444444', tacnumber: '+15559876543' };
  const message = async (customaniPath: string, dynvars: (typeof record)[]) => {
    const flow = mutated((f) => { props(f, 'GET_CBID').outputVariableArray[1].jsonPathExp = customaniPath; });
    const report = await gradeFlow(flow, { mission, fileName: 'Main_Flow_140.json', settings: { dnis: '+15551230000' }, mocks: { dynvars }, now: () => new Date(FIXED_NOW), tool: { name: 'flowgrade', version: 'test' } });
    return resultOf(report, 'get-cbid-parse-paths').message;
  };
  expect(await message('$[-2].tacnumber', [record])).toBe(
    "GET_CBID Parsing Settings are wrong: customani ← $[-2].tacnumber (expected $[0].tacnumber: [-2] counts from the end of the 1 record MockAPI answers; the guide's [0] reads the first)",
  );
  expect(await message('$[-1].outboundcallbackep', [record])).toBe('GET_CBID Parsing Settings are wrong: customani ← $[-1].outboundcallbackep (expected $[0].tacnumber)');
  expect(await message('$[-1].tacnumber', [{ ...record, dn: '5550000000' }])).toBe('GET_CBID Parsing Settings are wrong: customani ← $[-1].tacnumber (expected $[0].tacnumber)');
});
