/**
 * What to change when the simulated call did not go the guide's way between two activities: the
 * connection to make or drag (in the static checks' words, graph.ts), an activity that failed on the
 * way, SimulateGlobalError put too early, or the way to WantCallback left by Callback Mission 2.
 */
import type { Activity, FlowGraph } from '../../../../engine/model.js';
import type { TraceEntry } from '../../../../engine/trace.js';
import { connectHint, connectionEdit, exitLeadsTo, misconnection, wrongExit } from '../graph.js';
import type { MissionNodes } from '../find.js';
import { LABELS } from '../names.js';
import { isSimulateError } from './trace-excerpts.js';

/**
 * The connection to make when no path leads from `from` to `to` (Build step `step`), in the words of
 * the static link check, which fails for the same connection; none when one does and the call took
 * another way on it.
 */
export function connectionHint(graph: FlowGraph, from: Activity | undefined, exit: string, to: Activity | undefined, step: number): { hint: string } | Record<string, never> {
  return from && to && !exitLeadsTo(graph, from, exit, to) ? { hint: connectHint(graph, from, exit, to, step) } : {};
}

/**
 * Why the call never got from `from` to `to` when another exit of `from` is connected to `to`
 * (graph.ts wrongExit): `SetGetResult is connected to the Undefined Error exit of GET_CBID, not to
 * its success exit`, in place of "the exit of GET_CBID is not connected", which the canvas belies.
 */
export function misconnected(graph: FlowGraph, from: Activity | undefined, exit: string, to: Activity | undefined): string | undefined {
  // Only when no way leads there from `exit`: else the call took another branch on that way.
  const wrong = from && to && !exitLeadsTo(graph, from, exit, to) ? wrongExit(graph, from, exit, (a) => a.id === to.id) : undefined;
  return from && wrong ? misconnection(from, exit, wrong) : undefined;
}

/**
 * Where to look when the call never got to the menu: the way there, which Callback Mission 2 left
 * as Queue → WantCallback, and what other missions put on it (lab-context §5.4: the emergency switch
 * of API Mission 1 left True plays a message and disconnects every call).
 */
export function wayToMenuHint(start: string, last: string | undefined, menu: string): string {
  const ended = last ? `it ended at ${last} without reaching ${menu}` : `it never reached ${menu}`;
  return `In the Debug tool, follow your last call from ${start}: ${ended}. A caller who finds no agent available must reach ${menu} (Queue → ${menu}, as Callback Mission 2 left it): check the activities on the way, e.g. a Condition on a variable another mission left set (EmergencyGV_<ID> of API Mission 1).`;
}

/**
 * An activity that failed before the menu: the fix is that activity, unless it is SimulateGlobalError,
 * which fails on purpose: then only its place is wrong (as failedOnTheWay says after the menu).
 * `raised`: the main flow's last entry, which raised the global error.
 */
export function failedBeforeMenuHint(raised: TraceEntry, menu: string, nodes: MissionNodes): string {
  const failed = raised.activity;
  if (isSimulateError(raised, nodes)) {
    return `${failed} fails on purpose (Build step 6), so nothing after it runs: leave the way to ${menu} as Callback Mission 2 left it, and put ${failed} after ${nodes.setGetResult?.label ?? LABELS.setGetResult}.`;
  }
  return `${failed} → it fails before the call reaches ${menu}: correct it (its Error row in the simulated call says why).`;
}

/**
 * The call left the path at `at` because the next activity failed (its error raised the global
 * error there): the fix is that activity, not the settings of the one never reached — unless it is
 * SimulateGlobalError (when `nodes` are given), which fails on purpose: then only its place is wrong.
 */
export function failedOnTheWay(trace: TraceEntry[], at: number, to: Activity | undefined, step: number, from = trace[at]?.activity, nodes?: MissionNodes): { hint: string } | Record<string, never> {
  const next = trace[at + 1];
  if (!to || next?.outcome !== 'error' || next.flow !== trace[at].flow) return {};
  const canvas = next.flow === 'main' ? '' : 'Event Flows → ';
  // `from`'s exit leads to the failing one: the way round it drags that connection, in the static
  // checks' words for the same edit (graph.ts connectionEdit).
  const edit = connectionEdit(from, next.activity, to.label, step);
  // The mission's own failing activity put before the one expected: it is right, its place is not.
  if (isSimulateError(next, nodes)) {
    return { hint: `${next.activity} fails on purpose (Build step 6), so nothing after it runs: ${edit}; ${next.activity} goes after ${nodes?.setGetResult?.label ?? LABELS.setGetResult}.` };
  }
  return { hint: `${canvas}${next.activity} → it fails before the call reaches ${to.label}: correct it, or ${edit}.` };
}
