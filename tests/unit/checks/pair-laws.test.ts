/**
 * Two mistakes at once that broke a law of laws.ts (more mistakes never earn more points, no
 * mistake is hidden, a check not judged names one that failed), as the sweep over every pair of the
 * mistakes the tests name found them. Each case is the solution with both mistakes made, beside each
 * alone. laws.test.ts keeps the laws over a sample of every pair; this file, the defects it found.
 */
import { test, expect } from '@playwright/test';
import type { GradeReport } from '../../../engine/report.js';
import { LAB_MISTAKES, withMistakes } from './lab-mistakes.js';
import { MISTAKES, TOLERATED } from './mutations.js';
import { reporterOf, violations } from './laws.js';
import { activity, grade, link, mutated, props, resultOf, type Mutation } from './support.js';

const earned = (report: GradeReport) => report.score!.earned;
const gradeAll = (...edits: Mutation[]) => grade(mutated((f) => edits.forEach((edit) => edit(f))));

/** The simulated-call checks after GET_CBID's. */
const AFTER_GET_CBID = ['run-getresult-holds-body', 'run-global-error-raised', 'run-task-created', 'run-status-true-on-201', 'run-status-false-on-400', 'run-status-false-on-500'];

/**
 * Parse rows that fail once GET_CBID parses the record (a variable not declared, a path Jayway cannot
 * read), or that the simulator does not run (Jayway's first() function): alone, GET_CBID fails or the
 * call stops there, and no later call is judged. Beside the parsing left on Select, GET_CBID stored
 * nothing and the call went on: the later calls must not earn what they do not alone.
 */
const ROWS_FAILING: Record<string, Mutation> = {
  'customANI declared (old guide), customani used': withMistakes(LAB_MISTAKES['customANI declared (old guide), customani used']!),
  'customani declared with a trailing space': MISTAKES['customani-declared-with-a-trailing-space'],
  'the row for customani writes CustomANI': MISTAKES['parse-row-writes-CustomANI'],
  'a parse path with a space after the dot': MISTAKES['parse-path-with-a-space-after-the-dot'],
  'a parse path with a function the simulator does not run': MISTAKES['parse-path-with-a-function-not-simulated'],
};

for (const [name, rows] of Object.entries(ROWS_FAILING)) {
  test(`parse Content Type left on Select + ${name}: no more points than either alone, the later calls not judged`, async () => {
    const select = withMistakes(LAB_MISTAKES['parse Content Type left on Select']!);
    const [pair, rowsAlone, selectAlone] = await Promise.all([gradeAll(select, rows), gradeAll(rows), gradeAll(select)]);
    expect(earned(pair)).toBeLessThanOrEqual(Math.min(earned(rowsAlone), earned(selectAlone)));
    for (const id of AFTER_GET_CBID) {
      const result = resultOf(pair, id);
      expect(result.status, id).toBe('skipped');
      expect(reporterOf(pair, result)?.status, id).toBe('failed');
    }
    expect(violations(pair, [rowsAlone, selectAlone])).toEqual([]);
  });
}

/**
 * GET_CBID parsing XML, which flowgrade does not simulate: the call stops there, after
 * run-get-cbid-fills-variables failed on the variables left unfilled. The later calls are not
 * judged, and say where that is reported, alone or beside a mistake of their own.
 */
for (const [name, other] of [['alone', () => {}], ['+ getresult set to a literal', withMistakes(LAB_MISTAKES['getresult set to a literal']!)]] as [string, Mutation][]) {
  test(`GET_CBID parsing XML ${name}: every check not judged names the GET_CBID call's check, which failed`, async () => {
    const report = await gradeAll(MISTAKES['get-cbid-parse-xml'], other);
    expect(resultOf(report, 'run-get-cbid-fills-variables').status).toBe('failed');
    for (const id of AFTER_GET_CBID) {
      const result = resultOf(report, id);
      expect(result.status, id).toBe('skipped');
      expect(reporterOf(report, result)?.id, id).toBe('run-get-cbid-fills-variables');
    }
    expect(resultOf(report, 'run-getresult-holds-body').message).toMatch(/^Not judged: the simulated call stopped at GET_CBID: parse settings with content type XML/);
  });
}

/**
 * HTTPStatusCode's False exit sending the Create Task request again (mutations.ts
 * false-retries-through-a-condition): alone, status-condition-exits-to-endflow names the retry. Beside
 * a mistake in the request itself (Method PUT or GET, a wrong Request Path) or in its way on to the
 * condition (not connected, straight to EndFlow), the same False exit still sends it again.
 */
const REQUEST_MISTAKES: Record<string, Mutation> = {
  'CallBackAPI_HTTPRequest method PUT': withMistakes(LAB_MISTAKES['CallBackAPI_HTTPRequest method PUT']!),
  'Request Path /v1/task': withMistakes(LAB_MISTAKES['Request Path /v1/task']!),
  'Method GET': MISTAKES['callback-api-method-get'],
  'Request Path /v2/tasks': MISTAKES['callback-api-path-v2'],
  'CallBackAPI_HTTPRequest not connected to HTTPStatusCode': withMistakes(LAB_MISTAKES['CallBackAPI_HTTPRequest not connected to HTTPStatusCode']!),
  'CallBackAPI_HTTPRequest straight to EndFlow': withMistakes(LAB_MISTAKES['CallBackAPI_HTTPRequest straight to EndFlow']!),
};

