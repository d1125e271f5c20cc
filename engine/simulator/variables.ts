/**
 * Run-time variables: declared flow variables (by name) and activity outputs (by activity label,
 * e.g. `GET_CBID` → {httpStatusCode, httpResponseBody, httpResponseHeaders}), the Pebble scope
 * built from them, and conversion of values into a variable's declared type.
 *
 * Every value kept here is plain JSON data. Names come from the export (labels, variable names),
 * so all lookups use Maps and own properties only: `__proto__` or `constructor` are just names.
 */
import type { Variable } from '../model.js';
import { clipWithDots } from '../clip.js';
import { DECIMAL_TEXT, INTEGER_TEXT } from '../number-text.js';
import { LONG_MAX, LONG_MIN, PDouble } from '../pebble/values.js';
import { javaNumberTexts } from './json-numbers.js';
import { pointerOf } from '../pointer.js';
import { FieldsIgnoringCase } from '../contact-fields.js';
import { ActivityError } from './errors.js';
import { variableTypeName } from '../variable-types.js';

/**
 * Sets an own, enumerable property, whatever the key. `__proto__` is the one key an assignment
 * would not store (Object.prototype's setter changes the prototype instead): it is defined.
 */
export function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

/** Reads an own data property, or undefined. */
export function getOwn(record: unknown, key: string): unknown {
  if (typeof record !== 'object' || record === null) return undefined;
  const d = Object.getOwnPropertyDescriptor(record, key);
  return d !== undefined && 'value' in d ? d.value : undefined;
}

/** Deep copy into plain JSON data (arrays, own-property objects, primitives; anything else → null). */
export function toPlain(value: unknown, depth = 0): unknown {
  if (depth > 200) return null;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map((v) => toPlain(v, depth + 1));
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) setOwn(out, String(k), toPlain(v, depth + 1));
    return out;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) setOwn(out, key, toPlain(getOwn(value, key), depth + 1));
    return out;
  }
  return null;
}

/** Short, one-line description of a value for messages. */
function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(clipWithDots(value, 60));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = JSON.stringify(toPlain(value)) ?? 'null';
  return clipWithDots(text, 60);
}

/** The text form of a value written into a STRING variable: objects and lists as compact JSON, null as ''. */
function stringOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(toPlain(value));
}

/** An activity's outputs as the object expressions read (`{{label.key}}`). */
function recordOf(outputs: Map<string, unknown>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [key, value] of outputs) setOwn(record, key, value);
  return record;
}

/**
 * What Pebble reads for a JSON value read from a JSON text (keepJavaNumbers), by the plain value
 * kept: values are never changed in place (a change sets a new one), so the view stays true.
 */
const javaViews = new WeakMap<object, unknown>();

/**
 * `value`, a list or map read from JSON text whose numbers `texts` holds by JSON Pointer (as
 * javaNumberTexts gives them; `at`: the pointer of `value` in that text, or of each item of a list
 * of matches), remembered with the numbers Java holds otherwise than JavaScript: the JSON library
 * under Flow Designer reads a number written with a fraction or an exponent as a Double, whole or
 * not (`100.0` prints `100.0`, and `100.0 / 8` is 12.5, where a Long would give 12), and an integer
 * beyond 2^53 as a Long with every digit. Expressions read the value so (VariableStore.scope); the
 * value itself, plain JSON for the trace, is returned unchanged.
 */
export function keepJavaNumbers<T>(value: T, texts: ReadonlyMap<string, string>, at: string | readonly string[] = ''): T {
  if (typeof value !== 'object' || value === null) return value;
  const view = typeof at === 'string' ? javaNumbersIn(value, texts, at) : Array.isArray(value) ? javaNumbersInItems(value, texts, at) : value;
  if (view !== value) javaViews.set(value, view);
  return value;
}

/** keepJavaNumbers of a value parsed from the JSON `text`; texts with no number Java holds otherwise are not scanned. */
function keepJavaNumbersOfText<T>(value: T, text: string): T {
  return typeof value === 'object' && value !== null && /\d[.eE]|\d{16}/.test(text) ? keepJavaNumbers(value, javaNumberTexts(text)) : value;
}

/** `value` with the numbers of `texts` Java holds otherwise (keepJavaNumbers); `value` itself when there is none. */
function javaNumbersIn(value: unknown, texts: ReadonlyMap<string, string>, pointer: string): unknown {
  if (typeof value === 'number') return javaNumber(value, texts.get(pointer));
  if (Array.isArray(value)) return javaNumbersInItems(value, texts, value.map((_, index) => `${pointer}/${index}`));
  if (typeof value !== 'object' || value === null) return value;
  let view: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const item = getOwn(value, key);
    const javaItem = javaNumbersIn(item, texts, pointer + pointerOf([key]));
    if (javaItem !== item && view === undefined) view = { ...(value as Record<string, unknown>) }; // own data properties, __proto__ as a key too
    if (view !== undefined) setOwn(view, key, javaItem);
  }
  return view ?? value;
}

