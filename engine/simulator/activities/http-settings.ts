/**
 * The settings of an HTTP Request (`http-request-v2`) as the export holds them, read once for the
 * simulator (http.ts, parse-settings.ts) and the checks (checks/…/lib/http.ts): what a check judges
 * is what the simulated call sends. Raw readers only: no defaults (the simulator's Method is GET when
 * none is chosen, a check must tell "not set" from GET) and no templates rendered.
 */
import type { Activity } from '../../model.js';
import { javaTrim } from '../../java-whitespace.js';
import { getOwn } from '../variables.js';
import { prop, text, textProp, uiProp } from './read.js';

/** The Method, trimmed and in upper case ('' when none is chosen). */
export function methodSetting(activity: Activity): string {
  return (textProp(activity, 'httpRequestMethod') ?? text(uiProp(activity, 'httpRequestMethod:name')) ?? '').trim().toUpperCase();
}

/** The request's Content Type (`httpContentType`), trimmed ('' when none). */
export function requestContentTypeSetting(activity: Activity): string {
  return (textProp(activity, 'httpContentType') ?? text(uiProp(activity, 'httpContentType:name')) ?? '').trim();
}

/** Parsing Settings → Content Type (`contentType`), trimmed; '' when none, or left on "Select" (any case). */
export function parseContentTypeSetting(activity: Activity): string {
  const raw = (textProp(activity, 'contentType') ?? text(uiProp(activity, 'contentType:name')) ?? '').trim();
  return /^select$/i.test(raw) ? '' : raw;
}

/** The connector's display name as the panel shows it (`connectorId:name`, e.g. WxCC_API), trimmed; undefined when the export holds none. */
export function connectorDisplayName(activity: Activity): string | undefined {
  return nonBlank(text(uiProp(activity, 'connectorId:name')) ?? text(uiProp(activity, 'connector:name')));
}

/** The chosen connector's id (`connectorId`, a UUID), trimmed; undefined when none is chosen. */
export function connectorIdSetting(activity: Activity): string | undefined {
  return nonBlank(textProp(activity, 'connectorId'));
}

/**
 * The connector the request goes through: its display name, else its id. Flow Designer keeps the
 * connector by its id (the plain key, canonical); the name is only the panel's copy of it, which an
 * export can lack: a connector known by its id alone is still chosen, and the request goes through it.
 */
export function connectorSetting(activity: Activity): string | undefined {
  return connectorDisplayName(activity) ?? connectorIdSetting(activity);
}

function nonBlank(value: string | undefined): string | undefined {
  return value?.trim() || undefined;
}

/** Request Headers rows, as written (see settingRows). */
export function requestHeaderRows(activity: Activity): [string, string][] {
  return settingRows(prop(activity, 'httpRequestHeaders'));
}

/** Query Parameters rows, as written (see settingRows). */
export function queryParameterRows(activity: Activity): [string, string][] {
  return settingRows(prop(activity, 'httpQueryParameters'));
}

/** Form data rows of the Request Body, as written (see settingRows). */
export function formDataRows(activity: Activity): [string, string][] {
  return settingRows(prop(activity, 'httpRequestBodyFormData'));
}

/**
 * Name/value rows (headers, query parameters, form data): the export's `{name: value}` object or a
 * list of `{key|name, value}` rows. Names trimmed, rows without one left out; values as written
 * (not trimmed, templates not rendered); a value that is no text is ''.
 */
export function settingRows(value: unknown): [string, string][] {
  const rows: [unknown, unknown][] = [];
  if (Array.isArray(value)) {
    for (const row of value) rows.push([getOwn(row, 'key') ?? getOwn(row, 'name'), getOwn(row, 'value')]);
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) rows.push([key, getOwn(value, key)]);
  }
  const out: [string, string][] = [];
  for (const [rawName, rawValue] of rows) {
    const name = text(rawName)?.trim();
    if (name) out.push([name, text(rawValue) ?? '']);
  }
  return out;
}

/** A Parsing Settings row: its Output Variable and Path Expression, trimmed ('' when either is not set). */
export interface ParseRow {
  variable: string;
  path: string;
}

/**
 * Every Parsing Settings row (`outputVariableArray`), in order, half-filled and empty ones too: the
 * simulator runs the rows naming both, the checks judge the half-filled ones.
 */
export function parsingRows(activity: Activity): ParseRow[] {
  const rows = prop(activity, 'outputVariableArray');
  if (!Array.isArray(rows)) return [];
  return rows.map((row) => ({
    variable: text(getOwn(row, 'outputVariable'))?.trim() ?? '',
    // Trimmed as Java trims (control characters and spaces), not as JavaScript (a no-break space stays, as in Jayway).
    path: javaTrim(text(getOwn(row, 'jsonPathExp')) ?? ''),
  }));
}
