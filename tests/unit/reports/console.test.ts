/** The console report. */
import { test, expect } from '@playwright/test';
import { Chalk } from 'chalk';
import { findMission } from '../../../checks/index.js';
import { NO_COLOR, renderConsole } from '../../../reports/console.js';
import { collapseRepeats, renderTraceTable, traceDetails } from '../../../reports/trace-table.js';
import { renderTraceHtml } from '../../../reports/html-trace.js';
import { activityTypeName } from '../../../reports/drawing.js';
import { simulatedTypes } from '../../../engine/simulator/index.js';
import { knownActivityTypes } from '../../../engine/activity-types.js';
import { failedReport, hostileReport, hostileUngradable, IDENTITY, passedReport, TAGGED, ungradableReport } from './sample-reports.js';

const STEPS = findMission('callback-on-global-error')!.steps;

test('checks are grouped under their Build step, in step order, with the mission’s step titles', () => {
  const text = renderConsole(failedReport(), { color: NO_COLOR });
  const headings = text.split('\n').filter((line) => line.startsWith('Step '));
  expect(headings).toEqual([2, 4, 6, 8, 9, 10].map((step) => `Step ${step} — ${STEPS[step]}`));
  const step6 = text.slice(text.indexOf('Step 6'), text.indexOf('Step 8'));
  expect(step6).toContain('✗ Title of simulate-error-value-fails (0/4)');
  expect(step6).toContain('✓ Title of simulate-error-to-disconnect (2/2)');
});

test('the simulated calls are listed before the summary line, each with its mark and how it ended; --quiet leaves them out', () => {
  // Before: what a call's summary adds (a Subflow taken to return, a request not mocked) was only in the HTML and JSON reports.
  const report = failedReport();
  report.scenarios[0] = { ...report.scenarios[0], summary: `${report.scenarios[0].summary}; not simulated: the Subflow Subflow_140, taken to return by its default exit: its flow is not in this export` };
  const text = renderConsole(report, { color: NO_COLOR });
  const calls = text.split('\nSimulated calls\n')[1]!.split('\n\n')[0]!.split('\n');
  expect(calls).toEqual(report.scenarios.map((scenario) => `  ✗ ${scenario.title}: ${scenario.summary}`));
  expect(calls[0]).toContain('not simulated: the Subflow Subflow_140');
  expect(text.trimEnd().split('\n').at(-1)).toMatch(/^FAILED /);
  expect(renderConsole(report, { color: NO_COLOR, quiet: true })).not.toContain('Simulated calls');
});

test('a report of a lab that is not registered has its steps by number only: "Step N"', () => {
  const report = failedReport();
  report.lab = { ...report.lab, id: 'a-lab-of-another-version' };
  const headings = renderConsole(report, { color: NO_COLOR }).split('\n').filter((line) => line.startsWith('Step '));
  expect(headings).toEqual([2, 4, 6, 8, 9, 10].map((step) => `Step ${step}`));
});

test('a failure shows message, expected, actual, where, hint and its trace excerpt as a table', () => {
  const text = renderConsole(failedReport(), { color: NO_COLOR });
  const block = text.slice(text.indexOf('✗ Title of simulate-error-value-fails'), text.indexOf('✓ Title of simulate-error-to-disconnect'));
  expect(block).toContain('SimulateGlobalError sets simulatederror to "{{ANI}}", which evaluates without error');
  expect(block).toContain('expected: a value that fails to evaluate, e.g. {{ ANI | 123}}');
  expect(block).toContain('actual:   "{{ANI}}"');
  // Where in Flow Designer, not the export's JSON pointer with the activity's internal id.
  expect(block).toContain('where:    SimulateGlobalError, on the Main Flow tab\n');
  expect(block).not.toContain('/process/activities');
  expect(block).toContain('hint:     SimulateGlobalError → Variable: simulatederror, Set Value: {{ ANI | 123}}');
  const table = block.split('\n').filter((line) => line.startsWith('      ') && /^ *(main|Flow) /.test(line)).map((line) => line.trim().split(/\s{2,}/));
  expect(table).toEqual([
    ['Flow', 'Activity Name', 'Type', 'Outcome', 'Details'],
    ['main', 'SimulateGlobalError', 'Set Variable', 'out', 'simulatederror = ""'],
    ['main', 'DisconnectContact_g9e', 'Disconnect Contact', 'end'],
  ]);
  expect(block.trimEnd().split('\n').at(-1)).toBe('      more:     flowgrade explain simulate-error-value-fails');
});

