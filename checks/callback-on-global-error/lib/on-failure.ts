/** A check whose failed outcomes pass through `amend` (the mission's wording of failures). */
import type { Check, CheckContext, CheckOutcome } from '../../../engine/check.js';

type FailedOutcome = Extract<CheckOutcome, { status: 'failed' }>;

export function onFailure(check: Check, amend: (outcome: FailedOutcome, ctx: CheckContext) => CheckOutcome): Check {
  return {
    ...check,
    run(ctx) {
      const outcome = check.run(ctx);
      return outcome.status === 'failed' ? amend(outcome, ctx) : outcome;
    },
  };
}
