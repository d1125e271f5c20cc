/**
 * An attendee checking Main_Flow as they build it, Build step by Build step: the export they would
 * have after each step of the guide, and the half-done moments in between (a node added but not yet
 * connected, an option added before its prompt, an event-flow request not yet connected). Each stage
 * is the solution with the later steps undone, as lab-context.md §2 describes the flow before the
 * mission. The report must point at the next thing to do: its "Fix first" is the first check of the
 * next step, in the guide's order, and every check of the steps already done passes (a gap in a
 * later step never fails an earlier one). docs/cli.md's table "Checking a flow while you build it"
 * lists the same stages.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GradeReport } from '../../../engine/report.js';
import { firstFix } from '../../../reports/summary.js';
import { ROOT } from '../../helpers.js';
import { HINTS } from '../../../checks/callback-on-global-error/lib/hints.js';
import { grade, link, mutated, props, relabel, removeActivity, unlink, type Json, type Mutation } from './support.js';

const dropVariables = (f: Json, ...names: string[]) => {
  f.variables = (f.variables as Json[]).filter((v) => !names.includes(v.name));
};
const TTS_BEFORE = 'All agents are busy. Please press 1 if you want to schedule a callback. Press 2 if you want to wait in queue.';

interface Stage {
  name: string;
  /** What turns the next stage into this one (undoes the next bit of the guide). */
  undoNext: Mutation;
  /** Every check of Build steps 1..done passes. */
  done: number;
  /** The report's "Fix first" (undefined: the flow passes). */
  fixFirst: string | undefined;
  earned: number;
}

// In the guide's order; each stage's undoNext turns the stage after it into this one.
const STAGES: Stage[] = [
  { name: 'before the mission (Build step 1: the flow open)', done: 1, fixFirst: 'variable-outdialcbid', earned: 3, undoNext: (f) => dropVariables(f, 'outdialcbid', 'customani') },
  { name: 'step 2 half done: outdialcbid and customani added', done: 1, fixFirst: 'variable-getresult', earned: 7, undoNext: (f) => dropVariables(f, 'getresult', 'simulatederror') },
  { name: 'step 2: the four flow variables', done: 2, fixFirst: 'want-callback-option3', earned: 11, undoNext: (f) => {
    const p = props(f, 'WantCallback');
    p.menuLinks = ['1', '2'];
    p['menuLinks:input'] = p.menuLinks_input = ['Callback', 'Stay in queue'];
  } },
  { name: 'step 3 half done: option 3 added, prompt not yet extended', done: 2, fixFirst: 'want-callback-prompt-option3', earned: 15, undoNext: (f) => {
    const tts = props(f, 'WantCallback').promptsTts[0];
    tts.value = tts.name = TTS_BEFORE;
  } },
  { name: 'step 3: option 3 and its prompt', done: 3, fixFirst: 'get-cbid-after-option3', earned: 17, undoNext: (f) => removeActivity(f, 'GET_CBID') },
  { name: 'step 4 half done: GET_CBID configured, option 3 not connected', done: 3, fixFirst: 'get-cbid-after-option3', earned: 34, undoNext: (f) => unlink(f, 'WantCallback', '3') },
  { name: 'step 4: GET_CBID after option 3', done: 4, fixFirst: 'set-get-result-after-get-cbid', earned: 42, undoNext: (f) => removeActivity(f, 'SetGetResult') },
  { name: 'step 5 half done: SetGetResult set, GET_CBID not connected to it', done: 4, fixFirst: 'set-get-result-after-get-cbid', earned: 46, undoNext: (f) => unlink(f, 'GET_CBID', 'default') },
  { name: 'step 5: SetGetResult after GET_CBID', done: 5, fixFirst: 'simulate-error-after-set-get-result', earned: 50, undoNext: (f) => removeActivity(f, 'SimulateGlobalError') },
  { name: 'step 6 half done: SimulateGlobalError, no Disconnect Contact yet', done: 5, fixFirst: 'simulate-error-to-disconnect', earned: 63, undoNext: (f) => removeActivity(f, 'DisconnectContact_g9e') },
  { name: 'step 6: SimulateGlobalError → Disconnect Contact', done: 6, fixFirst: 'global-error-not-to-endflow', earned: 65, undoNext: (f) => link(f, 'GlobalErrorHandling', 'out', 'EndFlow_kid') },
  { name: 'step 7: OnGlobalError → EndFlow deleted', done: 7, fixFirst: 'callback-api-after-global-error', earned: 69, undoNext: (f) => removeActivity(f, 'CallBackAPI_HTTPRequest') },
  { name: 'step 8 half done: CallBackAPI_HTTPRequest configured, OnGlobalError not connected', done: 7, fixFirst: 'callback-api-after-global-error', earned: 85, undoNext: (f) => unlink(f, 'GlobalErrorHandling', 'out') },
  { name: 'step 8: OnGlobalError → CallBackAPI_HTTPRequest', done: 8, fixFirst: 'status-condition-after-callback-api', earned: 93, undoNext: (f) => removeActivity(f, 'HTTPStatusCode') },
  { name: 'step 9 half done: HTTPStatusCode, its exits not connected', done: 8, fixFirst: 'status-condition-exits-to-endflow', earned: 107, undoNext: (f) => unlink(f, 'HTTPStatusCode', 'true') },
  { name: 'step 9 half done: only True connected to EndFlow', done: 8, fixFirst: 'status-condition-exits-to-endflow', earned: 107, undoNext: (f) => unlink(f, 'HTTPStatusCode', 'false') },
  { name: 'step 9: the finished flow', done: 13, fixFirst: undefined, earned: 110, undoNext: () => {} },
];

