/**
 * Attribute access and method calls, after Pebble's DefaultAttributeResolver:
 * `x.name` / `x[key]` reads a map key, a list index, or a bean getter (`getName()`, `isName()`,
 * `hasName()`, `name()`), so `ANI.length` is String.length(). `x.name(args)` calls a method.
 *
 * `contains` and `equals` are operators, so `.contains(…)` / `.equals(…)` are syntax errors, as in
 * Pebble. Only the whitelisted Java methods below exist; everything else (including `constructor`,
 * `__proto__`, `prototype`, `class`) resolves to null like any missing attribute, or is an error
 * under strictVariables. No JS property or function of a value is ever reached. As in stock
 * Pebble (greedyMatchMethod=false), methods taking a Java `int` (substring, charAt, get) are not
 * callable with number literals, which are Longs — they resolve to null, so they are not listed.
 */
import type { Context } from './context.js';
import { UndefinedVariableError, fail, placing } from './errors.js';
import { DATE_METHODS } from './date-methods.js';
import { m, type Method, type Param } from './method.js';
import { javaMatches, javaReplace, javaSplit } from './regex.js';
import { MAX_STRING_LENGTH, replacedLength } from './limits.js';
import { javaString } from './stringify.js';
import { javaIsBlank, javaStrip, javaTrim } from '../java-whitespace.js';
import {
  type Long,
  PDate,
  PDouble,
  SafeString,
  fromHost,
  isLong,
  isNumber,
  javaDoubleToString,
  javaIntValue,
  javaLongValue,
  longToString,
  numValue,
  toLong,
  isList,
  isMap,
  javaEquals,
  listItems,
  mapEntries,
  firstMapKey,
  typeName,
  mapGet,
  mapHas,
  mapSize,
  type MapValue,
} from './values.js';

/** Java's Character.toUpperCase / toLowerCase of one code point: the simple mapping, one character (`ß` stays). */
function simpleCase(c: string, upper: boolean): string {
  if (!upper && c === '\u0130') return 'i'; // İ: Java's simple lower case, where JavaScript adds U+0307
  const mapped = upper ? c.toUpperCase() : c.toLowerCase();
  return [...mapped].length === 1 ? mapped : c;
}

/**
 * Java String.equalsIgnoreCase: as long in UTF-16 units, and each character equal, or equal upper-cased
 * alone, or equal lower-cased after that (`ſ` is `s`, `ς` is `Σ`, `İ` is `i`; `ß` is not `SS`).
 */
function javaEqualsIgnoreCase(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const x = [...a];
  const y = [...b];
  return x.length === y.length && x.every((c, i) => {
    if (c === y[i]) return true;
    const [u, v] = [simpleCase(c, true), simpleCase(y[i], true)];
    return u === v || simpleCase(u, false) === simpleCase(v, false);
  });
}

function nonNull(v: unknown, pos: number): string {
  if (v === null) fail('type', 'Null argument in a method call', pos);
  return v as string;
}

const STRING_METHODS = new Map<string, Method>([
  ['length', m<string>([], (s) => s.length)],
  ['isEmpty', m<string>([], (s) => s.length === 0)],
  ['isBlank', m<string>([], (s) => javaIsBlank(s))],
  ['trim', m<string>([], (s) => javaTrim(s))],
  ['strip', m<string>([], (s) => javaStrip(s))],
  ['toUpperCase', m<string>([], (s) => s.toUpperCase())],
  ['toLowerCase', m<string>([], (s) => s.toLowerCase())],
  ['toString', m<string>([], (s) => s)],
  ['indexOf', m<string>(['string'], (s, [x], _c, pos) => s.indexOf(nonNull(x, pos)))],
  ['lastIndexOf', m<string>(['string'], (s, [x], _c, pos) => s.lastIndexOf(nonNull(x, pos)))],
  ['startsWith', m<string>(['string'], (s, [x], _c, pos) => s.startsWith(nonNull(x, pos)))],
  ['endsWith', m<string>(['string'], (s, [x], _c, pos) => s.endsWith(nonNull(x, pos)))],
  ['equalsIgnoreCase', m<string>(['string'], (s, [x]) => typeof x === 'string' && javaEqualsIgnoreCase(s, x))],
  ['compareTo', m<string>(['string'], (s, [x], _c, pos) => {
    const o = nonNull(x, pos);
    for (let i = 0; i < Math.min(s.length, o.length); i++) {
      if (s.charCodeAt(i) !== o.charCodeAt(i)) return s.charCodeAt(i) - o.charCodeAt(i);
    }
    return s.length - o.length;
  })],
  ['concat', m<string>(['string'], (s, [x], ctx, pos) => ctx.str(s + nonNull(x, pos), pos))],
  ['replace', m<string>(['string', 'string'], (s, [a, b], ctx, pos) => {
    const target = nonNull(a, pos);
    const replacement = nonNull(b, pos);
    ctx.tick(pos, s.length);
    // Counted before it is built: an empty target puts the replacement between every two characters.
    if (replacedLength(s, target, replacement) > MAX_STRING_LENGTH) fail('limit', `String longer than ${MAX_STRING_LENGTH} characters`, pos);
    return ctx.str(s.replaceAll(target, () => replacement), pos);
  })],
  ['replaceAll', m<string>(['string', 'string'], (s, [a, b], ctx, pos) =>
    ctx.str(placing(pos, () => javaReplace(s, nonNull(a, pos), nonNull(b, pos), true, (steps) => ctx.tick(pos, steps))), pos))],
  ['replaceFirst', m<string>(['string', 'string'], (s, [a, b], ctx, pos) =>
    ctx.str(placing(pos, () => javaReplace(s, nonNull(a, pos), nonNull(b, pos), false, (steps) => ctx.tick(pos, steps))), pos))],
  ['split', m<string>(['string'], (s, [a], ctx, pos) => {
    const parts = placing(pos, () => javaSplit(s, nonNull(a, pos), 0, (steps) => ctx.tick(pos, steps)));
    ctx.listSize(parts.length, pos);
    return parts;
  })],
  ['matches', m<string>(['string'], (s, [a], ctx, pos) => placing(pos, () => javaMatches(s, nonNull(a, pos), (steps) => ctx.tick(pos, steps))))],
]);

