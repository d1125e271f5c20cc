/**
 * Run-time values of the engine, modelled on the Java types Pebble sees:
 *
 * | Pebble / Java            | here                                                        |
 * |--------------------------|-------------------------------------------------------------|
 * | null                     | `null` (host `undefined` becomes null)                      |
 * | Boolean                  | `boolean`                                                   |
 * | Long (integer literal)   | `number` (integral) up to 2^53, else `bigint` (see Long)    |
 * | Double (`1.5`, `2.0`)    | {@link PDouble}                                             |
 * | String, Character        | `string`                                                    |
 * | List, array              | JS array (elements may be host values: read via fromHost)   |
 * | Map                      | {@link PMap} (map literals), or a host plain object / Map   |
 * | ZonedDateTime (`now()`)  | {@link PDate}                                               |
 * | SafeString (`escape`, `raw`, `date`) | {@link SafeString}                              |
 *
 * Host values (scope) are converted lazily by {@link fromHost}: only own data properties of plain
 * objects, arrays and Maps are visible; functions, class instances and symbols read as null.
 */
import { UnplacedError } from './errors.js';
import { MAX_DATA_DEPTH } from './limits.js';

/** A Java double. Integers from literals and the scope are Longs (plain numbers) instead. */
export class PDouble {
  constructor(readonly value: number) {}
}

/**
 * A java.time.ZonedDateTime in UTC: `now()` (WxCC gives it in UTC) and what its methods make of it.
 * Nothing gives one in another zone, so the instant (epoch millis) is the whole value.
 */
export class PDate {
  constructor(readonly millis: number) {}
}

/**
 * Pebble's SafeString, what `escape`, `raw` and `date` give: it prints as its text, but it is no
 * String. It equals only another SafeString of the same text, is no number, no condition and no
 * container; `+` and `~` join its text, and every filter but `escape` reads it as its text (Pebble's
 * FilterExpression unwraps it), while `escape` gives it back unchanged.
 */
export class SafeString {
  constructor(readonly text: string) {}
}

/** Map literal: insertion-ordered, keyed by Java equality of the key. */
export class PMap {
  private readonly store = new Map<string, [unknown, unknown]>();

  set(key: unknown, value: unknown): void {
    this.store.set(keyIdentity(key), [key, value]);
  }
  get(key: unknown): unknown {
    const entry = this.store.get(keyIdentity(key));
    return entry === undefined ? null : entry[1];
  }
  has(key: unknown): boolean {
    return this.store.has(keyIdentity(key));
  }
  get size(): number {
    return this.store.size;
  }
  entries(): [unknown, unknown][] {
    return [...this.store.values()];
  }
}

/** A text that two keys share when they are equal as Java sees it; `key` is an engine value (fromHost's). */
function keyIdentity(key: unknown, depth = 0): string {
  checkDepth(depth);
  if (key === null) return 'n';
  if (typeof key === 'string') return `s${key}`;
  if (key instanceof SafeString) return `S${key.text}`;
  if (isLong(key)) return `l${longToString(key)}`;
  if (typeof key === 'boolean') return `b${key}`;
  if (key instanceof PDouble) return `d${Object.is(key.value, -0) ? '-0' : key.value}`;
  if (key instanceof PDate) return `t${key.millis}`;
  if (isList(key)) return `[${key.map((x) => keyIdentity(fromHost(x), depth + 1)).join(',')}]`;
  // what fromHost leaves is a map
  return `{${mapEntries(key as MapValue).map(([k, v]) => `${keyIdentity(k, depth + 1)}:${keyIdentity(v, depth + 1)}`).join(',')}}`;
}

/**
 * Refuses list/map data nested deeper than MAX_DATA_DEPTH (or cyclic): a 'limit' error, which
 * the renderer places at the expression being rendered.
 */
export function checkDepth(depth: number): void {
  if (depth > MAX_DATA_DEPTH) throw new UnplacedError(`Data nested deeper than ${MAX_DATA_DEPTH} levels`, 'limit');
}

type PlainObject = Record<string, unknown>;
export type MapValue = PMap | ReadonlyMap<unknown, unknown> | PlainObject;

