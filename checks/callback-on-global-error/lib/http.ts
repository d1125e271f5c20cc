/** Reading HTTP Request (`http-request-v2`) settings as the Flow Designer panel shows them. */
import type { Activity } from '../../../engine/model.js';
import { javaTrim } from '../../../engine/java-whitespace.js';
import { boolProp, text, textProp } from '../../../engine/simulator/activities/read.js';
import { parsingRows, type ParseRow } from '../../../engine/simulator/parse-settings.js';

function uiText(activity: Activity, key: string): string | undefined {
  return text(activity.ui[key]) ?? text(activity.props[key]);
}

/** Use Authenticated Endpoint (true, or the text "true"). */
export function isAuthenticated(activity: Activity): boolean {
  return boolProp(activity, 'authenticated');
}

/** Method, upper case ('' when none is chosen). */
export function methodOf(activity: Activity): string {
  return (textProp(activity, 'httpRequestMethod') ?? uiText(activity, 'httpRequestMethod:name') ?? '').trim().toUpperCase();
}

/** Connector as the panel names it (`connectorId:name`, e.g. WxCC_API); undefined when none. */
export function connectorNameOf(activity: Activity): string | undefined {
  const name = uiText(activity, 'connectorId:name') ?? uiText(activity, 'connector:name');
  return name?.trim() || undefined;
}

/** Request Content Type (`httpContentType`), as exported ('' when none). */
export function requestContentTypeOf(activity: Activity): string {
  return (textProp(activity, 'httpContentType') ?? uiText(activity, 'httpContentType:name') ?? '').trim();
}

/**
 * A request header set in the activity's Request Headers, by name in any case; undefined when not
 * set. It wins over the Content Type field, as in the simulated request.
 */
export function requestHeaderOf(activity: Activity, name: string): string | undefined {
  return rowsOf(activity.props.httpRequestHeaders).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

/** Parsing Settings → Content Type (`contentType`), as exported ('' when left on "Select"). */
export function parseContentTypeOf(activity: Activity): string {
  const raw = (textProp(activity, 'contentType') ?? uiText(activity, 'contentType:name') ?? '').trim();
  return /^select$/i.test(raw) ? '' : raw;
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
  return rowsOf(activity.props.httpQueryParameters);
}

/** Name/value rows (query parameters, headers): the export's `{name: value}` object or a list of `{key|name, value}` rows; names trimmed, rows without one left out. */
function rowsOf(value: unknown): [string, string][] {
  const out: [string, string][] = [];
  if (Array.isArray(value)) {
    for (const row of value) {
      const r = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>;
      const name = text(r.key) ?? text(r.name);
      if (name?.trim()) out.push([name.trim(), text(r.value) ?? '']);
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [name, v] of Object.entries(value)) if (name.trim()) out.push([name.trim(), text(v) ?? '']);
  }
  return out;
}

/** Content types compare without case and spaces ("application/json" = "Application/JSON"). */
export function sameContentType(actual: string, expected: string): boolean {
  const canonical = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  return canonical(actual) === canonical(expected);
}
