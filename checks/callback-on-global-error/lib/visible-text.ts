/**
 * Failures that show what the attendee cannot see: an invisible character (a no-break or
 * zero-width space pasted into a URL, a path, an expression) written as a `\u200b`-style escape in
 * the message, the actual value and the hint, and named in the message, so that `actual` differs
 * visibly from `expected` and the attendee learns what to delete.
 */
import type { Check, CheckOutcome } from '../../../engine/check.js';
import { invisibleNote, showInvisible } from '../../../engine/invisible.js';
import { onFailure } from './on-failure.js';

/** `check` whose failures show the invisible characters they quote. */
export function withVisibleText(check: Check): Check {
  return onFailure(check, (outcome) => {
    const note = invisibleNote(outcome.message, outcome.actual, outcome.hint);
    if (note === undefined) return outcome;
    return {
      ...outcome,
      message: `${showInvisible(outcome.message)} (${note})`,
      ...(outcome.actual === undefined ? {} : { actual: showInvisible(outcome.actual) }),
      ...(outcome.hint === undefined ? {} : { hint: showInvisible(outcome.hint) }),
    } satisfies CheckOutcome;
  });
}
