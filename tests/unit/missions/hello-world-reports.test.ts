/**
 * A second mission's reports are its own: the Hello World class (solution, every defect, an
 * unreadable file) graded by gradeFlow and rendered by every writer (JSON against the published
 * schema, HTML, console, and the class files: JUnit, gradebook CSV, Markdown summary, dashboard,
 * from rows rendered apart as `grade` does). Each output names the mission's Build steps by its own
 * titles and its checks by their ids, with its own counts, and nothing of Callback on Global Error.
 */
import { expect, test } from '@playwright/test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import reportSchema from '../../../schemas/report.schema.json' with { type: 'json' };
import { gradeFlow } from '../../../engine/grade.js';
import type { GradeReport } from '../../../engine/report.js';
import { escapeHtml, escapeXml, NO_COLOR, renderClassRow, renderConsole, renderCsv, renderDashboard, renderHtmlReport, renderJson, renderJunit, renderMarkdown } from '../../../reports/index.js';
import { DEFECTS, solutionText } from './hello-world/flows.js';
import helloWorld from './hello-world/index.js';
import { registerHelloWorld } from './register.js';

registerHelloWorld();

const validate = new Ajv({ allErrors: true, strict: false });
addFormats(validate);
const validReport = validate.compile(reportSchema);

const NOW = new Date('2025-07-30T09:00:00.000Z');
const IDS = helloWorld.checks.map((c) => c.id);
const STEP_1 = 'Step 1 — Add the Play Message Welcome after NewPhoneContact';
const STEP_2 = 'Step 2 — End the call with a Disconnect Contact';

/** What only Callback on Global Error may say: its activities, services, steps, counts and flow name. */
const MISSION_3 = ['GET_CBID', 'CallBackAPI', 'Step 4', 'Step 13', 'DynVars', 'Tasks API', 'Create Task', 'OnGlobalError', 'WantCallback', 'getresult', 'outdialcbid', 'callback-on-global-error', 'Callback on Global Error', 'Main_Flow', '43 checks', '/105', '/100'];

function expectNoMission3(output: string, what: string): void {
  for (const words of MISSION_3) expect(output.includes(words), `${what} says ${JSON.stringify(words)}`).toBe(false);
}

/** An HTML page less its style sheet (a CSS comment there names GET_CBID: docs/missions.md, Known limits). */
function withoutStyle(html: string): string {
  return html.replace(/<style[^>]*>[\s\S]*?<\/style>/g, '');
}

let graded: GradeReport[];

test.beforeAll(async () => {
  const inputs: [string, string][] = [['HelloWorld_140.json', solutionText()], ...Object.entries(DEFECTS).map(([name, d]): [string, string] => [`HelloWorld_${name}.json`, d.text])];
  graded = [];
  for (const [fileName, text] of inputs) graded.push(await gradeFlow(text, { mission: helloWorld, fileName, now: () => new Date(NOW), tool: { name: 'flowgrade', version: 'test' } }));
});

test('each JSON report is valid against schemas/report.schema.json and has the mission\'s checks only', () => {
  for (const report of graded) {
    const json = renderJson(report);
    expect(validReport(JSON.parse(json)), JSON.stringify(validReport.errors)).toBe(true);
    expect(report.checks.map((c) => c.id)).toEqual(IDS);
    expectNoMission3(json, `${report.input.file} as JSON`);
  }
});

test('each HTML and console report heads its steps with the mission\'s titles and names its checks', () => {
  for (const report of graded) {
    const html = renderHtmlReport(report);
    const text = renderConsole(report, { color: NO_COLOR });
    for (const step of [STEP_1, STEP_2]) {
      expect(html).toContain(escapeHtml(step));
      expect(text).toContain(step);
    }
    expect(html).toContain('Hello World &mdash; attendee');
    expect(text).toContain('Hello World');
    for (const id of IDS) expect(html).toContain(`id="fg-check-${id}"`);
    expect(html).toContain(`${report.score!.earned}/11`);
    expectNoMission3(withoutStyle(html), `${report.input.file} as HTML`);
    expectNoMission3(text, `${report.input.file} on the console`);
  }
});

test('a failing report\'s first fix and failures are the mission\'s', () => {
  const report = graded.find((r) => r.input.file === 'HelloWorld_welcome-unlinked.json')!;
  const text = renderConsole(report, { color: NO_COLOR });
  expect(text).toContain('Fix first: Step 2 — Welcome ends the call with a Disconnect Contact');
  expect(text).toContain('Connect the exit of Welcome to a Disconnect Contact.');
});

