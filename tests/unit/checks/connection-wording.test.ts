/**
 * One edit, one wording: every hint naming a connection in the Main Flow says it in Flow Designer's
 * terms and the guide's, whichever check gives it, static or simulated. An exit leads to one activity:
 * an open one is connected ("Connect GET_CBID to SetGetResult (Build step 5)."), a connected one has
 * its connection dragged ("Drag the connection of GET_CBID from SimulateGlobalError to SetGetResult
 * (Build step 5)."); an exit is named as the canvas shows it (a Menu's option by its digit, the one exit
 * of an HTTP Request or a Set Variable by the activity). Each case pins the hint per flow state, for
 * every check failing for that connection (lib/graph.ts connectionEdit).
 */
import { test, expect } from '@playwright/test';
import { MISTAKES } from './mutations.js';
import { LAB_MISTAKES, withMistakes } from './lab-mistakes.js';
import { addActivity, gradeFixture, gradeMutation, link, mission, relabel, removeActivity, resultOf, unlink } from './support.js';
import type { GradeReport } from '../../../engine/report.js';

/** The hints of `ids` in `report`, each of a failed check. */
function hintsOf(report: GradeReport, ids: string[]): [string, string, string | undefined][] {
  return ids.map((id) => [id, resultOf(report, id).status, resultOf(report, id).hint]);
}

function same(ids: string[], hint: string): [string, string, string][] {
  return ids.map((id) => [id, 'failed', hint]);
}

test('GET_CBID to SetGetResult: open, connect it; connected elsewhere, drag its connection (step 5, static and simulated)', async () => {
  const ids = ['set-get-result-after-get-cbid', 'run-getresult-holds-body'];
  expect(hintsOf(await gradeMutation(MISTAKES['get-cbid-not-linked']), ids)).toEqual(same(ids, 'Connect GET_CBID to SetGetResult (Build step 5).'));
  expect(hintsOf(await gradeMutation(MISTAKES['get-cbid-skips-set-get-result']), ids)).toEqual(
    same(ids, 'Drag the connection of GET_CBID from SimulateGlobalError to SetGetResult (Build step 5).'),
  );
});

test('SetGetResult to SimulateGlobalError: open, connect it; connected elsewhere, drag its connection (step 6, static and simulated)', async () => {
  const ids = ['simulate-error-after-set-get-result', 'run-global-error-raised'];
  expect(hintsOf(await gradeFixture('flows/defect-setgetresult-not-linked.json'), ids)).toEqual(same(ids, 'Connect SetGetResult to SimulateGlobalError (Build step 6).'));
  expect(hintsOf(await gradeMutation(MISTAKES['set-get-result-skips-simulate-error']), ids)).toEqual(
    same(ids, 'Drag the connection of SetGetResult from DisconnectContact_g9e to SimulateGlobalError (Build step 6).'),
  );
});

test('WantCallback option 3 to GET_CBID: open, connect it; connected elsewhere, drag its connection (step 4, static and simulated)', async () => {
  const ids = ['get-cbid-after-option3', 'run-option3-reaches-get-cbid'];
  expect(hintsOf(await gradeFixture('flows/defect-menu-option3-unlinked.json'), ids)).toEqual(same(ids, 'Connect WantCallback option 3 to GET_CBID (Build step 4).'));
  expect(hintsOf(await gradeFixture('flows/defect-menu-option3-to-newnumber.json'), ids)).toEqual(
    same(ids, 'Drag the connection of WantCallback option 3 from NewNumber to GET_CBID (Build step 4).'),
  );
});

test('SimulateGlobalError to the Disconnect Contact left aside: its connection dragged there (step 6)', async () => {
  expect(resultOf(await gradeMutation(MISTAKES['simulate-error-to-music']), 'simulate-error-to-disconnect').hint).toBe(
    'Drag the connection of SimulateGlobalError from Music to DisconnectContact_g9e (Build step 6).',
  );
  // Open, with the Disconnect Contact still there: connected.
  const open = await gradeMutation((f) => unlink(f, 'SimulateGlobalError', 'out'));
  expect(resultOf(open, 'simulate-error-to-disconnect').hint).toBe('Connect SimulateGlobalError to DisconnectContact_g9e (Build step 6).');
});

test('CallBackAPI_HTTPRequest left open in the Event Flows: connected, not dragged (step 9, static and simulated)', async () => {
  const ids = ['status-condition-after-callback-api', 'run-status-true-on-201'];
  expect(hintsOf(await gradeMutation(MISTAKES['callback-api-not-linked']), ids)).toEqual(same(ids, 'Event Flows → connect CallBackAPI_HTTPRequest to HTTPStatusCode (Build step 9).'));
  expect(hintsOf(await gradeMutation(MISTAKES['callback-api-straight-to-end']), ids)).toEqual(
    same(ids, 'Event Flows → drag the connection of CallBackAPI_HTTPRequest from EndFlow_kid to HTTPStatusCode (Build step 9).'),
  );
});

