/**
 * Finding the mission's activities. Labels are what the guide names, but an attendee's flow may
 * differ in small ways, so each activity is found by, in order:
 *   1. its exact label (the guide's, or the older guide's where lab-context §2.6 lists one);
 *   2. the same label in another case (`get_cbid`);
 *   3. its role in the flow (e.g. GET_CBID = the HTTP Request reached from WantCallback option 3,
 *      not one that logs to webhook.site nor one to another WxCC API; SetGetResult = the Set Variable writing getresult), one
 *      the call reaches first; for SetGetResult and SimulateGlobalError, when no Set Variable writes
 *      their variable either, the Set Variable the exit of GET_CBID (of SetGetResult) leads straight to,
 *      one not filled in yet, never the other of the two (labelled so, or writing its variable).
 *      End Flow and Disconnect Contact are always found by type, never by label (template labels
 *      carry random suffixes).
 * An activity found by label that the call cannot reach (in the Event Flows: that OnGlobalError
 * does not lead to), beside one in its role that it reaches, is a leftover (a step built again, the
 * old activity left on the canvas: Validate only recommends removing it, so the flow publishes):
 * the reached one is judged, as the caller meets it.
 * The checks then judge the activity found, and name it by its real label.
 */
import { reachableFrom } from '../../../engine/graph.js';
import type { Activity, FlowGraph, FlowModel } from '../../../engine/model.js';
import { exitLeadsTo, exitReaches, exitTarget, leadingTo } from './graph.js';
import { isAuthenticated, methodOf, parseRowsOf, requestBodyOf, requestPathOf, requestUrlOf } from './http.js';
import { GLOBAL_ERROR, LABELS, VARIABLES } from './names.js';
import { writes } from './set-variable.js';
import { namesRead } from './templates.js';
import { exitName } from '../../../engine/activity-types.js';
import { isWebhookSiteHost } from '../../../mocks/webhook-site.js';
import { caseExitLabel } from '../../../engine/simulator/activities/logic.js';

export interface MissionNodes {
  wantCallback?: Activity;
  getCbid?: Activity;
  setGetResult?: Activity;
  simulateError?: Activity;
  /** The OnGlobalError event node (export name GlobalErrorHandling). */
  globalError?: Activity;
  callbackApi?: Activity;
  statusCondition?: Activity;
  /** The ANI variable's name: `customani`, or `customANI` when the flow uses the older spelling everywhere. */
  aniVariable: string;
  /** Those found only by their place after the activity before them (a Set Variable not filled in yet, `SetVariable_r2d`). */
  byPlace: ReadonlySet<'setGetResult' | 'simulateError'>;
}

/** An activity by label: exact first (in the order given), then ignoring case when only one matches. */
function findByLabel(graph: FlowGraph, labels: readonly string[]): Activity | undefined {
  for (const label of labels) {
    const exact = graph.activities.find((a) => a.label === label);
    if (exact) return exact;
  }
  for (const label of labels) {
    const loose = graph.activities.filter((a) => a.label.toLowerCase() === label.toLowerCase());
    if (loose.length === 1) return loose[0];
  }
  return undefined;
}

/** `labelled`, unless the call cannot reach it while it reaches `inRole` (see above). */
function reachedFirst(labelled: Activity | undefined, inRole: Activity | undefined, reached = (a: Activity) => a.reachable): Activity | undefined {
  return labelled && !reached(labelled) && inRole && reached(inRole) ? inRole : (labelled ?? inRole);
}

const cache = new WeakMap<FlowModel, MissionNodes>();

/** The mission's activities in this flow (computed once per model). */
export function missionNodes(model: FlowModel): MissionNodes {
  let nodes = cache.get(model);
  if (!nodes) {
    nodes = locate(model);
    cache.set(model, nodes);
  }
  return nodes;
}

