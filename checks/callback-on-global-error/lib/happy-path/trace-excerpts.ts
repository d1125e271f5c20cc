/**
 * Reading the simulated call's trace for a deviation: where an activity ran, the entries to show
 * around it, what happened after it in the attendee's words (the canvas's, not the simulator's
 * summary), and an answer's body quoted short.
 */
import type { CheckContext } from '../../../../engine/check.js';
import type { Activity } from '../../../../engine/model.js';
import type { FailedVariable, TraceEntry } from '../../../../engine/trace.js';
import { clipWithDots } from '../../../../engine/clip.js';
import { canvasExitName } from '../graph.js';
import type { MissionNodes } from '../find.js';
import { HAPPY_PATH } from '../names.js';

/** The most of a value or an answer's body a deviation's message quotes (UTF-16 units, `...` included). */
export const QUOTED = 160;

/** The outputs the activity run at `entry` gave, by name (`GET_CBID.httpStatusCode` → httpStatusCode). */
export function outputsOf(entry: TraceEntry): Record<string, unknown> {
  const prefix = `${entry.activity}.`;
  const outputs = Object.entries(entry.modifiedVariables).filter(([name]) => name.startsWith(prefix));
  return Object.fromEntries(outputs.map(([name, value]) => [name.slice(prefix.length), value]));
}

/** The happy-path call's trace (empty when it did not run) and where `activity` first ran in it (-1: never, or no activity). */
export function happyPathAt(ctx: CheckContext, activity: Activity | undefined): { trace: TraceEntry[]; at: number } {
  const trace = ctx.runs[HAPPY_PATH]?.result.trace ?? [];
  return { trace, at: activity ? trace.findIndex((entry) => entry.activityId === activity.id) : -1 };
}

export function indexOf(trace: TraceEntry[], activity: Activity, from: number): number {
  return trace.findIndex((e, i) => i >= from && e.activityId === activity.id && e.activity === activity.label);
}

/**
 * Whether `entry` is the mission's SimulateGlobalError running in the main flow (`nodes` given: the
 * callers that leave them out never make this exception). It fails on purpose (Build step 6): where
 * it fails, only its place can be wrong, never its settings; each caller says so in its own words.
 */
export function isSimulateError(entry: TraceEntry, nodes: MissionNodes | undefined): boolean {
  return entry.flow === 'main' && nodes?.simulateError !== undefined && entry.activity === nodes.simulateError.label;
}

/**
 * What happened after entry `at` (`told`: the next activity, or how the run ended), and the variable
 * the failure those words quote is about (`failedVariable`: that failed entry's, the deviation's own):
 * one answer, so that a deviation never names a variable its message does not quote the failure of.
 */
export function afterwards(trace: TraceEntry[], at: number, summary: string, nodes?: MissionNodes): { told: string; failedVariable?: FailedVariable } {
  const next = trace[at + 1];
  if (!next) return { told: plainSummary(summary), failedVariable: failureInSummary(trace)?.failedVariable };
  if (next.outcome !== 'error' || !next.error) return { told: `it went on to ${next.activity}` };
  // SimulateGlobalError put too early fails as it should: its parse error would read as a fault to mend.
  if (isSimulateError(next, nodes)) {
    return { told: `it went on to ${next.activity}, which raises the global error on purpose, so nothing after it runs` };
  }
  // An activity that failed there is why the call left the path (a Set Variable raising the global error early).
  return { told: `it went on to ${next.activity}, which failed: ${next.error}`, failedVariable: next.failedVariable };
}

/**
 * The failed entry whose error the run's summary quotes: the last one, when it failed (an activity
 * that fails with no error exit and no OnGlobalError to run, or one that fails in OnGlobalError,
 * ends the call on its error: engine/simulator/index.ts).
 */
export function failureInSummary(trace: TraceEntry[]): TraceEntry | undefined {
  const last = trace.at(-1);
  return last?.outcome === 'error' ? last : undefined;
}

/**
 * The simulator's "ended: exit 'out' of X is not linked", in the canvas's words: "the exit of X is
 * not connected". After the global error ("global error at X; OnGlobalError …") the caller is gone,
 * so what ended is the event flow; the error that started it is the report's earlier line.
 */
function plainSummary(summary: string): string {
  const handled = /^global error at [^;]+; (.*)$/.exec(summary);
  const rest = handled ? handled[1]! : summary;
  const handlerOpen = /^(.+) is not linked, so it ends$/.exec(rest);
  if (handled && handlerOpen) return `the event flow ended: ${handlerOpen[1]} is not connected`;
  // (The event flow's name comes before "ended" only after the global error: the simulator runs no other.)
  const open = /^.*?ended: exit '([^']+)' of (.+) is not linked$/.exec(rest);
  if (!open) return summary;
  const [, exit, label] = open;
  const name = canvasExitName(exit);
  const exitText = name ? `${label} ${name}` : `the exit of ${label}`;
  return `${handled ? 'the event flow' : 'the call'} ended: ${exitText} is not connected`;
}

export function around(trace: TraceEntry[], at: number): TraceEntry[] {
  return trace.slice(Math.max(0, at), at + 3);
}

export function tail(trace: TraceEntry[]): TraceEntry[] {
  return trace.slice(-3);
}

/** The error text of a WxCC API error answer (`{error: {message: [{description}]}}`), else the clipped body (MockAPI answers "Not found"). */
export function apiMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } };
    const message = parsed.error?.message;
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) {
      const texts = message.map((m) => (typeof m === 'object' && m !== null ? (m as { description?: unknown }).description : m)).filter((t): t is string => typeof t === 'string');
      if (texts.length > 0) return texts.join('; ');
    }
  } catch {
    // not JSON: quote it as it is
  }
  return clipWithDots(body, QUOTED);
}

/**
 * `the whole response body of GET_CBID (1109 characters, starting [{"id":140,"dn":"4694096861",…)`:
 * what getresult must hold, without quoting it. A short one is quoted, still named the response
 * body: a bare `"Not found"` (MockAPI's 404) on the expected line read as what the lab expects.
 */
export function wholeBody(request: string, body: string): string {
  const characters = [...body];
  if (characters.length === 0) return `the whole response body of ${request} (empty)`;
  if (characters.length <= 40) return `the whole response body of ${request}: ${body}`;
  return `the whole response body of ${request} (${characters.length} characters, starting ${characters.slice(0, 30).join('')}…)`;
}

/** A flow variable an activity set to another value after an earlier one had filled it. */
export interface ChangedVariable {
  name: string;
  /** The last entry before the reader that set it. */
  entry: TraceEntry;
  /** What that entry left in it. */
  value: unknown;
}

/**
 * The variables among `names` that activities run after entry `from` and before entry `to` left
 * with another value than entry `from` did (GET_CBID filled customani, then a Set Variable wrote
 * something else there before the Create Task request read it): each with the last entry that set it.
 */
export function changedAfter(trace: TraceEntry[], from: number, to: number, names: readonly string[]): ChangedVariable[] {
  const filled = trace[from].modifiedVariables;
  return names.flatMap((name) => {
    const entry = trace.slice(from + 1, to).findLast((e) => Object.hasOwn(e.modifiedVariables, name));
    return entry && entry.modifiedVariables[name] !== filled[name] ? [{ name, entry, value: entry.modifiedVariables[name] }] : [];
  });
}