type List = readonly unknown[];
const LIST_METHODS = new Map<string, Method>([
  ['size', m<List>([], (l) => l.length)],
  ['isEmpty', m<List>([], (l) => l.length === 0)],
  ['indexOf', m<List>(['object'], (l, [x], ctx, pos) => {
    ctx.tick(pos, l.length);
    return l.findIndex((y) => javaEquals(y, x));
  })],
  ['lastIndexOf', m<List>(['object'], (l, [x], ctx, pos) => {
    ctx.tick(pos, l.length);
    return listItems(l).map((y) => javaEquals(y, x)).lastIndexOf(true);
  })],
]);

const MAP_METHODS = new Map<string, Method>([
  ['size', m<MapValue>([], (mp) => mapSize(mp))],
  ['isEmpty', m<MapValue>([], (mp) => mapSize(mp) === 0)],
  ['containsKey', m<MapValue>(['object'], (mp, [k]) => mapHas(mp, k))],
  ['containsValue', m<MapValue>(['object'], (mp, [v], ctx, pos) => {
    ctx.tick(pos, mapSize(mp));
    return mapEntries(mp).some(([, x]) => javaEquals(x, v));
  })],
  ['get', m<MapValue>(['object'], (mp, [k]) => mapGet(mp, k))],
  ['getOrDefault', m<MapValue>(['object', 'object'], (mp, [k, d]) => (mapHas(mp, k) ? mapGet(mp, k) : d))],
  ['keySet', m<MapValue>([], (mp, _a, ctx, pos) => {
    ctx.tick(pos, mapSize(mp));
    return mapEntries(mp).map(([k]) => k);
  })],
  ['values', m<MapValue>([], (mp, _a, ctx, pos) => {
    ctx.tick(pos, mapSize(mp));
    return mapEntries(mp).map(([, v]) => v);
  })],
]);

/** java.lang.Long and Double: what a flow calls on a number (`X.httpStatusCode.toString()`). */
const NUMBER_METHODS: ReadonlyMap<string, Method> = new Map<string, Method>([
  ['toString', m<Long | PDouble>([], (n) => (n instanceof PDouble ? javaDoubleToString(n.value) : longToString(n)))],
  ['intValue', m<Long | PDouble>([], (n) => javaIntValue(n))],
  ['longValue', m<Long | PDouble>([], (n) => toLong(javaLongValue(n)))],
  ['doubleValue', m<Long | PDouble>([], (n) => new PDouble(numValue(n)))],
]);

/** Pebble's SafeString: its only method a template reaches is toString (no length, no String methods). */
const SAFE_STRING_METHODS: ReadonlyMap<string, Method> = new Map<string, Method>([
  ['toString', m<SafeString>([], (v) => v.text)],
]);

/** java.lang.Boolean. */
const BOOLEAN_METHODS: ReadonlyMap<string, Method> = new Map<string, Method>([
  ['toString', m<boolean>([], (b) => String(b))],
  ['booleanValue', m<boolean>([], (b) => b)],
]);

/**
 * A type's methods, keyed by name and by lower-case name: Pebble finds methods ignoring case
 * (MemberCacheUtils: `equalsIgnoreCase`), so `ANI.Length` and `ANI.toUppercase()` work there.
 */
