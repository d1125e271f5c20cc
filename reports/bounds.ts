/**
 * What every output shows of a report, so that no export makes one huge: check, the grading
 * threads and the self-check page bound each report once graded (so the console report, JUnit,
 * Markdown, CSV and the dashboard show the same cut texts), and the JSON and HTML renderers bound
 * what they are given.
 * The simulator keeps each trace entry's values within a budget (engine/simulator/trace-text.ts),
 * but not the names an entry repeats (labels of 100,000 characters in a loop the simulator stops
 * at 500 steps made a JSON report of 308 MB; at the loader's limit, 262,144, 486 MB) nor the
 * number of entries of that size (300 long values set on every step of a loop: 95 MB of JSON,
 * 111 MB of HTML). A class of 500 such reports would fill a disk, and one freeze the browser that
 * opened it (docs/reports.md has the measurements).
 *
 * Everything cut says so where it was cut, in the report's own fields (the JSON stays valid
 * against schemas/report.schema.json): a text keeps its first characters and ends `… (N characters)`,
 * N its whole length, as every cut text of every format does (clipText, and the simulator's
 * clipTraceText for a trace's values); and a trace
 * that ran out of its budget ends in an entry of type `not-shown` whose activity reads
 * `… N more steps not shown`. Real reports are far within every bound and come out unchanged.
 *
 * A report is walked once: `boundReport` keeps the reports it gave (in a WeakSet, by identity) and
 * gives each back at once when given it again, so the writers that bound what they are given
 * (JSON, HTML) cost nothing more for a report bounded before (`check`, `grade`, the page); any
 * other report is walked; a copy of a bounded report (read back from its JSON, or from another
 * thread) is bounded to the same report, its cut texts and traces not cut again. What it gives is
 * never the object it was given, so a report handed to a writer stays its caller's, bounded again
 * when written again; only the report `boundReport` gave is read-only: a change made to it
 * afterwards (nothing does) would not be bounded again.
 */
import type { CheckResult, DrawingGraph, GradeReport, ScenarioResult } from '../engine/report.js';
import type { FailedVariable, HttpExchange, TraceEntry } from '../engine/trace.js';
import { clipText, codePoints, lastCodePoints } from './code-points.js';

export const REPORT_BOUNDS = {
  /** Characters kept of a name: a trace entry's flow, activity, id, type, outcome, failed setting and failed variable's name, a drawing's ids, labels and exits, a check's activity, the flow name. */
  name: 200,
  /** Characters kept of a check's message, hint, expected, actual and pointer, of a call's summary, and of an ungradable report's message. */
  text: 10_000,
  /** Characters of text (names, values, prompts, headers, bodies) shown of one simulated call's trace; a check's excerpt has a quarter. */
  trace: 200_000,
  /**
   * Last characters of a drawing's label kept beside its cut text (`labelEnd`), so its box shows the
   * label's real end, as it does a shorter label's (text-fit.ts fitTextMiddle: a box shows 19
   * characters, a link's label 24, at most half of them from the end).
   */
  labelEnd: 24,
} as const;

/** The type (and outcome) of the entry that ends a trace cut short. */
export const NOT_SHOWN = 'not-shown';

/** The reports `boundReport` gave: within the bounds, so not walked again. */
const bounded = new WeakSet<GradeReport>();

/**
 * `report` as the JSON and HTML reports show it: a new report object (its parts the same objects
 * when nothing is over a bound), unless it is one this function gave.
 */
export function boundReport(report: GradeReport): GradeReport {
  if (bounded.has(report)) return report;
  const result = bound(report);
  // Never the caller's own object: the record would make it read-only without its caller knowing.
  const given = result === report ? { ...report } : result;
  bounded.add(given);
  return given;
}

function bound(report: GradeReport): GradeReport {
  const id = shortIds();
  const checks = mapSame(report.checks, (check) => boundCheck(check, id));
  const scenarios = mapSame(report.scenarios, (scenario) => boundScenario(scenario, id));
  const flowName = report.input.flowName === undefined ? undefined : shown(report.input.flowName, REPORT_BOUNDS.name);
  const main = report.flow && boundGraph(report.flow.main, id);
  const events = report.flow && boundGraph(report.flow.events, id);
  const flow = report.flow && main === report.flow.main && events === report.flow.events ? report.flow : main && events && { main, events };
  // An ungradable report's message is flowgrade's, but read back from a file (merge's shards) it may be anything: a text, in the class files too.
  const error = report.error && (shown(report.error.message, REPORT_BOUNDS.text) === report.error.message ? report.error : { ...report.error, message: shown(report.error.message, REPORT_BOUNDS.text) });
  if (checks === report.checks && scenarios === report.scenarios && flowName === report.input.flowName && flow === report.flow && error === report.error) return report;
  return { ...report, input: flowName === report.input.flowName ? report.input : { ...report.input, flowName }, checks, scenarios, ...(flow ? { flow } : {}), ...(error ? { error } : {}) };
}

