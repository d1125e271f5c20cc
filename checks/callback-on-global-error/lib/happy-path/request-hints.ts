/**
 * Which setting of an HTTP Request of the mission to change when its request went wrong in the
 * simulated call: GET_CBID's (the DynVars request: Method, Request URL, the toggle, Parsing Settings)
 * and CallBackAPI_HTTPRequest's (the Create Task request: the setting that failed, or the one the
 * Tasks API's refusal points at).
 */
import type { Activity } from '../../../../engine/model.js';
import type { HttpExchange, TraceEntry } from '../../../../engine/trace.js';
import { HINTS, joinHints } from '../hints.js';
import { connectorOf, isAuthenticated } from '../http.js';
import { DYNVARS } from '../names.js';
import { decode, splitUrl } from '../url.js';
import { MOCKAPI_RESERVED } from '../../../../mocks/mockapi-params.js';
import { HTTP_SETTINGS } from '../../../../engine/simulator/http.js';

/**
 * Which GET_CBID setting a request that failed points at: the address when nothing answered it,
 * the toggle when it is on (no connector, or one that is not MockAPI), the Parsing Settings when
 * MockAPI answered and the response could not be parsed into the variables.
 */
export function failedRequestHint(entry: TraceEntry, getCbid: Activity | undefined, dnis: string): { hint: string } | Record<string, never> {
  if (entry.http?.unmocked) return { hint: dynVarsRequestHint(entry.http, getCbid, dnis) };
  if (getCbid && isAuthenticated(getCbid)) return { hint: HINTS.getCbidUnauthenticated };
  // Failed before anything was sent (no address, or one that is not a web address): the Request URL.
  if (!entry.http) return { hint: HINTS.getCbidUrl };
  return entry.http.status !== null ? { hint: HINTS.getCbidParsing } : {};
}

/**
 * Which GET_CBID settings an unanswered or refused DynVars request points at: the Method when it is
 * not GET, and the toggle when it is on, else the Request URL. Beside a wrong Method, the address is
 * named too only when it is not the dialled number's record (`dnis`): else a GET would find it, and the
 * Method alone is to change; with both wrong, changing one leaves the request as unanswered.
 */
export function dynVarsRequestHint(http: HttpExchange, getCbid: Activity | undefined, dnis: string): string {
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
 * What to change in the CallBackAPI_HTTPRequest setting that made the simulated request fail (the
 * trace entry's failedSetting, engine/simulator/http.ts): a method no request can carry (TRACE, in
 * an export edited by hand), a template that does not render (the Request Path, a header or query
 * parameter, the Request Body), a header the request cannot carry (a name with a space or a colon, a
 * value with a curly quote), a Parsing Settings row that fails on the answer (a variable not
 * declared, a path that is no JSONPath). A failure naming no setting (undefined) finds none.
 */
const FAILED_SETTING_HINTS: ReadonlyMap<string | undefined, string> = new Map([
  [HTTP_SETTINGS.method, HINTS.callbackApiMethod],
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
export function failedTaskRequestHint(api: Activity, entry: TraceEntry): { hint: string } | Record<string, never> {
  if (!isAuthenticated(api) || connectorOf(api) === undefined) return { hint: HINTS.callbackApiAuthenticated };
  const hint = FAILED_SETTING_HINTS.get(entry.failedSetting);
  return hint ? { hint } : {};
}

/** Which CallBackAPI_HTTPRequest setting the Tasks API's refusal points at. */
export function taskRequestHint(http: HttpExchange): { hint: string } | Record<string, never> {
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
