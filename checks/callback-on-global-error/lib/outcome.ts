/** Small constructors for check outcomes, so that every failure states expected vs actual the same way. */
import type { CheckOutcome } from '../../../engine/check.js';

export function passed(message: string): CheckOutcome {
  return { status: 'passed', message };
}

/** What a failure may say besides its message: a failed CheckOutcome's own fields, each documented there (engine/check.ts). */
type FailureDetails = Omit<Extract<CheckOutcome, { status: 'failed' }>, 'status' | 'message'>;

export function failed(message: string, details: FailureDetails = {}): CheckOutcome {
  const outcome: CheckOutcome = { status: 'failed', message };
  if (details.expected !== undefined) outcome.expected = details.expected;
  if (details.actual !== undefined) outcome.actual = details.actual;
  if (details.activity) outcome.activity = details.activity;
  if (details.pointer) outcome.pointer = details.pointer;
  if (details.traceExcerpt && details.traceExcerpt.length > 0) outcome.traceExcerpt = details.traceExcerpt;
  if (details.hint) outcome.hint = details.hint;
  if (details.cause) outcome.cause = details.cause;
  return outcome;
}

/** Not judged; `reportedBy`: the check that reports why (the report names it by its title). */
export function skipped(message: string, reportedBy?: string): CheckOutcome {
  return reportedBy === undefined ? { status: 'skipped', message } : { status: 'skipped', message, reportedBy };
}

export function info(message: string): CheckOutcome {
  return { status: 'info', message };
}

/** The activity a check is about does not exist in the flow (one cause, whichever checks meet it); `hint` when the check's own would not fit. */
export function missing(what: string, where: string, details: { pointer?: string; hint?: string } = {}): CheckOutcome {
  const message = `${what} was not found in ${where}`;
  return failed(message, { expected: what, actual: 'no such activity', ...details, cause: message });
}
