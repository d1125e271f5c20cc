/**
 * What a deviation of the happy-path call leaves to be judged (lib/happy-path/, `spares`): GET_CBID
 * leaving by its success exit with outdialcbid and customani unfilled keeps only the Create Task
 * request and its 201 status, which read those variables, from being judged; SetGetResult,
 * SimulateGlobalError and the error scenarios (400, 500), which read neither, are judged on their
 * own, and fail when they are wrong too. GET_CBID failing (its error exit) still leaves nothing
 * later judged. Before, any GET_CBID deviation left all six behavioural checks after it not judged
 * (17 points lost for one missing `[0]`, as much as for a flow that stops there).
 */
import { test, expect } from '@playwright/test';
import type { GradeReport } from '../../../engine/report.js';
import { gradeFlow } from '../../../engine/grade.js';
import { conditionOn, MISTAKES, throughVariable, TOLERATED } from './mutations.js';
import { addActivity, FIXED_NOW, gradeMutation, link, mission, mutated, props, relabel, removeActivity, resultOf, variable, type Json, type Mutation } from './support.js';

const AFTER_GET_CBID = ['run-getresult-holds-body', 'run-global-error-raised', 'run-task-created', 'run-status-true-on-201', 'run-status-false-on-400', 'run-status-false-on-500'];

/** Each behavioural check after GET_CBID's: its status, and the check (by its id) it names when not judged. */
function afterGetCbid(report: GradeReport): Record<string, string> {
  const idOf = new Map(report.checks.map((c) => [c.title, c.id]));
  return Object.fromEntries(
    AFTER_GET_CBID.map((id) => {
      const { status, message } = resultOf(report, id);
      const reportedUnder = /\(reported under “(.*)”\)$/.exec(message)?.[1];
      return [id, reportedUnder === undefined ? status : `${status} ← ${idOf.get(reportedUnder)}`];
    }),
  );
}

/** GET_CBID's Parsing Settings without `[0]`: the answer is an array, so both variables stay empty. */
const withoutIndex = (f: Json) => {
  props(f, 'GET_CBID').outputVariableArray = [
    { outputVariable: 'outdialcbid', jsonPathExp: '$.outboundcallbackep' },
    { outputVariable: 'customani', jsonPathExp: '$.tacnumber' },
  ];
};

const NOT_JUDGED = 'skipped ← run-get-cbid-fills-variables';

test('GET_CBID without [0]: SetGetResult, SimulateGlobalError and the 400 and 500 scenarios are judged and pass; the task and its 201 status are not judged', async () => {
  const report = await gradeMutation(withoutIndex);
  expect(resultOf(report, 'run-get-cbid-fills-variables').status).toBe('failed');
  expect(afterGetCbid(report)).toEqual({
    'run-getresult-holds-body': 'passed',
    'run-global-error-raised': 'passed',
    'run-task-created': NOT_JUDGED,
    'run-status-true-on-201': NOT_JUDGED,
    'run-status-false-on-400': 'passed',
    'run-status-false-on-500': 'passed',
  });
  expect(report.score).toEqual({ earned: 95, possible: 110 });
});

test('GET_CBID without [0] and a second mistake in a stage it spares: that stage\'s check fails on its own', async () => {
  const literal = await gradeMutation((f) => {
    withoutIndex(f);
    Object.assign(props(f, 'SetGetResult'), { setTo: 'set-to-literal', expr: 'GET_CBID.httpResponseBody' });
  });
  expect(afterGetCbid(literal)['run-getresult-holds-body']).toBe('failed');
  expect(afterGetCbid(literal)['run-global-error-raised']).toBe('passed');

  const constantTrue = await gradeMutation((f) => {
    withoutIndex(f);
    props(f, 'HTTPStatusCode').expression = '{{true}}';
  });
  expect(afterGetCbid(constantTrue)).toMatchObject({ 'run-status-true-on-201': NOT_JUDGED, 'run-status-false-on-400': 'failed', 'run-status-false-on-500': 'failed' });

  // No global error raised: the call never reaches OnGlobalError, so nothing after it is judged, and
  // each points there, whatever GET_CBID filled (three-mistakes.test.ts), as with that mistake alone.
  const noError = await gradeMutation((f) => {
    withoutIndex(f);
    props(f, 'SimulateGlobalError').expr = '{{ANI}}';
  });
  expect(afterGetCbid(noError)).toEqual({
    'run-getresult-holds-body': 'passed',
    'run-global-error-raised': 'failed',
    'run-task-created': 'skipped ← run-global-error-raised',
    'run-status-true-on-201': 'skipped ← run-global-error-raised',
    'run-status-false-on-400': 'skipped ← run-global-error-raised',
    'run-status-false-on-500': 'skipped ← run-global-error-raised',
  });
});

