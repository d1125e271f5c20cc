/** Activities that compute: Set Variable, Condition, Case, Percentage Allocation. */
import type { Activity } from '../../model.js';
import type { Scope } from '../../pebble/index.js';
import { exit, type ActivityHandler } from '../context.js';
import { ActivityError } from '../errors.js';
import { asVariableReference, type Expressions } from '../expressions.js';
import { convertToType, getOwn, isTextType, type VariableStore } from '../variables.js';
import { menuKeys, optionKeys } from '../../activity-types.js';
import { optionInputs, prop, text, textProp } from './read.js';

/** One row of a Set Variable, read once for the simulator and the checks alike (checks/callback-on-global-error/lib/set-variable.ts). */
export interface Assignment {
  /** Variable written (`srcVariable`, trimmed). */
  target: string;
  /** `set-to-literal` (Set Value) or `set-to-variable` (Set To Variable). */
  setTo: string;
  /** `expr`, else `literal`, as exported; a number or boolean as its text (`"literal": 7` sets "7"). */
  value: string;
}

/** The rows of a Set Variable: `setVariablesArray` when it has rows (newer exports), else the top-level fields. */
export function assignments(activity: Activity): Assignment[] {
  const array = prop(activity, 'setVariablesArray');
  const rows: unknown[] = Array.isArray(array) && array.length > 0 ? array : [activity.props];
  return rows.map((row) => ({
    target: text(getOwn(row, 'srcVariable'))?.trim() ?? '',
    setTo: text(getOwn(row, 'setTo')) ?? 'set-to-literal',
    value: text(getOwn(row, 'expr')) ?? text(getOwn(row, 'literal')) ?? '',
  }));
}

/**
 * A row's value as the template it runs: a Set To Variable row holding a bare `Label.output`
 * reads that variable, so it becomes `{{Label.output}}`.
 */
export function valueTemplate(row: Assignment): string {
  return row.setTo === 'set-to-variable' ? asVariableReference(row.value) : row.value;
}

/**
 * Set Variable: each row's value is evaluated and converted to the target's declared type:
 * text types get the rendered template, INTEGER/DECIMAL/BOOLEAN/JSON the typed value of a lone
 * {{ expr }} (or the parsed text). Rows run in order and see earlier rows' results. Any failure
 * (expression error, undeclared target, value that does not fit the type) fails the activity and
 * none of its rows is kept.
 */
export const setVariable: ActivityHandler = (run) => {
  assignVariables(run.activity, run.vars, run.expr);
  return exit('out');
};

/** The error of a Set Variable row with no Variable selected (a Set Variable as Flow Designer adds it, nothing filled in). */
export const NO_VARIABLE_SELECTED = 'no variable selected';

/** A Set Variable's rows onto `vars` (the checks run them again over values of their own: checks/callback-on-global-error/lib/replay.ts). */
export function assignVariables(activity: Activity, vars: VariableStore, expr: Expressions): void {
  for (const row of assignments(activity)) {
    if (row.target === '') throw new ActivityError(NO_VARIABLE_SELECTED);
    const type = vars.typeOf(row.target);
    if (type === undefined) throw new ActivityError(`variable '${row.target}' is not declared in the flow`, { variable: { name: row.target, problem: 'undeclared' } });
    const source = valueTemplate(row);
    const field = `the value of ${row.target}`;
    const value = isTextType(type) ? expr.render(source, vars.scope(), field) : convertToType(expr.evaluate(source, vars.scope(), field), type, row.target);
    vars.setVariable(row.target, value);
  }
}

/**
 * Condition: `true` when the expression gives true, or the text "true" in any case (Pebble renders
 * templates to text, which the platform reads back as Java's Boolean.parseBoolean does; spaces
 * around it are ignored, which parseBoolean does not do: our choice); `false` for anything else —
 * false, a number, other text, an empty result. Only an expression that fails to evaluate fails
 * the activity (the `error` exit, else OnGlobalError). An assumption: see docs/simulator.md.
 */
export const condition: ActivityHandler = (run) => exit(conditionExit(run.activity, run.vars.scope(), run.expr));

