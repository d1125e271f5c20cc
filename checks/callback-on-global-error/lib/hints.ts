/**
 * What to change, for the settings several checks judge: each static check's own hint, and the
 * hint of a simulated call that went wrong because of that setting (lib/happy-path/).
 */
import type { FlowGraph, FlowModel } from '../../../engine/model.js';
import { missionNodes } from './find.js';
import { DYNVARS, LABELS, STATUS_EXPRESSION } from './names.js';
import { sameTemplate } from './templates.js';

export const HINTS = {
  /** The flow-name check's: another file than the flow the mission extends was exported. */
  exportMainFlow: 'Export the flow you extended: Flow Designer → Flows → Main_Flow_<Your_Attendee_ID> → Export. Do not rename it.',
  getCbidUnauthenticated: 'GET_CBID → Use Authenticated Endpoint: Off, then paste the full MockAPI address into Request URL.',
  getCbidMethod: 'GET_CBID → Method: GET.',
  getCbidUrl: `GET_CBID → Request URL: ${DYNVARS.url}`,
  getCbidParseJson: 'GET_CBID → Parsing Settings → Content Type: JSON (not "Select").',
  getCbidParsePaths: `GET_CBID → Parsing Settings: Output Variable outdialcbid, Path Expression ${DYNVARS.outdialcbidPath}; Add New → Output Variable customani, Path Expression ${DYNVARS.customaniPath}.`,
  /** Both at once, for a run whose variables stayed wrong or empty. */
  getCbidParsing: `GET_CBID → Parsing Settings: Content Type JSON; Output Variable outdialcbid, Path Expression ${DYNVARS.outdialcbidPath}; Add New → Output Variable customani, Path Expression ${DYNVARS.customaniPath}.`,
  setGetResultValue: 'SetGetResult → Variable: getresult; choose Set To Variable (not Set Value) and pick GET_CBID.httpResponseBody.',
  /** A call that reached SetGetResult (so it is connected) but did not leave the response in getresult: its settings. */
  setGetResultRan:
    'In the Debug tool, SetGetResult → Modified Variables must show getresult holding the whole GET_CBID response. SetGetResult → Variable: getresult; choose Set To Variable (not Set Value) and pick GET_CBID.httpResponseBody.',
  callbackApiAuthenticated: 'CallBackAPI_HTTPRequest → Use Authenticated Endpoint: On, Connector: WxCC_API.',
  callbackApiMethod: 'CallBackAPI_HTTPRequest → Method: POST.',
  callbackApiPath: 'CallBackAPI_HTTPRequest → Request Path: /v1/tasks.',
  callbackApiHeaders:
    'CallBackAPI_HTTPRequest → Request Headers: delete the rows you added (Build step 8 adds none: Content Type Application/JSON and the connector WxCC_API send the headers the Tasks API needs).',
  callbackApiQuery: 'CallBackAPI_HTTPRequest → Query Parameters: delete the rows you added (Build step 8 adds none).',
  callbackApiParsing: 'CallBackAPI_HTTPRequest → Parsing Settings: delete the Output Variable rows (Build step 8 sets none: HTTPStatusCode reads CallBackAPI_HTTPRequest.httpStatusCode).',
  callbackApiBody:
    'CallBackAPI_HTTPRequest → Request Body: paste the JSON of Build step 8 ("entryPointId": "{{outdialcbid}}", "destination": "{{customani}}", … "callback": {"callbackOrigin": "web", "callbackType": "immediate"}).',
} as const;

/**
 * For a subflow export, what to do instead of editing its Event Flows, which a subflow does not have
 * (flow-format.md §7): export the flow itself, in the words of the flow-name check. Undefined for a flow.
 */
export function noEventFlowsHint(model: FlowModel): string | undefined {
  if (model.flowType !== 'SUBFLOW') return undefined;
  return `The export is a subflow, ${JSON.stringify(model.name)}, which has no Event Flows. ${HINTS.exportMainFlow}`;
}

