/** Where Callback Mission 2 left options 1 and 2 of WantCallback, and option 3 holding one of them. */
import type { Activity, FlowGraph } from '../../../engine/model.js';
import { exitLeadsTo, exitReaches, exitTarget } from './graph.js';
import { LABELS } from './names.js';

/** Where option 1 ("Callback") leads: NewNumber, or any Collect Digits. */
export function isNewNumber(activity: Activity): boolean {
  return activity.label === LABELS.newNumber || activity.type === 'ivr-collectdigits';
}

/** Where option 2 ("Stay in queue") may lead: Music, any Play Music, a Queue Contact, or a Subflow playing the treatment. */
export function isQueueTreatment(activity: Activity): boolean {
  return activity.label === LABELS.music || activity.type === 'play-music' || activity.type === 'queue-contact' || activity.type === 'subflow-handoff';
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
  if (!get || !held || held.id === get.id || exitLeadsTo(graph, menu, '3', get)) return undefined;
  for (const [option, belongs] of MISSION2) {
    if (!belongs(held) || exitReaches(graph, menu, option, belongs)) continue;
    if (of !== undefined && option !== of) return undefined;
    const now = exitTarget(graph, menu, option);
    if (now?.id === get.id) return undefined;
    const then = now ? `drag the connection of option ${option} from ${now.label} to ${held.label}` : `connect option ${option} to ${held.label}`;
    return `${menu.label} → drag the connection of option 3 from ${held.label} to ${get.label}, then ${then}.`;
  }
  return undefined;
}

/** The description paragraph of each check giving option3HoldsHint (docs/checks/): one wording for one behaviour. */
export const OPTION3_HOLDS_NOTE = [
  '',
  'When option 3 is connected to NewNumber (or Music) and option 1 (or 2) is left open, the option 1 (or 2)',
  'check, the option 3 checks and the simulated call give one sequence of edits: "WantCallback → drag the',
  'connection of option 3 from NewNumber to GET_CBID, then connect option 1 to NewNumber." With options 1 and 2',
  'both open, the check of the other option (2 here) gives its own hint: that sequence does not connect it.',
];
