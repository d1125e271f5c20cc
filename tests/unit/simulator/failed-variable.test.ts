/**
 * A failure about one flow variable names it in its trace entry's `failedVariable`, with why:
 * `undeclared` (a Set Variable row or a Parsing Settings row writing a variable the flow does not
 * declare) or `type` (a value its declared type cannot hold). The checks read it there, not in the
 * wording of the error. Any other failure, and an activity that did not fail, names none.
 */
import { expect, test } from '@playwright/test';
import { simulate } from '../../../engine/simulator/index.js';
import { ActivityError, inSetting } from '../../../engine/simulator/errors.js';
import type { TraceEntry } from '../../../engine/trace.js';
import { buildFlow, DYNVARS_URL, endFlow, fakeServices, http, HttpResponse, httpRequest, setVar, type Node } from './helpers.js';

const RECORD = [{ outboundcallbackep: 'ep', tacnumber: '+14085267209' }];
const rows = (outputVariable: string, jsonPathExp: string) => ({ outputVariableArray: [{ outputVariable, jsonPathExp }] });

/** The trace entry of `node` (labelled `Step`), in NewPhoneContact → Step → EndFlow, DynVars mocked. */
async function entryOf(node: Node): Promise<TraceEntry> {
  const flow = buildFlow({
    variables: [
      { name: 'outdialcbid', type: 'STRING', value: '' },
      { name: 'count', type: 'INTEGER', value: '0' },
    ],
    main: [node, endFlow()],
    links: [['NewPhoneContact', 'out', 'Step'], ['Step', node.type === 'set-variable' ? 'out' : 'default', 'EndFlow']],
  });
  const result = await simulate(flow, {}, { services: fakeServices([http.get(DYNVARS_URL, () => HttpResponse.json(RECORD))]) });
  return result.trace.find((entry) => entry.activity === 'Step')!;
}

const request = (props: Record<string, unknown>) => httpRequest('Step', { httpRequestUrl: DYNVARS_URL, ...props });

const FAILURES: [string, Node, TraceEntry['failedVariable']][] = [
  ['a Set Variable row whose variable is not declared', setVar('Step', 'ghost', 'x'), { name: 'ghost', problem: 'undeclared' }],
  ['a Parsing Settings row writing an undeclared variable', request(rows('ghost', '$[0].tacnumber')), { name: 'ghost', problem: 'undeclared' }],
  ["a Set Variable value its variable's type cannot hold", setVar('Step', 'count', 'abc'), { name: 'count', problem: 'type' }],
  ["a Parsing Settings match its variable's type cannot hold", request(rows('count', '$[0].outboundcallbackep')), { name: 'count', problem: 'type' }],
];

for (const [what, node, variable] of FAILURES) {
  test(`${what} fails the activity, its trace entry naming the variable: ${variable!.name}, ${variable!.problem}`, async () => {
    const entry = await entryOf(node);
    expect(entry.outcome).toBe('error');
    expect(entry.error).toBeTruthy();
    expect(entry.failedVariable).toEqual(variable);
  });
}

test('a failure about no variable names none: a Set Variable expression that does not render, a Parsing Settings path that is no JSONPath, a request no mock answers', async () => {
  const failures = [setVar('Step', 'outdialcbid', '{{ 1 | nosuchfilter }}'), request(rows('outdialcbid', '$[')), request({ httpRequestUrl: 'https://example.com/api' })];
  for (const node of failures) {
    const entry = await entryOf(node);
    expect(entry.outcome).toBe('error');
    expect(entry).not.toHaveProperty('failedVariable');
  }
});

test('an activity that did not fail names no variable', async () => {
  for (const node of [setVar('Step', 'count', '12'), request(rows('outdialcbid', '$[0].outboundcallbackep'))]) {
    const entry = await entryOf(node);
    expect(entry.outcome).not.toBe('error');
    expect(entry).not.toHaveProperty('failedVariable');
  }
});

test('inSetting keeps the variable of the activity error it names the setting of', () => {
  const variable = { name: 'count', problem: 'type' } as const;
  let thrown: unknown;
  try {
    inSetting('Parsing Settings', () => {
      throw new ActivityError('bad', { variable });
    });
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ActivityError);
  expect(thrown).toMatchObject({ message: 'bad', setting: 'Parsing Settings', variable });
});
