/**
 * A trace as an HTML table shaped like Flow Designer's Debug tool: Flow, Activity Name, Type,
 * Outcome, Modified Variables, HTTP; an activity's error in a row under it. Long values (response bodies) are cut, with the full text in a
 * <details>. Every value escaped.
 */
import type { HttpExchange, TraceEntry } from '../engine/trace.js';
import { NOT_SHOWN } from './bounds.js';
import { activityTypeName } from './drawing.js';
import { codePoints, firstCodePoints } from './code-points.js';
import { escapeHtml as h } from './escape.js';
import { collapseRepeats, httpStatus, isAudio, outcomeName, valueText } from './trace-table.js';

const SHORT = 160;

/**
 * `name`: what the table is the trace of (its accessible name, and its scroll area's): a page
 * holds a call's trace and excerpts of it, which a screen reader's list of tables tells apart by it.
 */
export function renderTraceHtml(trace: readonly TraceEntry[], caption?: string, name = 'Trace'): string {
  const rows = collapseRepeats(trace).map(({ entry, repeats }) => (entry.type === NOT_SHOWN ? notShownRow(entry) : entryRows(entry, repeats)));
  const head = ['Flow', 'Activity Name', 'Type', 'Outcome', 'Modified Variables', 'HTTP'].map((title) => `<th scope="col">${title}</th>`).join('');
  return (
    // Scrolls sideways on a phone: reachable by keyboard to scroll it.
    `<div class="fg-table-wrap" tabindex="0" role="group" aria-label="${h(name)}, scrollable"><table class="fg-trace" aria-label="${h(name)}">` +
    (caption ? `<caption>${h(caption)}</caption>` : '') +
    `<thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}

/** An entry's row, the row of its error under it, and how many more times it ran the same way. */
function entryRows(e: TraceEntry, repeats: number): string {
  return (
    // Each cell named by its column: on a phone the rows are stacked (html-css.ts), each value after its name.
    '<tr>' +
    `<td data-label="Flow">${breakable(e.flow)}</td>` +
    `<td data-label="Activity Name">${breakable(e.activity)}${(e.prompts ?? []).map((p) => `<div class="fg-says">${isAudio(e.type, p) ? `plays ${breakable(p)}` : `says &ldquo;${breakable(p)}&rdquo;`}</div>`).join('')}</td>` +
    `<td data-label="Type">${h(activityTypeName(e.type))}</td>` +
    `<td data-label="Outcome">${outcome(e)}</td>` +
    `<td data-label="Modified Variables">${variables(e.modifiedVariables)}</td>` +
    `<td data-label="HTTP">${e.http ? http(e.http) : ''}</td>` +
    '</tr>' +
    // The error under its row, across the table: in the Outcome column it was a few letters wide.
    (e.outcome === 'error' && e.error ? `<tr class="fg-error-detail"><td colspan="6"><span class="fg-outcome-error">Error</span> in ${breakable(e.activity)}: <code>${h(e.error)}</code></td></tr>` : '') +
    (repeats ? `<tr class="fg-repeat"><td colspan="6">&#8635; ${breakable(e.activity)} ran ${repeatText(repeats)}</td></tr>` : '')
  );
}

/** The end of a trace cut short by the report's bounds (bounds.ts): how many steps are left out, across the table. */
function notShownRow(e: TraceEntry): string {
  return `<tr class="fg-repeat fg-not-shown"><td colspan="6">${h(e.activity)}: a report shows the first steps of a long trace only (the simulated call ran them all)</td></tr>`;
}

/**
 * Escaped text from the export, with a break opportunity (`<wbr>`) every RUN characters of a run
 * without spaces longer than that: a table cell is as wide as its longest word, so one label of
 * 300 characters made the trace three pages wide, cut off on paper. Ordinary words (labels such as
 * CallBackAPI_HTTPRequest) are never broken.
 */
function breakable(text: string): string {
  if (!LONG_RUN.test(text)) return h(text);
  return text
    .split(/(\s+)/)
    .map((part) => {
      const characters = [...part];
      if (characters.length <= RUN) return h(part);
      const pieces: string[] = [];
      for (let i = 0; i < characters.length; i += RUN) pieces.push(h(characters.slice(i, i + RUN).join('')));
      return pieces.join('<wbr>');
    })
    .join('');
}

const RUN = 24;
const LONG_RUN = new RegExp(`\\S{${RUN + 1}}`);

/** "1 more time the same way", "24 more times the same way". */
function repeatText(repeats: number): string {
  return `${repeats} more ${repeats === 1 ? 'time' : 'times'} the same way`;
}

function outcome(entry: TraceEntry): string {
  if (entry.outcome !== 'error') return breakable(outcomeName(entry));
  return '<span class="fg-outcome-error">Error</span>'; // its message: the row under it
}

function variables(modified: Record<string, unknown>): string {
  const items = Object.entries(modified).map(([name, value]) => `<li><code>${h(name)}</code> = ${long(valueText(value))}</li>`);
  return items.length ? `<ul>${items.join('')}</ul>` : '';
}

function http(exchange: HttpExchange): string {
  const parts = [`<code>${h(exchange.method)} ${h(exchange.url)}</code> &rarr; <strong>${h(httpStatus(exchange))}</strong>`];
  if (exchange.requestBody) parts.push(`<div>request body: ${long(exchange.requestBody)}</div>`);
  if (exchange.responseBody) parts.push(`<div>response body: ${long(exchange.responseBody)}</div>`);
  return parts.join('');
}

/** A value in full when short; else its start, with the whole of it behind a <details>. */
function long(text: string): string {
  if (text.length <= SHORT) return `<code>${h(text)}</code>`; // (no more characters than UTF-16 units)
  if (text.length > REMEMBERED_LENGTH) return cutLong(text);
  let html = remembered.get(text);
  if (html === undefined) {
    html = cutLong(text);
    if (remembered.size >= REMEMBERED_VALUES) remembered.clear();
    remembered.set(text, html);
  }
  return html;
}

/**
 * long()'s HTML for the last long values it was given (up to 16 of up to 64 K characters). A
 * report shows each response body several times (as the HTTP exchange and as a variable, in each
 * call and in failing checks' excerpts): escaping it again was most of the time spent on traces.
 */
const remembered = new Map<string, string>();
const REMEMBERED_VALUES = 16;
const REMEMBERED_LENGTH = 65_536;

function cutLong(text: string): string {
  const length = codePoints(text);
  if (length <= SHORT) return `<code>${h(text)}</code>`;
  return `<details><summary><code>${h(firstCodePoints(text, 60))}</code>&hellip; (${length} characters)</summary><code>${h(text)}</code></details>`;
}