/** The items of a list, each at its own pointer. */
function javaNumbersInItems(items: readonly unknown[], texts: ReadonlyMap<string, string>, pointers: readonly string[]): readonly unknown[] {
  const view = items.map((item, index) => javaNumbersIn(item, texts, pointers[index] ?? ''));
  return view.some((item, index) => item !== items[index]) ? view : items;
}

/** A JSON number as Java holds it, from its text as Java prints it: a whole Double, or a Long beyond 2^53. */
function javaNumber(value: number, javaText: string | undefined): unknown {
  if (javaText === undefined || !Number.isInteger(value)) return value;
  if (/[.E]/.test(javaText)) return new PDouble(value);
  if (Number.isSafeInteger(value) || !/^-?\d+$/.test(javaText)) return value;
  const long = BigInt(javaText);
  return long >= LONG_MIN && long <= LONG_MAX ? long : value;
}

/** Marks a variable that had no value before an activity changed it. */
const ABSENT = Symbol('absent');


/**
 * Converts a value into the declared type of variable `name`. Throws ActivityError when it does
 * not fit (an assumption: the references do not document this; see docs/simulator.md).
 * STRING (and DATETIME, and any type we do not know) → text; INTEGER → a safe integer;
 * DECIMAL → a finite number; BOOLEAN → true/false (also from the text "true"/"false", any case);
 * JSON → parsed from text, or the structured value as it is.
 */
export function convertToType(value: unknown, type: string, name: string): unknown {
  const fail = (): never => {
    throw new ActivityError(`cannot store ${describeValue(value)} in ${variableTypeName(type.toUpperCase())} variable '${name}'`, { variable: { name, problem: 'type' } });
  };
  switch (type.toUpperCase()) {
    case 'INTEGER': {
      if (typeof value === 'number') return Number.isSafeInteger(value) ? value : fail();
      if (typeof value === 'string' && INTEGER_TEXT.test(value.trim())) {
        const n = Number(value.trim());
        return Number.isSafeInteger(n) ? n : fail();
      }
      return fail();
    }
    case 'DECIMAL': {
      if (typeof value === 'number') return Number.isFinite(value) ? value : fail();
      if (typeof value === 'string' && DECIMAL_TEXT.test(value.trim())) {
        const n = Number(value.trim()); // '1e999' is numeric text, but Infinity
        return Number.isFinite(n) ? n : fail();
      }
      return fail();
    }
    case 'BOOLEAN': {
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string') {
        const text = value.trim().toLowerCase();
        if (text === 'true' || text === 'false') return text === 'true';
      }
      return fail();
    }
    case 'JSON': {
      if (typeof value !== 'string') return toPlain(value);
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        return fail();
      }
      return keepJavaNumbersOfText(toPlain(parsed), value);
    }
    default:
      return stringOf(value);
  }
}

/** Types whose Set Variable value is the rendered text of the template (not its typed value). */
export function isTextType(type: string): boolean {
  return !['INTEGER', 'DECIMAL', 'BOOLEAN', 'JSON'].includes(type.toUpperCase());
}

/** The names of a subflow's inputs: the variables declared with source SUBFLOW_INPUT, in their order. */
export function subflowInputsOf(variables: Iterable<Variable>): string[] {
  return [...variables].filter((v) => v.source === 'SUBFLOW_INPUT').map((v) => v.name);
}

/**
 * Variables of one run. Changes made by an activity are collected between `begin()` and
 * `commit()` (its trace entry's modifiedVariables); `rollback()` undoes them when it fails. The
 * first change of each name within an activity records what it replaced, so beginning an activity
 * costs nothing however many variables the flow declares.
 */
export class VariableStore {
  private declared = new Map<string, Variable>();
  private values = new Map<string, unknown>();
  private outputs = new Map<string, Map<string, unknown>>();
  /** Labels whose outputs are read ignoring case (the start node's contact data). */
  private fieldsIgnoringCase = new Set<string>();
  private modified = new Map<string, unknown>();
  /** Within an activity: the value each changed variable had before it (ABSENT: none). */
  private readonly replacedValues = new Map<string, unknown>();
  /** Within an activity: each changed label's outputs before the change (undefined: none yet). */
  private readonly replacedOutputs = new Map<string, Map<string, unknown> | undefined>();
  private inActivity = false;
  /** The last scope built, until something changes. */
  private cachedScope?: Map<string, unknown>;

  /** `contactFieldsIgnoreCase` (SimulationOptions): the start node's contact data is read ignoring case. */
  constructor(variables: readonly Variable[], private readonly contactFieldsIgnoreCase = true) {
    for (const v of variables) {
      if (this.declared.has(v.name)) continue; // duplicates: the first declaration wins
      this.declared.set(v.name, v);
      const value = toPlain(v.defaultValue);
      this.values.set(v.name, String(v.type).toUpperCase() === 'JSON' && v.rawDefault !== null ? keepJavaNumbersOfText(value, v.rawDefault) : value);
    }
  }

