/**
 * An attendee who built a step again and left the old activity on the canvas with nothing leading
 * to it (Validate only recommends removing it, so the flow publishes): a new Menu for Build step 3
 * instead of editing WantCallback (options 1–3, the three-option prompt, Queue relinked to it), or
 * a second GET_CBID, SetGetResult, SimulateGlobalError, CallBackAPI_HTTPRequest or HTTPStatusCode
 * taking every link of the first. The call runs the new activity, so the new one is judged (and
 * only its label, the guide's taken by the old one, is recommended). An old
 * activity the call still reaches stays the one judged (option 3 added to another menu is a
 * mistake).
 */
import { test, expect } from '@playwright/test';
import { conditionOn } from './mutations.js';
import { activity, failing, gradeMutation, props, relabel, resultOf, type Json } from './support.js';

const graphOf = (f: Json, id: string): Json => [f.process, f.eventFlows.eventsMap.GLOBAL_EVENTS.process].find((g) => g.activities[id]);

const OLD_PROMPT = 'All agents are busy. Please press 1 if you want to schedule a callback. Press 2 if you want to wait in queue.';

/** A copy of WantCallback labelled `label`, with its links (its loops to itself); the old menu back to options 1–2; Queue relinked to the copy when `relinkQueue`. */
function rebuildMenu(label: string, relinkQueue: boolean) {
  return (f: Json): void => {
    const links: Json[] = f.process.links;
    const old = activity(f, 'WantCallback');
    const copy: Json = { ...structuredClone(old), id: `test-${label}`, name: label };
    copy.properties.name = label;
    f.process.activities[copy.id] = copy;
    for (const l of links.filter((x) => x.sourceActivityId === old.id)) {
      links.push({ ...l, id: `${l.id}-copy`, sourceActivityId: copy.id, targetActivityId: l.targetActivityId === old.id ? copy.id : l.targetActivityId });
    }
    f.process.links = links.filter((l) => !(l.sourceActivityId === old.id && l.conditionExpr === '3'));
    const p = props(f, 'WantCallback');
    for (const key of ['menuLinks', 'menuLinks:input', 'menuLinks_input']) p[key] = p[key].slice(0, 2);
    p.promptsTts = [{ type: 'tts', value: OLD_PROMPT, name: OLD_PROMPT }];
    if (relinkQueue) for (const l of f.process.links) if (l.targetActivityId === old.id && l.sourceActivityId !== old.id) l.targetActivityId = copy.id;
  };
}

for (const label of ['Menu_x7k', 'WantCallback_2']) {
  test(`a new menu ${label} that Queue leads to, the old WantCallback left unreachable: passes, the new menu judged`, async () => {
    const report = await gradeMutation(rebuildMenu(label, true));
    expect(failing(report)).toEqual([]);
    expect(report.verdict).toBe('passed');
    expect(resultOf(report, 'want-callback-option3').message).toContain(label);
  });
}

test('a new menu with option 3 that nothing leads to, the old WantCallback still reached: WantCallback is judged and fails', async () => {
  const report = await gradeMutation(rebuildMenu('Menu_x7k', false));
  expect(failing(report)).toEqual(expect.arrayContaining(['want-callback-option3', 'want-callback-prompt-option3']));
  expect(resultOf(report, 'want-callback-option3').message).toContain('WantCallback has no option 3');
});

/** A copy of `label` labelled `newLabel` that takes every link into and out of it; the old one, left with none, broken by `breakOld`. */
function rebuild(label: string, newLabel: string, breakOld: (p: Json) => void, after: (f: Json) => void = () => {}) {
  return (f: Json): void => {
    const old = activity(f, label);
    const g = graphOf(f, old.id);
    const copy: Json = { ...structuredClone(old), id: `test-${newLabel}`, name: newLabel };
    copy.properties.name = newLabel;
    g.activities[copy.id] = copy;
    for (const l of g.links) {
      if (l.sourceActivityId === old.id) l.sourceActivityId = copy.id;
      if (l.targetActivityId === old.id) l.targetActivityId = copy.id;
    }
    breakOld(old.properties);
    after(f);
  };
}

