/**
 * Walking one graph (the main flow, or an event-flow handler) activity by activity, writing the
 * trace, until the branch ends, fails without an error exit, loops too long or meets an
 * activity type the simulator does not know.
 */
import { activityById } from '../graph.js';
import type { Activity, FlowGraph } from '../model.js';
import type { TraceEntry } from '../trace.js';
import { HOLD_TYPES, handlerFor } from './activities/index.js';
import { caseExitLabel } from './activities/logic.js';
import type { ActivityOutcome, ActivityRun, CallState } from './context.js';
import { ActivityError, NotSimulatedError } from './errors.js';
import type { Expressions } from './expressions.js';
import { clipTraceExchange, clipTracePrompts, clipTraceText, clipTraceValues, MAX_TRACE_VALUE } from './trace-text.js';
import type { Scenario, SimulatorServices } from './types.js';
import type { VariableStore } from './variables.js';
import { messageOf } from '../error-message.js';

export type WalkEnd =
  /** The branch ended: terminal activity, agent connected, or an exit that is not linked. */
  | { kind: 'ended'; summary: string }
  /** An activity failed and its `error` exit is not linked. */
  | { kind: 'error'; activity: Activity; message: string }
  /**
   * A loop or step limit was reached before running `activity` again; `unanswered`, the label of
   * the menu or collect digits activity of the loop the caller never answered (No-Input Timeout).
   */
  | { kind: 'stuck'; activity: Activity; summary: string; unanswered?: string }
  | { kind: 'not-simulated'; summary: string }
  /** A bug of ours surfaced while running an activity (never thrown out of simulate). */
  | { kind: 'failure'; summary: string };

/** Everything shared by the walks of one run. */
export interface RunContext {
  vars: VariableStore;
  expr: Expressions;
  scenario: Scenario;
  services: SimulatorServices;
  call: CallState;
  trace: TraceEntry[];
  maxSteps: number;
  maxVisitsPerActivity: number;
  /** Activity executions so far (all graphs). */
  steps: number;
  /** Executions per `graph:activityId`. */
  visits: Map<string, number>;
}

export async function walk(ctx: RunContext, graph: FlowGraph, startId: string, flow: string): Promise<WalkEnd> {
  const inHandler = flow !== 'main';
  let id = startId;
  for (;;) {
    const activity = activityById(graph, id);
    if (!activity) return { kind: 'ended', summary: `${prefix(flow)}a link leads to a missing activity (${id})` };

    const visitKey = `${graph.kind}:${activity.id}`;
    const visits = (ctx.visits.get(visitKey) ?? 0) + 1;
    if (visits > ctx.maxVisitsPerActivity || ctx.steps + 1 > ctx.maxSteps) return stuck(ctx, activity, inHandler);
    ctx.visits.set(visitKey, visits);
    ctx.steps += 1;

    const entry: TraceEntry = { flow, activity: activity.label, activityId: activity.id, type: activity.type, outcome: '', modifiedVariables: {} };
    ctx.trace.push(entry);
    const handler = handlerFor(activity.type);
    if (!handler) {
      const message = `activity type '${activity.type}' (${activity.label}) is not simulated`;
      entry.outcome = 'not-simulated';
      entry.error = message;
      return { kind: 'not-simulated', summary: message };
    }

    const run: ActivityRun = {
      activity,
      flow,
      inHandler,
      vars: ctx.vars,
      expr: ctx.expr,
      scenario: ctx.scenario,
      services: ctx.services,
      call: ctx.call,
      prompts: (list) => {
        entry.prompts = clipTracePrompts(list);
      },
      http: (exchange) => {
        entry.http = exchange; // filled in as the request goes
      },
    };

    let outcome: ActivityOutcome;
    ctx.vars.begin();
    try {
      outcome = await handler(run);
      entry.modifiedVariables = clipTraceValues(ctx.vars.commit());
    } catch (error) {
      ctx.vars.rollback();
      const message = messageOf(error);
      // Clipped as a value set: an error quoting a long URL, repeated on every visit, made a report beyond V8's longest string.
      entry.error = clipTraceText(message, MAX_TRACE_VALUE);
      if (error instanceof ActivityError && error.setting !== undefined) entry.failedSetting = error.setting;
      if (error instanceof ActivityError && error.variable !== undefined) entry.failedVariable = { ...error.variable };
      if (error instanceof NotSimulatedError) {
        entry.outcome = 'not-simulated';
        return { kind: 'not-simulated', summary: message };
      }
      entry.outcome = 'error';
      if (!(error instanceof ActivityError)) return { kind: 'failure', summary: `simulator failure at ${activity.label}: ${message}` };
      const errorExit = exitTarget(activity, 'error');
      if (errorExit === undefined) return { kind: 'error', activity, message };
      id = errorExit;
      continue;
    } finally {
      if (entry.http) entry.http = clipTraceExchange(entry.http);
    }

    if (outcome.kind === 'end') {
      entry.outcome = outcome.outcome ?? 'end';
      if (outcome.callerConnected !== undefined) ctx.call.callerConnected = outcome.callerConnected;
      return { kind: 'ended', summary: outcome.summary };
    }
    entry.outcome = outcome.exit;
    const port = caseExitLabel(activity, outcome.exit);
    if (port !== undefined) entry.outcomeLabel = port;
    const next = exitTarget(activity, outcome.exit);
    if (next === undefined) {
      return { kind: 'ended', summary: `${prefix(flow)}ended: exit '${outcome.exit}' of ${activity.label} is not linked` };
    }
    id = next;
  }
}