function locate(model: FlowModel): MissionNodes {
  const { main, events } = model;
  const ofType = (graph: FlowGraph, type: string) => graph.activities.filter((a) => a.type === type);

  const menus = ofType(main, 'ivr-menu').filter((a) => menuDescriptions(a).some((d) => /call\s*back/i.test(d)));
  const wantCallback = reachedFirst(findByLabel(main, [LABELS.wantCallback]), menus.find((a) => a.reachable) ?? menus[0]);

  const dynvarsRequests = ofType(main, 'http-request-v2').filter((a) => /dynvars/i.test(requestUrlOf(a)));
  const getCbid = reachedFirst(
    findByLabel(main, [LABELS.getCbid]),
    (wantCallback ? exitReaches(main, wantCallback, '3', isMissionRequest) : undefined) ?? dynvarsRequests.find((a) => a.reachable) ?? dynvarsRequests[0],
  );

  // One Set Variable setting both getresult and simulatederror is not both activities: the one its label
  // names it (else SetGetResult), and the other is missing. Unlabelled, one that sets only its own
  // variable comes first, whatever the order of the export's activities.
  const writerOf = (variable: string, other: string, not?: Activity) => {
    const writers = main.activities.filter((a) => a !== not && writes(a, variable));
    const only = writers.filter((a) => !writes(a, other));
    return only.find((a) => a.reachable) ?? writers.find((a) => a.reachable) ?? only[0] ?? writers[0];
  };
  const setGetResultByLabel = findByLabel(main, [LABELS.setGetResult]);
  const simulateErrorByLabel = findByLabel(main, [LABELS.simulateError]);
  // None labelled or writing its variable (a Set Variable as Flow Designer adds it, `SetVariable_r2d`, not
  // filled in yet): the one the exit before it leads straight to, as Build steps 5 and 6 connect them,
  // unless it is the other activity (labelled so, or writing the other's variable: SimulateGlobalError put
  // too early is not SetGetResult).
  const byPlace = new Set<'setGetResult' | 'simulateError'>();
  const placed = (node: 'setGetResult' | 'simulateError', activity: Activity | undefined) => {
    if (activity) byPlace.add(node);
    return activity;
  };
  const setGetResult =
    reachedFirst(setGetResultByLabel, writerOf(VARIABLES.getresult, VARIABLES.simulatederror, simulateErrorByLabel)) ??
    placed('setGetResult', setVariableAfter(main, getCbid, 'default', (a) => a !== simulateErrorByLabel && !writes(a, VARIABLES.simulatederror)));
  const simulateError =
    reachedFirst(simulateErrorByLabel, writerOf(VARIABLES.simulatederror, VARIABLES.getresult, setGetResult)) ??
    placed('simulateError', setVariableAfter(main, setGetResult, 'out', (a) => a !== setGetResult && !writes(a, VARIABLES.getresult)));

  const globalError = events.activities.find(
    (a) => a.type === 'event' && (a.event?.name === GLOBAL_ERROR.name || a.event?.display === GLOBAL_ERROR.display),
  );
  const fromGlobalError = globalError ? reachableFrom(events, [globalError.id]) : [];
  // In the Event Flows, what OnGlobalError reaches (a leftover may hang from another event handler).
  const afterGlobalError = (a: Activity) => fromGlobalError.includes(a);

  const callbackApi = reachedFirst(
    findByLabel(events, [LABELS.callbackApi, LABELS.callbackApiOld]),
    fromGlobalError.find(isMissionRequest) ?? ofType(events, 'http-request-v2').find(callsTasksApi),
    afterGlobalError,
  );

  // A Condition the request comes after (a guard going on only when there is a callback number) does
  // not test its answer, unless the request leads back to it (its False exit retrying the request).
  const afterRequest = new Set(callbackApi ? reachableFrom(events, [callbackApi.id]) : []);
  const toRequest = callbackApi ? leadingTo(events, callbackApi) : new Set<Activity>();
  const guardsRequest = (a: Activity) => toRequest.has(a) && !afterRequest.has(a);
  const statusCondition = reachedFirst(
    findByLabel(events, [LABELS.statusCondition]),
    (callbackApi ? exitReaches(events, callbackApi, 'default', (a) => a.type === 'condition-activity') : undefined) ??
      fromGlobalError.find((a) => a.type === 'condition-activity' && !guardsRequest(a)),
    afterGlobalError,
  );

  return {
    wantCallback,
    getCbid,
    setGetResult,
    simulateError,
    globalError,
    callbackApi,
    statusCondition,
    aniVariable: aniVariableOf(model, getCbid, callbackApi),
    byPlace,
  };
}

/**
 * The Set Variable that `exit` of `from` leads straight to, when `may` lets it be the activity looked for
 * by its place in the flow; undefined when that exit is open or leads to another type of activity.
 */
function setVariableAfter(graph: FlowGraph, from: Activity | undefined, exit: string, may: (a: Activity) => boolean): Activity | undefined {
  const next = from && exitTarget(graph, from, exit);
  return next?.type === 'set-variable' && may(next) ? next : undefined;
}

/**
 * `customANI` (the January 2025 guide) is accepted only when it is declared and nothing in the
 * flow declares or uses `customani`: the declarations, GET_CBID's parse rows and the Create Task
 * body agree.
 */
function aniVariableOf(model: FlowModel, getCbid: Activity | undefined, callbackApi: Activity | undefined): string {
  const declared = new Set<string>(model.variables.map((v) => v.name));
  const used = new Set<string>();
  if (getCbid) for (const row of parseRowsOf(getCbid)) used.add(row.variable);
  if (callbackApi) for (const name of namesRead(requestBodyOf(callbackApi))) used.add(name);
  if (!declared.has(VARIABLES.customaniOld)) return VARIABLES.customani;
  // The spelling the parse rows and the body use (a leftover customani declared beside a flow
  // that uses customANI throughout does not matter); when they use neither, the one declared.
  if (used.has(VARIABLES.customani)) return VARIABLES.customani;
  if (used.has(VARIABLES.customaniOld)) return VARIABLES.customaniOld;
  return declared.has(VARIABLES.customani) ? VARIABLES.customani : VARIABLES.customaniOld;
}

