/**
 * get-cbid-parse-paths reads a negative index against the records MockAPI answers (one, for the
 * lab's dialled number): `$[-1].tacnumber` reads what `$[0].tacnumber` reads. Besides the rows kept
 * for the two variables (attendee-messages.test.ts), it does so for the other rows: a row for another
 * variable reading a mission path by `$[-1]` is the row for that path (its Output Variable picked
 * wrong), and is no spare row to stand in for a missing one. A mutation sweep reading those two
 * places without the records (G4, G5) passed every test before these.
 */
import { test, expect } from '@playwright/test';
import { gradeMutation, props, resultOf, type Json } from './support.js';

const rowsOf = (flow: Json): Json[] => props(flow, 'GET_CBID').outputVariableArray;
const shown = (r: { status: string; message: string }) => [r.status, r.message];

test('a row for another variable reading $[-1].outboundcallbackep, outdialcbid written by none: it is named as the row for that path (G5)', async () => {
  const r = resultOf(await gradeMutation((f) => {
    Object.assign(rowsOf(f)[0], { outputVariable: 'cbid', jsonPathExp: '$[-1].outboundcallbackep' });
  }), 'get-cbid-parse-paths');
  expect(shown(r)).toEqual(['failed', 'GET_CBID Parsing Settings are wrong: the row for $[0].outboundcallbackep writes cbid, not outdialcbid']);
});

/** outdialcbid's row replaced by `note ← $[0].name`, and a row `ani2 ← <path>` added after the right customani row. */
async function besideCustomani(path: string) {
  return resultOf(await gradeMutation((f) => {
    const rows = rowsOf(f);
    rows[0] = { outputVariable: 'note', jsonPathExp: '$[0].name' };
    rows.push({ outputVariable: 'ani2', jsonPathExp: path });
  }), 'get-cbid-parse-paths');
}

test('a row for another variable reading $[-1].tacnumber beside the right customani row is no spare row: the one spare row stands in for the missing outdialcbid (G4)', async () => {
  expect(shown(await besideCustomani('$[-1].tacnumber'))).toEqual(['failed', 'GET_CBID Parsing Settings are wrong: no row writes outdialcbid (the row note ← $[0].name writes another variable; expected outdialcbid ← $[0].outboundcallbackep)']);
});

test('a row for another variable reading $[-2].tacnumber reads no record of the one answered: it is a spare row like any other, and two spare rows stand in for none', async () => {
  expect(shown(await besideCustomani('$[-2].tacnumber'))).toEqual(['failed', 'GET_CBID Parsing Settings are incomplete: no row writes outdialcbid']);
});