test('SimulateGlobalError put too early: the connection to it is dragged, in the static check\'s words', async () => {
  const report = await gradeMutation((f) => link(f, 'WantCallback', '3', 'SimulateGlobalError'));
  const edit = 'drag the connection of WantCallback option 3 from SimulateGlobalError to GET_CBID (Build step 4)';
  expect(resultOf(report, 'get-cbid-after-option3').hint).toBe(`D${edit.slice(1)}.`);
  expect(resultOf(report, 'run-option3-reaches-get-cbid').hint).toBe(
    `SimulateGlobalError fails on purpose (Build step 6), so nothing after it runs: ${edit}; SimulateGlobalError goes after SetGetResult.`,
  );
});

test('SetGetResult connected before GET_CBID (option 3 → SetGetResult → GET_CBID): the three connections that swap them, not one drag that would make a loop (static and simulated)', async () => {
  const report = await gradeMutation((f) => {
    link(f, 'WantCallback', '3', 'SetGetResult');
    link(f, 'SetGetResult', 'out', 'GET_CBID');
    link(f, 'GET_CBID', 'default', 'SimulateGlobalError');
  });
  const ids = ['set-get-result-after-get-cbid', 'run-getresult-holds-body'];
  // Before: "Drag the connection of GET_CBID from SimulateGlobalError to SetGetResult", after which SetGetResult → GET_CBID → SetGetResult.
  expect(hintsOf(report, ids)).toEqual(
    same(
      ids,
      'SetGetResult is connected before GET_CBID, not after it: drag the connection of WantCallback option 3 from SetGetResult to GET_CBID, drag the connection of GET_CBID from SimulateGlobalError to SetGetResult (Build step 5), and drag the connection of SetGetResult from GET_CBID to SimulateGlobalError.',
    ),
  );
  expect(resultOf(report, 'run-getresult-holds-body').message).toBe(
    'After GET_CBID the call never reached SetGetResult (SetGetResult ran before GET_CBID; then it went on to SimulateGlobalError, which raises the global error on purpose, so nothing after it runs)',
  );
});

test('HTTPStatusCode connected before CallBackAPI_HTTPRequest (OnGlobalError → HTTPStatusCode → CallBackAPI_HTTPRequest): the three connections that swap them name the event handler OnGlobalError, as the canvas and the guide do, not its export name', async () => {
  for (const exit of ['True', 'False']) {
    const report = await gradeMutation(withMistakes(LAB_MISTAKES[`HTTPStatusCode connected before CallBackAPI_HTTPRequest (${exit} on to it)`]!));
    // Before: "drag the connection of GlobalErrorHandling from HTTPStatusCode to CallBackAPI_HTTPRequest".
    expect(hintsOf(report, ['status-condition-after-callback-api']), exit).toEqual(
      same(
        ['status-condition-after-callback-api'],
        `Event Flows → HTTPStatusCode is connected before CallBackAPI_HTTPRequest, not after it: drag the connection of OnGlobalError from HTTPStatusCode to CallBackAPI_HTTPRequest, drag the connection of CallBackAPI_HTTPRequest from EndFlow_kid to HTTPStatusCode (Build step 9), and drag the connection of the ${exit} exit of HTTPStatusCode from CallBackAPI_HTTPRequest to EndFlow_kid.`,
      ),
    );
  }
});

test('SimulateGlobalError connected before SetGetResult (GET_CBID → SimulateGlobalError → SetGetResult → Disconnect): the static check gives the three connections that swap them', async () => {
  const report = await gradeMutation((f) => {
    link(f, 'GET_CBID', 'default', 'SimulateGlobalError');
    link(f, 'SimulateGlobalError', 'out', 'SetGetResult');
    link(f, 'SetGetResult', 'out', 'DisconnectContact_g9e');
  });
  expect(resultOf(report, 'simulate-error-after-set-get-result').hint).toBe(
    'SimulateGlobalError is connected before SetGetResult, not after it: drag the connection of GET_CBID from SimulateGlobalError to SetGetResult, drag the connection of SetGetResult from DisconnectContact_g9e to SimulateGlobalError (Build step 6), and drag the connection of SimulateGlobalError from SetGetResult to DisconnectContact_g9e.',
  );
});

