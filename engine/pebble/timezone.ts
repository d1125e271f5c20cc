/**
 * Time-zone offsets without Node built-ins: fixed ids (`UTC`, `GMT`, `Z`, `+05:30`, `GMT-3`) are
 * computed directly, region ids (`America/New_York`) through `Intl.DateTimeFormat`.
 */

import { JAVA_ZONE_IDS } from './java-zone-ids.js';
import { MAX_DATE_MILLIS } from './limits.js';

export interface Zone {
  /** The id as Java would print it (`UTC`, `America/New_York`, `GMT+05:30`: java.util.TimeZone's custom id). */
  readonly id: string;
  /** Fixed offset in minutes, or undefined for a region zone (offset depends on the instant). */
  readonly fixed?: number;
  /** Its names for `z` and `zzzz`, when they are its own (Java's EST, MST, HST). */
  readonly names?: readonly [short: string, long: string];
}

const FIXED_NAMES = new Set(['UTC', 'GMT', 'UT', 'Z', 'Etc/UTC', 'Etc/GMT', 'Zulu', 'Universal']);
const OFFSET_RE = /^(?:GMT|UTC|UT)?([+-])(\d{1,2})(?::?(\d{2}))?$/;

const formatterCache = new Map<string, Intl.DateTimeFormat>();
const FORMATTER_CACHE_SIZE = 64;

function regionFormatter(id: string): Intl.DateTimeFormat | null {
  const cached = formatterCache.get(id);
  if (cached) return cached;
  let f: Intl.DateTimeFormat;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch {
    return null;
  }
  if (formatterCache.size >= FORMATTER_CACHE_SIZE) formatterCache.clear();
  formatterCache.set(id, f);
  return f;
}

