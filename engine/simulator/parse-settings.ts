/**
 * HTTP Request parse settings: `contentType` (the response content type to parse) and rows of
 * `outputVariableArray[{outputVariable, jsonPathExp}]` that copy JSONPath matches of the response
 * body into declared flow variables. JSONPath runs in jsonpath-plus with script evaluation off, each
 * path read first as Jayway reads it (jayway-path.ts).
 */
import { JSONPath } from 'jsonpath-plus';
import type { Activity } from '../model.js';
import type { ActivityRun, CallState } from './context.js';
import { parseContentTypeSetting, parsingRows, type ParseRow } from './activities/http-settings.js';
import { ActivityError, NotSimulatedError } from './errors.js';
import { readJaywayPath, type ReadPath, type StepKind } from './jayway-path.js';
import { convertToType, getOwn, isTextType, keepJavaNumbers } from './variables.js';
import { javaNumberTexts } from './json-numbers.js';
import { messageOf } from '../error-message.js';
import { unescapeSegment } from '../pointer.js';
import { nestedDeeperThan } from '../json-text.js';
import { clipTraceText } from './trace-text.js';
import { MAX_JSONPATH_DEPTH, MAX_JSONPATH_LENGTH, MAX_JSONPATH_WORK, MAX_MATCHED_EXCESS } from './jsonpath-limits.js';

/** Rows that name both a variable and a path (an empty placeholder row is ignored). */
function parseRowsOf(activity: Activity): ParseRow[] {
  return parsingRows(activity).filter((row) => row.variable !== '' && row.path !== '');
}

/**
 * `$`-rooted JSONPath: `value[0].x` → `$.value[0].x`, `[0].x` → `$[0].x`; `@[0].x` → `$[0].x`, as
 * Jayway reads a path rooted at `@` (the current node, which at the top is the whole body).
 */
export function normalisePath(path: string): string {
  if (path.startsWith('$')) return path;
  if (path.startsWith('@')) return `$${path.slice(1)}`;
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
  const rows = parseRowsOf(run.activity);
  if (rows.length === 0) return;
  const contentType = parseContentTypeSetting(run.activity);
  if (contentType === '') return;
  if (contentType.toUpperCase() !== 'JSON') {
    throw new NotSimulatedError(`parse settings with content type ${contentType} (${run.activity.label}) are not simulated; only JSON is`);
  }
  // Every path is read before the body: a body that is not JSON must not hide a broken path.
  const paths = readRows(run.activity, rows, (name) => run.vars.isDeclared(name));
  const json = parseJson(body);
  // jsonpath-plus recurses through every level it walks: a body of 100,000 `[` ran it out of stack.
  if (json !== undefined && paths.some((read) => read.path !== '$') && nestedDeeperThan(json, MAX_JSONPATH_DEPTH)) {
    throw new NotSimulatedError(`the JSON ${run.activity.label} reads is nested deeper than ${MAX_JSONPATH_DEPTH} levels, more than the simulator runs JSONPath through`);
  }
  let numbers: Map<string, string> | undefined;
  let keys: Set<string> | undefined;
  rows.forEach((row, at) => {
    const type = run.vars.typeOf(row.variable) ?? 'STRING';
    const read = paths[at]!;
    const mayMatch = json !== undefined && literalNamesMayMatch(run, normalisePath(row.path), read, () => (keys ??= keysOf(json)));
    // No value of the JSON holds more characters and values than its text has characters.
    const found = mayMatch ? query(run, read, json, body.length + MAX_MATCHED_EXCESS) : undefined;
    const empty = type === 'JSON' || type === 'INTEGER' || type === 'DECIMAL' || type === 'BOOLEAN' ? null : '';
    if (found === undefined) return run.vars.setVariable(row.variable, empty);
    // One number into a text variable: as Java prints it (100.00 is "100.0"), read from the body once.
    const javaText = typeof found.value === 'number' && found.pointer !== undefined && isTextType(type) ? (numbers ??= javaNumberTexts(body)).get(found.pointer) : undefined;
    if (javaText !== undefined) return run.vars.setVariable(row.variable, javaText);
    const value = convertToType(found.value, type, row.variable);
    // A list or map into a JSON variable: its numbers as Java read them (keepJavaNumbers), by where each match is in the body.
    run.vars.setVariable(row.variable, type === 'JSON' ? keepJavaNumbers(value, (numbers ??= javaNumberTexts(body)), found.pointer ?? found.pointers) : value);
  });
}

/**
 * The paths of `rows` as read, whatever the body: throws as GET_CBID fails on any answer once it
 * parses JSON (a row writing a variable not declared, a path Jayway cannot read or we do not run).
 */