function isPlainObject(v: unknown): v is PlainObject {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * A Java long. Safe integers (|n| < 2^53, all that JSON and everyday flows use) are plain numbers;
 * a Long beyond that is a `bigint` in [-2^63, 2^63 - 1], so that it prints and computes exactly
 * (`9223372036854775807` stays itself, `-9223372036854775807 - 1` is Long.MIN_VALUE). Make Longs
 * with {@link toLong} to keep that single representation.
 */
export type Long = number | bigint;

/** Long.MIN_VALUE and Long.MAX_VALUE. */
export const LONG_MIN = -(2n ** 63n);
export const LONG_MAX = 2n ** 63n - 1n;

/** A 64-bit value as a Long, wrapping like Java's long arithmetic. */
export function toLong(big: bigint): Long {
  const wrapped = big >= LONG_MIN && big <= LONG_MAX ? big : BigInt.asIntN(64, big);
  const n = Number(wrapped);
  return Number.isSafeInteger(n) ? n : wrapped;
}

/** The exact value of a Long (an integral host number beyond 2^53 is taken as it is). */
export function longBig(v: Long): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

export function isLong(v: unknown): v is Long {
  return typeof v === 'number' || typeof v === 'bigint';
}
export function isNumber(v: unknown): v is Long | PDouble {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof PDouble;
}
/** Java `Number.longValue()`: a Long as is; a double truncated and saturated (NaN is 0). */
export function javaLongValue(v: Long | PDouble): bigint {
  if (!(v instanceof PDouble)) return longBig(v);
  const x = v.value;
  if (Number.isNaN(x)) return 0n;
  if (x >= 2 ** 63) return LONG_MAX;
  if (x <= -(2 ** 63)) return LONG_MIN;
  return BigInt(Math.trunc(x));
}

/** Java `intValue()`: a Long keeps its low 32 bits; a double is truncated and saturated (NaN is 0). */
export function javaIntValue(v: Long | PDouble): number {
  if (typeof v === 'bigint') return Number(BigInt.asIntN(32, v));
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v | 0 : Number(BigInt.asIntN(32, BigInt(v)));
  const x = v.value;
  if (Number.isNaN(x)) return 0;
  return Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, Math.trunc(x))) + 0;
}

/** Java `doubleValue()` (a big Long rounds to the nearest double, as in Java). */
export function numValue(v: Long | PDouble): number {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v.value;
}
export function isList(v: unknown): v is readonly unknown[] {
  return Array.isArray(v);
}
export function isMap(v: unknown): v is MapValue {
  return v instanceof PMap || v instanceof Map || isPlainObject(v);
}

/** Converts a host (scope) value into an engine value. Idempotent on engine values. */
export function fromHost(v: unknown): unknown {
  switch (typeof v) {
    case 'undefined':
      return null;
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isInteger(v) ? v + 0 : new PDouble(v);
    case 'bigint':
      return v >= LONG_MIN && v <= LONG_MAX ? toLong(v) : Number(v);
    case 'object':
      if (v === null || Array.isArray(v) || v instanceof PDouble || v instanceof PDate || v instanceof SafeString) return v;
      if (v instanceof PMap || v instanceof Map || isPlainObject(v)) return v;
      if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : new PDate(v.getTime());
      return null;
    default:
      return null; // functions, symbols
  }
}

/** Reads an own data property without touching prototypes or getters. */
function ownData(obj: object, key: string): unknown {
  const d = Object.getOwnPropertyDescriptor(obj, key);
  return d !== undefined && 'value' in d ? d.value : undefined;
}

export function listItems(list: readonly unknown[]): unknown[] {
  return list.map(fromHost);
}

export function mapSize(m: MapValue): number {
  if (m instanceof PMap || m instanceof Map) return m.size;
  return Object.keys(m).length;
}

/** Entries as engine values, in insertion order. */
export function mapEntries(m: MapValue): [unknown, unknown][] {
  if (m instanceof PMap) return m.entries().map(([k, v]) => [k, fromHost(v)]);
  if (m instanceof Map) return [...m].map(([k, v]) => [fromHost(k), fromHost(v)]);
  return Object.keys(m).map((k) => [k, fromHost(ownData(m, k))]);
}

