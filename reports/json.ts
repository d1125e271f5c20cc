/**
 * The report as JSON (schemas/report.schema.json): keys in the order of the types in
 * engine/report.ts and engine/trace.ts whatever order the report object was built in, 2-space
 * indent, trailing newline. Field lists are checked against the types at compile time, so a new
 * field cannot be forgotten here.
 */
import type { CheckResult, DrawingEdge, DrawingGraph, DrawingNode, GradeReport, ScenarioResult } from '../engine/report.js';
import type { FailedVariable, HttpExchange, TraceEntry } from '../engine/trace.js';
import { boundReport } from './bounds.js';

export function renderJson(report: GradeReport): string {
  return JSON.stringify(orderReport(report), null, 2) + '\n';
}

/**
 * The report as written: within the report's bounds (bounds.ts: what a hostile export's report
 * shows), its keys (and its parts' keys) in the documented order.
 */
export function orderReport(whole: GradeReport): GradeReport {
  const report = boundReport(whole);
  return {
    ...pick(report, REPORT_KEYS),
    tool: pick(report.tool, ['name', 'version']),
    lab: pick(report.lab, ['id', 'title']),
    attendee: pick(report.attendee, ['id', 'source']),
    input: pick(report.input, ['file', 'flowName', 'sha256', 'lastModified']),
    ...(report.score ? { score: pick(report.score, ['earned', 'possible']) } : {}),
    checks: report.checks.map(orderCheck),
    scenarios: report.scenarios.map(orderScenario),
    ...(report.flow ? { flow: { main: orderGraph(report.flow.main), events: orderGraph(report.flow.events) } } : {}),
    ...(report.error ? { error: pick(report.error, ['code', 'message']) } : {}),
  };
}

const REPORT_KEYS = keys<GradeReport>()(['schemaVersion', 'tool', 'lab', 'attendee', 'input', 'verdict', 'score', 'checks', 'scenarios', 'flow', 'error', 'generatedAt']);
const CHECK_KEYS = keys<CheckResult>()(['id', 'title', 'step', 'severity', 'status', 'points', 'earned', 'message', 'hint', 'expected', 'actual', 'activity', 'pointer', 'traceExcerpt']);
const SCENARIO_KEYS = keys<ScenarioResult>()(['id', 'title', 'passed', 'summary', 'trace']);
const ENTRY_KEYS = keys<TraceEntry>()(['flow', 'activity', 'activityId', 'type', 'outcome', 'outcomeLabel', 'error', 'failedSetting', 'failedVariable', 'modifiedVariables', 'prompts', 'http']);
const VARIABLE_KEYS = keys<FailedVariable>()(['name', 'problem']);
const HTTP_KEYS = keys<HttpExchange>()(['method', 'url', 'requestHeaders', 'requestBody', 'status', 'responseBody', 'unmocked', 'timedOut']);
const NODE_KEYS = keys<DrawingNode>()(['id', 'label', 'labelEnd', 'type', 'position']);
const EDGE_KEYS = keys<DrawingEdge>()(['from', 'to', 'exit', 'label', 'labelEnd']);

function orderCheck(check: CheckResult): CheckResult {
  return { ...pick(check, CHECK_KEYS), ...(check.traceExcerpt ? { traceExcerpt: check.traceExcerpt.map(orderEntry) } : {}) };
}

function orderScenario(scenario: ScenarioResult): ScenarioResult {
  return { ...pick(scenario, SCENARIO_KEYS), trace: scenario.trace.map(orderEntry) };
}

function orderEntry(entry: TraceEntry): TraceEntry {
  return { ...pick(entry, ENTRY_KEYS), ...(entry.failedVariable ? { failedVariable: pick(entry.failedVariable, VARIABLE_KEYS) } : {}), ...(entry.http ? { http: pick(entry.http, HTTP_KEYS) } : {}) };
}

function orderGraph(graph: DrawingGraph): DrawingGraph {
  return {
    nodes: graph.nodes.map((node) => ({ ...pick(node, NODE_KEYS), ...(node.position ? { position: { x: node.position.x, y: node.position.y } } : {}) })),
    edges: graph.edges.map((edge) => pick(edge, EDGE_KEYS)),
  };
}

/** The listed keys, in that order, leaving out the ones that are absent (undefined). */
function pick<T extends object, K extends keyof T>(value: T, order: readonly K[]): T {
  const out: Partial<T> = {};
  for (const key of order) if (value[key] !== undefined) out[key] = value[key];
  return out as T;
}

/** `keys<T>()([...])` compiles only when the list names every key of T. */
function keys<T>() {
  return <const K extends readonly (keyof T)[]>(list: Exclude<keyof T, K[number]> extends never ? K : { missing: Exclude<keyof T, K[number]> }): K => list as K;
}
