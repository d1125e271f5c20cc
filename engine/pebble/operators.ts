/**
 * Operator semantics, after Pebble's OperatorUtils and expression nodes:
 * - `==`/`!=`: numeric only when both sides are numbers (so `"201" == 201` is false), otherwise
 *   Java equals (a SafeString equals only a SafeString: `now() | date("EEEE") == "Thursday"` is
 *   false).
 * - `<`, `>`, `<=`, `>=`: both sides must be numbers (error otherwise); a null side gives false.
 * - `+`: string concatenation when either side is a string or a SafeString (`String.valueOf`, so
 *   null → "null"; `[1] + (x | raw)` too); list + x appends; otherwise arithmetic. `-` on a list
 *   removes. A SafeString is no number: `now() | date("HH") * 1` is an error.
 * - Arithmetic: Long op Long is Long (64-bit wrap, `/` truncates, `/ 0` and `% 0` are errors);
 *   anything with a Double is Double. Numeric-looking strings are converted for `- * / %`
 *   (recent Pebble: "5" * 2 = 10); other strings, booleans and null are errors.
 * - `~`: concatenation where null is empty.
 */
import type { Context } from './context.js';
import { fail } from './errors.js';
import { javaString } from './stringify.js';
import {
  type Long,
  LONG_MAX,
  LONG_MIN,
  PDouble,
  SafeString,
  fromHost,
  isList,
  isMap,
  isNumber,
  javaEquals,
  javaLongValue,
  listItems,
  longBig,
  mapHas,
  numValue,
  toLong,
  typeName,
} from './values.js';

type Num = Long | PDouble;