/**
 * An activity id as the report shows it, the same wherever it appears (trace entries, the
 * drawing's nodes and links): a long one is cut like a name, and two cut alike are told apart.
 */
type ShortId = (id: string) => string;

function shortIds(): ShortId {
  const given = new Map<string, string>();
  const taken = new Set<string>();
  return (id) => {
    if (!over(id, REPORT_BOUNDS.name)) return id;
    let short = given.get(id);
    if (short === undefined) {
      const cut = shown(id, REPORT_BOUNDS.name);
      short = cut;
      for (let n = 2; taken.has(short); n++) short = `${cut} (${n})`;
      given.set(id, short);
      taken.add(short);
    }
    return short;
  };
}

function boundCheck(check: CheckResult, id: ShortId): CheckResult {
  const traceExcerpt = check.traceExcerpt && boundTrace(check.traceExcerpt, REPORT_BOUNDS.trace / 4, id);
  const { text, name } = REPORT_BOUNDS;
  // Every report but a hostile export's: nothing over a bound, nothing copied.
  if (!over(check.message, text) && !over(check.hint, text) && !over(check.expected, text) && !over(check.actual, text) && !over(check.activity, name) && !over(check.pointer, text) && traceExcerpt === check.traceExcerpt) return check;
  const texts = {
    message: shown(check.message, text),
    hint: shown(check.hint, text),
    ...optional('expected', check.expected, text),
    ...optional('actual', check.actual, text),
    ...optional('activity', check.activity, name),
    ...optional('pointer', check.pointer, text),
  };
  return { ...check, ...texts, ...(traceExcerpt ? { traceExcerpt } : {}) };
}

/** Whether `text` is longer than `max` characters: cut when shown. */
function over(text: string | undefined, max: number): boolean {
  return text !== undefined && shown(text, max) !== text;
}

/**
 * `text` within `max` characters: cut by clipText, `… (N characters)` after its first `max`, unless
 * it is so cut already (a report bounded before, then copied or read back from its JSON), which
 * cut again would give its cut form's length as N.
 */
function shown(text: string, max: number): string {
  return text.length <= max || wasCut(text, max) ? text : clipText(text, max);
}

/**
 * Whether `text` is what clipText gives of a longer text cut to `max` characters (an id told apart
 * from another: ` (2)` after it): clipText gives such a text back as it is, and no other text over
 * `max` characters.
 */
function wasCut(text: string, max: number): boolean {
  const cut = text.replace(ID_NUMBER, '');
  return codePoints(cut) > max && clipText(cut, max) === cut;
}

/** What shortIds adds to an id cut like another: ` (2)`. */
const ID_NUMBER = / \(\d+\)$/;

function boundScenario(scenario: ScenarioResult, id: ShortId): ScenarioResult {
  const summary = shown(scenario.summary, REPORT_BOUNDS.text);
  const trace = boundTrace(scenario.trace, REPORT_BOUNDS.trace, id);
  return summary === scenario.summary && trace === scenario.trace ? scenario : { ...scenario, summary, trace };
}

/**
 * The entries of `trace` while their text fits in `budget` characters; from the first that does
 * not, one entry saying how many steps are not shown. The same array when all fit.
 */
function boundTrace(trace: readonly TraceEntry[], budget: number, id: ShortId): TraceEntry[] {
  let left = budget;
  const bounded = mapSame(trace as TraceEntry[], (entry) => boundNames(entry, id));
  // A trace bounded before ends in its not-shown entry, which is no step: not counted, so kept.
  const steps = isNotShown(bounded.at(-1)) ? bounded.length - 1 : bounded.length;
  for (let at = 0; at < steps; at++) {
    left -= sizeOf(bounded[at]);
    if (left < 0) {
      const more = bounded.length - at;
      const notShown: TraceEntry = { flow: bounded[at].flow, activity: `… ${more} more ${more === 1 ? 'step' : 'steps'} not shown`, activityId: '', type: NOT_SHOWN, outcome: NOT_SHOWN, modifiedVariables: {} };
      return [...bounded.slice(0, at), notShown];
    }
  }
  return bounded;
}

/** Whether `entry` is the one boundTrace ends a cut trace with. */
function isNotShown(entry: TraceEntry | undefined): boolean {
  return entry !== undefined && entry.type === NOT_SHOWN && entry.outcome === NOT_SHOWN && entry.activityId === '' && entry.error === undefined && entry.failedSetting === undefined && entry.failedVariable === undefined && entry.prompts === undefined && entry.http === undefined && Object.keys(entry.modifiedVariables).length === 0;
}