/** The stage at `index`: the solution with every later stage's undoNext applied, last first. */
function stageMutation(index: number): Mutation {
  return (f) => {
    for (let i = STAGES.length - 2; i >= index; i--) STAGES[i].undoNext(f);
  };
}

const reports = new Map<number, Promise<GradeReport>>();
function gradeStage(index: number): Promise<GradeReport> {
  let report = reports.get(index);
  if (!report) {
    report = grade(mutated(stageMutation(index)));
    reports.set(index, report);
  }
  return report;
}

STAGES.forEach((stage, index) => {
  test(`build stage ${index}, ${stage.name}: the report points at the next step`, async () => {
    const report = await gradeStage(index);
    expect(report.verdict).toBe(stage.fixFirst ? 'failed' : 'passed');
    expect(report.score?.earned).toBe(stage.earned);
    expect(firstFix(report)?.id).toBe(stage.fixFirst);
    // Nothing already built is blamed for what is not built yet.
    const doneButNotPassed = report.checks.filter((c) => c.step <= stage.done && c.severity !== 'info' && c.status !== 'passed');
    expect(doneButNotPassed.map((c) => `${c.id}: ${c.status} — ${c.message}`)).toEqual([]);
    // A half-built flow is judged, never reported as an internal error or an activity not simulated.
    expect(report.checks.filter((c) => c.status === 'errored').map((c) => c.id)).toEqual([]);
    expect(report.checks.map((c) => c.message).filter((m) => /not simulated|internal error/i.test(m))).toEqual([]);
  });
});

/** An HTTP Request as Flow Designer opens its panel: Use Authenticated Endpoint Off, nothing typed, GET, no Parsing Settings. */
const FRESH_HTTP_REQUEST = {
  authenticated: false, httpRequestUrl: null, httpRequestPath: null, connectorId: null, 'connectorId:name': null, connectorId_name: null,
  httpRequestMethod: 'GET', httpRequestMethod_name: 'GET', 'httpRequestMethod:name': 'GET', httpRequestBody: null,
  contentType: null, contentType_name: null, 'contentType:name': null, outputVariableArray: [],
};