for (const [name, mistake] of Object.entries(REQUEST_MISTAKES)) {
  test(`False retries the request + ${name}: the retry is still named`, async () => {
    const [pair, retryAlone] = await Promise.all([gradeAll(MISTAKES['false-retries-through-a-condition'], mistake), gradeAll(MISTAKES['false-retries-through-a-condition'])]);
    expect(resultOf(retryAlone, 'status-condition-exits-to-endflow').message).toContain('the False exit can lead back to CallBackAPI_HTTPRequest');
    expect(resultOf(pair, 'status-condition-exits-to-endflow')).toMatchObject({ status: 'failed', message: expect.stringMatching(/the False exit (can lead back to|leads to) CallBackAPI_HTTPRequest/) });
  });
}

test('False retries the request + CallBackAPI_HTTPRequest straight to EndFlow: the False exit sends again the request OnGlobalError sent, named as the canvas names the event, not by its export name GlobalErrorHandling', async () => {
  const pair = await gradeAll(MISTAKES['false-retries-through-a-condition'], REQUEST_MISTAKES['CallBackAPI_HTTPRequest straight to EndFlow']!);
  expect(resultOf(pair, 'status-condition-exits-to-endflow').message).toBe(
    'HTTPStatusCode: the False exit leads to CallBackAPI_HTTPRequest again, which OnGlobalError sent before HTTPStatusCode: it would create a task again',
  );
});

/**
 * Option 1 (or 2) connected to the mission's activities, and SimulateGlobalError's exit connected to
 * NewNumber (or Music): the option reaches that activity on the canvas only through SimulateGlobalError,
 * whose value fails, so its exit is never taken. The regression check still fails, as with the option
 * mistake alone.
 */
const THROUGH_THE_MISSION: [string, Mutation, Mutation, string][] = [
  ['option 1 also to GET_CBID + SimulateGlobalError → NewNumber', MISTAKES['option1-also-to-get-cbid'], MISTAKES['simulate-error-to-new-number'], 'want-callback-option1-regression'],
  ['option 2 to SetGetResult + SimulateGlobalError → Music', MISTAKES['option2-to-set-get-result'], MISTAKES['simulate-error-to-music'], 'want-callback-option2-regression'],
  ['options 2 and 3 swapped + SimulateGlobalError → Music', withMistakes(LAB_MISTAKES['option 2 to GET_CBID, option 3 to Music (swapped)']!), MISTAKES['simulate-error-to-music'], 'want-callback-option2-regression'],
  // Each of the three is passed by no call that reaches NewNumber (or Music) on: GET_CBID by its
  // Undefined Error exit, SimulateGlobalError reached straight from the option (a mutation sweep).
  ["option 1 also to GET_CBID + GET_CBID's Undefined Error exit → NewNumber", MISTAKES['option1-also-to-get-cbid'], (f) => link(f, 'GET_CBID', 'error', 'NewNumber'), 'want-callback-option1-regression'],
  ['option 2 to SimulateGlobalError + SimulateGlobalError → Music', (f) => link(f, 'WantCallback', '2', 'SimulateGlobalError'), MISTAKES['simulate-error-to-music'], 'want-callback-option2-regression'],
];

for (const [name, option, simulate, id] of THROUGH_THE_MISSION) {
  test(`${name}: ${id} still fails, as with the option mistake alone`, async () => {
    const [pair, optionAlone] = await Promise.all([gradeAll(option, simulate), gradeAll(option)]);
    expect(resultOf(optionAlone, id).status).toBe('failed');
    expect(resultOf(pair, id)).toMatchObject({ status: 'failed', message: resultOf(optionAlone, id).message });
  });
}

/**
 * A tolerated variant passing a value through a variable just before the field that reads it
 * (mutations.ts TOLERATED: the status copied into `status` before HTTPStatusCode, or into `code`
 * then `status`, the destination into `dest` before the request), beside a mistake after which the
 * call never gets there: the field is judged with the Set Variables on its way, run in the order the
 * call runs them, and the variant costs nothing (law 4).
 */
const THROUGH_A_VARIABLE: [string, string, string][] = [
  ['status-copied-into-a-text-variable', 'OnGlobalError → EndFlow not deleted', 'status-condition-expression'],
  ['status-copied-into-a-text-variable', 'option 3 not connected', 'status-condition-expression'],
  ['status-copied-through-two-variables', 'option 3 not connected', 'status-condition-expression'],
  ['body-destination-through-a-variable', 'option 3 not connected', 'callback-api-body'],
  ['body-destination-through-a-variable', 'SetGetResult not connected to SimulateGlobalError', 'callback-api-body'],
];

