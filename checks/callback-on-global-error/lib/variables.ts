/** The shared logic of the four Build step 2 checks: one String flow variable with an empty default. */
import { defineCheck, type Check } from '../../../engine/check.js';
import type { FlowModel, Variable } from '../../../engine/model.js';
import { variableTypeName } from '../../../engine/variable-types.js';
import { missionNodes } from './find.js';
import { VARIABLES } from './names.js';
import { failed, passed } from './outcome.js';

interface VariableCheckOptions {
  id: string;
  /** The guide's name (`outdialcbid`). */
  name: string;
  /** The guide's caption (`Outdial Entry Point Variable`). */
  caption: string;
  points: number;
  /** The name this flow must use (differs from `name` only for the older `customANI` spelling). */
  resolve?: (model: FlowModel) => string;
  /** Extra Markdown for the description (tolerances specific to this variable). */
  note?: string;
}

/**
 * An empty default: nothing, blank, the text null (some exports write an empty default as "NULL"),
 * or the text empty — the 2025 guide writes "Default Value: **empty**", which some attendees type in.
 */
export function isEmptyDefault(raw: string | null): boolean {
  return raw === null || raw.trim() === '' || isTypedEmpty(raw) || raw.trim().toLowerCase() === 'null';
}

/**
 * The cause a variable check reports when the flow has no variable of that exact name: a simulated
 * call that fails for it (a Set Variable or a Parsing Settings row writing it) shares it.
 */
export function undeclaredCause(name: string): string {
  return `flow variable ${name} not declared`;
}

/**
 * The cause a variable check reports when the variable is not a String: a simulated call that
 * goes wrong for it (a value its type cannot hold, or changes: `+14085267209` stored as a number)
 * shares it.
 */
export function notStringCause(name: string): string {
  return `flow variable ${name} not a String`;
}

/**
 * The cause a simulated call shares when a value does not fit the type of the variable `written`
 * (`cannot store … in INTEGER variable 'getResult'`): its variable check's. Where `written` is the
 * spelling declared for a mission variable in another case (`getResult` for getresult), that check
 * names the name first and the type beside it, under the name's cause (undeclaredCause).
 */
export function notStringCauseOf(model: FlowModel, written: string): string {
  const names = [VARIABLES.outdialcbid, aniVariable(model), VARIABLES.getresult, VARIABLES.simulatederror];
  const mission = names.find((name) => name !== written && declaredSpelling(model, name) === written);
  return mission === undefined ? notStringCause(written) : undeclaredCause(mission);
}

/**
 * The name activities use for a mission variable declared in another case (`getResult`), which its
 * Build step 2 check reports: Flow Designer's lists (Parsing Settings, Set Variable) offer only
 * that spelling, so an activity writing it is right but for the name. `name` itself when the flow
 * declares it, or declares no spelling of it.
 */
export function declaredSpelling(model: FlowModel, name: string): string {
  if (model.variables.some((v) => v.name === name)) return name;
  return declaredLoosely(model, name)?.name.trim() ?? name;
}

/** The flow variable named `name` but for case or spaces around it (`getResult`, ` getresult`), if one is declared. */
function declaredLoosely(model: FlowModel, name: string): Variable | undefined {
  return model.variables.find((v) => v.name.trim().toLowerCase() === name.toLowerCase());
}

/**
 * The name an activity writing the names `written` uses for the mission variable `name`: its
 * declared spelling (see `declaredSpelling`) when it writes that, else `name` (the guide's, which
 * the activity may write though the flow declares another spelling: the variable check reports that).
 */
export function nameWritten(model: FlowModel, name: string, written: readonly string[]): string {
  const declared = declaredSpelling(model, name);
  return declared !== name && written.includes(declared) && !written.includes(name) ? declared : name;
}

/**
 * A failure for an activity right but for writing `used`, the spelling declared for the mission
 * variable `name` (see `declaredSpelling`): reported once, by the variable check (same cause).
 */