/** Host-map key candidates for an engine key (a Long key also matches its digits, leniently). */
function hostKeys(key: unknown): unknown[] {
  if (typeof key === 'string') return [key];
  if (typeof key === 'number') return [key, String(key)];
  if (typeof key === 'bigint') return [key, String(key)];
  if (key instanceof PDouble) return [key.value];
  return [key];
}

export function mapHas(m: MapValue, key: unknown): boolean {
  if (m instanceof PMap) return m.has(key);
  if (m instanceof Map) return hostKeys(key).some((k) => m.has(k));
  if (typeof key === 'string' || isLong(key)) return Object.hasOwn(m, String(key));
  return false;
}

export function mapGet(m: MapValue, key: unknown): unknown {
  if (m instanceof PMap) return fromHost(m.get(key));
  if (m instanceof Map) {
    for (const k of hostKeys(key)) if (m.has(k)) return fromHost(m.get(k));
    return null;
  }
  if (typeof key === 'string' || isLong(key)) return fromHost(ownData(m, String(key)));
  return null;
}

/** Java class name of an engine value (fromHost's), for messages. */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'Boolean';
  if (isLong(v)) return 'Long';
  if (typeof v === 'string') return 'String';
  if (v instanceof PDouble) return 'Double';
  if (v instanceof PDate) return 'ZonedDateTime';
  if (v instanceof SafeString) return 'SafeString';
  if (isList(v)) return 'List';
  return 'Map'; // what fromHost leaves
}

/** Java `equals` (used by `==` for non-numbers, `contains`, list and map equality). */
export function javaEquals(a: unknown, b: unknown, depth = 0): boolean {
  checkDepth(depth);
  a = fromHost(a);
  b = fromHost(b);
  if (a === null || b === null) return a === b;
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (isLong(a)) return isLong(b) && longBig(a) === longBig(b);
  if (typeof a === 'string' || typeof a === 'boolean') return a === b;
  if (a instanceof PDouble) return b instanceof PDouble && Object.is(a.value, b.value);
  if (a instanceof PDate) return b instanceof PDate && a.millis === b.millis;
  if (a instanceof SafeString) return b instanceof SafeString && a.text === b.text;
  if (isList(a)) {
    if (!isList(b) || a.length !== b.length) return false;
    return a.every((x, i) => javaEquals(x, b[i], depth + 1));
  }
  // what fromHost leaves is a map
  const map = a as MapValue;
  if (!isMap(b) || mapSize(map) !== mapSize(b)) return false;
  return mapEntries(map).every(([k, v]) => mapHas(b, k) && javaEquals(v, mapGet(b, k), depth + 1));
}

/**
 * The decimal Java (19 and later) gives a finite double in Double.toString and String.format's
 * %f, written as `toExponential` writes it (`1.5e-323`): the shortest digits that read back as `d`, as
 * JavaScript's, except that where one digit does, Java takes the closest of one or two digits
 * (Double.MIN_VALUE is `4.9e-324` there, `5e-324` in JavaScript).
 */
export function javaDecimal(d: number): string {
  const shortest = d.toExponential();
  if (shortest.includes('.')) return shortest;
  const two = d.toExponential(1);
  return Number(two) === d ? two : shortest;
}

/** Java Double.toString: `1.0`, `0.001`, `1.0E7`, `1.2345E-5`, `NaN`, `Infinity`. */
export function javaDoubleToString(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (d === Infinity) return 'Infinity';
  if (d === -Infinity) return '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(d);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(d);
    return s.includes('.') ? s : `${s}.0`;
  }
  const [mantissa, exp] = javaDecimal(d).split('e');
  const m = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${m}E${exp.startsWith('+') ? exp.slice(1) : exp}`;
}

/** Digits of a Long without exponent notation. */
export function longToString(n: Long): string {
  return typeof n === 'number' && Number.isSafeInteger(n) ? String(n) : longBig(n).toString();
}
