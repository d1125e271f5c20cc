/**
 * The edges of reports/bounds.ts that a hostile export can reach: a text that only looks cut, a
 * trace step that only looks like the entry ending a cut trace, a trace that exactly fills its
 * budget (found by a mutation sweep: each of these could change and no test said so).
 */
import { test, expect } from '@playwright/test';
import type { GradeReport } from '../../../engine/report.js';
import type { TraceEntry } from '../../../engine/trace.js';
import { boundReport, NOT_SHOWN, REPORT_BOUNDS } from '../../../reports/bounds.js';
import { renderJson } from '../../../reports/index.js';
import { failedReport } from './sample-reports.js';

/** A report whose failed check's message is `message`, bounded. */
function boundMessage(message: string): string {
  const report = failedReport();
  report.checks.find((c) => c.status === 'failed')!.message = message;
  return boundReport(report).checks.find((c) => c.status === 'failed')!.message;
}

/** The first scenario's trace of a report whose first scenario has `trace`, bounded. */
function boundTraceOf(trace: TraceEntry[]): TraceEntry[] {
  const report: GradeReport = failedReport();
  report.scenarios[0].trace = trace;
  return boundReport(report).scenarios[0].trace;
}

/** A step of 9 + `size` characters as bounds.ts counts them. */
const step = (size: number): TraceEntry => ({ flow: 'main', activity: 'a', activityId: 'b', type: 'c', outcome: 'd', modifiedVariables: { v: 'y'.repeat(size) } });

/** The entry ending a trace cut with one step left out. */
const oneNotShown: TraceEntry = { flow: 'main', activity: '… 1 more step not shown', activityId: '', type: NOT_SHOWN, outcome: NOT_SHOWN, modifiedVariables: {} };

test('a text over its bound that only ends like a cut text is still cut: the mark must follow its first characters, and end it', () => {
  const { text } = REPORT_BOUNDS;
  const a = 'a'.repeat(text);
  // Each: the message, and the whole length its cut form says (a mark it could have written is read).
  const cases: Record<string, [string, number]> = {
    'a mark later than the bound': [`${a.repeat(3)}… (${text * 4} characters)`, text * 4],
    'a mark at the bound with more after it': [`${a}… (${text * 2} characters)${'b'.repeat(text * 5)}`, text * 6 + 20],
    'a mark at the bound saying no more than the bound': [`${a}… (${text} characters)`, text + 20],
    'a mark at the bound saying less than the bound': [`${a}… (5 characters)`, text + 16],
  };
  for (const [name, [message, whole]] of Object.entries(cases)) {
    expect(boundMessage(message), name).toBe(`${a}… (${whole} characters)`);
  }
});

test('ids of emoji (two UTF-16 units each) alike in their first 200 characters: a copy of the bounded report is bounded to the same', () => {
  const id = (n: number) => `${'\u{1F600}'.repeat(REPORT_BOUNDS.name)}${n}${'j'.repeat(100)}`;
  const report = failedReport();
  report.flow = { main: { nodes: [1, 2].map((n) => ({ id: id(n), label: `L${n}`, type: 'play' })), edges: [] }, events: { nodes: [], edges: [] } };
  const json = renderJson(report);
  expect(json).toContain(`… (${REPORT_BOUNDS.name + 101} characters) (2)`);
  expect(renderJson(JSON.parse(json) as GradeReport) === json, 'the same JSON').toBe(true);
});

test('a trace step that only looks like the entry ending a cut trace is a step: over the budget, it is left out and said so', () => {
  const near: Record<string, Partial<TraceEntry>> = {
    type: { type: 'play' },
    outcome: { outcome: 'out' },
    activityId: { activityId: 'x' },
    error: { error: 'e' },
    failedSetting: { failedSetting: 'Request Body' },
    failedVariable: { failedVariable: { name: 'v', problem: 'type' } },
    prompts: { prompts: ['p'] },
    http: { http: { method: 'GET', url: 'u', requestHeaders: {}, status: 200 } },
    modifiedVariables: { modifiedVariables: { w: '1' } },
  };
  for (const [field, change] of Object.entries(near)) {
    // The first step leaves 5 characters of the budget; the second (over 40) does not fit.
    const shown = boundTraceOf([step(REPORT_BOUNDS.trace - 14), { ...oneNotShown, ...change }]);
    expect(shown.length, field).toBe(2);
    expect(shown[1], field).toEqual(oneNotShown);
  }
});

test('a trace that exactly fills its budget is shown whole', () => {
  const trace = [step(REPORT_BOUNDS.trace - 9 - 100), step(100 - 9)];
  expect(boundTraceOf(trace)).toEqual(trace);
  expect(boundTraceOf([...trace, step(0)]).at(-1)).toEqual(oneNotShown);
});

test('a failed setting is a name: cut at the name bound like the labels, and counted in the trace budget', () => {
  const long = 'S'.repeat(REPORT_BOUNDS.name * 3);
  const failing: TraceEntry = { ...step(0), outcome: 'error', error: 'e', failedSetting: long };
  expect(boundTraceOf([failing])[0].failedSetting).toBe(`${'S'.repeat(REPORT_BOUNDS.name)}… (${long.length} characters)`);
  // A step that fills the budget but for the failed setting's characters: with them, it is left out.
  const fills = { ...step(REPORT_BOUNDS.trace - 9 - 'error'.length - 1), outcome: 'error', error: 'e' };
  expect(boundTraceOf([fills])).toEqual([fills]);
  expect(boundTraceOf([{ ...fills, failedSetting: 'Method' }]).at(-1)!.type).toBe(NOT_SHOWN);
});

test("a failed variable's name is a name: cut at the name bound like the labels, and counted in the trace budget with its problem", () => {
  const long = 'V'.repeat(REPORT_BOUNDS.name * 3);
  const failing: TraceEntry = { ...step(0), outcome: 'error', error: 'e', failedVariable: { name: long, problem: 'undeclared' } };
  expect(boundTraceOf([failing])[0].failedVariable).toEqual({ name: `${'V'.repeat(REPORT_BOUNDS.name)}… (${long.length} characters)`, problem: 'undeclared' });
  // A failing step (outcome error for d, error e) that leaves `room` characters of the budget for its failed variable.
  const leaving = (room: number, failedVariable: TraceEntry['failedVariable']): TraceEntry => ({ ...step(REPORT_BOUNDS.trace - 9 - ('error'.length - 'd'.length) - 'e'.length - room), outcome: 'error', error: 'e', failedVariable });
  const fits = leaving('type'.length, { name: '', problem: 'type' });
  expect(boundTraceOf([fits])).toEqual([fits]);
  expect(boundTraceOf([leaving('type'.length, { name: 'n', problem: 'type' })]).at(-1)!.type).toBe(NOT_SHOWN);
  expect(boundTraceOf([leaving(0, { name: '', problem: 'type' })]).at(-1)!.type).toBe(NOT_SHOWN);
});
