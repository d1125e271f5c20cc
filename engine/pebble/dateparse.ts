/**
 * Parsing date text with a SimpleDateFormat pattern, lenient like Java's default: numeric, text
 * (month, day, AM/PM, era) and zone fields.
 */
import { DAYS, MONTHS, type DateItem } from './datepattern.js';
import { localFields, plusMonthsLocal } from './datetime.js';
import { localToInstant, type Zone } from './timezone.js';

interface Parsed {
  year?: number;
  month?: number;
  day?: number;
  doy?: number;
  hour?: number;
  hour12?: number;
  pm?: boolean;
  minute?: number;
  second?: number;
  milli?: number;
  offset?: number;
  bc?: boolean;
  twoDigitYear?: boolean;
}

function matchName(text: string, pos: number, names: string[]): { index: number; end: number } | null {
  let best: { index: number; end: number } | null = null;
  const lower = text.toLowerCase();
  names.forEach((name, index) => {
    if (name && lower.startsWith(name.toLowerCase(), pos) && (!best || pos + name.length > best.end)) {
      best = { index, end: pos + name.length };
    }
  });
  return best;
}

/** The zone names `z` and `Z` read: UTC's and GMT's in Java's en-US zone strings (`GMT` itself is read with its offset). */
const ZONE_NAMES = ['Coordinated Universal Time', 'UTC', 'Greenwich Mean Time'];

/** The offsets SimpleDateFormat.subParseNumericZone reads after a sign. */
const RFC_822 = /^(\d\d)(\d\d)/; // `Z`, `z` and `XX`: +hhmm
const ISO_HOURS = /^(\d\d)()/; // `X`: +hh
const ISO_EXTENDED = /^(\d\d):(\d\d)/; // `XXX`: +hh:mm
const GMT_OFFSET = /^(\d\d?):(\d\d)/; // after `GMT`: h:mm or hh:mm

type ZoneHit = { offset: number; end: number } | null;

/** The offset after a sign at `pos` (hours up to 23, minutes up to 59), or null. */
function numericZone(text: string, pos: number, sign: number, form: RegExp): ZoneHit {
  const m = form.exec(text.slice(pos));
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2] || 0);
  if (hours > 23 || minutes > 59) return null;
  return { offset: sign * (hours * 60 + minutes), end: pos + m[0].length };
}

const signAt = (text: string, pos: number): number => (text[pos] === '+' ? 1 : text[pos] === '-' ? -1 : 0);

/**
 * A zone field, as SimpleDateFormat.subParse reads one: `X` (ISO 8601: `Z`, or the form its count
 * gives); `z` and `Z` alike: an RFC 822 offset (`-0800`), `GMT` (any case) alone or with `h:mm` /
 * `hh:mm`, or a zone name (Java reads every name of its zone table: here UTC's and GMT's only).
 */
function parseZone(text: string, pos: number, letter: string, count: number): ZoneHit {
  const sign = signAt(text, pos);
  if (letter === 'X') {
    if (text[pos] === 'Z') return { offset: 0, end: pos + 1 };
    if (sign === 0) return null;
    return numericZone(text, pos + 1, sign, count === 1 ? ISO_HOURS : count === 2 ? RFC_822 : ISO_EXTENDED);
  }
  if (sign !== 0) return numericZone(text, pos + 1, sign, RFC_822);
  if (text.slice(pos, pos + 3).toUpperCase() === 'GMT') {
    const gmtSign = signAt(text, pos + 3);
    return gmtSign === 0 ? { offset: 0, end: pos + 3 } : numericZone(text, pos + 4, gmtSign, GMT_OFFSET);
  }
  const name = ZONE_NAMES.find((n) => text.slice(pos, pos + n.length).toLowerCase() === n.toLowerCase());
  return name === undefined ? null : { offset: 0, end: pos + name.length };
}

/**
 * Parses text with a compiled SimpleDateFormat pattern. Like `DateFormat.parse(String)`, text
 * after the last field is ignored, fields may be preceded by spaces, and out-of-range values roll
 * over (lenient calendar). Returns epoch millis (NaN beyond what a JS Date holds, which the caller
 * refuses as out of range), or null when the text does not match.
 */
export function parseDate(items: DateItem[], text: string, defaultZone: Zone, nowMillis: number): number | null {
  const p = parseFields(items, text);
  if (p === null) return null;
  if (!p.twoDigitYear) return instantOf(p, p.year ?? 1970, defaultZone);
  // SimpleDateFormat's window for two-digit years: the century from 80 years before now
  const start = centuryStart(nowMillis, defaultZone);
  const twoDigits = p.year!;
  const year = twoDigits + Math.floor(start.year / 100) * 100 + (twoDigits < start.year % 100 ? 100 : 0);
  const millis = instantOf(p, year, defaultZone);
  // the year that starts the window is ambiguous: a century later when before the window's start
  return twoDigits === start.year % 100 && millis < start.millis ? instantOf(p, year + 100, defaultZone) : millis;
}