function exitTarget(activity: Activity, exit: string): string | undefined {
  return Object.hasOwn(activity.exits, exit) ? activity.exits[exit] : undefined;
}

function prefix(flow: string): string {
  return flow === 'main' ? '' : `${flow} `;
}

/**
 * A queued caller looping through hold music/messages is waiting in queue, not a broken flow —
 * unless the loop is a menu refusing the caller's answer again and again (Unmatched Entry),
 * whichever activity of the loop reaches the limit first (the menu, or a prompt before it).
 * A menu in the loop that gets no answer round after round (No-Input Timeout) is named, with why:
 * beside the wait in queue, or alone for a caller not in queue. An activity that never ran before
 * is in no loop: the run reached its step limit on a way that long.
 */
function stuck(ctx: RunContext, activity: Activity, inHandler: boolean): WalkEnd {
  const loop = loopSince(ctx.trace, activity);
  if (loop.length === 0) {
    const ran = ctx.maxSteps === 1 ? 'one activity ran' : `${ctx.maxSteps} activities ran`;
    return { kind: 'stuck', activity, summary: `stopped at ${activity.label}: ${ran} before it, the simulator's step limit` };
  }
  const refusing = answeredWith(loop, 'invalid');
  if (refusing !== undefined) {
    return { kind: 'stuck', activity, summary: `stuck in a loop at ${refusing}: the caller's answer is not one of its options (Unmatched Entry each time)` };
  }
  const holding = !inHandler && ctx.call.queued && ctx.call.callerConnected ? holdActivity(loop, activity) : undefined;
  const silent = answeredWith(loop, 'timeout');
  if (holding !== undefined) {
    const unanswered = silent === undefined ? '' : ` (${silent} gets no answer: No-Input Timeout each time)`;
    return { kind: 'stuck', activity, summary: `caller waiting in queue: hold loop at ${holding}${unanswered}`, ...(silent === undefined ? {} : { unanswered: silent }) };
  }
  if (silent !== undefined) {
    return { kind: 'stuck', activity, summary: `stuck in a loop at ${silent}: the caller presses nothing (No-Input Timeout each time)`, unanswered: silent };
  }
  return { kind: 'stuck', activity, summary: `stuck in a loop at ${activity.label}` };
}

/** The loop that ends at `activity`: the trace since it last ran (that run included), or none. */
function loopSince(trace: readonly TraceEntry[], activity: Activity): readonly TraceEntry[] {
  const start = trace.findLastIndex((e) => e.activityId === activity.id);
  return start < 0 ? [] : trace.slice(start);
}

/**
 * What the queued caller hears in `loop`, which ends at `activity`: `activity` itself when it
 * plays to or asks the caller, else the last such activity of the loop (a Set Variable counting
 * the rounds may be the one reaching the limit), else undefined (nothing plays: no wait, a broken loop).
 */
function holdActivity(loop: readonly TraceEntry[], activity: Activity): string | undefined {
  if (HOLD_TYPES.has(activity.type)) return activity.label;
  return loop.findLast((e) => HOLD_TYPES.has(e.type))?.activity;
}

const ANSWERED_TYPES: ReadonlySet<string> = new Set(['ivr-menu', 'ivr-collectdigits']);

/**
 * The label of the last menu or collect-digits activity of `loop` that left by `outcome`:
 * `invalid` (it refused the caller's answer) or `timeout` (the caller pressed nothing); or undefined.
 */
function answeredWith(loop: readonly TraceEntry[], outcome: 'invalid' | 'timeout'): string | undefined {
  return loop.findLast((e) => ANSWERED_TYPES.has(e.type) && e.outcome === outcome)?.activity;
}
