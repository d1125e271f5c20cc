import { defineCheck } from '../../engine/check.js';
import type { FlowModel } from '../../engine/model.js';
import { missionNodes } from './lib/find.js';
import { caseOnlyNote, LABELS, VARIABLES } from './lib/names.js';
import { setGetResultOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';
import { HINTS, leftoverHolds, renameGetCbidHint } from './lib/hints.js';
import { assignments, valueTemplate } from './lib/set-variable.js';
import { flowScope, namesRead, render, sameTemplate, unevaluatedNote } from './lib/templates.js';
import { misspelledVariable, nameWritten } from './lib/variables.js';

export default defineCheck({
  id: 'set-get-result-value',
  title: 'SetGetResult sets getresult to the variable GET_CBID.httpResponseBody',
  step: 5,
  points: 3,
  severity: 'required',
  hint: HINTS.setGetResultValue,
  description: [
    'Verifies Build step 5: SetGetResult writes the flow variable **getresult** with **Set To Variable**',
    '**GET_CBID.httpResponseBody**, the body of the DynVars answer. A row not filled in yet (Set To Variable with no',
    'variable picked, or an empty Set Value) is told so ("… with Set To Variable, but no variable is picked"). A single',
    'row that writes another variable is told that, and what is wrong with its value too, if anything (one round of',
    'fixes: the Variable and the value).',
    '',
    'Tolerances:',
    '- the reference is compared by meaning: `{{GET_CBID.httpResponseBody}}`, `{{ GET_CBID.httpResponseBody }}`',
    '  and a bare `GET_CBID.httpResponseBody` in a Set To Variable row are the same; spaces around the template',
    '  are not (` {{GET_CBID.httpResponseBody}}` stores the space with the body, and fails);',
    '- a Set Value row holding exactly `{{GET_CBID.httpResponseBody}}` gives the same value and passes; a Set Value',
    '  holding the plain text `GET_CBID.httpResponseBody` (no braces) stores that text and fails;',
    '- any other expression that gives the body as it is passes too (`{{ GET_CBID[\'httpResponseBody\'] }}`, or with a',
    '  `{# #}` comment or a `{% set %}` tag around it); a value whose `{{ }}` lies only in a comment fails, and the',
    '  message says that a comment is never evaluated; one reading the label or the output in another case',
    '  (`{{GET_CBID.httpresponsebody}}`) fails, and the message says that names are case-sensitive and which is wrong;',
    '- the row may be one of several in the activity (`setVariablesArray` in newer exports); when several rows write',
    '  getresult, they run in order and the last one is judged, as its value is the one kept;',
    '- the HTTP Request is referred to by its real label (found as in `get-cbid-after-option3`). When SetGetResult',
    '  reads `GET_CBID.httpResponseBody` but the request after option 3 kept another label (`HTTPRequest_k2m`, or',
    '  `Get_CBID`: names are case-sensitive), the check fails and its hint says to rename the request GET_CBID rather',
    '  than to change SetGetResult (get-cbid-label fails beside it with the same edit); when a',
    '  GET_CBID that nothing leads to is left on the canvas (it holds the label, which Flow Designer keeps unique),',
    '  the hint says to pick the request after option 3 instead, or to delete the leftover first.',
  ].join('\n'),
  run(ctx) {
    const set = setGetResultOf(ctx);
    if (!set.ok) return set.outcome;
    const label = missionNodes(ctx.model).getCbid?.label ?? LABELS.getCbid;
    const expected = `Set To Variable ${label}.httpResponseBody`;
    const rows = assignments(set.activity);
    // The rows run in order: the last one that writes getresult (as the flow declares it) gives its value.
    const target = nameWritten(ctx.model, VARIABLES.getresult, rows.map((r) => r.target));
    const row = rows.findLast((r) => r.target === target);
    if (!row) {
      // One row, for another variable: the attendee picked the wrong Variable in it. Its value is
      // judged too, so that picking getresult is not followed by a second round for the value.
      const only = rows.length === 1 && rows[0]!.target !== '' ? rows[0]! : undefined;
      const value = only ? wrongValue(only, label, ctx.model) : undefined;
      const also = only && value ? `; its one row sets ${only.target}, and its value is wrong too: ${value}` : '';
      return failed(`${set.activity.label} does not set getresult${also}`, { expected: `getresult ← ${expected}`, actual: `sets ${rows.map((r) => r.target || '(no variable)').join(', ')}`, activity: set.activity });
    }
    const value = valueTemplate(row);
    // Whitespace inside {{ }} does not matter; around the template it is stored with the body.
    const spaced = value !== value.trim() && sameTemplate(value, `{{${label}.httpResponseBody}}`);
    if (spaced) {
      return failed(`${set.activity.label} sets getresult to ${JSON.stringify(row.value)}: the spaces around the template are stored with the response body, so getresult is not the response as it came`, {
        expected: `getresult ← ${expected}`,
        actual: `getresult ← ${JSON.stringify(row.value)}`,
        activity: set.activity,
        hint: `${set.activity.label} → remove the spaces around {{${label}.httpResponseBody}} (or choose Set To Variable and pick ${label}.httpResponseBody).`,
      });
    }
    if (!sameTemplate(value, `{{${label}.httpResponseBody}}`) && !givesTheBody(value, label, ctx.model)) {
      if (label !== LABELS.getCbid && sameTemplate(value, `{{${LABELS.getCbid}.httpResponseBody}}`)) {
        if (leftoverHolds(ctx.model.main, LABELS.getCbid, label)) {
          // A GET_CBID left on the canvas holds the label: the reference names an activity that never runs.
          return failed(`${set.activity.label} reads ${LABELS.getCbid}.httpResponseBody, the output of a ${LABELS.getCbid} that nothing leads to, which never runs: the HTTP Request after option 3 is ${label}`, {
            expected: `getresult ← ${expected}`,
            actual: `getresult ← Set To Variable ${LABELS.getCbid}.httpResponseBody`,
            activity: set.activity,
            hint: renameGetCbidHint(label, ctx.model),
          });
        }
        // The reference is right; the HTTP Request it names was left with another Activity Label
        // (in another case only, it is still another name: Pebble's are case-sensitive).
        return failed(`${set.activity.label} reads ${LABELS.getCbid}.httpResponseBody, but the HTTP Request after option 3 is labelled ${label}${caseOnlyNote(label, LABELS.getCbid)}: set its Activity Label to ${LABELS.getCbid} (Build step 4)`, {
          expected: `an HTTP Request labelled ${LABELS.getCbid}`,
          actual: `labelled ${label}`,
          activity: missionNodes(ctx.model).getCbid ?? set.activity,
          hint: renameGetCbidHint(label, ctx.model),
        });
      }
      const mode = row.setTo === 'set-to-variable' ? 'Set To Variable' : 'Set Value';
      if (row.value.trim() === '') {
        // Not filled in yet (Build step 5 part-way): say what is missing rather than quote "".
        const missing = row.setTo === 'set-to-variable' ? 'no variable is picked' : 'the value is empty';
        return failed(`${set.activity.label} sets getresult with ${mode}, but ${missing}`, {
          expected: `getresult ← ${expected}`,
          actual: `getresult ← ${mode} ${row.setTo === 'set-to-variable' ? '(none picked)' : '(empty)'}`,
          activity: set.activity,
        });
      }
      const literalName = row.setTo !== 'set-to-variable' && sameTemplate(`{{${row.value.trim()}}}`, `{{${label}.httpResponseBody}}`);
      const why = literalName ? ': that stores the text itself, not the response; choose Set To Variable' : `${unevaluatedNote(row.value)}${caseNote(value, label)}`;
      return failed(`${set.activity.label} sets getresult with ${mode} ${JSON.stringify(row.value)}${why}`, {
        expected: `getresult ← ${expected}`,
        actual: `getresult ← ${mode} ${JSON.stringify(row.value)}`,
        activity: set.activity,
      });
    }
    if (target !== VARIABLES.getresult) {
      const { message, cause } = misspelledVariable(VARIABLES.getresult, target, `${set.activity.label} sets ${label}.httpResponseBody into`);
      return failed(message, { expected: `getresult ← ${expected}`, actual: `${target} ← ${expected}`, activity: set.activity, cause });
    }
    return passed(`${set.activity.label} sets getresult to ${label}.httpResponseBody`);
  },
});

/**
 * What is wrong with a row's value for getresult, in the words of the failures above (`Set Value
 * "GET_CBID.httpResponseBody": that stores the text itself, …`), or undefined when it gives the body.
 */
function wrongValue(row: ReturnType<typeof assignments>[number], label: string, model: FlowModel): string | undefined {
  const value = valueTemplate(row);
  const reference = `{{${label}.httpResponseBody}}`;
  if (value !== value.trim() && sameTemplate(value, reference)) return `${JSON.stringify(row.value)}: the spaces around the template are stored with the response body`;
  if (sameTemplate(value, reference) || givesTheBody(value, label, model)) return undefined;
  const mode = row.setTo === 'set-to-variable' ? 'Set To Variable' : 'Set Value';
  if (row.value.trim() === '') return `${mode}, but ${row.setTo === 'set-to-variable' ? 'no variable is picked' : 'the value is empty'}`;
  const literalName = row.setTo !== 'set-to-variable' && sameTemplate(`{{${row.value.trim()}}}`, reference);
  return `${mode} ${JSON.stringify(row.value)}${literalName ? ': that stores the text itself, not the response; choose Set To Variable' : `${unevaluatedNote(row.value)}${caseNote(value, label)}`}`;
}

/**
 * ` (it reads GET_CBID.httpresponsebody: names are case-sensitive, the output is httpResponseBody)`:
 * a value reading the body in another case reads nothing, and quoting it back does not say which
 * letters are wrong (the Condition's check says it in the same words); '' otherwise.
 */
function caseNote(template: string, label: string): string {
  const body = `${label}.httpResponseBody`;
  const read = namesRead(template).find((name) => name !== body && name.toLowerCase() === body.toLowerCase());
  if (read === undefined) return '';
  const [root, output] = read.split('.');
  const wrong = [
    ...(root !== label ? [`the HTTP Request is labelled ${label}`] : []),
    ...(output !== 'httpResponseBody' ? [`${root !== label ? 'its' : 'the'} output is httpResponseBody`] : []),
  ];
  return ` (it reads ${read}: names are case-sensitive, ${wrong.join(' and ')})`;
}

/** Does the value give the response body as it is (an equivalent spelling), whatever the flow's variables hold? */
function givesTheBody(template: string, label: string, model: FlowModel): boolean {
  const body = '[{"dn":"flowgrade-sample-body"}]';
  const result = render(template, flowScope(model, { [label]: { httpStatusCode: 200, httpResponseBody: body } }));
  return result.ok && result.value === body;
}