for (const [variant, mistake, id] of THROUGH_A_VARIABLE) {
  test(`${variant} + ${mistake}: ${id} passes, the score is the mistake's alone`, async () => {
    const edit = withMistakes(LAB_MISTAKES[mistake]!);
    const [pair, mistakeAlone] = await Promise.all([gradeAll(TOLERATED[variant as keyof typeof TOLERATED], edit), gradeAll(edit)]);
    expect(resultOf(pair, id).status).toBe('passed');
    expect(earned(pair)).toBe(earned(mistakeAlone));
  });
}

/**
 * The Set Variables on the way to a field the call never got to are found by walking back from it,
 * each the only way into the next (lib/replay.ts): Set_status (the status variant's), which the
 * request no longer leads to and whose Undefined Error exit leads back to itself, is walked once.
 * A leftover Set_status that the request no longer leads through (it goes straight to HTTPStatusCode,
 * re-created after it) is one of two ways in: the call does not run it, with or without the mistake.
 */
test('status-copied-into-a-text-variable + CallBackAPI_HTTPRequest not connected, Set_status\'s Undefined Error exit back to itself: status-condition-expression passes, the score is the mistake\'s alone', async () => {
  const edit = withMistakes(LAB_MISTAKES['CallBackAPI_HTTPRequest not connected to HTTPStatusCode']!);
  const loop: Mutation = (f) => link(f, 'Set_status', 'error', 'Set_status');
  const [pair, mistakeAlone] = await Promise.all([gradeAll(TOLERATED['status-copied-into-a-text-variable'], edit, loop), gradeAll(edit)]);
  expect(resultOf(pair, 'status-condition-expression').status).toBe('passed');
  expect(earned(pair)).toBe(earned(mistakeAlone));
});

test('a leftover Set_status beside CallBackAPI_HTTPRequest → HTTPStatusCode, + option 3 not connected: status-condition-expression fails, as without the mistake', async () => {
  const leftover: Mutation = (f) => {
    TOLERATED['status-copied-into-a-text-variable'](f);
    link(f, 'CallBackAPI_HTTPRequest', 'default', 'HTTPStatusCode');
    // The request re-created after Set_status: listed after it in the export.
    const events = f.eventFlows.eventsMap.GLOBAL_EVENTS.process.activities as Record<string, unknown>;
    const id = activity(f, 'CallBackAPI_HTTPRequest').id as string;
    const request = events[id];
    delete events[id];
    events[id] = request;
  };
  const [pair, leftoverAlone] = await Promise.all([gradeAll(leftover, withMistakes(LAB_MISTAKES['option 3 not connected']!)), gradeAll(leftover)]);
  expect(resultOf(leftoverAlone, 'status-condition-expression').status).toBe('failed');
  expect(resultOf(pair, 'status-condition-expression')).toMatchObject({ status: 'failed', message: resultOf(leftoverAlone, 'status-condition-expression').message });
});

/**
 * The destination passed through `dest` (mutations.ts TOLERATED) in a flow that declares customani
 * otherwise (the January 2025 guide's customANI, or with a space after the name): variable-customani
 * reports the declaration, and the body, judged as the same body reading `{{customani}}` directly
 * is, passes: the variant costs nothing (law 4). A wrong value put into `dest` still fails the body,
 * with the message it has where customani is declared.
 */
const CUSTOMANI_DECLARED_OTHERWISE: [string, Mutation][] = [
  ['customANI declared (old guide), customani used', withMistakes(LAB_MISTAKES['customANI declared (old guide), customani used']!)],
  ['customani declared with a trailing space', MISTAKES['customani-declared-with-a-trailing-space']],
];

/** Set_dest (the variant's Set Variable) gives `dest` the value `value` instead of `{{customani}}`. */
const destSetTo = (value: string): Mutation => (f) => void Object.assign(props(f, 'Set_dest'), { expr: value, literal: value });

for (const [name, declaration] of CUSTOMANI_DECLARED_OTHERWISE) {
  test(`body-destination-through-a-variable + ${name}: callback-api-body passes, the score is the mistake's alone`, async () => {
    const [pair, mistakeAlone] = await Promise.all([gradeAll(TOLERATED['body-destination-through-a-variable'], declaration), gradeAll(declaration)]);
    expect(resultOf(mistakeAlone, 'callback-api-body').status).toBe('passed');
    expect(resultOf(pair, 'callback-api-body').status).toBe('passed');
    expect(resultOf(pair, 'variable-customani')).toMatchObject({ status: 'failed', message: resultOf(mistakeAlone, 'variable-customani').message });
    expect(earned(pair)).toBe(earned(mistakeAlone));
  });

  for (const value of ['+14085267209', '{{outdialcbid}}']) {
    test(`the destination through a variable set to ${value} + ${name}: callback-api-body fails, as where customani is declared`, async () => {
      const wrongDest = [TOLERATED['body-destination-through-a-variable'], destSetTo(value)];
      const [pair, wrongAlone] = await Promise.all([gradeAll(...wrongDest, declaration), gradeAll(...wrongDest)]);
      expect(resultOf(wrongAlone, 'callback-api-body').status).toBe('failed');
      expect(resultOf(pair, 'callback-api-body')).toMatchObject({ status: 'failed', message: resultOf(wrongAlone, 'callback-api-body').message });
    });
  }
}
