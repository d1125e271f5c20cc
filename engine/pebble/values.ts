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

/**
 * A map keyed by Java equality of the key. What Pebble makes a java.util.HashMap (a map literal,
 * `merge`) is made with {@link PMap.hashMap} and iterates as a HashMap does; any other (the `loop`
 * variable, a `for` entry) keeps the order its keys were set in.
 */
export class PMap {
  private readonly store = new Map<string, [unknown, unknown]>();
  /** The length of the HashMap's table, 0 when the map keeps insertion order. */
  private table = 0;

  /** An empty java.util.HashMap made as `new HashMap<>(initialCapacity)`. */
  static hashMap(initialCapacity: number): PMap {
    const map = new PMap();
    map.table = tableSizeFor(initialCapacity);
    return map;
  }

  set(key: unknown, value: unknown): void {
    const id = keyIdentity(key);
    // HashMap.putVal: a new key past the threshold (3/4 of the table) doubles the table
    if (this.table > 0 && !this.store.has(id) && this.store.size + 1 > Math.floor(this.table * 0.75)) this.table *= 2;
    this.store.set(id, [key, value]);
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
  /**
   * The entries in the map's order. A HashMap's is its table's: by bucket (the key's hashCode,
   * spread as `h ^ (h >>> 16)`, masked by the table length), keys of one bucket in the order they
   * were put (HashMap keeps it when the table doubles; a bucket of 8 keys or more, made a tree in
   * Java, is not modelled).
   */
  entries(): [unknown, unknown][] {
    const all = [...this.store.values()];
    if (this.table === 0) return all;
    const mask = this.table - 1;
    const bucket = all.map(([key]) => {
      const h = javaHashCode(key);
      return (h ^ (h >>> 16)) & mask;
    });
    return all.map((_, i) => i).sort((a, b) => bucket[a] - bucket[b] || a - b).map((i) => all[i]);
  }
}

/** HashMap.tableSizeFor: the power of two at or above `capacity` (1 at least). */
function tableSizeFor(capacity: number): number {
  let n = 1;
  while (n < capacity) n *= 2;
  return n;
}

/** Java's String.hashCode: s[0]·31^(n-1) + … + s[n-1], in 32-bit int arithmetic, over UTF-16 units. */
function stringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** Long.hashCode of 64 bits: `(int) (bits ^ (bits >>> 32))`. */
function longHashCode(bits: bigint): number {
  const u = BigInt.asUintN(64, bits);
  return Number(BigInt.asIntN(32, u ^ (u >> 32n)));
}

/** Double.hashCode: Long.hashCode of doubleToLongBits (every NaN is 0x7ff8000000000000). */
function doubleHashCode(x: number): number {
  if (Number.isNaN(x)) return longHashCode(0x7ff8000000000000n);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return longHashCode(view.getBigUint64(0));
}

/**
 * ZonedDateTime.hashCode of a date in UTC (zone id "UTC", offset 0): LocalDate's and LocalTime's
 * hashes, xor the zone id's rotated left by 3.
 */
function dateHashCode(date: PDate): number {
  const d = new Date(date.millis);
  const year = d.getUTCFullYear();
  const dateHash = (year & 0xfffff800) ^ ((year << 11) + ((d.getUTCMonth() + 1) << 6) + d.getUTCDate());
  const millisOfDay = ((date.millis % 86400000) + 86400000) % 86400000;
  const timeHash = longHashCode(BigInt(millisOfDay) * 1000000n);
  const zone = stringHashCode('UTC');
  return dateHash ^ timeHash ^ ((zone << 3) | (zone >>> 29));
}

/**
 * Java's hashCode of an engine value (fromHost's) as Pebble holds it: String, SafeString (its
 * text's), Long, Double, Boolean, null (0, as HashMap takes it), a List's and a Map's (from their
 * items), a ZonedDateTime's.
 */
function javaHashCode(v: unknown, depth = 0): number {
  checkDepth(depth);
  v = fromHost(v);
  if (v === null) return 0;
  if (typeof v === 'string') return stringHashCode(v);
  if (v instanceof SafeString) return stringHashCode(v.text);
  if (typeof v === 'boolean') return v ? 1231 : 1237;
  if (isLong(v)) return longHashCode(longBig(v));
  if (v instanceof PDouble) return doubleHashCode(v.value);
  if (v instanceof PDate) return dateHashCode(v);
  if (isList(v)) return v.reduce<number>((h, item) => (Math.imul(31, h) + javaHashCode(item, depth + 1)) | 0, 1);
  // what fromHost leaves is a map: AbstractMap.hashCode, the sum of its entries' key ^ value
  return mapEntries(v as MapValue).reduce<number>((h, [k, item]) => (h + (javaHashCode(k, depth + 1) ^ javaHashCode(item, depth + 1))) | 0, 0);
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

/** Entries as engine values, in the map's order (a HashMap's for a literal or `merge`, else insertion order). */
export function mapEntries(m: MapValue): [unknown, unknown][] {
  if (m instanceof PMap) return m.entries().map(([k, v]) => [k, fromHost(v)]);
  if (m instanceof Map) return [...m].map(([k, v]) => [fromHost(k), fromHost(v)]);
  return Object.keys(m).map((k) => [k, fromHost(ownData(m, k))]);
}

/**
 * The first key of a map in its order (`{ key }`), or undefined when it is empty: its class is the
 * class Pebble gives a number key (members.ts). Undefined for a host's Map too, given in the scope
 * by a program rather than read from JSON: it keeps its lenient lookup (hostKeys).
 */
export function firstMapKey(m: MapValue): { key: unknown } | undefined {
  if (m instanceof PMap) return m.size === 0 ? undefined : { key: m.entries()[0]![0] };
  if (m instanceof Map) return undefined;
  for (const key in m) if (Object.hasOwn(m, key)) return { key };
  return undefined;
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
 * %f, written as `toExponential` writes it (`1.5e-323`): the shortest digits that read back as
 * `d`, as JavaScript's, except that where one digit does, Java takes the closest of one or two
 * digits (Double.MIN_VALUE is `4.9e-324` there, `5e-324` in JavaScript).
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
