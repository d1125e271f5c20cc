/**
 * Grade reports for the writer tests, built by hand so every field a writer shows is known: a
 * passed one, a failed one (failed, errored, not-run, recommended and info checks, a trace
 * excerpt, a drawing with canvas positions), an ungradable one, and a hostile one whose
 * export-sourced strings are all attacks.
 */
import type { CheckResult, DrawingGraph, GradeReport, ScenarioResult } from '../../../engine/report.js';
import type { TraceEntry } from '../../../engine/trace.js';

/** Every export-sourced string of the hostile report contains this. */
export const HOSTILE = `<img src=x onerror=alert(1)></script><script>alert(1)</script>]]>"&'|pipe|\`tick\`*_[x](javascript:alert(1))`;
/** Control characters: ESC (an ANSI colour), NUL, a form feed, a lone surrogate. */
export const CONTROL = '\u001b[31mred\u0000\u000c\ud800';

const SHA = 'a'.repeat(64);

function base(attendee: string, file: string): Omit<GradeReport, 'verdict' | 'checks' | 'scenarios'> {
  return {
    schemaVersion: 1,
    tool: { name: 'flowgrade', version: '0.1.0-test' },
    lab: { id: 'callback-on-global-error', title: 'Callback on Global Error' },
    attendee: { id: attendee, source: 'flow-name' },
    input: { file, flowName: `Main_Flow_${attendee}`, sha256: SHA, lastModified: '2025-07-29T10:37:05.902' },
    generatedAt: '2025-08-01T09:00:00.000Z',
  };
}

function check(id: string, step: number, status: CheckResult['status'], extra: Partial<CheckResult> = {}): CheckResult {
  const severity = extra.severity ?? (status === 'info' ? 'info' : 'required');
  const points = severity === 'info' ? 0 : (extra.points ?? 2);
  return {
    id,
    title: `Title of ${id}`,
    step,
    severity,
    status,
    points,
    earned: status === 'passed' ? points : 0,
    message: `Message of ${id}`,
    hint: `Hint of ${id}`,
    ...extra,
  };
}

/** Main flow: start → WantCallback -3→ GET_CBID → SetGetResult → SimulateGlobalError → Disconnect. */
export function mainGraph(positions = true): DrawingGraph {
  const at = (x: number, y: number) => (positions ? { position: { x, y } } : {});
  return {
    nodes: [
      { id: 'start', label: 'NewPhoneContact', type: 'NewPhoneContact', ...at(60, 80) },
      { id: 'menu', label: 'WantCallback', type: 'ivr-menu', ...at(320, 80) },
      { id: 'get', label: 'GET_CBID', type: 'http-request-v2', ...at(580, 200) },
      { id: 'setget', label: 'SetGetResult', type: 'set-variable', ...at(840, 200) },
      { id: 'sim', label: 'SimulateGlobalError', type: 'set-variable', ...at(1100, 200) },
      { id: 'disc', label: 'DisconnectContact_g9e', type: 'disconnect-contact', ...at(1360, 220) },
      { id: 'end1', label: 'EndFlow_p88', type: 'end', ...at(580, 40) },
    ],
    edges: [
      { from: 'start', to: 'menu', exit: 'out' },
      { from: 'menu', to: 'get', exit: '3' },
      { from: 'menu', to: 'end1', exit: 'timeout' },
      { from: 'get', to: 'setget', exit: 'default' },
      { from: 'setget', to: 'sim', exit: 'out' },
      { from: 'sim', to: 'disc', exit: 'out' },
    ],
  };
}

/** Event flows: OnGlobalError → CallBackAPI_HTTPRequest → HTTPStatusCode -true/false→ EndFlow. */
export function eventGraph(): DrawingGraph {
  return {
    nodes: [
      { id: 'onerr', label: 'GlobalErrorHandling', type: 'event', position: { x: 60, y: 60 } },
      { id: 'api', label: 'CallBackAPI_HTTPRequest', type: 'http-request-v2', position: { x: 360, y: 60 } },
      { id: 'cond', label: 'HTTPStatusCode', type: 'condition-activity', position: { x: 660, y: 60 } },
      { id: 'end2', label: 'EndFlow_kid', type: 'end', position: { x: 960, y: 60 } },
    ],
    edges: [
      { from: 'onerr', to: 'api', exit: 'out' },
      { from: 'api', to: 'cond', exit: 'default' },
      { from: 'cond', to: 'end2', exit: 'true' },
      { from: 'cond', to: 'end2', exit: 'false' },
    ],
  };
}

