/**
 * Reading HTTP Request (`http-request-v2`) settings as the Flow Designer panel shows them: the
 * simulator's own readers (engine/simulator/activities/http-settings.ts), so that a check judges what
 * the simulated call sends, with the checks' defaults on top.
 */
import type { Activity } from '../../../engine/model.js';
import { javaTrim } from '../../../engine/java-whitespace.js';
import { boolProp, textProp } from '../../../engine/simulator/activities/read.js';
import {
  connectorDisplayName,
  connectorIdSetting,
  connectorSetting,
  methodSetting,
  parseContentTypeSetting,
  parsingRows,
  queryParameterRows,
  requestContentTypeSetting,
  requestHeaderRows,
  type ParseRow,
} from '../../../engine/simulator/activities/http-settings.js';

/** Use Authenticated Endpoint (true, or the text "true"). */
export function isAuthenticated(activity: Activity): boolean {
  return boolProp(activity, 'authenticated');
}

/** Method, upper case ('' when none is chosen, where the simulator sends GET: a check tells "not set" from GET). */
export function methodOf(activity: Activity): string {
  return methodSetting(activity);
}

/**
 * The connector the request goes through, as the simulator picks it: its name as the panel shows it
 * (`connectorId:name`, e.g. WxCC_API), else its id (a connector the export holds by its id alone is
 * still chosen); undefined when none is.
 */
export function connectorOf(activity: Activity): string | undefined {
  return connectorSetting(activity);
}

/** The connector's name as the panel shows it (`connectorId:name`, e.g. WxCC_API); undefined when the export holds none. */
export function connectorNameOf(activity: Activity): string | undefined {
  return connectorDisplayName(activity);
}

/** The chosen connector's id (`connectorId`); undefined when none is chosen. */
export function connectorIdOf(activity: Activity): string | undefined {
  return connectorIdSetting(activity);
}

/** Request Content Type (`httpContentType`), as exported ('' when none). */
export function requestContentTypeOf(activity: Activity): string {
  return requestContentTypeSetting(activity);
}

/**
 * A request header set in the activity's Request Headers, by name in any case; undefined when not
 * set. It wins over the Content Type field, as in the simulated request.
 */
export function requestHeaderOf(activity: Activity, name: string): string | undefined {
  return requestHeaderRows(activity).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

/** Parsing Settings → Content Type (`contentType`), as exported ('' when left on "Select"). */
export function parseContentTypeOf(activity: Activity): string {
  return parseContentTypeSetting(activity);
}

/**
 * Parsing Settings rows (Output Variable + Path Expression) read as the simulator reads each row,
 * every row that names a variable or a path (a half-filled row is judged); only empty placeholder
 * rows are left out, where the simulator keeps just the rows naming both.
 */
export function parseRowsOf(activity: Activity): ParseRow[] {
  return parsingRows(activity).filter((row) => row.variable !== '' || row.path !== '');
}

/** Request URL (unauthenticated endpoint), trimmed; '' when empty. */
export function requestUrlOf(activity: Activity): string {
  return javaTrim(textProp(activity, 'httpRequestUrl') ?? '');
}

/** Request Path (authenticated endpoint), trimmed as Java trims (a no-break space stays: it is sent); '' when empty. */
export function requestPathOf(activity: Activity): string {
  return javaTrim(textProp(activity, 'httpRequestPath') ?? '');
}

/** Request Body text ('' when none). */
export function requestBodyOf(activity: Activity): string {
  return textProp(activity, 'httpRequestBody') ?? '';
}

/** Query Parameters rows. */
export function queryParametersOf(activity: Activity): [string, string][] {
  return queryParameterRows(activity);
}

/** Content types compare without case and spaces ("application/json" = "Application/JSON"). */
export function sameContentType(actual: string, expected: string): boolean {
  const canonical = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  return canonical(actual) === canonical(expected);
}
