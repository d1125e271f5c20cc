/**
 * What a trace entry keeps of long texts. The call itself uses every prompt and value whole; but a
 * trace repeats them on every visit, and a report shows each entry several times: a prompt of a
 * few hundred KB in a menu that loops made reports of 400 MB, and a ring of Set Variables passing
 * a 600,000-character value around made `check` fail on V8's longest string and a grading thread
 * run out of memory. The checks judge the trace, so values are kept far beyond anything the lab's
 * calls carry (its DynVars record is about 1,200 characters).
 */
import type { HttpExchange } from '../trace.js';
import { getOwn, setOwn } from './variables.js';

/** Longest prompt text a trace entry keeps. */
const MAX_TRACE_PROMPT = 2_000;
/** Longest text a trace entry keeps of a value set (of a JSON value: of its JSON text), a URL or a body. */
export const MAX_TRACE_VALUE = 10_000;
/**
 * Most characters a trace entry keeps of all its values together, and of all its prompts: a Set
 * Variable of 300 rows (or a Play Message of 300 prompts) each giving a long value kept 3 million
 * characters per visit, and `check` died out of memory. Once an entry's budget is spent, each
 * further value or prompt keeps MIN_TRACE_KEPT characters.
 */
const MAX_TRACE_ENTRY = 20_000;
const MIN_TRACE_KEPT = 100;

/** What an entry may keep of its next text, with `left` characters of its budget left. */
function entryLimit(left: number, max: number): number {
  return Math.max(MIN_TRACE_KEPT, Math.min(max, left));
}

/** The prompts an activity played, as its trace entry keeps them. */
export function clipTracePrompts(prompts: string[]): string[] {
  let left = MAX_TRACE_ENTRY;
  return prompts.map((prompt) => {
    const kept = clipTraceText(prompt, entryLimit(left, MAX_TRACE_PROMPT));
    left -= kept.length;
    return kept;
  });
}

/** `text`, or its first `max` characters and how long it was. Never half a character. */
export function clipTraceText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]) ? max - 1 : max;
  return ownCopy(`${text.slice(0, end)}… (${text.length} characters)`);
}

/**
 * The same text in a string of its own. V8 keeps a slice of a long string as a view into it: each
 * clipped value would keep the whole value alive (a grading thread held 450 MB instead of 200 MB
 * for the flow above). A JSON round trip copies it, lone surrogates included.
 */
function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** The values an activity set, as its trace entry keeps them (the same record when none is long). */
export function clipTraceValues(values: Record<string, unknown>): Record<string, unknown> {
  let clipped: Record<string, unknown> | undefined;
  let left = MAX_TRACE_ENTRY;
  for (const name of Object.keys(values)) {
    const value = getOwn(values, name);
    const kept = clipValue(value, entryLimit(left, MAX_TRACE_VALUE));
    left -= typeof kept === 'string' ? kept.length : kept !== null && typeof kept === 'object' ? JSON.stringify(kept).length : 1;
    if (kept === value) continue;
    clipped ??= { ...values };
    setOwn(clipped, name, kept);
  }
  return clipped ?? values;
}

/** A request and its answer, as a trace entry keeps them (the same object when nothing is long). */
export function clipTraceExchange(exchange: HttpExchange): HttpExchange {
  const url = clipTraceText(exchange.url, MAX_TRACE_VALUE);
  const requestBody = exchange.requestBody === undefined ? undefined : clipTraceText(exchange.requestBody, MAX_TRACE_VALUE);
  const responseBody = exchange.responseBody === undefined ? undefined : clipTraceText(exchange.responseBody, MAX_TRACE_VALUE);
  // Request headers as values set: 20 headers of 512,000 characters, in a ring, made a report beyond V8's longest string.
  const requestHeaders = clipTraceValues(exchange.requestHeaders) as Record<string, string>;
  if (url === exchange.url && requestBody === exchange.requestBody && responseBody === exchange.responseBody && requestHeaders === exchange.requestHeaders) return exchange;
  return { ...exchange, url, requestHeaders, ...(requestBody !== undefined ? { requestBody } : {}), ...(responseBody !== undefined ? { responseBody } : {}) };
}

function clipValue(value: unknown, max: number): unknown {
  if (typeof value === 'string') return clipTraceText(value, max);
  if (value === null || typeof value !== 'object' || !jsonLongerThan(value, max)) return value;
  return clipTraceText(JSON.stringify(value), max);
}

/**
 * Whether the JSON text of `value` (plain data: a trace's values are) is longer than `max`
 * characters, counted from below and only until it is: each string with its quotes, each key with
 * its quotes and colon, each other value one character, each container its brackets and the
 * commas between its items.
 */
function jsonLongerThan(value: object, max: number): boolean {
  let left = max;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') left -= item.length + 2;
    else if (item === null || typeof item !== 'object') left -= 1;
    else if (Array.isArray(item)) {
      left -= bracketsAndCommas(item.length);
      if (left < 0) return true;
      for (const element of item) pending.push(element);
    } else {
      const keys = Object.keys(item);
      left -= bracketsAndCommas(keys.length);
      for (const key of keys) {
        left -= key.length + 3;
        pending.push(getOwn(item, key));
      }
    }
    if (left < 0) return true;
  }
  return false;
}

/** The characters of a container of `items` items besides them: `[]` or `{}`, and a comma between two. */
function bracketsAndCommas(items: number): number {
  return 2 + Math.max(0, items - 1);
}