/** Resolves a zone id, or null when it is unknown. */
export function resolveZone(id: string): Zone | null {
  if (id.length === 0 || id.length > 64) return null;
  if (FIXED_NAMES.has(id)) return { id: id === 'Z' ? 'Z' : id, fixed: 0 };
  const m = OFFSET_RE.exec(id);
  if (m) {
    const hours = Number(m[2]);
    const minutes = Number(m[3] ?? 0);
    // java.util.TimeZone's custom ids: hours up to 23; the id keeps the sign written (GMT-00:00)
    if (hours > 23 || minutes > 59) return null;
    const total = (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
    return { id: `GMT${m[1]}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`, fixed: total };
  }
  const f = regionFormatter(id);
  if (!f) return null;
  return { id };
}

/** What java.util.TimeZone.getTimeZone gives for an id it does not know. */
const JAVA_GMT: Zone = { id: 'GMT', fixed: 0 };

/**
 * Java's EST, MST and HST: fixed offsets with names of their own, where Intl takes them for
 * regions (America/Panama, America/Phoenix, Pacific/Honolulu) whose offsets differ before 1968.
 */
const JAVA_FIXED_ZONES: ReadonlyMap<string, Zone> = new Map<string, Zone>([
  ['EST', { id: 'EST', fixed: -300, names: ['EST', 'Eastern Standard Time'] }],
  ['MST', { id: 'MST', fixed: -420, names: ['MST', 'Mountain Standard Time'] }],
  ['HST', { id: 'HST', fixed: -600, names: ['HST', 'Hawaii Standard Time'] }],
]);

/**
 * java.util.TimeZone.getTimeZone(id), which the `date` filter's timeZone goes through: an id Java
 * knows, exactly as written (`America/New_York`, `UTC`, `EST`, `PST`, `Etc/GMT+5`), or a custom
 * `GMT` offset (`GMT-5`, `GMT-05:00`, `GMT-0500`); anything else is GMT, silently (`UTC-5`,
 * `-05:00`, `Z`, `america/new_york`).
 */
export function javaTimeZone(id: string): Zone {
  const fixed = JAVA_FIXED_ZONES.get(id);
  if (fixed) return fixed;
  if (JAVA_ZONE_IDS.has(id)) return resolveZone(id) ?? JAVA_GMT;
  return customGmtZone(id) ?? JAVA_GMT;
}

/**
 * TimeZone.parseCustomTimeZone: `GMT`, a sign, then hours (`h`, `hh`), hours and minutes (`hhmm`,
 * `hmm`) or both with a colon (`hh:mm`, `h:mm`, `:mm`); hours up to 23, minutes up to 59, ASCII
 * digits. Java's id for it is `GMT±hh:mm` (`GMT-00:00` keeps its sign). As Java, in its `int`
 * arithmetic: the digits are added up in an int, so leading zeros are read (`GMT+0000000530` is
 * +05:30), and past 2^31 the number wraps (`GMT+2147483648` is GMT-00:19, 19.2 minutes west).
 */
function customGmtZone(id: string): Zone | null {
  const m = /^GMT([+-])(?:(\d{0,2}):(\d\d)|(\d+))$/.exec(id);
  if (!m) return null;
  const int = (digits: string) => [...digits].reduce((n, digit) => (Math.imul(n, 10) + Number(digit)) | 0, 0);
  let hours: number;
  let minutes: number;
  if (m[4] === undefined) [hours, minutes] = [int(m[2]), int(m[3])];
  else {
    const n = int(m[4]);
    [hours, minutes] = m[4].length <= 2 ? [n, 0] : [Math.trunc(n / 100), n % 100];
  }
  if (hours > 23 || minutes > 59) return null;
  const millis = Math.imul(Math.imul((Math.imul(hours, 60) + minutes) | 0, 60), 1000);
  const sign = m[1];
  const offset = sign === '-' ? -millis | 0 : millis;
  return { id: offset === 0 ? `GMT${sign}00:00` : customId(offset), fixed: offset / 60000 };
}

/** ZoneInfoFile.toCustomID: `GMT±hh:mm` of an offset in milliseconds, its minutes cut toward zero. */
function customId(offsetMillis: number): string {
  const minutes = Math.trunc(offsetMillis / 60000);
  const [hh, mm] = [Math.trunc(Math.abs(minutes) / 60), Math.abs(minutes) % 60];
  // (Java adds the tens of hours to the character '0': past 99 hours, what follows '9'.)
  const tens = hh >= 10 ? String.fromCharCode(48 + Math.trunc(hh / 10)) : '0';
  return `GMT${minutes < 0 ? '-' : '+'}${tens}${hh % 10}:${String(mm).padStart(2, '0')}`;
}

/** Offset of the zone at an instant, in minutes east of UTC. */
export function offsetAt(zone: Zone, millis: number): number {
  if (zone.fixed !== undefined) return zone.fixed;
  const f = regionFormatter(zone.id)!; // resolveZone made one for this id
  // a probe beyond the dates handled (localToInstant's, a day off a local time) takes the offset at the last one
  const seconds = Math.floor(Math.max(-MAX_DATE_MILLIS, Math.min(MAX_DATE_MILLIS, millis)) / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(seconds))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const d = new Date(0);
  d.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  d.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
  return Math.round((d.getTime() - seconds) / 60000);
}

const DAY = 86_400_000;

/**
 * Instant of a local date-time (given as millis "as if UTC") in a zone, as Java's lenient
 * GregorianCalendar finds it: near a transition, the offset of a day before or of a day after
 * that holds at the instant it gives; a time in a gap (none holds) or an overlap (both do) takes
 * the smaller offset, so 02:30 on a spring-forward night is 03:30 daylight time and 01:30 on a
 * fall-back night is the second 01:30, in standard time.
 */
export function localToInstant(zone: Zone, localMillis: number): number {
  const before = offsetAt(zone, localMillis - DAY);
  const after = offsetAt(zone, localMillis + DAY);
  if (before === after) return localMillis - before * 60000;
  const holds = [before, after].filter((offset) => offsetAt(zone, localMillis - offset * 60000) === offset);
  const offset = holds.length === 1 ? holds[0] : Math.min(before, after);
  return localMillis - offset * 60000;
}

/** `+05:30` (colon) or `+0530`; zero gives `+00:00` / `+0000`. */
export function formatOffset(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  // (Whole minutes toward zero, as SimpleDateFormat divides: a custom GMT id may be 19.2 minutes off.)
  const abs = Math.trunc(Math.abs(minutes));
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return colon ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
}

/** Display name of a zone (`UTC`, `EST`, `Coordinated Universal Time`), as Java's `z` pattern. */
export function zoneName(zone: Zone, millis: number, long: boolean): string {
  if (zone.names) return zone.names[long ? 1 : 0];
  if (zone.fixed !== undefined) {
    if (zone.id === 'UTC' || zone.id === 'Etc/UTC' || zone.id === 'Zulu' || zone.id === 'Universal')
      return long ? 'Coordinated Universal Time' : 'UTC';
    // a custom id names itself; GMT, UT, Etc/GMT and Z (which Java does not know: its GMT) are GMT
    if (/^GMT[+-]/.test(zone.id)) return zone.id;
    return long ? 'Greenwich Mean Time' : 'GMT';
  }
  const f = new Intl.DateTimeFormat('en-US', { timeZone: zone.id, timeZoneName: long ? 'long' : 'short' });
  return f.formatToParts(new Date(millis)).find((p) => p.type === 'timeZoneName')!.value;
}
