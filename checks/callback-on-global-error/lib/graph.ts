/** Walking a flow graph: what an exit leads to, and what is reachable from it. */
import { exitName, isNamedExit } from '../../../engine/activity-types.js';
import type { Activity, FlowGraph } from '../../../engine/model.js';

function activityById(graph: FlowGraph, id: string | undefined): Activity | undefined {
  return id === undefined ? undefined : indexOf(graph).get(id);
}

/** Each graph's activities by id, built once (graphs do not change after loading). */
const indexes = new WeakMap<FlowGraph, Map<string, Activity>>();

function indexOf(graph: FlowGraph): Map<string, Activity> {
  let index = indexes.get(graph);
  if (!index) {
    index = new Map();
    for (const activity of graph.activities) if (!index.has(activity.id)) index.set(activity.id, activity);
    indexes.set(graph, index);
  }
  return index;
}

/** The activity an exit is linked to, or undefined when the exit is open. */
export function exitTarget(graph: FlowGraph, activity: Activity, exit: string): Activity | undefined {
  return Object.hasOwn(activity.exits, exit) ? activityById(graph, activity.exits[exit]) : undefined;
}

/**
 * Activities reachable from `startIds` (the starts included), breadth-first, in visiting order.
 * Activities in `avoid` are neither visited nor walked through.
 */
export function reachableFrom(graph: FlowGraph, startIds: readonly string[], avoid: ReadonlySet<string> = new Set()): Activity[] {
  const byId = indexOf(graph);
  const seen = new Set<string>();
  const order: Activity[] = [];
  const queue = [...startIds];
  // An index instead of shift(), and no argument spreading: an activity may have 200,000 exits.
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head];
    if (seen.has(id) || avoid.has(id)) continue;
    const activity = byId.get(id);
    if (!activity) continue;
    seen.add(id);
    order.push(activity);
    for (const target of Object.values(activity.exits)) if (!seen.has(target)) queue.push(target);
  }
  return order;
}

/**
 * Does following `exit` of `from` lead to `target` (directly or through other activities)?
 * The walk never passes through `from` again, so a loop back into it does not count.
 */
export function exitLeadsTo(graph: FlowGraph, from: Activity, exit: string, target: Activity): boolean {
  return exitReaches(graph, from, exit, (a) => a.id === target.id) !== undefined;
}

/**
 * The first activity (breadth-first) reachable through `exit` of `from` that matches, never passing
 * through `from` (nor through the activities in `avoid`).
 */
export function exitReaches(graph: FlowGraph, from: Activity, exit: string, matches: (a: Activity) => boolean, avoid: ReadonlySet<string> = new Set()): Activity | undefined {
  if (!Object.hasOwn(from.exits, exit)) return undefined;
  return reachableFrom(graph, [from.exits[exit]], new Set([from.id, ...avoid])).find(matches);
}

/** Where an exit leads, for messages, in the canvas's words: `WantCallback option 3 → NewNumber`, `SetGetResult: its exit is not connected`. */
export function describeExit(graph: FlowGraph, activity: Activity, exit: string): string {
  const target = exitTarget(graph, activity, exit);
  const name = canvasExitName(exit);
  const from = name ? `${activity.label} ${name}` : activity.label;
  return target ? `${from} → ${target.label}` : name ? `${from} not connected` : `${activity.label}: its exit is not connected`;
}

/** An exit as the canvas names it: a menu digit is `option N`; the single way out of most activities has no name (''). */
export function canvasExitName(exit: string): string {
  if (isNamedExit(exit)) return exitName(exit);
  if (exit === 'out' || exit === 'default') return '';
  return /^\d$/.test(exit) ? `option ${exit}` : exit;
}

/**
 * The hint for a missing connection between two activities that both exist: move the exit's
 * connection (from where it leads now, if anywhere) to `to` — not add the activity again.
 */
export function connectHint(graph: FlowGraph, from: Activity, exit: string, to: Activity): string {
  const target = exitTarget(graph, from, exit);
  const now = target ? ` from ${target.label}` : '';
  return graph.kind === 'events' ? `Event Flows → drag the connection of ${from.label}${now} to ${to.label}.` : `${from.label} → drag the connection of its exit${now} to ${to.label}.`;
}