test('line and paragraph separators (U+2028, U+2029) in export text are flattened like line breaks', () => {
  const report = failedReport();
  const check = report.checks.find((c) => c.id === 'simulate-error-value-fails')!;
  check.actual = 'a\u2028b\u2029c';
  check.traceExcerpt = check.traceExcerpt!.map((entry) => ({ ...entry, modifiedVariables: { simulatederror: 'x\u2028y\u2029z' } }));
  const text = renderConsole(report, { color: NO_COLOR });
  expect(text).not.toMatch(/[\u2028\u2029]/);
  expect(text).toContain('actual:   a b c');
  expect(text).toContain('simulatederror = "x y z"');
});

test('hints only under failures; passed checks are one line; info and not-run checks show their message', () => {
  const passed = renderConsole(passedReport(), { color: NO_COLOR });
  expect(passed).not.toContain('hint:');
  expect(passed).not.toContain('Hint of');
  expect(passed).toContain('– Title of flow-published-latest [info]\n      Not checkable from an export: publish the flow');
  const failed = renderConsole(failedReport(), { color: NO_COLOR });
  expect(failed.match(/hint:/g)).toHaveLength(3); // two failed, one errored
  // A check flowgrade could not run is not the attendee's to fix: no hint of its own.
  expect(failed).not.toContain('Hint of status-condition-expression');
  expect(failed).toContain('check status-condition-expression crashed: boom\n      hint:     Nothing to change in the flow for this one: flowgrade could not run this check (a bug of flowgrade');
  expect(failed).not.toContain('Hint of run-task-created');
  expect(failed).toContain('– Title of run-task-created (not judged, 5 points)\n      Not judged: the simulated call went wrong earlier');
  expect(failed).toContain('✗ Title of get-cbid-content-type (0/1) [recommended]');
});

test('a check not judged counts its points in words: 1 point, N points', () => {
  const report = failedReport();
  const onePoint = renderConsole({ ...report, checks: report.checks.map((c) => (c.id === 'run-task-created' ? { ...c, points: 1 } : c)) }, { color: NO_COLOR });
  expect(onePoint).toContain('– Title of run-task-created (not judged, 1 point)\n');
  expect(renderConsole(report, { color: NO_COLOR })).toContain('– Title of run-task-created (not judged, 5 points)\n');
});

test('one summary line at the end: PASSED / FAILED with the score and what failed', () => {
  const last = (text: string) => text.trimEnd().split('\n').at(-1);
  expect(last(renderConsole(passedReport(), { color: NO_COLOR }))).toBe('PASSED 10/10');
  expect(last(renderConsole(failedReport(), { color: NO_COLOR }))).toBe('FAILED 6/19 — 1 required check failed, 1 could not be run (a flowgrade bug), 1 not judged, 1 recommended check not met');
  const header = renderConsole(passedReport(), { color: NO_COLOR }).split('\n')[0];
  expect(header).toBe('submissions/Main_Flow_140.json — attendee 140, Callback on Global Error');
});

test('quiet: only the failures (and required checks not run) and the summary line', () => {
  const quiet = renderConsole(failedReport(), { color: NO_COLOR, quiet: true });
  expect(quiet).not.toContain('✓');
  expect(quiet).not.toContain('— attendee'); // no header: the summary line names the file
  expect(quiet).not.toContain('flow-published-latest');
  expect(quiet).toContain('✗ Title of simulate-error-value-fails');
  expect(quiet).toContain('– Title of run-task-created');
  expect(quiet).not.toContain('Step 2'); // nothing failed there
  expect(quiet.trimEnd().split('\n').at(-1)).toBe('submissions/Main_Flow_141.json: FAILED 6/19 — 1 required check failed, 1 could not be run (a flowgrade bug), 1 not judged, 1 recommended check not met');
  expect(renderConsole(passedReport(), { color: NO_COLOR, quiet: true })).toMatch(/^\S+\.json: PASSED 10\/10\n$/);
});

