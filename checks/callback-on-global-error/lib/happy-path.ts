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
 */
import type { CheckContext, CheckOutcome, ScenarioRun } from '../../../engine/check.js';
import type { Activity, FlowGraph } from '../../../engine/model.js';
import type { HttpExchange, TraceEntry } from '../../../engine/trace.js';
import { exitName } from '../../../engine/activity-types.js';
import { clipWithDots } from '../../../engine/clip.js';
import { canvasExitName, connectHint, connectionEdit, exitLeadsTo, exitShown, misconnection, requestConnectionHint, wrongExit } from './graph.js';
import { option3HoldsHint } from './menu-options.js';
import { exitTakenName, menuKeys, missionNodes, NO_OPTION3_CAUSE, type MissionNodes } from './find.js';
import { HINTS, joinHints, renameGetCbidHint, statusExpressionHint } from './hints.js';
import { connectorNameOf, isAuthenticated } from './http.js';
import { DYNVARS, GLOBAL_ERROR, HAPPY_PATH, LABELS, VARIABLES } from './names.js';
import { failed, passed, skipped } from './outcome.js';
import { causeIfMissing, causeIfOtherType } from './nodes.js';
import { expectedRecord, type ExpectedRecord } from './record.js';
import { show, startLabelOf } from './templates.js';
import { decode, splitUrl } from './url.js';
import { MOCKAPI_RESERVED } from '../../../mocks/mockapi-params.js';
import type { AcceptedTask } from '../../../mocks/types.js';
import { declaredSpelling, notStringCause, notStringCauseOf, setTypeHint, undeclaredCause } from './variables.js';
import { convertToType } from '../../../engine/simulator/variables.js';
import { parseRowsFail } from '../../../engine/simulator/parse-settings.js';
import { HTTP_SETTINGS } from '../../../engine/simulator/http.js';
import { choosesByExpression, goesOnPutRight, leftTheWayAt } from './guard.js';

export { HAPPY_PATH };

/** The stages in run order, with the check that judges each. */
const STAGES = [
  { stage: 'reach-get-cbid', check: 'run-option3-reaches-get-cbid' },
  { stage: 'get-cbid-variables', check: 'run-get-cbid-fills-variables' },
  { stage: 'getresult', check: 'run-getresult-holds-body' },
  { stage: 'global-error', check: 'run-global-error-raised' },
  { stage: 'task', check: 'run-task-created' },
  { stage: 'status-true', check: 'run-status-true-on-201' },
] as const;

type Stage = (typeof STAGES)[number]['stage'];

/** A stage of the happy path, or the error scenarios' (status-false.ts): what a deviation can spare. */
type Judged = Stage | 'error-scenarios';

/** What a wrong getresult spares: everything after it, as nothing reads it. */
const AFTER_GETRESULT: ReadonlySet<Judged> = new Set(['global-error', 'task', 'status-true', 'error-scenarios']);
/** What GET_CBID's variables left unfilled spare: the stages that read neither (the call goes on along the same path). */
const NOT_READING_GET_CBID: ReadonlySet<Judged> = new Set(['getresult', 'global-error', 'error-scenarios']);
/** What a guard before the Create Task request keeps the call from: the request, its status, and the error scenarios' answers to it. */
const BEHIND_THE_REQUEST: ReadonlySet<Judged> = new Set(['task', 'status-true', 'error-scenarios']);

/** The most of a value or an answer's body a deviation's message quotes (UTF-16 units, `...` included). */
const QUOTED = 160;

/** The check that judges `stage` (and reports a deviation there). */
export function checkOf(stage: Stage): string {
  return STAGES[stageIndex(stage)].check;
}

/** Whether `deviation`, at a stage before `stage`, keeps `judged` (that stage, or the error scenarios) from being judged. */
function keepsFromJudging(deviation: Deviation, stage: Stage, judged: Judged = stage): boolean {
  return stageIndex(deviation.stage) < stageIndex(stage) && !deviation.spares?.has(judged);
}

function stageIndex(stage: Stage): number {
  return STAGES.findIndex((s) => s.stage === stage);
}

interface Deviation {
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
}

