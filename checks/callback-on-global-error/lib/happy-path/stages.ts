/**
 * The stages of the happy-path run, in run order, each with the check that judges it, and what a
 * deviation at one is: its message and excerpt, what to change, and the later stages it keeps
 * from being judged or spares (index.ts reads the run into these).
 */
import type { ScenarioRun } from '../../../../engine/check.js';
import type { Activity } from '../../../../engine/model.js';
import type { FailedVariable, TraceEntry } from '../../../../engine/trace.js';
import type { MissionNodes } from '../find.js';
import type { ExpectedRecord } from '../record.js';

/** The stages in run order, with the check that judges each. */
const STAGES = [
  { stage: 'reach-get-cbid', check: 'run-option3-reaches-get-cbid' },
  { stage: 'get-cbid-variables', check: 'run-get-cbid-fills-variables' },
  { stage: 'getresult', check: 'run-getresult-holds-body' },
  { stage: 'global-error', check: 'run-global-error-raised' },
  { stage: 'task', check: 'run-task-created' },
  { stage: 'status-true', check: 'run-status-true-on-201' },
] as const;

export type Stage = (typeof STAGES)[number]['stage'];

/** A stage of the happy path, or the error scenarios' (status-false.ts): what a deviation can spare. */
type Judged = Stage | 'error-scenarios';

/** What GET_CBID's variables filled right under another spelling spare: everything after it, judged on what the call did. */
export const AFTER_GET_CBID: ReadonlySet<Judged> = new Set(['getresult', 'global-error', 'task', 'status-true', 'error-scenarios']);

/** What a wrong getresult spares: everything after it, as nothing reads it. */
export const AFTER_GETRESULT: ReadonlySet<Judged> = new Set(['global-error', 'task', 'status-true', 'error-scenarios']);

/** What GET_CBID's variables left unfilled spare: the stages that read neither (the call goes on along the same path). */
export const NOT_READING_GET_CBID: ReadonlySet<Judged> = new Set(['getresult', 'global-error', 'error-scenarios']);

/**
 * What a global error raised by another cause than the value Build step 6 gives simulatederror (a row
 * of SimulateGlobalError with no Variable selected yet) spares: OnGlobalError runs all the same, and
 * the stages after it read nothing SimulateGlobalError sets.
 */
export const AFTER_GLOBAL_ERROR: ReadonlySet<Judged> = new Set(['task', 'status-true', 'error-scenarios']);

/** What a guard before the Create Task request keeps the call from: the request, its status, and the error scenarios' answers to it. */
export const BEHIND_THE_REQUEST: ReadonlySet<Judged> = new Set(['task', 'status-true', 'error-scenarios']);

/** The check that judges `stage` (and reports a deviation there). */
export function checkOf(stage: Stage): string {
  return STAGES[stageIndex(stage)].check;
}

/**
 * The check that reports `deviation`: a static check that fails for what made the call deviate
 * (reportedBy), else its stage's own. The checks it keeps from being judged name it.
 */
export function reporterOf(deviation: Deviation): string {
  return deviation.reportedBy ?? checkOf(deviation.stage);
}

/** Whether `deviation`, at a stage before `stage`, keeps `judged` (that stage, or the error scenarios) from being judged. */
export function keepsFromJudging(deviation: Deviation, stage: Stage, judged: Judged = stage): boolean {
  return stageIndex(deviation.stage) < stageIndex(stage) && !deviation.spares?.has(judged);
}

export function stageIndex(stage: Stage): number {
  return STAGES.findIndex((s) => s.stage === stage);
}

export interface Deviation {
  stage: Stage;
  message: string;
  expected?: string;
  actual?: string;
  activity?: Activity;
  excerpt: TraceEntry[];
  /** What to change for this very deviation, when the setting at fault is known. */
  hint?: string;
  /** An activity missing: the same cause a static check reports first (engine/check.ts). */
  cause?: string;
  /**
   * A static check that fails for the very thing the call did here (HTTPStatusCode connected before
   * the Create Task request, status-condition-after-callback-api): the stage is then not judged, the
   * `message` saying why ("Not judged: …"), and names that check, as do the stages it keeps from being
   * judged — the edit is that check's, not one of this stage's settings.
   */
  reportedBy?: string;
  /** The call ended before the stage's activity: a run stopped by an activity flowgrade cannot simulate judges nothing here. */
  unreached?: boolean;
  /** A value gone wrong that these later stages do not read: they are judged all the same. */
  spares?: ReadonlySet<Judged>;
  /**
   * The flow variables this deviation left wrong, with the values they should hold, and the outputs
   * of an activity it is (by label: GET_CBID's status code and response body): a Condition or Case
   * that reads them on OnGlobalError's way to the Create Task request is judged with these (guard.ts).
   */
  shouldHold?: ReadonlyMap<string, unknown>;
  /**
   * The flow variable the failure `message` quotes is about (the failing trace entry's
   * failedVariable): undeclared, or given a value its type cannot hold.
   */
  failedVariable?: FailedVariable;
}

/** The happy-path run as its stages read it. */
export interface HappyRun {
  trace: TraceEntry[];
  nodes: MissionNodes;
  record?: ExpectedRecord;
  run: ScenarioRun;
}

export function deviate(stage: Stage, message: string, excerpt: TraceEntry[], extra: Partial<Omit<Deviation, 'stage' | 'message' | 'excerpt'>> = {}): Deviation {
  const deviation: Deviation = { stage, message, excerpt: excerpt.slice(0, 5) };
  if (extra.expected !== undefined) deviation.expected = extra.expected;
  if (extra.actual !== undefined) deviation.actual = extra.actual;
  if (extra.activity) deviation.activity = extra.activity;
  if (extra.hint) deviation.hint = extra.hint;
  if (extra.cause) deviation.cause = extra.cause;
  if (extra.reportedBy) deviation.reportedBy = extra.reportedBy;
  if (extra.unreached) deviation.unreached = true;
  if (extra.spares) deviation.spares = extra.spares;
  if (extra.shouldHold) deviation.shouldHold = extra.shouldHold;
  if (extra.failedVariable) deviation.failedVariable = extra.failedVariable;
  return deviation;
}
