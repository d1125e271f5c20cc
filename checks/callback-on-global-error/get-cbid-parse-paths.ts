import { defineCheck } from '../../engine/check.js';
import { parseRowsOf } from './lib/http.js';
import { canonicalPath, samePath } from './lib/jsonpath.js';
import { DYNVARS } from './lib/names.js';
import { getCbidOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';
import { answeredRecords, changePathsHint, rowKept, wantedParseRows } from './lib/parse-paths.js';
import { HINTS } from './lib/hints.js';
import { misspelledVariable } from './lib/variables.js';

export default defineCheck({
  id: 'get-cbid-parse-paths',
  title: 'GET_CBID parses outdialcbid and customani from the DynVars record',
  step: 4,
  points: 4,
  severity: 'required',
  hint: HINTS.getCbidParsePaths,
  description: [
    'Verifies the two **Parsing Settings** rows of Build step 4:',
    `- Output Variable \`outdialcbid\` ← Path Expression \`${DYNVARS.outdialcbidPath}\`;`,
    `- Output Variable \`customani\` ← Path Expression \`${DYNVARS.customaniPath}\`.`,
    '',
    'MockAPI answers with a JSON **array**, hence the `[0]`. The message names every wrong or missing row; when rows',
    'or Path Expressions are only missing (the first row typed, Add New not clicked yet; a row whose Output Variable is',
    'picked and whose Path Expression is still empty: "no Path Expression for customani"), it says the Parsing Settings',
    'are incomplete, not wrong.',
    'Where a row for another variable stands in for a missing one (its path is the missing row\'s, or, when one row',
    'alone is missing, it is the only such row with neither path), the message names that row and the row expected,',
    'so that its Output Variable and its path are fixed in one round. When every row is there and only paths are',
    'wrong (`$.tacnumber`, the rows\' paths swapped), the hint says which Path Expressions to change, not to Add New rows.',
    '',
    'Tolerances:',
    "- equivalent JSONPath spellings: `$[0]['tacnumber']`, `$[0][\"tacnumber\"]`, spaces inside brackets (`$[ 0 ]`),",
    "  a path without the leading `$` (`[0].tacnumber`), and the dot after `[0]` left out (`$[0]tacnumber`, which Flow",
    "  Designer's JsonPath reads as `$[0].tacnumber`). Spaces outside brackets (`$[0]. tacnumber`) fail: Flow",
    "  Designer's JsonPath does not parse them, and the simulated GET_CBID fails; so do quotes around a name after a",
    "  dot (`$[0].'tacnumber'`), which it reads as part of the name, matching nothing;",
    "- a negative index, which Flow Designer's JsonPath counts from the end of the list: `$[-1].tacnumber` reads the",
    '  same record as `$[0].tacnumber` where MockAPI answers one record for the dialled number (the lab\'s answer,',
    '  and the mock\'s); where the answer lists more (a `--dynvars` dataset), it reads another record and fails;',
    '- the rows may come in any order, and further rows for other variables are allowed;',
    '- when several rows write the same variable, they run in order and the last one (with a path) wins, as at',
    '  run time: that row is the one judged (a wrong row fixed by a right one added after it passes; a right row',
    '  overridden by a wrong one added after it fails);',
    '- `customANI` (the January 2025 guide) is accepted where the whole flow uses that spelling (the hint then names it).',
  ].join('\n'),
  run(ctx) {
    const get = getCbidOf(ctx);
    if (!get.ok) return get.outcome;
    const rows = parseRowsOf(get.activity);
    const items = answeredRecords(ctx);
    const same = (actual: string, expected: string) => samePath(actual, expected, items);
    const wanted = wantedParseRows(ctx);
    const problems: string[] = [];
    // Rows not added yet (Build step 4 part-way), as against rows typed wrong: the message says which.
    let onlyMissing = true;
    const renamed: [string, string][] = [];
    // Rows for none of the mission's variables (allowed), in any case: where one was meant for a
    // variable that has no row, its Output Variable was picked wrong, and its path is judged too.
    const others = rows.filter((r) => r.variable !== '' && !wanted.some(([v]) => v.toLowerCase() === r.variable.toLowerCase()));
    // Such a row stands in for a missing one by that one's path; else when it is the one such row
    // with no mission path, and one row alone is missing (with two, it is neither's in particular).
    const unwritten = wanted.filter(([v]) => !rows.some((r) => r.variable.toLowerCase() === v.toLowerCase()));
    const spare = others.filter((r) => !wanted.some(([, p]) => same(r.path, p)));
    const standIn = unwritten.length === 1 && spare.length === 1 ? spare[0] : undefined;
    for (const [variable, path] of wanted) {
      // A variable declared in another case is offered only in that spelling: its rows are judged under it.
      // The rows run in order, so the last row with a path that writes the variable is the value it keeps.
      const { target, writing, row } = rowKept(ctx, rows, variable);
      if (target !== variable) renamed.push([variable, target]);
      if (!row) {
        const loose = rows.find((r) => r.variable.toLowerCase() === variable.toLowerCase());
        const meant = loose ? undefined : (others.find((r) => same(r.path, path)) ?? standIn);
        if (loose) problems.push(`the row for ${variable} writes ${loose.variable} (names are case-sensitive)`);
        else if (meant && same(meant.path, path)) problems.push(`the row for ${path} writes ${meant.variable}, not ${variable}`);
        else if (meant) problems.push(`no row writes ${variable} (the row ${meant.variable} ← ${meant.path || '(no path)'} writes another variable; expected ${variable} ← ${path})`);
        else problems.push(`no row writes ${variable}`);
        if (loose || meant) onlyMissing = false;
      } else if (row.path === '') {
        // Its Output Variable picked, no Path Expression typed yet (Build step 4 part-way): nothing typed is
        // wrong, so the settings are incomplete, as with a row not added yet. (The row kept is the last
        // with a path: this one has none only when no row for the variable has one.)
        problems.push(`no Path Expression for ${variable}`);
      } else if (!same(row.path, path)) {
        onlyMissing = false;
        const later = writing.length > 1 ? `; ${writing.length} rows write ${variable}, and the last one wins` : '';
        problems.push(`${variable} ← ${row.path || '(no path)'} (expected ${path}${pathNote(row.path, path, items)}${later})`);
      }
    }
    const actual = rows.map((r) => `${r.variable || '(no variable)'} ← ${r.path || '(no path)'}`).join(', ') || 'no Parsing Settings rows';
    if (problems.length > 0) {
      // Rows there but reading the wrong path: the hint says to change their paths, not to add rows.
      const hint = changePathsHint(ctx, get.activity);
      return failed(`${get.activity.label} Parsing Settings are ${onlyMissing ? 'incomplete' : 'wrong'}: ${problems.join('; ')}`, {
        expected: wanted.map(([v, p]) => `${v} ← ${p}`).join(', '),
        actual,
        activity: get.activity,
        ...(hint ? { hint } : {}),
      });
    }
    if (renamed.length > 0) {
      const [variable, target] = renamed[0]!;
      const { message, cause } = misspelledVariable(variable, target, `${get.activity.label} Parsing Settings are right, but write`);
      return failed(message, { expected: wanted.map(([v, p]) => `${v} ← ${p}`).join(', '), actual, activity: get.activity, cause });
    }
    return passed(`${get.activity.label} parses ${wanted.map(([v, p]) => `${v} ← ${p}`).join(' and ')}`);
  },
});

/**
 * Why a path that is almost the expected one is not: the array's `[0]` left out, a negative index
 * that reads another of the `items` records answered, or spaces outside brackets.
 */
function pathNote(actual: string, expected: string, items: number | undefined): string {
  const read = canonicalPath(actual);
  if (read === `$.${expected.slice(5)}`) return ': the response is an array, add [0]';
  const index = /^\$\[(-\d+)\]/.exec(read ?? '')?.[1];
  if (index !== undefined && read!.slice(3 + index.length) === expected.slice(4) && items !== undefined) {
    return `: [${index}] counts from the end of the ${items} record${items === 1 ? '' : 's'} MockAPI answers; the guide's [0] reads the first`;
  }
  if (canonicalPath(actual.replace(/\s+/g, '')) === canonicalPath(expected)) return ': a path has no spaces outside brackets';
  return '';
}
