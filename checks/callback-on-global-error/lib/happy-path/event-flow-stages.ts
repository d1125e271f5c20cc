/**
 * The happy path's stages in Event Flows, after the global error: OnGlobalError's way to
 * CallBackAPI_HTTPRequest, the one callback task it creates with the record's values, and
 * HTTPStatusCode leaving by True on the 201 (Testing step 10). Each finder gives the deviation it
 * finds, or where in the trace its activity ran.
 */
import type { CheckContext } from '../../../../engine/check.js';
import { activityById } from '../../../../engine/graph.js';
import type { Activity } from '../../../../engine/model.js';
import type { TraceEntry } from '../../../../engine/trace.js';
import { clipWithDots } from '../../../../engine/clip.js';
import { requestConnectionHint } from '../graph.js';
import { exitTakenName } from '../find.js';
import { changedVariableHint, HINTS, renameGetCbidHint, statusExpressionHint } from '../hints.js';
import { LABELS, VARIABLES } from '../names.js';
import { causeIfMissing, causeIfOtherType } from '../nodes.js';
import { show } from '../templates.js';
import { choosesByExpression, goesOnPutRight, leftTheWayAt } from '../guard.js';
import { failedTaskRequestHint, taskRequestHint } from './request-hints.js';
import { deviate, type Deviation, type HappyRun } from './stages.js';
import { createdTask, extraTasksHint, whereCreated } from './tasks.js';
import { afterwards, apiMessage, around, changedAfter, failureInSummary, indexOf, outputsOf, QUOTED, type ChangedVariable } from './trace-excerpts.js';
import { connectionHint, failedOnTheWay, misconnected } from './way-hints.js';
import statusConditionAfterCallbackApi from '../../status-condition-after-callback-api.js';

/**
 * Stage 5, the way there — the handler, run after the error raised at `simAt`, runs
 * CallBackAPI_HTTPRequest (where it ran). Nothing here reads GET_CBID's variables (a guard on the
 * way that does is deviationsOf's to weigh: blamedForGuard).
 */
export function callbackApiReached(happy: HappyRun, ctx: CheckContext, simAt: number): Deviation | number {
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
    const after = back ? { told: `it went back to ${back.activity}, in a loop` } : afterwards(trace, fromAt, summary);
    const told = `${through.length > 0 ? `after ${through.join(', ')}, ` : ''}${after.told}`;
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
      ...causeIfMissing(nodes, 'callbackApi', ctx.model),
      unreached: true,
      failedVariable: after.failedVariable,
    });
  }
  return apiAt;
}

/**
 * The call left OnGlobalError's way to the Create Task request at a Condition or Case with another
 * exit that goes on there (a guard the guide does not have, HasNumber: True → the request, False →
 * EndFlow): its expression sent the call away, so the fix is the expression, or the guard taken out,
 * not a connection to drag — or GET_CBID's label, when the guard reads it and the request kept another
 * (relabelledGetCbidHint). Unless it is HTTPStatusCode connected before the request (ranTooEarly).
 * Undefined elsewhere (and where the guard failed: failedOnTheWay tells it).
 */
