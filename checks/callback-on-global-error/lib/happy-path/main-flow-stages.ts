/**
 * The happy path's stages in the main flow, Testing steps 5–9: option 3 reaches GET_CBID, GET_CBID
 * fills outdialcbid and customani, SetGetResult stores its response in getresult, and
 * SimulateGlobalError raises the global error. Each finder gives the deviation it finds, or where in
 * the trace its activity ran, from which the next stage reads on (index.ts deviationsOf).
 */
import type { CheckContext } from '../../../../engine/check.js';
import type { FlowModel } from '../../../../engine/model.js';
import type { TraceEntry } from '../../../../engine/trace.js';
import { exitName, menuKeys } from '../../../../engine/activity-types.js';
import { clipWithDots } from '../../../../engine/clip.js';
import { exitShown } from '../graph.js';
import { option3HoldsHint } from '../menu-options.js';
import { NO_OPTION3_CAUSE, type MissionNodes } from '../find.js';
import { HINTS, renameGetCbidHint } from '../hints.js';
import { GLOBAL_ERROR, LABELS, VARIABLES } from '../names.js';
import { causeIfMissing } from '../nodes.js';
import type { ExpectedRecord } from '../record.js';
import { namesRead, show, startLabelOf } from '../templates.js';
import { declaredSpelling, notStringCause, setTypeHint, undeclaredCause } from '../variables.js';
import { convertToType } from '../../../../engine/simulator/variables.js';
import { NO_VARIABLE_SELECTED } from '../../../../engine/simulator/activities/logic.js';
import simulateErrorValueFails from '../../simulate-error-value-fails.js';
import { parseRowsFail } from '../../../../engine/simulator/parse-settings.js';
import { changePathsHint } from '../parse-paths.js';
import { dynVarsRequestHint, failedRequestHint } from './request-hints.js';
import { AFTER_GET_CBID, AFTER_GETRESULT, AFTER_GLOBAL_ERROR, deviate, NOT_READING_GET_CBID, type Deviation, type HappyRun, type Stage } from './stages.js';
import { afterwards, apiMessage, around, changedAfter, failureInSummary, indexOf, outputsOf, QUOTED, tail, wholeBody } from './trace-excerpts.js';
import { connectionHint, failedBeforeMenuHint, failedOnTheWay, misconnected, wayToMenuHint } from './way-hints.js';