/** The exit a Condition takes over `scope` (the checks judge one again over values of their own: checks/callback-on-global-error/lib/guard.ts). */
export function conditionExit(activity: Activity, scope: Scope, expr: Expressions): 'true' | 'false' {
  const expression = textProp(activity, 'expression');
  if (expression === undefined || expression.trim() === '') throw new ActivityError('no condition expression');
  return takesTrueExit(expr.evaluate(expression, scope, 'the condition')) ? 'true' : 'false';
}

/** Whether a Condition whose expression gave `value` leaves by True (see `condition`). */
export function takesTrueExit(value: unknown): boolean {
  return value === true || (typeof value === 'string' && /^true$/i.test(value.trim()));
}

/**
 * Case: the rendered expression is matched exactly against the case labels (`menuLinks:input`,
 * parallel to the exit keys `menuLinks`); the first equal label's key is the exit, else `default`.
 * Without labels the keys themselves are the match values.
 */
export const caseStatement: ActivityHandler = (run) => exit(caseExit(run.activity, run.vars.scope(), run.expr));

/** The exit a Case takes over `scope` (as conditionExit, for the checks too). */
export function caseExit(activity: Activity, scope: Scope, expr: Expressions): string {
  const expression = textProp(activity, 'expression');
  if (expression === undefined || expression.trim() === '') throw new ActivityError('no case expression');
  const value = expr.render(asVariableReference(expression), scope, 'the case expression');
  const keys = menuKeys(activity);
  const index = caseMatchValues(activity, keys).indexOf(value);
  return index >= 0 ? keys[index] : 'default';
}

/** A Case's match values, parallel to its exit keys `keys`: its case labels, or without them the keys themselves. */
function caseMatchValues(activity: Activity, keys: readonly string[]): readonly string[] {
  const labels = optionInputs(activity, 'menuLinks');
  return labels.length === keys.length ? labels : keys;
}

/**
 * A Case's exit as its canvas port names it, where the export's key does not: a case by its match
 * value (`AMD` for the key `0`), `default` as Default. Undefined for another activity, another exit,
 * a blank label, or a Case without labels (its keys are its match values).
 */
export function caseExitLabel(activity: Activity, exit: string): string | undefined {
  if (activity.type !== 'case-statement') return undefined;
  if (exit === 'default') return 'Default';
  const keys = menuKeys(activity);
  const labels = optionInputs(activity, 'menuLinks');
  const at = labels.length === keys.length ? keys.indexOf(exit) : -1;
  return labels[at]?.trim() || undefined;
}

/**
 * Percentage Allocation: a real call draws a branch at random by the shares of
 * `allocations:input` (`{"percent":70,"desc":"Support"}`, parallel to the exit keys
 * `allocations`); the simulator takes the largest share, the first of equal ones, so that a run
 * is repeatable (our choice), and never a share of 0. `Label.percentage` and `Label.description`
 * hold the branch taken. No share above 0 is an activity error.
 */
export const percentAllocation: ActivityHandler = (run) => {
  const keys = optionKeys(prop(run.activity, 'allocations'));
  const inputs = optionInputs(run.activity, 'allocations');
  let best: { key: string; percent: number; description: string } | undefined;
  keys.forEach((key, index) => {
    const allocation = parseAllocation(inputs[index]);
    if (allocation && allocation.percent > 0 && (!best || allocation.percent > best.percent)) best = { key, ...allocation };
  });
  if (!best) throw new ActivityError('no allocation has a share above 0 %');
  run.vars.setOutput(run.activity.label, 'percentage', best.percent);
  run.vars.setOutput(run.activity.label, 'description', best.description);
  return exit(best.key);
};

/** One `allocations:input` entry, `{"percent":70,"desc":"Support"}`; undefined when it is not one. */
function parseAllocation(input: string | undefined): { percent: number; description: string } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(input ?? '');
  } catch {
    return undefined;
  }
  const percent = Number(text(getOwn(value, 'percent')));
  return Number.isFinite(percent) ? { percent, description: text(getOwn(value, 'desc')) ?? '' } : undefined;
}