/** Each: what is built again, how, the label check that fails, and what its hint adds (the activity reading the new one's outputs). */
const rebuilt: [string, (f: Json) => void, string, string?][] = [
  ['GET_CBID (the old one parsing $.tacnumber)', rebuild('GET_CBID', 'GET_CBID2', (p) => { p.outputVariableArray[1].jsonPathExp = '$.tacnumber'; }, (f) => { props(f, 'SetGetResult').expr = '{{GET_CBID2.httpResponseBody}}'; }), 'get-cbid-label', '; then, where SetGetResult reads GET_CBID2.httpResponseBody, read GET_CBID.httpResponseBody'],
  ['SetGetResult (the old one setting a literal)', rebuild('SetGetResult', 'SetGetResult2', (p) => Object.assign(p, { setTo: 'set-to-literal', expr: 'GET_CBID.httpResponseBody' })), 'set-get-result-label'],
  ['SimulateGlobalError (the old one with a valid value)', rebuild('SimulateGlobalError', 'SimulateGlobalError2', (p) => { p.expr = '{{ ANI }}'; }), 'simulate-error-label'],
  ['CallBackAPI_HTTPRequest (the old one calling /v1/task)', rebuild('CallBackAPI_HTTPRequest', 'CallBackAPI_HTTPRequest2', (p) => { p.httpRequestPath = '/v1/task'; }, (f) => { props(f, 'HTTPStatusCode').expression = '{{CallBackAPI_HTTPRequest2.httpStatusCode == 201}}'; }), 'callback-api-label', '; then, where HTTPStatusCode reads CallBackAPI_HTTPRequest2.httpStatusCode, read CallBackAPI_HTTPRequest.httpStatusCode'],
  ['HTTPStatusCode (the old one testing 200)', rebuild('HTTPStatusCode', 'HTTPStatusCode2', (p) => { p.expression = '{{CallBackAPI_HTTPRequest.httpStatusCode == 200}}'; }), 'status-condition-label'],
];

for (const [name, mutation, labelCheck, readerToChange = ''] of rebuilt) {
  test(`${name} built again, the old one left with nothing leading to it: passes, only its label recommended`, async () => {
    const report = await gradeMutation(mutation);
    expect(failing(report)).toEqual([labelCheck]);
    expect(report.verdict).toBe('passed');
    const label = resultOf(report, labelCheck);
    expect(label.message).toContain(`is labelled ${label.actual}, not ${label.expected}; ${label.expected} is the label of another activity, one the call does not reach:`);
    expect(label.hint).toBe(`${label.actual} → Activity Label: ${label.expected} (first delete the other ${label.expected}, or rename it)${readerToChange}`);
  });
}

test('GET_CBID built again while SetGetResult still reads the old one, which never runs: SetGetResult fails, told to read the new one (the label GET_CBID is taken)', async () => {
  const report = await gradeMutation(rebuild('GET_CBID', 'GET_CBID2', () => {}));
  expect(failing(report)).toEqual(['get-cbid-label', 'set-get-result-value', 'run-getresult-holds-body']);
  const hint = 'SetGetResult → Set To Variable: GET_CBID2.httpResponseBody (the GET_CBID that nothing leads to never runs; or delete it, then set the Activity Label of GET_CBID2 to GET_CBID).';
  const value = resultOf(report, 'set-get-result-value');
  expect(value.message).toBe('SetGetResult reads GET_CBID.httpResponseBody, the output of a GET_CBID that nothing leads to, which never runs: the HTTP Request after option 3 is GET_CBID2');
  expect([value.expected, value.actual, value.hint]).toEqual(['getresult ← Set To Variable GET_CBID2.httpResponseBody', 'getresult ← Set To Variable GET_CBID.httpResponseBody', hint]);
  expect(resultOf(report, 'run-getresult-holds-body').hint).toBe(hint);
});

