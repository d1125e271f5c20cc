/**
 * A Condition or Case that took the happy-path call away from an activity it was on its way to (a
 * guard before the Create Task request that goes on only when there is a callback number), judged
 * again with the values an earlier stage left wrong put right (GET_CBID's outdialcbid and customani
 * from the DynVars record, and its own outputs as the request for that record gets them: status 200,
 * the record as its body, which a right SetGetResult, run again, copies into getresult; SetGetResult's
 * getresult from GET_CBID's answer): whether it is that stage's mistake that kept the call from getting
 * there, or the guard's own (one that goes to EndFlow whatever the variables hold). Judged with the
 * simulator's own semantics (engine/simulator/activities/logic.ts), over the values the call had when
 * the guard ran, each Set Variable of the call run again over those put right (replay.ts: a guard
 * reading `dest`, set from customani).
 */
import type { CheckContext } from '../../../engine/check.js';
import { activityById } from '../../../engine/graph.js';
import type { Activity, FlowGraph } from '../../../engine/model.js';
import type { TraceEntry } from '../../../engine/trace.js';
import { caseExit, conditionExit } from '../../../engine/simulator/activities/logic.js';
import { ActivityError } from '../../../engine/simulator/errors.js';
import { asVariableReference, Expressions } from '../../../engine/simulator/expressions.js';
import { exitLeadsTo } from './graph.js';
import { valuesSeenBy } from './replay.js';
import { EVAL_OPTIONS, valuesAt } from './templates.js';

/** The activities that choose their exit by an expression, with the exit each takes over a scope. */
const BRANCHES: Readonly<Record<string, typeof conditionExit | typeof caseExit>> = {
  'condition-activity': conditionExit,
  'case-statement': caseExit,
};

/** Whether `activity` chooses its exit by an expression (a Condition, a Case). */
export function choosesByExpression(activity: Activity): boolean {
  return Object.hasOwn(BRANCHES, activity.type);
}

/**
 * Where the call, from trace entry `from` on (in the event flow drawn as `graph`, which runs last: the
 * trace ends in it), left the way to `target`: the first entry whose exit taken does not lead there;
 * -1 when none did.
 */
export function leftTheWayAt(trace: readonly TraceEntry[], from: number, graph: FlowGraph, target: Activity): number {
  for (let at = from; at < trace.length; at++) {
    const activity = activityById(graph, trace[at].activityId);
    if (!activity || !exitLeadsTo(graph, activity, trace[at].outcome, target)) return at;
  }
  return -1;
}

/**
 * Whether the Condition or Case at trace entry `at`, which took an exit that does not lead to
 * `target`, takes one that does with `putRight` (flow variable → the value it should have held,
 * activity label → the outputs it should have given):
 * only a difference those values make counts (the guard judged over the values the call had must
 * take the exit it took, else what it reads is not what flowgrade can read again: never excused).
 */
export function goesOnPutRight(ctx: CheckContext, trace: readonly TraceEntry[], at: number, graph: FlowGraph, target: Activity, putRight: ReadonlyMap<string, unknown>): boolean {
  const guard = activityById(graph, trace[at].activityId);
  const exitOf = guard && BRANCHES[guard.type];
  const expression = guard?.props.expression;
  if (!guard || !exitOf || typeof expression !== 'string') return false;
  // (A Case reads a bare `customani` as {{customani}}, as the simulator does.)
  const seen = valuesSeenBy(ctx, guard, guard.type === 'case-statement' ? asVariableReference(expression) : expression);
  const had = valuesAt(ctx, trace, at);
  // Each value put right is what the guard reads of that variable, also where a Set Variable at fault
  // wrote it (SetGetResult, run again over the values put right, would write it wrong again).
  const exitWith = (values: ReadonlyMap<string, unknown>, putRight: ReadonlyMap<string, unknown> = new Map()): string | undefined => {
    try {
      return exitOf(guard, new Map([...seen(values), ...putRight]), new Expressions(EVAL_OPTIONS));
    } catch (error) {
      if (error instanceof ActivityError) return undefined; // (it fails over these values: no way on is shown)
      throw error;
    }
  };
  if (exitWith(had) !== trace[at].outcome) return false;
  const exit = exitWith(new Map([...had, ...putRight]), putRight);
  return exit !== undefined && exitLeadsTo(graph, guard, exit, target);
}
