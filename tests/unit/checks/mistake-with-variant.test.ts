/**
 * One of the fixtures' typical mistakes (a `defect-*` of fixtures/generate.mjs) in a flow also built
 * in one of the ways the grader tolerates (a `noise-*`: the January 2025 guide's labels, an extra
 * Set Variable in OnGlobalError, …), as a sweep of every such pair found them told otherwise than
 * the mistake alone: a hint naming the guide's spelling where the flow uses the other one, a step
 * not named. Each case builds the solution with the variant and the mistake, beside the mistake
 * alone. two-mistakes.test.ts checks two mistakes at once; this file, one mistake in a variant.
 */
import { test, expect } from '@playwright/test';
import type { GradeReport } from '../../../engine/report.js';
import { grade, link, mutated, props, relabel, resultOf, variable, type Json, type Mutation } from './support.js';

const both = (...edits: Mutation[]) => mutated((f) => edits.forEach((edit) => edit(f)));
const failedIds = (report: GradeReport) => report.checks.filter((c) => c.status === 'failed').map((c) => c.id);

/** The January 2025 guide's labels, used consistently: CallBackAPI_Request (label and condition) and customANI (variable, parse row, body). */
const olderGuideLabels: Mutation = (f) => {
  relabel(f, 'CallBackAPI_HTTPRequest', 'CallBackAPI_Request');
  const condition = props(f, 'HTTPStatusCode');
  condition.expression = (condition.expression as string).replace('CallBackAPI_HTTPRequest.', 'CallBackAPI_Request.');
  variable(f, 'customani').name = 'customANI';
  for (const row of props(f, 'GET_CBID').outputVariableArray as Json[]) if (row.outputVariable === 'customani') row.outputVariable = 'customANI';
  const request = props(f, 'CallBackAPI_Request');
  request.httpRequestBody = (request.httpRequestBody as string).replaceAll('{{customani}}', '{{customANI}}');
};

const setRows = (rows: [string, string][]): Mutation => (f) => {
  props(f, 'GET_CBID').outputVariableArray = rows.map(([outputVariable, jsonPathExp]) => ({ outputVariable, jsonPathExp }));
};
const editBody = (edit: (body: string) => string): Mutation => (f) => {
  const p = props(f, 'CallBackAPI_HTTPRequest');
  p.httpRequestBody = edit(p.httpRequestBody as string);
};

/** Mistakes whose hint names the variable customani (the guide's Build steps 4 and 8), with the checks that give it. */
const NAMING_CUSTOMANI: [string, Mutation, string[]][] = [
  ['parse paths without [0]', setRows([['outdialcbid', '$.outboundcallbackep'], ['customani', '$.tacnumber']]), ['get-cbid-parse-paths', 'run-get-cbid-fills-variables']],
  ['parse rows swapped', setRows([['outdialcbid', '$[0].tacnumber'], ['customani', '$[0].outboundcallbackep']]), ['get-cbid-parse-paths', 'run-get-cbid-fills-variables']],
  ['parse Content Type left on Select', (f) => Object.assign(props(f, 'GET_CBID'), { contentType: null, 'contentType:name': null, contentType_name: null }), ['run-get-cbid-fills-variables']],
  ['body without "callback"', editBody((body) => body.replace(/,\n {4}"callback": \{\n.*\n.*\n {4}\}/, '')), ['callback-api-body', 'run-task-created']],
  ['body sending entryPointId {{customani}}', editBody((body) => body.replace('"{{outdialcbid}}"', '"{{customani}}"')), ['callback-api-body', 'run-task-created']],
  ['body without a comma (not JSON)', editBody((body) => body.replace('"telephony",', '"telephony"')), ['callback-api-body', 'run-task-created']],
];

for (const [name, mistake, checks] of NAMING_CUSTOMANI) {
  test(`${name}, in a flow using the January 2025 guide's customANI throughout: the hint names customANI, as the message does`, async () => {
    // The mistake first (written for the guide's names), then the older guide's names over it all.
    const [variant, alone] = await Promise.all([grade(both(mistake, olderGuideLabels)), grade(both(mistake))]);
    for (const id of checks) {
      const hint = resultOf(alone, id).hint;
      expect(resultOf(variant, id), id).toMatchObject({ status: 'failed', hint: hint.replaceAll('CallBackAPI_HTTPRequest', 'CallBackAPI_Request').replaceAll('customani', 'customANI') });
      expect(resultOf(variant, id).hint, id).not.toMatch(/\bcustomani\b/);
    }
    expect(failedIds(variant)).toEqual(failedIds(alone));
  });
}

test("OnGlobalError still to EndFlow, in a flow using the January 2025 guide's CallBackAPI_Request: expected names the request by its label, as the hint does", async () => {
  const stillToEnd: Mutation = (f) => link(f, 'GlobalErrorHandling', 'out', 'EndFlow_kid');
  const [variant, alone] = await Promise.all([grade(both(stillToEnd, olderGuideLabels)), grade(both(stillToEnd))]);
  expect(resultOf(alone, 'global-error-not-to-endflow')).toMatchObject({ status: 'failed', expected: 'OnGlobalError → CallBackAPI_HTTPRequest' });
  expect(resultOf(variant, 'global-error-not-to-endflow')).toMatchObject({
    status: 'failed',
    expected: 'OnGlobalError → CallBackAPI_Request',
    hint: 'Event Flows → delete the connection from OnGlobalError to EndFlow (then connect OnGlobalError to CallBackAPI_Request).',
  });
});
