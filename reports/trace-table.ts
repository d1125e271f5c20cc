/** A trace as a Debug-tool-like text table (console report, `flowgrade simulate`). */
import type { TraceEntry } from '../engine/trace.js';

const MAX_CELL = 60;
const MAX_DETAILS = 120;

export function traceRows(trace: TraceEntry[]): string[][] {
  return trace.map((entry) => [entry.flow, entry.activity, entry.type, entry.outcome, details(entry)]);
}

export function renderTraceTable(trace: TraceEntry[], indent = ''): string {
  const rows = [['Flow', 'Activity Name', 'Type', 'Outcome', 'Details'], ...traceRows(trace)].map((row) => row.map((text, i) => cell(text, i === 4 ? MAX_DETAILS : MAX_CELL)));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) => indent + row.map((c, i) => (i < row.length - 1 ? c.padEnd(widths[i]) : c)).join('  ').trimEnd()).join('\n') + '\n';
}

/** What happened in one line: error, HTTP exchange, prompts and modified variables. */
export function details(entry: TraceEntry): string {
  const parts: string[] = [];
  if (entry.error) parts.push(`error: ${entry.error}`);
  if (entry.http) {
    const status = entry.http.unmocked ? 'blocked (no mock)' : entry.http.timedOut ? 'no response' : String(entry.http.status);
    parts.push(`${entry.http.method} ${entry.http.url} → ${status}`);
  }
  for (const prompt of entry.prompts ?? []) parts.push(`says "${prompt}"`);
  for (const [name, value] of Object.entries(entry.modifiedVariables)) parts.push(`${name} = ${JSON.stringify(value)}`);
  return parts.join('; ');
}

function cell(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}
