import { defineCheck } from '../../engine/check.js';
import { exitName, isNamedExit, menuKeys } from '../../engine/activity-types.js';
import { connectHint, connectionEdit, connectionNote, connectionSentence, entryLink, exitReaches, exitShown, exitTarget, missedLink, wrongExitNote } from './lib/graph.js';
import { reachableFrom } from '../../engine/graph.js';
import type { Activity, FlowGraph } from '../../engine/model.js';
import { isEndFlow, leadsAtRunTime, missionNodes, NO_OPTION3_CAUSE, onlyThrough } from './lib/find.js';
import { LABELS } from './lib/names.js';
import { mission2Place, option3HoldsHint, OPTION3_HOLDS_NOTE } from './lib/menu-options.js';
import { getCbidOf, wantCallbackOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';

export default defineCheck({
  id: 'get-cbid-after-option3',
  title: 'WantCallback option 3 leads to the HTTP Request GET_CBID',
  step: 4,
  points: 3,
  severity: 'required',
  hint: 'Add an HTTP Request activity (Activity Label: GET_CBID) and connect the exit of WantCallback option 3 to it.',
  description: [
    'Verifies Build step 4: an **HTTP Request** activity labelled **GET_CBID** exists in the main flow and',
    'WantCallback option 3 leads to it — and only option 3: when option 1, 2, the No-Input Timeout or the',
    'Unmatched Entry exit leads there too, or further along the error chain (SetGetResult,',
    'SimulateGlobalError), a caller who presses 1 or 2, or nothing, raises the error as well.',
    '',
    'Tolerances:',
    '- "leads to" means reachable through option 3, not necessarily adjacent (e.g. a Play Message in',
    '  between is fine); a path that loops back through WantCallback does not count, nor one through',
    '  SimulateGlobalError, which fails on purpose (Build step 6), so that nothing after it runs (option 3 →',
    '  SimulateGlobalError → GET_CBID fails, its hint dragging the connection of option 3 to GET_CBID);',
    '- GET_CBID is found by its label (also in another case), else as the first HTTP Request after',
    '  option 3 (not one that logs to webhook.site, nor one that calls another API of WxCC: Callback',
    '  Mission 4\'s search, POST /search, wired from option 3 is option 3 not leading to GET_CBID), else',
    '  as the HTTP Request whose URL calls DynVars.',
    '',
    'When WantCallback has no option 3 at all, this check is not judged and points to',
    '[`want-callback-option3`](want-callback-option3.md), which says how to add it.',
    ...wrongExitNote('"GET_CBID is connected to option 2 of WantCallback, not to option 3"'),
    ...connectionNote('main', 'WantCallback option 3', 'NewNumber', 'GET_CBID', 4),
    '',
    'When another exit leads into the error chain, the hint drags its connection back where Callback Mission 2 left',
    'it, in the words of the regression checks for the same connection: "Drag the connection of WantCallback option 1',
    'from GET_CBID to NewNumber, as Callback Mission 2 left it: only option 3 may lead to GET_CBID." The Undefined',
    "Error exit, which the guide's text does not place, goes to an End Flow, as its author's animation shows it",
    "(Music's, `EndFlow_vb9`); in a Main Flow with no End Flow, away from the error chain. An exit that reaches the",
    'chain further along, its own connection where Callback Mission 2 left it (option 1 → NewNumber → VerifyNumber',
    "→ Callback Mission 4's search → a Condition whose False exit leads to GET_CBID), has the connection entering",
    'the chain dragged away instead: "Drag the connection of the False exit of Condition_dup from GET_CBID away from',
    'the error chain (WantCallback option 1 reaches it that way): only option 3 may lead to GET_CBID." — unless',
    'option 3 passes that way too, which dragging it would cut from GET_CBID: then the hint names the way.',
    ...OPTION3_HOLDS_NOTE,
  ].join('\n'),
  run(ctx) {
    const menu = wantCallbackOf(ctx);
    if (!menu.ok) return menu.outcome;
    const get = getCbidOf(ctx);
    if (!get.ok) return get.outcome;
    const { main } = ctx.model;
    // GET_CBID exists: the fix is the connection, not a new activity (connected when open, dragged
    // from where it leads now), in the simulated call's words for the same edit.
    const connect = () => connectHint(main, menu.activity, '3', get.activity, 4);
    const expected = `${menu.activity.label} option 3 → ${get.activity.label}`;
    if (!menuKeys(menu.activity).includes('3') && !Object.hasOwn(menu.activity.exits, '3')) {
      return failed(`${menu.activity.label} has no option 3 to connect to ${get.activity.label}`, {
        expected,
        actual: 'no option 3',
        activity: menu.activity,
        hint: connect(),
        // No option 3 at all: want-callback-option3 reports it (and how to add it) first.
        cause: NO_OPTION3_CAUSE,
      });
    }
    const way = leadsAtRunTime(ctx.model, main, menu.activity, '3', get.activity);
    if (!way.leads) {
      // GET_CBID on another option (or exit) of the menu: that connection is the one to move.
      const open = !Object.hasOwn(menu.activity.exits, '3');
      const { message, ...said } = missedLink(main, menu.activity, '3', (a) => a.id === get.activity.id, {
        message: open
          ? `Option 3 of ${menu.activity.label} is not connected to ${get.activity.label}`
          : way.through
            ? onlyThrough(`Option 3 of ${menu.activity.label}`, get.activity.label, way.through)
            : `Option 3 of ${menu.activity.label} does not lead to ${get.activity.label}`,
        ...(open ? { actual: 'option 3 not connected' } : {}),
        // Option 3 holding NewNumber (or Music), option 1 (or 2) left open: the regression check's sequence too.
        hint: option3HoldsHint(main, menu.activity, get.activity) ?? connect(),
      });
      return failed(message, { expected, activity: menu.activity, ...said });
    }
    // The error chain: GET_CBID, SetGetResult, SimulateGlobalError. Another exit reaching any of
    // them makes a caller who presses something else, or nothing, raise the error too.
    const { setGetResult, simulateError } = missionNodes(ctx.model);
    const chain = new Set([get.activity, setGetResult, simulateError].filter((a): a is Activity => a !== undefined).map((a) => a.id));
    const others = Object.keys(menu.activity.exits)
      .filter((exit) => exit !== '3')
      .flatMap((exit) => {
        const reached = exitReaches(main, menu.activity, exit, (a) => chain.has(a.id)); // one walk per exit
        return reached ? [{ exit, reached }] : [];
      });
    if (others.length > 0) {
      const exits = others.map((o) => menuExit(o.exit)).join(', ');
      const reached = [...new Set(others.map((o) => o.reached.label))].join(', ');
      return failed(`${exits} of ${menu.activity.label} also ${others.length > 1 ? 'lead' : 'leads'} to ${reached}: only option 3 may raise the error`, {
        expected: `only option 3 → ${get.activity.label}`,
        actual: others.map((o) => `${menuExit(o.exit)} → ${o.reached.label}`).join(', '),
        activity: menu.activity,
        // GET_CBID is there and option 3 reaches it: the fix is the other exits, not a new activity.
        hint: reconnectOthers(main, menu.activity, others.map((o) => o.exit), get.activity.label, (a) => chain.has(a.id)),
      });
    }
    return passed(`Option 3 of ${menu.activity.label} leads to ${get.activity.label}`);
  },
});

/**
 * Where Callback Mission 2 left `exit` of WantCallback, by label: options 1 and 2 by mission2Place
 * (the activity in the flow, as the regression checks name it), else its label; the No-Input Timeout
 * and Unmatched Entry back to the menu; the Undefined Error, which the guide's text does not place, to
 * an End Flow, as its author's animation shows it (lab-context §2.4: Music's, EndFlow_vb9), when the
 * Main Flow has one.
 */
function exitPlace(graph: FlowGraph, menu: Activity, exit: string): string | undefined {
  if (exit === '1' || exit === '2') return mission2Place(graph, menu, exit) ?? (exit === '1' ? LABELS.newNumber : LABELS.music);
  if (exit === 'timeout' || exit === 'invalid') return menu.label;
  const music = graph.activities.find((a) => a.label === LABELS.music);
  const musicEnd = music && exitTarget(graph, music, 'error');
  return (musicEnd && isEndFlow(musicEnd) ? musicEnd : graph.activities.find(isEndFlow))?.label;
}

/**
 * `Drag the connection of WantCallback option 1 from GET_CBID to NewNumber, as Callback Mission 2 left
 * it: only option 3 may lead to GET_CBID.` Each exit reaches the error chain, so it is connected: its
 * connection is dragged, in the regression checks' words for the same edit. An exit already where
 * Callback Mission 2 left it that reaches the chain further along (option 1 → NewNumber → … → a
 * Condition's False exit → GET_CBID) has the connection entering the chain dragged away instead,
 * unless option 3 passes that way too (dragging it would cut option 3 from GET_CBID): then the way
 * is named. Each edit is said once.
 */
function reconnectOthers(graph: FlowGraph, menu: Activity, exits: string[], get: string, inChain: (a: Activity) => boolean): string {
  const option3Way = new Set(Object.hasOwn(menu.exits, '3') ? reachableFrom(graph, [menu.exits['3']], new Set([menu.id])).map((a) => a.id) : []);
  const back: string[] = [];
  let known = true;
  const further = new Set<string>();
  for (const exit of exits) {
    const now = exitTarget(graph, menu, exit);
    const place = exitPlace(graph, menu, exit);
    const entry = entryLink(graph, menu, exit, inChain);
    if (entry === undefined || entry.from.id === menu.id || now?.label !== place) {
      const edit = place && connectionEdit(exitShown(menu.label, exit), now?.label, place);
      known &&= edit !== undefined;
      back.push(edit ?? `drag the connection of ${exitShown(menu.label, exit)} from ${now?.label ?? 'it'} away from the error chain`);
    } else if (option3Way.has(entry.from.id)) {
      further.add(`make ${exitShown(menu.label, exit)} no longer reach ${entry.to.label} through ${entry.from.label}, which option 3 passes too`);
    } else {
      further.add(`drag the connection of ${exitShown(entry.from.label, entry.exit)} from ${entry.to.label} away from the error chain (${exitShown(menu.label, exit)} reaches it that way)`);
    }
  }
  const mission2 = back.length === 0 ? [] : [`${back.join(' and ')}${known ? `, as Callback Mission 2 left ${back.length > 1 ? 'them' : 'it'}` : ''}`];
  return connectionSentence(graph.kind, `${[...mission2, ...further].join(' and ')}: only option 3 may lead to ${get}`);
}

/** A menu exit as Flow Designer names it: `option 1`, `the No-Input Timeout exit`. */
function menuExit(exit: string): string {
  return isNamedExit(exit) ? `the ${exitName(exit)} exit` : `option ${exit}`;
}