// A node added, labelled and connected, its settings not (all) filled in yet: Fix first is the first of
// its settings the guide lists that is missing, and every earlier step still passes.
const UNFILLED: { name: string; stage: string; done: number; fixFirst: string; edit: Mutation }[] = [
  { name: 'GET_CBID with nothing typed', stage: 'step 4:', done: 3, fixFirst: 'get-cbid-url', edit: (f) => Object.assign(props(f, 'GET_CBID'), FRESH_HTTP_REQUEST) },
  { name: 'GET_CBID without its Parsing Settings', stage: 'step 4:', done: 3, fixFirst: 'get-cbid-parse-json', edit: (f) => Object.assign(props(f, 'GET_CBID'), { contentType: null, contentType_name: null, 'contentType:name': null, outputVariableArray: [] }) },
  { name: 'GET_CBID with one Parsing Settings row', stage: 'step 4:', done: 3, fixFirst: 'get-cbid-parse-paths', edit: (f) => props(f, 'GET_CBID').outputVariableArray.pop() },
  { name: 'SetGetResult with no variable chosen', stage: 'step 5:', done: 4, fixFirst: 'set-get-result-value', edit: (f) => Object.assign(props(f, 'SetGetResult'), { srcVariable: null, srcVariableType: null, expr: null, setTo: 'set-to-literal' }) },
  { name: 'SimulateGlobalError with an empty Set Value', stage: 'step 6:', done: 5, fixFirst: 'simulate-error-value-fails', edit: (f) => { props(f, 'SimulateGlobalError').expr = ''; } },
  { name: 'CallBackAPI_HTTPRequest with nothing typed', stage: 'step 8:', done: 7, fixFirst: 'callback-api-authenticated', edit: (f) => Object.assign(props(f, 'CallBackAPI_HTTPRequest'), FRESH_HTTP_REQUEST) },
  // Use Authenticated Endpoint On and the connector picked: the guide's next line is the Request Path, then the Method.
  { name: 'CallBackAPI_HTTPRequest with its connector only', stage: 'step 8:', done: 7, fixFirst: 'callback-api-path', edit: (f) => Object.assign(props(f, 'CallBackAPI_HTTPRequest'), FRESH_HTTP_REQUEST, { authenticated: true, connectorId: props(f, 'CallBackAPI_HTTPRequest').connectorId, 'connectorId:name': 'WxCC_API', connectorId_name: 'WxCC_API' }) },
  { name: 'CallBackAPI_HTTPRequest without its Request Body', stage: 'step 8:', done: 7, fixFirst: 'callback-api-body', edit: (f) => { props(f, 'CallBackAPI_HTTPRequest').httpRequestBody = null; } },
  { name: 'HTTPStatusCode with no Expression', stage: 'step 9:', done: 8, fixFirst: 'status-condition-expression', edit: (f) => { props(f, 'HTTPStatusCode').expression = ''; } },
  // The guide connects both exits to EndFlow before it writes the Expression.
  { name: 'HTTPStatusCode with no Expression and its exits not connected', stage: 'step 9:', done: 8, fixFirst: 'status-condition-exits-to-endflow', edit: (f) => { props(f, 'HTTPStatusCode').expression = ''; unlink(f, 'HTTPStatusCode', 'true'); unlink(f, 'HTTPStatusCode', 'false'); } },
];

for (const unfilled of UNFILLED) {
  test(`${unfilled.name}: Fix first is that setting, earlier steps pass`, async () => {
    const index = STAGES.findIndex((s) => s.name.startsWith(unfilled.stage));
    const report = await grade(mutated((f) => {
      stageMutation(index)(f);
      unfilled.edit(f);
    }));
    expect(firstFix(report)?.id).toBe(unfilled.fixFirst);
    const doneButNotPassed = report.checks.filter((c) => c.step <= unfilled.done && c.severity !== 'info' && c.status !== 'passed');
    expect(doneButNotPassed.map((c) => c.id)).toEqual([]);
    expect(report.checks.filter((c) => c.status === 'errored').map((c) => c.id)).toEqual([]);
  });
}