// SimulateGlobalError fails on purpose (Build step 6): its exit never runs, so a way through it leads
// nowhere at run time. The static "leads to" checks do not count it, and give the drag the simulated
// call gives (before, they passed beside the simulated call's failure).
test('GET_CBID → SimulateGlobalError → SetGetResult: GET_CBID does not lead to SetGetResult, its connection is dragged (step 5, static)', async () => {
  const report = await gradeMutation((f) => {
    link(f, 'GET_CBID', 'default', 'SimulateGlobalError');
    link(f, 'SimulateGlobalError', 'out', 'SetGetResult');
    link(f, 'SetGetResult', 'out', 'DisconnectContact_g9e');
  });
  const result = resultOf(report, 'set-get-result-after-get-cbid');
  expect([result.status, result.message, result.actual, result.hint]).toEqual([
    'failed',
    'GET_CBID leads to SetGetResult only through SimulateGlobalError, which fails on purpose (Build step 6), so nothing after it runs',
    'GET_CBID → SimulateGlobalError',
    'Drag the connection of GET_CBID from SimulateGlobalError to SetGetResult (Build step 5).',
  ]);
});

test('WantCallback option 3 → SimulateGlobalError → GET_CBID: option 3 does not lead to GET_CBID, its connection is dragged (step 4, static)', async () => {
  const report = await gradeMutation((f) => {
    link(f, 'WantCallback', '3', 'SimulateGlobalError');
    link(f, 'SimulateGlobalError', 'out', 'GET_CBID');
    link(f, 'SetGetResult', 'out', 'DisconnectContact_g9e');
  });
  const result = resultOf(report, 'get-cbid-after-option3');
  expect([result.status, result.message, result.actual, result.hint]).toEqual([
    'failed',
    'Option 3 of WantCallback leads to GET_CBID only through SimulateGlobalError, which fails on purpose (Build step 6), so nothing after it runs',
    'WantCallback option 3 → SimulateGlobalError',
    'Drag the connection of WantCallback option 3 from SimulateGlobalError to GET_CBID (Build step 4).',
  ]);
});

test('a Play Message and another Set Variable between option 3 and GET_CBID, and between GET_CBID and SetGetResult: both still lead there', async () => {
  const report = await gradeMutation((f) => {
    const wait = { activityName: 'play-message', toggle: true, promptsTts: [{ type: 'tts', value: 'One moment please.' }] };
    const note = { activityName: 'set-variable', activityId: 'set-variable', srcVariable: 'simulatederror', setTo: 'set-to-literal', expr: 'calling' };
    addActivity(f, 'WantCallback', 'PleaseWait', wait);
    addActivity(f, 'WantCallback', 'NoteCall', note, 'set-variable');
    addActivity(f, 'WantCallback', 'PleaseWaitMore', { ...wait, promptsTts: [{ type: 'tts', value: 'Almost there.' }] });
    addActivity(f, 'WantCallback', 'NoteBody', { ...note, expr: 'fetched' }, 'set-variable');
    link(f, 'WantCallback', '3', 'PleaseWait');
    link(f, 'PleaseWait', 'default', 'NoteCall');
    link(f, 'NoteCall', 'out', 'GET_CBID');
    link(f, 'GET_CBID', 'default', 'PleaseWaitMore');
    link(f, 'PleaseWaitMore', 'default', 'NoteBody');
    link(f, 'NoteBody', 'out', 'SetGetResult');
  });
  for (const id of ['get-cbid-after-option3', 'set-get-result-after-get-cbid', 'run-option3-reaches-get-cbid', 'run-getresult-holds-body']) {
    expect([id, resultOf(report, id).status, resultOf(report, id).message]).toEqual([id, 'passed', expect.any(String)]);
  }
});

test('another exit of WantCallback on the error chain: the regression check and the option 3 check drag the same connection', async () => {
  const option1 = await gradeMutation(MISTAKES['option1-also-to-get-cbid']);
  expect(resultOf(option1, 'get-cbid-after-option3').hint).toBe(
    'Drag the connection of WantCallback option 1 from GET_CBID to NewNumber, as Callback Mission 2 left it: only option 3 may lead to GET_CBID.',
  );
  expect(resultOf(option1, 'want-callback-option1-regression').hint).toBe('Drag the connection of WantCallback option 1 from GET_CBID to NewNumber, as Callback Mission 2 left it.');
  const option2 = await gradeMutation(MISTAKES['option2-to-set-get-result']);
  expect(resultOf(option2, 'get-cbid-after-option3').hint).toBe(
    'Drag the connection of WantCallback option 2 from SetGetResult to Music, as Callback Mission 2 left it: only option 3 may lead to GET_CBID.',
  );
  expect(resultOf(option2, 'want-callback-option2-regression').hint).toBe('Drag the connection of WantCallback option 2 from SetGetResult to Music, as Callback Mission 2 left it.');
  expect(resultOf(await gradeMutation(MISTAKES['no-input-to-get-cbid']), 'get-cbid-after-option3').hint).toBe(
    'Drag the connection of the No-Input Timeout exit of WantCallback from GET_CBID to WantCallback, as Callback Mission 2 left it: only option 3 may lead to GET_CBID.',
  );
  // Left open: connected.
  expect(resultOf(await gradeFixture('flows/defect-regression-option1-unlinked.json'), 'want-callback-option1-regression').hint).toBe(
    'Connect WantCallback option 1 to NewNumber, as Callback Mission 2 left it.',
  );
});