function turnedAwayByAGuard(happy: HappyRun, ctx: CheckContext, simAt: number): Deviation | undefined {
  const { trace, nodes } = happy;
  const request = nodes.callbackApi;
  if (!request) return undefined;
  const graph = ctx.model.events;
  const leftAt = leftTheWayAt(trace, simAt + 1, graph, request);
  const entry = trace[leftAt];
  const guard = entry && entry.outcome !== 'error' ? activityById(graph, entry.activityId) : undefined;
  // (One the call got to on the way has another exit that goes on to the request: the way ran through
  // it. The way leaves OnGlobalError's own node, no Condition, where none does.)
  if (!guard || !choosesByExpression(guard)) return undefined;
  const exit = exitTakenName(guard, entry.outcome);
  const expression = typeof guard.props.expression === 'string' ? ` ${clipWithDots(guard.props.expression.trim(), QUOTED)}` : '';
  const after = afterwards(trace, leftAt, happy.run.result.summary);
  if (guard.id === nodes.statusCondition?.id && ranTooEarly(ctx)) {
    return deviate('task', `Not judged: on the simulated call ${guard.label} ran before ${request.label}, not on its answer, and left by ${exit}: ${after.told}`, trace.slice(simAt, leftAt + 2), {
      activity: guard,
      unreached: true,
      reportedBy: statusConditionAfterCallbackApi.id,
    });
  }
  return deviate('task', `OnGlobalError ran, but ${request.label} never did (${guard.label} left by ${exit}: ${after.told})`, trace.slice(simAt, leftAt + 2), {
    activity: guard,
    hint:
      relabelledGetCbidHint(happy, ctx, simAt, leftAt, guard) ??
      `Event Flows → ${guard.label} → Expression${expression}: on the simulated call it leaves by ${exit}, away from ${request.label}. Correct it, or delete ${guard.label} and connect OnGlobalError straight to ${request.label}, as the guide does (Build step 8).`,
    unreached: true,
    failedVariable: after.failedVariable,
  });
}

/**
 * Whether HTTPStatusCode is not after the Create Task request, as status-condition-after-callback-api
 * fails it, when the call met it on the way there (OnGlobalError → HTTPStatusCode → the request): it
 * then tests an answer not yet given, and leaves by False with the guide's own Expression. Its place is
 * the fix, which that check gives (the connections that swap the two), not the Expression, nor
 * HTTPStatusCode deleted, which would undo Build step 9: the stages it turns away or runs too early are
 * not judged, naming that check. (After the request too, in a loop, that check passes: judged as any guard.)
 */
