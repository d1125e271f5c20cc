/**
 * Comparing and evaluating Flow Designer templates by meaning, with the project's Pebble engine:
 * whitespace inside {{ }} never matters, and where the guide's value is a behaviour (a failing
 * Set Value, a status test) the value is evaluated rather than compared.
 */
import { FieldsIgnoringCase } from '../../../engine/contact-fields.js';
import type { CheckContext } from '../../../engine/check.js';
import { activityById } from '../../../engine/graph.js';
import type { FlowModel } from '../../../engine/model.js';
import type { TraceEntry } from '../../../engine/trace.js';
import { ExpressionError, evaluateTemplate, normalizeTemplate, referencedNames, renderTemplate } from '../../../engine/pebble/index.js';

/** Fixed clock for every evaluation a check makes (results never depend on the date). */
export const EVAL_OPTIONS = { now: () => new Date('2025-01-01T00:00:00.000Z') };

/** The canonical text of a template (whitespace inside {{ }} normalised); the trimmed text when it does not parse. */
export function canonicalTemplate(text: string): string {
  try {
    return normalizeTemplate(text.trim());
  } catch (error) {
    if (error instanceof ExpressionError) return text.trim();
    throw error;
  }
}

export function sameTemplate(a: string, b: string): boolean {
  return canonicalTemplate(a) === canonicalTemplate(b);
}

/** Names a template reads (`NewPhoneContact.DNIS`, `outdialcbid`); [] when it does not parse. */
export function namesRead(text: string): string[] {
  try {
    return referencedNames(text);
  } catch (error) {
    if (error instanceof ExpressionError) return [];
    throw error;
  }
}

type Evaluation = { ok: true; value: unknown } | { ok: false; error: ExpressionError };

/** The typed value of a lone {{ expr }} (else the rendered text), or the expression error. */
export function evaluate(text: string, scope: ReadonlyMap<string, unknown>): Evaluation {
  try {
    return { ok: true, value: evaluateTemplate(text, scope, EVAL_OPTIONS) };
  } catch (error) {
    if (error instanceof ExpressionError) return { ok: false, error };
    throw error;
  }
}

/** The rendered text, or the expression error. */
export function render(text: string, scope: ReadonlyMap<string, unknown>): { ok: true; value: string } | { ok: false; error: ExpressionError } {
  try {
    return { ok: true, value: renderTemplate(text, scope, EVAL_OPTIONS) };
  } catch (error) {
    if (error instanceof ExpressionError) return { ok: false, error };
    throw error;
  }
}

/**
 * Does `text` hold a Pebble tag or comment (`{% %}`, `{# #}`)? What those hold is not read as
 * written (a comment is never evaluated, an `{% if %}` branch may not be taken, a `set` gives a
 * name): a check that reads a text's parts as written reads such a text rendered.
 */
