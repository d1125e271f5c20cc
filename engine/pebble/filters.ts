/**
 * Filters: every stock Pebble core filter (plus `escape`/`raw` from the escaper extension) and the
 * WxCC `epoch`. Behaviour follows Pebble's sources; see docs/expressions.md for the table.
 */
import { fail, placing } from './errors.js';
import {
  base64Decode,
  base64Encode,
  escapeCssIdentifier,
  escapeHtml,
  escapeJavaScript,
  escapeJson,
  escapeUriQueryParam,
  sha256Hex,
  urlEncode,
} from './encoding.js';
import { DEFAULT_NUMBER_PATTERN, compileNumberPattern, formatNumber } from './decimalformat.js';
import { dateFilter, epochFilter } from './filters-date.js';
import { javaFormat } from './javaformat.js';
import type { Callable, FilterFn, Invocation } from './invocation.js';
import { intArg, stringArg, stringInput } from './invocation.js';
import { isEmpty } from './predicates.js';
import { javaSplit } from './regex.js';
import { MAX_STRING_LENGTH, replacedLength } from './limits.js';
import { javaString } from './stringify.js';
import { isJavaWhitespace, javaTrim } from '../java-whitespace.js';
import {
  PDouble,
  PMap,
  SafeString,
  fromHost,
  isList,
  isLong,
  isMap,
  isNumber,
  javaIntValue,
  longBig,
  listItems,
  mapEntries,
  mapSize,
  numValue,
  toLong,
  typeName,
} from './values.js';

function listInput(input: unknown, call: Invocation): readonly unknown[] {
  if (isList(input)) return input;
  fail('type', `Filter ${call.name} expects a List input, got ${typeName(input)}`, call.pos);
}

function nullSafe(fn: FilterFn): FilterFn {
  return (input, args, call) => (input === null ? null : fn(input, args, call));
}

const abbreviate: FilterFn = nullSafe((input, args, call) => {
  const value = stringInput(input, call);
  const length = fromHost(args.get('length') ?? null);
  if (!isLong(length)) fail('type', `Argument length of abbreviate must be an integer, got ${typeName(length)}`, call.pos);
  const maxWidth = javaIntValue(length);
  if (maxWidth < 0) fail('type', 'Invalid argument to abbreviate filter; must be greater than zero', call.pos);
  if (value.length < maxWidth || value.length <= 3) return value;
  if (maxWidth <= 3) return value.slice(0, maxWidth);
  return `${value.slice(0, maxWidth - 3)}...`;
});

const abs: FilterFn = (input, _args, call) => {
  if (input === null) fail('type', 'Can not pass null value to "abs" filter', call.pos);
  if (typeof input === 'number') return Math.abs(input);
  if (typeof input === 'bigint') return toLong(input < 0n ? -input : input); // Math.abs(Long.MIN_VALUE) is itself
  if (input instanceof PDouble) return new PDouble(Math.abs(input.value));
  fail('type', `The abs filter requires a number, got ${typeName(input)}`, call.pos);
};

/**
 * Java's `Character.toTitleCase` of one UTF-16 unit, which `capitalize` and `title` use: one
 * character, never more (`ß`, `ﬁ`, `ŉ` stay as they are, where JavaScript's upper case makes two),
 * the title-case digraphs (`ǆ` → `ǅ`), the Greek letters with ypogegrammeni (`ᾳ` → `ᾼ`, not `ΑΙ`),
 * Georgian unchanged (its title case is itself), and half a surrogate pair unchanged.
 */
function javaTitleCase(unit: string): string {
  const code = unit.charCodeAt(0);
  if (code < 0x80) return unit.toUpperCase();
  if (code >= 0x01c4 && code <= 0x01cc) return String.fromCharCode(0x01c5 + 3 * Math.floor((code - 0x01c4) / 3));
  if (code >= 0x01f1 && code <= 0x01f3) return '\u01f2';
  if (code >= 0x1f80 && code <= 0x1faf) return String.fromCharCode(code | 0x08);
  if (code === 0x1fb3 || code === 0x1fc3 || code === 0x1ff3) return String.fromCharCode(code + 9);
  if (code === 0x1fbc || code === 0x1fcc || code === 0x1ffc) return unit;
  if ((code >= 0x10d0 && code <= 0x10fa) || (code >= 0x10fd && code <= 0x10ff)) return unit;
  const upper = unit.toUpperCase();
  return upper.length === 1 ? upper : unit;
}