function readRows(activity: Activity, rows: ParseRow[], isDeclared: (name: string) => boolean): ReadPath[] {
  return rows.map((row) => {
    if (!isDeclared(row.variable)) {
      throw new ActivityError(`Parsing Settings write '${row.variable}', which is not a declared flow variable`, { variable: { name: row.variable, problem: 'undeclared' } });
    }
    const path = normalisePath(row.path);
    const read = readJaywayPath(path);
    if ('error' in read) throw new ActivityError(`invalid JSONPath ${path}: ${read.error}`);
    if ('notSimulated' in read) throw new NotSimulatedError(`JSONPath ${path} (${activity.label}) holds ${read.notSimulated}, which the simulator does not evaluate`);
    if (read.path.length > MAX_JSONPATH_LENGTH) {
      throw new NotSimulatedError(`JSONPath ${clipTraceText(path, 40)} (${activity.label}) holds more than ${MAX_JSONPATH_LENGTH} characters, which the simulator does not evaluate`);
    }
    return read;
  });
}

/**
 * Whether the parse rows of `activity` would fail once it parses the JSON content type, whatever
 * the answer (readRows): a check asking what GET_CBID would do with its parsing set, or its request
 * right, when in the call it stored nothing.
 */
export function parseRowsFail(activity: Activity, isDeclared: (name: string) => boolean): boolean {
  try {
    readRows(activity, parseRowsOf(activity), isDeclared);
    return false;
  } catch {
    return true;
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

/**
 * Whether `read` (`path` as written) may match, as far as its names jsonpath-plus does not read as
 * one key tell (ReadPath.literalNames): not when one of them is no key of the JSON, as a name step matches only
 * a key spelled the same (the path matches nothing, as in Jayway); when each is one, the path is
 * not simulated. `keys`: every key of the JSON, gathered once for all the rows.
 */
function literalNamesMayMatch(run: ActivityRun, path: string, read: ReadPath, keys: () => ReadonlySet<string>): boolean {
  if (read.literalNames.length === 0) return true;
  const held = keys();
  if (!read.literalNames.every((name) => held.has(name))) return false;
  throw new NotSimulatedError(
    `JSONPath ${path} (${run.activity.label}) reads the key ${JSON.stringify(read.literalNames.find((name) => held.has(name)))}, which jsonpath-plus does not read as one key, and the JSON has such a key: the simulator does not evaluate it`,
  );
}

/** Every key of every object in `json`, walked without recursion. */
function keysOf(json: unknown): Set<string> {
  const keys = new Set<string>();
  const pending: unknown[] = [json];
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        keys.add(key);
        pending.push(getOwn(value, key));
      }
    }
  }
  return keys;
}

/** One match of jsonpath-plus with resultType 'all'. */
interface Match {
  value: unknown;
  parent: unknown;
  parentProperty: unknown;
  /** JSON Pointer of the match (`/0/tacnumber`). */
  pointer: string;
}

/**
 * jsonpath-plus follows any own property of a value, also those only JavaScript gives: a string's
 * `length` and characters (`$.tacnumber.length`, `$.tacnumber[0]`) and a list's `length`. In
 * Jayway JsonPath a string has no properties and a list only indexes: no match. The last step of
 * a match is enough to look at: nothing goes on from a number, and a step from a character is
 * again one from a string.
 */
function isJson(match: Match): boolean {
  const { parent, parentProperty } = match;
  if (typeof parent === 'string') return false;
  return !Array.isArray(parent) || typeof parentProperty === 'number' || /^\d+$/.test(String(parentProperty));
}

/**
 * Whether each step of a match went where its kind of step may go (StepKind): jsonpath-plus reads
 * `.0` and `['0']` as an index of a list, and `[0]` as the key "0" of an object; Jayway does not.
 */
function stepsFit(match: Match, read: ReadPath, json: unknown): boolean {
  const steps = match.pointer.split('/').slice(1).map(unescapeSegment);
  const { kinds, tailKinds } = read;
  // Without a deep scan every step is known; with one, its first steps are those before the first
  // `..` and its last steps those after the last `..`.
  const middle = steps.length - kinds.length - tailKinds.length;
  if (read.deepScan ? middle < 0 : middle !== 0) return true; // not aligned: nothing to say
  const expected = [...kinds, ...new Array<StepKind>(middle).fill('any'), ...tailKinds];
  let node = json;
  for (let at = 0; at < expected.length; at++) {
    const list = Array.isArray(node);
    if (expected[at] === 'index' && !list) return false;
    if (expected[at] === 'name' && (list || typeof node !== 'object' || node === null)) return false;
    node = getOwn(node, steps[at]);
  }
  return true;
}

/** What a path matched: one value (with its JSON Pointer) or the list of its matches. */
interface Found {
  value: unknown;
  /** Where the one value matched is in the JSON (`/0/tacnumber`, `''` for `$`); none for a list. */
  pointer?: string;
  /** For a list of matches: where each is in the JSON. */
  pointers?: string[];
}

