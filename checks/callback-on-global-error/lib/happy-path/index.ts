/**
 * Reading the simulated run of the `happy-path` scenario (WantCallback = 3, Create Task answers
 * 201) stage by stage, as the guide's Testing steps 5–10 read the Debug tool. The run is judged
 * once; the first stage that deviates is where it went wrong, and only the check of that stage
 * fails. The checks of later stages are skipped (they are not judged on a run that never got
 * there), so one mistake gives one behavioural failure, on the Build step that caused it. A
 * wrong value that only some later stages read leaves the others to be judged on their own
 * (`spares`): a wrong getresult, which nothing later reads, spares them all; GET_CBID leaving by its
 * success exit without outdialcbid and customani filled (a wrong Parsing Setting, an answer other
 * than 200) spares SetGetResult's, SimulateGlobalError's and the error scenarios' stages, which
 * read neither variable (unless one is declared with a type the record's value does not fit, or a
 * parse row fails whatever the answer: GET_CBID would fail on the record, see sparedUnfilled), and
 * keeps the Create Task request's and its status's from being judged; but a handler that never
 * gets to the request (OnGlobalError still to EndFlow) is the request's stage's own deviation,
 * whatever GET_CBID filled, and the error scenarios are not judged for it — unless it left the way
 * at a Condition or Case that reads a value gone wrong (GET_CBID's variables or outputs, getresult) and would
 * have gone on with it right (a guard going on only when there is a callback number: guard.ts):
 * that value's stage is then why, and keeps the request's, its status's and the error scenarios'
 * stages from being judged, as they all lie behind the guard.
 *
 * This module reads the run into its deviations and gives each stage's check its outcome; beside
 * it: stages.ts (the stages and the deviation type), main-flow-stages.ts and event-flow-stages.ts
 * (each Testing step's stage finder), request-hints.ts and way-hints.ts (what to change),
 * tasks.ts (the tasks the call created) and trace-excerpts.ts (what a deviation shows and says of
 * the trace).
 */
import type { CheckContext, CheckOutcome, ScenarioRun } from '../../../../engine/check.js';
import type { TraceEntry } from '../../../../engine/trace.js';
import { missionNodes } from '../find.js';
import { HAPPY_PATH } from '../names.js';
import { failed, passed, skipped } from '../outcome.js';
import { expectedRecord } from '../record.js';
import { notStringCauseOf, setTypeHint, undeclaredCause } from '../variables.js';
import { goesOnPutRight, leftTheWayAt } from '../guard.js';
import { callbackApiReached, statusTrueOn201, taskCreated } from './event-flow-stages.js';
import { getCbidFillsVariables, getresultHoldsBody, globalErrorRaised, option3ReachesGetCbid, raisedUnfilled, setGetResultRan } from './main-flow-stages.js';
import { BEHIND_THE_REQUEST, checkOf, keepsFromJudging, reporterOf, stageIndex, type Deviation, type HappyRun, type Stage } from './stages.js';

export { checkOf, HAPPY_PATH, reporterOf };

const cache = new WeakMap<ScenarioRun, Deviation[]>();

/** The deviations of the happy-path run in stage order (none when it went as the guide's Testing steps describe). */
function happyPathDeviations(ctx: CheckContext): Deviation[] | undefined {
  const run = ctx.runs[HAPPY_PATH];
  if (!run) return undefined;
  if (!cache.has(run)) cache.set(run, deviationsOf({ trace: run.result.trace, nodes: missionNodes(ctx.model), record: expectedRecord(ctx.settings), run }, ctx));
  return cache.get(run)!;
}

/**
 * The deviation of the happy-path run before HTTPStatusCode that keeps the error scenarios from
 * being judged (up to and including the Create Task request: an error answer there is not the one
 * they force), null when there is none, undefined when the run did not take place.
 */
export function errorScenariosDeviation(ctx: CheckContext): Deviation | null | undefined {
  const deviations = happyPathDeviations(ctx);
  return deviations && (deviations.find((deviation) => keepsFromJudging(deviation, 'status-true', 'error-scenarios')) ?? null);
}

