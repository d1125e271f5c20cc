/**
 * The per-attendee report of a hostile export stays small (reports/bounds.ts), says what it left
 * out, and stays valid against its schema; a real report is not touched.
 */
import { test, expect } from '@playwright/test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import reportSchema from '../../../schemas/report.schema.json' with { type: 'json' };
import { findMission } from '../../../checks/index.js';
import { gradeFlow } from '../../../engine/grade.js';
import type { GradeReport } from '../../../engine/report.js';
import { boundReport, REPORT_BOUNDS } from '../../../reports/bounds.js';
import { clipText } from '../../../reports/code-points.js';
import { orderReport, renderHtmlReport, renderJson, renderReportBody } from '../../../reports/index.js';
import { fixturePath } from '../../helpers.js';
import { exportOf, setVar, type FlowSpec, type Node } from '../simulator/helpers.js';
import { failedReport, hostileReport, passedReport, ungradableReport } from './sample-reports.js';

const MB = 1_000_000;
const validate = (() => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(reportSchema);
})();
const mission = findMission('callback-on-global-error')!;
const grade = (flow: string, fileName = 'flow.json') => gradeFlow(flow, { mission, fileName, now: () => new Date(0), tool: { name: 'flowgrade', version: 'test' } });

/** `nodes` in a ring after the start, each to the next by `exit`: the simulator stops at its 500-step limit. */
function ring(nodes: Node[], variables: FlowSpec['variables'] = []): string {
  const labels = nodes.map((n) => n.label);
  return JSON.stringify(exportOf({ variables, main: nodes, links: [['NewPhoneContact', 'out', labels[0]], ...labels.map((label, i): [string, string, string] => [label, 'out', labels[(i + 1) % labels.length]])] }));
}

/** The JSON and HTML reports of `report`, each under 1 MB, the JSON valid against the schema. */
function writtenSmall(report: GradeReport): { html: string; written: GradeReport } {
  const json = renderJson(report);
  const html = renderHtmlReport(report);
  expect(json.length).toBeLessThan(1 * MB);
  expect(html.length).toBeLessThan(1 * MB);
  const written = JSON.parse(json) as GradeReport;
  expect(validate(written), JSON.stringify(validate.errors)).toBe(true);
  return { html, written };
}

/** `shown` has every part of `report` as the same object: nothing was cut, nothing copied but the report object. */
function expectWhole(shown: GradeReport, report: GradeReport, name?: string): void {
  expect(shown === report, name).toBe(false); // never the caller's own object (see the last tests)
  for (const part of ['input', 'checks', 'scenarios', 'flow'] as const) expect(shown[part] === report[part], `${name} ${part}`).toBe(true);
  expect(shown, name).toEqual(report);
}

test('a real report is shown whole: every fixture flow and every sample report comes out with the same parts, so its JSON and HTML are unchanged', async () => {
  const flows = readdirSync(fixturePath('flows')).filter((name) => name.endsWith('.json'));
  expect(flows.length).toBeGreaterThan(40);
  for (const name of flows) {
    const report = await grade(readFileSync(fixturePath(`flows/${name}`), 'utf8'), name);
    expectWhole(boundReport(report), report, name);
  }
  for (const report of [passedReport(), failedReport(), ungradableReport(), hostileReport()]) expectWhole(boundReport(report), report);
});

test('a text over its bound keeps its start and says how long it was, as every cut text does, never half a character', () => {
  expect(clipText('abc', 3)).toBe('abc');
  expect(clipText('abcdef', 4)).toBe('abcd… (6 characters)');
  expect(clipText(`${'a'.repeat(3)}😀b`, 4)).toBe('aaa😀… (5 characters)'); // the emoji is one character, its two halves stay together
  expect(clipText(`${'a'.repeat(3)}😀`, 4)).toBe('aaa😀'); // 5 UTF-16 units, 4 characters: not cut
  // A cut text cut again (grade bounds a report, then junit.xml and summary.md cut to their own
  // bounds) still says the whole length, not the length of its cut form.
  const message = 'm'.repeat(262_144);
  expect(clipText(clipText(message, REPORT_BOUNDS.text), 1_000)).toBe(clipText(message, 1_000));
  expect(clipText(clipText('abcdef', 4), 2)).toBe('ab… (6 characters)');
});

