/** A trace as a small Debug-tool-like text table (console report). Cells are one line, control characters removed. */
import type { HttpExchange, TraceEntry } from '../engine/trace.js';
import { exitName } from '../engine/activity-types.js';
import { clipMiddle, clipWithEllipsis } from '../engine/clip.js';
import { activityTypeName } from './drawing.js';
import { escapeTerminal } from './escape.js';

const MAX_CELL = 60;
const MAX_DETAILS = 120;
const MIN_DETAILS = 24;
/** A request's URL in a row, cut in its middle beyond this: the status after it stays in sight. */
const MAX_URL = 60;
const HEADINGS = ['Flow', 'Activity Name', 'Type', 'Outcome', 'Details'];

/** `width`: the terminal's columns, the details cut to fit them (never below MIN_DETAILS); none: cut at MAX_DETAILS. */
export function renderTraceTable(trace: readonly TraceEntry[], indent = '', width?: number): string {
  // A run of identical visits is one row whose outcome counts them (`invalid ×25`): never cut off.
  const lines = collapseRepeats(trace).map(({ entry: e, repeats }) => [e.flow, e.activity, activityTypeName(e.type), repeats ? `${outcomeName(e)} ×${repeats + 1}` : outcomeName(e), traceDetails(e)]);
  const firstColumns = [HEADINGS, ...lines].map((row) => row.slice(0, 4).map((text) => cell(text, MAX_CELL)));
  const used = indent.length + [0, 1, 2, 3].reduce((sum, i) => sum + Math.max(...firstColumns.map((row) => [...row[i]].length)) + 2, 0);
  const details = width === undefined ? MAX_DETAILS : Math.min(MAX_DETAILS, Math.max(MIN_DETAILS, width - used));
  const rows = [HEADINGS, ...lines].map((row) =>
    row.map((text, i) => cell(text, i === 4 ? details : MAX_CELL)),
  );
  const widths = HEADINGS.map((_, i) => Math.max(...rows.map((row) => [...row[i]].length)));
  return rows.map((row) => indent + row.map((c, i) => c + ' '.repeat(widths[i] - [...c].length)).join('  ').trimEnd()).join('\n') + '\n';
}

/**
 * A trace entry's outcome as the drawing and the checks' messages name it: a Case's by its match
 * value (`AMD`), an exit the canvas names in words by that name (`Unmatched Entry`, `No-Input
 * Timeout`, `True`), others as they are (`default`, a menu digit, `end`, `connected`, `error`: the
 * activity failed).
 */
export function outcomeName(entry: Pick<TraceEntry, 'outcome' | 'outcomeLabel'>): string {
  if (entry.outcomeLabel !== undefined) return entry.outcomeLabel;
  return entry.outcome === 'error' ? entry.outcome : exitName(entry.outcome);
}

/**
 * A trace with each run of consecutive identical entries (a menu refusing the same key 25 times)
 * as one entry and how many more times it ran: the whole trace stays in the JSON report.
 */
export function collapseRepeats(trace: readonly TraceEntry[]): { entry: TraceEntry; repeats: number }[] {
  const rows: { entry: TraceEntry; repeats: number }[] = [];
  for (const entry of trace) {
    const last = rows.at(-1);
    // Compared whole only when activity and outcome agree (rare): a report renders thousands of entries.
    const same = last && !entry.http && last.entry.activityId === entry.activityId && last.entry.outcome === entry.outcome && JSON.stringify(last.entry) === JSON.stringify(entry);
    if (same) last.repeats++;
    else rows.push({ entry, repeats: 0 });
  }
  return rows;
}

/**
 * What else the Debug tool shows for an activity, in one line: error, the flow variables it set,
 * prompts, HTTP exchange, then the activity's own outputs (GET_CBID.httpResponseBody…). The line
 * is cut at MAX_DETAILS: the flow variables (outdialcbid = "") come before the long URL and
 * response body, or the cut hid what the failure is about.
 */
export function traceDetails(entry: TraceEntry): string {
  const parts: string[] = [];
  const variables = Object.entries(entry.modifiedVariables).map(([name, value]) => ({ output: name.includes('.'), text: `${name} = ${valueText(value)}` }));
  if (entry.error) parts.push(`error: ${entry.error}`);
  parts.push(...variables.filter((v) => !v.output).map((v) => v.text));
  for (const prompt of entry.prompts ?? []) parts.push(isAudio(entry.type, prompt) ? `plays ${prompt}` : `says "${prompt}"`);
  if (entry.http) parts.push(httpLine(entry.http));
  parts.push(...variables.filter((v) => v.output).map((v) => v.text));
  return parts.join('; ');
}

/** A prompt the caller hears as a recording (hold music, an audio file's name), not as Text-to-Speech. */
export function isAudio(type: string, prompt: string): boolean {
  return type === 'play-music' || /^\S+\.(?:wav|mp3|ulaw|alaw|au)$/i.test(prompt);
}

/**
 * `GET https://… → 200`, `→ blocked (no mock)`, `→ no response (timeout)`; a URL over MAX_URL
 * characters cut in its middle (its host's start and its query kept), so that the row's cut at
 * MAX_DETAILS does not take the status: the check's message, the JSON and HTML reports give it whole.
 */
function httpLine(http: HttpExchange): string {
  return `${http.method} ${clipMiddle(http.url, MAX_URL)} → ${httpStatus(http)}`;
}

export function httpStatus(http: HttpExchange): string {
  if (http.unmocked) return 'blocked (no mock)';
  if (http.timedOut) return 'no response (timeout)';
  return http.status === null ? 'no response' : String(http.status);
}

/**
 * A value as the trace tables show it (docs/reports.md, Values and response bodies): a string in
 * quotes as it is (so an empty one shows as ""), the rest as JSON; but a string that is JSON text
 * of an object, an array or a string (a response body, or a String set to one: getresult) as that
 * text, as the Debug tool shows a body. Its own brackets or quotes already mark where it starts and
 * ends: ours round MockAPI's 404 body `"Not found"` read `""Not found""`.
 */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return isJsonText(value) ? value : `"${value}"`;
  return JSON.stringify(value) ?? String(value);
}

/**
 * Whether `text` is, from its first character to its last, the JSON of an object, an array or a
 * string. Not that of a number, true, false or null: a String holding "404" stays "404", not the
 * number 404. Not text with spaces round it: those would not be seen without our quotes. Nor `""`,
 * which would read as an empty String. (The ends are looked at first: JSON.parse runs only on a
 * value that may be JSON.)
 */
function isJsonText(text: string): boolean {
  const close = JSON_CLOSERS[text[0] ?? ''];
  if (close === undefined || text.length < 2 || text === '""' || text[text.length - 1] !== close) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const JSON_CLOSERS: Record<string, string> = { '{': '}', '[': ']', '"': '"' };

function cell(text: string, max: number): string {
  return clipWithEllipsis(escapeTerminal(text), max);
}