function ranTooEarly(ctx: CheckContext): boolean {
  return statusConditionAfterCallbackApi.run(ctx).status === 'failed';
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
 * GET_CBID, run at `getAt`, filled the variables the body reads: one that an activity set again
 * before the request (a Set Variable logging into customani) is what to change when the API refused
 * the body or the task got other values, not the body.
 */
export function taskCreated(happy: HappyRun, getAt: number, simAt: number, apiAt: number): Deviation | number {
  const { trace, nodes } = happy;
  const changed = changedAfter(trace, getAt, apiAt, [VARIABLES.outdialcbid, nodes.aniVariable]);
  const record = happy.record!; // stage 2 found it
  const request = nodes.callbackApi!; // callbackApiReached found it run at apiAt
  const handlerAt = simAt + 1;
  const api = trace[apiAt];
  // (A failed entry always has its error.)
  if (api.outcome === 'error') return deviate('task', `${api.activity} failed: ${api.error}`, [api], { activity: request, ...failedTaskRequestHint(request, api), failedVariable: api.failedVariable });
  const tasks = happy.run.tasks;
  // Counted over the whole call: a Create Task request in the main flow creates one before OnGlobalError runs.
  const creators = trace.filter((entry) => createdTask(entry, tasks));
  if (!creators.includes(api)) {
    // (A request that got no answer failed, above: this one's status is a number.)
    const answer = api.http ? `the Tasks API answered ${api.http.status}${api.http.responseBody ? `: ${apiMessage(api.http.responseBody)}` : ''}` : 'no request was sent';
    // A task created elsewhere (a copy of the request in the main flow) is not the callback of the global error.
    const elsewhere = creators.length > 0 ? ` (${whereCreated(creators)} created ${tasks.length === 1 ? 'the one task' : `the ${tasks.length} tasks`})` : '';
    // A body the API refused (400) for a value set again after GET_CBID: that activity is what to change.
    const refusedFor = api.http?.status === 400 ? changed[0] : undefined;
    const requestHint = refusedFor ? changedHint(refusedFor, trace[getAt]) : api.http ? taskRequestHint(api.http).hint : undefined;
    const hints = [requestHint, creators.length > 0 ? extraTasksHint(creators, api) : undefined].filter((hint) => hint);
    const because = refusedFor ? ` (${changedTold(refusedFor, trace[getAt])})` : '';
    return deviate('task', creators.length > 0 ? `${api.activity} created no callback task: ${answer}${because}${elsewhere}` : `No callback task was created: ${answer}${because}`, [...creators, ...(refusedFor ? [refusedFor.entry] : []), api], {
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
    // GET_CBID filled the variables right (stage 2): the body reads them wrong, or an activity set one again since.
    const setAgain = changed[0];
    const because = setAgain ? `: ${changedTold(setAgain, trace[getAt])}` : '';
    return deviate('task', `The task was created with ${actual} (expected ${badFields.map(([k, v]) => `${k} = ${show(v)}`).join(', ')})${because}`, setAgain ? [setAgain.entry, api] : [api], {
      expected: fields.map(([k, v]) => `${k} = ${show(v)}`).join(', '),
      actual,
      activity: nodes.callbackApi,
      hint: setAgain ? changedHint(setAgain, trace[getAt]) : HINTS.callbackApiBody,
    });
  }
  return apiAt;
}

/** What the message says of a variable set again after GET_CBID (run at `get`) filled it. */
function changedTold(changed: ChangedVariable, get: TraceEntry): string {
  return `${changed.entry.activity} set ${changed.name} to ${clipWithDots(show(changed.value), QUOTED)} after ${get.activity} filled it`;
}

function changedHint(changed: ChangedVariable, get: TraceEntry): string {
  return changedVariableHint(changed.entry.activity, changed.name, get.activity);
}

/** Stage 6 — Testing step 10: after the request (at `apiAt`), HTTPStatusCode leaves by True, and the event flow ends. */
export function statusTrueOn201(happy: HappyRun, ctx: CheckContext, apiAt: number): Deviation | null {
  const { trace, nodes } = happy;
  const summary = happy.run.result.summary;
  const api = trace[apiAt];
  const condAt = nodes.statusCondition ? indexOf(trace, nodes.statusCondition, apiAt + 1) : -1;
  if (condAt < 0) {
    // Not after the request, but run (before it: OnGlobalError → HTTPStatusCode, its False exit on to the request): it tested no answer.
    if (nodes.statusCondition && indexOf(trace, nodes.statusCondition, 0) >= 0 && ranTooEarly(ctx)) {
      return deviate('status-true', `Not judged: on the simulated call ${nodes.statusCondition.label} ran before ${api.activity}, not on its answer; after ${api.activity} ${afterwards(trace, apiAt, summary).told}`, around(trace, apiAt), {
        activity: nodes.statusCondition,
        unreached: true,
        reportedBy: statusConditionAfterCallbackApi.id,
      });
    }
    const wrongConnection = misconnected(ctx.model.events, nodes.callbackApi, 'default', nodes.statusCondition);
    const after = wrongConnection === undefined ? afterwards(trace, apiAt, summary) : { told: wrongConnection };
    return deviate('status-true', `After ${api.activity} the event flow never reached ${nodes.statusCondition?.label ?? LABELS.statusCondition} (${after.told})`, around(trace, apiAt), {
      activity: nodes.callbackApi,
      ...causeIfMissing(nodes, 'statusCondition', ctx.model),
      ...failedOnTheWay(trace, apiAt, nodes.statusCondition, 9),
      ...connectionHint(ctx.model.events, nodes.callbackApi, 'default', nodes.statusCondition, 9),
      unreached: true,
      failedVariable: after.failedVariable,
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
      failedVariable: cond.failedVariable,
    });
  }
  if (happy.run.result.status !== 'completed') {
    return deviate('status-true', `The event flow did not end after ${cond.activity}: ${summary}`, trace.slice(condAt), {
      activity: nodes.statusCondition,
      unreached: true,
      failedVariable: failureInSummary(trace)?.failedVariable,
      // The Expression is right (True was taken): the way on from True is not.
      hint: `${cond.activity} → connect the True exit to EndFlow, so that the event flow ends (Build step 9).`,
    });
  }
  return null;
}
