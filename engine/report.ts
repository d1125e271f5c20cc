/**
 * The grade report: what `flowgrade check` prints as JSON and every reporter renders.
 * Its JSON Schema is `schemas/report.schema.json` (keep both in step; a test validates with ajv).
 */
import type { TraceEntry } from './trace.js';
import type { Position } from './model.js';

export type Severity = 'required' | 'recommended' | 'info';
type CheckStatus = 'passed' | 'failed' | 'skipped' | 'errored' | 'info';
export type Verdict = 'passed' | 'failed' | 'ungradable';

export interface CheckResult {
  id: string;
  title: string;
  /** Build step of the mission's guide, from 1 (Callback on Global Error: 1–13). */
  step: number;
  severity: Severity;
  status: CheckStatus;
  points: number;
  earned: number;
  message: string;
  /** Shown when the check does not pass: what to change, in Flow Designer's words. */
  hint: string;
  expected?: string;
  actual?: string;
  /** Label of the activity the result points at. */
  activity?: string;
  /** JSON pointer in the export. */
  pointer?: string;
  /** Trace lines that show a behavioural failure (a few entries around the deviation). */
  traceExcerpt?: TraceEntry[];
}

export interface ScenarioResult {
  id: string;
  title: string;
  passed: boolean;
  /** How the run ended. */
  summary: string;
  trace: TraceEntry[];
}

/** A compact drawing of the flow: enough for an SVG, no export internals. */
export interface DrawingNode {
  id: string;
  label: string;
  /** The last characters of a label the report cut (reports/bounds.ts): its box shows the label's start and its real end. */
  labelEnd?: string;
  type: string;
  position?: Position;
}
export interface DrawingEdge {
  from: string;
  to: string;
  exit: string;
  /** The exit as its port on the canvas names it, where the export's key does not say it: a Case's match value (`AMD` for `0`), its Default. */
  label?: string;
  /** The last characters of a `label` the report cut, as a node's `labelEnd`. */
  labelEnd?: string;
}
export interface DrawingGraph {
  nodes: DrawingNode[];
  edges: DrawingEdge[];
}

export interface GradeReport {
  schemaVersion: 1;
  tool: { name: string; version: string };
  lab: { id: string; title: string };
  attendee: { id: string; source: string };
  /** `sha256` is absent when the input's bytes were never read (refused, or its grading never finished). */
  input: { file: string; flowName?: string; sha256?: string; lastModified?: string };
  verdict: Verdict;
  /** Absent when ungradable. */
  score?: { earned: number; possible: number };
  checks: CheckResult[];
  scenarios: ScenarioResult[];
  /** The flow as drawn in reports: main flow and event flows. Absent when ungradable. */
  flow?: { main: DrawingGraph; events: DrawingGraph };
  /** Set when ungradable: the loader's stable code and one-line message. */
  error?: { code: string; message: string };
  /** When the report was made (ISO), from the injected clock. */
  generatedAt: string;
}