/**
 * Whether following `exit` of `from` leads to `to` on `graph` (exitLeadsTo) at run time: never
 * through the mission's SimulateGlobalError (unless it is one of the two ends), which fails on
 * purpose (Build step 6), so its exit never runs and a way through it leads nowhere (the simulated
 * call stops there) — whatever its value: one that does not fail is simulate-error-value-fails'
 * mistake, not a way. `through`: that SimulateGlobalError, when a way through it is the only one.
 */
export function leadsAtRunTime(model: FlowModel, graph: FlowGraph, from: Activity, exit: string, to: Activity): { leads: boolean; through?: Activity } {
  const simulate = missionNodes(model).simulateError;
  if (!simulate || simulate.id === from.id || simulate.id === to.id) return { leads: exitLeadsTo(graph, from, exit, to) };
  if (exitLeadsTo(graph, from, exit, to, new Set([simulate.id]))) return { leads: true };
  return { leads: false, ...(exitLeadsTo(graph, from, exit, to) ? { through: simulate } : {}) };
}

/** `GET_CBID leads to SetGetResult only through SimulateGlobalError, which fails on purpose …`: why a way on the canvas does not count. */
export function onlyThrough(from: string, to: string, simulate: Activity): string {
  return `${from} leads to ${to} only through ${simulate.label}, which fails on purpose (Build step 6), so nothing after it runs`;
}

/**
 * An HTTP Request that creates a task: POST (or no method chosen yet) to the Create Task resource,
 * `/v1/tasks` in its Request Path or URL, also without the leading `/` (Flow Designer joins the
 * path to the connector address). `GET /v1/tasks/{id}` reads a task: not this.
 */
export function callsTasksApi(activity: Activity | undefined): boolean {
  if (activity?.type !== 'http-request-v2') return false;
  const method = methodOf(activity);
  if (method !== '' && method !== 'POST') return false;
  return [requestPathOf(activity), requestUrlOf(activity)].some((text) => /(?:^|\/)v1\/tasks\/?(?:[?#]|$)/i.test(text.trim()));
}

/**
 * An HTTP Request that may be one of the mission's, found by its role: not one that logs to
 * webhook.site (an unauthenticated request to a webhook.site URL, as the lab's Core Mission 3
 * taught), which an attendee may put on the way and the mocks answer (mocks/webhook-site.ts), nor
 * one that calls another API of WxCC (callsOtherWxccApi): another mission's, kept in the same flow.
 */
function isMissionRequest(activity: Activity): boolean {
  return activity.type === 'http-request-v2' && !logsToWebhookSite(activity) && !callsOtherWxccApi(activity);
}

/**
 * An authenticated request whose Request Path is another API of WxCC than Create Task: the Search
 * API (`/search`: Callback Mission 4's search for a callback already scheduled, between VerifyNumber
 * option 1 and the Callback, and API Missions 3 and 4) or a configuration API (`/organization/…`:
 * API Mission 1). Never a try at GET_CBID or at the Create Task request.
 */
function callsOtherWxccApi(activity: Activity): boolean {
  return isAuthenticated(activity) && /^\/*(?:search(?:[/?#]|$)|organization\/)/i.test(requestPathOf(activity).trim());
}

function logsToWebhookSite(activity: Activity): boolean {
  if (isAuthenticated(activity)) return false;
  try {
    return isWebhookSiteHost(new URL(requestUrlOf(activity)).hostname);
  } catch {
    return false;
  }
}

/** A menu's option descriptions (Custom Menu Links), parallel to its `menuLinks` keys. */
export function menuDescriptions(menu: Activity): string[] {
  const raw = menu.ui['menuLinks:input'] ?? menu.props.menuLinks_input;
  return Array.isArray(raw) ? raw.map((d) => (typeof d === 'string' ? d : '')) : [];
}

/**
 * The exit a trace entry of `activity` left by, in the canvas's words: a Case's key is its case
 * label (`its case "201"`, its `default` is Default); others as exitName gives them.
 */
export function exitTakenName(activity: Activity | undefined, exit: string): string {
  const label = activity && caseExitLabel(activity, exit);
  if (label === undefined) return exitName(exit);
  return exit === 'default' ? label : `its case "${label}"`;
}

/**
 * The cause `want-callback-option3` reports when the menu has no option 3: the checks that need
 * that option (its connection, the simulated call pressing 3) share it and point there.
 */
export const NO_OPTION3_CAUSE = 'WantCallback has no option 3';

/** End Flow and Disconnect Contact are recognised by type: their labels carry random suffixes (`EndFlow_kid`). */
export function isEndFlow(activity: Activity): boolean {
  return activity.type === 'end';
}

export function isDisconnect(activity: Activity): boolean {
  return activity.type === 'disconnect-contact';
}