test('the Create Task request first built after AgentDisconnected, then again after OnGlobalError: only the leftover connection is reported', async () => {
  const report = await gradeMutation((f) => {
    rebuild('CallBackAPI_HTTPRequest', 'CallBackAPI_HTTPRequest2', () => {}, (g) => { props(g, 'HTTPStatusCode').expression = '{{CallBackAPI_HTTPRequest2.httpStatusCode == 201}}'; })(f);
    const events = f.eventFlows.eventsMap.GLOBAL_EVENTS.process;
    const old = activity(f, 'CallBackAPI_HTTPRequest');
    events.links.find((l: Json) => l.sourceActivityId === activity(f, 'FCAsk(ContactLastAgentRemoved)').id).targetActivityId = old.id;
  });
  expect(failing(report)).toEqual(['callback-api-after-global-error', 'callback-api-label']);
  expect(resultOf(report, 'callback-api-after-global-error').hint).toBe('Event Flows → connect AgentDisconnected to an End Flow again, not to CallBackAPI_HTTPRequest: only OnGlobalError may lead to a Create Task request.');
});

test('CallBackAPI_HTTPRequest built again while HTTPStatusCode still reads the old one: told to test the new one (the label is taken)', async () => {
  const report = await gradeMutation(rebuild('CallBackAPI_HTTPRequest', 'CallBackAPI_HTTPRequest2', () => {}));
  expect(failing(report)).toEqual(['callback-api-label', 'status-condition-expression', 'run-status-true-on-201']);
  const hint = 'HTTPStatusCode → Expression: {{CallBackAPI_HTTPRequest2.httpStatusCode == 201}} (the CallBackAPI_HTTPRequest that OnGlobalError does not lead to never runs; or delete it, then set the Activity Label of CallBackAPI_HTTPRequest2 to CallBackAPI_HTTPRequest).';
  expect(resultOf(report, 'status-condition-expression').hint).toBe(hint);
  expect(resultOf(report, 'run-status-true-on-201').hint).toBe(hint);
});

test('GET_CBID built again, SetGetResult reading the new one, a guard before the Create Task request still reading the old one, which never runs: the guard is told to read the new one (the label GET_CBID is taken), not to correct a condition that is right', async () => {
  const report = await gradeMutation((f) => {
    rebuild('GET_CBID', 'GET_CBID2', () => {}, (g) => { props(g, 'SetGetResult').expr = '{{GET_CBID2.httpResponseBody}}'; })(f);
    conditionOn(f, 'GlobalErrorHandling', 'out', 'HasNumber', '{{GET_CBID.httpStatusCode == 200}}', 'CallBackAPI_HTTPRequest', 'EndFlow_kid');
  });
  expect(failing(report)).toEqual(['get-cbid-label', 'run-task-created']);
  expect(resultOf(report, 'run-task-created')).toMatchObject({
    message: 'OnGlobalError ran, but CallBackAPI_HTTPRequest never did (HasNumber left by False: it went on to EndFlow_kid)',
    hint: 'Event Flows → HasNumber → Expression: read GET_CBID2 where it reads GET_CBID (the GET_CBID that nothing leads to never runs; or delete it, then set the Activity Label of GET_CBID2 to GET_CBID).',
  });
});

test('GET_CBID built again while SetGetResult, relabelled, still reads the old one: the hint names SetGetResult by its own label', async () => {
  const report = await gradeMutation(rebuild('GET_CBID', 'GET_CBID2', () => {}, (f) => relabel(f, 'SetGetResult', 'Set_Result')));
  expect(resultOf(report, 'set-get-result-value').hint).toBe(
    'Set_Result → Set To Variable: GET_CBID2.httpResponseBody (the GET_CBID that nothing leads to never runs; or delete it, then set the Activity Label of GET_CBID2 to GET_CBID).',
  );
});