function boundNames(entry: TraceEntry, id: ShortId): TraceEntry {
  const { name } = REPORT_BOUNDS;
  if (!over(entry.flow, name) && !over(entry.activity, name) && !over(entry.activityId, name) && !over(entry.type, name) && !over(entry.outcome, name) && !over(entry.outcomeLabel, name) && !over(entry.failedSetting, name) && !over(entry.failedVariable?.name, name)) return entry;
  const names = {
    flow: shown(entry.flow, name),
    activity: shown(entry.activity, name),
    activityId: id(entry.activityId),
    type: shown(entry.type, name),
    outcome: shown(entry.outcome, name),
    ...optional('outcomeLabel', entry.outcomeLabel, name),
    ...optional('failedSetting', entry.failedSetting, name),
    ...(entry.failedVariable ? { failedVariable: { ...entry.failedVariable, name: shown(entry.failedVariable.name, name) } } : {}),
  };
  return { ...entry, ...names };
}

/** The characters of an entry's text, as the JSON report writes them (give or take quotes and escapes). */
function sizeOf(entry: TraceEntry): number {
  let size = entry.flow.length + entry.activity.length + entry.activityId.length + entry.type.length + entry.outcome.length + (entry.outcomeLabel?.length ?? 0) + (entry.error?.length ?? 0) + (entry.failedSetting?.length ?? 0) + failedVariableSize(entry.failedVariable);
  size += recordSize(entry.modifiedVariables);
  for (const prompt of entry.prompts ?? []) size += prompt.length;
  if (entry.http) size += httpSize(entry.http);
  return size;
}

function failedVariableSize(variable: FailedVariable | undefined): number {
  return variable === undefined ? 0 : variable.name.length + variable.problem.length;
}

function httpSize(exchange: HttpExchange): number {
  return exchange.method.length + exchange.url.length + recordSize(exchange.requestHeaders) + (exchange.requestBody?.length ?? 0) + (exchange.responseBody?.length ?? 0);
}

function recordSize(record: Record<string, unknown>): number {
  let size = 0;
  for (const name of Object.keys(record)) {
    const value = record[name];
    size += name.length + (typeof value === 'string' ? value.length : (JSON.stringify(value) ?? '').length);
  }
  return size;
}

function boundGraph(graph: DrawingGraph, id: ShortId): DrawingGraph {
  const { name } = REPORT_BOUNDS;
  const nodes = mapSame(graph.nodes, (node) => {
    const end = labelEnd(node.label, node.labelEnd);
    if (!over(node.id, name) && !over(node.label, name) && !over(node.type, name) && end === node.labelEnd) return node;
    const { labelEnd: _, ...rest } = node;
    return { ...rest, id: id(node.id), label: shown(node.label, name), ...(end === undefined ? {} : { labelEnd: end }), type: shown(node.type, name) };
  });
  const edges = mapSame(graph.edges, (edge) => {
    const end = labelEnd(edge.label, edge.labelEnd);
    if (!over(edge.from, name) && !over(edge.to, name) && !over(edge.exit, name) && !over(edge.label, name) && end === edge.labelEnd) return edge;
    const { labelEnd: _, ...rest } = edge;
    return { ...rest, from: id(edge.from), to: id(edge.to), exit: shown(edge.exit, name), ...optional('label', edge.label, name), ...(end === undefined ? {} : { labelEnd: end }) };
  });
  return nodes === graph.nodes && edges === graph.edges ? graph : { nodes, edges };
}

/**
 * A drawing label's `labelEnd`: the last REPORT_BOUNDS.labelEnd characters of a label cut here; for
 * a label cut before (a report read back from its JSON), the end it came with, within that bound;
 * none for a label that is not cut (or none).
 */
function labelEnd(label: string | undefined, given: string | undefined): string | undefined {
  if (label === undefined || label.length <= REPORT_BOUNDS.name) return undefined;
  const kept = REPORT_BOUNDS.labelEnd;
  if (over(label, REPORT_BOUNDS.name)) return lastCodePoints(label, kept);
  if (given === undefined || !wasCut(label, REPORT_BOUNDS.name)) return undefined;
  return given.length <= kept ? given : lastCodePoints(given, kept);
}

/** `{ [key]: text shown }` when `text` is given, else nothing. */
function optional<K extends string>(key: K, text: string | undefined, max: number): Partial<Record<K, string>> {
  return text === undefined ? {} : ({ [key]: shown(text, max) } as Record<K, string>);
}

/** `items` mapped by `bound`: the same array when `bound` gives every item back unchanged (no copy made). */
function mapSame<T>(items: T[], bound: (item: T) => T): T[] {
  let changed: T[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = bound(items[i]);
    if (changed) changed.push(item);
    else if (item !== items[i]) changed = [...items.slice(0, i), item];
  }
  return changed ?? items;
}
