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
import { gradeMutation, props, resultOf, type Json } from './support.js';

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
