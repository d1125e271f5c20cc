/**
 * What a per-attendee report (JSON and HTML) shows of a report, so that no export makes it huge.
 * The simulator keeps each trace entry's values within a budget (engine/simulator/trace-text.ts),
 * but not the names an entry repeats (a label of 262,144 characters, the loader's limit, in a
 * loop of 500 steps made a JSON report of 300 MB) nor the number of entries of that size (300
 * long values set on every step of a loop: 95 MB of JSON, 111 MB of HTML). A class of 500 such
 * reports filled a disk; one froze the browser that opened it.
 *
 * Everything cut says so where it was cut, in the report's own fields (the JSON stays valid
 * against schemas/report.schema.json): a text ends `… N more characters not shown`, and a trace
 * that ran out of its budget ends in an entry of type `not-shown` whose activity reads
 * `… N more steps not shown`. Real reports are far within every bound and come out unchanged.
 */
import type { CheckResult, DrawingGraph, GradeReport, ScenarioResult } from '../engine/report.js';
import type { HttpExchange, TraceEntry } from '../engine/trace.js';

export const REPORT_BOUNDS = {
  /** Characters kept of a name: a trace entry's flow, activity, id, type and outcome, a drawing's ids, labels and exits, a check's activity, the flow name. */
  name: 200,
  /** Characters kept of a check's message, hint, expected, actual and pointer, and of a call's summary. */
  text: 10_000,
  /** Characters of text (names, values, prompts, headers, bodies) shown of one simulated call's trace; a check's excerpt has a quarter. */
  trace: 200_000,
} as const;

/** The type (and outcome) of the entry that ends a trace cut short. */
export const NOT_SHOWN = 'not-shown';

/** `report` as the JSON and HTML reports show it: the same object when nothing is over a bound. */
export function boundReport(report: GradeReport): GradeReport {
  const id = shortIds();
  const checks = sameOr(report.checks, report.checks.map((check) => boundCheck(check, id)));
  const scenarios = sameOr(report.scenarios, report.scenarios.map((scenario) => boundScenario(scenario, id)));
  const flowName = report.input.flowName === undefined ? undefined : shown(report.input.flowName, REPORT_BOUNDS.name);
  const main = report.flow && boundGraph(report.flow.main, id);
  const events = report.flow && boundGraph(report.flow.events, id);
  const flow = report.flow && main === report.flow.main && events === report.flow.events ? report.flow : main && events && { main, events };
  if (checks === report.checks && scenarios === report.scenarios && flowName === report.input.flowName && flow === report.flow) return report;
  return { ...report, input: flowName === report.input.flowName ? report.input : { ...report.input, flowName }, checks, scenarios, ...(flow ? { flow } : {}) };
}

/**
 * `text`, or its first `max` characters (never half a character) followed by how many more there
 * were: `… 261944 more characters not shown`.
 */
export function shown(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]) ? max - 1 : max;
  return `${text.slice(0, end)}… ${text.length - end} more characters not shown`;
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
    if (id.length <= REPORT_BOUNDS.name) return id;
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
  const texts = {
    message: shown(check.message, REPORT_BOUNDS.text),
    hint: shown(check.hint, REPORT_BOUNDS.text),
    ...optional('expected', check.expected, REPORT_BOUNDS.text),
    ...optional('actual', check.actual, REPORT_BOUNDS.text),
    ...optional('activity', check.activity, REPORT_BOUNDS.name),
    ...optional('pointer', check.pointer, REPORT_BOUNDS.text),
  };
  const traceExcerpt = check.traceExcerpt && boundTrace(check.traceExcerpt, REPORT_BOUNDS.trace / 4, id);
  const changed = (Object.keys(texts) as (keyof typeof texts)[]).some((key) => texts[key] !== check[key]) || traceExcerpt !== check.traceExcerpt;
  return changed ? { ...check, ...texts, ...(traceExcerpt ? { traceExcerpt } : {}) } : check;
}

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
  const kept: TraceEntry[] = [];
  for (const [at, entry] of trace.entries()) {
    const named = boundNames(entry, id);
    const size = sizeOf(named);
    if (size > left) {
      const more = trace.length - at;
      kept.push({ flow: named.flow, activity: `… ${more} more ${more === 1 ? 'step' : 'steps'} not shown`, activityId: '', type: NOT_SHOWN, outcome: NOT_SHOWN, modifiedVariables: {} });
      return kept;
    }
    left -= size;
    kept.push(named);
  }
  return sameOr(trace as TraceEntry[], kept);
}

function boundNames(entry: TraceEntry, id: ShortId): TraceEntry {
  const names = {
    flow: shown(entry.flow, REPORT_BOUNDS.name),
    activity: shown(entry.activity, REPORT_BOUNDS.name),
    activityId: id(entry.activityId),
    type: shown(entry.type, REPORT_BOUNDS.name),
    outcome: shown(entry.outcome, REPORT_BOUNDS.name),
  };
  const changed = (Object.keys(names) as (keyof typeof names)[]).some((key) => names[key] !== entry[key]);
  return changed ? { ...entry, ...names } : entry;
}

/** The characters of an entry's text, as the JSON report writes them (give or take quotes and escapes). */
function sizeOf(entry: TraceEntry): number {
  let size = entry.flow.length + entry.activity.length + entry.activityId.length + entry.type.length + entry.outcome.length + (entry.error?.length ?? 0);
  size += recordSize(entry.modifiedVariables);
  for (const prompt of entry.prompts ?? []) size += prompt.length;
  if (entry.http) size += httpSize(entry.http);
  return size;
}

function httpSize(exchange: HttpExchange): number {
  return exchange.method.length + exchange.url.length + recordSize(exchange.requestHeaders) + (exchange.requestBody?.length ?? 0) + (exchange.responseBody?.length ?? 0);
}

function recordSize(record: Record<string, unknown>): number {
  let size = 0;
  for (const [name, value] of Object.entries(record)) size += name.length + (typeof value === 'string' ? value.length : (JSON.stringify(value) ?? '').length);
  return size;
}

function boundGraph(graph: DrawingGraph, id: ShortId): DrawingGraph {
  const nodes = sameOr(
    graph.nodes,
    graph.nodes.map((node) => {
      const names = { id: id(node.id), label: shown(node.label, REPORT_BOUNDS.name), type: shown(node.type, REPORT_BOUNDS.name) };
      return names.id === node.id && names.label === node.label && names.type === node.type ? node : { ...node, ...names };
    }),
  );
  const edges = sameOr(
    graph.edges,
    graph.edges.map((edge) => {
      const names = { from: id(edge.from), to: id(edge.to), exit: shown(edge.exit, REPORT_BOUNDS.name) };
      return names.from === edge.from && names.to === edge.to && names.exit === edge.exit ? edge : { ...edge, ...names };
    }),
  );
  return nodes === graph.nodes && edges === graph.edges ? graph : { nodes, edges };
}

/** `{ [key]: text shown }` when `text` is given, else nothing. */
function optional<K extends string>(key: K, text: string | undefined, max: number): Partial<Record<K, string>> {
  return text === undefined ? {} : ({ [key]: shown(text, max) } as Record<K, string>);
}

/** `before` when every item of `after` is the same object as in it, else `after`. */
function sameOr<T>(before: T[], after: T[]): T[] {
  return after.length === before.length && after.every((item, i) => item === before[i]) ? before : after;
}