// Step 8's request added before step 7 is done (the guide's order, reversed): OnGlobalError still goes
// to EndFlow. Step 7's check, step 8's and the simulated call's all say to delete that connection
// first, in step 7's words: none says to drag it, which the guide never does.
test('CallBackAPI_HTTPRequest added while OnGlobalError still goes to EndFlow: every hint says to delete that connection (Build step 7), then connect the request', async () => {
  const stepEightNotWired = STAGES.findIndex((s) => s.name.startsWith('step 8 half done'));
  const report = await grade(mutated((f) => {
    stageMutation(stepEightNotWired)(f);
    link(f, 'GlobalErrorHandling', 'out', 'EndFlow_kid');
  }));
  const failing = report.checks.filter((c) => c.status === 'failed');
  expect(failing.map((c) => c.id)).toEqual(['global-error-not-to-endflow', 'callback-api-after-global-error', 'run-task-created', 'status-condition-after-callback-api']);
  for (const check of failing.slice(0, 3)) expect(check.hint, check.id).toMatch(/delete the connection from OnGlobalError to EndFlow/);
  expect(failing.find((c) => c.id === 'callback-api-after-global-error')?.hint).toBe(
    'Event Flows → delete the connection from OnGlobalError to EndFlow_kid (Build step 7), then connect OnGlobalError to CallBackAPI_HTTPRequest (Build step 8).',
  );
});

// Step 5 half done the other way: SetGetResult added and connected, its settings not filled in yet.
// The simulated call reaches it, so its hint is about those settings, as the static check's is, not
// about connecting GET_CBID to it, which is done.
test('SetGetResult connected but its Variable or Set To Variable not chosen yet: the simulated call hints at those settings, not at the connection', async () => {
  const stepFive = STAGES.findIndex((s) => s.name.startsWith('step 5:'));
  const settings = {
    'no variable chosen': { srcVariable: null, srcVariableType: null, expr: null, setTo: 'set-to-literal' },
    'Set To Variable left empty': { expr: null, setTo: 'set-to-variable' },
  };
  for (const [name, edit] of Object.entries(settings)) {
    const report = await grade(mutated((f) => {
      stageMutation(stepFive)(f);
      Object.assign(props(f, 'SetGetResult'), edit);
    }));
    const value = report.checks.find((c) => c.id === 'set-get-result-value')!;
    const run = report.checks.find((c) => c.id === 'run-getresult-holds-body')!;
    expect([value.status, run.status], name).toEqual(['failed', 'failed']);
    expect(run.hint, name).not.toContain('Connect GET_CBID');
    expect(run.hint, name).toContain(value.hint);
  }
});

// Step 8 just begun: the HTTP Request dropped on the Event Flows canvas, labelled and connected, its
// panel as Flow Designer opens it (Use Authenticated Endpoint Off, no Request URL or Path, GET, no body).
test('CallBackAPI_HTTPRequest connected, its settings not filled in yet: the path check says there is no path, and to switch the toggle On first', async () => {
  const stepEight = STAGES.findIndex((s) => s.name.startsWith('step 8:'));
  const report = await grade(mutated((f) => {
    stageMutation(stepEight)(f);
    Object.assign(props(f, 'CallBackAPI_HTTPRequest'), FRESH_HTTP_REQUEST);
  }));
  expect(firstFix(report)?.id).toBe('callback-api-authenticated');
  const path = report.checks.find((c) => c.id === 'callback-api-path')!;
  expect([path.status, path.message, path.actual]).toEqual(['failed', 'CallBackAPI_HTTPRequest has no Request Path (Use Authenticated Endpoint is Off)', 'no Request Path']);
  expect(path.hint).toBe('CallBackAPI_HTTPRequest → Use Authenticated Endpoint: On, Connector: WxCC_API, then Request Path: /v1/tasks.');
});

// Step 5 part-way: SetGetResult's Variable chosen, Set To Variable selected, its variable not picked yet.
test('SetGetResult with Set To Variable and no variable picked yet is told so, not shown an empty quoted value', async () => {
  const stepFive = STAGES.findIndex((s) => s.name.startsWith('step 5:'));
  const report = await grade(mutated((f) => {
    stageMutation(stepFive)(f);
    Object.assign(props(f, 'SetGetResult'), { expr: null, setTo: 'set-to-variable' });
  }));
  const value = report.checks.find((c) => c.id === 'set-get-result-value')!;
  expect([value.status, value.message, value.actual]).toEqual(['failed', 'SetGetResult sets getresult with Set To Variable, but no variable is picked', 'getresult ← Set To Variable (none picked)']);
});

