/**
 * Looking up a flow graph's activities by id, and what is reachable from some of them: one index and
 * one breadth-first walk for the loader, the simulator and the checks, so that they all read one
 * activity for one id and walk a graph alike.
 */
import type { Activity, FlowGraph } from './model.js';

/** Each graph's activities by id, built once, on the first look-up (a graph does not change after loading). */
const indexes = new WeakMap<FlowGraph, Map<string, Activity>>();

/**
 * The activity `id` names in `graph`; undefined when none does (or no id is given). An id is the
 * activity's key in the export's `activities` (model.ts), so the loader gives each id one activity; a
 * graph made otherwise, two activities of one id, gives its first (as `activities.find` does) to every
 * reader alike: the simulator runs the activity the checks judge.
 */
export function activityById(graph: FlowGraph, id: string | undefined): Activity | undefined {
  return id === undefined ? undefined : indexOf(graph).get(id);
}

function indexOf(graph: FlowGraph): Map<string, Activity> {
  let index = indexes.get(graph);
  if (!index) {
    index = new Map();
    for (const activity of graph.activities) if (!index.has(activity.id)) index.set(activity.id, activity);
    indexes.set(graph, index);
  }
  return index;
}

/**
 * The ids reachable from `startIds` (the starts included), breadth-first, in visiting order: `nextOf`
 * gives the ids an id leads to, or undefined for an id that is not to be visited (no such activity, or
 * one not to walk through); it is called once for each id visited, in visiting order (and for an id not
 * visited, each time a way leads there). Linear in activities + exits: an index instead of shift(), and
 * no argument spreading (an activity may have 200,000 exits).
 */
export function reachableIds(startIds: readonly string[], nextOf: (id: string) => Iterable<string> | undefined): string[] {
  const seen = new Set<string>();
  const order: string[] = [];
  const queue = [...startIds];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head];
    if (seen.has(id)) continue;
    const next = nextOf(id);
    if (next === undefined) continue;
    seen.add(id);
    order.push(id);
    for (const target of next) if (!seen.has(target)) queue.push(target);
  }
  return order;
}

/**
 * The activities of `graph` reachable from `startIds` (the starts included), breadth-first, in
 * visiting order. Activities in `avoid` are neither visited nor walked through.
 */
export function reachableFrom(graph: FlowGraph, startIds: readonly string[], avoid: ReadonlySet<string> = new Set()): Activity[] {
  const order: Activity[] = [];
  reachableIds(startIds, (id) => {
    const activity = avoid.has(id) ? undefined : activityById(graph, id);
    if (!activity) return undefined;
    order.push(activity); // (nextOf is called once per id visited, in visiting order)
    return Object.values(activity.exits);
  });
  return order;
}