const capitalize: FilterFn = nullSafe((input, _args, call) => {
  const s = stringInput(input, call);
  for (let i = 0; i < s.length; i++) {
    if (!isJavaWhitespace(s[i])) return s.slice(0, i) + javaTitleCase(s[i]) + s.slice(i + 1);
  }
  return s;
});

/** Java's TitleFilter walks UTF-16 units (a character beyond U+FFFF is left as it is). */
const title: FilterFn = nullSafe((input, _args, call) => {
  const s = stringInput(input, call);
  let out = '';
  let upper = true;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (isJavaWhitespace(c)) upper = true;
    else if (upper) {
      out += javaTitleCase(c);
      upper = false;
      continue;
    }
    out += c;
  }
  return out;
});

const defaultFilter: FilterFn = (input, args) => (isEmpty(input) ? fromHost(args.get('default') ?? null) : input);

/** EscapeFilter: a SafeString (what escape, raw and date give) is given back as it is, not escaped again. */
const escape: FilterFn = nullSafe((input, args, call) => {
  if (input instanceof SafeString) return input;
  const strategy = stringArg(args, 'strategy', call) ?? 'html';
  const s = javaString(input, call.ctx, call.pos);
  return new SafeString(call.ctx.str(escapeWith(strategy, s, call), call.pos));
});

function escapeWith(strategy: string, s: string, call: Invocation): string {
  switch (strategy) {
    case 'html':
      return escapeHtml(s);
    case 'js':
      return escapeJavaScript(s);
    case 'json':
      return escapeJson(s);
    case 'css':
      return escapeCssIdentifier(s);
    case 'url_param':
      return escapeUriQueryParam(s);
    default:
      fail('type', `Unknown escaping strategy "${strategy}"`, call.pos);
  }
}

function firstOrLast(which: 'first' | 'last'): FilterFn {
  return nullSafe((input, _args, call) => {
    if (typeof input === 'string') {
      if (input.length === 0) fail('type', `Filter ${which} on an empty string`, call.pos);
      return which === 'first' ? input[0] : input[input.length - 1];
    }
    const list = listInput(input, call);
    if (list.length === 0) return null;
    return fromHost(which === 'first' ? list[0] : list[list.length - 1]);
  });
}

const format: FilterFn = nullSafe((input, args, call) => {
  const positional: unknown[] = [];
  for (let i = 0; args.has(String(i)); i++) positional.push(args.get(String(i)));
  return javaFormat(javaString(input, call.ctx, call.pos), positional, call.ctx, call.pos);
});

const join: FilterFn = nullSafe((input, args, call) => {
  const glue = stringArg(args, 'separator', call) ?? '';
  const list = listInput(input, call);
  call.ctx.tick(call.pos, list.length);
  let out = '';
  list.forEach((item, i) => {
    out = call.ctx.str(out + (i > 0 ? glue : '') + javaString(item, call.ctx, call.pos), call.pos);
  });
  return out;
});

const length: FilterFn = (input) => {
  if (input === null) return 0;
  if (typeof input === 'string' || isList(input)) return input.length;
  if (isMap(input)) return mapSize(input);
  return 0;
};

function caseFilter(upper: boolean): FilterFn {
  return nullSafe((input, _args, call) => {
    const s = javaString(input, call.ctx, call.pos);
    return call.ctx.str(upper ? s.toUpperCase() : s.toLowerCase(), call.pos);
  });
}

