/**
 * Date filters. `date` follows Pebble's DateFilter; `epoch` is a WxCC addition whose exact
 * contract is not published (see docs/expressions.md for the choices made here).
 */
import { fail, placing } from './errors.js';
import { assertDateInRange, parseIso, zonedToIso, zonedToString, UTC } from './datetime.js';
import { compilePattern, formatDate, type DateMode } from './datepattern.js';
import { parseDate } from './dateparse.js';
import { javaTimeZone, type Zone } from './timezone.js';
import type { ArgMap, Invocation } from './invocation.js';
import { stringArg } from './invocation.js';
import { PDate, fromHost, isLong, isNumber, longBig, numValue, toLong, typeName } from './values.js';

/** SimpleDateFormat pattern Pebble uses when none is given (and to parse strings by default). */
const DEFAULT_DATE_PATTERN = "yyyy-MM-dd'T'HH:mm:ssZ";

/** Runs `run`, its pattern's errors placed at the filter and naming it. */
function withPattern<T>(call: Invocation, run: () => T): T {
  return placing(call.pos, run, ` (${call.name})`);
}

function format(pattern: string, millis: number, zone: Zone, mode: DateMode, call: Invocation): string {
  return call.ctx.str(withPattern(call, () => formatDate(compilePattern(pattern, mode), millis, zone, mode)), call.pos);
}

function parse(text: string, pattern: string, call: Invocation): number {
  const millis = withPattern(call, () =>
    parseDate(compilePattern(pattern, 'sdf'), text, call.ctx.zone, call.ctx.nowMillis()),
  );
  if (millis === null) {
    const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    fail('type', `Could not parse the string '${shown}' into a date, with formatting: ${pattern}`, call.pos);
  }
  assertDateInRange(millis, call.pos);
  return millis;
}

/** `date(format, existingFormat, timeZone)` */
export function dateFilter(input: unknown, args: ArgMap, call: Invocation): unknown {
  if (input === null) return null;
  const pattern = stringArg(args, 'format', call);
  const existingFormat = stringArg(args, 'existingFormat', call);
  const timeZone = stringArg(args, 'timeZone', call);
  let millis: number;
  if (input instanceof PDate) {
    if (existingFormat === null) {
      // java.time path: the value carries its zone (UTC), so timeZone does not apply (as in Pebble)
      return pattern === null ? zonedToIso(input) : format(pattern, input.millis, UTC, 'dtf', call);
    }
    // Java's text of a time omits zero seconds and milliseconds, which the cheat sheet's patterns
    // (…HH:mm:ss, …ss.SSS'Z') then fail to parse at such instants: written out in full instead.
    millis = parse(zonedToString(input, true), existingFormat, call);
  } else if (isNumber(input)) {
    millis = Math.trunc(numValue(input));
    assertDateInRange(millis, call.pos);
  } else if (typeof input === 'string') {
    millis = parse(input, existingFormat ?? DEFAULT_DATE_PATTERN, call);
  } else fail('type', `Unsupported argument type for date: ${typeName(input)}`, call.pos);
  // java.util.TimeZone.getTimeZone: an unknown id silently means the GMT zone (`z` prints GMT)
  const zone = timeZone === null ? call.ctx.zone : javaTimeZone(timeZone);
  return format(pattern ?? DEFAULT_DATE_PATTERN, millis, zone, 'sdf', call);
}

/** `epoch`, `epoch(inMillis=true)`, `epoch(format="MMMM d, yyyy HH:mm")` (WxCC). */
export function epochFilter(input: unknown, args: ArgMap, call: Invocation): unknown {
  if (input === null) return null;
  const inMillis = fromHost(args.get('inMillis') ?? null);
  if (inMillis !== null && typeof inMillis !== 'boolean') {
    fail('type', `Argument inMillis of epoch must be a Boolean, got ${typeName(inMillis)}`, call.pos);
  }
  const pattern = stringArg(args, 'format', call);
  if (isLong(input) && !Number.isSafeInteger(input)) {
    // A Long beyond 2^53, exactly: milliseconds as they are, or seconds rounded down.
    const big = longBig(input);
    return toLong(inMillis === true ? big : big / 1000n - (big < 0n && big % 1000n !== 0n ? 1n : 0n));
  }
  let millis: number;
  if (input instanceof PDate) millis = input.millis;
  else if (isNumber(input)) millis = Math.trunc(numValue(input));
  else if (typeof input === 'string') {
    if (pattern !== null) millis = parse(input, pattern, call);
    else {
      const iso = parseIso(input, call.ctx.zone);
      if (iso === null) {
        fail('type', `Could not parse the string '${input.slice(0, 60)}' into a date: give epoch(format="…")`, call.pos);
      }
      assertDateInRange(iso, call.pos);
      millis = iso;
    }
  } else fail('type', `Unsupported argument type for epoch: ${typeName(input)}`, call.pos);
  return inMillis === true ? millis : Math.floor(millis / 1000);
}