test("docs/cli.md's table of build stages gives each stage's verdict, score and Fix first, in this order", async () => {
  const page = readFileSync(path.join(ROOT, 'docs/cli.md'), 'utf8');
  const section = page.slice(page.indexOf('### Checking a flow while you build it'));
  const rows = [...section.matchAll(/^\| (?!The export|---)(.+?) \| (passed|failed) \| (\d+)\/110 \| (.+?) \|$/gm)].map(([, , verdict, earned, fix]) => ({
    verdict,
    earned: Number(earned),
    fixFirst: /\(checks\/([a-z0-9-]+)\.md\)/.exec(fix!)?.[1],
  }));
  const graded = await Promise.all(STAGES.map(async (_, i) => {
    const report = await gradeStage(i);
    return { verdict: report.verdict, earned: report.score?.earned, fixFirst: firstFix(report)?.id };
  }));
  expect(rows).toEqual(graded);
});

// Step 4 part-way: the first Parsing Settings row typed, Add New not clicked yet. Nothing typed is
// wrong, only a row is missing: the message says the settings are incomplete, not wrong.
test('GET_CBID with the first Parsing Settings row only is told its Parsing Settings are incomplete, not wrong', async () => {
  const stepFour = STAGES.findIndex((s) => s.name.startsWith('step 4:'));
  const report = await grade(mutated((f) => {
    stageMutation(stepFour)(f);
    props(f, 'GET_CBID').outputVariableArray.pop();
  }));
  expect(report.checks.find((c) => c.id === 'get-cbid-parse-paths')?.message).toBe('GET_CBID Parsing Settings are incomplete: no row writes customani');
  const none = await grade(mutated((f) => {
    stageMutation(stepFour)(f);
    props(f, 'GET_CBID').outputVariableArray = [];
  }));
  expect(none.checks.find((c) => c.id === 'get-cbid-parse-paths')?.message).toBe('GET_CBID Parsing Settings are incomplete: no row writes outdialcbid; no row writes customani');
});

// Step 4 part-way within a row: its Output Variable picked, its Path Expression not typed yet. Nothing
// typed is wrong: incomplete too, with the hint of the row (type its path) or of the rows to add.
test('GET_CBID with a Parsing Settings row whose Output Variable is picked and Path Expression empty is told its Parsing Settings are incomplete, not wrong', async () => {
  const stepFour = STAGES.findIndex((s) => s.name.startsWith('step 4:'));
  const parsePaths = (report: GradeReport) => report.checks.find((c) => c.id === 'get-cbid-parse-paths');
  const secondVarOnly = await grade(mutated((f) => {
    stageMutation(stepFour)(f);
    props(f, 'GET_CBID').outputVariableArray = [
      { outputVariable: 'outdialcbid', jsonPathExp: '$[0].outboundcallbackep' },
      { outputVariable: 'customani', jsonPathExp: '' },
    ];
  }));
  expect(parsePaths(secondVarOnly)).toMatchObject({
    status: 'failed',
    message: 'GET_CBID Parsing Settings are incomplete: no Path Expression for customani',
    hint: 'GET_CBID → Parsing Settings: type the Path Expression $[0].tacnumber for customani.',
  });
  const firstVarOnly = await grade(mutated((f) => {
    stageMutation(stepFour)(f);
    props(f, 'GET_CBID').outputVariableArray = [{ outputVariable: 'outdialcbid', jsonPathExp: '' }];
  }));
  expect(parsePaths(firstVarOnly)).toMatchObject({
    status: 'failed',
    message: 'GET_CBID Parsing Settings are incomplete: no Path Expression for outdialcbid; no row writes customani',
    hint: HINTS.getCbidParsePaths,
  });
});

