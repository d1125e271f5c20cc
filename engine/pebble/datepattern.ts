/**
 * Java date patterns, English locale: `SimpleDateFormat` ('sdf': java.util.Date, epoch millis and
 * strings) and `DateTimeFormatter.ofPattern` ('dtf': ZonedDateTime such as `now()`). Formatting
 * covers every letter of both classes that has a fixed meaning. Parsing is in dateparse.ts.
 */
import { localFields, pad, type LocalFields } from './datetime.js';
import { UnplacedError } from './errors.js';
import { MAX_DATE_PATTERN_LENGTH } from './limits.js';
import { formatOffset, zoneName, type Zone } from './timezone.js';

export type DateMode = 'sdf' | 'dtf';

/** A bad pattern, or one over the length limit; callers place it in the template (errors.ts placing). */
class DatePatternError extends UnplacedError {}

export type DateItem = { lit: string } | { letter: string; count: number };

const SDF_LETTERS = new Set('GyYMLwWDdFEuaHkKhmsSzZX');
const DTF_LETTERS = new Set('GuyDMLdQqYwWEecFaKkHhmsSAnNVzOXxZ');

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
export const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function compilePattern(pattern: string, mode: DateMode): DateItem[] {
  if (pattern.length > MAX_DATE_PATTERN_LENGTH) throw new DatePatternError(`Date pattern longer than ${MAX_DATE_PATTERN_LENGTH} characters`, 'limit');
  const items: DateItem[] = [];
  const pushLit = (s: string) => {
    const last = items[items.length - 1];
    if (last && 'lit' in last) last.lit += s;
    else items.push({ lit: s });
  };
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        pushLit("'");
        i += 2;
        continue;
      }
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= pattern.length) throw new DatePatternError(`Unterminated quote in date pattern "${pattern}"`);
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += pattern[j++];
      }
      pushLit(text);
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      const letters = mode === 'sdf' ? SDF_LETTERS : DTF_LETTERS;
      if (!letters.has(c)) {
        throw new DatePatternError(
          mode === 'sdf' ? `Illegal pattern character '${c}'` : `Unknown pattern letter: ${c}`,
        );
      }
      let j = i;
      while (pattern[j] === c) j++;
      // SimpleDateFormat's constructor refuses it, so parsing fails as formatting does
      if (mode === 'sdf' && c === 'X' && j - i > 3) throw new DatePatternError(`invalid ISO 8601 format: length=${j - i}`);
      items.push({ letter: c, count: j - i });
      i = j;
      continue;
    }
    if (mode === 'dtf' && (c === '[' || c === ']')) {
      i++; // optional sections: every field of a ZonedDateTime is available, so they always print
      continue;
    }
    if (mode === 'dtf' && (c === '{' || c === '}' || c === '#')) {
      throw new DatePatternError(`Pattern includes reserved character: '${c}'`);
    }
    pushLit(c);
    i++;
  }
  return items;
}

/** Days since 1970-01-01 of a local date. */
function dayNumber(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / 86_400_000);
}
/** 0 = Sunday … 6 = Saturday. */
function sundayIndex(dayNum: number): number {
  return (((dayNum + 4) % 7) + 7) % 7;
}

/** US week rules (weeks start Sunday; week 1 contains 1 January), as Java's default en-US locale. */
function weekFields(f: LocalFields): { week: number; weekYear: number; weekOfMonth: number } {
  const today = dayNumber(f.year, f.month, f.day);
  const week1 = (y: number) => {
    const jan1 = dayNumber(y, 1, 1);
    return jan1 - sundayIndex(jan1);
  };
  const first = dayNumber(f.year, f.month, 1);
  const weekOfMonth = Math.floor((f.day - 1 + sundayIndex(first)) / 7) + 1;
  if (today >= week1(f.year + 1)) return { week: 1, weekYear: f.year + 1, weekOfMonth };
  return { week: Math.floor((today - week1(f.year)) / 7) + 1, weekYear: f.year, weekOfMonth };
}

/**
 * A year: two letters, its last two digits; else at least `count` digits. java.time signs a year
 * of 4 letters or more that has more digits than letters (`SignStyle.EXCEEDS_PAD`: `yyyy` prints
 * year 12345 as `+12345`); SimpleDateFormat never does.
 */
function yearText(year: number, count: number, mode: DateMode): string {
  if (count === 2) return pad(((year % 100) + 100) % 100, 2);
  if (mode === 'dtf' && count >= 4 && year > 0 && String(year).length > count) return `+${year}`;
  return pad(year, count);
}

function text(full: string, count: number, mode: DateMode): string {
  if (mode === 'dtf' && count === 5) return full[0];
  return count >= 4 ? full : full.slice(0, 3);
}

