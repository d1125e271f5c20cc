/** The run of a check that one activity's exit leads to the activity the next Build step adds. */
import type { CheckContext, CheckOutcome } from '../../../engine/check.js';
import { leadsAtRunTime, onlyThrough } from './find.js';
import { connectHint, missedLink } from './graph.js';
import type { Found } from './require.js';
import { failed, passed } from './outcome.js';

/**
 * Whether `exit` of the activity `fromOf` finds leads to the one `toOf` finds, on `canvas`
 * (reachable, not necessarily adjacent, but never through SimulateGlobalError, which fails on purpose:
 * leadsAtRunTime). The check's own activity (`toOf`) is looked for first:
 * when both are missing, this check is the one that says to add it. When both exist but are not
 * linked, the fix is the connection (connectHint, Build step `step`), not a new activity.
 */
export function linkOutcome(
  ctx: CheckContext,
  canvas: 'main' | 'events',
  fromOf: (ctx: CheckContext) => Found,
  exit: string,
  toOf: (ctx: CheckContext) => Found,
  step: number,
): CheckOutcome {
  const to = toOf(ctx);
  if (!to.ok) return to.outcome;
  const from = fromOf(ctx);
  if (!from.ok) return from.outcome;
  const graph = ctx.model[canvas];
  const way = leadsAtRunTime(ctx.model, graph, from.activity, exit, to.activity);
  if (!way.leads) {
    const { message, ...said } = missedLink(graph, from.activity, exit, (a) => a.id === to.activity.id, {
      message: way.through ? onlyThrough(from.activity.label, to.activity.label, way.through) : `${from.activity.label} does not lead to ${to.activity.label}`,
      hint: connectHint(graph, from.activity, exit, to.activity, step),
    });
    return failed(message, { expected: `${from.activity.label} → ${to.activity.label}`, activity: from.activity, ...said });
  }
  return passed(`${from.activity.label} leads to ${to.activity.label}`);
}
