/**
 * Hints in the words of the attendee's canvas: the guide's activity labels they name replaced by
 * the labels this flow gives those activities (a Set Variable left as `SetVariable_q1w`, the 2026
 * guide's `WantCallBack`), and the variable `customani` by `customANI` where the whole flow uses the
 * January 2025 guide's spelling, so that a hint names what the attendee sees (a parse row or a body
 * pasted with `customani` there would write or read a variable the flow does not declare).
 */
import type { Check, CheckOutcome } from '../../../engine/check.js';
import type { Activity, FlowModel } from '../../../engine/model.js';
import { missionNodes } from './find.js';
import { HINTS } from './hints.js';
import { LABELS, VARIABLES } from './names.js';
import { onFailure } from './on-failure.js';

/** The hints written for the guide's labels; any other hint a failure gives may name one on purpose (rename the request GET_CBID). */
const GUIDE_WORDED: ReadonlySet<string> = new Set(Object.values(HINTS));

/** `check` whose failures give its hint (or a hint of HINTS) with this flow's labels. */
export function withFlowLabels(check: Check): Check {
  return onFailure(check, (outcome, ctx) => {
    const hint = outcome.hint ?? check.hint;
    if (outcome.hint !== undefined && !GUIDE_WORDED.has(outcome.hint)) return outcome;
    const worded = inFlowLabels(hint, ctx.model);
    return worded === hint ? outcome : ({ ...outcome, hint: worded } satisfies CheckOutcome);
  });
}

/** `text` with each guide label of a mission activity the flow labels otherwise replaced by that label, and customani by the flow's spelling (whole names only). */
function inFlowLabels(text: string, model: FlowModel): string {
  const nodes = missionNodes(model);
  const found: [string, Activity | undefined][] = [
    [LABELS.wantCallback, nodes.wantCallback],
    [LABELS.getCbid, nodes.getCbid],
    [LABELS.setGetResult, nodes.setGetResult],
    [LABELS.simulateError, nodes.simulateError],
    [LABELS.callbackApi, nodes.callbackApi],
    [LABELS.statusCondition, nodes.statusCondition],
  ];
  const renamed = new Map(found.filter((pair): pair is [string, Activity] => pair[1] !== undefined && pair[1].label !== pair[0]).map(([guide, node]) => [guide, node.label]));
  if (nodes.aniVariable !== VARIABLES.customani) renamed.set(VARIABLES.customani, nodes.aniVariable);
  if (renamed.size === 0) return text;
  // No lookbehind (Safari before 16.4 has none, and the page runs these checks): the character before is captured.
  const names = new RegExp(`(^|[^A-Za-z0-9_])(${[...renamed.keys()].join('|')})(?![A-Za-z0-9_])`, 'g');
  return text.replace(names, (_, before: string, guide: string) => before + renamed.get(guide)!);
}