// Build step 6 edit by edit, in the guide's order (as an attendee checks the flow after each): the
// Set Variable added and labelled, connected after SetGetResult, the Disconnect Contact added after
// it, its Variable picked, its Set Value typed. A fresh Set Variable fails at run time ("no variable
// selected") and OnGlobalError runs, but that error is not the one Build step 6 raises: the simulated
// call's check is not judged then, naming the value's check, so picking the Variable (after which the
// activity no longer fails) never loses points.
const SIMULATE_ERROR_EDITS: { name: string; undo: Mutation }[] = [
  { name: 'labelled only', undo: (f) => unlink(f, 'SetGetResult', 'out') },
  { name: 'connected after SetGetResult', undo: (f) => removeActivity(f, 'DisconnectContact_g9e') },
  { name: 'Disconnect Contact after it', undo: (f) => Object.assign(props(f, 'SimulateGlobalError'), { srcVariable: null, srcVariableType: null }) },
  { name: 'Variable simulatederror picked', undo: (f) => { props(f, 'SimulateGlobalError').expr = null; } },
  { name: 'Set Value typed', undo: () => {} },
];

test('Build step 6 edit by edit in the guide\'s order: the score never drops, and the simulated call is never passed before SimulateGlobalError is filled in', async () => {
  const stepSix = STAGES.findIndex((s) => s.name.startsWith('step 6:'));
  const valueCheck = 'SimulateGlobalError sets simulatederror to a value that fails at run time';
  const seen = await Promise.all(SIMULATE_ERROR_EDITS.map(async (_, at) => {
    const report = await grade(mutated((f) => {
      stageMutation(stepSix)(f);
      for (let i = SIMULATE_ERROR_EDITS.length - 1; i >= at; i--) SIMULATE_ERROR_EDITS[i].undo(f);
    }));
    const run = report.checks.find((c) => c.id === 'run-global-error-raised')!;
    return { earned: report.score!.earned, run: `${run.status}${run.message.includes(`reported under “${valueCheck}”`) ? ' (value)' : ''}` };
  }));
  expect(seen.map((s) => s.run)).toEqual(['failed', 'skipped (value)', 'skipped (value)', 'failed', 'passed']);
  for (let i = 1; i < seen.length; i++) expect(seen[i].earned, SIMULATE_ERROR_EDITS[i].name).toBeGreaterThanOrEqual(seen[i - 1].earned);
});

// SimulateGlobalError half filled in another way: its Set Value typed before its Variable is picked, or
// a second row added (Add New) and left empty beside a value that evaluates. The row with no Variable
// fails the activity, not a value: the simulated call's check is not judged, naming the value's check,
// which fails; the stages after OnGlobalError are judged on what it did (in the finished flow: passed).
test('SimulateGlobalError failing only at a row with no Variable selected: the simulated call is not judged, naming the value check, and the event flow is judged', async () => {
  const finished = STAGES.length - 1;
  const halfFilled: Record<string, Mutation> = {
    'Set Value typed, no Variable picked': (f) => Object.assign(props(f, 'SimulateGlobalError'), { srcVariable: null, srcVariableType: null }),
    'a second row with nothing chosen': (f) => {
      props(f, 'SimulateGlobalError').setVariablesArray = [
        { srcVariable: 'simulatederror', srcVariableType: 'STRING', setTo: 'set-to-literal', expr: '{{ ANI }}' },
        { srcVariable: null, srcVariableType: null, setTo: 'set-to-literal', expr: null },
      ];
    },
  };
  for (const [name, edit] of Object.entries(halfFilled)) {
    const report = await grade(mutated((f) => {
      stageMutation(finished)(f);
      edit(f);
    }));
    const value = report.checks.find((c) => c.id === 'simulate-error-value-fails')!;
    const run = report.checks.find((c) => c.id === 'run-global-error-raised')!;
    expect([value.status, run.status], name).toEqual(['failed', 'skipped']);
    expect(run.message, name).toContain(`reported under “${value.title}”`);
    // OnGlobalError ran: the Create Task request and its answers are judged on what it did.
    const later = ['run-task-created', 'run-status-true-on-201', 'run-status-false-on-400', 'run-status-false-on-500'];
    expect(report.checks.filter((c) => later.includes(c.id)).map((c) => `${c.id}: ${c.status}`), name).toEqual(later.map((id) => `${id}: passed`));
  }
});