const merge: FilterFn = (input, args, call) => {
  const items = fromHost(args.get('items') ?? null);
  if (input === null) {
    if (items === null) fail('type', 'The two arguments to be merged are null', call.pos);
    return items;
  }
  if (items === null) return input;
  if (isMap(input)) {
    if (!isMap(items) && !isList(items)) fail('type', `Only maps and lists can be merged with a map, not ${typeName(items)}`, call.pos);
    // MergeFilter.mergeAsMap: new HashMap<>(both sizes + 16), the input's entries put first
    const out = PMap.hashMap(mapSize(input) + (isMap(items) ? mapSize(items) : items.length) + 16);
    for (const [k, v] of mapEntries(input)) out.set(k, v);
    if (isMap(items)) for (const [k, v] of mapEntries(items)) out.set(k, v);
    else for (const item of listItems(items)) out.set(item, item);
    call.ctx.listSize(out.size, call.pos);
    call.ctx.tick(call.pos, out.size);
    return out;
  }
  if (isList(input)) {
    let out: unknown[];
    if (isList(items)) out = [...input, ...items];
    else if (isMap(items)) {
      const text = (v: unknown) => javaString(v, call.ctx, call.pos);
      out = [...input, ...mapEntries(items).map(([k, v]) => `${text(k)}=${text(v)}`)];
    } else fail('type', `Only maps and lists can be merged with a list, not ${typeName(items)}`, call.pos);
    call.ctx.listSize(out.length, call.pos);
    call.ctx.tick(call.pos, out.length);
    return out;
  }
  fail('type', `The merge filter needs a map or a list, got ${typeName(input)}`, call.pos);
};

const nl2br: FilterFn = nullSafe((input, _args, call) =>
  call.ctx.str(stringInput(input, call).replace(/\r\n|\r|\n/g, '<br />'), call.pos),
);

const numberformat: FilterFn = nullSafe((input, args, call) => {
  if (!isNumber(input)) fail('type', `The input for the numberformat filter has to be a number, got ${typeName(input)}`, call.pos);
  const pattern = stringArg(args, 'format', call) ?? DEFAULT_NUMBER_PATTERN;
  return placing(call.pos, () => formatNumber(input, compileNumberPattern(pattern)));
});

const replace: FilterFn = nullSafe((input, args, call) => {
  const pairs = fromHost(args.get('replace_pairs') ?? null);
  if (pairs === null) fail('type', "The argument 'replace_pairs' is required (replace)", call.pos);
  if (!isMap(pairs)) fail('type', `The argument of replace must be a map such as {"+1": ""}, got ${typeName(pairs)}`, call.pos);
  let data = javaString(input, call.ctx, call.pos);
  for (const [k, v] of mapEntries(pairs)) {
    call.ctx.tick(call.pos);
    if (k === null || v === null) fail('type', 'replace: null key or value in the replacement map', call.pos);
    const target = javaString(k, call.ctx, call.pos);
    const replacement = javaString(v, call.ctx, call.pos);
    if (replacedLength(data, target, replacement) > MAX_STRING_LENGTH) {
      fail('limit', `String longer than ${MAX_STRING_LENGTH} characters`, call.pos);
    }
    data = data.replaceAll(target, () => replacement);
  }
  return data;
});

const reverse: FilterFn = nullSafe((input, _args, call) => {
  const list = listInput(input, call);
  call.ctx.tick(call.pos, list.length);
  return [...list].reverse();
});

function compareValues(a: unknown, b: unknown, call: Invocation): number {
  if (a === null || b === null) fail('type', 'Cannot sort a list containing null', call.pos);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    // Long.compareTo is exact; with a Double both sides are doubles (the choice in the docs)
    if (isLong(a) && isLong(b)) return longBig(a) < longBig(b) ? -1 : longBig(a) > longBig(b) ? 1 : 0;
  }
  if (isNumber(a) && isNumber(b)) return numValue(a) - numValue(b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  fail('type', `Cannot compare ${typeName(a)} with ${typeName(b)} when sorting`, call.pos);
}

function sortFilter(descending: boolean): FilterFn {
  return nullSafe((input, _args, call) => {
    const list = listItems(listInput(input, call));
    call.ctx.tick(call.pos, list.length * Math.max(1, Math.ceil(Math.log2(list.length + 1))));
    const sign = descending ? -1 : 1;
    return list.sort((a, b) => sign * compareValues(a, b, call));
  });
}

const sha256: FilterFn = nullSafe((input, _args, call) => {
  const s = stringInput(input, call);
  call.ctx.tick(call.pos, Math.ceil(s.length / 64));
  return sha256Hex(s);
});