/** Stage 1 — Testing step 5: the call leaves WantCallback by option 3 and continues through GET_CBID (where it ran). */
export function option3ReachesGetCbid(happy: HappyRun, ctx: CheckContext): Deviation | number {
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
        failedVariable: raised.failedVariable,
      });
    }
    return deviate('reach-get-cbid', `The simulated call never reached ${menu} (${summary})`, tail(trace), {
      failedVariable: failureInSummary(trace)?.failedVariable,
      ...causeIfMissing(nodes, 'wantCallback', ctx.model),
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
    return deviate('reach-get-cbid', 'There is no HTTP Request GET_CBID for option 3 to reach', around(trace, option3At), causeIfMissing(nodes, 'getCbid', ctx.model));
  }
  const getAt = indexOf(trace, nodes.getCbid, option3At);
  if (getAt < 0) {
    // Option 3 holding where option 1 or 2 belongs, that option open: the static checks' sequence of edits.
    const holds = nodes.wantCallback && option3HoldsHint(ctx.model.main, nodes.wantCallback, nodes.getCbid);
    const after = afterwards(trace, option3At, summary, nodes);
    return deviate('reach-get-cbid', `After option 3 the call never reached ${nodes.getCbid.label} (${after.told})`, around(trace, option3At), {
      expected: `${trace[option3At].activity} option 3 → ${nodes.getCbid.label}`,
      actual: after.told,
      failedVariable: after.failedVariable,
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
export function getCbidFillsVariables(happy: HappyRun, ctx: CheckContext, getAt: number): Deviation | undefined {
  const { trace, nodes, record } = happy;
  const get = trace[getAt];
  if (get.outcome === 'error') {
    // (A failed entry always has its error.)
    return deviate('get-cbid-variables', `${get.activity} failed: ${get.error}`, [get, ...trace.slice(getAt + 1, getAt + 2)], {
      activity: nodes.getCbid,
      ...failedRequestHint(get, nodes.getCbid, ctx.settings.dnis),
      failedVariable: get.failedVariable,
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
    const renamed = filledUnderAnotherName(ctx, nodes, get, wrong, record);
    if (renamed) return renamed;
    const actual = wrong.map(([name]) => `${name} = ${show(get.modifiedVariables[name] ?? '')}`).join(', ');
    // Stopped there (parsing flowgrade does not simulate): nothing was parsed, and the message says why.
    const stopped = get.outcome === 'not-simulated' ? `; the simulated call stopped at ${get.activity}, before parsing: ${get.error}` : '';
    return deviate('get-cbid-variables', `After ${get.activity}, ${actual} (expected ${wrong.map(([n, v]) => `${n} = ${show(v)}`).join(', ')}, from ${record.source})${stopped}`, [get], {
      expected: wanted.map(([n, v]) => `${n} = ${show(v)}`).join(', '),
      actual,
      activity: nodes.getCbid,
      // A variable of another type than String changed the value (`+14085267209` kept as a number);
      // else the parsing. (An answer of no record is not a 200 here: MockAPI answers a filter that
      // matches nothing with 404 "Not found", reported above, and `[]` only for a dataset without
      // records, when there is no record to expect: docs/mocks.md.) Rows all there but reading other
      // paths: which Path Expressions to change, as get-cbid-parse-paths says.
      ...(notStringVariable(ctx, wrong.map(([name]) => [name, get.modifiedVariables[name]] as const)) ??
        undeclaredVariable(ctx, wrong.map(([name]) => name), Object.keys(get.modifiedVariables)) ?? { hint: (nodes.getCbid && changePathsHint(ctx, nodes.getCbid)) || HINTS.getCbidParsing }),
      ...sparedUnfilled(ctx, nodes, record, get),
    });
  }
  return undefined;
}

/**
 * GET_CBID filled the record's values right but for their names: each variable that did not get its
 * value is declared in another spelling (`CustomAni`), which its parse row writes and which holds the
 * value, and nothing in the flow reads the guide's spelling (not the Create Task body, nor a Set
 * Variable passing the value on to it). The call works as built: the name is the Build step 2
 * check's to report (the cause), and the later stages are judged on what the call did, not skipped
 * as if it had gone wrong.
 */
function filledUnderAnotherName(ctx: CheckContext, nodes: MissionNodes, get: TraceEntry, wrong: readonly (readonly [string, string])[], record: ExpectedRecord): Deviation | undefined {
  const renamed = wrong.map(([name, value]) => ({ name, value, declared: declaredSpelling(ctx.model, name) }));
  if (renamed.some(({ name, value, declared }) => declared === name || get.modifiedVariables[declared] !== value)) return undefined;
  if (renamed.some(({ name }) => readInTheFlow(ctx.model, name))) return undefined;
  const actual = renamed.map(({ declared, value }) => `${declared} = ${show(value)}`).join(', ');
  const spellings = renamed.map(({ name, declared }) => `${declared} for ${name}`).join(', ');
  return deviate('get-cbid-variables', `After ${get.activity}, ${actual}, from ${record.source}: the record's values, in the spelling declared (${spellings})`, [get], {
    expected: renamed.map(({ name, value }) => `${name} = ${show(value)}`).join(', '),
    actual,
    activity: nodes.getCbid,
    cause: undeclaredCause(renamed[0]!.name),
    spares: AFTER_GET_CBID,
  });
}

/** Whether an activity of the flow reads the variable `name`: in a template of any of its settings, or as a Set To Variable's bare name. */
function readInTheFlow(model: FlowModel, name: string): boolean {
  const reads = (value: unknown, depth: number): boolean => {
    if (typeof value === 'string') return value.trim() === name || (value.includes('{') && namesRead(value).some((read) => read.split('.')[0] === name));
    if (depth === 0 || typeof value !== 'object' || value === null) return false;
    return Object.values(value).some((item) => reads(item, depth - 1));
  };
  return [...model.main.activities, ...model.events.activities].some((activity) => reads(activity.props, 3));
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
export function setGetResultRan(happy: HappyRun, ctx: CheckContext, getAt: number): Deviation | number {
  const { trace, nodes } = happy;
  const get = trace[getAt];
  const setAt = nodes.setGetResult ? indexOf(trace, nodes.setGetResult, getAt + 1) : -1;
  if (setAt < 0) return neverReachedAfter(happy, ctx, 'getresult', getAt, { from: 'getCbid', exit: 'default', to: 'setGetResult', step: 5 });
  const set = trace[setAt];
  // (A failed entry always has its error.) Reached, so connected: what is left to change is SetGetResult's settings (Build step 5), not the connection the check's own hint names too.
  if (set.outcome === 'error') return deviate('getresult', `${set.activity} failed: ${set.error}`, [get, set, ...trace.slice(setAt + 1, setAt + 2)], { activity: nodes.setGetResult, hint: HINTS.setGetResultRan, failedVariable: set.failedVariable });
  return setAt;
}

/**
 * Stage 3, the value — Testing step 7: SetGetResult wrote the full response of GET_CBID into getresult
 * (nothing later reads it). What getresult should hold for a guard after it (blamedForGuard) is
 * `answer` when given (the body of the request for the record, GET_CBID's answer being another), else
 * the response GET_CBID got: as text when the variable's type is why it holds something else.
 */
export function getresultHoldsBody(happy: HappyRun, ctx: CheckContext, getAt: number, setAt: number, answer?: string): Deviation | undefined {
  const { trace, nodes } = happy;
  const get = trace[getAt];
  const set = trace[setAt];
  const body = get.http?.responseBody ?? '';
  if (set.modifiedVariables[VARIABLES.getresult] !== body) {
    const typed = notStringVariable(ctx, [[VARIABLES.getresult, set.modifiedVariables[VARIABLES.getresult]]]);
    // SetGetResult wrote into a variable GET_CBID filled (outdialcbid picked for getresult): the Create Task request reads it.
    const overwritten = changedAfter(trace, getAt, setAt + 1, [VARIABLES.outdialcbid, nodes.aniVariable]).filter((changed) => changed.entry === set);
    const instead = overwritten.length > 0 ? `; it set ${overwritten.map((changed) => changed.name).join(' and ')} instead, which ${get.activity} filled for the Create Task request` : '';
    const shouldHold = typed ? new Map([[VARIABLES.getresult, answer ?? body]]) : heldAs(ctx, [[VARIABLES.getresult, answer ?? body]]);
    for (const { name } of overwritten) shouldHold?.set(name, get.modifiedVariables[name]);
    const held = clipWithDots(show(set.modifiedVariables[VARIABLES.getresult] ?? ''), QUOTED);
    // The body itself, converted by the variable's declared type (JSON: the record as a list), is the body, not another value.
    const converted = typed ? bodyConverted(ctx, body, set.modifiedVariables[VARIABLES.getresult]) : undefined;
    // The body in the spelling declared for getresult (getResult), which SetGetResult wrote: right but for the name.
    const declared = declaredSpelling(ctx.model, VARIABLES.getresult);
    const renamed = declared !== VARIABLES.getresult && set.modifiedVariables[declared] === body;
    const message = converted
      ? `After ${set.activity}, getresult holds the response body of ${get.activity} converted to ${converted}, the variable's type, not as text: ${held}`
      : renamed
        ? `After ${set.activity}, ${declared} holds the response body of ${get.activity}: the body, in the spelling declared for getresult`
        : `After ${set.activity}, getresult = ${held}, not the response body of ${get.activity}${instead}`;
    return deviate('getresult', message, [get, set], {
      expected: wholeBody(get.activity, body),
      actual: show(set.modifiedVariables[VARIABLES.getresult] ?? ''),
      activity: nodes.setGetResult,
      hint: HINTS.setGetResultRan,
      // SetGetResult (it ran at setAt) reads GET_CBID, but the request kept another Activity Label: rename it.
      ...(get.activity !== LABELS.getCbid && JSON.stringify(nodes.setGetResult!.props).includes(`${LABELS.getCbid}.httpResponseBody`)
        ? { hint: renameGetCbidHint(get.activity, ctx.model) }
        : {}),
      ...(typed ?? undeclaredVariable(ctx, [VARIABLES.getresult], Object.keys(set.modifiedVariables))),
      // Nothing later reads getresult; the Create Task request reads a variable it wrote instead.
      spares: overwritten.length > 0 ? NOT_READING_GET_CBID : AFTER_GETRESULT,
      // Its type the mistake (JSON: the record as a list), it should hold the text, as the String the guide declares.
      shouldHold,
    });
  }
  return undefined;
}

/** The declared type of getresult (`JSON`) when `held` is `body` converted to it, else undefined. */
function bodyConverted(ctx: CheckContext, body: string, held: unknown): string | undefined {
  const converted = heldAs(ctx, [[VARIABLES.getresult, body]])?.get(VARIABLES.getresult);
  return converted !== undefined && show(converted) === show(held) ? ctx.model.variables.find((v) => v.name === VARIABLES.getresult)?.type : undefined;
}

/** Stage 4 — Testing steps 8–9: SimulateGlobalError ends in Error and GlobalErrorHandling runs next (where SimulateGlobalError ran). */
export function globalErrorRaised(happy: HappyRun, ctx: CheckContext, setAt: number): Deviation | number {
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
 * Stage 4, the error's cause — Testing steps 8–9: SimulateGlobalError (run at `simAt`, OnGlobalError
 * next) failed only at a row with no Variable selected yet (a Set Variable as Flow Designer adds it,
 * or with its Set Value typed before its Variable is picked), not on the value Build step 6 gives
 * simulatederror. The global error the Debug tool shows is not the one the step raises: the stage is
 * not judged, naming simulate-error-value-fails, which reports the activity not filled in (a pass
 * here would earn the step's points for an activity not filled in, and filling in its Variable, the
 * guide's next edit, would then lose them). OnGlobalError ran all the same: the later stages are judged
 * on what it did. Undefined when the error is the value's (or another row's, which that check judges).
 */
export function raisedUnfilled(happy: HappyRun, ctx: CheckContext, simAt: number): Deviation | undefined {
  const { trace, nodes } = happy;
  const sim = trace[simAt];
  // (A row before the empty one that failed would have stopped the activity there, with its own error.)
  if (sim.error !== NO_VARIABLE_SELECTED || simulateErrorValueFails.run(ctx).status !== 'failed') return undefined;
  return deviate('global-error', `Not judged: ${sim.activity} failed only because a row of it has no Variable selected yet, not on a value that fails to evaluate, as Build step 6 has it: the global error it raised is not the step's`, around(trace, simAt), {
    activity: nodes.simulateError,
    reportedBy: simulateErrorValueFails.id,
    spares: AFTER_GLOBAL_ERROR,
  });
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
  const wrongConnection = misconnected(ctx.model.main, from, hop.exit, to);
  // Connected before `from` (option 3 → SetGetResult → GET_CBID): it ran, too early.
  const ranBefore = to && trace.slice(0, at).some((entry) => entry.activityId === to.id) ? `${to.label} ran before ${trace[at].activity}; then ` : '';
  const after = wrongConnection === undefined ? afterwards(trace, at, happy.run.result.summary, nodes) : { told: wrongConnection };
  return deviate(stage, `After ${trace[at].activity} the call never reached ${to?.label ?? LABELS[hop.to]} (${wrongConnection === undefined ? ranBefore : ''}${after.told})`, around(trace, at), {
    activity: from,
    ...causeIfMissing(nodes, hop.to, ctx.model),
    ...failedOnTheWay(trace, at, to, hop.step, undefined, hop.to === 'simulateError' ? undefined : nodes),
    ...connectionHint(ctx.model.main, from, hop.exit, to, hop.step),
    unreached: true,
    failedVariable: after.failedVariable,
  });
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