// Build steps 5 and 6 begun: a Set Variable dropped and connected, its default label kept and nothing filled
// in yet. It is found by its place (GET_CBID's exit leads to it; SetGetResult's), as an HTTP Request after
// option 3 is: the report says to rename it and fill it in, not to add the activity it already has.
const FRESH_SET_VARIABLE = { srcVariable: null, srcVariableType: null, expr: null, setTo: 'set-to-literal' };
const PLACED: { name: string; stage: string; guide: string; fresh: string; after: string; link: string; value: string; hint: string }[] = [
  { name: 'after GET_CBID', stage: 'step 5:', guide: 'SetGetResult', fresh: 'SetVariable_r2d', after: 'GET_CBID', link: 'set-get-result-after-get-cbid', value: 'set-get-result-value', hint: 'SetVariable_r2d → Variable: getresult;' },
  { name: 'after SetGetResult', stage: 'step 6:', guide: 'SimulateGlobalError', fresh: 'SetVariable_k1p', after: 'SetGetResult', link: 'simulate-error-after-set-get-result', value: 'simulate-error-value-fails', hint: 'SetVariable_k1p → Variable: simulatederror,' },
];

for (const placed of PLACED) {
  test(`a Set Variable ${placed.name} with its default label and nothing filled in is ${placed.guide}: rename it and fill it in`, async () => {
    const index = STAGES.findIndex((s) => s.name.startsWith(placed.stage));
    const report = await grade(mutated((f) => {
      stageMutation(index)(f);
      relabel(f, placed.guide, placed.fresh);
      Object.assign(props(f, placed.fresh), FRESH_SET_VARIABLE);
    }));
    const check = (id: string) => report.checks.find((c) => c.id === id)!;
    expect(check(placed.link).status).toBe('passed');
    const label = report.checks.find((c) => c.id.endsWith('-label') && c.title.includes(placed.guide))!;
    expect([label.status, label.message, label.hint]).toEqual([
      'failed',
      `The Set Variable after ${placed.after} is labelled ${placed.fresh}, not ${placed.guide}: ${label.message.split(': ').slice(1).join(': ')}`,
      `${placed.fresh} → Activity Label: ${placed.guide}`,
    ]);
    expect([check(placed.value).status, check(placed.value).activity]).toEqual(['failed', placed.fresh]);
    expect(check(placed.value).hint).toContain(placed.hint);
    expect(firstFix(report)?.id).toBe(placed.value);
    // Nothing of its Build step says the activity is missing, nor to add one.
    const step = check(placed.link).step;
    expect(report.checks.filter((c) => c.step === step && c.status !== 'passed' && /was not found|never reached|Add a Set Variable/.test(`${c.message}\n${c.hint}`)).map((c) => c.id)).toEqual([]);
  });
}

// What the place alone never makes SetGetResult: SimulateGlobalError put too early, right after GET_CBID —
// writing simulatederror under its default label, or labelled SimulateGlobalError and not filled in yet.
test('a Set Variable after GET_CBID writing simulatederror, or labelled SimulateGlobalError, is SimulateGlobalError too early, not SetGetResult', async () => {
  const stepSix = STAGES.findIndex((s) => s.name.startsWith('step 6:'));
  const tooEarly: Record<string, Mutation> = {
    'writing simulatederror, default label': (f) => relabel(f, 'SimulateGlobalError', 'SetVariable_k1p'),
    'labelled SimulateGlobalError, not filled in': (f) => Object.assign(props(f, 'SimulateGlobalError'), FRESH_SET_VARIABLE),
  };
  for (const [name, edit] of Object.entries(tooEarly)) {
    const report = await grade(mutated((f) => {
      stageMutation(stepSix)(f);
      edit(f);
      const simulate = name.startsWith('writing') ? 'SetVariable_k1p' : 'SimulateGlobalError';
      removeActivity(f, 'SetGetResult');
      link(f, 'GET_CBID', 'default', simulate);
    }));
    const link5 = report.checks.find((c) => c.id === 'set-get-result-after-get-cbid')!;
    expect([link5.status, link5.message], name).toEqual(['failed', 'The Set Variable activity SetGetResult was not found in the main flow']);
  }
});
