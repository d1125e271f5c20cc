/** Figures every writer shows, worked out once so the formats never disagree. */
import { findMission } from '../checks/index.js';
import type { CheckResult, GradeReport } from '../engine/report.js';
import { graphOfPointer } from '../engine/pointer.js';

/** A check that did not pass and needs the attendee's attention (a hint is shown for it). */
export function isFailure(check: CheckResult): boolean {
  return check.status === 'failed' || check.status === 'errored';
}

/** What an errored check tells the attendee instead of its hint: there is nothing in the flow to mend. */
const ERRORED_FIX = 'Nothing to change in the flow for this one: flowgrade could not run this check (a bug of flowgrade, not a mistake in the flow). Please report it with the export.';

/** How to fix a check that did not pass: its hint, or for an errored one, that it is not the attendee's to fix. */
export function fixOf(check: CheckResult): string {
  return check.status === 'errored' ? ERRORED_FIX : check.hint;
}

/**
 * What an attendee does about an export that could not be graded because of its content (empty,
 * not JSON, not a flow, cut short, edited): export it again (the mission's flow, by its name) and
 * grade it untouched. Undefined for a file that could not be read or a grading that failed:
 * exporting again would not help.
 */
export function ungradableFix(report: GradeReport): string | undefined {
  const flow = findMission(report.lab.id)?.flowName ?? 'your flow';
  return report.error && EXPORT_AGAIN_CODES.has(report.error.code)
    ? `Export the flow again (Flow Designer → Flows → ${flow} → Export) and grade the downloaded .json file as it is, without opening and saving it in an editor.`
    : undefined;
}

const EXPORT_AGAIN_CODES = new Set(['empty-file', 'not-json', 'not-a-flow', 'bad-template-body', 'invalid-flow', 'too-large', 'too-deep']);

/** Required checks that keep the verdict from passing: failed, errored, or not judged. */
export function blockingChecks(report: GradeReport): CheckResult[] {
  return report.checks.filter((c) => c.severity === 'required' && c.status !== 'passed');
}

/**
 * What the top of a report tells a failing attendee to fix first: a failure of a check its mission
 * marks `fixFirst` (Callback on Global Error's flow-name: the export is another flow than
 * Main_Flow_<ID>, nothing else in the report applies to it), else the first required check that
 * failed, in Build-step order (later steps build on earlier ones), else the first recommended one.
 * An errored check is flowgrade's to fix, and a check not judged is reported under its cause.
 */
export function firstFix(report: GradeReport): CheckResult | undefined {
  if (report.verdict !== 'failed') return undefined;
  const inOrder = byStep(report.checks).flatMap(([, checks]) => checks).filter((c) => c.status === 'failed');
  const mission = findMission(report.lab.id);
  const fixesFirst = (c: CheckResult) => mission?.checks.some((check) => check.id === c.id && check.fixFirst) === true;
  return inOrder.find(fixesFirst) ?? inOrder.find((c) => c.severity === 'required') ?? inOrder.find((c) => c.severity === 'recommended');
}

/**
 * Where a failing check's activity is, in Flow Designer's words: `SimulateGlobalError, on the Main
 * Flow tab`, `HTTPStatusCode, on the Event Flows tab`; the label alone when the export gives no
 * place. The JSON pointer (with the activity's internal id) is for the JSON and JUnit reports.
 */
export function placeOf(check: CheckResult): string | undefined {
  if (check.activity === undefined) return undefined;
  const graph = graphOfPointer(check.pointer);
  const tab = graph === 'events' ? 'Event Flows' : graph === 'main' ? 'Main Flow' : undefined;
  return tab ? `${check.activity}, on the ${tab} tab` : check.activity;
}