/** The happy-path run as its stages read it. */
interface HappyRun {
  trace: TraceEntry[];
  nodes: MissionNodes;
  record?: ExpectedRecord;
  run: ScenarioRun;
}

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
  if (earlier) return skipped(`Not judged: the simulated call ${earlier.unreached && stop ? 'stopped' : 'went wrong'} earlier`, checkOf(earlier.stage));
  const deviation = deviations.find((d) => d.stage === stage);
  if (!deviation) return passed(passMessage);
  if (deviation.unreached && stop) {
    // Stopped at an activity an earlier stage failed at (GET_CBID parsing XML, its variables unfilled):
    // what to change there is reported by that stage's check, which this one names.
    const at = deviations.find((d) => stageIndex(d.stage) < stageIndex(stage) && d.activity?.id === stop.activityId);
    return skipped(`Not judged: the simulated call stopped at ${stop.activity}: ${stop.error}; make this Testing step with a real call and the Debug tool`, at && checkOf(at.stage));
  }
  const typeMismatch = /cannot store .* in [\w ]+ variable '([^']+)'/.exec(deviation.message);
  // A variable the flow never declared: its Build step 2 check reports it (same cause), this points there.
  const undeclared = /variable '([^']+)' is not declared in the flow|write '([^']+)', which is not a declared flow variable/.exec(deviation.message);
  const undeclaredName = undeclared ? (undeclared[1] ?? undeclared[2]) : undefined;
  // (failed() leaves out what is undefined or empty.)
  return failed(deviation.message, {
    expected: deviation.expected,
    actual: deviation.actual,
    activity: deviation.activity,
    traceExcerpt: deviation.excerpt,
    // A value the variable's type cannot hold: the fix is the variable (its Build step 2 check reports it), not the activity.
    hint: typeMismatch ? setTypeHint(typeMismatch[1]) : deviation.hint,
    cause: deviation.cause ?? (undeclaredName !== undefined ? undeclaredCause(undeclaredName) : typeMismatch ? notStringCauseOf(ctx.model, typeMismatch[1]) : undefined),
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
  // Whether OnGlobalError gets to the Create Task request does not depend on GET_CBID's variables:
  // one that never runs is the task stage's deviation all the same, not GET_CBID's to answer for —
  // unless a guard on the way reads a value gone wrong, and would have gone on with it right.
  const reachedAt = callbackApiReached(happy, ctx, simAt);
  if (typeof reachedAt !== 'number') {
    const blamed = blamedForGuard(happy, ctx, simAt, found);
    if (blamed) return found.map((deviation) => (blamed.includes(deviation) ? sparingNothingBehind(deviation) : deviation));
    // (found[0] is GET_CBID's, and it spares stages: else the list ended at it.)
    if (filled) found[0] = { ...filled, spares: new Set([...filled.spares!, 'task']) };
    return [...found, reachedAt];
  }
  if (filled) return found;
  const apiAt = taskCreated(happy, simAt, reachedAt);
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

/** Stage 1 — Testing step 5: the call leaves WantCallback by option 3 and continues through GET_CBID (where it ran). */
function option3ReachesGetCbid(happy: HappyRun, ctx: CheckContext): Deviation | number {
  const { trace, nodes } = happy;
  const summary = happy.run.result.summary;
  const menuAt = trace.findIndex((e) => e.flow === 'main' && (nodes.wantCallback ? e.activityId === nodes.wantCallback.id : e.activity === LABELS.wantCallback));
  if (menuAt < 0) {
    const menu = nodes.wantCallback?.label ?? LABELS.wantCallback;
    // An activity on the way failed and raised the global error (a mistyped Pebble tag in a Set
    // Variable): its error is why, and the excerpt shows it, not only OnGlobalError's last rows.
    const raisedAt = happy.run.result.globalErrorRaised ? trace.findLastIndex((e) => e.flow === 'main') : -1;
    // (An entry that failed, or stopped the run not simulated, always has its error: engine/simulator/walk.ts.)
    const raised = raisedAt >= 0 && trace[raisedAt].outcome === 'error' ? trace[raisedAt] : undefined;
    if (raised && nodes.wantCallback) {
      return deviate('reach-get-cbid', `The simulated call never reached ${menu}: ${raised.activity} failed on the way, raising the global error (${raised.error})`, around(trace, raisedAt), {
        hint: failedBeforeMenuHint(raised, menu, nodes),
        unreached: true,
      });
    }
    return deviate('reach-get-cbid', `The simulated call never reached ${menu} (${summary})`, tail(trace), {
      ...causeIfMissing(nodes, 'wantCallback'),
      // (A call stopped going round a loop, or at the step limit, ended nowhere: its summary says where it went round.)
      ...(nodes.wantCallback ? { hint: wayToMenuHint(startLabelOf(ctx.model), happy.run.result.status === 'stuck' ? undefined : trace.at(-1)?.activity, nodes.wantCallback.label) } : {}),
      unreached: true,
    });
  }
  const option3At = trace.findIndex((e, i) => i >= menuAt && e.activityId === trace[menuAt].activityId && e.outcome === '3');
  if (option3At < 0) {
    const last = [...trace].reverse().find((e) => e.activityId === trace[menuAt].activityId)!;
    return deviate('reach-get-cbid', `The caller pressed 3, but ${last.activity} did not leave by option 3 (it left by ${exitName(last.outcome)})`, around(trace, trace.indexOf(last)), {
      expected: 'option 3',
      actual: exitName(last.outcome),
      activity: nodes.wantCallback,
      // The menu has no option 3: want-callback-option3 reports it first.
      ...(nodes.wantCallback && !menuKeys(nodes.wantCallback).includes('3') ? { cause: NO_OPTION3_CAUSE } : {}),
    });
  }
  if (!nodes.getCbid) {
    return deviate('reach-get-cbid', 'There is no HTTP Request GET_CBID for option 3 to reach', around(trace, option3At), causeIfMissing(nodes, 'getCbid'));
  }
  const getAt = indexOf(trace, nodes.getCbid, option3At);
  if (getAt < 0) {
    // Option 3 holding where option 1 or 2 belongs, that option open: the static checks' sequence of edits.
    const holds = nodes.wantCallback && option3HoldsHint(ctx.model.main, nodes.wantCallback, nodes.getCbid);
    return deviate('reach-get-cbid', `After option 3 the call never reached ${nodes.getCbid.label} (${afterwards(trace, option3At, summary, nodes)})`, around(trace, option3At), {
      expected: `${trace[option3At].activity} option 3 → ${nodes.getCbid.label}`,
      actual: afterwards(trace, option3At, summary, nodes),
      activity: nodes.wantCallback,
      // No way from option 3 to GET_CBID: the connection to make, to drag, or (GET_CBID on another
      // option of the menu) to move, as get-cbid-after-option3 words it.
      ...connectionHint(ctx.model.main, nodes.wantCallback, '3', nodes.getCbid, 4),
      ...(holds ? { hint: holds } : {}),
      ...failedOnTheWay(trace, option3At, nodes.getCbid, 4, exitShown(trace[option3At].activity, '3'), nodes),
      unreached: true,
    });
  }
  return getAt;
}

/** Stage 2 — Testing step 6: GET_CBID (at `getAt`) fills outdialcbid and customani from the DynVars record. */
function getCbidFillsVariables(happy: HappyRun, ctx: CheckContext, getAt: number): Deviation | undefined {
  const { trace, nodes, record } = happy;
  const get = trace[getAt];
  if (get.outcome === 'error') {
    // (A failed entry always has its error.)
    return deviate('get-cbid-variables', `${get.activity} failed: ${get.error}`, [get, ...trace.slice(getAt + 1, getAt + 2)], {
      activity: nodes.getCbid,
      ...failedRequestHint(get, nodes.getCbid, ctx.settings.dnis),
    });
  }
  // (A request that got no answer failed, above: this one's status is a number.)
  if (get.http && get.http.status !== 200) {
    return deviate('get-cbid-variables', `${get.activity} got HTTP ${get.http.status} from ${get.http.method} ${get.http.url}`, [get], {
      expected: 'HTTP 200 with the DynVars record',
      actual: `HTTP ${get.http.status}${get.http.responseBody ? `: ${apiMessage(get.http.responseBody)}` : ''}`,
      activity: nodes.getCbid,
      hint: dynVarsRequestHint(get.http, nodes.getCbid, ctx.settings.dnis),
      ...sparedUnfilled(ctx, nodes, record, get),
    });
  }
  if (!record) return deviate('get-cbid-variables', `The DynVars dataset has no record for dn ${ctx.settings.dnis.slice(2)} (grader setup: check --dnis / --dynvars)`, [get], { spares: NOT_READING_GET_CBID });
  const wanted: [string, string][] = [
    [VARIABLES.outdialcbid, record.outboundcallbackep],
    [nodes.aniVariable, record.tacnumber],
  ];
  const wrong = wanted.filter(([name, value]) => get.modifiedVariables[name] !== value);
  if (wrong.length > 0) {
    const actual = wrong.map(([name]) => `${name} = ${show(get.modifiedVariables[name] ?? '')}`).join(', ');
    return deviate('get-cbid-variables', `After ${get.activity}, ${actual} (expected ${wrong.map(([n, v]) => `${n} = ${show(v)}`).join(', ')}, from ${record.source})`, [get], {
      expected: wanted.map(([n, v]) => `${n} = ${show(v)}`).join(', '),
      actual,
      activity: nodes.getCbid,
      // A variable of another type than String changed the value (`+14085267209` kept as a number);
      // else the parsing. (An answer of no record is not a 200 here: MockAPI answers a filter that
      // matches nothing with 404 "Not found", reported above, and `[]` only for a dataset without
      // records, when there is no record to expect: docs/mocks.md.)
      ...(notStringVariable(ctx, wrong.map(([name]) => [name, get.modifiedVariables[name]] as const)) ?? undeclaredVariable(ctx, wrong.map(([name]) => name), Object.keys(get.modifiedVariables)) ?? { hint: HINTS.getCbidParsing }),
      ...sparedUnfilled(ctx, nodes, record, get),
    });
  }
  return undefined;
}

/**
 * What GET_CBID leaving by its success exit with the variables unfilled spares: the stages that read
 * neither, unless a variable it fills is declared with a type the record's value does not fit
 * (outdialcbid Integer: the entry point id is no number), or its parse rows fail whatever the answer
 * (a row writing a variable not declared, a path Jayway cannot read). Then GET_CBID fails once it
 * gets the record (or once its parsing is set to JSON), as it does with that mistake alone, and no
 * later stage runs: the call got past GET_CBID only because the request went wrong, and judging
 * those stages would give a second mistake the points the first alone does not earn. What it
 * should have left (`shouldHold`, for a guard after it: blamedForGuard): the record's values in its
 * variables, and its own outputs as the request for the record gets them (`get`: where it ran).
 */
function sparedUnfilled(ctx: CheckContext, nodes: MissionNodes, record: ExpectedRecord | undefined, get: TraceEntry): Pick<Deviation, 'spares' | 'shouldHold'> {
  if (!record) return { spares: NOT_READING_GET_CBID };
  // Rows that fail on any answer once parsed (customani not declared, a path with a space): as alone.
  const declared = new Set(ctx.model.variables.map((v) => v.name));
  if (nodes.getCbid && parseRowsFail(nodes.getCbid, (name) => declared.has(name))) return {};
  const shouldHold = heldAs(ctx, [
    [VARIABLES.outdialcbid, record.outboundcallbackep],
    [nodes.aniVariable, record.tacnumber],
  ]);
  return shouldHold ? { spares: NOT_READING_GET_CBID, shouldHold: shouldHold.set(get.activity, answeredWith(get, record)) } : {};
}

/**
 * The outputs of the request run at `get` had it got the record (`GET_CBID.httpStatusCode` 200,
 * `GET_CBID.httpResponseBody` the mock's answer, as SetGetResult copies it), the others as it had them.
 */
function answeredWith(get: TraceEntry, record: ExpectedRecord): Record<string, unknown> {
  return { ...outputsOf(get), httpStatusCode: 200, httpResponseBody: record.answer };
}

/** The outputs the activity run at `entry` gave, by name (`GET_CBID.httpStatusCode` → httpStatusCode). */
function outputsOf(entry: TraceEntry): Record<string, unknown> {
  const prefix = `${entry.activity}.`;
  const outputs = Object.entries(entry.modifiedVariables).filter(([name]) => name.startsWith(prefix));
  return Object.fromEntries(outputs.map(([name, value]) => [name.slice(prefix.length), value]));
}

/**
 * The values as the flow variables named hold them (converted to each one's declared type; one not
 * declared holds nothing), or undefined when a type cannot hold its value.
 */
function heldAs(ctx: CheckContext, values: readonly (readonly [string, unknown])[]): Map<string, unknown> | undefined {
  const held = new Map<string, unknown>();
  for (const [name, value] of values) {
    const type = ctx.model.variables.find((v) => v.name === name)?.type;
    if (type === undefined) continue;
    try {
      held.set(name, convertToType(value, type, name));
    } catch {
      return undefined;
    }
  }
  return held;
}

/** Stage 3 — Testing step 7: the call reaches SetGetResult after GET_CBID (at `getAt`), and it runs (where it ran). */
function setGetResultRan(happy: HappyRun, ctx: CheckContext, getAt: number): Deviation | number {
  const { trace, nodes } = happy;
  const get = trace[getAt];
  const setAt = nodes.setGetResult ? indexOf(trace, nodes.setGetResult, getAt + 1) : -1;
  if (setAt < 0) return neverReachedAfter(happy, ctx, 'getresult', getAt, { from: 'getCbid', exit: 'default', to: 'setGetResult', step: 5 });
  const set = trace[setAt];
  // (A failed entry always has its error.) Reached, so connected: what is left to change is SetGetResult's settings (Build step 5), not the connection the check's own hint names too.
  if (set.outcome === 'error') return deviate('getresult', `${set.activity} failed: ${set.error}`, [get, set, ...trace.slice(setAt + 1, setAt + 2)], { activity: nodes.setGetResult, hint: HINTS.setGetResultRan });
  return setAt;
}

/**
 * Stage 3, the value — Testing step 7: SetGetResult wrote the full response of GET_CBID into getresult
 * (nothing later reads it). What getresult should hold for a guard after it (blamedForGuard) is
 * `answer` when given (the body of the request for the record, GET_CBID's answer being another), else
 * the response GET_CBID got: as text when the variable's type is why it holds something else.
 */
function getresultHoldsBody(happy: HappyRun, ctx: CheckContext, getAt: number, setAt: number, answer?: string): Deviation | undefined {
  const { trace, nodes } = happy;
  const get = trace[getAt];
  const set = trace[setAt];
  const body = get.http?.responseBody ?? '';
  if (set.modifiedVariables[VARIABLES.getresult] !== body) {
    const typed = notStringVariable(ctx, [[VARIABLES.getresult, set.modifiedVariables[VARIABLES.getresult]]]);
    return deviate('getresult', `After ${set.activity}, getresult = ${clipWithDots(show(set.modifiedVariables[VARIABLES.getresult] ?? ''), QUOTED)}, not the response body of ${get.activity}`, [get, set], {
      expected: wholeBody(get.activity, body),
      actual: show(set.modifiedVariables[VARIABLES.getresult] ?? ''),
      activity: nodes.setGetResult,
      hint: HINTS.setGetResultRan,
      // SetGetResult (it ran at setAt) reads GET_CBID, but the request kept another Activity Label: rename it.
      ...(get.activity !== LABELS.getCbid && JSON.stringify(nodes.setGetResult!.props).includes(`${LABELS.getCbid}.httpResponseBody`)
        ? { hint: renameGetCbidHint(get.activity, ctx.model) }
        : {}),
      ...(typed ?? undeclaredVariable(ctx, [VARIABLES.getresult], Object.keys(set.modifiedVariables))),
      spares: AFTER_GETRESULT,
      // Its type the mistake (JSON: the record as a list), it should hold the text, as the String the guide declares.
      shouldHold: typed ? new Map([[VARIABLES.getresult, answer ?? body]]) : heldAs(ctx, [[VARIABLES.getresult, answer ?? body]]),
    });
  }
  return undefined;
}

/** Stage 4 — Testing steps 8–9: SimulateGlobalError ends in Error and GlobalErrorHandling runs next (where SimulateGlobalError ran). */
function globalErrorRaised(happy: HappyRun, ctx: CheckContext, setAt: number): Deviation | number {
  const { trace, nodes } = happy;
  const simAt = nodes.simulateError ? indexOf(trace, nodes.simulateError, setAt + 1) : -1;
  if (simAt < 0) return neverReachedAfter(happy, ctx, 'global-error', setAt, { from: 'setGetResult', exit: 'out', to: 'simulateError', step: 6 });
  const sim = trace[simAt];
  const next = trace[simAt + 1];
  if (sim.outcome !== 'error') {
    return deviate('global-error', `${sim.activity} ran without an error (outcome ${sim.outcome}), so no global error was raised`, around(trace, simAt), {
      expected: 'Outcome Error, then GlobalErrorHandling',
      actual: `Outcome ${sim.outcome}`,
      activity: nodes.simulateError,
    });
  }
  if (!next || (next.activity !== GLOBAL_ERROR.name && next.flow !== GLOBAL_ERROR.display)) {
    return deviate('global-error', `${sim.activity} failed, but ${next ? `the call went on to ${next.activity} through its Undefined Error exit` : 'OnGlobalError did not run'}`, around(trace, simAt), {
      expected: 'GlobalErrorHandling right after the error',
      actual: next ? next.activity : happy.run.result.summary,
      activity: nodes.simulateError,
    });
  }
  return simAt;
}

/**
 * The call never reached `to` after entry `at`, where `from` ran and left by `exit` (stages 3 and 4,
 * in the main flow): what it did instead, and what to change (the connection, Build step `step`,
 * or an activity that failed on the way). SimulateGlobalError on the way is told as put too early
 * (failedOnTheWay), unless it is the activity not reached.
 */
function neverReachedAfter(happy: HappyRun, ctx: CheckContext, stage: Stage, at: number, hop: { from: 'getCbid' | 'setGetResult'; exit: string; to: 'setGetResult' | 'simulateError'; step: number }): Deviation {
  const { trace, nodes } = happy;
  const [from, to] = [nodes[hop.from], nodes[hop.to]];
  return deviate(stage, `After ${trace[at].activity} the call never reached ${to?.label ?? LABELS[hop.to]} (${misconnected(ctx.model.main, from, hop.exit, to) ?? afterwards(trace, at, happy.run.result.summary, nodes)})`, around(trace, at), {
    activity: from,
    ...causeIfMissing(nodes, hop.to),
    ...failedOnTheWay(trace, at, to, hop.step, undefined, hop.to === 'simulateError' ? undefined : nodes),
    ...connectionHint(ctx.model.main, from, hop.exit, to, hop.step),
    unreached: true,
  });
}

/**
 * Stage 5, the way there — the handler, run after the error raised at `simAt`, runs
 * CallBackAPI_HTTPRequest (where it ran). Nothing here reads GET_CBID's variables (a guard on the
 * way that does is deviationsOf's to weigh: blamedForGuard).
 */
function callbackApiReached(happy: HappyRun, ctx: CheckContext, simAt: number): Deviation | number {
  const { trace, nodes } = happy;
  const summary = happy.run.result.summary;
  const handlerAt = simAt + 1;
  const apiAt = nodes.callbackApi ? indexOf(trace, nodes.callbackApi, handlerAt) : -1;
  if (apiAt < 0) {
    const turned = turnedAwayByAGuard(happy, ctx, simAt);
    if (turned) return turned;
    // The request is there but the handler went elsewhere: the fix is the connection, not its settings.
    // Set Variables it ran first (errortime = now()) may stay: the connection is the last one's.
    // Set Variables in a loop (A → B → A) stop the walk where it comes back: each is named once, and
    // the connection to drag is the one that goes back.
    let fromAt = handlerAt;
    const through: string[] = [];
    // (The handler ran at handlerAt: globalErrorRaised found it.)
    const passesOn = (entry: TraceEntry | undefined) => entry !== undefined && entry.flow === trace[handlerAt].flow && entry.type === 'set-variable' && entry.outcome === 'out';
    while (passesOn(trace[fromAt + 1]) && !through.includes(trace[fromAt + 1]!.activity)) through.push(trace[++fromAt]!.activity);
    const from = fromAt === handlerAt ? 'OnGlobalError' : trace[fromAt]!.activity;
    const went = trace[fromAt + 1]?.flow === trace[handlerAt].flow ? trace[fromAt + 1] : undefined;
    const back = went && through.includes(went.activity) ? went : undefined;
    const failedOnTheWayHint = failedOnTheWay(trace, fromAt, nodes.callbackApi, 8, from).hint;
    const told = `${through.length > 0 ? `after ${through.join(', ')}, ` : ''}${back ? `it went back to ${back.activity}, in a loop` : afterwards(trace, fromAt, summary)}`;
    return deviate('task', `OnGlobalError ran, but ${nodes.callbackApi?.label ?? LABELS.callbackApi} never did (${told})`, trace.slice(simAt, fromAt + 3), {
      activity: nodes.globalError,
      ...(nodes.callbackApi
        ? {
            hint:
              failedOnTheWayHint ??
              // The static checks' words for the same edit (a loop's last Set Variable is connected, back).
              requestConnectionHint(from, went && { label: went.activity, isEnd: went.type === 'end' }, nodes.callbackApi.label),
          }
        : {}),
      ...causeIfMissing(nodes, 'callbackApi'),
      unreached: true,
    });
  }
  return apiAt;
}

/**
 * The call left OnGlobalError's way to the Create Task request at a Condition or Case with another
 * exit that goes on there (a guard the guide does not have, HasNumber: True → the request, False →
 * EndFlow): its expression sent the call away, so the fix is the expression, or the guard taken out,
 * not a connection to drag — or GET_CBID's label, when the guard reads it and the request kept another
 * (relabelledGetCbidHint). Undefined elsewhere (and where the guard failed: failedOnTheWay tells it).
 */
function turnedAwayByAGuard(happy: HappyRun, ctx: CheckContext, simAt: number): Deviation | undefined {
  const { trace, nodes } = happy;
  const request = nodes.callbackApi;
  if (!request) return undefined;
  const graph = ctx.model.events;
  const leftAt = leftTheWayAt(trace, simAt + 1, graph, request);
  const entry = trace[leftAt];
  const guard = entry && entry.outcome !== 'error' ? graph.activities.find((activity) => activity.id === entry.activityId) : undefined;
  // (One the call got to on the way has another exit that goes on to the request: the way ran through
  // it. The way leaves OnGlobalError's own node, no Condition, where none does.)
  if (!guard || !choosesByExpression(guard)) return undefined;
  const exit = exitTakenName(guard, entry.outcome);
  const expression = typeof guard.props.expression === 'string' ? ` ${clipWithDots(guard.props.expression.trim(), QUOTED)}` : '';
  return deviate('task', `OnGlobalError ran, but ${request.label} never did (${guard.label} left by ${exit}: ${afterwards(trace, leftAt, happy.run.result.summary)})`, trace.slice(simAt, leftAt + 2), {
    activity: guard,
    hint:
      relabelledGetCbidHint(happy, ctx, simAt, leftAt, guard) ??
      `Event Flows → ${guard.label} → Expression${expression}: on the simulated call it leaves by ${exit}, away from ${request.label}. Correct it, or delete ${guard.label} and connect OnGlobalError straight to ${request.label}, as the guide does (Build step 8).`,
    unreached: true,
  });
}

/**
 * The request after option 3 kept another Activity Label, and the `guard` at trace entry `at` goes
 * on to the Create Task request reading its outputs as GET_CBID's (`{{GET_CBID.httpStatusCode ==
 * 200}}` reads nothing else): the label is what to change, as for SetGetResult reading GET_CBID
 * (run before the error raised at `simAt`), or, where a leftover GET_CBID holds it, the Expression.
 */
function relabelledGetCbidHint(happy: HappyRun, ctx: CheckContext, simAt: number, at: number, guard: Activity): string | undefined {
  const { trace, nodes } = happy;
  const getCbid = nodes.getCbid;
  if (!getCbid || !nodes.callbackApi || getCbid.label === LABELS.getCbid) return undefined;
  const get = trace.slice(0, simAt).findLast((entry) => entry.activityId === getCbid.id);
  const asGetCbid = get && new Map([[LABELS.getCbid, outputsOf(get)]]);
  return asGetCbid && goesOnPutRight(ctx, trace, at, ctx.model.events, nodes.callbackApi, asGetCbid) ? renameGetCbidHint(getCbid.label, ctx.model, guard.label) : undefined;
}

/**
 * Stage 5 — CallBackAPI_HTTPRequest, run at `apiAt` in the handler started after the error raised
 * at `simAt`, asks the Tasks API for one callback task with the record's values (where it ran).
 */
function taskCreated(happy: HappyRun, simAt: number, apiAt: number): Deviation | number {
  const { trace, nodes } = happy;
  const record = happy.record!; // stage 2 found it
  const request = nodes.callbackApi!; // callbackApiReached found it run at apiAt
  const handlerAt = simAt + 1;
  const api = trace[apiAt];
  // (A failed entry always has its error.)
  if (api.outcome === 'error') return deviate('task', `${api.activity} failed: ${api.error}`, [api], { activity: request, ...failedTaskRequestHint(request, api) });
  const tasks = happy.run.tasks;
  // Counted over the whole call: a Create Task request in the main flow creates one before OnGlobalError runs.
  const creators = trace.filter((entry) => createdTask(entry, tasks));
  if (!creators.includes(api)) {
    // (A request that got no answer failed, above: this one's status is a number.)
    const answer = api.http ? `the Tasks API answered ${api.http.status}${api.http.responseBody ? `: ${apiMessage(api.http.responseBody)}` : ''}` : 'no request was sent';
    // A task created elsewhere (a copy of the request in the main flow) is not the callback of the global error.
    const elsewhere = creators.length > 0 ? ` (${whereCreated(creators)} created ${tasks.length === 1 ? 'the one task' : `the ${tasks.length} tasks`})` : '';
    const hints = [api.http ? taskRequestHint(api.http).hint : undefined, creators.length > 0 ? extraTasksHint(creators, api) : undefined].filter((hint) => hint);
    return deviate('task', creators.length > 0 ? `${api.activity} created no callback task: ${answer}${elsewhere}` : `No callback task was created: ${answer}`, [...creators, api], {
      expected: 'one task accepted (201 Created)',
      actual: answer,
      activity: nodes.callbackApi,
      ...(hints.length > 0 ? { hint: hints.join(' ') } : {}),
    });
  }
  if (tasks.length > 1) {
    const inMain = creators.some((entry) => entry.flow === 'main');
    return deviate('task', `${tasks.length} tasks were created instead of one`, inMain ? creators : trace.slice(handlerAt), {
      activity: nodes.callbackApi,
      hint: extraTasksHint(creators, api),
    });
  }
  // A Callback activity on the way schedules a callback of its own: the caller would be called twice.
  const callbacks = happy.run.result.callbacks!; // (the simulator always sets it: engine/trace.ts)
  if (callbacks.length > 0) {
    const by = callbacks.map((c) => c.activity).join(', ');
    const one = callbacks.length === 1;
    const scheduled = one ? `the Callback activity ${by} scheduled a callback too: the caller would be called back twice` : `the Callback activities ${callbacks.slice(0, -1).map((c) => c.activity).join(', ')} and ${callbacks[callbacks.length - 1].activity} scheduled callbacks too: the caller would be called back more than once`;
    return deviate('task', `Besides the task, ${scheduled}`, trace.filter((e) => callbacks.some((c) => c.activity === e.activity)), {
      expected: 'one callback, the task of CallBackAPI_HTTPRequest',
      actual: `the task and ${one ? 'a Callback activity' : `${callbacks.length} Callback activities`} (${by})`,
      activity: nodes.callbackApi,
      hint: `${by} → remove ${one ? 'it' : 'them'} from the path of the call (connect the activity before ${one ? 'it' : 'each'} to the one after it): ${api.activity} already schedules the callback.`,
    });
  }
  // The body as the mock accepted it: parsed, and a JSON object (the Create Task schema's), as AcceptedTask types it.
  const sent = tasks[0].body;
  const fields: [string, string][] = [
    ['entryPointId', record.outboundcallbackep],
    ['destination', record.tacnumber],
  ];
  const badFields = fields.filter(([key, value]) => sent[key] !== value);
  if (badFields.length > 0) {
    const actual = badFields.map(([key]) => `${key} = ${show(sent[key])}`).join(', ');
    return deviate('task', `The task was created with ${actual} (expected ${badFields.map(([k, v]) => `${k} = ${show(v)}`).join(', ')})`, [api], {
      expected: fields.map(([k, v]) => `${k} = ${show(v)}`).join(', '),
      actual,
      activity: nodes.callbackApi,
      // GET_CBID filled the variables right (stage 2): the body reads them wrong.
      hint: HINTS.callbackApiBody,
    });
  }
  return apiAt;
}

/** Stage 6 — Testing step 10: after the request (at `apiAt`), HTTPStatusCode leaves by True, and the event flow ends. */
function statusTrueOn201(happy: HappyRun, ctx: CheckContext, apiAt: number): Deviation | null {
  const { trace, nodes } = happy;
  const summary = happy.run.result.summary;
  const api = trace[apiAt];
  const condAt = nodes.statusCondition ? indexOf(trace, nodes.statusCondition, apiAt + 1) : -1;
  if (condAt < 0) {
    return deviate('status-true', `After ${api.activity} the event flow never reached ${nodes.statusCondition?.label ?? LABELS.statusCondition} (${misconnected(ctx.model.events, nodes.callbackApi, 'default', nodes.statusCondition) ?? afterwards(trace, apiAt, summary)})`, around(trace, apiAt), {
      activity: nodes.callbackApi,
      ...causeIfMissing(nodes, 'statusCondition'),
      ...failedOnTheWay(trace, apiAt, nodes.statusCondition, 9),
      ...connectionHint(ctx.model.events, nodes.callbackApi, 'default', nodes.statusCondition, 9),
      unreached: true,
    });
  }
  const cond = trace[condAt];
  if (cond.outcome !== 'true') {
    const expression = nodes.statusCondition!.props.expression; // (it ran at condAt)
    return deviate('status-true', `${cond.activity} left by ${exitTakenName(nodes.statusCondition, cond.outcome)}${cond.error ? ` (${cond.error})` : ''} although the Tasks API answered ${api.http?.status ?? 201}`, [api, cond], {
      expected: 'True',
      actual: exitTakenName(nodes.statusCondition, cond.outcome),
      activity: nodes.statusCondition,
      hint: statusExpressionHint(cond.activity, api.activity, typeof expression === 'string' ? expression : '', ctx.model),
      // Not a Condition (a Case leaves by its case key): status-condition-after-callback-api says so.
      ...causeIfOtherType(nodes, 'statusCondition'),
    });
  }
  if (happy.run.result.status !== 'completed') {
    return deviate('status-true', `The event flow did not end after ${cond.activity}: ${summary}`, trace.slice(condAt), {
      activity: nodes.statusCondition,
      unreached: true,
      // The Expression is right (True was taken): the way on from True is not.
      hint: `${cond.activity} → connect the True exit to EndFlow, so that the event flow ends (Build step 9).`,
    });
  }
  return null;
}


/**
 * The first of these flow variables the flow does not declare under that name (it may declare it in
 * another case, which the activities then write), as the cause of a value not found there: its
 * Build step 2 check reports it. Only when that explains every wrong value: each is declared in
 * another spelling, and the activity wrote that spelling (`written`: the variables it set). An
 * activity writing another variable (SetGetResult setting customani) is at fault itself: renaming
 * the variable would leave the value as wrong, and the activity's check reports it.
 */
function undeclaredVariable(ctx: CheckContext, names: readonly string[], written: readonly string[]): { cause: string } | undefined {
  const undeclared = (n: string) => !ctx.model.variables.some((v) => v.name === n);
  const writtenAsDeclared = (n: string) => declaredSpelling(ctx.model, n) !== n && written.includes(declaredSpelling(ctx.model, n));
  const name = names.every((n) => undeclared(n) && writtenAsDeclared(n)) ? names[0] : undefined;
  return name === undefined ? undefined : { cause: undeclaredCause(name) };
}

/**
 * The first of these flow variables declared with another type than String, as the cause of a
 * value it did not keep as it came: its Build step 2 check reports it, with the hint to change it.
 * Only when the types explain every wrong value (`[name, value the activity left]`): each is declared
 * another type and holds something, changed by it (`+14085267209` kept as a number). A variable left
 * empty, or null (an Integer one a path without `[0]` matches nothing in), got nothing to change,
 * and a String one beside it no type spoils: the activity's own settings are at fault, and its
 * check reports them, not the variable's.
 */
function notStringVariable(ctx: CheckContext, wrong: readonly (readonly [string, unknown])[]): { cause: string; hint: string } | undefined {
  const typeOf = (name: string) => ctx.model.variables.find((v) => v.name === name)?.type;
  const explained = wrong.every(([name, value]) => typeOf(name) !== undefined && typeOf(name) !== 'STRING' && value !== undefined && value !== null && value !== '');
  const variable = explained ? ctx.model.variables.find((v) => wrong.some(([name]) => name === v.name) && v.type !== 'STRING') : undefined;
  return variable && { cause: notStringCause(variable.name), hint: setTypeHint(variable.name) };
}

/**
 * The connection to make when no path leads from `from` to `to` (Build step `step`), in the words of
 * the static link check, which fails for the same connection; none when one does and the call took
 * another way on it.
 */
function connectionHint(graph: FlowGraph, from: Activity | undefined, exit: string, to: Activity | undefined, step: number): { hint: string } | Record<string, never> {
  return from && to && !exitLeadsTo(graph, from, exit, to) ? { hint: connectHint(graph, from, exit, to, step) } : {};
}

/**
 * Why the call never got from `from` to `to` when another exit of `from` is connected to `to`
 * (graph.ts wrongExit): `SetGetResult is connected to the Undefined Error exit of GET_CBID, not to
 * its success exit`, in place of "the exit of GET_CBID is not connected", which the canvas belies.
 */
function misconnected(graph: FlowGraph, from: Activity | undefined, exit: string, to: Activity | undefined): string | undefined {
  // Only when no way leads there from `exit`: else the call took another branch on that way.
  const wrong = from && to && !exitLeadsTo(graph, from, exit, to) ? wrongExit(graph, from, exit, (a) => a.id === to.id) : undefined;
  return from && wrong ? misconnection(from, exit, wrong) : undefined;
}

/**
 * Which GET_CBID setting a request that failed points at: the address when nothing answered it,
 * the toggle when it is on (no connector, or one that is not MockAPI), the Parsing Settings when
 * MockAPI answered and the response could not be parsed into the variables.
 */
function failedRequestHint(entry: TraceEntry, getCbid: Activity | undefined, dnis: string): { hint: string } | Record<string, never> {
  if (entry.http?.unmocked) return { hint: dynVarsRequestHint(entry.http, getCbid, dnis) };
  if (getCbid && isAuthenticated(getCbid)) return { hint: HINTS.getCbidUnauthenticated };
  // Failed before anything was sent (no address, or one that is not a web address): the Request URL.
  if (!entry.http) return { hint: HINTS.getCbidUrl };
  return entry.http.status !== null ? { hint: HINTS.getCbidParsing } : {};
}

/**
 * Where to look when the call never got to the menu: the way there, which Callback Mission 2 left
 * as Queue → WantCallback, and what other missions put on it (lab-context §5.4: the emergency switch
 * of API Mission 1 left True plays a message and disconnects every call).
 */
function wayToMenuHint(start: string, last: string | undefined, menu: string): string {
  const ended = last ? `it ended at ${last} without reaching ${menu}` : `it never reached ${menu}`;
  return `In the Debug tool, follow your last call from ${start}: ${ended}. A caller who finds no agent available must reach ${menu} (Queue → ${menu}, as Callback Mission 2 left it): check the activities on the way, e.g. a Condition on a variable another mission left set (EmergencyGV_<ID> of API Mission 1).`;
}

/**
 * An activity that failed before the menu: the fix is that activity, unless it is SimulateGlobalError,
 * which fails on purpose: then only its place is wrong (as failedOnTheWay says after the menu).
 * `raised`: the main flow's last entry, which raised the global error.
 */
function failedBeforeMenuHint(raised: TraceEntry, menu: string, nodes: MissionNodes): string {
  const failed = raised.activity;
  if (isSimulateError(raised, nodes)) {
    return `${failed} fails on purpose (Build step 6), so nothing after it runs: leave the way to ${menu} as Callback Mission 2 left it, and put ${failed} after ${nodes.setGetResult?.label ?? LABELS.setGetResult}.`;
  }
  return `${failed} → it fails before the call reaches ${menu}: correct it (its Error row in the simulated call says why).`;
}

/**
 * Which GET_CBID settings an unanswered or refused DynVars request points at: the Method when it is
 * not GET, and the toggle when it is on, else the Request URL. Beside a wrong Method, the address is
 * named too only when it is not the dialled number's record (`dnis`): else a GET would find it, and the
 * Method alone is to change; with both wrong, changing one leaves the request as unanswered.
 */
function dynVarsRequestHint(http: HttpExchange, getCbid: Activity | undefined, dnis: string): string {
  const address = getCbid && isAuthenticated(getCbid) ? HINTS.getCbidUnauthenticated : HINTS.getCbidUrl;
  if (http.method === 'GET') return address;
  if (address === HINTS.getCbidUrl && isRecordAddress(http.url, dnis)) return HINTS.getCbidMethod;
  return joinHints(HINTS.getCbidMethod, address);
}

/**
 * Whether `url`, as the request was sent, is the DynVars record's address for `dnis`: https, the lab's
 * host and path (a trailing `/` allowed), `dn` = the number without its `+1`, and else only MockAPI's
 * paging and sorting parameters (get-cbid-url judges the field itself; this reads what was sent).
 */
function isRecordAddress(url: string, dnis: string): boolean {
  const parts = splitUrl(url);
  if (!parts || parts.scheme !== 'https' || parts.host !== DYNVARS.host || parts.path.replace(/\/$/, '') !== DYNVARS.path) return false;
  const dn = parts.query.filter(([name]) => name === 'dn');
  return dn.length === 1 && decode(dn[0][1]) === dnis.slice(2) && parts.query.every(([name]) => name === 'dn' || MOCKAPI_RESERVED.has(name));
}

/**
 * Whether the request run at `entry` is one the mocked Tasks API accepted (`tasks`, the run's): sent
 * to that task's address and answered with its id. Not any POST answered 201: a webhook.site address
 * ending in /201 answers so too, and creates no task.
 */
function createdTask(entry: TraceEntry, tasks: readonly AcceptedTask[]): boolean {
  // (The Tasks API mock alone answers with a task's id, and only to a POST it accepted, answered 201.)
  const http = entry.http;
  if (http?.responseBody === undefined) return false;
  // Only an answer from a task's address is parsed: every request of every graded call is asked.
  const sent = tasks.filter((task) => task.url === http.url);
  if (sent.length === 0) return false;
  const id = createdTaskId(http.responseBody);
  return sent.some((task) => task.id === id);
}

/** The id of the task a Create Task answer names (`{"meta": …, "data": {"id": …}}`), undefined in any other answer. */
function createdTaskId(body: string): unknown {
  try {
    return (JSON.parse(body) as { data?: { id?: unknown } } | null)?.data?.id;
  } catch {
    return undefined;
  }
}

/** Where the requests run at `creators` are, as the canvas names them: `CreateTask_main in the main flow, CallBackAPI_again in Event Flows`. */
function whereCreated(creators: readonly TraceEntry[]): string {
  const where = creators.map((entry) => `${entry.activity} in ${entry.flow === 'main' ? 'the main flow' : 'Event Flows'}`);
  return [...new Set(where)].join(', ');
}

/**
 * What to remove when the call created more than one task (`creators`: the entries whose request
 * created one, in run order; `api`: CallBackAPI_HTTPRequest run by OnGlobalError): a Create Task
 * request in the main flow, which Build step 8 puts in Event Flows only, and of those on the way
 * from OnGlobalError all but one (or the loop that runs one again).
 */
function extraTasksHint(creators: readonly TraceEntry[], api: TraceEntry): string {
  const labels = (entries: readonly TraceEntry[]) => [...new Set(entries.map((entry) => entry.activity))];
  const inMain = labels(creators.filter((entry) => entry.flow === 'main'));
  const inEvents = creators.filter((entry) => entry.flow !== 'main');
  const hints: string[] = [];
  if (inMain.length > 0) {
    const one = inMain.length === 1;
    hints.push(
      `${inMain.join(', ')} in the main flow → remove ${one ? 'it' : 'them'} (connect the activity before ${one ? 'it' : 'each'} to the one after it): ${one ? 'it creates a task' : 'they create tasks'} before the global error; the callback task is ${api.activity}'s, in Event Flows on the way from OnGlobalError (Build step 8).`,
    );
  }
  if (inEvents.length > 1) {
    const names = labels(inEvents);
    const who = names.length > 1 ? `${names.join(' and ')} each created a task` : `${names[0]} ran more than once`;
    hints.push(`Event Flows → keep one Create Task request on the way from OnGlobalError: ${who}.`);
  }
  return hints.join(' ');
}

/**
 * What to change in the CallBackAPI_HTTPRequest setting that made the simulated request fail (the
 * trace entry's failedSetting, engine/simulator/http.ts): a template that does not render (the
 * Request Path, a header or query parameter, the Request Body), a header the request cannot carry
 * (a name with a space or a colon, a value with a curly quote), a Parsing Settings row that fails
 * on the answer (a variable not declared, a path that is no JSONPath).
 */
const FAILED_SETTING_HINTS: ReadonlyMap<string, string> = new Map([
  [HTTP_SETTINGS.path, HINTS.callbackApiPath],
  [HTTP_SETTINGS.headers, HINTS.callbackApiHeaders],
  [HTTP_SETTINGS.query, HINTS.callbackApiQuery],
  [HTTP_SETTINGS.body, HINTS.callbackApiBody],
  [HTTP_SETTINGS.parsing, HINTS.callbackApiParsing],
]);

/**
 * Which CallBackAPI_HTTPRequest setting made the request run at `entry` fail: the toggle or the
 * connector when it could not be sent for them, else the setting the simulator names (FAILED_SETTING_HINTS).
 */
function failedTaskRequestHint(api: Activity, entry: TraceEntry): { hint: string } | Record<string, never> {
  if (!isAuthenticated(api) || connectorNameOf(api) === undefined) return { hint: HINTS.callbackApiAuthenticated };
  const hint = entry.failedSetting === undefined ? undefined : FAILED_SETTING_HINTS.get(entry.failedSetting);
  return hint ? { hint } : {};
}

/** Which CallBackAPI_HTTPRequest setting the Tasks API's refusal points at. */
function taskRequestHint(http: HttpExchange): { hint: string } | Record<string, never> {
  // (An answer came: a request no mock answers fails, told by failedTaskRequestHint.)
  switch (http.status) {
    case 401:
    case 403:
      return { hint: HINTS.callbackApiAuthenticated };
    case 404:
      return { hint: HINTS.callbackApiPath };
    case 405:
      return { hint: HINTS.callbackApiMethod };
    case 400:
      return { hint: HINTS.callbackApiBody };
    default:
      return {};
  }
}

function deviate(stage: Stage, message: string, excerpt: TraceEntry[], extra: Partial<Omit<Deviation, 'stage' | 'message' | 'excerpt'>> = {}): Deviation {
  const deviation: Deviation = { stage, message, excerpt: excerpt.slice(0, 5) };
  if (extra.expected !== undefined) deviation.expected = extra.expected;
  if (extra.actual !== undefined) deviation.actual = extra.actual;
  if (extra.activity) deviation.activity = extra.activity;
  if (extra.hint) deviation.hint = extra.hint;
  if (extra.cause) deviation.cause = extra.cause;
  if (extra.unreached) deviation.unreached = true;
  if (extra.spares) deviation.spares = extra.spares;
  if (extra.shouldHold) deviation.shouldHold = extra.shouldHold;
  return deviation;
}

function indexOf(trace: TraceEntry[], activity: Activity, from: number): number {
  return trace.findIndex((e, i) => i >= from && e.activityId === activity.id && e.activity === activity.label);
}

/**
 * The call left the path at `at` because the next activity failed (its error raised the global
 * error there): the fix is that activity, not the settings of the one never reached — unless it is
 * SimulateGlobalError (when `nodes` are given), which fails on purpose: then only its place is wrong.
 */
function failedOnTheWay(trace: TraceEntry[], at: number, to: Activity | undefined, step: number, from = trace[at]?.activity, nodes?: MissionNodes): { hint: string } | Record<string, never> {
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

/**
 * Whether `entry` is the mission's SimulateGlobalError running in the main flow (`nodes` given: the
 * callers that leave them out never make this exception). It fails on purpose (Build step 6): where
 * it fails, only its place can be wrong, never its settings; each caller says so in its own words.
 */
function isSimulateError(entry: TraceEntry, nodes: MissionNodes | undefined): boolean {
  return entry.flow === 'main' && nodes?.simulateError !== undefined && entry.activity === nodes.simulateError.label;
}

/** What happened after entry `at`: the next activity, or how the run ended. */
function afterwards(trace: TraceEntry[], at: number, summary: string, nodes?: MissionNodes): string {
  const next = trace[at + 1];
  if (!next) return plainSummary(summary);
  if (next.outcome !== 'error' || !next.error) return `it went on to ${next.activity}`;
  // SimulateGlobalError put too early fails as it should: its parse error would read as a fault to mend.
  if (isSimulateError(next, nodes)) {
    return `it went on to ${next.activity}, which raises the global error on purpose, so nothing after it runs`;
  }
  // An activity that failed there is why the call left the path (a Set Variable raising the global error early).
  return `it went on to ${next.activity}, which failed: ${next.error}`;
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

function around(trace: TraceEntry[], at: number): TraceEntry[] {
  return trace.slice(Math.max(0, at), at + 3);
}

function tail(trace: TraceEntry[]): TraceEntry[] {
  return trace.slice(-3);
}

/** The error text of a WxCC API error answer (`{error: {message: [{description}]}}`), else the clipped body (MockAPI answers "Not found"). */
function apiMessage(body: string): string {
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
function wholeBody(request: string, body: string): string {
  const characters = [...body];
  if (characters.length === 0) return `the whole response body of ${request} (empty)`;
  if (characters.length <= 40) return `the whole response body of ${request}: ${body}`;
  return `the whole response body of ${request} (${characters.length} characters, starting ${characters.slice(0, 30).join('')}…)`;
}