  /**
   * An independent copy, between activities. Values are shared: a change sets a new value, never
   * changes one in place. The copy builds its scope afresh when first asked.
   */
  clone(): VariableStore {
    if (this.inActivity) throw new Error('a VariableStore is cloned only between activities');
    const copy = new VariableStore([], this.contactFieldsIgnoreCase);
    copy.declared = this.declared;
    copy.values = new Map(this.values);
    copy.outputs = new Map([...this.outputs].map(([label, outputs]) => [label, new Map(outputs)]));
    copy.fieldsIgnoringCase = this.fieldsIgnoringCase;
    return copy;
  }

  isDeclared(name: string): boolean {
    return this.declared.has(name);
  }

  /** The subflow's inputs, in declaration order (subflowInputsOf). */
  subflowInputs(): string[] {
    return subflowInputsOf(this.declared.values());
  }

  /** Declared type of a flow variable (upper case), or undefined when not declared. */
  typeOf(name: string): string | undefined {
    const v = this.declared.get(name);
    return v === undefined ? undefined : String(v.type ?? 'STRING').toUpperCase();
  }

  get(name: string): unknown {
    return this.values.get(name);
  }

  /** Writes a declared flow variable (the value must already have its type). */
  setVariable(name: string, value: unknown): void {
    if (this.inActivity && !this.replacedValues.has(name)) this.replacedValues.set(name, this.values.has(name) ? this.values.get(name) : ABSENT);
    this.values.set(name, value);
    this.modified.set(name, value);
    this.cachedScope?.set(name, this.scopeValue(name, value));
  }

  /** Writes the start node's contact data (`{{label.ANI}}`, …), read ignoring case unless the store was told otherwise. */
  setContactData(label: string, fields: Readonly<Record<string, string>>): void {
    if (this.contactFieldsIgnoreCase && !this.fieldsIgnoringCase.has(label)) {
      this.fieldsIgnoringCase = new Set(this.fieldsIgnoringCase).add(label); // shared with clones until changed
      this.cachedScope = undefined;
    }
    for (const [key, value] of Object.entries(fields)) this.setOutput(label, key, value);
  }

  /** Writes an activity output, visible as `{{label.key}}`. */
  setOutput(label: string, key: string, value: unknown): void {
    const before = this.outputs.get(label);
    if (this.inActivity && !this.replacedOutputs.has(label)) this.replacedOutputs.set(label, before && new Map(before));
    let outputs = before;
    if (!outputs) {
      outputs = new Map();
      this.outputs.set(label, outputs);
    }
    outputs.set(key, value);
    this.modified.set(`${label}.${key}`, value);
    if (!this.values.has(label)) this.cachedScope?.set(label, this.outputsOf(label, outputs));
  }

  /**
   * The Pebble scope: activity outputs as objects by label, flow variables by name (a variable
   * wins over a label of the same name). A DECIMAL variable is a Java double there, whole or not
   * (`{{ d / 4 }}` is 2.5 for 10), where a plain whole number would be a Long; a JSON variable's
   * numbers are those Java read from its text (keepJavaNumbers). Built once, then
   * kept up to date by every change (a rebuild per change made a Set Variable of N rows over N
   * variables cost N²); read it before the next change, never keep it across one.
   */
  scope(): Map<string, unknown> {
    if (this.cachedScope) return this.cachedScope;
    const scope = new Map<string, unknown>();
    for (const [label, outputs] of this.outputs) scope.set(label, this.outputsOf(label, outputs));
    for (const [name, value] of this.values) scope.set(name, this.scopeValue(name, value));
    this.cachedScope = scope;
    return scope;
  }

  /** A label's outputs as expressions read them. */
  private outputsOf(label: string, outputs: Map<string, unknown>): Record<string, unknown> | FieldsIgnoringCase {
    return this.fieldsIgnoringCase.has(label) ? new FieldsIgnoringCase(outputs) : recordOf(outputs);
  }

  private scopeValue(name: string, value: unknown): unknown {
    if (typeof value === 'object' && value !== null) return javaViews.get(value) ?? value;
    return typeof value === 'number' && this.typeOf(name) === 'DECIMAL' ? new PDouble(value) : value;
  }

  begin(): void {
    this.modified = new Map();
    this.replacedValues.clear();
    this.replacedOutputs.clear();
    this.inActivity = true;
  }

  /** Ends the activity: its changes as a modifiedVariables record. */
  commit(): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    for (const [key, value] of this.modified) setOwn(record, key, toPlain(value));
    this.modified = new Map();
    this.inActivity = false;
    return record;
  }

  /** Undoes the current activity's changes. */
  rollback(): void {
    if (this.inActivity) {
      for (const [name, value] of this.replacedValues) {
        if (value === ABSENT) this.values.delete(name);
        else this.values.set(name, value);
      }
      for (const [label, outputs] of this.replacedOutputs) {
        if (outputs) this.outputs.set(label, outputs);
        else this.outputs.delete(label);
      }
      this.cachedScope = undefined;
    }
    this.modified = new Map();
    this.inActivity = false;
  }

  /** Final values: flow variables by name, activity outputs as `Label.key`. */
  snapshot(): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    for (const [name, value] of this.values) setOwn(record, name, toPlain(value));
    for (const [label, outputs] of this.outputs) {
      for (const [key, value] of outputs) setOwn(record, `${label}.${key}`, toPlain(value));
    }
    return record;
  }
}