function entry(activityId: string, activity: string, type: string, outcome: string, extra: Partial<TraceEntry> = {}, flow = 'main'): TraceEntry {
  return { flow, activity, activityId, type, outcome, modifiedVariables: {}, ...extra };
}

const GET_CBID_ENTRY = entry('get', 'GET_CBID', 'http-request-v2', 'default', {
  modifiedVariables: { 'GET_CBID.httpStatusCode': 200, outdialcbid: '0011ed11', customani: '+14085267209' },
  http: { method: 'GET', url: 'https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab/DynVars?dn=4694096861', requestHeaders: {}, status: 200, responseBody: '[{"id":140}]' },
});

/** The happy path of a correct flow: the global error is raised and the callback task created. */
export function happyTrace(): TraceEntry[] {
  return [
    entry('start', 'NewPhoneContact', 'NewPhoneContact', 'out'),
    entry('menu', 'WantCallback', 'ivr-menu', '3', { prompts: ['Press 3 to simulate global error.'], modifiedVariables: { 'WantCallback.OptionEntered': '3' } }),
    GET_CBID_ENTRY,
    entry('setget', 'SetGetResult', 'set-variable', 'out', { modifiedVariables: { getresult: '[{"id":140}]' } }),
    entry('sim', 'SimulateGlobalError', 'set-variable', 'error', { error: 'expression error in "{{ ANI | 123}}"' }),
    entry('onerr', 'GlobalErrorHandling', 'event', 'out', {}, 'OnGlobalError'),
    entry('api', 'CallBackAPI_HTTPRequest', 'http-request-v2', 'default', { http: { method: 'POST', url: 'https://api.wxcc-us1.cisco.com/v1/tasks', requestHeaders: { 'content-type': 'application/json' }, requestBody: '{"outboundType":"CALLBACK"}', status: 201 } }, 'OnGlobalError'),
    entry('cond', 'HTTPStatusCode', 'condition-activity', 'true', {}, 'OnGlobalError'),
    entry('end2', 'EndFlow_kid', 'end', 'end', {}, 'OnGlobalError'),
  ];
}

/** SimulateGlobalError evaluates without error: the call is simply disconnected. */
export function brokenTrace(): TraceEntry[] {
  return [
    entry('start', 'NewPhoneContact', 'NewPhoneContact', 'out'),
    entry('menu', 'WantCallback', 'ivr-menu', '3', { modifiedVariables: { 'WantCallback.OptionEntered': '3' } }),
    GET_CBID_ENTRY,
    entry('setget', 'SetGetResult', 'set-variable', 'out', { modifiedVariables: { getresult: '[{"id":140}]' } }),
    entry('sim', 'SimulateGlobalError', 'set-variable', 'out', { modifiedVariables: { simulatederror: '' } }),
    entry('disc', 'DisconnectContact_g9e', 'disconnect-contact', 'end'),
  ];
}

function scenario(id: string, passed: boolean, trace: TraceEntry[]): ScenarioResult {
  return { id, title: `Title of scenario ${id}`, passed, summary: passed ? 'OnGlobalError ended at EndFlow_kid' : 'caller disconnected at DisconnectContact_g9e', trace };
}

export function passedReport(): GradeReport {
  return {
    ...base('140', 'submissions/Main_Flow_140.json'),
    verdict: 'passed',
    score: { earned: 10, possible: 10 },
    checks: [
      check('variable-outdialcbid', 2, 'passed'),
      check('get-cbid-method', 4, 'passed'),
      check('get-cbid-content-type', 4, 'passed', { severity: 'recommended', points: 2 }),
      check('simulate-error-value-fails', 6, 'passed', { points: 4 }),
      check('flow-published-latest', 10, 'info', { message: 'Not checkable from an export: publish the flow' }),
    ],
    scenarios: [scenario('happy-path', true, happyTrace())],
    flow: { main: mainGraph(), events: eventGraph() },
  };
}