test('labels of 100,000 characters in a loop of 500 steps: a 300 MB JSON report is now under 1 MB, names cut where they are shown, ids the same everywhere, valid against the schema', async () => {
  const long = (i: number) => `R${i}${'x'.repeat(100_000)}`;
  const report = await grade(ring(Array.from({ length: 20 }, (_, i) => setVar(long(i), 's', 'v')), [{ name: 's', type: 'STRING', value: '' }]));
  expect(report.scenarios[0].trace).toHaveLength(500); // what was graded is whole
  const { html, written } = writtenSmall(report);
  const entry = written.scenarios[0].trace.find((e) => e.activity.startsWith('R0'))!;
  expect(entry.activity).toBe(`R0${'x'.repeat(REPORT_BOUNDS.name - 2)}… (${long(0).length} characters)`);
  // The drawing's links still join its boxes, and the trace's ids name them.
  const ids = new Set(written.flow!.main.nodes.map((n) => n.id));
  for (const edge of written.flow!.main.edges) expect(ids.has(edge.from) && ids.has(edge.to)).toBe(true);
  expect(ids.has(entry.activityId)).toBe(true);
  expect(html.includes(`R0${'x'.repeat(REPORT_BOUNDS.name - 2)}&#8230; (${long(0).length} characters)`)).toBe(true);
  expect(html.includes('x'.repeat(REPORT_BOUNDS.text + 1))).toBe(false); // a message quoting the label keeps 10,000 characters of it
});