/**
 * The happy path's own account of HTTPStatusCode: a deviation at its stage, or one before it that
 * keeps it from being judged; undefined when there is none (or the run did not take place).
 */
export function statusTrueDeviation(ctx: CheckContext): Deviation | undefined {
  return happyPathDeviations(ctx)?.find((deviation) => deviation.stage === 'status-true' || keepsFromJudging(deviation, 'status-true'));
}

/** The outcome of a stage's check: passed, failed at this stage, or skipped after an earlier deviation. */
export function stageOutcome(ctx: CheckContext, stage: Stage, passMessage: string): CheckOutcome {
  const deviations = happyPathDeviations(ctx);
  if (deviations === undefined) return skipped(`Not judged: the ${HAPPY_PATH} scenario did not run`);
  const stop = notSimulatedStop(ctx);
  // The last deviation that keeps this stage from being judged: one after a value gone wrong that
  // spared it (GET_CBID's variables unfilled, then no global error raised) is why the call never got
  // here at all, whatever that value, and is reported as with it alone.
  const earlier = deviations.findLast((d) => keepsFromJudging(d, stage));
  if (earlier) return skipped(`Not judged: the simulated call ${earlier.unreached && stop ? 'stopped' : 'went wrong'} earlier`, reporterOf(earlier));
  const deviation = deviations.find((d) => d.stage === stage);
  if (!deviation) return passed(passMessage);
  // What the call did here is a static check's failure (HTTPStatusCode before the request): its message says so.
  if (deviation.reportedBy) return skipped(deviation.message, deviation.reportedBy);
  if (deviation.unreached && stop) {
    // Stopped at an activity an earlier stage failed at (GET_CBID parsing XML, its variables unfilled):
    // what to change there is reported by that stage's check, which this one names.
    const at = deviations.find((d) => stageIndex(d.stage) < stageIndex(stage) && d.activity?.id === stop.activityId);
    return skipped(`Not judged: the simulated call stopped at ${stop.activity}: ${stop.error}; make this Testing step with a real call and the Debug tool`, at && reporterOf(at));
  }
  const variable = deviation.failedVariable;
  // A value the variable's type cannot hold: the fix is the variable (its Build step 2 check reports it), not the activity.
  const typeMismatch = variable?.problem === 'type' ? variable.name : undefined;
  // A variable the flow never declared: its Build step 2 check reports it (same cause), this points there.
  const undeclared = variable?.problem === 'undeclared' ? variable.name : undefined;
  // (failed() leaves out what is undefined or empty.)
  return failed(deviation.message, {
    expected: deviation.expected,
    actual: deviation.actual,
    activity: deviation.activity,
    traceExcerpt: deviation.excerpt,
    hint: typeMismatch !== undefined ? setTypeHint(typeMismatch) : deviation.hint,
    cause: deviation.cause ?? (undeclared !== undefined ? undeclaredCause(undeclared) : typeMismatch !== undefined ? notStringCauseOf(ctx.model, typeMismatch) : undefined),
  });
}

/** The activity that stopped the happy-path call because flowgrade cannot simulate it, if one did. */
function notSimulatedStop(ctx: CheckContext): TraceEntry | undefined {
  const run = ctx.runs[HAPPY_PATH];
  // (Only asked once the run's deviations are read: the happy-path call ran.)
  if (run.result.status !== 'not-simulated') return undefined;
  return run.result.trace.findLast((entry) => entry.outcome === 'not-simulated');
}

/**
 * The stages in run order, each reading its Testing step: a stage gives the deviation it finds, or
 * where in the trace its activity ran, from which the next stage reads on. A deviation ends the
 * list, but for one that `spares` the next stages, which still read on: getresult's value, and
 * GET_CBID's variables, after which the list ends before the Create Task request that reads them.
 */
