/** Walking a flow graph: what an exit leads to, and what is reachable from it. */
import { exitName, isNamedExit } from '../../../engine/activity-types.js';
import { activityById, reachableFrom } from '../../../engine/graph.js';
import type { Activity, FlowGraph } from '../../../engine/model.js';

/** The activity an exit is linked to, or undefined when the exit is open. */
export function exitTarget(graph: FlowGraph, activity: Activity, exit: string): Activity | undefined {
  return Object.hasOwn(activity.exits, exit) ? activityById(graph, activity.exits[exit]) : undefined;
}

/**
 * Where `from`'s `exit` leads past the Set Variables on the way (each passes the call on by its `out`
 * exit): `via`, those Set Variables in order, and `target`, where the last one's exit leads: the first
 * other activity, undefined where that exit is open. An attendee may put one in OnGlobalError
 * (errortime = now()): OnGlobalError → SetVariable → EndFlow ends the event flow as the template's
 * straight connection does, and the connection to change is the Set Variable's. Set Variables in a
 * loop (A → B → A) end the walk where it comes back, `target` the one the last leads back to: its exit
 * is connected, so a hint drags that connection rather than "connect" it (the simulator stops such a
 * call too).
 */
export function pastSetVariables(graph: FlowGraph, from: Activity, exit: string): { via: Activity[]; target: Activity | undefined } {
  const via: Activity[] = [];
  let target = exitTarget(graph, from, exit);
  while (target?.type === 'set-variable' && !via.includes(target)) {
    via.push(target);
    target = exitTarget(graph, target, 'out');
  }
  return { via, target };
}

/** The activities from which `target` can be reached (`target` included): reachableFrom, walked backwards. */
export function leadingTo(graph: FlowGraph, target: Activity): Set<Activity> {
  const into = new Map<string, Activity[]>();
  for (const activity of graph.activities) {
    for (const next of Object.values(activity.exits)) {
      const from = into.get(next);
      if (from) from.push(activity);
      else into.set(next, [activity]);
    }
  }
  const found = new Set<Activity>([target]);
  const queue = [target];
  for (let head = 0; head < queue.length; head++) {
    for (const from of into.get(queue[head].id) ?? []) {
      if (found.has(from)) continue;
      found.add(from);
      queue.push(from);
    }
  }
  return found;
}

/**
 * Does following `exit` of `from` lead to `target` (directly or through other activities)?
 * The walk never passes through `from` again, so a loop back into it does not count, nor through
 * the activities in `avoid` (one whose exit never runs).
 */
export function exitLeadsTo(graph: FlowGraph, from: Activity, exit: string, target: Activity, avoid: ReadonlySet<string> = new Set()): boolean {
  return exitReaches(graph, from, exit, (a) => a.id === target.id, avoid) !== undefined;
}

/**
 * The first activity (breadth-first) reachable through `exit` of `from` that matches, never passing
 * through `from` (nor through the activities in `avoid`).
 */
export function exitReaches(graph: FlowGraph, from: Activity, exit: string, matches: (a: Activity) => boolean, avoid: ReadonlySet<string> = new Set()): Activity | undefined {
  if (!Object.hasOwn(from.exits, exit)) return undefined;
  return reachableFrom(graph, [from.exits[exit]], new Set([from.id, ...avoid])).find(matches);
}

/**
 * The connection by which `exit` of `from` first comes to an activity that matches (breadth-first,
 * never through `from`): the activity that exit belongs to (`from` itself when it leads there
 * directly), the exit, and the activity reached; undefined when none is reached.
 */
export function entryLink(graph: FlowGraph, from: Activity, exit: string, matches: (a: Activity) => boolean): { from: Activity; exit: string; to: Activity } | undefined {
  const first = exitTarget(graph, from, exit);
  if (!first) return undefined;
  if (matches(first)) return { from, exit, to: first };
  const seen = new Set([from.id, first.id]);
  const queue = [first];
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head];
    for (const [out, id] of Object.entries(at.exits)) {
      const next = seen.has(id) ? undefined : activityById(graph, id);
      if (!next) continue;
      if (matches(next)) return { from: at, exit: out, to: next };
      seen.add(id);
      queue.push(next);
    }
  }
  return undefined;
}

