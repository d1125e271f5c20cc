import { defineCheck } from '../../engine/check.js';
import type { FlowModel } from '../../engine/model.js';
import { NO_VARIABLE_SELECTED } from '../../engine/simulator/activities/logic.js';
import { ActivityError } from '../../engine/simulator/errors.js';
import { convertToType, isTextType, VariableStore } from '../../engine/simulator/variables.js';
import { VARIABLES } from './lib/names.js';
import { simulateErrorOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';
import { assignments, valueTemplate, type Assignment } from './lib/set-variable.js';
import { evaluate, flowScope, render, unevaluatedNote } from './lib/templates.js';
import { misspelledVariable, nameWritten } from './lib/variables.js';

const GUIDE_VALUE = '{{ ANI | 123}}';

export default defineCheck({
  id: 'simulate-error-value-fails',
  title: 'SimulateGlobalError sets simulatederror to a value that fails at run time',
  step: 6,
  points: 4,
  severity: 'required',
  hint: `SimulateGlobalError → Variable: simulatederror, Set Value: ${GUIDE_VALUE}`,
  description: [
    'Verifies Build step 6: SimulateGlobalError writes **simulatederror** with a value that cannot be',
    `evaluated, so that the activity fails and raises the global error. The guide's value is \`${GUIDE_VALUE}\``,
    '(a number where Pebble expects a filter name).',
    '',
    "The value is judged by meaning: it is evaluated with flowgrade's Pebble engine, in a scope holding the",
    "flow's variables and sample contact data. Any value whose evaluation fails passes (e.g. `{{ANI|123}}`,",
    'an unknown filter, an unclosed `{{`); a value that evaluates, such as `{{ANI}}` or plain text, fails. When several',
    'rows write simulatederror, one that fails is enough (the rows run in order, and the first that fails stops the',
    'activity). A failing value in a row for another variable raises the error too, but not where Build step 6 puts',
    'it: that fails, and the message says where the failing value is. A single row for another variable whose value',
    'evaluates is told both (the Variable and the value). A value that evaluates but that the simulator cannot store',
    '(simulatederror not declared, or declared an Integer and set to `abc`) fails too, the message saying that the activity',
    'fails only there: Flow Designer is not documented to fail on a type, and the String variable of Build step 2 takes it',
    'away. A `{{ }}` inside a `{# #}` comment or a',
    '`{% verbatim %}` block is never evaluated (the value shows the guide\'s expression all the same): the message says so.',
  ].join('\n'),
  run(ctx) {
    const sim = simulateErrorOf(ctx);
    if (!sim.ok) return sim.outcome;
    const rows = assignments(sim.activity);
    // The rows run in order and the first that fails stops the activity: any row for simulatederror may be it.
    const scope = flowScope(ctx.model);
    const target = nameWritten(ctx.model, VARIABLES.simulatederror, rows.map((r) => r.target));
    const judged = rows.filter((r) => r.target === target).map((row) => ({ row, result: render(valueTemplate(row), scope) }));
    const chosen = judged.find((e) => !e.result.ok) ?? judged[0];
    if (!chosen) {
      // One row, for another variable, whose value evaluates: the Variable and the value are both
      // wrong, and both are named (one round of fixes).
      const only = rows.length === 1 && rows[0]!.target !== '' ? rows[0]! : undefined;
      const evaluated = only ? render(valueTemplate(only), scope) : undefined;
      const also = only && evaluated?.ok ? `; its one row sets ${only.target} to ${JSON.stringify(only.value)}, which evaluates without error, so no global error would be raised either${unevaluatedNote(only.value)}` : '';
      return failed(`${sim.activity.label} does not set simulatederror${also}`, {
        expected: `simulatederror ← ${GUIDE_VALUE}`,
        actual: `sets ${rows.map((r) => r.target || '(no variable)').join(', ')}`,
        activity: sim.activity,
      });
    }
    const { row, result } = chosen;
    // The activity may still fail, by a row for another variable: the error is raised, not where Build step 6 puts it.
    const elsewhere = result.ok ? rows.find((r) => r.target !== target && !render(valueTemplate(r), scope).ok) : undefined;
    if (elsewhere) {
      return failed(`${sim.activity.label} sets simulatederror to ${JSON.stringify(row.value)}, which evaluates without error; the failing value is in its row for ${elsewhere.target} instead: Build step 6 gives it to simulatederror`, {
        expected: `simulatederror ← ${GUIDE_VALUE}`,
        actual: `simulatederror ← ${JSON.stringify(row.value)}, ${elsewhere.target} ← ${JSON.stringify(elsewhere.value)}`,
        activity: sim.activity,
      });
    }
    if (result.ok) {
      const stored = storeFailure(ctx.model, row, scope);
      // Another row may fail as it stores its value (a variable not declared): the error is raised there.
      const other = stored ? undefined : rows.filter((r) => r.target !== target).map((r) => ({ r, failure: storeFailure(ctx.model, r, scope) })).find((e) => e.failure);
      const outcome = stored === undefined
        ? other?.failure
          ? `and the activity fails only at its row for ${other.r.target || '(no variable)'} (${other.failure.message}): Build step 6 gives simulatederror a value that fails to evaluate`
          : 'so no global error is raised'
        : stored.undeclared
          ? `and the activity fails only as it stores it (${stored.message}); once ${target} is declared, as Build step 2 asks, the value no longer fails`
          : `and the activity fails only as it stores it (${stored.message}), an error in flowgrade's simulator that Flow Designer is not documented to raise; once ${target} is a String, as Build step 2 asks, the value no longer fails`;
      return failed(`${sim.activity.label} sets simulatederror to ${JSON.stringify(row.value)}, which evaluates without error (to ${JSON.stringify(result.value)}), ${outcome}${unevaluatedNote(row.value)}`, {
        expected: `a value that fails to evaluate, e.g. ${GUIDE_VALUE}`,
        actual: JSON.stringify(row.value),
        activity: sim.activity,
      });
    }
    if (target !== VARIABLES.simulatederror) {
      const { message, cause } = misspelledVariable(VARIABLES.simulatederror, target, `${sim.activity.label} sets a failing value into`);
      return failed(message, { expected: `simulatederror ← ${GUIDE_VALUE}`, actual: `${target} ← ${JSON.stringify(row.value)}`, activity: sim.activity, cause });
    }
    return passed(`${sim.activity.label} sets simulatederror to ${JSON.stringify(row.value)}, which fails: ${result.error.message}`);
  },
});

/**
 * Why a Set Variable row whose value evaluates still fails, as the simulator stores the value
 * (activities/logic.ts assignVariables): its variable is not declared, or is of a type the value
 * does not fit (`"abc"` in an Integer); undefined when it is stored.
 */
function storeFailure(model: FlowModel, row: Assignment, scope: ReadonlyMap<string, unknown>): { message: string; undeclared: boolean } | undefined {
  if (row.target === '') return { message: NO_VARIABLE_SELECTED, undeclared: true };
  const type = new VariableStore(model.variables).typeOf(row.target);
  if (type === undefined) return { message: `${row.target} is not declared in the flow`, undeclared: true };
  const value = isTextType(type) ? undefined : evaluate(valueTemplate(row), scope);
  if (!value?.ok) return undefined;
  try {
    convertToType(value.value, type, row.target);
    return undefined;
  } catch (error) {
    if (error instanceof ActivityError) return { message: error.message, undeclared: false };
    throw error;
  }
}