test('ungradable: the message and the error code', () => {
  const text = renderConsole(ungradableReport(), { color: NO_COLOR });
  // One line naming the file, the message and the code, quiet or not.
  expect(text).toBe('submissions/notes.json: UNGRADABLE — file is not JSON: Unexpected token N at line 1 column 1 [not-json]\n');
  expect(renderConsole(ungradableReport(), { color: NO_COLOR, quiet: true })).toBe(text);
});

test('colours come from the functions given: marks and the summary line are coloured by outcome', () => {
  const text = renderConsole(failedReport(), { color: TAGGED });
  expect(text).toContain('<g>✓</g> Title of variable-outdialcbid');
  expect(text).toContain('<r>✗</r> Title of simulate-error-value-fails');
  expect(text).toContain('<y>✗</y> Title of get-cbid-content-type');
  expect(text).toContain('<r>FAILED 6/19');
  expect(renderConsole(passedReport(), { color: TAGGED })).toContain('<g>PASSED 10/10</g>');
});

test('no ANSI codes without colour, and chalk at level 1 adds them', () => {
  const ansi = /\u001b\[/;
  expect(renderConsole(failedReport(), { color: NO_COLOR })).not.toMatch(ansi);
  expect(renderConsole(failedReport(), { color: new Chalk({ level: 0 }) })).not.toMatch(ansi);
  expect(renderConsole(failedReport(), { color: new Chalk({ level: 1 }) })).toMatch(ansi);
  expect(renderConsole(failedReport(), { color: IDENTITY })).toBe(renderConsole(failedReport(), { color: NO_COLOR }));
});

test('export text cannot drive the terminal: escape sequences and line breaks are removed', () => {
  for (const report of [hostileReport(), hostileUngradable()]) {
    const text = renderConsole(report, { color: NO_COLOR });
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('<img src=x onerror=alert(1)>'); // plain text is fine in a terminal
  }
});

test('a trace says a Text-to-Speech prompt and plays a recording (an audio file, hold music)', () => {
  const entry = (type: string, prompts: string[]) => ({ flow: 'main', activity: 'A', activityId: 'a', type, outcome: 'default', modifiedVariables: {}, prompts });
  expect(traceDetails(entry('play-message', ['Welcome to the lab.']))).toBe('says "Welcome to the lab."');
  expect(traceDetails(entry('play-message', ['Welcome.wav']))).toBe('plays Welcome.wav');
  expect(traceDetails(entry('play-music', ['defaultmusic_on_hold']))).toBe('plays defaultmusic_on_hold');
  expect(traceDetails(entry('ivr-menu', ['Press 3.wav please']))).toBe('says "Press 3.wav please"');
  expect(traceDetails(entry('play-message', ['Visit example.com.au']))).toBe('says "Visit example.com.au"');
});

test('consecutive identical trace entries (a menu refusing the same key again and again) show once, with how many more times', () => {
  const visit = { flow: 'main', activity: 'WantCallback', activityId: 'menu', type: 'ivr-menu', outcome: 'invalid', modifiedVariables: { 'WantCallback.OptionEntered': '3' } };
  const trace = [{ flow: 'main', activity: 'NewPhoneContact', activityId: 'start', type: 'NewPhoneContact', outcome: 'out', modifiedVariables: {} }, ...Array.from({ length: 25 }, () => ({ ...visit })), { ...visit, outcome: 'timeout', modifiedVariables: {} }];
  expect(collapseRepeats(trace).map((row) => [row.entry.outcome, row.repeats])).toEqual([['out', 0], ['invalid', 24], ['timeout', 0]]);
  const long = { ...visit, prompts: ['All agents are busy. '.repeat(10)] }; // details longer than a cell
  expect(renderTraceTable([...Array.from({ length: 25 }, () => ({ ...long }))])).toMatch(/WantCallback +Menu +Unmatched Entry ×25 /);
  expect(renderTraceHtml(trace)).toContain('<tr class="fg-repeat"><td colspan="6">&#8635; WantCallback ran 24 more times the same way</td></tr>');
});

test('every activity type the simulator runs has its Flow Designer name in the trace (Business Hours, not business-hours)', () => {
  // A UI name is words with capitals and spaces (GoTo is written so in the palette): not a kebab-case
  // activityName nor a camel-case one. Also every type whose exits the model knows (public templates' types the simulator stops at).
  const uiName = (name: string) => /^[A-Z][A-Za-z0-9]*(?: [A-Z][A-Za-z0-9]*)*$/.test(name) && (!/[a-z][A-Z]/.test(name) || name === 'GoTo');
  const types = [...simulatedTypes(), ...knownActivityTypes()];
  expect(types.filter((type) => !uiName(activityTypeName(type)))).toEqual([]);
  expect(renderTraceTable([{ flow: 'main', activity: 'Hours', activityId: 'h', type: 'business-hours', outcome: 'workingHours', modifiedVariables: {} }])).toMatch(/Hours +Business Hours +workingHours/);
});

test('the top says what to fix first (the first required failure in Build-step order); quiet output too, without the hint its check shows below', () => {
  const lines = renderConsole(failedReport(), { color: NO_COLOR }).split('\n');
  expect(lines.slice(1, 4)).toEqual(['Fix first: Step 6 — Title of simulate-error-value-fails', '  SimulateGlobalError → Variable: simulatederror, Set Value: {{ ANI | 123}}', '']);
  expect(renderConsole(passedReport(), { color: NO_COLOR })).not.toContain('Fix first');
  const quiet = renderConsole(failedReport(), { color: NO_COLOR, quiet: true }).split('\n');
  expect(quiet.slice(0, 2)).toEqual(['Fix first: Step 6 — Title of simulate-error-value-fails', '']);
  expect(quiet.filter((line) => line.includes('Set Value: {{ ANI | 123}}'))).toHaveLength(1);
  expect(renderConsole(passedReport(), { color: NO_COLOR, quiet: true })).not.toContain('Fix first');
});

test('a trace row of an HTTP Request shows the flow variables it set before the long URL and response, which the cut would hide', async () => {
  const { gradeFixture, resultOf } = await import('../checks/support.js');
  const check = resultOf(await gradeFixture('flows/defect-getcbid-jsonpath-without-index.json'), 'run-get-cbid-fills-variables');
  const row = renderTraceTable(check.traceExcerpt!).split('\n')[1];
  expect(row).toContain('outdialcbid = ""; customani = ""');
  expect([...row].length).toBeLessThanOrEqual(200);
  expect(row).toMatch(/GET https:\/\/674481b1b4e2e04abea27\S*…\S*\?dn=4694096861 → 200/); // the request still follows, its URL cut in the middle
});

test('a trace row of an HTTP Request keeps its status in sight: a long URL is cut in its middle, its start and its query kept', async () => {
  const { gradeFixture, resultOf } = await import('../checks/support.js');
  // The dn without slice(2): MockAPI answers 404, the status this row is about.
  const check = resultOf(await gradeFixture('flows/defect-getcbid-url-without-slice.json'), 'run-get-cbid-fills-variables');
  const row = renderTraceTable(check.traceExcerpt!).split('\n')[1]!;
  expect(row).toMatch(/outdialcbid = ""; customani = ""; GET https:\/\/674481b1b4e2e04abea2\S*…\S*DynVars\?dn=\+14694096861 → 404/);
  // A URL that fits is shown whole.
  expect(traceDetails({ flow: 'main', activity: 'A', activityId: 'a', type: 'http-request', outcome: 'default', modifiedVariables: {}, http: { method: 'POST', url: 'https://api.wxcc-us1.cisco.com/v1/tasks', status: 201 } as never })).toBe('POST https://api.wxcc-us1.cisco.com/v1/tasks → 201');
});

test('fix first: an export of another flow (Step 1) comes before everything, since none of the rest applies to it', () => {
  const report = failedReport();
  report.checks = [
    { id: 'flow-name', title: 'The export is the flow Main_Flow_<ID>', step: 1, severity: 'recommended', status: 'failed', points: 1, earned: 0, message: 'The flow is named "HelloWorld_Template"', hint: 'Export the flow you extended.' },
    ...report.checks,
  ];
  const lines = renderConsole(report, { color: NO_COLOR }).split('\n');
  expect(lines.slice(1, 3)).toEqual(['Fix first: Step 1 — The export is the flow Main_Flow_<ID>', '  Export the flow you extended.']);
});

test('given the terminal width, long messages and hints wrap under their label instead of at the left edge', () => {
  const report = failedReport();
  report.checks = report.checks.map((c) =>
    c.id === 'simulate-error-value-fails' ? { ...c, hint: 'SimulateGlobalError → Variable: simulatederror, Set Value: {{ ANI | 123}}, and leave its Undefined Error exit unconnected so that the error reaches OnGlobalError in the Event Flows.' } : c,
  );
  const text = renderConsole(report, { color: NO_COLOR, width: 80 });
  const lines = text.split('\n');
  const hintAt = lines.findIndex((line) => line.startsWith('      hint:     SimulateGlobalError'));
  expect(hintAt).toBeGreaterThan(0);
  expect(lines[hintAt + 1]).toMatch(/^ {16}\S/); // continued under the text, not at column 0
  const block = lines.slice(hintAt, lines.findIndex((line, i) => i > hintAt && !line.startsWith(' '.repeat(16))));
  expect(block.join(' ').replace(/\s+/g, ' ')).toContain('so that the error reaches OnGlobalError in the Event Flows.');
  // Every line fits but the trace's, whose first four columns alone are wider here, and the summary, one line to grep.
  for (const line of lines.filter((l) => !/^ {6}(Flow|main|OnGlobalError) |^FAILED /.test(l))) expect([...line].length, line).toBeLessThanOrEqual(80);
  // A trace's details are cut to fit the width (at 120 characters without one).
  const trace = renderTraceTable(passedReport().scenarios[0].trace, '      ', 100).trimEnd().split('\n');
  for (const line of trace) expect([...line].length, line).toBeLessThanOrEqual(100);
  expect(trace.some((line) => line.endsWith('…'))).toBe(true);
  // Without a width (a pipe, a file) nothing is wrapped.
  expect(renderConsole(report, { color: NO_COLOR })).toContain('hint:     SimulateGlobalError → Variable: simulatederror, Set Value: {{ ANI | 123}}, and leave its Undefined Error exit unconnected so that the error reaches OnGlobalError in the Event Flows.');
});

test('wrapping never breaks inside {{ }}: a URL or expression to copy stays whole', () => {
  const report = failedReport();
  const url = 'https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab/DynVars?dn={{NewPhoneContact.DNIS | slice(2) }}';
  report.checks = report.checks.map((c) => (c.id === 'simulate-error-value-fails' ? { ...c, expected: url, hint: `GET_CBID → Request URL: ${url}` } : c));
  const text = renderConsole(report, { color: NO_COLOR, width: 80 });
  expect(text).toContain(`expected: ${url}\n`);
  expect(text).toMatch(new RegExp(` {16}${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
});

// Quiet output's Fix first line wraps to the terminal's width as the other lines do, continued two
// columns in; the first line is kept whole up to the width, each continued line within it too.
test('quiet: a long Fix first line wraps within the width, continued two columns in', () => {
  const report = failedReport();
  const title = 'SimulateGlobalError sets simulatederror to a value that does not evaluate, so that the global error is raised';
  report.checks = report.checks.map((c) => (c.id === 'simulate-error-value-fails' ? { ...c, title } : c));
  const lines = renderConsole(report, { color: NO_COLOR, quiet: true, width: 60 }).split('\n');
  const end = lines.indexOf('');
  expect(lines.slice(0, end)).toEqual(['Fix first: Step 6 — SimulateGlobalError sets simulatederror', '  to a value that does not evaluate, so that the global', '  error is raised']);
  for (const line of lines.slice(0, end)) expect([...line].length).toBeLessThanOrEqual(60);
});