/** A text as an error message quotes it: its first 40 characters. */
function shown(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** OperatorUtils.toNumber: numbers as is; strings via Long.parseLong / Double.parseDouble. */
function toNumber(v: unknown, pos: number): Num {
  v = fromHost(v);
  if (isNumber(v)) return v;
  if (typeof v === 'string') {
    if (/[.eE]/.test(v)) {
      const m = /^[\x00-\x20]*([+-]?(?:NaN|Infinity|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)[fFdD]?)[\x00-\x20]*$/.exec(v);
      if (m) return new PDouble(Number(m[1].replace(/[fFdD]$/, '')));
    } else if (/^[+-]?\d+$/.test(v)) {
      const big = BigInt(v);
      if (big >= LONG_MIN && big <= LONG_MAX) return toLong(big);
    }
    fail('type', `Cannot convert the string "${shown(v)}" to a number`, pos);
  }
  if (v instanceof SafeString) {
    fail('type', `Cannot use the SafeString "${shown(v.text)}" as a number (date, escape and raw give a SafeString)`, pos);
  }
  fail('type', `Cannot use ${typeName(v)} as a number`, pos);
}

export function arithmetic(op: string, a: unknown, b: unknown, pos: number): Num {
  const x = toNumber(a, pos);
  const y = toNumber(b, pos);
  if (x instanceof PDouble || y instanceof PDouble) {
    const p = numValue(x);
    const q = numValue(y);
    switch (op) {
      case '+':
        return new PDouble(p + q);
      case '-':
        return new PDouble(p - q);
      case '*':
        return new PDouble(p * q);
      case '/':
        return new PDouble(p / q);
      default:
        return new PDouble(p % q);
    }
  }
  // Long op Long: exact 64-bit two's-complement arithmetic, as Java's long (overflow wraps).
  const p = x as Long;
  const q = y as Long;
  if ((op === '+' || op === '-') && typeof p === 'number' && typeof q === 'number' && Number.isSafeInteger(p) && Number.isSafeInteger(q)) {
    const r = op === '+' ? p + q : p - q;
    if (Number.isSafeInteger(r)) return r;
  }
  const bp = longBig(p);
  const bq = longBig(q);
  switch (op) {
    case '+':
      return toLong(bp + bq);
    case '-':
      return toLong(bp - bq);
    case '*':
      return toLong(bp * bq);
    default:
      if (bq === 0n) fail('type', 'Division by zero', pos);
      return toLong(op === '/' ? bp / bq : bp % bq);
  }
}

export function add(a: unknown, b: unknown, ctx: Context, pos: number): unknown {
  a = fromHost(a);
  b = fromHost(b);
  if (typeof a === 'string' || typeof b === 'string' || a instanceof SafeString || b instanceof SafeString) {
    return ctx.str(javaString(a, ctx, pos) + javaString(b, ctx, pos), pos);
  }
  if (isList(a)) {
    const items = [...a, ...(isList(b) ? b : [b])];
    ctx.listSize(items.length, pos);
    ctx.tick(pos, items.length);
    return items;
  }
  return arithmetic('+', a, b, pos);
}

export function subtract(a: unknown, b: unknown, ctx: Context, pos: number): unknown {
  a = fromHost(a);
  if (isList(a)) {
    ctx.tick(pos, a.length);
    const items = listItems(a);
    const other = fromHost(b);
    if (isList(other)) return items.filter((x) => !other.some((y) => javaEquals(x, y)));
    const i = items.findIndex((x) => javaEquals(x, other));
    return i < 0 ? items : [...items.slice(0, i), ...items.slice(i + 1)];
  }
  return arithmetic('-', a, b, pos);
}

export function equals(a: unknown, b: unknown): boolean {
  a = fromHost(a);
  b = fromHost(b);
  if (isNumber(a) && isNumber(b)) return numValue(a) === numValue(b);
  return javaEquals(a, b);
}

/** `<`, `>`, `<=`, `>=`. */
export function compare(op: string, a: unknown, b: unknown, pos: number): boolean {
  a = fromHost(a);
  b = fromHost(b);
  if (a === null || b === null) return false;
  if (!isNumber(a) || !isNumber(b)) {
    fail('type', `Invalid operands for mathematical comparison "${op}": ${typeName(a)} and ${typeName(b)}`, pos);
  }
  const x = numValue(a);
  const y = numValue(b);
  switch (op) {
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    default:
      return x >= y;
  }
}

/** `contains`: list membership (all of a list), map key, or substring; the container is not null (the operator is false then). */
export function contains(container: unknown, item: unknown, ctx: Context, pos: number): boolean {
  container = fromHost(container);
  item = fromHost(item);
  if (isList(container)) {
    ctx.tick(pos, container.length);
    if (isList(item)) return item.every((x) => container.some((y) => javaEquals(y, x)));
    return container.some((y) => javaEquals(y, item));
  }
  if (isMap(container)) return mapHas(container, item);
  if (typeof container === 'string') return container.includes(javaString(item, ctx, pos));
  fail('type', `The contains operator can only be used on lists, maps and strings, not ${typeName(container)}`, pos);
}

/** Boolean value of a condition (`and`, `or`, `?:`): numbers non-zero, strings non-empty. */
export function truthy(v: unknown, pos: number, what: string): boolean {
  v = fromHost(v);
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (isNumber(v)) {
    const n = numValue(v);
    return n !== 0 && !Number.isNaN(n);
  }
  if (typeof v === 'string') return v.length > 0;
  fail('type', `Cannot use ${typeName(v)} as a boolean in ${what}`, pos);
}

/** `a..b` and range(a, b, step): inclusive, numbers or single characters. */
export function range(start: unknown, end: unknown, step: unknown, ctx: Context, pos: number): unknown[] {
  start = fromHost(start);
  end = fromHost(end);
  step = fromHost(step ?? 1);
  if (!isNumber(step)) fail('type', 'The increment of range must be a number', pos);
  const inc = javaLongValue(step);
  if (inc === 0n) fail('type', 'The increment of range must be different than 0', pos);
  let from: bigint;
  let to: bigint;
  let chars = false;
  if (isNumber(start) && isNumber(end)) {
    from = javaLongValue(start);
    to = javaLongValue(end);
  } else if (typeof start === 'string' && typeof end === 'string' && start.length === 1 && end.length === 1) {
    from = BigInt(start.charCodeAt(0));
    to = BigInt(end.charCodeAt(0));
    chars = true;
  } else {
    fail('type', 'Arguments of range must be numbers or strings of length 1', pos);
  }
  const span = inc > 0n ? to - from : from - to;
  const big = span >= 0n ? span / (inc > 0n ? inc : -inc) + 1n : 0n;
  const count = Number(big);
  ctx.listSize(count, pos);
  ctx.tick(pos, count);
  const out: unknown[] = [];
  if (Number.isSafeInteger(Number(from)) && Number.isSafeInteger(Number(to)) && Number.isSafeInteger(Number(inc))) {
    // every item lies between from and to: plain numbers suffice
    const first = Number(from);
    const step = Number(inc);
    for (let k = 0; k < count; k++) out.push(chars ? String.fromCharCode(first + k * step) : first + k * step);
    return out;
  }
  for (let k = 0n; k < big; k++) out.push(toLong(from + k * inc));
  return out;
}
