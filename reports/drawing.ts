/** What a flow drawing highlights, worked out from a report: the path a call took, the activities at fault. */
import type { DrawingGraph, GradeReport } from '../engine/report.js';
import type { TraceEntry } from '../engine/trace.js';
import { isFailure } from './summary.js';

/** Key of one drawn edge: an activity's exit (each exit has at most one link). */
export function edgeKey(from: string, exit: string): string {
  return `${from}\n${exit}`;
}

/**
 * Activities a trace ran through, and the edges it took: an edge counts when the trace goes from
 * its activity, by its exit, straight to its target.
 */
export function executedPath(trace: readonly TraceEntry[], graphs: readonly DrawingGraph[]): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set(trace.map((entry) => entry.activityId));
  const edges = new Set<string>();
  const links = new Map(graphs.flatMap((graph) => graph.edges).map((edge) => [edgeKey(edge.from, edge.exit), edge.to]));
  for (let i = 0; i + 1 < trace.length; i++) {
    const key = edgeKey(trace[i].activityId, trace[i].outcome);
    if (links.get(key) === trace[i + 1].activityId) edges.add(key);
  }
  return { nodes, edges };
}

/**
 * Activity ids that failed or errored checks point at: by the JSON pointer
 * (`…/activities/<id>…`), else by the activity label when exactly one activity has it.
 */
export function failingActivities(report: GradeReport): Set<string> {
  const graphs = report.flow ? [report.flow.main, report.flow.events] : [];
  const ids = new Set(graphs.flatMap((graph) => graph.nodes.map((node) => node.id)));
  const byLabel = new Map<string, string[]>();
  for (const node of graphs.flatMap((graph) => graph.nodes)) byLabel.set(node.label, [...(byLabel.get(node.label) ?? []), node.id]);
  const failing = new Set<string>();
  for (const check of report.checks.filter(isFailure)) {
    const fromPointer = activityIdOf(check.pointer);
    if (fromPointer !== undefined && ids.has(fromPointer)) failing.add(fromPointer);
    else if (check.activity !== undefined && byLabel.get(check.activity)?.length === 1) failing.add(byLabel.get(check.activity)![0]);
  }
  return failing;
}

/**
 * A drawing in words, for those who cannot see its colours (its accessible description): how many
 * activities, those the call ran through in the order it first reached them, and those a failing
 * check points at. Plain text: the SVG escapes it.
 */
export function drawingDescription(graph: DrawingGraph, path: ReadonlySet<string>, failing: ReadonlySet<string>, call?: string): string {
  const count = graph.nodes.length;
  const labels = new Map(graph.nodes.map((node) => [node.id, node.label]));
  const parts = [count === 0 ? 'No activities.' : `${count} ${count === 1 ? 'activity' : 'activities'}.`];
  if (call !== undefined && count > 0) {
    const ran = [...path].filter((id) => labels.has(id)).map((id) => labels.get(id)!);
    const which = ran.length === count ? (count === 1 ? 'it' : 'all of them') : `${ran.length} of them`;
    parts.push(ran.length === 0 ? `The simulated call “${call}” did not run through any of them.` : `The simulated call “${call}” ran through ${which}: ${ran.join(', ')}.`);
  }
  const bad = graph.nodes.filter((node) => failing.has(node.id)).map((node) => node.label);
  if (bad.length) parts.push(`With a failing check: ${bad.join(', ')}.`);
  return parts.join(' ');
}

/** `/process/activities/<id>/…` (main, event flows, template bodies) → `<id>`, JSON-pointer unescaped. */
function activityIdOf(pointer: string | undefined): string | undefined {
  const match = pointer ? /\/activities\/([^/]+)/.exec(pointer) : null;
  return match ? match[1].replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

// The palette's names of activity types live in the engine: the checks' messages use them too.
export { activityTypeName } from '../engine/activity-types.js';