test('option 3 holding NewNumber, option 1 open: one sequence of edits in the Main Flow\'s words, in every check', async () => {
  const report = await gradeMutation((f) => {
    link(f, 'WantCallback', '3', 'NewNumber');
    unlink(f, 'WantCallback', '1');
  });
  const ids = ['want-callback-option1-regression', 'get-cbid-after-option3', 'run-option3-reaches-get-cbid'];
  expect(hintsOf(report, ids)).toEqual(same(ids, 'Drag the connection of WantCallback option 3 from NewNumber to GET_CBID (Build step 4), then connect WantCallback option 1 to NewNumber.'));
});

test('option 3 holding NewNumber, option 1 led to Music: the sequence drags option 1\'s connection from Music, in every check', async () => {
  const report = await gradeMutation((f) => {
    link(f, 'WantCallback', '3', 'NewNumber');
    link(f, 'WantCallback', '1', 'Music');
  });
  const ids = ['want-callback-option1-regression', 'get-cbid-after-option3', 'run-option3-reaches-get-cbid'];
  expect(hintsOf(report, ids)).toEqual(
    same(ids, 'Drag the connection of WantCallback option 3 from NewNumber to GET_CBID (Build step 4), then drag the connection of WantCallback option 1 from Music to NewNumber.'),
  );
});

test('option 1 open, NewNumber relabelled: the hint connects it to the Collect Digits in its place, by its label', async () => {
  const report = await gradeMutation((f) => {
    relabel(f, 'NewNumber', 'AskNumber');
    unlink(f, 'WantCallback', '1');
  });
  expect(resultOf(report, 'want-callback-option1-regression').hint).toBe('Connect WantCallback option 1 to AskNumber, as Callback Mission 2 left it.');
});

test('option 1 also to GET_CBID: the connection goes back to the Collect Digits by its label, or to NewNumber when the flow has none', async () => {
  const hint = async (edit: (f: Record<string, any>) => void) =>
    resultOf(await gradeMutation((f) => (MISTAKES['option1-also-to-get-cbid'](f), edit(f))), 'get-cbid-after-option3').hint;
  expect(await hint((f) => relabel(f, 'NewNumber', 'AskNumber'))).toBe(
    'Drag the connection of WantCallback option 1 from GET_CBID to AskNumber, as Callback Mission 2 left it: only option 3 may lead to GET_CBID.',
  );
  expect(await hint((f) => removeActivity(f, 'NewNumber'))).toBe(
    'Drag the connection of WantCallback option 1 from GET_CBID to NewNumber, as Callback Mission 2 left it: only option 3 may lead to GET_CBID.',
  );
});

test('option 2 away from Music, Music relabelled: the hint leads it to the Play Music by its label, not to the Queue Contact the call passes before the menu', async () => {
  const open = await gradeMutation((f) => {
    relabel(f, 'Music', 'PlayMusic_x1');
    unlink(f, 'WantCallback', '2');
  });
  expect(resultOf(open, 'want-callback-option2-regression').hint).toBe('Connect WantCallback option 2 to PlayMusic_x1, as Callback Mission 2 left it.');
  // Its No-Input Timeout sent to the Play Music too: reached through the menu, it is still after it.
  const toGetCbid = await gradeMutation((f) => (relabel(f, 'Music', 'PlayMusic_x1'), link(f, 'WantCallback', '2', 'GET_CBID'), link(f, 'WantCallback', 'timeout', 'PlayMusic_x1')));
  expect(resultOf(toGetCbid, 'get-cbid-after-option3').hint).toBe(
    'Drag the connection of WantCallback option 2 from GET_CBID to PlayMusic_x1, as Callback Mission 2 left it: only option 3 may lead to GET_CBID.',
  );
});

test('option 2 open, Music relabelled beside the Subflow added to replace it: no guess between the two, the check\'s own hint', async () => {
  const report = await gradeMutation((f) => {
    relabel(f, 'Music', 'PlayMusic_x1');
    unlink(f, 'WantCallback', '2');
    addActivity(f, 'PlayMusic_x1', 'Subflow_140', { activityName: 'subflow-handoff', subflowName: 'WaitTreatment' });
  });
  const check = mission.checks.find((c) => c.id === 'want-callback-option2-regression')!;
  expect(resultOf(report, check.id)).toMatchObject({ status: 'failed', hint: check.hint });
});