/** The matches of `read` in `json`; not simulated when they hold more than `sizeLimit` together (holdMoreThan). */
function query(run: ActivityRun, read: ReadPath, json: unknown, sizeLimit: number): Found | undefined {
  const { path, deepScan, definite, negativeIndex } = read;
  // jsonpath-plus matches nothing in a falsy document (false, 0, ""); `$` is that document.
  if (path === '$') return { value: json, pointer: '' };
  // A definite path with a negative index, rewritten as a slice, gives a list of one (or none):
  // its one match is the value, as in Jayway.
  const single = negativeIndex && definite;
  try {
    // Built without autostart, then evaluated: called directly, jsonpath-plus hands back a scalar
    // result by throwing and catching an Error (a stack trace per match, a tenth of a run's time).
    // A deep scan is indefinite (a list, as in Jayway), but jsonpath-plus unwraps a lone match
    // that is a child of where the scan starts (`$..x` on `{"x":1}` gives 1): wrapped here.
    // Each match comes with its parent (resultType 'all'), to drop what only JavaScript has: see isJson.
    const wrap = deepScan || single;
    const jsonPath = charged(JSONPath({ path, json: json as object, wrap, eval: false, resultType: 'all', autostart: false }), run.call);
    let found: unknown;
    try {
      found = jsonPath.evaluate(path, json as object, undefined, undefined);
    } finally {
      // jsonpath-plus keeps every path it reads, for the life of the process (a grading thread's,
      // one attendee after another): 20,000 paths of 1,000 characters kept 122 MB.
      delete (JSONPath.cache as Record<string, unknown>)[path];
    }
    if (found === undefined) return undefined;
    const fits = (match: Match) => isJson(match) && stepsFit(match, read, json);
    if (!Array.isArray(found)) return fits(found as Match) ? { value: (found as Match).value, pointer: (found as Match).pointer } : undefined;
    const matches = (found as Match[]).filter(fits);
    if (single) return matches.length > 0 ? { value: matches[0].value, pointer: matches[0].pointer } : undefined;
    const result = matches.map((match) => match.value);
    if (holdMoreThan(result, sizeLimit)) {
      throw new NotSimulatedError(`JSONPath ${path} (${run.activity.label}) matches values that hold together over ${MAX_MATCHED_EXCESS} characters more than the JSON it reads`);
    }
    return result.length === 0 ? undefined : { value: result, pointers: matches.map((match) => match.pointer) };
  } catch (error) {
    if (error instanceof NotSimulatedError) throw error;
    if (error instanceof WorkSpent) {
      throw new NotSimulatedError(`JSONPath ${path} (${run.activity.label}) takes more steps through the JSON than the ${MAX_JSONPATH_WORK} the simulator gives the JSONPath queries of one call`);
    }
    const message = messageOf(error);
    if (/prevented/i.test(message)) {
      throw new NotSimulatedError(`JSONPath ${path} (${run.activity.label}) uses a filter or script expression, which the simulator does not evaluate`);
    }
    throw new ActivityError(`invalid JSONPath ${path}: ${message}`);
  }
}

/** Thrown when a query has spent what is left of its call's JSONPath budget (charged). */
class WorkSpent extends Error {}

/**
 * `jsonPath` with each step of its walk charged to `call`'s JSONPath budget
 * (CallState.jsonPathWorkLeft): 1 plus the length of the path so far, which jsonpath-plus copies at
 * every step. jsonpath-plus takes every step through its `_trace` method, recursively (`..`, `*`,
 * unions and slices included), so an own `_trace` on the instance sees them all. The package is
 * pinned to one version (package.json), and tests/unit/security/jsonpath-bounds.test.ts fails if
 * the budget is no longer charged.
 */
function charged<T extends object>(jsonPath: T, call: CallState): T {
  type Trace = (expr: unknown, value: unknown, path: readonly unknown[], ...rest: unknown[]) => unknown;
  const traced = jsonPath as unknown as { _trace: Trace };
  const step = traced._trace;
  if (typeof step !== 'function') throw new Error('jsonpath-plus has no _trace method to charge the JSONPath budget to');
  traced._trace = function (this: unknown, expr, value, path, ...rest) {
    call.jsonPathWorkLeft -= 1 + path.length;
    if (call.jsonPathWorkLeft < 0) throw new WorkSpent();
    return step.call(this, expr, value, path, ...rest);
  };
  return jsonPath;
}

/**
 * Whether `values` hold together more than `limit` characters of strings and keys plus one per
 * value: what storing them would copy (`$[0,0,…]` repeats one value as often as it is written).
 * Walked no further than the limit.
 */
function holdMoreThan(values: readonly unknown[], limit: number): boolean {
  let size = 0;
  const pending: unknown[] = [...values];
  while (pending.length > 0) {
    const value = pending.pop();
    size += typeof value === 'string' ? 1 + value.length : 1;
    if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        size += key.length;
        pending.push(getOwn(value, key));
      }
    }
    if (size > limit) return true;
  }
  return false;
}