interface MethodTable {
  readonly exact: ReadonlyMap<string, Method>;
  readonly lowerCase: ReadonlyMap<string, Method>;
}

function tableOf(methods: ReadonlyMap<string, Method>): MethodTable {
  return { exact: methods, lowerCase: new Map([...methods].map(([name, method]) => [name.toLowerCase(), method])) };
}

const [STRINGS, LISTS, MAPS, DATES, NUMBERS, SAFE_STRINGS, BOOLEANS] = [
  STRING_METHODS,
  LIST_METHODS,
  MAP_METHODS,
  DATE_METHODS,
  NUMBER_METHODS,
  SAFE_STRING_METHODS,
  BOOLEAN_METHODS,
].map(tableOf);

/** The methods of a value that is not null (fromHost's kinds: the last one left is Boolean). */
function methodsOf(v: unknown): MethodTable {
  if (typeof v === 'string') return STRINGS;
  if (isList(v)) return LISTS;
  if (isMap(v)) return MAPS;
  if (v instanceof PDate) return DATES;
  if (isNumber(v)) return NUMBERS;
  if (v instanceof SafeString) return SAFE_STRINGS;
  return BOOLEANS;
}

/** The method of that name, exact or ignoring case, as Pebble resolves it. */
function methodNamed(methods: MethodTable, name: string): Method | undefined {
  return methods.exact.get(name) ?? methods.lowerCase.get(name.toLowerCase());
}

function argMatches(param: Param, arg: unknown): boolean {
  if (arg === null || param === 'object') return true;
  return param === 'string' ? typeof arg === 'string' : isLong(arg);
}

function missing(ctx: Context, what: string, pos: number): null {
  if (ctx.strict) {
    throw new UndefinedVariableError(
      `Attribute "${what}" does not exist (strictVariables) at position ${pos}`,
      pos,
    );
  }
  return null;
}

/** Java Integer.parseInt of a key's String.valueOf, or null. */
function listIndex(s: string): number | null {
  if (!/^[+-]?\d{1,10}$/.test(s)) return null;
  const n = Number(s);
  return n >= -(2 ** 31) && n < 2 ** 31 ? n : null;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `object.name` or `object[key]` (no call arguments). */
export function getAttribute(object: unknown, key: unknown, ctx: Context, pos: number): unknown {
  object = fromHost(object);
  key = fromHost(key);
  const label = javaString(key, ctx, pos);
  if (object === null) return missing(ctx, label, pos);
  if (isMap(object)) {
    const first = isNumber(key) ? firstMapKey(object) : undefined;
    if (first !== undefined) key = keyOfClass(first.key, key as Long | PDouble, label, pos);
    if (mapHas(object, key)) return mapGet(object, key);
    return missing(ctx, label, pos);
  }
  if (isList(object)) {
    const index = listIndex(label);
    if (index !== null) {
      if (index < 0 || index >= object.length) return missing(ctx, label, pos);
      return fromHost(object[index]);
    }
  }
  const methods = methodsOf(object);
  if (label.length > 0) {
    for (const name of [`get${capitalize(label)}`, `is${capitalize(label)}`, `has${capitalize(label)}`, label]) {
      const method = methodNamed(methods, name);
      if (method && method.params.length === 0) return method.call(object as never, [], ctx, pos);
    }
  }
  return missing(ctx, label, pos);
}

/**
 * A number key of a map as Pebble's MapResolver makes it: of the class of the map's first key
 * (`{1: 'a'}[1.0]` reads the key 1). A map whose first key is text, as every JSON object's is
 * (`{{ record[0] }}` on a JSON variable holding an object), is an error in Pebble: "type class
 * java.lang.String not supported for key 0".
 */
function keyOfClass(first: unknown, key: Long | PDouble, shown: string, pos: number): unknown {
  if (isLong(first)) return toLong(javaLongValue(key));
  if (first instanceof PDouble) return new PDouble(numValue(key));
  const type = typeof first === 'string' || typeof first === 'boolean' ? `class java.lang.${typeName(first)}` : typeName(first);
  return fail('type', `type ${type} not supported for key ${shown}`, pos);
}

/** `object.name(args)`: a whitelisted Java method, or null when there is none with that signature. */
export function callMethod(object: unknown, name: string, args: unknown[], ctx: Context, pos: number): unknown {
  object = fromHost(object);
  if (object === null) return missing(ctx, name, pos);
  const method = methodNamed(methodsOf(object), name);
  if (!method || method.params.length !== args.length || !method.params.every((p, i) => argMatches(p, args[i]))) {
    return missing(ctx, `${name}()`, pos);
  }
  return fromHost(method.call(object as never, args, ctx, pos));
}
