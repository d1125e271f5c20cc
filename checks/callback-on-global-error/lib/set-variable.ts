/**
 * Reading Set Variable activities: one row per assignment, whichever export shape holds them. The
 * rows and their templates are the simulator's own (engine/simulator/activities/logic.ts), so a
 * check quotes the value a simulated call sets.
 */
import type { Activity } from '../../../engine/model.js';
import { assignments, type Assignment } from '../../../engine/simulator/activities/logic.js';

export { assignments, valueTemplate, type Assignment } from '../../../engine/simulator/activities/logic.js';

/** The row that writes `variable`, if any. */
function assignmentTo(activity: Activity, variable: string): Assignment | undefined {
  return assignments(activity).find((row) => row.target === variable);
}

/** Does the activity write `variable` in any row? */
export function writes(activity: Activity, variable: string): boolean {
  return activity.type === 'set-variable' && assignmentTo(activity, variable) !== undefined;
}