export function holdsTagOrComment(text: string): boolean {
  return /\{[%#]/.test(text);
}

/** A delimited part of a text (`{{ … }}`): where it starts, what it holds (`from` to `to`) and where it ends (after its close). */
interface Delimited {
  start: number;
  from: number;
  to: number;
  end: number;
}

/**
 * A finder of the `open … close` parts of `text`, each from an `open` to the first `close` after
 * it, as /\{\{[\s\S]*?\}\}/g finds them: it gives the first part that starts at `at` or after,
 * for `at`s that never go back, in linear time over all its answers. That pattern, tried from every
 * `{{` of a long run with no `}}` after it, reads the rest of the text from each (262,000 `{` took
 * 16 s in V8, 8 s with the CLI's flag). `inside`: where a part's inside starts, for an `open` at
 * `start` (right after it by default), or undefined when that `open` starts no part (passed over);
 * `insideEnd`: where the inside ends, for its `close` at `close` (there by default).
 */
function delimitedFinder(
  text: string,
  open: string,
  close: string,
  inside: (start: number) => number | undefined = (start) => start + open.length,
  insideEnd: (close: number) => number = (at) => at,
): (at: number) => Delimited | undefined {
  let closeAt = -2; // the first `close` at or after the last inside searched from (-1: none, so no part any more)
  let last: Delimited | undefined;
  return (at) => {
    if (last !== undefined && last.start >= at) return last;
    // None left after an earlier `at`, so none after this one: not looked for again from each `at`
    // (printedAndTested's {{ }} after the last {% if %}, or the other way round, read the rest each time).
    if (closeAt === -1) return undefined;
    for (let start = text.indexOf(open, at); start >= 0 && closeAt !== -1; start = text.indexOf(open, start + 1)) {
      const from = inside(start);
      if (from === undefined) continue;
      if (closeAt < from) closeAt = text.indexOf(close, from);
      if (closeAt >= 0) return (last = { start, from, to: insideEnd(closeAt), end: closeAt + close.length });
    }
    closeAt = -1;
    return (last = undefined);
  };
}

/** `text` less its `open … close` parts (delimitedFinder): `{{ }}` gone from a URL's path. */
export function withoutDelimited(text: string, open: string, close: string): string {
  const next = delimitedFinder(text, open, close);
  let kept = '';
  let at = 0;
  for (let part = next(at); part !== undefined; part = next(at)) {
    kept += text.slice(at, part.start);
    at = part.end;
  }
  return kept + text.slice(at);
}

/**
 * What each {{ }} of a text holds and what each {% if %} or {% elseif %} tag tests, left to right
 * (each part after the one before), as /\{\{([\s\S]*?)\}\}|\{%-?\s*(?:if|elseif)\s([\s\S]*?)-?%\}/g
 * finds them, in linear time (delimitedFinder).
 */
export function printedAndTested(text: string): string[] {
  const prints = delimitedFinder(text, '{{', '}}');
  const tests = delimitedFinder(
    text,
    '{%',
    '%}',
    (start) => {
      IF_TAG_HEAD.lastIndex = start + 2;
      return IF_TAG_HEAD.test(text) ? IF_TAG_HEAD.lastIndex : undefined;
    },
    // A `-` before the close trims; never the inside's start, which follows the white space after if.
    (close) => (text[close - 1] === '-' ? close - 1 : close),
  );
  const parts: string[] = [];
  for (let at = 0; ; ) {
    const print = prints(at);
    const test = tests(at);
    const part = print === undefined ? test : test === undefined || print.start < test.start ? print : test;
    if (part === undefined) return parts;
    parts.push(text.slice(part.from, part.to));
    at = part.end;
  }
}

/** What opens an if or elseif tag after its `{%`. */
const IF_TAG_HEAD = /-?\s*(?:if|elseif)\s/y;

/** Sample contact data, as the simulator's defaults (E.164 numbers). */
const SAMPLE_CONTACT = { ANI: '+14085551234', DNIS: '+14694096861', InteractionID: 'sample-interaction', OrgId: 'sample-org' };

/** The start node's contact data as expressions read it (its fields found ignoring case, as the simulator reads them); `fields` over the sample's. */
export function sampleContact(fields: Record<string, string> = {}): FieldsIgnoringCase {
  return new FieldsIgnoringCase(Object.entries({ ...SAMPLE_CONTACT, ...fields }));
}

/**
 * A Pebble scope like the one at run time: activity outputs by label (`extra`), then every
 * declared flow variable with its default value (a variable wins over a label of the same name,
 * as in the simulator).
 */
export function flowScope(model: FlowModel, extra: Record<string, unknown> = {}): Map<string, unknown> {
  const scope = new Map<string, unknown>();
  scope.set(startLabelOf(model), sampleContact());
  for (const [name, value] of Object.entries(extra)) scope.set(name, value);
  for (const variable of model.variables) scope.set(variable.name, variable.defaultValue ?? (variable.type === 'STRING' ? '' : null));
  return scope;
}

/**
 * The values the call had when trace entry `at` ran: the flow's own (flowScope), then what each
 * entry before it changed, flow variables by name and activity outputs by label (the start node's
 * contact data read ignoring case, as the simulator reads it).
 */
export function valuesAt(ctx: CheckContext, trace: readonly TraceEntry[], at: number): Map<string, unknown> {
  const declared = new Set(ctx.model.variables.map((variable) => variable.name));
  const values = flowScope(ctx.model);
  const outputs = new Map<string, Record<string, unknown>>();
  for (const entry of trace.slice(0, at)) {
    for (const [name, value] of Object.entries(entry.modifiedVariables)) {
      const dot = name.indexOf('.');
      if (declared.has(name) || dot < 0) values.set(name, value);
      else outputs.set(name.slice(0, dot), { ...outputs.get(name.slice(0, dot)), [name.slice(dot + 1)]: value });
    }
  }
  const start = startLabelOf(ctx.model);
  for (const [label, fields] of outputs) {
    if (declared.has(label)) continue; // (a variable wins over a label of the same name)
    values.set(label, label === start ? sampleContact(Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, String(value)]))) : fields);
  }
  return values;
}

/** The label the start node's contact data is read under: `NewPhoneContact` unless the flow names it otherwise. */
export function startLabelOf(model: FlowModel): string {
  return activityById(model.main, model.main.start)?.label ?? 'NewPhoneContact';
}

/** A value as a message shows it. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text;
}

/**
 * Why a value holding a {{ }} does not act as that {{ }}: it lies in a comment (`{# #}`) or a
 * `{% verbatim %}` block, which Pebble never evaluates: the value shown still holds the expression
 * the attendee meant, so a failure says where it went ('' when no {{ }} lies in either). Read left
 * to right as Pebble reads them (the first `#}` or `endverbatim` after an opening ends it), each part of the value once: it may be megabytes.
 */
export function unevaluatedNote(value: string): string {
  const opening = /\{#|\{%-?\s*verbatim\s*-?%\}/g;
  const endVerbatim = /\{%-?\s*endverbatim\s*-?%\}/g;
  for (let found = opening.exec(value); found; found = opening.exec(value)) {
    const start = found.index + found[0].length;
    const comment = found[0] === '{#';
    let end: number;
    let after: number;
    if (comment) {
      end = value.indexOf('#}', start);
      after = end + 2;
    } else {
      endVerbatim.lastIndex = start;
      const close = endVerbatim.exec(value);
      end = close ? close.index : -1;
      after = close ? close.index + close[0].length : -1;
    }
    if (value.slice(start, end < 0 ? value.length : end).includes('{{')) {
      return comment ? ': what {# #} holds is a comment, never evaluated' : ': what {% verbatim %} holds is written as text, never evaluated';
    }
    if (end < 0) return '';
    opening.lastIndex = after;
  }
  return '';
}
