/** The shared logic of the four Build step 2 checks: one String flow variable with an empty default. */
import { defineCheck, type Check } from '../../../engine/check.js';
import type { FlowModel, Variable } from '../../../engine/model.js';
import { missionNodes } from './find.js';
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

/** Variable types as Flow Designer's Type list shows them. */
const TYPE_NAMES: Record<string, string> = { STRING: 'String', INTEGER: 'Integer', BOOLEAN: 'Boolean', DECIMAL: 'Decimal', DATETIME: 'Date Time', JSON: 'JSON' };

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
      'A variable not declared, or of another type than String, is reported here once: a simulated call that goes',
      'wrong for it (an activity writes it, or its type does not keep the value as it came: `+14085267209` in an',
      'Integer variable is the number 14085267209) is not judged and points to this check. So is an activity that',
      'writes the variable under the spelling declared (`getResult`, as Flow Designer\'s lists offer it) and is',
      'right but for that name: Parsing Settings rows, SetGetResult, SimulateGlobalError, the Create Task Request Body.',
    ].join('\n'),
    run(ctx) {
      const expected = options.resolve ? options.resolve(ctx.model) : name;
      const variable = ctx.model.variables.find((v) => v.name === expected);
      if (!variable) {
        const spaced = ctx.model.variables.find((v) => v.name.trim() === expected);
        if (spaced) {
          return failed(`Flow variable ${expected} is declared as ${JSON.stringify(spaced.name)}, with spaces around the name: the lab's steps use ${expected}`, {
            expected: `${expected} (String, empty default)`,
            actual: JSON.stringify(spaced.name),
            pointer: spaced.pointer,
            hint: `Global Flow Properties → Custom Variables → Flow Variables → ${spaced.name.trim()}: remove the spaces around its name.`,
            cause: undeclaredCause(expected),
          });
        }
        const other = declaredLoosely(ctx.model, expected);
        if (other) {
          return failed(`Flow variable ${expected} is declared as ${other.name}: names are case-sensitive, and the lab's steps use ${expected}`, {
            expected: `${expected} (String, empty default)`,
            actual: other.name,
            pointer: other.pointer,
            hint: `Global Flow Properties → Custom Variables → Flow Variables → ${other.name}: rename it ${expected}, and use that name wherever the flow sets or reads it.`,
            cause: undeclaredCause(expected),
          });
        }
        return failed(`Flow variable ${expected} is not declared`, {
          expected: `${expected} (String, empty default)`,
          actual: `not declared (flow variables: ${ctx.model.variables.map((v) => v.name).join(', ') || 'none'})`,
          pointer: '/variables',
          cause: undeclaredCause(expected),
        });
      }
      if (variable.type !== 'STRING') {
        const type = Object.hasOwn(TYPE_NAMES, variable.type) ? TYPE_NAMES[variable.type] : variable.type;
        return failed(`Flow variable ${expected} has type ${type}, not String`, {
          expected: 'String',
          actual: type,
          pointer: variable.pointer,
          hint: setTypeHint(expected),
          cause: notStringCause(expected),
        });
      }
      if (!isEmptyDefault(variable.rawDefault)) {
        return failed(`Flow variable ${expected} has the default value ${JSON.stringify(variable.rawDefault)}; it must be empty`, {
          expected: 'empty default value',
          actual: JSON.stringify(variable.rawDefault),
          pointer: variable.pointer,
          hint: `Global Flow Properties → Custom Variables → Flow Variables → ${expected}: clear its Default Value (leave it empty), as Build step 2 asks.`,
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
