/**
 * The values a field sees when the flow passes them through variables first. A check evaluates a
 * field (a condition, a URL, a body) with values of its own for what the contact and the requests
 * give; a flow may copy those into variables before the field reads them (`status` set to
 * `{{CallBackAPI_HTTPRequest.httpStatusCode}}`, `dn` cut from the DNIS). When the field reads a
 * variable that a Set Variable wrote before `target` in the happy-path call, the Set Variables of
 * that call are run again, in its order, over the check's values (with the simulator's own
 * semantics); a variable that another activity changed (a request's parse settings) takes the
 * check's value again where that activity ran. Two variables a request's Parsing Settings fill
 * from the same Path Expression (customani and a `dest ← $[0].tacnumber` of the flow's own) are
 * twins: both take the check's value of the one the field does not read, as the request gives them
 * the same value once it parses (also where it stored nothing in the call: its parsing left on
 * Select, which its own check reports, as for a field reading customani directly). A field that
 * reads no such variable sees `start`. When the call never got to `target`, the Set Variables
 * leading straight to it on the canvas are run instead (a variant passing the status through
 * `status` is not judged wrong because another mistake stopped the call). The variables the check's
 * own value reads (the guide's body: outdialcbid, customani) hold the check's values through the
 * replay even where the flow declares none of that name (customani declared as `customani ` or
 * `customANI`: its Build step 2 check reports that), as a field reading them directly sees them: a
 * value passed on through `dest` is judged as `{{customani}}` is.
 */
import { FieldsIgnoringCase } from '../../../engine/contact-fields.js';
import type { CheckContext } from '../../../engine/check.js';
import type { Activity, FlowModel, Variable } from '../../../engine/model.js';
import type { TraceEntry } from '../../../engine/trace.js';
import { assignVariables } from '../../../engine/simulator/activities/logic.js';
import { ActivityError } from '../../../engine/simulator/errors.js';
import { Expressions } from '../../../engine/simulator/expressions.js';
import { VariableStore } from '../../../engine/simulator/variables.js';
import { parseRowsOf } from './http.js';
import { happyPathAt } from './happy-path/trace-excerpts.js';
import { assignments } from './set-variable.js';
import { EVAL_OPTIONS, namesRead } from './templates.js';

const SET_VARIABLE = 'set-variable';

type SeenValues = (start: ReadonlyMap<string, unknown>) => ReadonlyMap<string, unknown>;

const asGiven: SeenValues = (start) => start;

/**
 * How `field` of `target` sees the values a check starts from (worked out once per field);
 * `guideNames`, the variables the check's own value reads, are held as declared (see above).
 */
export function valuesSeenBy(ctx: CheckContext, target: Activity, field: string, guideNames: readonly string[] = []): SeenValues {
  // Several checks ask for the same field (and one check once per sample scope): worked out once per
  // grading (its context: one model and its runs, done), activity, field and guide names.
  let byTarget = plans.get(ctx);
  if (!byTarget) plans.set(ctx, (byTarget = new WeakMap()));
  let byField = byTarget.get(target);
  if (!byField) byTarget.set(target, (byField = new Map()));
  // (The guide's names as JSON, which holds no raw NUL, then the field: the body's whole text, not copied again.)
  const key = `${JSON.stringify(guideNames)}\u0000${field}`;
  let seen = byField.get(key);
  if (!seen) byField.set(key, (seen = planValuesSeenBy(ctx, target, field, guideNames)));
  return seen;
}

/** valuesSeenBy's answers: by grading, activity, then field and guide names (as JSON). */
const plans = new WeakMap<CheckContext, WeakMap<Activity, Map<string, SeenValues>>>();

function planValuesSeenBy(ctx: CheckContext, target: Activity, field: string, guideNames: readonly string[]): SeenValues {
  const { trace, at } = happyPathAt(ctx, target);
  // A call that never got to `target` (another mistake stopped it earlier): the Set Variables every
  // call runs just before it, on the canvas, as the call would run them.
  const before = at < 0 ? setVariablesJustBefore(ctx, target) : trace.slice(0, at);
  if (before.length === 0) return asGiven;
  const byId = new Map([...ctx.model.main.activities, ...ctx.model.events.activities].map((activity) => [activity.id, activity]));
  const written = new Set(before.filter((entry) => entry.type === SET_VARIABLE && !entry.error).flatMap((entry) => Object.keys(entry.modifiedVariables)));
  const twinsOf = new Map(before.map((entry) => [entry, twinGroups(byId.get(entry.activityId))]));
  const twins = new Set([...twinsOf.values()].flat(2));
  const read = new Set(namesRead(field).map((name) => name.split('.')[0]!));
  if (![...read].some((name) => written.has(name) || twins.has(name))) return asGiven;
  const variables = [...ctx.model.variables, ...undeclared(ctx.model, guideNames)];
  return (start) => replay(before, start, { byId, read, twinsOf, variables });
}