/** The fields the text gives, or null when it does not match the pattern. */
function parseFields(items: DateItem[], text: string): Parsed | null {
  const p: Parsed = {};
  let pos = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if ('lit' in item) {
      if (!text.startsWith(item.lit, pos)) return null;
      pos += item.lit.length;
      continue;
    }
    while (text[pos] === ' ' || text[pos] === '\t') pos++;
    if (pos >= text.length) return null;
    const { letter, count } = item;
    const next = items[i + 1];
    const obeyCount = next !== undefined && !('lit' in next);

    const isText = letter === 'E' || letter === 'a' || letter === 'G' || ((letter === 'M' || letter === 'L') && count >= 3);
    if (isText) {
      const names =
        letter === 'E'
          ? [...DAYS, ...DAYS.map((d) => d.slice(0, 3))]
          : letter === 'a'
            ? ['AM', 'PM']
            : letter === 'G'
              ? ['BC', 'AD']
              : [...MONTHS, ...MONTHS.map((m) => m.slice(0, 3))];
      const hit = matchName(text, pos, names);
      if (!hit) return null;
      pos = hit.end;
      if (letter === 'M' || letter === 'L') p.month = (hit.index % 12) + 1;
      else if (letter === 'a') p.pm = hit.index === 1;
      else if (letter === 'G') p.bc = hit.index === 0;
      continue;
    }
    if (letter === 'z' || letter === 'Z' || letter === 'X') {
      const zone = parseZone(text, pos, letter, count);
      if (!zone) return null;
      p.offset = zone.offset;
      pos = zone.end;
      continue;
    }

    // numeric field: optional minus sign, then digits (at most `count` characters when abutting)
    const limit = obeyCount ? pos + count : text.length;
    let j = pos;
    const negative = text[j] === '-';
    if (negative) j++;
    const digitsStart = j;
    while (j < limit && j < text.length && text[j] >= '0' && text[j] <= '9') j++;
    if (j === digitsStart || j - digitsStart > 15) return null;
    const value = (negative ? -1 : 1) * Number(text.slice(digitsStart, j));
    const digits = j - digitsStart;
    pos = j;
    switch (letter) {
      case 'y':
      case 'Y':
        p.year = value;
        p.twoDigitYear = count <= 2 && digits === 2 && !negative;
        break;
      case 'M':
      case 'L':
        p.month = value;
        break;
      case 'd':
        p.day = value;
        break;
      case 'D':
        p.doy = value;
        break;
      case 'H':
        p.hour = value;
        p.hour12 = undefined;
        break;
      case 'k':
        p.hour = value === 24 ? 0 : value;
        p.hour12 = undefined;
        break;
      case 'K':
        p.hour12 = value;
        p.hour = undefined;
        break;
      case 'h':
        p.hour12 = value === 12 ? 0 : value;
        p.hour = undefined;
        break;
      case 'm':
        p.minute = value;
        break;
      case 's':
        p.second = value;
        break;
      case 'S':
        p.milli = value;
        break;
      default:
        break; // w, W, F, u: read and ignored (Java's calendar may place the date by them: docs/expressions.md)
    }
  }

  return p;
}

/** The instant of the parsed fields with `year` (lenient: out-of-range values roll over). */
function instantOf(p: Parsed, year: number, defaultZone: Zone): number {
  const local = new Date(0);
  const y = p.bc ? 1 - year : year;
  if (p.doy !== undefined && p.month === undefined && p.day === undefined) local.setUTCFullYear(y, 0, p.doy);
  else local.setUTCFullYear(y, (p.month ?? 1) - 1, p.day ?? 1);
  const hour = p.hour ?? (p.hour12 !== undefined ? p.hour12 + (p.pm ? 12 : 0) : p.pm ? 12 : 0);
  local.setUTCHours(hour, p.minute ?? 0, p.second ?? 0, p.milli ?? 0);
  const t = local.getTime();
  if (Number.isNaN(t)) return t;
  return p.offset !== undefined ? t - p.offset * 60000 : localToInstant(defaultZone, t);
}

/** Calendar.add(YEAR, -80) on now in the default zone: the start of the two-digit-year window. */
function centuryStart(nowMillis: number, zone: Zone): { year: number; millis: number } {
  const f = localFields(nowMillis, zone);
  return { year: f.year - 80, millis: localToInstant(zone, plusMonthsLocal(f, -80 * 12)) };
}
