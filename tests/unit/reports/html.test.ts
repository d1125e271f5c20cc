/** The per-attendee HTML report. */
import { test, expect } from '@playwright/test';
import { findMission } from '../../../checks/index.js';
import { REPORT_CSS, renderHtmlReport, renderReportBody } from '../../../reports/html.js';
import { failedReport, passedReport, ungradableReport } from './sample-reports.js';
import { shown } from './shown.js';

const STEPS = findMission('callback-on-global-error')!.steps;

/** The HTML of one Build step's section. */
function stepSection(html: string, step: number): string {
  const start = html.indexOf(`<section class="fg-step`, html.indexOf(`id="fg-step-${step}"`) - 80);
  return html.slice(start, html.indexOf('</section>', start));
}

test('a complete document: doctype, language, charset, title, inline CSS, no scripts', () => {
  const html = shown(renderHtmlReport(failedReport()));
  expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
  expect(html).toContain('<meta charset="utf-8">');
  expect(html).toContain('<title>141 — FAILED 6/19 — flowgrade</title>');
  expect(html).toContain(REPORT_CSS);
  expect(html).not.toMatch(/<script/i);
  expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  expect(html).toContain('@media print');
});

test('self-contained: no external URLs, links or imports', () => {
  for (const report of [passedReport(), failedReport(), ungradableReport()]) {
    const html = shown(renderHtmlReport(report));
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\((?!#)/i); // url(#marker) points inside the page
    expect(html).not.toMatch(/<link\b/i);
  }
});

test('verdict, score and the summary line', () => {
  const html = shown(renderReportBody(failedReport()));
  expect(html).toContain('<article class="fg-report" data-verdict="failed">');
  expect(html).toContain('<span class="fg-verdict failed">FAILED</span><span class="fg-score">6 / 19 points (31.6%)</span>');
  expect(html).toContain('<strong>How to fix:</strong> Nothing to change in the flow for this one: flowgrade could not run this check');
  expect(html).not.toContain('Hint of status-condition-expression');
  expect(html).toContain('<p class="fg-summary">FAILED 6/19 — 1 required check failed, 1 could not be run (a flowgrade bug), 1 not judged, 1 recommended check not met</p>');
  expect(html).toContain('<h1 class="fg-title">Callback on Global Error — attendee 141</h1>');
  expect(renderReportBody(passedReport())).toContain('<span class="fg-verdict passed">PASSED</span>');
});

test('checks grouped by Build step with the mission’s titles; the failing step shows the hint, expected and actual', () => {
  const html = shown(renderReportBody(failedReport()));
  const step6 = stepSection(html, 6);
  expect(step6).toContain(`Step 6 — ${STEPS[6]}`);
  expect(step6).toContain('class="fg-step failed"'); // a required check failed, beside one that passed
  expect(step6).toContain('<p class="fg-hint"><strong>How to fix:</strong> SimulateGlobalError → Variable: simulatederror, Set Value: {{ ANI | 123}}</p>');
  expect(step6).toContain('<dt>Expected</dt><dd><code>a value that fails to evaluate, e.g. {{ ANI | 123}}</code></dd>');
  expect(step6).toContain('<dt>Actual</dt><dd><code>&quot;{{ANI}}&quot;</code></dd>');
  expect(step6).toContain('<caption>In the simulated call:</caption>');
  // Hints only where something failed.
  expect(html).not.toContain('Hint of simulate-error-to-disconnect');
  expect(html).not.toContain('Hint of run-task-created');
  expect(renderReportBody(passedReport())).not.toContain('How to fix');
  // A step nav with each step's state, in words for screen readers too.
  expect(html).toMatch(/<li class="failed"><a href="#fg-step-6" title="Step 6 — [^"]*">6 <span aria-hidden="true">✗<\/span><span class="fg-sr">: failed<\/span><\/a><\/li>/);
  expect(html).toMatch(/<li class="partial"><a href="#fg-step-4" title="Step 4 — [^"]*">4 <span aria-hidden="true">◐<\/span><span class="fg-sr">: partly passed<\/span><\/a><\/li>/); // only a recommended check missed
});

test('each simulated call as a Debug-tool-like table', () => {
  const html = shown(renderReportBody(passedReport()));
  const calls = html.slice(html.indexOf('id="fg-calls-title"'));
  expect(calls).toContain('<th scope="col">Flow</th><th scope="col">Activity Name</th><th scope="col">Type</th><th scope="col">Outcome</th><th scope="col">Modified Variables</th><th scope="col">HTTP</th>');
  expect(calls).toContain('<td data-label="Flow">main</td><td data-label="Activity Name">GET_CBID</td><td data-label="Type">HTTP Request</td><td data-label="Outcome">default</td>');
  expect(calls).toContain('<li><code>outdialcbid</code> = <code>&quot;0011ed11&quot;</code></li>');
  expect(calls).toContain('<code>POST https://api.wxcc-us1.cisco.com/v1/tasks</code> → <strong>201</strong>');
  expect(calls).toContain('<td data-label="Flow">main</td><td data-label="Activity Name">SimulateGlobalError</td><td data-label="Type">Set Variable</td><td data-label="Outcome"><span class="fg-outcome-error">Error</span></td>');
  expect(calls).toContain('<tr class="fg-error-detail"><td colspan="6"><span class="fg-outcome-error">Error</span> in SimulateGlobalError: <code>expression error in &quot;{{ ANI | 123}}&quot;</code></td></tr>');
  expect(calls).toContain('<div class="fg-says">says “Press 3 to simulate global error.”</div>');
  expect(calls).toContain('<td data-label="Flow">OnGlobalError</td><td data-label="Activity Name">HTTPStatusCode</td><td data-label="Type">Condition</td><td data-label="Outcome">True</td>');
});

test('long values are cut, with the whole value in a <details>', () => {
  const report = passedReport();
  report.scenarios[0].trace[3].modifiedVariables.getresult = 'x'.repeat(1000);
  const html = shown(renderReportBody(report));
  expect(html).toContain(`<details><summary><code>&quot;${'x'.repeat(59)}</code>… (1002 characters)</summary><code>&quot;${'x'.repeat(1000)}&quot;</code></details>`);
  // Characters, not UTF-16 units: 100 emoji are 200 units but short enough; 170 are cut after 60.
  report.scenarios[0].trace[3].modifiedVariables.getresult = '😀'.repeat(100);
  expect(shown(renderReportBody(report))).toContain(`<code>&quot;${'😀'.repeat(100)}&quot;</code>`);
  report.scenarios[0].trace[3].modifiedVariables.getresult = `${'😀'.repeat(169)}é`;
  expect(shown(renderReportBody(report))).toContain(`<details><summary><code>&quot;${'😀'.repeat(59)}</code>… (172 characters)</summary>`);
});

test('long values shown again are cut the same way, however many there are', () => {
  const report = passedReport();
  const values = Array.from({ length: 40 }, (_, i) => `${i}:${'y'.repeat(200 + (i % 3))}`);
  report.scenarios[0].trace[3].modifiedVariables = Object.fromEntries([...values, ...values.slice(0, 20)].map((value, i) => [`v${i}`, value]));
  const html = shown(renderReportBody(report));
  values.forEach((value, i) => {
    const cut = `<details><summary><code>&quot;${value.slice(0, 59)}</code>… (${value.length + 2} characters)</summary><code>&quot;${value}&quot;</code></details>`;
    expect(html.split(`<code>v${i}</code> = ${cut}`)).toHaveLength(2);
    if (i < 20) expect(html.split(`<code>v${i + 40}</code> = ${cut}`)).toHaveLength(2);
  });
});

test('a drawing of the main flow and the event flows with the executed path highlighted and the failing activity marked', () => {
  const html = shown(renderReportBody(failedReport()));
  const figures = html.match(/<figure class="fg-figure[^"]*">[\s\S]*?<\/figure>/g) ?? [];
  expect(figures).toHaveLength(2);
  // The caption links to each activity with a failing check: a wide drawing opens at its left edge.
  expect(figures[0]).toContain('<figcaption>Main Flow <span class="fg-failing-links">— with a failing check: <a href="#fg-main-node-get">GET_CBID</a>, <a href="#fg-main-node-sim">SimulateGlobalError</a></span></figcaption>');
  expect(figures[0]).toContain('id="fg-main-node-get"');
  // An activity labelled with spaces only is linked by its id: a link needs a name.
  const blank = failedReport();
  blank.flow!.main.nodes.find((node) => node.id === 'sim')!.label = '  ';
  expect(shown(renderReportBody(blank))).toContain('<a href="#fg-main-node-sim">sim</a>');
  expect(figures[1]).toContain('<figcaption>Event Flows</figcaption>');
  expect(figures[0]).toMatch(/<svg [^>]*class="flow"/);
  expect(figures[0]).toContain('<g class="node executed failing" id="fg-main-node-sim" data-id="sim">'); // a failed check's Where links to it
  expect(figures[0]).toContain('<g class="node executed" data-id="menu">');
  expect(figures[0]).toMatch(/<g class="edge executed"><path [^>]*\/><text [^>]*>3<\/text><\/g>/);
  expect(figures[1]).not.toMatch(/class="(node|edge) executed/); // the broken call never reached the event flow
  // Two drawings on one page: their ids do not clash.
  expect(figures[0]).toContain('id="fg-main-arrow"');
  expect(figures[1]).toContain('id="fg-events-arrow"');
  expect(html).toContain('the path of the simulated call “Title of scenario happy-path”');
  // The passed report's happy path reaches the event flow; nothing failing, no links.
  expect(renderReportBody(passedReport())).toContain('<g class="node executed" data-id="api">');
  expect(renderReportBody(passedReport())).toContain('<figcaption>Main Flow</figcaption>');
});

test('an ungradable report says why, with the code, and nothing else but what to do', () => {
  const html = shown(renderReportBody(ungradableReport()));
  expect(html).toContain('<div class="fg-error" role="alert"><p><strong>This file could not be graded.</strong></p><p>file is not JSON: Unexpected token N at line 1 column 1 <code>[not-json]</code></p><p class="fg-hint">');
  expect(html).toContain('<span class="fg-verdict ungradable">UNGRADABLE</span>');
  expect(html).not.toContain('<svg');
  expect(html).not.toContain('Checks by Build step');
});

test('renderReportBody is exactly the body of renderHtmlReport, its main landmark', () => {
  const report = failedReport();
  expect(renderHtmlReport(report)).toContain(`<body>\n<main>\n${renderReportBody(report)}\n</main>\n</body>`);
});

test('accessible: one h1, headings in order, marks hidden from screen readers with words beside them', () => {
  const html = shown(renderReportBody(failedReport()));
  expect(html.match(/<h1[ >]/g)).toHaveLength(1);
  const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
  for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1]).toBeLessThanOrEqual(1);
  expect(html).toContain('<span class="fg-mark" aria-hidden="true">✗</span><span class="fg-sr">failed: </span><span class="fg-check-title">Title of simulate-error-value-fails</span>');
  expect(html).toContain('<span class="fg-sr">not judged: </span><span class="fg-check-title">Title of run-task-created</span>');
});

test('headingLevel nests the report under a page\'s headings: title, sections and steps one level lower each, same classes', () => {
  const levels = (html: string) => [...html.matchAll(/<h([1-6]) [^>]*class="(fg-[a-z]+)"/g)].map((m) => `${m[2]}:${m[1]}`);
  const document = levels(renderReportBody(failedReport()));
  const nested = levels(renderReportBody(failedReport(), { headingLevel: 3 }));
  expect(document).toContain('fg-title:1');
  expect(document).toContain('fg-heading:2');
  expect(document).toContain('fg-subheading:3');
  expect(nested).toEqual(document.map((entry) => entry.replace(/\d$/, (level) => String(Number(level) + 2))));
  expect(shown(renderReportBody(ungradableReport(), { headingLevel: 3 }))).toMatch(/<h3 class="fg-title">/);
});

test('the drawings and trace tables scroll, so each can be reached by keyboard and is named', () => {
  const html = shown(renderReportBody(failedReport()));
  expect(html).toContain('<div class="fg-drawing" tabindex="0" role="group" aria-label="Main Flow, scrollable">');
  expect(html).toContain('<div class="fg-table-wrap" tabindex="0" role="group" aria-label="Trace of the simulated call “Title of scenario happy-path”, scrollable"><table class="fg-trace" aria-label="Trace of the simulated call “Title of scenario happy-path”">');
  expect(html).toContain('<div class="fg-table-wrap" tabindex="0" role="group" aria-label="Trace for the check “Title of simulate-error-value-fails”, scrollable"><table class="fg-trace" aria-label="Trace for the check “Title of simulate-error-value-fails”"><caption>In the simulated call:</caption>');
});

test('a check not judged shows its points as not judged, as the console does, not as 0 earned', () => {
  const html = shown(renderReportBody(failedReport()));
  expect(html).toContain('<span class="fg-check-title">Title of run-task-created</span><span class="fg-points">not judged, 5 points</span>');
  const report = failedReport();
  const onePoint = shown(renderReportBody({ ...report, checks: report.checks.map((c) => (c.id === 'run-task-created' ? { ...c, points: 1 } : c)) }));
  expect(onePoint).toContain('<span class="fg-points">not judged, 1 point</span>');
  expect(html).toContain('<span class="fg-check-title">Title of simulate-error-value-fails</span><span class="fg-points">0/4 pts</span>');
});

test('deterministic', () => {
  expect(renderHtmlReport(failedReport())).toBe(renderHtmlReport(failedReport()));
});

test('the top says what to fix first: the first required failure in Build-step order, linked to it, with its hint', () => {
  const html = shown(renderReportBody(failedReport()));
  const header = html.slice(0, html.indexOf('</header>'));
  // Step 4's recommended miss comes earlier, but step 6's required failure keeps the verdict from passing.
  expect(header).toContain(
    '<p class="fg-first-fix"><strong>Fix first:</strong> <a href="#fg-check-simulate-error-value-fails">Step 6 — Title of simulate-error-value-fails</a>. SimulateGlobalError → Variable: simulatederror, Set Value: {{ ANI | 123}}</p>',
  );
  expect(html).toContain('<li class="fg-check failed" id="fg-check-simulate-error-value-fails" data-check="simulate-error-value-fails">');
  expect(renderReportBody(passedReport())).not.toContain('Fix first');
  expect(renderReportBody(ungradableReport())).not.toContain('Fix first');
});

test('a failure says where in Flow Designer (the activity and its tab), not the JSON pointer with internal ids', () => {
  const report = failedReport();
  const html = shown(renderReportBody(report));
  expect(stepSection(html, 6)).toContain(
    '<dt>Where</dt><dd><a class="fg-where" href="#fg-main-node-sim">SimulateGlobalError, on the Main Flow tab<span class="fg-sr"> (in the drawing of your flow)</span></a></dd>',
  );
  expect(html).not.toContain('Where in the export');
  expect(html).not.toContain('/process/activities/');
  report.checks = report.checks.map((c) => (c.id === 'simulate-error-value-fails' ? { ...c, activity: 'HTTPStatusCode', pointer: '/eventFlows/eventsMap/GLOBAL_EVENTS/process/activities/b07b02ae' } : c));
  // (its pointer names an activity not drawn; the one activity so labelled is drawn: linked, html-where.test.ts)
  expect(shown(renderReportBody(report))).toContain('<dt>Where</dt><dd><a class="fg-where" href="#fg-events-node-cond">HTTPStatusCode, on the Event Flows tab<span class="fg-sr"> (in the drawing of your flow)</span></a></dd>');
});

test('an export that could not be graded says what to do: export the flow again and grade that file as it is', () => {
  const html = shown(renderReportBody(ungradableReport()));
  expect(html).toContain(
    '<p class="fg-hint"><strong>How to fix:</strong> Export the flow again (Flow Designer → Flows → Main_Flow_&lt;Your_Attendee_ID&gt; → Export) and grade the downloaded .json file as it is, without opening and saving it in an editor.</p>',
  );
  // A file that could not be read (a wrong name, a grading that crashed) is not a matter of exporting again.
  const other = ungradableReport();
  other.error = { code: 'unreadable-file', message: 'no such file' };
  expect(renderReportBody(other)).not.toContain('How to fix');
});

test('the page is ASCII, our own words too (Fix first, a cause linked in quotes): every other character a reference', () => {
  const report = failedReport();
  report.checks = report.checks.map((c) => (c.id === 'run-task-created' ? { ...c, message: 'Not judged (reported under “Title of simulate-error-value-fails”)' } : c));
  const html = renderHtmlReport(report);
  expect(shown(html)).toContain('Fix first:</strong> <a href="#fg-check-simulate-error-value-fails">Step 6 — ');
  expect(shown(html)).toContain('(reported under <a href="#fg-check-simulate-error-value-fails">“');
  expect(html).toMatch(/^[\x00-\x7F]*$/);
});

test('a check not judged links to the failure it is reported under', () => {
  const report = failedReport();
  report.checks = report.checks.map((c) => (c.id === 'run-task-created' ? { ...c, message: 'Not judged: the simulated call went wrong earlier (reported under “Title of simulate-error-value-fails”)' } : c));
  const html = shown(renderReportBody(report));
  expect(html).toContain('<p>Not judged: the simulated call went wrong earlier (reported under <a href="#fg-check-simulate-error-value-fails">“Title of simulate-error-value-fails”</a>)</p>');
  // A title no check of the report has stays text.
  report.checks = report.checks.map((c) => (c.id === 'run-task-created' ? { ...c, message: 'Not judged (reported under “<b>Nothing</b>”)' } : c));
  expect(shown(renderReportBody(report))).toContain('<p>Not judged (reported under “&lt;b&gt;Nothing&lt;/b&gt;”)</p>');
});