/** `PASSED 100/100`, `FAILED 62/100 — 3 required checks failed, 1 not judged`, `UNGRADABLE — <message> [<code>]`. */
export function summaryLine(report: GradeReport): string {
  if (report.verdict === 'ungradable' || !report.score) {
    return `UNGRADABLE — ${report.error?.message ?? 'not a readable flow export'} [${report.error?.code ?? 'unknown'}]`;
  }
  const score = scoreText(report.score);
  if (report.verdict === 'passed') {
    const missed = report.checks.filter((c) => c.severity === 'recommended' && c.status !== 'passed').length;
    return `PASSED ${score}${missed ? ` — ${plural(missed, 'recommended check')} not met` : ''}`;
  }
  const blocking = blockingChecks(report);
  const failed = blocking.filter((c) => c.status === 'failed').length;
  const errored = blocking.filter((c) => c.status === 'errored').length;
  const notRun = blocking.length - failed - errored;
  const missed = report.checks.filter((c) => c.severity === 'recommended' && isFailure(c)).length;
  const parts: string[] = [];
  // "3 required checks failed, 1 could not be run (a flowgrade bug), 2 not judged"
  const counted = (n: number, what: string) => (parts.length ? `${n} ${what}` : `${plural(n, 'required check')} ${what}`);
  if (failed) parts.push(counted(failed, 'failed'));
  if (errored) parts.push(counted(errored, 'could not be run (a flowgrade bug)'));
  if (notRun) parts.push(counted(notRun, 'not judged'));
  if (missed) parts.push(`${plural(missed, 'recommended check')} not met`);
  return `FAILED ${score}${parts.length ? ` — ${parts.join(', ')}` : ''}`;
}

/** Percentage of the points earned, rounded to one decimal; null when ungradable or nothing to earn. */
export function percentOf(report: GradeReport): number | null {
  if (!report.score || report.score.possible <= 0) return null;
  return Math.round((report.score.earned / report.score.possible) * 1000) / 10;
}

export function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}

/** A score as every output writes it: `62/105`, `97.5/105`. */
export function scoreText(score: { earned: number; possible: number }): string {
  return `${formatPoints(score.earned)}/${formatPoints(score.possible)}`;
}

/** A number of points in words: `1 point`, `3 points`, `0.5 points`. */
export function pointCount(points: number): string {
  return `${formatPoints(points)} ${points === 1 ? 'point' : 'points'}`;
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Checks grouped by Build step, in step order; checks keep their report order inside a step. */
export function byStep(checks: readonly CheckResult[]): [number, CheckResult[]][] {
  const groups = new Map<number, CheckResult[]>();
  for (const check of checks) {
    const group = groups.get(check.step);
    if (group) group.push(check);
    else groups.set(check.step, [check]);
  }
  return [...groups].sort(([a], [b]) => a - b);
}

/** A Build step at a glance: the heat-map cell and the HTML section's colour. */
export type StepState = 'passed' | 'partial' | 'failed' | 'not-checkable';

/**
 * Every scored check passed; a required check failed (or crashed), or none passed of a step with
 * a required check: failed — what an instructor scans a class for; otherwise (a recommended check
 * missed, a check not judged) partly passed; or the step has only info checks. A step of
 * recommended checks only is never failed: missing them does not keep the verdict from passing.
 */
export function stepState(checks: readonly CheckResult[]): StepState {
  const scored = checks.filter((c) => c.severity !== 'info');
  if (scored.length === 0) return 'not-checkable';
  const passed = scored.filter((c) => c.status === 'passed').length;
  if (passed === scored.length) return 'passed';
  const required = scored.filter((c) => c.severity === 'required');
  return required.some(isFailure) || (passed === 0 && required.length > 0) ? 'failed' : 'partial';
}

/** Step number → state, for the steps this report has checks for. */
export function stepStates(report: GradeReport): Map<number, StepState> {
  return new Map(byStep(report.checks).map(([step, checks]) => [step, stepState(checks)]));
}

/**
 * The Build steps an attendee is told to fix, in order (`summary.md`, the Moodle feedback comment):
 * those with a failed or errored check, recommended ones too. A check not judged is not counted:
 * its cause is reported by a check of its own, in the step to fix.
 */
export function stepsToFix(report: GradeReport): number[] {
  return byStep(report.checks)
    .filter(([, checks]) => checks.some(isFailure))
    .map(([step]) => step);
}