export function misspelledVariable(name: string, used: string, what: string): { message: string; cause: string } {
  return { message: `${what} ${used}, the spelling declared for ${name}: rename the flow variable ${name} (Build step 2)`, cause: undeclaredCause(name) };
}

/** What to change for a variable of another type (the same words where a simulated call meets it). */
export function setTypeHint(name: string): string {
  return `Global Flow Properties → Custom Variables → Flow Variables → ${name}: set Type to String, as Build step 2 asks.`;
}

function isTypedEmpty(raw: string | null): boolean {
  return raw?.trim().toLowerCase() === 'empty';
}

/** One mistake in a mission variable: its message alone, and its words after the first mistake's. */
interface Problem {
  alone: string;
  also: string;
  /** What the variable has, in the combined failure's `actual`. */
  shown: string;
  /** What to do, in the combined failure's hint. */
  fix: string;
  expected: string;
  actual: string;
  hint: string;
  cause?: string;
}

/** `a, b and c`. */
function listed(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The default a variable of another type than String holds untouched: 0, false, {}. */
function isBlankForType(variable: Variable): boolean {
  const value = variable.defaultValue;
  return value === 0 || value === false || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);
}

export function variableCheck(options: VariableCheckOptions): Check {
  const { id, name, caption, points } = options;
  return defineCheck({
    id,
    title: `Flow variable ${name} (String, empty default)`,
    step: 2,
    points,
    severity: 'required',
    hint: `Global Flow Properties → Custom Variables → Flow Variables → Add Flow Variable: Name ${name}, Type String, Default Value left empty.`,
    description: [
      `Verifies the ${caption} of Build step 2: a flow variable named \`${name}\` is declared, its type is`,
      'String, and its default value is empty.',
      '',
      'Tolerances:',
      '- an empty default may be exported as nothing (`null`), an empty or blank text, or the text `null`/`NULL`;',
      '- the text `empty` (any case) counts as empty too: the 2025 guide writes "Default Value: **empty**", and the',
      '  flow replaces the value before it reads it;',
      '- the variable may be flow-local or global; only its name, type and default are judged.',
      '- The name is case-sensitive (Pebble names are): a variable that differs only in case, or has spaces around',
      '  its name, fails, and the message names the spelling found.',
      ...(options.note ? [options.note] : []),
      '',
      'Several mistakes in the one variable (its name in another case, another type, a default value) are named in one',
      'message and one hint, so that one visit to the variable fixes them all. The default another type comes with',
      '(Integer `0`, Boolean `false`, JSON `{}`) is not named as a second mistake; a value typed in is.',
      '',
      'A variable not declared, or of another type than String, is reported here once: a simulated call that goes',
      'wrong for it (an activity writes it, or its type does not keep the value as it came: `+14085267209` in an',
      'Integer variable is the number 14085267209) is not judged and points to this check. So is an activity that',
      'writes the variable under the spelling declared (`getResult`, as Flow Designer\'s lists offer it) and is',
      'right but for that name: Parsing Settings rows, SetGetResult, SimulateGlobalError, the Create Task Request Body.',
      'A call that goes wrong for more than the variable (the activity left it empty or wrote another variable, or one',
      'beside it is wrong too, as after Parsing Settings paths without `[0]`) is judged on its own: its hint names the setting.',
    ].join('\n'),
    run(ctx) {
      const expected = options.resolve ? options.resolve(ctx.model) : name;
      const exact = ctx.model.variables.find((v) => v.name === expected);
      const spaced = exact ? undefined : ctx.model.variables.find((v) => v.name.trim() === expected);
      const other = exact || spaced ? undefined : declaredLoosely(ctx.model, expected);
      const variable = exact ?? spaced ?? other;
      if (!variable) {
        return failed(`Flow variable ${expected} is not declared`, {
          expected: `${expected} (String, empty default)`,
          actual: `not declared (flow variables: ${ctx.model.variables.map((v) => v.name).join(', ') || 'none'})`,
          pointer: '/variables',
          cause: undeclaredCause(expected),
        });
      }
      // Every mistake in this one variable, in the order Build step 2 types them (name, type,
      // default): the message names them all, so one visit to the variable fixes it.
      const problems: Problem[] = [];
      if (spaced) {
        problems.push({
          alone: `Flow variable ${expected} is declared as ${JSON.stringify(spaced.name)}, with spaces around the name: the lab's steps use ${expected}`,
          also: `spaces around its name`,
          shown: JSON.stringify(spaced.name),
          fix: 'remove the spaces around its name',
          expected: `${expected} (String, empty default)`,
          actual: JSON.stringify(spaced.name),
          hint: `Global Flow Properties → Custom Variables → Flow Variables → ${spaced.name.trim()}: remove the spaces around its name.`,
          cause: undeclaredCause(expected),
        });
      } else if (other) {
        problems.push({
          alone: `Flow variable ${expected} is declared as ${other.name}: names are case-sensitive, and the lab's steps use ${expected}`,
          also: `the name ${other.name}`,
          shown: other.name,
          fix: `rename it ${expected} (and use that name wherever the flow sets or reads it)`,
          expected: `${expected} (String, empty default)`,
          actual: other.name,
          hint: `Global Flow Properties → Custom Variables → Flow Variables → ${other.name}: rename it ${expected}, and use that name wherever the flow sets or reads it.`,
          cause: undeclaredCause(expected),
        });
      }
      if (variable.type !== 'STRING') {
        const type = variableTypeName(variable.type);
        problems.push({
          alone: `Flow variable ${expected} has type ${type}, not String`,
          also: `type ${type}, not String`,
          shown: `type ${type}`,
          fix: 'set Type to String',
          expected: 'String',
          actual: type,
          hint: setTypeHint(expected),
          cause: notStringCause(expected),
        });
      }
      // Another type's own blank default (Integer 0, Boolean false, JSON {}) comes with that type,
      // so it is not a second mistake; a value typed in is.
      if (!isEmptyDefault(variable.rawDefault) && (variable.type === 'STRING' || !isBlankForType(variable))) {
        problems.push({
          alone: `Flow variable ${expected} has the default value ${JSON.stringify(variable.rawDefault)}; it must be empty`,
          also: `the default value ${JSON.stringify(variable.rawDefault)} (it must be empty)`,
          shown: `default ${JSON.stringify(variable.rawDefault)}`,
          fix: 'clear its Default Value (leave it empty)',
          expected: 'empty default value',
          actual: JSON.stringify(variable.rawDefault),
          hint: `Global Flow Properties → Custom Variables → Flow Variables → ${expected}: clear its Default Value (leave it empty), as Build step 2 asks.`,
        });
      }
      const [first, ...more] = problems;
      if (first) {
        if (more.length === 0) {
          return failed(first.alone, { expected: first.expected, actual: first.actual, pointer: variable.pointer, hint: first.hint, ...(first.cause ? { cause: first.cause } : {}) });
        }
        // The first mistake's cause: a simulated call spoiled by the name (or the type) points here.
        return failed(`${first.alone}; it also has ${more.map((p) => p.also).join(', and ')}`, {
          expected: `${expected} (String, empty default)`,
          actual: problems.map((p) => p.shown).join(', '),
          pointer: variable.pointer,
          hint: `Global Flow Properties → Custom Variables → Flow Variables → ${variable.name.trim()}: ${listed(problems.map((p) => p.fix))}, as Build step 2 asks.`,
          ...(first.cause ? { cause: first.cause } : {}),
        });
      }
      const older = expected !== name ? ` (the older guide's spelling, used consistently)` : '';
      const typed = isTypedEmpty(variable.rawDefault) ? ' (the text "empty", as the 2025 guide words it: accepted, the value is replaced before it is read)' : '';
      return passed(`Flow variable ${expected}${older} is a String with an empty default${typed}`);
    },
  });
}

/** `customani`, or `customANI` where the whole flow uses the older guide's spelling. */
export function aniVariable(model: FlowModel): string {
  return missionNodes(model).aniVariable;
}
