/**
 * A small tester for mission checks: grade a fixture (or a mutated copy of the solution) with the
 * real `gradeFlow` and a fixed clock, and read one check's result. Reports are cached per input.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_MISSION_ID, findMission } from '../../../checks/index.js';
import type { Mission } from '../../../engine/check.js';
import { gradeFlow } from '../../../engine/grade.js';
import type { CheckResult, GradeReport } from '../../../engine/report.js';
import { fixturePath } from '../../helpers.js';

export const mission: Mission = findMission(DEFAULT_MISSION_ID)!;
export const FIXED_NOW = new Date('2025-07-30T09:00:00.000Z');

export interface ManifestEntry {
  file: string;
  kind: 'solution' | 'before' | 'defect' | 'noise' | 'unreadable';
  verdict: 'passed' | 'failed' | 'ungradable';
  step: number | null;
  defect: string;
  expectFailingChecks: string[];
}

export const manifest = JSON.parse(readFileSync(fixturePath('manifest.json'), 'utf8')) as ManifestEntry[];

const reports = new Map<string, Promise<GradeReport>>();

/** Grade text with the default mission, fixed clock and default settings. */
export function grade(text: string | Uint8Array, fileName = 'Main_Flow_140.json', attendee?: string): Promise<GradeReport> {
  return gradeFlow(text, { mission, fileName, now: () => new Date(FIXED_NOW), tool: { name: 'flowgrade', version: 'test' }, ...(attendee ? { attendee } : {}) });
}

/** Grade a fixture (path relative to fixtures/), once per test worker. */
export function gradeFixture(file: string): Promise<GradeReport> {
  let report = reports.get(file);
  if (!report) {
    report = grade(readFileSync(fixturePath(file)), file.split('/').pop());
    reports.set(file, report);
  }
  return report;
}

export function resultOf(report: GradeReport, id: string): CheckResult {
  const result = report.checks.find((c) => c.id === id);
  if (!result) throw new Error(`no result for check ${id}`);
  return result;
}

export function failing(report: GradeReport): string[] {
  return report.checks.filter((c) => c.status === 'failed' || c.status === 'errored').map((c) => c.id);
}

// ---------------------------------------------------------------------------------------------
// Mutations of the solution export (for mistakes no fixture carries, and for tolerances)
// ---------------------------------------------------------------------------------------------

export type Json = Record<string, any>;
export type Mutation = (flow: Json) => void;

export function solutionExport(): Json {
  return JSON.parse(readFileSync(fixturePath('flows/solution.json'), 'utf8')) as Json;
}

function graphs(flow: Json): Json[] {
  return [flow.process, flow.eventFlows.eventsMap.GLOBAL_EVENTS.process];
}

/** The activity object (`{id, name, properties}`) labelled `label`, in the main flow or the event flows. */
export function activity(flow: Json, label: string): Json {
  for (const g of graphs(flow)) {
    const found = Object.values(g.activities as Record<string, Json>).find((a) => a.name === label);
    if (found) return found;
  }
  throw new Error(`no activity ${label}`);
}

export function props(flow: Json, label: string): Json {
  return activity(flow, label).properties;
}

/** Remove the link on `exit` of `label`. */
export function unlink(flow: Json, label: string, exit: string): void {
  const id = activity(flow, label).id;
  for (const g of graphs(flow)) g.links = (g.links as Json[]).filter((l) => !(l.sourceActivityId === id && l.conditionExpr === exit));
}

/** Link `exit` of `from` to `to` (replacing any link on that exit). */
export function link(flow: Json, from: string, exit: string, to: string): void {
  unlink(flow, from, exit);
  const source = activity(flow, from);
  const target = activity(flow, to);
  const g = graphs(flow).find((x) => x.activities[source.id])!;
  g.links.push({ id: `test-link-${from}-${exit}`, sourceActivityId: source.id, targetActivityId: target.id, conditionExpr: exit, properties: { value: exit } });
}

/** Delete an activity and every link to or from it, as deleting it on the canvas does. */
export function removeActivity(flow: Json, label: string): void {
  const id = activity(flow, label).id;
  for (const g of graphs(flow)) {
    delete g.activities[id];
    g.links = (g.links as Json[]).filter((l) => l.sourceActivityId !== id && l.targetActivityId !== id);
  }
}

/** Rename an activity (label only: references elsewhere are left as they are). */
export function relabel(flow: Json, label: string, to: string): void {
  const a = activity(flow, label);
  a.name = to;
  a.properties.name = to;
}

/** Add an activity to the graph holding `near`, returning its id. */
export function addActivity(flow: Json, near: string, label: string, properties: Json, group = 'action'): string {
  const g = graphs(flow).find((x) => Object.values(x.activities as Record<string, Json>).some((a) => a.name === near))!;
  const id = `test-${label}`;
  g.activities[id] = { id, name: label, group, properties: { name: label, ...properties } };
  return id;
}

/** A Set Variable `label` beside `near` whose expression fails when it runs (an unknown Pebble filter). */
export function addFailingSetVariable(flow: Json, near: string, label: string): string {
  return addActivity(flow, near, label, { activityName: 'set-variable', activityId: 'set-variable', srcVariable: 'getresult', setTo: 'set-to-literal', expr: '{{ getresult | nosuchfilter }}' }, 'set-variable');
}

export function variable(flow: Json, name: string): Json {
  const v = (flow.variables as Json[]).find((x) => x.name === name);
  if (!v) throw new Error(`no variable ${name}`);
  return v;
}

/** The solution with `mutation` applied, as export text. */
export function mutated(mutation: Mutation): string {
  const flow = solutionExport();
  mutation(flow);
  return JSON.stringify(flow);
}

const mutatedReports = new Map<Mutation, Promise<GradeReport>>();

export function gradeMutation(mutation: Mutation, attendee?: string): Promise<GradeReport> {
  if (attendee) return grade(mutated(mutation), 'Main_Flow_140.json', attendee);
  let report = mutatedReports.get(mutation);
  if (!report) {
    report = grade(mutated(mutation));
    mutatedReports.set(mutation, report);
  }
  return report;
}