function deviationsOf(happy: HappyRun, ctx: CheckContext): Deviation[] {
  const getAt = option3ReachesGetCbid(happy, ctx);
  if (typeof getAt !== 'number') return [getAt];
  const filled = getCbidFillsVariables(happy, ctx, getAt);
  if (filled && !filled.spares) return [filled];
  const found = filled ? [filled] : [];
  const setAt = setGetResultRan(happy, ctx, getAt);
  if (typeof setAt !== 'number') return [...found, setAt];
  // GET_CBID that got another answer than the record: getresult should hold the record, had both been right.
  const stored = getresultHoldsBody(happy, ctx, getAt, setAt, filled ? happy.record?.answer : undefined);
  if (stored) found.push(stored);
  const simAt = globalErrorRaised(happy, ctx, setAt);
  if (typeof simAt !== 'number') return [...found, simAt];
  // Raised by a row not filled in yet: not the stage's error, but OnGlobalError ran, and the later stages read on.
  const unfilled = raisedUnfilled(happy, ctx, simAt);
  if (unfilled) found.push(unfilled);
  // Whether OnGlobalError gets to the Create Task request does not depend on GET_CBID's variables:
  // one that never runs is the task stage's deviation all the same, not GET_CBID's to answer for —
  // unless a guard on the way reads a value gone wrong, and would have gone on with it right.
  // (Each found spares stages: else the list ended at it.) Those whose wrong values the request reads:
  // GET_CBID's variables left unfilled, or one of them written over by SetGetResult.
  const readByRequest = found.filter((deviation) => !deviation.spares!.has('task'));
  const reachedAt = callbackApiReached(happy, ctx, simAt);
  if (typeof reachedAt !== 'number') {
    const blamed = blamedForGuard(happy, ctx, simAt, found);
    if (blamed) return found.map((deviation) => (blamed.includes(deviation) ? sparingNothingBehind(deviation) : deviation));
    return [...found.map((deviation) => (readByRequest.includes(deviation) ? { ...deviation, spares: new Set([...deviation.spares!, 'task' as const]) } : deviation)), reachedAt];
  }
  if (readByRequest.length > 0) return found;
  const apiAt = taskCreated(happy, getAt, simAt, reachedAt);
  if (typeof apiAt !== 'number') return [...found, apiAt];
  const status = statusTrueOn201(happy, ctx, apiAt);
  return status ? [...found, status] : found;
}

/**
 * The deviations whose wrong values alone kept the call from the Create Task request: the call left
 * OnGlobalError's way to it at a Condition or Case (a guard going on only when there is a callback
 * number) that would have gone on with the values they left wrong put right — those of the earliest
 * stage that does it, with the stages' before it. None when the guard goes elsewhere whatever they
 * hold (it is wrong in itself: the task stage's deviation), or the call left the way elsewhere.
 */
function blamedForGuard(happy: HappyRun, ctx: CheckContext, simAt: number, found: readonly Deviation[]): Deviation[] | undefined {
  const request = happy.nodes.callbackApi;
  const leftAt = request ? leftTheWayAt(happy.trace, simAt + 1, ctx.model.events, request) : -1;
  if (!request || leftAt < 0) return undefined;
  const putRight = new Map<string, unknown>();
  const blamed: Deviation[] = [];
  for (const deviation of found) {
    if (!deviation.shouldHold) continue;
    for (const [name, value] of deviation.shouldHold) putRight.set(name, value);
    blamed.push(deviation);
    if (goesOnPutRight(ctx, happy.trace, leftAt, ctx.model.events, request, putRight)) return blamed;
  }
  return undefined;
}

/** `deviation`, blamed for a guard before the Create Task request: it no longer spares what lies behind it. */
function sparingNothingBehind(deviation: Deviation): Deviation {
  // (A deviation with values to put right, shouldHold, spares stages: GET_CBID's and getresult's give both.)
  return { ...deviation, spares: new Set([...deviation.spares!].filter((judged) => !BEHIND_THE_REQUEST.has(judged))) };
}
