/**
 * What the simulated caller answers at the Menus and Collect Digits activities on the way of
 * Testing step 3 other than WantCallback itself: an attendee's Main_Flow may hold more of them
 * (a language menu before the Queue from another track, a confirmation between option 3 and
 * GET_CBID; lab-context §2.1: optional nodes of other missions sit on the way). A real caller
 * presses what leads on; a simulated caller that answers nothing loops on No-Input Timeout and
 * never reaches WantCallback, so every run check would fail a flow that works.
 *
 * - On the way to WantCallback (reached from the start without passing through it): the option
 *   on a shortest way to WantCallback (the first such in the menu's order); a Collect Digits whose
 *   default exit is on a shortest way gets `1` as many times as its Minimum Digits.
 * - After option 3 (reached from WantCallback's option 3 without passing through WantCallback):
 *   the same, towards the HTTP Request GET_CBID, not counting ways back through WantCallback.
 * An activity whose shortest way on is not an answer (No-Input Timeout leads there as well), or
 * from which nothing leads there, gets none, as before: the caller presses nothing.
 * Shortest ways (one walk back from each target) keep a key that only loops back to the same
 * menu from being chosen, and keep the work linear in the size of the flow.
 */
import { reachableFrom } from '../../../engine/graph.js';
import type { Activity, FlowGraph, FlowModel } from '../../../engine/model.js';
import { intProp } from '../../../engine/simulator/activities/read.js';
import type { MissionNodes } from './find.js';
import { menuKeys } from '../../../engine/activity-types.js';

/** Label → answer for every visit, for the Menus and Collect Digits on the way other than WantCallback. */
export function answersOnTheWay(model: FlowModel, nodes: Pick<MissionNodes, 'wantCallback' | 'getCbid'>): Record<string, string> {
  const { main } = model;
  const { wantCallback, getCbid } = nodes;
  // No prototype: a label is only ever a key (`__proto__` is a label like another).
  const answers = Object.create(null) as Record<string, string>;
  if (!wantCallback || main.start === undefined) return answers;
  const passing = new Set([wantCallback.id]);
  const option3 = Object.hasOwn(wantCallback.exits, '3') ? [wantCallback.exits['3']] : [];
  // One met on both ways answers as on the way there (written last).
  const ways = [
    { activities: getCbid ? reachableFrom(main, option3, passing) : [], target: getCbid, avoid: passing },
    { activities: reachableFrom(main, [main.start], passing), target: wantCallback, avoid: new Set<string>() },
  ];
  for (const { activities, target, avoid } of ways) {
    if (!target) continue;
    const distance = distancesTo(main, target, avoid);
    for (const activity of activities) {
      const answer = answerAt(activity, distance);
      if (answer !== undefined && activity.id !== target.id) answers[activity.label] = answer;
    }
  }
  return answers;
}

/** What to press at `activity` to take a shortest way on, if one starts with an answer. */
function answerAt(activity: Activity, distance: ReadonlyMap<string, number>): string | undefined {
  const here = distance.get(activity.id);
  if (here === undefined) return undefined;
  const onAShortestWay = (exit: string) => Object.hasOwn(activity.exits, exit) && distance.get(activity.exits[exit]) === here - 1;
  if (activity.type === 'ivr-menu') return menuKeys(activity).find((key) => key !== '' && onAShortestWay(key));
  if (activity.type === 'ivr-collectdigits' && onAShortestWay('default')) {
    const keys = Math.max(intProp(activity, 'minDigits') ?? 1, 1);
    return keys <= MOST_KEYS ? '1'.repeat(keys) : undefined;
  }
  return undefined;
}

/**
 * The most keys the simulated caller presses at one Collect Digits: any real entry (a phone or
 * account number) is far shorter. A Minimum Digits beyond it (an edited export's 99999999999) is not
 * answered, as no caller could: the call leaves by No-Input Timeout there.
 */
const MOST_KEYS = 100;

/** Each activity's number of steps to `target` (0 for itself), never passing through `avoid`; absent when it cannot get there. */
function distancesTo(graph: FlowGraph, target: Activity, avoid: ReadonlySet<string>): Map<string, number> {
  const comingFrom = new Map<string, string[]>();
  for (const activity of graph.activities) {
    if (avoid.has(activity.id)) continue;
    for (const to of Object.values(activity.exits)) {
      const list = comingFrom.get(to);
      if (list) list.push(activity.id);
      else comingFrom.set(to, [activity.id]);
    }
  }
  const distance = new Map<string, number>([[target.id, 0]]);
  const queue = [target.id];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head];
    const next = distance.get(id)! + 1;
    for (const from of comingFrom.get(id) ?? []) {
      if (distance.has(from)) continue;
      distance.set(from, next);
      queue.push(from);
    }
  }
  return distance;
}