test('300 long values set on every step of a loop of 500: a 95 MB JSON report (111 MB of HTML) is now under 1 MB, its traces ending "… N more steps not shown"', async () => {
  const rows = Array.from({ length: 300 }, (_, i) => ({ srcVariable: `v${i}`, srcVariableType: 'STRING', setTo: 'set-to-literal', expr: '{{ s }}' }));
  const nodes = Array.from({ length: 20 }, (_, i) => {
    const node = setVar(`Fan${i}`, 'v0', '{{ s }}');
    return { ...node, props: { ...node.props, setVariablesArray: rows } };
  });
  const report = await grade(ring(nodes, [{ name: 's', type: 'STRING', value: 'y'.repeat(200_000) }, ...rows.map((row) => ({ name: row.srcVariable, type: 'STRING', value: '' }))]));
  const { html, written } = writtenSmall(report);
  for (const [i, scenario] of written.scenarios.entries()) {
    const shownSteps = scenario.trace.length - 1;
    const last = scenario.trace.at(-1)!;
    expect(shownSteps).toBeGreaterThan(0);
    expect(last).toEqual({ flow: 'main', activity: `… ${report.scenarios[i].trace.length - shownSteps} more steps not shown`, activityId: '', type: 'not-shown', outcome: 'not-shown', modifiedVariables: {} });
    expect(scenario.trace.slice(0, -1)).toEqual(JSON.parse(JSON.stringify(report.scenarios[i].trace.slice(0, shownSteps)))); // the steps shown are whole
  }
  expect(html).toMatch(/<tr class="fg-repeat fg-not-shown"><td colspan="6">&#8230; \d+ more steps not shown: a report shows the first steps of a long trace only \(the simulated call ran them all\)<\/td><\/tr>/);  // Bounded again (a copy of the bounded report), the traces keep their ends: no step counted twice.
  expect(renderJson(written) === renderJson(report), 'the same JSON when bounded again').toBe(true);
});

/** `report` with a long message in its first failed check, and a counter of the reads of that message. */
function countedReport(message = 'short'): { report: GradeReport; reads: () => number } {
  const report = failedReport();
  const check = report.checks.find((c) => c.status === 'failed')!;
  let reads = 0;
  Object.defineProperty(check, 'message', { enumerable: true, configurable: true, get: () => (reads++, message) });
  return { report, reads: () => reads };
}

test('a report given straight to a writer is still cut: JSON, the HTML report, its body and the ordered report', () => {
  const long = 'm'.repeat(REPORT_BOUNDS.text + 5);
  const cut = clipText(long, REPORT_BOUNDS.text);
  const written = (report: GradeReport) => report.checks.find((c) => c.status === 'failed')!.message;
  expect(written(JSON.parse(renderJson(countedReport(long).report)) as GradeReport)).toBe(cut);
  expect(written(orderReport(countedReport(long).report))).toBe(cut);
  for (const html of [renderHtmlReport(countedReport(long).report), renderReportBody(countedReport(long).report)]) {
    expect(html).toContain(`${'m'.repeat(100)}&#8230; (${long.length} characters)`);
    expect(html).not.toContain('m'.repeat(REPORT_BOUNDS.text + 1));
  }
});

test('a report bounded once is not walked again: each writer reads a bounded report as often as it writes it, once fewer than one it must bound', () => {
  // (Reads of one check's message: the bounds walk reads it once.)
  const walked = countedReport();
  const bounded = boundReport(walked.report);
  expect(walked.reads()).toBe(1);
  const again = boundReport(bounded);
  expect(walked.reads()).toBe(1);
  expect(again === bounded).toBe(true); // (after counting: expect() reads the object it is given)
  const writers: [string, (report: GradeReport) => unknown][] = [
    ['renderJson', renderJson],
    ['orderReport', orderReport],
    ['renderHtmlReport', renderHtmlReport],
    ['renderReportBody', renderReportBody],
  ];
  for (const [name, write] of writers) {
    const fresh = countedReport();
    write(fresh.report); // bounds it, then writes it
    const known = countedReport();
    const bounded = boundReport(known.report);
    const before = known.reads();
    write(bounded);
    expect(known.reads() - before, name).toBe(fresh.reads() - 1);
  }
});

test('a report given to a writer stays its caller\'s: changed afterwards and written again, it is still cut (only what boundReport hands back is read-only)', () => {
  const report = failedReport();
  const long = 'm'.repeat(REPORT_BOUNDS.text + 5);
  const cut = (written: GradeReport) => written.checks.find((c) => c.status === 'failed')!.message === clipText(long, REPORT_BOUNDS.text);
  for (const write of [(r: GradeReport) => JSON.parse(renderJson(r)) as GradeReport, orderReport]) {
    write(report); // within the bounds
    report.checks.find((c) => c.status === 'failed')!.message = long;
    expect(cut(write(report))).toBe(true);
    report.checks.find((c) => c.status === 'failed')!.message = 'short';
  }
  renderReportBody(report);
  report.checks.find((c) => c.status === 'failed')!.message = long;
  expect(renderReportBody(report).includes('m'.repeat(REPORT_BOUNDS.text + 1))).toBe(false);
});

test('bounding is done once for good: a copy of a bounded report (read back from its JSON, or from another thread) is bounded to the same report, every cut text keeping its whole length', () => {
  const id = (n: number) => `${'i'.repeat(REPORT_BOUNDS.name)}${n}${'j'.repeat(100)}`; // two ids alike in their first 200 characters
  const report = failedReport();
  report.checks.find((c) => c.status === 'failed')!.message = 'm'.repeat(REPORT_BOUNDS.text * 3);
  report.flow = { main: { nodes: [1, 2].map((n) => ({ id: id(n), label: `L${n}`.repeat(REPORT_BOUNDS.name), type: 'play' })), edges: [{ from: id(1), to: id(2), exit: 'x'.repeat(REPORT_BOUNDS.name + 1) }] }, events: { nodes: [], edges: [] } };
  // A trace whose first step just fits its budget (5 characters to spare), and two more that do not.
  const step = (size: number) => ({ flow: 'main', activity: 'a', activityId: 'b', type: 'c', outcome: 'd', modifiedVariables: { v: 'y'.repeat(size) } });
  report.scenarios[0].trace = [step(REPORT_BOUNDS.trace - 14), step(10), step(10)];
  const json = renderJson(report);
  expect(json).toContain('"activity": "… 2 more steps not shown"');
  expect(json).toContain(`… (${REPORT_BOUNDS.text * 3} characters)`);
  expect(json).toContain(`… (${id(2).length} characters) (2)`);
  const again = renderJson(JSON.parse(json) as GradeReport);
  expect(again === json, 'the same JSON').toBe(true);
});