/** The names among `names` that the flow declares no variable of, as String variables with an empty default. */
function undeclared(model: FlowModel, names: readonly string[]): Variable[] {
  const declared = new Set(model.variables.map((v) => v.name));
  return [...new Set(names)].filter((name) => !declared.has(name)).map((name) => ({ name, type: 'STRING', rawDefault: '', defaultValue: '', source: '', pointer: '' }));
}

/**
 * The Set Variables that lead straight to `target` (each the only way into the next), in the order
 * a call runs them, as trace entries writing what each assigns: what a call reaching `target` has
 * run whatever came before (a status copied into a variable after the request, a value set as
 * OnGlobalError starts).
 */
function setVariablesJustBefore(ctx: CheckContext, target: Activity): TraceEntry[] {
  const graph = [ctx.model.main, ctx.model.events].find((g) => g.activities.includes(target));
  if (!graph) return [];
  const chain: TraceEntry[] = [];
  for (let next = target; ; ) {
    const into = graph.activities.filter((a) => Object.values(a.exits).includes(next.id));
    const only = into.length === 1 ? into[0]! : undefined;
    // Set Variables in a loop, which nothing else leads into, end the walk where it comes back.
    if (!only || only.type !== SET_VARIABLE || chain.some((entry) => entry.activityId === only.id)) return chain;
    const modifiedVariables = Object.fromEntries(assignments(only).map((row) => [row.target, '']));
    chain.unshift({ flow: graph.kind, activity: only.label, activityId: only.id, type: SET_VARIABLE, outcome: 'out', modifiedVariables });
    next = only;
  }
}

/**
 * The variables a request's Parsing Settings fill from one Path Expression, two rows or more to a
 * group (a row given twice makes a group of one variable, which then takes its own value).
 */
function twinGroups(activity: Activity | undefined): string[][] {
  if (!activity || activity.type === SET_VARIABLE) return [];
  const byPath = new Map<string, string[]>();
  for (const { variable, path } of parseRowsOf(activity)) if (variable !== '' && path !== '') byPath.set(path, [...(byPath.get(path) ?? []), variable]);
  return [...byPath.values()].filter((group) => group.length > 1);
}

/**
 * What a field's replays share, worked out once: the activities by id, the names the field reads,
 * each entry's twin groups, the variables the replay declares (the flow's, and the guide's it lacks).
 */
interface ReplayPlan {
  byId: ReadonlyMap<string, Activity>;
  read: ReadonlySet<string>;
  twinsOf: ReadonlyMap<TraceEntry, string[][]>;
  variables: readonly Variable[];
}

function replay(before: readonly TraceEntry[], start: ReadonlyMap<string, unknown>, { byId, read, twinsOf, variables }: ReplayPlan): ReadonlyMap<string, unknown> {
  const vars = new VariableStore(variables);
  for (const [name, value] of start) {
    if (vars.isDeclared(name)) vars.setVariable(name, value);
    else if (value instanceof FieldsIgnoringCase) vars.setContactData(name, Object.fromEntries(value) as Record<string, string>);
    else if (typeof value === 'object' && value !== null) for (const [key, output] of Object.entries(value)) vars.setOutput(name, key, output);
  }
  const expr = new Expressions(EVAL_OPTIONS);
  for (const entry of before) {
    const activity = byId.get(entry.activityId);
    if (activity && entry.type === SET_VARIABLE && !entry.error) {
      vars.begin();
      try {
        assignVariables(activity, vars, expr);
        vars.commit();
      } catch (error) {
        // A value the check's own values cannot give (as a failing Set Variable keeps none).
        if (!(error instanceof ActivityError)) throw error;
        vars.rollback();
      }
    } else {
      for (const name of Object.keys(entry.modifiedVariables)) if (vars.isDeclared(name) && start.has(name)) vars.setVariable(name, start.get(name));
      for (const group of twinsOf.get(entry) ?? []) {
        const source = group.find((name) => start.has(name) && !read.has(name)) ?? group.find((name) => start.has(name));
        if (source !== undefined) for (const name of group) if (vars.isDeclared(name)) vars.setVariable(name, start.get(source));
      }
    }
  }
  // (What the store does not hold, a sample for a name that is no variable, stays as it was.)
  return new Map([...start, ...vars.scope()]);
}
