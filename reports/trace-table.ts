/** A trace as a small Debug-tool-like text table (console report). Cells are one line, control characters removed. */
import type { HttpExchange, TraceEntry } from '../engine/trace.js';
import { activityTypeName } from './drawing.js';
import { escapeTerminal } from './escape.js';

const MAX_CELL = 60;
const MAX_DETAILS = 120;
const HEADINGS = ['Flow', 'Activity Name', 'Type', 'Outcome', 'Details'];

export function renderTraceTable(trace: readonly TraceEntry[], indent = ''): string {
  const rows = [HEADINGS, ...trace.map((e) => [e.flow, e.activity, activityTypeName(e.type), e.outcome, traceDetails(e)])].map((row) =>
    row.map((text, i) => cell(text, i === 4 ? MAX_DETAILS : MAX_CELL)),
  );
  const widths = HEADINGS.map((_, i) => Math.max(...rows.map((row) => [...row[i]].length)));
  return rows.map((row) => indent + row.map((c, i) => c + ' '.repeat(widths[i] - [...c].length)).join('  ').trimEnd()).join('\n') + '\n';
}

/** What else the Debug tool shows for an activity, in one line: error, HTTP exchange, prompts, modified variables. */
export function traceDetails(entry: TraceEntry): string {
  const parts: string[] = [];
  if (entry.error) parts.push(`error: ${entry.error}`);
  if (entry.http) parts.push(httpLine(entry.http));
  for (const prompt of entry.prompts ?? []) parts.push(isAudio(entry.type, prompt) ? `plays ${prompt}` : `says "${prompt}"`);
  for (const [name, value] of Object.entries(entry.modifiedVariables)) parts.push(`${name} = ${valueText(value)}`);
  return parts.join('; ');
}

/** A prompt the caller hears as a recording (an audio file, hold music), not as Text-to-Speech. */
export function isAudio(type: string, prompt: string): boolean {
  return type === 'play-music' || /\.(?:wav|mp3|ulaw|alaw|au)$/i.test(prompt);
}

/** `GET https://… → 200`, `→ blocked (no mock)`, `→ no response (timeout)`. */
export function httpLine(http: HttpExchange): string {
  return `${http.method} ${http.url} → ${httpStatus(http)}`;
}

export function httpStatus(http: HttpExchange): string {
  if (http.unmocked) return 'blocked (no mock)';
  if (http.timedOut) return 'no response (timeout)';
  return http.status === null ? 'no response' : String(http.status);
}

/** A variable's value: strings in quotes as they are (so an empty string shows as ""), the rest as JSON. */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  return JSON.stringify(value) ?? String(value);
}

function cell(text: string, max: number): string {
  const flat = [...escapeTerminal(text)];
  return flat.length > max ? flat.slice(0, max - 1).join('') + '…' : flat.join('');
}
