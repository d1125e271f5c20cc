/**
 * The names the lab guide gives: activity labels, flow variables, the MockAPI DynVars endpoint.
 * One place, so that every check and every message uses the same spelling.
 */

export const LABELS = {
  wantCallback: 'WantCallback',
  newNumber: 'NewNumber',
  music: 'Music',
  getCbid: 'GET_CBID',
  setGetResult: 'SetGetResult',
  simulateError: 'SimulateGlobalError',
  callbackApi: 'CallBackAPI_HTTPRequest',
  /** The January 2025 guide's label (lab-context §2.6): accepted when the flow uses it consistently. */
  callbackApiOld: 'CallBackAPI_Request',
  statusCondition: 'HTTPStatusCode',
} as const;

export const VARIABLES = {
  outdialcbid: 'outdialcbid',
  customani: 'customani',
  /** The January 2025 guide's spelling: accepted only when every reference agrees. */
  customaniOld: 'customANI',
  getresult: 'getresult',
  simulatederror: 'simulatederror',
} as const;

export const DYNVARS = {
  host: '674481b1b4e2e04abea27c6e.mockapi.io',
  path: '/flowdesigner/Lab/DynVars',
  dnTemplate: '{{NewPhoneContact.DNIS | slice(2) }}',
  url: 'https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab/DynVars?dn={{NewPhoneContact.DNIS | slice(2) }}',
  outdialcbidPath: '$[0].outboundcallbackep',
  customaniPath: '$[0].tacnumber',
} as const;

export const CREATE_TASK = {
  connector: 'WxCC_API',
  path: '/v1/tasks',
  method: 'POST',
  contentType: 'Application/JSON',
} as const;

export const STATUS_EXPRESSION = '{{CallBackAPI_HTTPRequest.httpStatusCode == 201}}';

/** The scenario the guide's Testing steps make (the caller presses 3, Create Task answers 201): its id. */
export const HAPPY_PATH = 'happy-path';

/**
 * ` (names are case-sensitive)` after an Activity Label that is the guide's `guide` in another case
 * only (`Get_CBID`: a reference to GET_CBID reads nothing of it); '' after any other.
 */
export function caseOnlyNote(label: string, guide: string): string {
  return inAnotherCaseOnly(label, guide) ? ' (names are case-sensitive)' : '';
}

/** Whether `label` is `guide` spelled in another case, and only that. */
export function inAnotherCaseOnly(label: string, guide: string): boolean {
  return label !== guide && label.toLowerCase() === guide.toLowerCase();
}

/** The UI's name for the `OnGlobalError` event handler and its export name. */
export const GLOBAL_ERROR = { name: 'GlobalErrorHandling', display: 'OnGlobalError' } as const;

/**
 * The event handlers the lab's flow template connects to an End Flow (lab-context §2.2, the template's
 * Event Flows; fixtures/flows/before-mission.json), by export name: one whose connection an attendee
 * dragged to a Create Task request is connected "to an End Flow again". The template leaves
 * CallbackFailed unconnected (and has none of the newer events): such a handler has its connection
 * deleted instead, and stays unconnected, as Flow Designer accepts.
 */
export const ENDED_IN_TEMPLATE: ReadonlySet<string> = new Set(['AgentOfferContact', 'ContactPredial', 'AgentContactAssigned', 'ContactEnded', 'FCAsk(ContactLastAgentRemoved)', 'ContactOutboundCampaignResult']);