/**
 * Two hints of one activity's settings as one sentence: `GET_CBID → Method: GET.` and `GET_CBID →
 * Request URL: …` give `GET_CBID → Method: GET; Request URL: …`, for a run that went wrong on both.
 */
export function joinHints(first: string, second: string): string {
  const activity = first.slice(0, first.indexOf(' → ') + ' → '.length);
  return `${first.replace(/\.$/, ';')} ${second.startsWith(activity) ? second.slice(activity.length) : second}`;
}

/**
 * An activity labelled `guideLabel` in `graph` beside `label`, the one the call runs: a leftover of
 * a step built again, holding the guide's label (which Flow Designer keeps unique), so the one the
 * call runs cannot be renamed to it.
 */
export function leftoverHolds(graph: FlowGraph, guideLabel: string, label: string): boolean {
  return label !== guideLabel && graph.activities.some((a) => a.label === guideLabel);
}

/**
 * The HTTP Request after option 3 kept another Activity Label, while SetGetResult reads GET_CBID:
 * rename it, or, when a leftover GET_CBID holds that label, read the request the call runs. A
 * `guard` on OnGlobalError's way reading GET_CBID's outputs is told the same of its Expression.
 */
export function renameGetCbidHint(label: string, model: FlowModel, guard?: string): string {
  if (!leftoverHolds(model.main, LABELS.getCbid, label)) return `${label} → Activity Label: GET_CBID (Build step 4).`;
  const leftover = `the GET_CBID that nothing leads to never runs; or delete it, then set the Activity Label of ${label} to GET_CBID`;
  if (guard !== undefined) return `Event Flows → ${guard} → Expression: read ${label} where it reads GET_CBID (${leftover}).`;
  const reader = missionNodes(model).setGetResult?.label ?? LABELS.setGetResult;
  return `${reader} → Set To Variable: ${label}.httpResponseBody (${leftover}).`;
}

/**
 * What to change when `activity`, run after GET_CBID (`getCbid`, its label), wrote another value into
 * `variable`, which GET_CBID fills for the Create Task request's body (a Set Variable logging the
 * status code into customani): its Variable, or the activity taken off the call's way.
 */
export function changedVariableHint(activity: string, variable: string, getCbid: string): string {
  return `${activity} → Variable: it sets ${variable} after ${getCbid} filled it for the Request Body of CallBackAPI_HTTPRequest: choose another variable there, or remove ${activity} from the path of the call (connect the activity before it to the one after it).`;
}

/**
 * What to change when the status condition does not test the Create Task request's answer: the
 * request's Activity Label (Build step 8's and the panel's word) when the Expression reads the
 * guide's label and the request kept another (as for GET_CBID), else the Expression, with the real
 * labels of the condition and the request.
 */
export function statusExpressionHint(condition: string, request: string, expression: string, model: FlowModel): string {
  if (renameRequestInstead(request, expression, model)) return `${request} → Activity Label: ${LABELS.callbackApi} (Build step 8).`;
  if (request !== LABELS.callbackApi && sameTemplate(expression, STATUS_EXPRESSION)) {
    return `${condition} → Expression: {{${request}.httpStatusCode == 201}} (the ${LABELS.callbackApi} that OnGlobalError does not lead to never runs; or delete it, then set the Activity Label of ${request} to ${LABELS.callbackApi}).`;
  }
  return `${condition} → Expression: {{${request}.httpStatusCode == 201}} (use the label of your HTTP Request exactly).`;
}

/**
 * The status condition's Expression is the guide's (it reads CallBackAPI_HTTPRequest) while the
 * request, `request` its label, kept another and no leftover holds the guide's: the request's
 * Activity Label is what to change, not the Expression.
 */
export function renameRequestInstead(request: string, expression: string, model: FlowModel): boolean {
  return request !== LABELS.callbackApi && sameTemplate(expression, STATUS_EXPRESSION) && !leftoverHolds(model.events, LABELS.callbackApi, request);
}
