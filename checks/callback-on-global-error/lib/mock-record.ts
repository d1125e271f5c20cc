/**
 * What the mocks recorded of a simulated request. They record each request they answer (a status,
 * or the timeout they simulate), one at a time as the simulator sends it: the n-th exchange of a
 * run's trace that a mock answered is the n-th request the run's mocks recorded. The record says
 * what the flow cannot read, e.g. whether the Tasks API gave the answer the scenario forced.
 */
import type { ScenarioRun } from '../../../engine/check.js';
import type { TraceEntry } from '../../../engine/trace.js';
import type { SeenRequest } from '../../../mocks/types.js';

/**
 * Whether a mock answered the entry's request, with a status or the timeout it simulates: a blocked
 * one (no mock for it, `unmocked`) got neither and is not recorded, nor one whose mock failed.
 */
function answeredByAMock(entry: TraceEntry): boolean {
  return entry.http !== undefined && (entry.http.status !== null || entry.http.timedOut === true);
}

/** The mocks' record of the request `entry` (of `run`'s trace) sent; undefined when no mock answered it. */
export function seenRequestOf(run: ScenarioRun, entry: TraceEntry): SeenRequest | undefined {
  const trace = run.result.trace;
  const at = trace.indexOf(entry);
  if (at < 0 || !answeredByAMock(entry)) return undefined;
  let index = 0;
  for (let i = 0; i < at; i++) if (answeredByAMock(trace[i]!)) index++;
  const seen = run.requests[index];
  // The same request seen from both sides, else none: a record out of step is never taken for it.
  return seen !== undefined && seen.method === entry.http!.method && seen.status === entry.http!.status ? seen : undefined;
}

/** Whether the Tasks API gave the request `entry` sent the answer `run`'s scenario forced (not one the request earned itself). */
export function gotForcedAnswer(run: ScenarioRun, entry: TraceEntry): boolean {
  return seenRequestOf(run, entry)?.forced === true;
}