test('the class files have the mission\'s step columns, check columns and test cases, from rows rendered apart', () => {
  const columns = { steps: Object.keys(helloWorld.steps).map(Number), checkIds: IDS };
  const rows = graded.map((report) => renderClassRow(report, columns));
  const junit = renderJunit(graded);
  const csv = renderCsv(graded, { checkIds: IDS, rows: rows.map((r) => r.csv) });
  const markdown = renderMarkdown(graded, { rows: rows.map((r) => r.markdown) });
  const dashboard = renderDashboard(graded, { reportHref: () => '', rows: rows.map((r) => r.dashboard) });

  expect(csv.split('\r\n')[0]).toBe(`\ufeffattendee,file,verdict,earned,possible,percent,error,${IDS.join(',')}`);
  expect(csv.split('\r\n')[1]).toBe(`HelloWorld_140,HelloWorld_140.json,passed,11,11,100,,passed,passed,passed,passed`);
  expect(junit.match(/<testsuite [^>]*tests="(\d+)"/g)!.map((s) => /tests="(\d+)"/.exec(s)![1])).toEqual(graded.map(() => '4'));
  for (const [i, check] of helloWorld.checks.entries()) expect(junit).toContain(`name="${check.step}. ${IDS[i]}"`);
  expect(junit).toContain(`guide: ${escapeXml(STEP_2)}`);
  expect(markdown).toContain('| 2 — End the call with a Disconnect Contact |');
  expect(markdown).toContain('(hello\\-welcome\\-to\\-disconnect)');
  // The heat-map: one column per Build step of the mission, titled by it.
  expect([...dashboard.matchAll(/data-column="step-(\d+)"/g)].map((m) => m[1])).toEqual(['1', '2']);
  expect(dashboard).toContain(`<li>${escapeHtml(STEP_1)}</li>`);
  expect(dashboard).toContain('<code>hello-run-caller-hears-welcome</code>');
  for (const [output, what] of [[junit, 'junit.xml'], [csv, 'grades.csv'], [markdown, 'summary.md'], [withoutStyle(dashboard), 'index.html']] as const) expectNoMission3(output, what);
});

test('an unreadable submission of the mission is reported under it', async () => {
  const report = await gradeFlow('{', { mission: helloWorld, fileName: 'HelloWorld_141.json', now: () => new Date(NOW), tool: { name: 'flowgrade', version: 'test' } });
  expect(validReport(JSON.parse(renderJson(report))), JSON.stringify(validReport.errors)).toBe(true);
  expect(report.lab).toEqual({ id: 'hello-world', title: 'Hello World' });
  expect(renderConsole(report, { color: NO_COLOR })).toContain('HelloWorld_141.json');
  expectNoMission3(renderJunit([report]), 'junit.xml of an unreadable file');
});

test('an unreadable submission\'s HTML advice names the mission\'s flow to export again', async () => {
  const report = await gradeFlow('{', { mission: helloWorld, fileName: 'HelloWorld_141.json', now: () => new Date(NOW), tool: { name: 'flowgrade', version: 'test' } });
  const html = withoutStyle(renderHtmlReport(report));
  expect(html).toContain(escapeHtml('Export the flow again (Flow Designer → Flows → HelloWorld_<Your_Attendee_ID> → Export)'));
  expectNoMission3(html, 'HTML of an unreadable file');
});

test('Fix first is the first required failure, not a recommended one of Build step 1 (only a fixFirst check comes before)', async () => {
  const both = JSON.parse(DEFECTS['welcome-unlinked'].text);
  for (const activity of Object.values<{ properties: { promptsTts?: { value: string }[] } }>(both.process.activities)) {
    if (activity.properties.promptsTts) activity.properties.promptsTts[0].value = 'Hello World!';
  }
  const report = await gradeFlow(JSON.stringify(both), { mission: helloWorld, fileName: 'HelloWorld_140.json', now: () => new Date(NOW), tool: { name: 'flowgrade', version: 'test' } });
  expect(report.checks.filter((c) => c.status === 'failed').map((c) => c.id)).toEqual(['hello-welcome-prompt-text', 'hello-welcome-to-disconnect', 'hello-run-caller-hears-welcome']);
  expect(renderConsole(report, { color: NO_COLOR })).toContain('Fix first: Step 2 — Welcome ends the call with a Disconnect Contact');
});

test('a mission with more Build steps than Callback on Global Error\'s 13 writes reports the schema takes', async () => {
  const longer = { ...helloWorld, checks: helloWorld.checks.map((check) => ({ ...check, step: check.step + 13 })) };
  const report = await gradeFlow(solutionText(), { mission: longer, fileName: 'HelloWorld_140.json', now: () => new Date(NOW), tool: { name: 'flowgrade', version: 'test' } });
  expect(validReport(JSON.parse(renderJson(report))), JSON.stringify(validReport.errors)).toBe(true);
});