test('the checks not judged after a failure of the call say so in one tense: the call went wrong (earlier, or before HTTPStatusCode)', async () => {
  const noError = await gradeMutation((f) => {
    props(f, 'SimulateGlobalError').expr = '{{ANI}}';
  });
  expect(resultOf(noError, 'run-task-created').message).toMatch(/^Not judged: the simulated call went wrong earlier \(reported under “/);
  for (const id of ['run-status-false-on-400', 'run-status-false-on-500']) {
    expect(resultOf(noError, id).message, id).toMatch(/^Not judged: the simulated call went wrong before HTTPStatusCode \(reported under “/);
  }
});

test('the error scenarios not judged name HTTPStatusCode by the label the attendee gave it', async () => {
  const noError = await gradeMutation((f) => {
    props(f, 'SimulateGlobalError').expr = '{{ANI}}';
    relabel(f, 'HTTPStatusCode', 'Check_Status');
  });
  for (const id of ['run-status-false-on-400', 'run-status-false-on-500']) {
    expect(resultOf(noError, id).message, id).toMatch(/^Not judged: the simulated call went wrong before Check_Status \(reported under “/);
  }
});

test("with no HTTPStatusCode in the event flow, the error scenarios not judged name it by the guide's label", async () => {
  const noError = await gradeMutation((f) => {
    props(f, 'SimulateGlobalError').expr = '{{ANI}}';
    removeActivity(f, 'HTTPStatusCode');
  });
  for (const id of ['run-status-false-on-400', 'run-status-false-on-500']) {
    expect(resultOf(noError, id).message, id).toMatch(/^Not judged: the simulated call went wrong before HTTPStatusCode \(reported under “/);
  }
});

test('GET_CBID answered 404 (a path typo) spares the same stages; GET_CBID failing (nothing answers its host) leaves nothing later judged', async () => {
  const notFound = await gradeMutation((f) => {
    props(f, 'GET_CBID').httpRequestUrl = String(props(f, 'GET_CBID').httpRequestUrl).replace('/flowdesigner/', '/lowdesigner/');
  });
  expect(afterGetCbid(notFound)).toMatchObject({ 'run-getresult-holds-body': 'passed', 'run-global-error-raised': 'passed', 'run-task-created': NOT_JUDGED, 'run-status-false-on-400': 'passed' });

  const unanswered = await gradeMutation((f) => {
    props(f, 'GET_CBID').httpRequestUrl = String(props(f, 'GET_CBID').httpRequestUrl).replace('674481b1b4e2e04abea27c6e', '74481b1b4e2e04abea27c6e');
  });
  expect(resultOf(unanswered, 'run-get-cbid-fills-variables').status).toBe('failed');
  expect(Object.values(afterGetCbid(unanswered))).toEqual(AFTER_GET_CBID.map(() => expect.stringMatching(/^skipped ← run-get-cbid-fills-variables$/)));
});

/**
 * Whether GET_CBID's unfilled variables spare those stages depends on the types they are declared with
 * (happy-path/main-flow-stages.ts sparedUnfilled): each checked against the record's own value, a variable not declared
 * with none, customani under the spelling the flow uses (customANI throughout: customANI's type, not that
 * of a leftover customani). A value that fits (the tacnumber +14085267209 in an Integer customani) leaves them judged;
 * one that does not (a Boolean customani) means GET_CBID would fail on the record, as with that mistake
 * alone, so nothing after it is judged (three-mistakes.test.ts: outdialcbid typed Integer).
 */
const typed = (name: string, type: string) => (f: Json) => {
  withoutIndex(f);
  variable(f, name).type = type;
};

test('GET_CBID without [0], customani typed Integer: the record\'s tacnumber fits it, so the stages that read neither variable are judged', async () => {
  const report = await gradeMutation(typed('customani', 'INTEGER'));
  expect(afterGetCbid(report)).toMatchObject({ 'run-getresult-holds-body': 'passed', 'run-global-error-raised': 'passed', 'run-task-created': NOT_JUDGED, 'run-status-false-on-400': 'passed', 'run-status-false-on-500': 'passed' });
});

test('GET_CBID without [0], customani typed Boolean: GET_CBID would fail on the record\'s tacnumber, so nothing after it is judged', async () => {
  const report = await gradeMutation(typed('customani', 'BOOLEAN'));
  expect(afterGetCbid(report)).toEqual(Object.fromEntries(AFTER_GET_CBID.map((id) => [id, NOT_JUDGED])));
});

test('GET_CBID without [0] in a flow using the January 2025 guide\'s customANI throughout, customANI typed Boolean: the type judged is customANI\'s, so nothing after GET_CBID is judged', async () => {
  const report = await gradeMutation((f) => {
    withoutIndex(f);
    TOLERATED['customani-old-spelling-throughout-beside-a-leftover-customani'](f);
    variable(f, 'customANI').type = 'BOOLEAN';
  });
  expect(afterGetCbid(report)).toEqual(Object.fromEntries(AFTER_GET_CBID.map((id) => [id, NOT_JUDGED])));
});

test('GET_CBID without [0], outdialcbid neither declared nor parsed: no type to fit, the stages that read neither variable are judged', async () => {
  const report = await gradeMutation((f) => {
    f.variables = (f.variables as Json[]).filter((v) => v.name !== 'outdialcbid');
    props(f, 'GET_CBID').outputVariableArray = [{ outputVariable: 'customani', jsonPathExp: '$.tacnumber' }];
  });
  expect(afterGetCbid(report)).toMatchObject({ 'run-getresult-holds-body': 'passed', 'run-global-error-raised': 'passed', 'run-task-created': NOT_JUDGED, 'run-status-false-on-400': 'passed', 'run-status-false-on-500': 'passed' });
});

test('GET_CBID method POST, dialled on a DNIS the dataset has no record of (grader setup): its 404 spares the stages that read neither variable, no type to fit', async () => {
  const report = await gradeFlow(mutated((f) => {
    const get = props(f, 'GET_CBID');
    get.httpRequestMethod = get['httpRequestMethod:name'] = get.httpRequestMethod_name = 'POST';
  }), { mission, fileName: 'Main_Flow_140.json', settings: { dnis: '+15550000000' }, now: () => new Date(FIXED_NOW), tool: { name: 'flowgrade', version: 'test' } });
  expect(resultOf(report, 'run-get-cbid-fills-variables')).toMatchObject({ status: 'failed', actual: expect.stringMatching(/^HTTP 404/) });
  expect(afterGetCbid(report)).toMatchObject({ 'run-getresult-holds-body': 'passed', 'run-global-error-raised': 'passed', 'run-task-created': NOT_JUDGED, 'run-status-false-on-400': 'passed', 'run-status-false-on-500': 'passed' });
});

/**
 * A guard on OnGlobalError's way to the Create Task request that reads what GET_CBID fills (mutations.ts
 * TOLERATED create-task-only-with-a-callback-number: a Condition that goes on only when there is a
 * callback number): with GET_CBID leaving it unfilled, the call ends before the request in every
 * scenario, because of GET_CBID, not of the guard (happy-path/index.ts blamedForGuard). The request, its 201
 * status and the error scenarios are then not judged, naming GET_CBID's check, as the first two are
 * with that mistake alone; the error scenarios, judged with the mistake alone (the request goes out all
 * the same there), cannot be here: HTTPStatusCode never runs. A guard that goes to EndFlow whatever
 * GET_CBID fills is wrong in itself: run-task-created reports it, as with that guard alone.
 */
const both = (...edits: Mutation[]): Mutation => (f) => edits.forEach((edit) => edit(f));
const onlyWithNumber = TOLERATED['create-task-only-with-a-callback-number'];
/** A Condition `expression` between OnGlobalError and the request: True goes on to it, False to EndFlow. */
const guardOn = (expression: string): Mutation => (f) => conditionOn(f, 'GlobalErrorHandling', 'out', 'HasNumber', expression, 'CallBackAPI_HTTPRequest', 'EndFlow_kid');
const BEHIND_THE_GUARD = {
  'run-getresult-holds-body': 'passed',
  'run-global-error-raised': 'passed',
  'run-task-created': NOT_JUDGED,
  'run-status-true-on-201': NOT_JUDGED,
  'run-status-false-on-400': NOT_JUDGED,
  'run-status-false-on-500': NOT_JUDGED,
};
const failedIds = (report: GradeReport) => report.checks.filter((c) => c.status === 'failed').map((c) => c.id);

test('GET_CBID without [0] beside the Condition that goes on to the request only with a callback number: the request and what follows are not judged, naming GET_CBID, which alone fails', async () => {
  const [guarded, alone] = await Promise.all([gradeMutation(both(withoutIndex, onlyWithNumber)), gradeMutation(withoutIndex)]);
  expect(afterGetCbid(guarded)).toEqual(BEHIND_THE_GUARD);
  expect(failedIds(guarded)).toEqual(failedIds(alone));
  expect(resultOf(guarded, 'run-task-created').message).toBe(resultOf(alone, 'run-task-created').message);
  // GET_CBID answered 404 (a path typo): the same.
  const notFound = await gradeMutation(both(onlyWithNumber, (f) => {
    props(f, 'GET_CBID').httpRequestUrl = String(props(f, 'GET_CBID').httpRequestUrl).replace('/flowdesigner/', '/lowdesigner/');
  }));
  expect(afterGetCbid(notFound)).toEqual(BEHIND_THE_GUARD);
});

test('GET_CBID without [0] and SetGetResult storing a literal, beside the Condition that goes on only with a callback number: the request and what follows name GET_CBID, whose variable the guard reads, not SetGetResult', async () => {
  const report = await gradeMutation(both(withoutIndex, onlyWithNumber, (f) => {
    Object.assign(props(f, 'SetGetResult'), { setTo: 'set-to-literal', expr: 'GET_CBID.httpResponseBody' });
  }));
  expect(afterGetCbid(report)).toEqual({ ...BEHIND_THE_GUARD, 'run-getresult-holds-body': 'failed' });
});

test('a guard reading outdialcbid, or both variables, or customani through a Set Variable of its own, or a Case: GET_CBID without [0] is why the request is not judged', async () => {
  const guards: [string, Mutation][] = [
    ['outdialcbid', guardOn('{{outdialcbid is not empty}}')],
    ['both', guardOn('{{customani is not empty and outdialcbid is not empty}}')],
    // OnGlobalError → Set_dest (dest = {{customani}}) → HasNumber {{dest is not empty}}: dest is run again from customani put right.
    ['through dest', (f) => {
      throughVariable(f, 'GlobalErrorHandling', 'out', 'dest', '{{customani}}');
      conditionOn(f, 'Set_dest', 'out', 'HasNumber', '{{dest is not empty}}', 'CallBackAPI_HTTPRequest', 'EndFlow_kid');
    }],
    // Reading also a variable no activity sets: the value it is declared with (a Boolean, true).
    ['a flag too', (f) => {
      f.variables.push({ ...variable(f, 'getresult'), name: 'callbackEnabled', type: 'BOOLEAN', value: 'true' });
      guardOn('{{callbackEnabled and customani is not empty}}')(f);
    }],
    // Reading also the caller's number, its field written in another case (read ignoring case, as the simulator does).
    ['the caller too', guardOn('{{customani is not empty and NewPhoneContact.ani is not empty}}')],
    // A Case: its case "true" (no number) to EndFlow, Default on to the request.
    ['a Case', (f) => {
      addActivity(f, 'GlobalErrorHandling', 'NoNumber', { activityName: 'case-statement', activityId: 'case-statement', expression: '{{customani is empty}}', menuLinks: ['0'], menuLinks_input: ['true'], 'menuLinks:input': ['true'] }, 'enum-gateway');
      link(f, 'GlobalErrorHandling', 'out', 'NoNumber');
      link(f, 'NoNumber', '0', 'EndFlow_kid');
      link(f, 'NoNumber', 'default', 'CallBackAPI_HTTPRequest');
    }],
  ];
  for (const [name, guard] of guards) {
    // The guard alone is right: the call goes on to the request, and every check passes.
    expect(failedIds(await gradeMutation(guard)), name).toEqual([]);
    expect(afterGetCbid(await gradeMutation(both(withoutIndex, guard))), name).toEqual(BEHIND_THE_GUARD);
  }
});

test('a guard that goes to EndFlow whatever GET_CBID fills is wrong in itself: run-task-created fails, beside GET_CBID without [0] as alone', async () => {
  // True only with a number and no entry point: never, whatever GET_CBID fills.
  const wrong = guardOn('{{customani is not empty and outdialcbid is empty}}');
  const [alone, beside] = await Promise.all([gradeMutation(wrong), gradeMutation(both(withoutIndex, wrong))]);
  expect(resultOf(alone, 'run-task-created')).toMatchObject({
    status: 'failed',
    message: 'OnGlobalError ran, but CallBackAPI_HTTPRequest never did (HasNumber left by False: it went on to EndFlow_kid)',
    activity: 'HasNumber',
  });
  expect(resultOf(beside, 'run-get-cbid-fills-variables').status).toBe('failed');
  expect(resultOf(beside, 'run-task-created')).toMatchObject({ status: 'failed', message: resultOf(alone, 'run-task-created').message });
  expect(afterGetCbid(beside)).toMatchObject({ 'run-status-true-on-201': 'skipped ← run-task-created', 'run-status-false-on-400': 'skipped ← run-task-created' });
});

test('a guard that fails, its Expression left empty or failing as it runs, beside GET_CBID without [0]: run-task-created tells it failed, as alone', async () => {
  const empty: Mutation = (f) => {
    guardOn('')(f);
    delete props(f, 'HasNumber').expression;
  };
  for (const [name, guard] of [['empty', empty], ['failing', guardOn('{{ 1 / 0 }}')]] as const) {
    const [alone, beside] = await Promise.all([gradeMutation(guard), gradeMutation(both(withoutIndex, guard))]);
    expect(resultOf(alone, 'run-task-created').message, name).toMatch(/\(it went on to HasNumber, which failed: /);
    expect(resultOf(beside, 'run-task-created'), name).toMatchObject({ status: 'failed', message: resultOf(alone, 'run-task-created').message });
  }
});

test('SetGetResult leaving getresult empty beside a guard going on only when getresult holds something: the request and what follows are not judged, naming SetGetResult\'s check', async () => {
  const emptyResult: Mutation = (f) => {
    props(f, 'SetGetResult').expr = '{{GET_CBID.httpResponseBodyX}}';
  };
  const guard = guardOn('{{getresult is not empty}}');
  expect(afterGetCbid(await gradeMutation(emptyResult))).toEqual({ ...Object.fromEntries(AFTER_GET_CBID.map((id) => [id, 'passed'])), 'run-getresult-holds-body': 'failed' });
  const report = await gradeMutation(both(emptyResult, guard));
  const notJudged = 'skipped ← run-getresult-holds-body';
  expect(afterGetCbid(report)).toEqual({
    'run-getresult-holds-body': 'failed',
    'run-global-error-raised': 'passed',
    'run-task-created': notJudged,
    'run-status-true-on-201': notJudged,
    'run-status-false-on-400': notJudged,
    'run-status-false-on-500': notJudged,
  });
});

/** GET_CBID's mistakes that get it a wrong answer (404 "Not found"), which SetGetResult, right in itself, copies into getresult. */
const WRONG_ANSWERS: [string, Mutation][] = [
  ['method POST', (f) => {
    const get = props(f, 'GET_CBID');
    get.httpRequestMethod = get['httpRequestMethod:name'] = get.httpRequestMethod_name = 'POST';
  }],
  ['a path typo', (f) => {
    props(f, 'GET_CBID').httpRequestUrl = String(props(f, 'GET_CBID').httpRequestUrl).replace('/flowdesigner/', '/lowdesigner/');
  }],
];

/** `guard` alone passes every check; beside each wrong answer of GET_CBID, the request and what follows are not judged, naming GET_CBID, which fails as alone. */
async function excusedBesideWrongAnswers(guard: Mutation): Promise<void> {
  expect(failedIds(await gradeMutation(guard))).toEqual([]);
  for (const [name, mistake] of WRONG_ANSWERS) {
    const [guarded, alone] = await Promise.all([gradeMutation(both(mistake, guard)), gradeMutation(mistake)]);
    expect(afterGetCbid(guarded), name).toEqual(BEHIND_THE_GUARD);
    expect(failedIds(guarded), name).toEqual(failedIds(alone));
  }
}

test('GET_CBID answering 404 beside a guard reading only getresult, which SetGetResult, right in itself, copied from that answer: the request and what follows are not judged, naming GET_CBID', async () => {
  await excusedBesideWrongAnswers(guardOn('{{getresult contains "outboundcallbackep"}}'));
});

test('getresult declared JSON beside a guard reading it as text: the record as a list is not what it looks for, as a String it is: the request and what follows are not judged, naming the variable\'s check', async () => {
  const report = await gradeMutation(both(MISTAKES['getresult-json-empty'], guardOn('{{getresult contains "outboundcallbackep"}}')));
  const notJudged = 'skipped ← variable-getresult';
  expect(resultOf(report, 'variable-getresult').status).toBe('failed');
  expect(afterGetCbid(report)).toEqual({
    'run-getresult-holds-body': notJudged,
    'run-global-error-raised': 'passed',
    'run-task-created': notJudged,
    'run-status-true-on-201': notJudged,
    'run-status-false-on-400': notJudged,
    'run-status-false-on-500': notJudged,
  });
});

test('GET_CBID answering 404 and SetGetResult wrong in itself beside a guard reading getresult, which goes on with both right: the request and what follows are not judged, naming either\'s check', async () => {
  const literal: Mutation = (f) => {
    Object.assign(props(f, 'SetGetResult'), { setTo: 'set-to-literal', expr: 'GET_CBID.httpResponseBody' });
  };
  const report = await gradeMutation(both(WRONG_ANSWERS[0][1], literal, guardOn('{{getresult contains "outboundcallbackep"}}')));
  const notJudged = expect.stringMatching(/^skipped ← run-(get-cbid-fills-variables|getresult-holds-body)$/);
  expect(resultOf(report, 'run-get-cbid-fills-variables').status).toBe('failed');
  expect(afterGetCbid(report)).toEqual({
    'run-getresult-holds-body': 'failed',
    'run-global-error-raised': 'passed',
    'run-task-created': notJudged,
    'run-status-true-on-201': notJudged,
    'run-status-false-on-400': notJudged,
    'run-status-false-on-500': notJudged,
  });
});

test('GET_CBID answering 404 beside a guard reading its status code or its response body: the request and what follows are not judged, naming GET_CBID; a guard going to EndFlow whatever GET_CBID answers fails on its own', async () => {
  await excusedBesideWrongAnswers(guardOn('{{GET_CBID.httpStatusCode == 200}}'));
  await excusedBesideWrongAnswers(guardOn('{{GET_CBID.httpResponseBody contains "tacnumber"}}'));
  const wrong = guardOn('{{GET_CBID.httpStatusCode == 201}}');
  const [alone, beside] = await Promise.all([gradeMutation(wrong), gradeMutation(both(WRONG_ANSWERS[0][1], wrong))]);
  expect(resultOf(alone, 'run-task-created')).toMatchObject({
    status: 'failed',
    message: 'OnGlobalError ran, but CallBackAPI_HTTPRequest never did (HasNumber left by False: it went on to EndFlow_kid)',
    activity: 'HasNumber',
  });
  expect(resultOf(beside, 'run-get-cbid-fills-variables').status).toBe('failed');
  expect(resultOf(beside, 'run-task-created')).toMatchObject({ status: 'failed', message: resultOf(alone, 'run-task-created').message });
});

test('a guard reading GET_CBID\'s status code, GET_CBID relabelled: it reads nothing, run-task-created fails, its hint to give the request its label back; a guard wrong in itself is still told to correct its Expression', async () => {
  const relabelled = MISTAKES['get-cbid-relabelled-with-its-reader'];
  const report = await gradeMutation(both(relabelled, guardOn('{{GET_CBID.httpStatusCode == 200}}')));
  expect(resultOf(report, 'run-task-created')).toMatchObject({
    status: 'failed',
    message: 'OnGlobalError ran, but CallBackAPI_HTTPRequest never did (HasNumber left by False: it went on to EndFlow_kid)',
    hint: 'HTTPRequest_k2m → Activity Label: GET_CBID (Build step 4).',
  });
  const wrong = await gradeMutation(both(relabelled, guardOn('{{GET_CBID.httpStatusCode == 201}}')));
  expect(resultOf(wrong, 'run-task-created').hint).toMatch(/^Event Flows → HasNumber → Expression \{\{GET_CBID.httpStatusCode == 201\}\}: /);
});

test('a guard that sends the call away from the request is named with its expression, not as a connection to drag; a Case by the exit it took; one with no way on to the request, or one that fails, as before', async () => {
  const guarded = await gradeMutation(guardOn('{{customani is empty}}'));
  expect(resultOf(guarded, 'run-task-created')).toMatchObject({
    status: 'failed',
    message: 'OnGlobalError ran, but CallBackAPI_HTTPRequest never did (HasNumber left by False: it went on to EndFlow_kid)',
    hint: 'Event Flows → HasNumber → Expression {{customani is empty}}: on the simulated call it leaves by False, away from CallBackAPI_HTTPRequest. Correct it, or delete HasNumber and connect OnGlobalError straight to CallBackAPI_HTTPRequest, as the guide does (Build step 8).',
    activity: 'HasNumber',
  });
  // The excerpt runs from the error raised to where the guard sent the call.
  expect(resultOf(guarded, 'run-task-created').traceExcerpt?.map((entry) => entry.activity)).toEqual(['SimulateGlobalError', 'GlobalErrorHandling', 'HasNumber', 'EndFlow_kid']);
  // A Case whose case "true" goes on to the request and Default ends: left by Default.
  const byCase = await gradeMutation((f) => {
    addActivity(f, 'GlobalErrorHandling', 'HasNumber', { activityName: 'case-statement', activityId: 'case-statement', expression: '{{customani is empty}}', menuLinks: ['0'], menuLinks_input: ['true'], 'menuLinks:input': ['true'] }, 'enum-gateway');
    link(f, 'GlobalErrorHandling', 'out', 'HasNumber');
    link(f, 'HasNumber', '0', 'CallBackAPI_HTTPRequest');
    link(f, 'HasNumber', 'default', 'EndFlow_kid');
  });
  expect(resultOf(byCase, 'run-task-created').message).toBe('OnGlobalError ran, but CallBackAPI_HTTPRequest never did (HasNumber left by Default: it went on to EndFlow_kid)');
  // Both exits away from the request: no guard of it, the connection is what to change.
  const nowhere = await gradeMutation((f) => conditionOn(f, 'GlobalErrorHandling', 'out', 'HasNumber', '{{customani is empty}}', 'EndFlow_kid', 'EndFlow_kid'));
  expect(resultOf(nowhere, 'run-task-created')).toMatchObject({
    message: 'OnGlobalError ran, but CallBackAPI_HTTPRequest never did (it went on to HasNumber)',
    hint: expect.stringMatching(/^Event Flows → drag the connection of OnGlobalError from HasNumber to CallBackAPI_HTTPRequest/),
  });
  // A guard that fails: what failed is told, as for any activity failing on the way.
  const failing = await gradeMutation(guardOn('{{ 1 / 0 }}'));
  expect(resultOf(failing, 'run-task-created').message).toMatch(/\(it went on to HasNumber, which failed: /);
});

test('a Business Hours before the request whose Working Hours exit ends the flow is no guard by an Expression: the connection is what to change', async () => {
  // Its exits swapped: Working Hours (the simulated call's) → EndFlow_kid, Default (closed) → the request.
  const report = await gradeMutation((f) => {
    addActivity(f, 'GlobalErrorHandling', 'OpenHours', { activityName: 'business-hours', activityId: 'business-hours', businessHoursRadioGroup: 'staticBusinessHours', 'businessHoursId:name': 'Support_Hours' }, 'enum-gateway');
    link(f, 'GlobalErrorHandling', 'out', 'OpenHours');
    link(f, 'OpenHours', 'workingHours', 'EndFlow_kid');
    link(f, 'OpenHours', 'default', 'CallBackAPI_HTTPRequest');
  });
  expect(resultOf(report, 'run-task-created')).toMatchObject({
    status: 'failed',
    message: 'OnGlobalError ran, but CallBackAPI_HTTPRequest never did (it went on to OpenHours)',
    hint: expect.stringMatching(/^Event Flows → drag the connection of OnGlobalError from OpenHours to CallBackAPI_HTTPRequest/),
  });
});

/** SetGetResult writing `name` (picked under Variable) instead of getresult: the request reads what it wrote. */
const setGetResultWrites = (name: string) => (f: Json) => {
  props(f, 'SetGetResult').srcVariable = name;
};

for (const name of ['outdialcbid', 'customani']) {
  test(`SetGetResult writing ${name} instead of getresult: the task and its 201 status are not judged, naming SetGetResult's check; the error scenarios are judged`, async () => {
    const report = await gradeMutation(setGetResultWrites(name));
    // Before, the wrong getresult spared everything after it, and run-task-created failed on the
    // request that variable broke, its hint sending the attendee to a Request Body that was right.
    expect(afterGetCbid(report)).toEqual({
      'run-getresult-holds-body': 'failed',
      'run-global-error-raised': 'passed',
      'run-task-created': 'skipped ← run-getresult-holds-body',
      'run-status-true-on-201': 'skipped ← run-getresult-holds-body',
      'run-status-false-on-400': 'passed',
      'run-status-false-on-500': 'passed',
    });
    expect(resultOf(report, 'run-getresult-holds-body').message).toContain(`; it set ${name} instead, which GET_CBID filled for the Create Task request`);
  });
}

test('a Set Variable after GET_CBID writing customani: the task fails, naming that activity (its Variable), not the Request Body', async () => {
  const report = await gradeMutation((f) => {
    addActivity(f, 'SetGetResult', 'LogStatus', { activityName: 'set-variable', activityId: 'set-variable', srcVariable: 'customani', srcVariableType: 'STRING', setTo: 'set-to-literal', expr: '{{GET_CBID.httpStatusCode}}' }, 'set-variable');
    link(f, 'SetGetResult', 'out', 'LogStatus');
    link(f, 'LogStatus', 'out', 'SimulateGlobalError');
  });
  const task = resultOf(report, 'run-task-created');
  expect(task.status).toBe('failed');
  expect(task.message).toBe('The task was created with destination = "200" (expected destination = "+14085267209"): LogStatus set customani to "200" after GET_CBID filled it');
  expect(task.hint).toBe(
    'LogStatus → Variable: it sets customani after GET_CBID filled it for the Request Body of CallBackAPI_HTTPRequest: choose another variable there, or remove LogStatus from the path of the call (connect the activity before it to the one after it).',
  );
  // The body's text is the guide's; the static check names the same Set Variable.
  expect(resultOf(report, 'callback-api-body').hint).toBe(task.hint);
});

test('a Set Variable after GET_CBID writing JSON text into outdialcbid: the API refuses the body (400), and the hint names that activity', async () => {
  const report = await gradeMutation((f) => {
    addActivity(f, 'SetGetResult', 'KeepRecord', { activityName: 'set-variable', activityId: 'set-variable', srcVariable: 'outdialcbid', srcVariableType: 'STRING', setTo: 'set-to-variable', expr: '{{GET_CBID.httpResponseBody}}' }, 'set-variable');
    link(f, 'SetGetResult', 'out', 'KeepRecord');
    link(f, 'KeepRecord', 'out', 'SimulateGlobalError');
  });
  const task = resultOf(report, 'run-task-created');
  expect(task.status).toBe('failed');
  expect(task.message).toMatch(/^No callback task was created: the Tasks API answered 400: .* \(KeepRecord set outdialcbid to "\[\{.*\.\.\. after GET_CBID filled it\)$/);
  expect(task.hint).toContain('KeepRecord → Variable: it sets outdialcbid after GET_CBID filled it');
});

/** A Set Variable `label` as OnGlobalError starts, writing `expr` into customani before the Create Task request. */
const customaniSetAsErrorStarts = (label: string, expr: string) => (f: Json) => {
  addActivity(f, 'GlobalErrorHandling', label, { activityName: 'set-variable', activityId: 'set-variable', srcVariable: 'customani', srcVariableType: 'STRING', setTo: 'set-to-literal', expr }, 'set-variable');
  link(f, 'GlobalErrorHandling', 'out', label);
  link(f, label, 'out', 'CallBackAPI_HTTPRequest');
};

test('customani typed in as OnGlobalError starts (the TAC number): callback-api-body fails, naming that Set Variable, as "{{dest}}" with dest typed in does; one keeping the value passes', async () => {
  // Before, the task's values matched this attendee's record and the body's text was the guide's: 110/110.
  const typedIn = await gradeMutation(customaniSetAsErrorStarts('FixAni', '+14085267209'));
  const body = resultOf(typedIn, 'callback-api-body');
  expect([body.status, body.message]).toEqual([
    'failed',
    'CallBackAPI_HTTPRequest sends the Create Task body of the guide, but FixAni sets customani again on the way to it (to "+14085267209" on the simulated call), whatever GET_CBID filled: the request never sends the value of the caller\'s DynVars record',
  ]);
  expect(body.hint).toBe(
    'FixAni → Variable: it sets customani after GET_CBID filled it for the Request Body of CallBackAPI_HTTPRequest: choose another variable there, or remove FixAni from the path of the call (connect the activity before it to the one after it).',
  );
  expect(resultOf(typedIn, 'run-task-created').status).toBe('passed');
  expect(resultOf(await gradeMutation(MISTAKES['body-destination-variable-hard-coded']), 'callback-api-body').status).toBe('failed');
  // `+1` cut off: the values differ for the samples too.
  expect(resultOf(await gradeMutation(customaniSetAsErrorStarts('FixAni', "{{ customani | replace({'+1':''}) }}")), 'callback-api-body').status).toBe('failed');
  const kept = await gradeMutation(customaniSetAsErrorStarts('TrimAni', '{{ customani | trim }}'));
  expect(kept.checks.filter((c) => c.status === 'failed').map((c) => c.id)).toEqual([]);
  // Taking away what a phone number in E.164 never holds keeps its value too.
  const spacesOut = await gradeMutation(customaniSetAsErrorStarts('NoSpaces', "{{ customani | replace({' ': ''}) }}"));
  expect(spacesOut.checks.filter((c) => c.status === 'failed').map((c) => c.id)).toEqual([]);
});
