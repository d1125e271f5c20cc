/**
 * GET_CBID's Parsing Settings as Build step 4 wants them, and what to change when only their paths
 * are wrong: shared by get-cbid-parse-paths (the rows as written) and the simulated call's stage that
 * finds the variables unfilled after GET_CBID, so that both give the same hint.
 */
import type { CheckContext } from '../../../engine/check.js';
import type { Activity } from '../../../engine/model.js';
import type { ParseRow } from '../../../engine/simulator/activities/http-settings.js';
import { missionNodes } from './find.js';
import { parseRowsOf } from './http.js';
import { samePath } from './jsonpath.js';
import { DYNVARS, VARIABLES } from './names.js';
import { expectedRecord } from './record.js';
import { nameWritten } from './variables.js';

/** The rows Build step 4 asks for: [variable, path], with the flow's spelling of customani. */
export function wantedParseRows(ctx: CheckContext): [string, string][] {
  return [
    [VARIABLES.outdialcbid, DYNVARS.outdialcbidPath],
    [missionNodes(ctx.model).aniVariable, DYNVARS.customaniPath],
  ];
}

/** The number of records MockAPI answers for the dialled number: a negative index counts from its end. */
export function answeredRecords(ctx: CheckContext): number | undefined {
  return expectedRecord(ctx.settings)?.answered;
}

/**
 * The rows writing the mission variable `variable` (under `target`, the spelling the rows use for it:
 * nameWritten) and the one whose value it keeps: the rows run in order, so the last with a path.
 */
export function rowKept(ctx: CheckContext, rows: readonly ParseRow[], variable: string): { target: string; writing: ParseRow[]; row: ParseRow | undefined } {
  const target = nameWritten(ctx.model, variable, rows.map((r) => r.variable));
  const writing = rows.filter((r) => r.variable === target);
  return { target, writing, row: writing.findLast((r) => r.path !== '') ?? writing.at(-1) };
}

/**
 * "Change the Path Expression of …" when every wanted variable has a row in `get`'s Parsing Settings
 * and some of the rows kept (the last with a path, among several writing one variable) read another
 * path ("type the Path Expression … for …" when it is still empty); undefined when a row is missing (the guide's steps, with Add New, are the hint then) or
 * every path is right.
 */
export function changePathsHint(ctx: CheckContext, get: Activity): string | undefined {
  const rows = parseRowsOf(get);
  const items = answeredRecords(ctx);
  const edits: string[] = [];
  // A row whose Path Expression is still empty (Build step 4 part-way) is typed, not changed.
  const typed: string[] = [];
  for (const [variable, path] of wantedParseRows(ctx)) {
    const { target, writing, row } = rowKept(ctx, rows, variable);
    if (!row) return undefined;
    if (row.path === '') typed.push(`Path Expression ${path} for ${target}`);
    else if (!samePath(row.path, path, items)) edits.push(`of ${writing.length > 1 ? `the last ${target} row` : target} to ${path}`);
  }
  const parts = [...(edits.length > 0 ? [`change the Path Expression ${edits.join(' and ')}`] : []), ...(typed.length > 0 ? [`type the ${typed.join(' and the ')}`] : [])];
  return parts.length > 0 ? `${get.label} → Parsing Settings: ${parts.join('; ')}.` : undefined;
}
