/** What a flow drawing highlights, worked out from a report: the path a call took, the activities at fault. */
import type { CheckResult, DrawingGraph, GradeReport } from '../engine/report.js';
import type { TraceEntry } from '../engine/trace.js';
import { graphOfPointer, unescapeSegment } from '../engine/pointer.js';
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

/** The two drawings of a report: the Main Flow tab's and the Event Flows tab's. */
export type DrawingName = 'main' | 'events';

/** An activity a check points at, and the drawing it is found in. */
export interface DrawnActivity {
  id: string;
  drawing: DrawingName;
}

/**
 * Activity ids that failed or errored checks point at: by the JSON pointer
 * (`…/activities/<id>…`), else by the activity label when exactly one activity has it (`find`:
 * drawnActivityOf's finder, given when the caller has made it already).
 */
export function failingActivities(report: GradeReport, find = drawnActivityOf(report)): Set<string> {
  const failing = new Set<string>();
  for (const check of report.checks.filter(isFailure)) {
    const found = find(check);
    if (found) failing.add(found.id);
  }
  return failing;
}

/**
 * For a check, the drawn activity it points at, as failingActivities finds it (the id its pointer
 * names, else the one activity with its label), and which drawing holds it: the one of the tab
 * the pointer names (as summary.ts placeOf says it, so a Where and its link agree), else the
 * first that does (an edited export may repeat an id in both). Undefined when none is drawn (a
 * missing activity, a label two share, a report without a flow).
 */
export function drawnActivityOf(report: GradeReport): (check: CheckResult) => DrawnActivity | undefined {
  if (!report.flow) return () => undefined;
  const graphs: [DrawingName, DrawingGraph][] = [['main', report.flow.main], ['events', report.flow.events]];
  const ids = new Map<DrawingName, Set<string>>(graphs.map(([name, graph]) => [name, new Set(graph.nodes.map((node) => node.id))]));
  const byLabel = new Map<string, DrawnActivity[]>();
  for (const [drawing, graph] of graphs) {
    for (const node of graph.nodes) {
      const named = byLabel.get(node.label);
      if (named) named.push({ id: node.id, drawing });
      else byLabel.set(node.label, [{ id: node.id, drawing }]);
    }
  }
  return (check) => {
    const fromPointer = activityIdOf(check.pointer);
    if (fromPointer !== undefined) {
      const tab: DrawingName | undefined = graphOfPointer(check.pointer);
      const drawing = tab && ids.get(tab)!.has(fromPointer) ? tab : graphs.find(([name]) => ids.get(name)!.has(fromPointer))?.[0];
      if (drawing) return { id: fromPointer, drawing };
    }
    const labelled = check.activity === undefined ? undefined : byLabel.get(check.activity);
    return labelled?.length === 1 ? labelled[0] : undefined;
  };
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
  return match ? unescapeSegment(match[1]) : undefined;
}

// The palette's names of activity types live in the engine: the checks' messages use them too.
export { activityTypeName } from '../engine/activity-types.js';
