/** The regression checks of WantCallback's options 1 and 2 (Callback Mission 2): one judgement, two options. */
import type { CheckContext, CheckOutcome } from '../../../engine/check.js';
import type { Activity, FlowGraph } from '../../../engine/model.js';
import { missionNodes } from './find.js';
import { menuKeys } from '../../../engine/activity-types.js';
import { connectionSentence, missedLink } from './graph.js';
import { backToMission2Edit, option3HoldsHint, optionReaches } from './menu-options.js';
import { wantCallbackOf } from './nodes.js';
import { failed, passed } from './outcome.js';

/** WantCallback's options of Callback Mission 2: each one's Link Description and the activity it is connected to. */
export const MISSION_2_OPTIONS = {
  '1': { description: 'Callback', to: 'NewNumber' },
  '2': { description: 'Stay in queue', to: 'Music' },
} as const;

export type Mission2Key = keyof typeof MISSION_2_OPTIONS;

/**
 * The one cause of an option of Callback Mission 2 deleted from WantCallback: want-callback-option3 reports
 * it when option 3 took its place, the option's regression check when not.
 */
export function optionLostCause(option: Mission2Key): string {
  return `WantCallback no longer has option ${option}`;
}

/** Add a deleted option again, connected where Callback Mission 2 left it. */
export function addOptionAgainHint(menu: Activity, option: Mission2Key): string {
  const { description, to } = MISSION_2_OPTIONS[option];
  return `${menu.label} → Custom Menu Links → Add New: Digit Number ${option}, Link Description "${description}", connected to ${to}.`;
}

interface Mission2Option {
  option: Mission2Key;
  /** Where Callback Mission 2 left it, as the messages name it (`NewNumber`, `the queue treatment (Music)`). */
  place: string;
  /** The activity kinds accepted there. */
  belongs: (activity: Activity) => boolean;
  expected: string;
}

export function mission2OptionOutcome(ctx: CheckContext, want: Mission2Option): CheckOutcome {
  const { option, place, belongs, expected } = want;
  const found = wantCallbackOf(ctx);
  if (!found.ok) return found.outcome;
  const menu = found.activity;
  if (!menuKeys(menu).includes(option)) {
    // The option itself deleted: it has no exit to connect, so the hint says to add it again.
    return failed(`${menu.label} no longer has option ${option}`, {
      expected: `option ${option} → ${MISSION_2_OPTIONS[option].to}`,
      actual: `no option ${option}`,
      activity: menu,
      hint: addOptionAgainHint(menu, option),
      cause: optionLostCause(option),
    });
  }
  const { getCbid, setGetResult, simulateError } = missionNodes(ctx.model);
  const target = optionReaches(ctx.model.main, menu, option, belongs, [getCbid, setGetResult, simulateError]);
  if (target) return passed(`Option ${option} of ${menu.label} leads to ${target.label}`);
  const { message, ...said } = missedLink(ctx.model.main, menu, option, belongs, { message: `Option ${option} of ${menu.label} no longer leads to ${place}` });
  // Another exit connected to where this option belongs (missedLink's move): when it is option 3, while
  // GET_CBID waits for it, the option 3 checks' sequence of edits instead. Else the connection back:
  // connected when open, dragged when it leads elsewhere, in get-cbid-after-option3's words for the same edit.
  const hint = said.hint === undefined ? backHint(ctx.model.main, menu, option) : option3HoldsHint(ctx.model.main, menu, getCbid, option);
  return failed(message, { expected, activity: menu, ...said, ...(hint ? { hint } : {}) });
}

/** The connection back where Callback Mission 2 left `option`, as a hint, when the flow has an activity to lead it to. */
function backHint(graph: FlowGraph, menu: Activity, option: Mission2Key): string | undefined {
  const back = backToMission2Edit(graph, menu, option);
  return back && connectionSentence(graph.kind, `${back}, as Callback Mission 2 left it`);
}