/** Failed: step 6 has a failed required check with a trace excerpt; also errored, not run, recommended and info checks. */
export function failedReport(): GradeReport {
  const excerpt = brokenTrace().slice(4);
  return {
    ...base('141', 'submissions/Main_Flow_141.json'),
    verdict: 'failed',
    score: { earned: 6, possible: 19 },
    checks: [
      check('variable-outdialcbid', 2, 'passed'),
      check('get-cbid-method', 4, 'passed'),
      check('get-cbid-content-type', 4, 'failed', { severity: 'recommended', points: 1, expected: 'Application/JSON', actual: 'text/plain', activity: 'GET_CBID', pointer: '/process/activities/get' }),
      check('simulate-error-value-fails', 6, 'failed', {
        points: 4,
        message: 'SimulateGlobalError sets simulatederror to "{{ANI}}", which evaluates without error',
        hint: 'SimulateGlobalError → Variable: simulatederror, Set Value: {{ ANI | 123}}',
        expected: 'a value that fails to evaluate, e.g. {{ ANI | 123}}',
        actual: '"{{ANI}}"',
        activity: 'SimulateGlobalError',
        pointer: '/process/activities/sim',
        traceExcerpt: excerpt,
      }),
      check('simulate-error-to-disconnect', 6, 'passed'),
      check('run-task-created', 8, 'skipped', { points: 5, message: 'Not judged: the simulated call went wrong earlier' }),
      check('status-condition-expression', 9, 'errored', { points: 4, message: 'check status-condition-expression crashed: boom' }),
      check('flow-published-latest', 10, 'info', { message: 'Not checkable from an export: publish the flow' }),
    ],
    scenarios: [scenario('happy-path', false, brokenTrace()), scenario('tasks-400', false, brokenTrace())],
    flow: { main: mainGraph(), events: eventGraph() },
  };
}

export function ungradableReport(): GradeReport {
  return {
    ...base('142', 'submissions/notes.json'),
    input: { file: 'submissions/notes.json', sha256: SHA },
    attendee: { id: '142', source: 'file-name' },
    verdict: 'ungradable',
    checks: [],
    scenarios: [],
    error: { code: 'not-json', message: 'file is not JSON: Unexpected token N at line 1 column 1' },
  };
}

/** The failed report with every export-sourced string replaced by an attack. */
export function hostileReport(): GradeReport {
  const report = failedReport();
  const evil = (text: string) => `${HOSTILE} ${text} ${CONTROL}`;
  const graph = (g: DrawingGraph): DrawingGraph => ({
    nodes: g.nodes.map((n) => ({ ...n, label: evil(n.label) })),
    edges: g.edges.map((e) => ({ ...e, exit: evil(e.exit) })),
  });
  const trace = (t: TraceEntry[]): TraceEntry[] =>
    t.map((e) => ({
      ...e,
      flow: evil(e.flow),
      activity: evil(e.activity),
      modifiedVariables: { [evil('name')]: evil('value') },
      ...(e.http ? { http: { ...e.http, url: evil(e.http.url), responseBody: evil('body').repeat(20) } } : {}),
      prompts: [evil('prompt')],
    }));
  return {
    ...report,
    attendee: { id: evil('attendee'), source: 'option' },
    input: { ...report.input, file: evil('file.json'), flowName: evil('flow') },
    checks: report.checks.map((c) => ({
      ...c,
      message: evil(c.message),
      ...(c.expected !== undefined ? { expected: evil(c.expected) } : {}),
      ...(c.actual !== undefined ? { actual: evil(c.actual) } : {}),
      ...(c.activity !== undefined ? { activity: evil(c.activity) } : {}),
      ...(c.traceExcerpt ? { traceExcerpt: trace(c.traceExcerpt) } : {}),
    })),
    scenarios: report.scenarios.map((s) => ({ ...s, summary: evil(s.summary), trace: trace(s.trace) })),
    flow: { main: graph(report.flow!.main), events: graph(report.flow!.events) },
  };
}

/** A hostile ungradable report: the loader's message quotes the file. */
export function hostileUngradable(): GradeReport {
  const report = ungradableReport();
  return { ...report, attendee: { id: HOSTILE, source: 'file-name' }, input: { ...report.input, file: `${HOSTILE}.json` }, error: { code: 'not-json', message: `${HOSTILE} is not JSON ${CONTROL}` } };
}

export const IDENTITY = { green: (s: string) => s, red: (s: string) => s, yellow: (s: string) => s, dim: (s: string) => s, bold: (s: string) => s };

/** Colours that leave visible marks, to see what got coloured. */
export const TAGGED = {
  green: (s: string) => `<g>${s}</g>`,
  red: (s: string) => `<r>${s}</r>`,
  yellow: (s: string) => `<y>${s}</y>`,
  dim: (s: string) => `<d>${s}</d>`,
  bold: (s: string) => `<b>${s}</b>`,
};

/** A class of `count` sample reports, `kinds` taken in turn, with the attendee ids `firstId`, `firstId + 1`, … */
export function sampleClass(count: number, kinds: (() => GradeReport)[] = [passedReport, failedReport, ungradableReport], firstId = 1000): GradeReport[] {
  return Array.from({ length: count }, (_, i) => {
    const report = kinds[i % kinds.length]!();
    return { ...report, attendee: { ...report.attendee, id: String(firstId + i) } };
  });
}
