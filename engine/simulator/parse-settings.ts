/**
 * HTTP Request parse settings: `contentType` (the response content type to parse) and rows of
 * `outputVariableArray[{outputVariable, jsonPathExp}]` that copy JSONPath matches of the response
 * body into declared flow variables. JSONPath runs in jsonpath-plus with script evaluation off.
 */
import { JSONPath } from 'jsonpath-plus';
import type { ActivityRun } from './context.js';
import { prop, text, textProp, uiProp } from './activities/read.js';
import { ActivityError, NotSimulatedError } from './errors.js';
import { convertToType, getOwn } from './variables.js';

interface ParseRow {
  variable: string;
  path: string;
}

/** Rows that name both a variable and a path (an empty placeholder row is ignored). */
export function parseRows(run: ActivityRun): ParseRow[] {
  const rows = prop(run.activity, 'outputVariableArray');
  if (!Array.isArray(rows)) return [];
  return rows
    .map((row) => ({
      variable: text(getOwn(row, 'outputVariable'))?.trim() ?? '',
      path: text(getOwn(row, 'jsonPathExp'))?.trim() ?? '',
    }))
    .filter((row) => row.variable !== '' && row.path !== '');
}

/** `$`-rooted JSONPath: `value[0].x` → `$.value[0].x`, `[0].x` → `$[0].x`. */
export function normalisePath(path: string): string {
  if (path.startsWith('$')) return path;
  return path.startsWith('[') ? `$${path}` : `$.${path}`;
}

/**
 * Applies the parse settings to a response body. Only the JSON content type is parsed; with no
 * content type chosen ("Select", null) nothing is parsed and the variables keep their values.
 * A body that is not JSON, or a path that matches nothing, leaves the variable empty: '' for
 * text types, null otherwise. A definite path gives the matched value; an indefinite one
 * (wildcard, `..`, union) gives the list of matches, as Jayway JsonPath does.
 */
export function applyParseSettings(run: ActivityRun, body: string): void {
  const rows = parseRows(run);
  if (rows.length === 0) return;
  const contentType = (textProp(run.activity, 'contentType') ?? text(uiProp(run.activity, 'contentType:name')) ?? '').trim();
  if (contentType === '' || /^select$/i.test(contentType)) return;
  if (contentType.toUpperCase() !== 'JSON') {
    throw new NotSimulatedError(`parse settings with content type ${contentType} (${run.activity.label}) are not simulated; only JSON is`);
  }
  for (const row of rows) {
    if (!run.vars.isDeclared(row.variable)) {
      throw new ActivityError(`parse settings write '${row.variable}', which is not a declared flow variable`);
    }
  }
  const json = parseJson(body);
  for (const row of rows) {
    const type = run.vars.typeOf(row.variable) ?? 'STRING';
    const match = json === undefined ? undefined : query(run, row.path, json);
    const empty = type === 'JSON' || type === 'INTEGER' || type === 'DECIMAL' || type === 'BOOLEAN' ? null : '';
    run.vars.setVariable(row.variable, match === undefined ? empty : convertToType(match, type, row.variable));
  }
}

function parseJson(body: string): unknown {
  try {
    const value: unknown = JSON.parse(body);
    return value === null ? undefined : value;
  } catch {
    return undefined;
  }
}

function query(run: ActivityRun, rawPath: string, json: unknown): unknown {
  const path = normalisePath(rawPath);
  try {
    // Built without autostart, then evaluated: called directly, jsonpath-plus hands back a scalar
    // result by throwing and catching an Error (a stack trace per match, a tenth of a run's time).
    return JSONPath({ path, json: json as object, wrap: false, eval: false, autostart: false }).evaluate(path, json as object, undefined, undefined);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/prevented/i.test(message)) {
      throw new NotSimulatedError(`JSONPath ${path} (${run.activity.label}) uses a filter or script expression, which the simulator does not evaluate`);
    }
    throw new ActivityError(`invalid JSONPath ${path}: ${message}`);
  }
}
