/**
 * The per-attendee HTML report's rules that html.test.ts did not hold (mutation sweep of the HTML
 * side): the drawings' path, legend, description and print page; the Build steps' tallies and
 * tags; what a check's message shows.
 */
import { test, expect } from '@playwright/test';
import type { DrawingGraph, GradeReport } from '../../../engine/report.js';
import type { TraceEntry } from '../../../engine/trace.js';
import { renderReportBody } from '../../../reports/html.js';
import { failedReport, passedReport } from './sample-reports.js';
import { shown } from './shown.js';

/** The report's two figures (main flow, event flows). */
function figures(report: GradeReport): string[] {
  return shown(renderReportBody(report)).match(/<figure class="fg-figure[^"]*">[\s\S]*?<\/figure>/g) ?? [];
}

/** `exit:class` of each edge of a drawing, in the order drawn. */
function edgeClasses(figure: string): string[] {
  return [...figure.matchAll(/<g class="(edge[^"]*)"><path [^>]*\/><text [^>]*>([^<]*)<\/text><\/g>/g)].map((m) => `${m[2]}:${m[1]}`);
}

test('a link between two activities the call ran through is not highlighted when the call did not take it', () => {
  // GET_CBID's Undefined Error linked to SimulateGlobalError: both on the path, the link never taken.
  const report = failedReport();
  report.flow!.main.edges.push({ from: 'get', to: 'sim', exit: 'error' });
  const main = figures(report)[0];
  expect(edgeClasses(main)).toContain('Undefined Error:edge');
  expect(edgeClasses(main)).not.toContain('Undefined Error:edge executed');
});

test('the path through the event flows is highlighted, link by link, as the main flow’s is', () => {
  const events = figures(passedReport())[1];
  expect(edgeClasses(events)).toEqual(['False:edge', 'out:edge executed', 'default:edge executed', 'True:edge executed']);
});

test('the legend explains the red dashed boxes only when a drawing has one', () => {
  expect(shown(renderReportBody(failedReport()))).toContain('<span class="fg-hue">red, </span>dashed, with ✗: an activity with a failing check');
  expect(renderReportBody(passedReport())).not.toContain('fg-key fg-fail');
});

test('each drawing says in words which of its activities the call ran through, and which have a failing check', () => {
  const descriptions = (report: GradeReport) => [...shown(renderReportBody(report)).matchAll(/<desc id="[^"]*">([^<]*)<\/desc>/g)].map((m) => m[1]);
  expect(descriptions(failedReport())).toEqual([
    '7 activities. The simulated call “Title of scenario happy-path” ran through 6 of them: NewPhoneContact, WantCallback, GET_CBID, SetGetResult, SimulateGlobalError, DisconnectContact_g9e. With a failing check: GET_CBID, SimulateGlobalError.',
    '4 activities. The simulated call “Title of scenario happy-path” did not run through any of them.',
  ]);
  // The call's path crosses both drawings: each names only its own activities.
  expect(descriptions(passedReport())).toEqual([
    '7 activities. The simulated call “Title of scenario happy-path” ran through 5 of them: NewPhoneContact, WantCallback, GET_CBID, SetGetResult, SimulateGlobalError.',
    '4 activities. The simulated call “Title of scenario happy-path” ran through all of them: GlobalErrorHandling, CallBackAPI_HTTPRequest, HTTPStatusCode, EndFlow_kid.',
  ]);
});

test('a drawing gets a landscape page in print only when it prints larger by a quarter there: 1,000 px wide does, 850 px does not', () => {
  // Two boxes on one row, no links: the drawing is their span + 180 (a box) + 80 (margins) wide, 170 high.
  const row = (span: number): DrawingGraph => ({
    nodes: [
      { id: 'a', label: 'A', type: 'play-message', position: { x: 0, y: 0 } },
      { id: 'b', label: 'B', type: 'play-message', position: { x: span, y: 0 } },
    ],
    edges: [],
  });
  const figureClass = (width: number) => {
    const report = { ...passedReport(), flow: { main: row(width - 260), events: row(width - 260) } };
    const main = figures(report)[0];
    expect(main).toContain(` width="${width}" height="170"`);
    return /<figure class="([^"]*)">/.exec(main)![1];
  };
  expect(figureClass(1000)).toBe('fg-figure fg-wide'); // 1 on landscape, 0.72 on portrait
  expect(figureClass(850)).toBe('fg-figure'); // 1 and 0.84: less than a quarter larger
  expect(/<figure class="([^"]*)">/.exec(figures(failedReport())[0])![1]).toBe('fg-figure fg-wide'); // the sample flow, some 1,600 px wide
});

test('a Build step’s tally counts its scored checks, not one that cannot be checked from an export', () => {
  const report = passedReport();
  report.checks.push({ ...report.checks.find((c) => c.id === 'flow-published-latest')!, id: 'info-in-step-2', step: 2 });
  const html = shown(renderReportBody(report));
  expect(html).toMatch(/id="fg-step-2-title" class="fg-subheading">Step 2 — [^<]*<span class="fg-step-state">1 of 1 passed<\/span>/);
});

