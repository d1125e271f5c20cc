/** "Find the activity this check is about, or fail saying it is missing / of the wrong type." */
import type { CheckOutcome } from '../../../engine/check.js';
import type { Activity, FlowModel } from '../../../engine/model.js';
import { activityTypeName } from '../../../engine/activity-types.js';
import { noEventFlowsHint } from './hints.js';
import { failed, missing } from './outcome.js';

export type Found = { ok: true; activity: Activity } | { ok: false; outcome: CheckOutcome };

// The palette's words ("Case", not the export's `case-statement`), as the attendee sees the activity.
const typeName = activityTypeName;

/** "an HTTP Request", "a Set Variable", "an End Flow". */
function article(name: string): string {
  return `${/^(?:[AEIOU]|HTTP)/i.test(name) ? 'an' : 'a'} ${name}`;
}

export type Canvas = 'the main flow' | 'the Event Flows';

/** The cause a missing activity is reported under (the message of `missing()`): shared by the checks it makes fail. */
export function missingCause(type: string, label: string, where: Canvas): string {
  return `The ${typeName(type)} activity ${label} was not found in ${where}`;
}

/**
 * `what` was not found in `where`. Not in the Event Flows of a subflow, which has none: the hint says
 * to export the flow instead, not to edit a canvas that is not there.
 */
export function missingIn(what: string, where: Canvas, model: FlowModel, pointer?: string): CheckOutcome {
  const hint = where === 'the Event Flows' ? noEventFlowsHint(model) : undefined;
  return missing(what, where, { ...(pointer ? { pointer } : {}), ...(hint ? { hint } : {}) });
}

/**
 * The activity labelled `label` (in any case) on the other canvas than `where`, when it is not in
 * `where`: built in the Event Flows instead of the main flow, or the other way round. Its `message` is
 * the cause every check needing it is reported under (requireActivity, and the simulated calls that
 * could not reach it: nodes.ts causeIfMissing).
 */
export function builtElsewhere(label: string, where: Canvas, model: FlowModel): { activity: Activity; canvas: Canvas; message: string } | undefined {
  const [other, canvas]: [FlowModel['main'], Canvas] = where === 'the main flow' ? [model.events, 'the Event Flows'] : [model.main, 'the main flow'];
  const activity = other.activities.find((a) => a.label.toLowerCase() === label.toLowerCase());
  return activity && { activity, canvas, message: `${activity.label} was built in ${canvas}; it belongs in ${where}` };
}

/** The cause an activity of another type than `type` is reported under: shared by the simulated calls that went wrong at it. */
export function otherTypeCause(activity: Activity, type: string): string {
  return `${activity.label} is ${article(typeName(activity.type))} activity, not ${article(typeName(type))}`;
}

/**
 * The activity, checked to be of `type`; otherwise a failure naming what is missing or wrong —
 * or where it is, when it was built on the other canvas (the main flow instead of the Event Flows).
 * Each such failure carries its cause, so that only the first check meeting it reports it.
 */
export function requireActivity(activity: Activity | undefined, type: string, label: string, where: Canvas, model: FlowModel): Found {
  const what = `The ${typeName(type)} activity ${label}`;
  if (!activity) {
    const elsewhere = builtElsewhere(label, where, model);
    if (elsewhere) {
      const { message } = elsewhere;
      return { ok: false, outcome: failed(message, { expected: `${label} in ${where}`, actual: `in ${elsewhere.canvas}`, activity: elsewhere.activity, cause: message }) };
    }
    return { ok: false, outcome: missingIn(what, where, model) };
  }
  if (activity.type !== type) {
    const message = otherTypeCause(activity, type);
    return { ok: false, outcome: failed(message, { expected: typeName(type), actual: typeName(activity.type), activity, cause: message }) };
  }
  return { ok: true, activity };
}