/**
 * An activity as the canvas names it, for messages and hints: an event handler by its event
 * (OnGlobalError, as Flow Designer's Event Flows tab and the guide show it), not by its export name
 * (GlobalErrorHandling, which only the Debug tool's Activity Name shows); any other by its Activity Label.
 */
export function canvasLabel(activity: Activity): string {
  return activity.event?.display ?? activity.label;
}

/** Where an exit leads, for messages, in the canvas's words: `WantCallback option 3 → NewNumber`, `SetGetResult: its exit is not connected`. */
export function describeExit(graph: FlowGraph, activity: Activity, exit: string): string {
  const target = exitTarget(graph, activity, exit);
  const name = canvasExitName(exit);
  const from = name ? `${canvasLabel(activity)} ${name}` : canvasLabel(activity);
  return target ? `${from} → ${canvasLabel(target)}` : name ? `${from} not connected` : `${canvasLabel(activity)}: its exit is not connected`;
}

/** An exit as the canvas names it: a menu digit is `option N`; the single way out of most activities has no name (''). */
export function canvasExitName(exit: string): string {
  if (isNamedExit(exit)) return exitName(exit);
  if (exit === 'out' || exit === 'default') return '';
  return /^\d$/.test(exit) ? `option ${exit}` : exit;
}

/**
 * An exit as Flow Designer shows it, in a connection edit: a Menu's option by its digit
 * (`WantCallback option 3`), a named exit by its name (`the True exit of HTTPStatusCode`), and the
 * one exit of an HTTP Request or a Set Variable by the activity alone (`GET_CBID`), as the guide's
 * "Connect GET_CBID to this node" does.
 */
export function exitShown(label: string, exit: string): string {
  const name = canvasExitName(exit);
  if (name === '') return label;
  return /^\d$/.test(exit) ? `${label} ${name}` : `the ${name} exit of ${label}`;
}

/**
 * One connection edit, in the one vocabulary every hint uses, static or simulated, Main Flow or Event
 * Flows: an exit leads to one activity, so an open one (`now` undefined) is connected ("connect X to
 * Y", a new connection drawn from it), and a connected one has its connection's end dragged ("drag the
 * connection of X from Z to Y") — "drag" what is not there, or "connect" an exit that already leads
 * elsewhere, names an edit Flow Designer does not make. `from` is the exit as exitShown names it,
 * `step` the guide's Build step that makes the connection. No capital, no full stop: hints put it in
 * their own sentences.
 */
export function connectionEdit(from: string, now: string | undefined, to: string, step?: number): string {
  const where = step === undefined ? '' : ` (Build step ${step})`;
  return now === undefined ? `connect ${from} to ${to}${where}` : `drag the connection of ${from} from ${now} to ${to}${where}`;
}

/** A hint's sentence made of connection edits (connectionEdit): `Event Flows → ` before those of the event flows, a capital in the Main Flow, where the canvas opens. */
export function connectionSentence(kind: FlowGraph['kind'], edits: string): string {
  return kind === 'events' ? `Event Flows → ${edits}.` : `${edits[0].toUpperCase()}${edits.slice(1)}.`;
}

/**
 * The hint for a missing connection between two activities that both exist: `exit` of `from` led to
 * `to` (Build step `step`) — connected when open, its connection dragged from where it leads now —
 * not the activity added again. When another exit of `from` is connected to `to`, that connection is
 * the one to move (moveHint).
 */
export function connectHint(graph: FlowGraph, from: Activity, exit: string, to: Activity, step?: number): string {
  const wrong = wrongExit(graph, from, exit, (a) => a.id === to.id);
  if (wrong) return moveHint(graph, from, exit, wrong);
  const now = exitTarget(graph, from, exit);
  return swapHint(graph, from, exit, to, step) ?? connectionSentence(graph.kind, connectionEdit(exitShown(canvasLabel(from), exit), now && canvasLabel(now), canvasLabel(to), step));
}

/**
 * The hint when `to` is connected just before `from` (an exit of `to` leads straight to `from`, and one
 * exit of one other activity leads to `to`), `exit` of `from` leading on to a third: the two were
 * connected in the wrong order (option 3 → SetGetResult → GET_CBID), and dragging `from`'s exit to
 * `to` alone would make a loop. The three edits that swap them; undefined for any other connection.
 */
