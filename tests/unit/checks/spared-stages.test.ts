/**
 * What a deviation of the happy-path call leaves to be judged (lib/happy-path.ts, `spares`): GET_CBID
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
import { FIXED_NOW, gradeMutation, mission, mutated, props, resultOf, variable, type Json } from './support.js';

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
 * (happy-path.ts sparedUnfilled): each checked against the record's own value, a variable not declared
 * with none. A value that fits (the tacnumber +14085267209 in an Integer customani) leaves them judged;
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
