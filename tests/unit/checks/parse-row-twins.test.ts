/**
 * A body field may read a variable of the flow's own that GET_CBID's Parsing Settings fill from the
 * same Path Expression as the guide's variable (`dest ← $[0].tacnumber` beside customani's row): the
 * request gives both the same value (lib/replay.ts, twins), as a Set Variable copying customani into
 * `dest` does, which the body check already accepted. Before, the body check failed it (a grader
 * audit), though the simulated call created the right task.
 */
import { test, expect } from '@playwright/test';
import { LAB_MISTAKES, withMistakes } from './lab-mistakes.js';
import { gradeMutation, props, resultOf, variable, type Json } from './support.js';

/** GET_CBID fills `dest` from `path` too (its row first or last), and the body's destination reads it. */
const destFrom = (path: string, first = false) => (f: Json) => {
  f.variables.push({ ...variable(f, 'customani'), name: 'dest', value: '' });
  const rows = props(f, 'GET_CBID').outputVariableArray as Json[];
  const row = { outputVariable: 'dest', jsonPathExp: path };
  if (first) rows.unshift(row);
  else rows.push(row);
  const api = props(f, 'CallBackAPI_HTTPRequest');
  api.httpRequestBody = String(api.httpRequestBody).replace('{{customani}}', '{{dest}}');
};

test('destination read from a variable GET_CBID fills from customani\'s Path Expression: the body check passes, whichever row comes first', async () => {
  for (const first of [false, true]) {
    const report = await gradeMutation(destFrom('$[0].tacnumber', first));
    expect([resultOf(report, 'callback-api-body').status, report.verdict], `first: ${first}`).toEqual(['passed', 'passed']);
  }
});

test('destination read from a variable GET_CBID fills from outdialcbid\'s Path Expression still fails: it sends the entry point', async () => {
  const report = await gradeMutation(destFrom('$[0].outboundcallbackep'));
  const body = resultOf(report, 'callback-api-body');
  expect(body.status).toBe('failed');
  expect(body.message).toContain('"destination"');
});

test('destination read from customani\'s twin, the parsing left on Select (nothing stored): the body check passes, the score is the parsing mistake\'s alone', async () => {
  const select = withMistakes(LAB_MISTAKES['parse Content Type left on Select']!);
  const [pair, selectAlone] = await Promise.all([gradeMutation((f) => (destFrom('$[0].tacnumber')(f), select(f))), gradeMutation(select)]);
  expect(resultOf(pair, 'callback-api-body').status).toBe('passed');
  expect(pair.score).toEqual(selectAlone.score);
});