function swapHint(graph: FlowGraph, from: Activity, exit: string, to: Activity, step?: number): string | undefined {
  const back = Object.keys(to.exits).filter((name) => exitTarget(graph, to, name)?.id === from.id);
  const into = graph.activities.flatMap((a) => (a.id === to.id ? [] : Object.keys(a.exits).filter((name) => exitTarget(graph, a, name)?.id === to.id).map((name) => ({ before: a, name }))));
  const next = exitTarget(graph, from, exit);
  if (back.length !== 1 || into.length !== 1 || into[0].before.id === from.id || !next || next.id === to.id) return undefined;
  const { before, name } = into[0];
  // (`before` may be an event handler: OnGlobalError → HTTPStatusCode → CallBackAPI_HTTPRequest.)
  const [b, f, t, n] = [before, from, to, next].map(canvasLabel);
  const edits = [
    connectionEdit(exitShown(b, name), t, f),
    connectionEdit(exitShown(f, exit), n, t, step),
    connectionEdit(exitShown(t, back[0]), f, n),
  ];
  return connectionSentence(graph.kind, `${t} is connected before ${f}, not after it: ${edits[0]}, ${edits[1]}, and ${edits[2]}`);
}

/**
 * The description paragraph of each check hinting a connection with connectHint (docs/checks/), static
 * or simulated, with its own example (`from`'s exit, where it may lead instead, `to`, the Build step):
 * one wording for one edit.
 */
export function connectionNote(kind: FlowGraph['kind'], from: string, now: string, to: string, step: number): string[] {
  const sentence = (edit: string) => connectionSentence(kind, edit);
  return [
    '',
    "When both activities are in the flow, the hint names the connection in Flow Designer's words, the same in the",
    'static and the simulated checks failing for it: when the exit is open,',
    `"${sentence(connectionEdit(from, undefined, to, step))}", and when it leads elsewhere,`,
    `"${sentence(connectionEdit(from, now, to, step))}"; when the two are connected in the wrong order (${to} just`,
    'before the activity it should follow, where that edit alone would make a loop), the three connections that swap them.',
  ];
}

/**
 * The edit that leads OnGlobalError's way on to the Create Task request `request`, in the one wording
 * every check hinting it gives (global-error-not-to-endflow, callback-api-after-global-error, and the
 * simulated call's run-task-created), so that an attendee reading them reads one edit: `from` is the
 * activity whose exit is to change (OnGlobalError, or the last Set Variable it runs first, which may
 * stay), `next` where that exit leads now, if anywhere: connectionEdit's words — but for a connection
 * to an End Flow, which the guide's Build step 7 deletes first (its words).
 */
export function requestConnectionHint(from: string, next: { label: string; isEnd: boolean } | undefined, request: string): string {
  const edit = next?.isEnd
    ? `delete the connection from ${from} to ${next.label} (Build step 7), then ${connectionEdit(from, undefined, request, 8)}`
    : connectionEdit(from, next?.label, request, 8);
  return connectionSentence('events', edit);
}

/** Another exit of an activity, connected to what a check looks for on `exit` (wrongExit). */
export interface WrongExit {
  exit: string;
  /** The activity it is connected to. */
  target: Activity;
}

/**
 * Another exit of `from` connected straight to an activity `matches` accepts: the attendee made
 * the connection, from the wrong exit (GET_CBID's Undefined Error exit for its success exit, option 2
 * for option 3). Only a direct connection counts: what a longer way leads to may belong there, and
 * "X is connected to option 2" must be what the canvas shows. A loop back into `from` does not count,
 * nor the exits in `besides`, which the step wants to lead there too (a Condition's True and False).
 */
export function wrongExit(graph: FlowGraph, from: Activity, exit: string, matches: (a: Activity) => boolean, besides: readonly string[] = []): WrongExit | undefined {
  for (const other of Object.keys(from.exits)) {
    if (other === exit || besides.includes(other)) continue;
    const target = exitTarget(graph, from, other);
    if (target && target.id !== from.id && matches(target)) return { exit: other, target };
  }
  return undefined;
}

