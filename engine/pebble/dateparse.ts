/**
 * Parsing date text with a SimpleDateFormat pattern, lenient like Java's default: numeric, text
 * (month, day, AM/PM, era) and zone fields.
 */
import { DAYS, MONTHS, type DateItem } from './datepattern.js';
import { localToInstant, resolveZone, type Zone } from './timezone.js';

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

function parseZone(text: string, pos: number, letter: string): { offset: number; end: number } | null {
  const rest = text.slice(pos);
  if (letter === 'X' && rest.startsWith('Z')) return { offset: 0, end: pos + 1 };
  let m = /^(?:GMT|UTC|UT)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?/.exec(rest);
  if (m && letter !== 'X') {
    if (!m[1]) return { offset: 0, end: pos + m[0].length };
    const off = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
    return { offset: off, end: pos + m[0].length };
  }
  m = /^([+-])(\d{2})(?::?(\d{2}))?/.exec(rest);
  if (m) {
    const off = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
    return { offset: off, end: pos + m[0].length };
  }
  if (letter === 'z') {
    const named = /^([A-Za-z_]+(?:\/[A-Za-z_]+)*)/.exec(rest);
    if (named) {
      const zone = resolveZone(named[1]);
      if (zone && zone.fixed !== undefined) return { offset: zone.fixed, end: pos + named[0].length };
    }
  }
  return null;
}

/**
 * Parses text with a compiled SimpleDateFormat pattern. Like `DateFormat.parse(String)`, text
 * after the last field is ignored, fields may be preceded by spaces, and out-of-range values roll
 * over (lenient calendar). Returns epoch millis, or null when the text does not match.
 */
export function parseDate(items: DateItem[], text: string, defaultZone: Zone, nowMillis: number): number | null {
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
      const zone = parseZone(text, pos, letter);
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
        break; // w, W, F, u: parsed and ignored, as the date fields win in Java's calendar
    }
  }

  let year = p.year ?? 1970;
  if (p.twoDigitYear) {
    const startYear = new Date(nowMillis).getUTCFullYear() - 80;
    year += Math.floor(startYear / 100) * 100 + (year < startYear % 100 ? 100 : 0);
  }
  if (p.bc) year = 1 - year;
  const local = new Date(0);
  if (p.doy !== undefined && p.month === undefined && p.day === undefined) local.setUTCFullYear(year, 0, p.doy);
  else local.setUTCFullYear(year, (p.month ?? 1) - 1, p.day ?? 1);
  const hour = p.hour ?? (p.hour12 !== undefined ? p.hour12 + (p.pm ? 12 : 0) : p.pm ? 12 : 0);
  local.setUTCHours(hour, p.minute ?? 0, p.second ?? 0, p.milli ?? 0);
  const t = local.getTime();
  if (Number.isNaN(t)) return null;
  return p.offset !== undefined ? t - p.offset * 60000 : localToInstant(defaultZone, t);
}
