/**
 * The warning of a run whose grading threads cannot start, graded in its own thread instead (as
 * --jobs 1 does): too few file descriptors (`ulimit -n`: Node cannot make a thread's event loop,
 * EMFILE), or Node's permission model without --allow-worker. Never an "internal error": the
 * machine's settings, not a bug, and the class is graded all the same.
 */

import { permissionModelFlag, reasonOf } from '../io.js';

/** One line naming why, from the error of the thread that could not start, or a reason known before. */
export function noThreadsLine(error: Error | string | undefined): string {
  const reason = typeof error === 'string' ? error : why(error);
  return `flowgrade: grading threads cannot start (${reason}); grading in one thread, as --jobs 1 does [no-threads]`;
}

/** The line of a run that starts fewer threads than --jobs asks, for a reason known before. */
export function fewThreadsLine(started: number, requested: number, reason: string): string {
  return `flowgrade: ${started} grading threads instead of ${requested} (${reason}) [few-threads]`;
}

function why(error: Error | undefined): string {
  const cause = (error?.cause ?? error) as (Error & { code?: string }) | undefined;
  if (cause?.code === 'ERR_ACCESS_DENIED') return `Node's permission model allows none: add --allow-worker to ${permissionModelFlag()}`;
  // Node says "Worker initialization failure: EMFILE", without the code as a property.
  const limit = /\bE[MN]FILE\b/.exec(cause?.message ?? '')?.[0];
  if (limit !== undefined) return reasonOf(Object.assign(new Error(limit), { code: limit }));
  return cause?.message ?? 'unknown reason';
}