/**
 * The message, `actual` and hint of a failed "`exit` of `from` leads to …" check: when another exit
 * of `from` is connected to what the check looks for (`matches`), they say so in the canvas's words
 * ("SetGetResult is connected to its Undefined Error exit, not to its success exit") — the attendee
 * did connect it, and "not connected" alone would contradict the canvas; else `otherwise`, its
 * `actual` by default where the exit leads (describeExit).
 */
export function missedLink(
  graph: FlowGraph,
  from: Activity,
  exit: string,
  matches: (a: Activity) => boolean,
  otherwise: { message: string; actual?: string; hint?: string },
): { message: string; actual: string; hint?: string } {
  const wrong = wrongExit(graph, from, exit, matches);
  if (!wrong) return { message: otherwise.message, actual: otherwise.actual ?? describeExit(graph, from, exit), ...(otherwise.hint ? { hint: otherwise.hint } : {}) };
  return {
    message: misconnection(from, exit, wrong),
    actual: `${canvasLabel(from)}: ${wrongExitClause(graph, from, exit, wrong)}`,
    hint: moveHint(graph, from, exit, wrong),
  };
}

/**
 * The description paragraph of each check judging a link with missedLink (docs/checks/), with the
 * check's own example of what a failure then says: one wording for one behaviour.
 */
export function wrongExitNote(example: string): string[] {
  return [
    '',
    'A connection made straight from another exit of the same activity is reported as such, not as a missing',
    "one (the attendee did connect it): the failure says so in Flow Designer's words,",
    `${example}, and the hint says which connection to move to which exit.`,
  ];
}

/** `SetGetResult is connected to the Undefined Error exit of GET_CBID, not to its success exit`; `GET_CBID is connected to option 2 of WantCallback, not to option 3`. */
export function misconnection(from: Activity, exit: string, wrong: WrongExit): string {
  return `${canvasLabel(wrong.target)} is connected to ${exitOf(wrong.exit, canvasLabel(from))}, not to ${itsExit(exit)}`;
}

/**
 * `SetGetResult is connected to its Undefined Error exit, not to its success exit`, after the
 * activity's label; and where `exit` leads instead, if anywhere: ` (option 3 → Music)`.
 */
export function wrongExitClause(graph: FlowGraph, from: Activity, exit: string, wrong: WrongExit): string {
  const now = exitTarget(graph, from, exit);
  return `${canvasLabel(wrong.target)} is connected to ${itsExit(wrong.exit)}, not to ${itsExit(exit)}${now ? ` (${itsExit(exit)} → ${canvasLabel(now)})` : ''}`;
}

/** `GET_CBID → move the connection to SetGetResult from its Undefined Error exit to its success exit.`, and what that replaces. */
export function moveHint(graph: FlowGraph, from: Activity, exit: string, wrong: WrongExit): string {
  const now = exitTarget(graph, from, exit);
  const instead = now ? `, in place of the one to ${canvasLabel(now)}` : '';
  return graph.kind === 'events'
    ? `Event Flows → move the connection to ${canvasLabel(wrong.target)} from ${exitOf(wrong.exit, canvasLabel(from))} to ${itsExit(exit)}${instead}.`
    : `${canvasLabel(from)} → move the connection to ${canvasLabel(wrong.target)} from ${itsExit(wrong.exit)} to ${itsExit(exit)}${instead}.`;
}

/**
 * An exit beside another of its activity's, in the canvas's words: `its Undefined Error exit`,
 * `option 2`; the single unnamed way out is `its success exit` (the one taken when the activity
 * did its work), for "its exit" no longer says which.
 */
function itsExit(exit: string): string {
  const name = canvasExitName(exit);
  if (name === '') return 'its success exit';
  return /^\d$/.test(exit) ? name : `its ${name} exit`;
}

/** The same, of a named activity: `the Undefined Error exit of GET_CBID`, `option 2 of WantCallback`. */
function exitOf(exit: string, label: string): string {
  const name = canvasExitName(exit);
  if (name === '') return `the success exit of ${label}`;
  return /^\d$/.test(exit) ? `${name} of ${label}` : `the ${name} exit of ${label}`;
}