function era(ad: boolean, count: number, mode: DateMode): string {
  if (mode === 'dtf' && count === 4) return ad ? 'Anno Domini' : 'Before Christ';
  if (mode === 'dtf' && count === 5) return ad ? 'A' : 'B';
  return ad ? 'AD' : 'BC';
}

/** SimpleDateFormat's offset letters: Z as RFC 822 at any count; X as ISO 8601, Z for zero, only the hours at count 1. */
function offsetText(letter: string, count: number, minutes: number): string {
  const hhmm = formatOffset(minutes, false);
  if (letter === 'Z') return hhmm;
  if (minutes === 0) return 'Z';
  return count === 1 ? hhmm.slice(0, 3) : count === 2 ? hhmm : formatOffset(minutes, true);
}

/** java.time's offset letters, for UTC: the java.time path formats only ZonedDateTimes, which are UTC here. */
function utcOffsetText(letter: string, count: number): string {
  switch (letter) {
    case 'Z':
      return count <= 3 ? '+0000' : count === 4 ? 'GMT' : 'Z';
    case 'O':
      return 'GMT';
    case 'X':
      return 'Z';
    default: // x
      return count === 1 ? '+00' : count === 2 || count === 4 ? '+0000' : '+00:00';
  }
}

/** Formats an instant in `zone`; in 'dtf' mode (a ZonedDateTime) the zone is UTC (see PDate). */
export function formatDate(items: DateItem[], millis: number, zone: Zone, mode: DateMode): string {
  const f = localFields(millis, zone);
  let out = '';
  for (const item of items) {
    if ('lit' in item) {
      out += item.lit;
      continue;
    }
    const { letter, count } = item;
    const hour12 = f.hour % 12;
    switch (letter) {
      case 'G':
        out += era(f.year > 0, count, mode);
        break;
      case 'y':
        out += yearText(f.year > 0 ? f.year : 1 - f.year, count, mode);
        break;
      case 'u':
        out += mode === 'sdf' ? pad(f.dow, count) : yearText(f.year, count, mode);
        break;
      case 'Y':
        out += yearText(weekFields(f).weekYear, count, mode);
        break;
      case 'M':
      case 'L':
        out += count <= 2 ? pad(f.month, count) : text(MONTHS[f.month - 1], count, mode);
        break;
      case 'Q':
      case 'q': {
        const q = Math.floor((f.month - 1) / 3) + 1;
        if (count <= 2) out += pad(q, count);
        else if (count === 3) out += `Q${q}`;
        else out += count === 4 ? `${['1st', '2nd', '3rd', '4th'][q - 1]} quarter` : String(q);
        break;
      }
      case 'w':
        out += pad(weekFields(f).week, count);
        break;
      case 'W':
        out += pad(weekFields(f).weekOfMonth, count);
        break;
      case 'D':
        out += pad(f.doy, count);
        break;
      case 'd':
        out += pad(f.day, count);
        break;
      case 'F':
        out += pad(Math.floor((f.day - 1) / 7) + 1, count);
        break;
      case 'E':
        out += text(DAYS[f.dow - 1], count, mode);
        break;
      case 'e':
      case 'c':
        out += count <= 2 ? pad((f.dow % 7) + 1, count) : text(DAYS[f.dow - 1], count, mode);
        break;
      case 'a':
        out += f.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(f.hour, count);
        break;
      case 'k':
        out += pad(f.hour === 0 ? 24 : f.hour, count);
        break;
      case 'K':
        out += pad(hour12, count);
        break;
      case 'h':
        out += pad(hour12 === 0 ? 12 : hour12, count);
        break;
      case 'm':
        out += pad(f.minute, count);
        break;
      case 's':
        out += pad(f.second, count);
        break;
      case 'S':
        out += mode === 'sdf' ? pad(f.milli, count) : pad(f.milli * 1_000_000, 9).slice(0, count).padEnd(count, '0');
        break;
      case 'A':
        out += pad(((f.hour * 60 + f.minute) * 60 + f.second) * 1000 + f.milli, count);
        break;
      case 'n':
        out += pad(f.milli * 1_000_000, count);
        break;
      case 'N':
        out += pad((((f.hour * 60 + f.minute) * 60 + f.second) * 1000 + f.milli) * 1_000_000, count);
        break;
      case 'V':
        out += zone.id;
        break;
      case 'z':
        out += zoneName(zone, millis, count >= 4);
        break;
      case 'Z':
      case 'O':
      case 'x':
      case 'X':
        out += mode === 'sdf' ? offsetText(letter, count, f.offset) : utcOffsetText(letter, count);
        break;
    }
  }
  return out;
}
