/** Where Callback Mission 2 left options 1 and 2 of WantCallback, and option 3 holding one of them. */
import { reachableFrom } from '../../../engine/graph.js';
import type { Activity, FlowGraph } from '../../../engine/model.js';
import { connectionEdit, connectionSentence, exitLeadsTo, exitReaches, exitShown, exitTarget } from './graph.js';
import { LABELS } from './names.js';

/** Where option 1 ("Callback") leads: NewNumber, or any Collect Digits. */
export function isNewNumber(activity: Activity): boolean {
  return activity.label === LABELS.newNumber || activity.type === 'ivr-collectdigits';
}

/** Where option 2 ("Stay in queue") may lead: Music, any Play Music, a Queue Contact, or a Subflow playing the treatment. */
export function isQueueTreatment(activity: Activity): boolean {
  return activity.label === LABELS.music || activity.type === 'play-music' || activity.type === 'queue-contact' || activity.type === 'subflow-handoff';
}

/**
 * The activity where Callback Mission 2 left `option` of `menu` that the option reaches, not through
 * this mission's option 3 activities (`mission`: GET_CBID, SetGetResult, SimulateGlobalError): the
 * value of SimulateGlobalError fails by design, so what its exit leads to is never reached from them,
 * and an option connected to them is not the option Callback Mission 2 left.
 */
export function optionReaches(graph: FlowGraph, menu: Activity, option: string, belongs: (a: Activity) => boolean, mission: readonly (Activity | undefined)[]): Activity | undefined {
  return exitReaches(graph, menu, option, belongs, new Set(mission.flatMap((a) => (a ? [a.id] : []))));
}

const MISSION2: readonly [string, (a: Activity) => boolean][] = [
  ['1', isNewNumber],
  ['2', isQueueTreatment],
];

/**
 * Option 3 connected straight to where option 1 or 2 belongs (NewNumber, Music), that option no
 * longer leading there, and GET_CBID in the flow: one sequence of edits, for the regression check
 * and the option 3 checks alike — re-drag option 3's connection to GET_CBID, then connect the other
 * option. "Move the connection to NewNumber from option 3 to option 1" beside "drag the connection
 * of option 3 to GET_CBID" each take away the connection the other says to drag. Not when the other
 * option is connected to GET_CBID (options swapped): each check's move "in place of" the other's
 * connection says that swap. `of` (a regression check's own option): only when option 3 holds
 * where that option belongs; with options 1 and 2 both open, the sequence mends the option whose
 * activity option 3 holds, and the other option's check says to connect that one.
 */
export function option3HoldsHint(graph: FlowGraph, menu: Activity, get: Activity | undefined, of?: '1' | '2'): string | undefined {
  const held = exitTarget(graph, menu, '3');
  if (!get || !held || exitLeadsTo(graph, menu, '3', get)) return undefined;
  for (const [option, belongs] of MISSION2) {
    if ((of !== undefined && option !== of) || !belongs(held) || exitReaches(graph, menu, option, belongs)) continue;
    const now = exitTarget(graph, menu, option);
    if (now?.id === get.id) return undefined;
    const first = connectionEdit(exitShown(menu.label, '3'), held.label, get.label, 4);
    return connectionSentence(graph.kind, `${first}, then ${connectionEdit(exitShown(menu.label, option), now?.label, held.label)}`);
  }
  return undefined;
}

/**
 * The edit that leads `option` (1 or 2) of the menu back where Callback Mission 2 left it, when such an
 * activity is in the flow (NewNumber, Music; else the one of their kind the call does not pass before
 * the menu): "connect WantCallback option 1 to NewNumber" when the option is open, "drag the connection
 * of WantCallback option 1 from GET_CBID to NewNumber" when it leads elsewhere — the words of the
 * regression check and of get-cbid-after-option3 for the same connection.
 */
export function backToMission2Edit(graph: FlowGraph, menu: Activity, option: '1' | '2'): string | undefined {
  const target = mission2Place(graph, menu, option);
  return target && connectionEdit(exitShown(menu.label, option), exitTarget(graph, menu, option)?.label, target);
}

/** The label of the activity backToMission2Edit leads `option` to, when the flow has one. */
export function mission2Place(graph: FlowGraph, menu: Activity, option: '1' | '2'): string | undefined {
  const [label, belongs] = option === '1' ? [LABELS.newNumber, isNewNumber] : [LABELS.music, isQueueTreatment];
  return graph.activities.some((a) => a.label === label) ? label : onlyOneAfter(graph, menu, belongs)?.label;
}

/**
 * The one activity `belongs` accepts that the call does not pass on its way to `menu`: the Queue Contact
 * that leads to WantCallback is where the call comes from, not where an option goes (Music relabelled,
 * option 2 is to go to its Play Music). None when two are left (Music relabelled beside the Subflow that
 * is to replace it): naming either would be a guess.
 */
function onlyOneAfter(graph: FlowGraph, menu: Activity, belongs: (a: Activity) => boolean): Activity | undefined {
  const before = new Set(reachableFrom(graph, graph.start === undefined ? [] : [graph.start], new Set([menu.id])));
  const after = graph.activities.filter((a) => belongs(a) && !before.has(a));
  return after.length === 1 ? after[0] : undefined;
}

/** The description paragraph of each check giving option3HoldsHint (docs/checks/): one wording for one behaviour. */
export const OPTION3_HOLDS_NOTE = [
  '',
  'When option 3 is connected to NewNumber (or Music) and option 1 (or 2) is left open, the option 1 (or 2)',
  'check, the option 3 checks and the simulated call give one sequence of edits: "Drag the connection of',
  'WantCallback option 3 from NewNumber to GET_CBID (Build step 4), then connect WantCallback option 1 to',
  'NewNumber." With options 1 and 2 both open, the check of the other option (2 here) gives its own hint:',
  'that sequence does not connect it.',
];