const slice: FilterFn = nullSafe((input, args, call) => {
  const from = intArg(args, 'fromIndex', call) ?? 0;
  if (from < 0) fail('type', `slice: fromIndex must not be negative (got ${from})`, call.pos);
  const toArg = intArg(args, 'toIndex', call);
  let size: number;
  if (typeof input === 'string' || isList(input)) size = input.length;
  else fail('type', `The slice filter can only be applied to strings and lists, not ${typeName(input)}`, call.pos);
  let to = size;
  if (toArg !== null) {
    if (toArg > size) fail('type', `slice: toIndex (${toArg}) must not be greater than the input size (${size})`, call.pos);
    if (from >= toArg) fail('type', `slice: toIndex (${toArg}) must be greater than fromIndex (${from})`, call.pos);
    to = toArg;
  } else if (from > size) {
    fail('type', `slice: fromIndex (${from}) is greater than the input size (${size})`, call.pos);
  }
  call.ctx.tick(call.pos, isList(input) ? to - from : 1);
  return input.slice(from, to);
});

const split: FilterFn = nullSafe((input, args, call) => {
  const s = stringInput(input, call);
  const delimiter = stringArg(args, 'delimiter', call);
  if (delimiter === null) fail('type', 'missing delimiter parameter in split filter', call.pos);
  const limit = intArg(args, 'limit', call) ?? 0;
  const parts = placing(call.pos, () => javaSplit(s, delimiter, limit, (steps) => call.ctx.tick(call.pos, steps)));
  call.ctx.listSize(parts.length, call.pos);
  return parts;
});

const trim: FilterFn = nullSafe((input, _args, call) => javaTrim(stringInput(input, call)));

/** Charged a step per 4 characters it writes on top of `str`'s per 64: encoding costs some 20 times a copy. */
const urlencode: FilterFn = nullSafe((input, _args, call) => {
  const encoded = call.ctx.str(urlEncode(stringInput(input, call)), call.pos);
  call.ctx.tick(call.pos, Math.ceil(encoded.length / 4));
  return encoded;
});

const base64encode: FilterFn = nullSafe((input, _args, call) =>
  call.ctx.str(base64Encode(javaString(input, call.ctx, call.pos)), call.pos),
);

const base64decode: FilterFn = nullSafe((input, _args, call) => {
  const decoded = base64Decode(stringInput(input, call));
  if (decoded === null) fail('type', 'Please provide a correctly Base64 encoded string containing an UTF-8 string', call.pos);
  return decoded;
});

/** RawFilter: the text of its input as a SafeString, which escape leaves as it is. */
const raw: FilterFn = nullSafe((input, _args, call) => new SafeString(javaString(input, call.ctx, call.pos)));

/** A filter whose text is a SafeString, as Pebble's DateFilter gives it. */
function safe(fn: FilterFn): FilterFn {
  return (input, args, call) => {
    const out = fn(input, args, call);
    return typeof out === 'string' ? new SafeString(out) : out;
  };
}

function def(args: string[] | null, apply: FilterFn): Callable<FilterFn> {
  return { args, apply };
}

/** Every filter, by name. A Map, so names like `constructor` never hit a prototype. */
export const FILTERS: ReadonlyMap<string, Callable<FilterFn>> = new Map([
  ['abbreviate', def(['length'], abbreviate)],
  ['abs', def(null, abs)],
  ['base64decode', def(null, base64decode)],
  ['base64encode', def(null, base64encode)],
  ['capitalize', def(null, capitalize)],
  ['date', def(['format', 'existingFormat', 'timeZone'], safe(dateFilter))],
  ['default', def(['default'], defaultFilter)],
  ['epoch', def(['format', 'inMillis'], epochFilter)],
  ['escape', def(['strategy'], escape)],
  ['first', def(null, firstOrLast('first'))],
  ['format', def([], format)],
  ['join', def(['separator'], join)],
  ['last', def(null, firstOrLast('last'))],
  ['length', def(null, length)],
  ['lower', def(null, caseFilter(false))],
  ['merge', def(['items'], merge)],
  ['nl2br', def(null, nl2br)],
  ['numberformat', def(['format'], numberformat)],
  ['raw', def(null, raw)],
  ['replace', def(['replace_pairs'], replace)],
  ['reverse', def(null, reverse)],
  ['rsort', def(null, sortFilter(true))],
  ['sha256', def(null, sha256)],
  ['slice', def(['fromIndex', 'toIndex'], slice)],
  ['sort', def(null, sortFilter(false))],
  ['split', def(['delimiter', 'limit'], split)],
  ['title', def(null, title)],
  ['trim', def(null, trim)],
  ['upper', def(null, caseFilter(true))],
  ['urlencode', def(null, urlencode)],
]);