test('a recommended check says so beside its points; a required one has no tag', () => {
  const html = shown(renderReportBody(failedReport()));
  expect(html).toContain('<span class="fg-check-title">Title of get-cbid-content-type</span><span class="fg-points">0/1 pts</span><span class="fg-tag">recommended</span>');
  expect(html).toContain('<span class="fg-check-title">Title of simulate-error-value-fails</span><span class="fg-points">0/4 pts</span></div>');
});

test('a not-judged message linked to its cause is escaped before the link as after it', () => {
  const report = failedReport();
  report.checks = report.checks.map((c) => (c.id === 'run-task-created' ? { ...c, message: 'Not judged: <b>GET_CBID</b> & co (reported under “Title of simulate-error-value-fails”) <i>' } : c));
  expect(shown(renderReportBody(report))).toContain(
    '<p>Not judged: &lt;b&gt;GET_CBID&lt;/b&gt; &amp; co (reported under <a href="#fg-check-simulate-error-value-fails">“Title of simulate-error-value-fails”</a>) &lt;i&gt;</p>',
  );
});

test('a simulated call that failed is marked ✗ in its heading, one that passed ✓', () => {
  const heading = (report: GradeReport) => /<h3 class="fg-subheading"><span class="fg-mark" aria-hidden="true">(.)<\/span><span class="fg-sr">([a-z]+): <\/span>/.exec(shown(renderReportBody(report)))!.slice(1);
  expect(heading(failedReport())).toEqual(['✗', 'failed']);
  expect(heading(passedReport())).toEqual(['✓', 'passed']);
});

/** A trace of `entries` rendered as the report's first simulated call; its table. */
function callTable(...entries: TraceEntry[]): string {
  const report = passedReport();
  report.scenarios = [{ ...report.scenarios[0], trace: entries }];
  const html = shown(renderReportBody(report));
  return html.slice(html.indexOf('id="fg-calls-title"'));
}
const entry = (activity: string, outcome: string, extra: Partial<TraceEntry> = {}): TraceEntry => ({ flow: 'main', activity, activityId: activity, type: 'ivr-menu', outcome, modifiedVariables: {}, ...extra });

test('one more visit the same way is "1 more time", two "2 more times"', () => {
  expect(callTable(entry('WantCallback', 'invalid'), entry('WantCallback', 'invalid'))).toContain('↻ WantCallback ran 1 more time the same way</td>');
  expect(callTable(entry('WantCallback', 'invalid'), entry('WantCallback', 'invalid'), entry('WantCallback', 'invalid'))).toContain('↻ WantCallback ran 2 more times the same way</td>');
});

test('a trace cell breaks a run of more than 24 characters without spaces, every 24; a run of 24 stays whole', () => {
  const table = callTable(entry(`${'a'.repeat(24)} ${'b'.repeat(25)} ${'c'.repeat(49)}`, 'out'));
  expect(table).toContain(`<td data-label="Activity Name">${'a'.repeat(24)} ${'b'.repeat(24)}<wbr>b ${'c'.repeat(24)}<wbr>${'c'.repeat(24)}<wbr>c</td>`);
});

test('an HTTP exchange shows its request body and its response body', () => {
  const http = { method: 'POST', url: 'https://api.wxcc-us1.cisco.com/v1/tasks', requestHeaders: {}, requestBody: '{"outboundType":"CALLBACK"}', status: 201, responseBody: '{"id":"t1"}' };
  expect(callTable(entry('CallBackAPI_HTTPRequest', 'default', { type: 'http-request-v2', http }))).toContain(
    '<td data-label="HTTP"><code>POST https://api.wxcc-us1.cisco.com/v1/tasks</code> → <strong>201</strong><div>request body: <code>{&quot;outboundType&quot;:&quot;CALLBACK&quot;}</code></div><div>response body: <code>{&quot;id&quot;:&quot;t1&quot;}</code></div></td>',
  );
});

test('two HTTP requests in a row are two rows, even when alike: each request was sent', () => {
  const http = { method: 'GET', url: 'https://example.test/retry', requestHeaders: {}, status: 500 };
  const table = callTable(entry('RetryGET', 'error', { type: 'http-request-v2', http }), entry('RetryGET', 'error', { type: 'http-request-v2', http }));
  expect(table.match(/<code>GET https:\/\/example\.test\/retry<\/code>/g)).toHaveLength(2);
  expect(table).not.toContain('more time');
});

test('visits of one activity by one exit that set other values are rows of their own, not "the same way"', () => {
  const table = callTable(entry('Count', 'out', { type: 'set-variable', modifiedVariables: { n: 1 } }), entry('Count', 'out', { type: 'set-variable', modifiedVariables: { n: 2 } }));
  expect(table).toContain('<li><code>n</code> = <code>1</code></li>');
  expect(table).toContain('<li><code>n</code> = <code>2</code></li>');
  expect(table).not.toContain('more time');
});

test('a prompt that is an audio file plays, whatever the case of its extension; a sentence is said', () => {
  const table = callTable(entry('Welcome', 'out', { type: 'play-message', prompts: ['Welcome.WAV', 'Hold.Mp3', 'Press 3.'] }));
  expect(table).toContain('<div class="fg-says">plays Welcome.WAV</div><div class="fg-says">plays Hold.Mp3</div><div class="fg-says">says “Press 3.”</div>');
});
