/**
 * Date-time values: local fields of an instant in a zone, java.time `toString` / ISO text, and
 * ISO-8601 parsing (for `epoch` on strings without a format).
 */
import { fail } from './errors.js';
import { MAX_DATE_MILLIS } from './limits.js';
import { PDate } from './values.js';
import { localToInstant, offsetAt, resolveZone, type Zone } from './timezone.js';

export interface LocalFields {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  milli: number;
  /** ISO day of week: 1 = Monday … 7 = Sunday. */
  dow: number;
  /** Day of year, 1-based. */
  doy: number;
  /** Offset from UTC in minutes. */
  offset: number;
}

export const UTC: Zone = { id: 'UTC', fixed: 0 };

/**
 * Refuses an instant beyond what a JS Date holds, as an expression error: java.time goes on to
 * years ±999,999,999, this engine to about ±275,000. `detail` ends the message.
 */
export function assertDateInRange(millis: number, pos: number, detail = ''): void {
  if (!(Math.abs(millis) <= MAX_DATE_MILLIS)) fail('type', `The date is out of the supported range (years beyond about ±275,000)${detail}`, pos);
}

export function localFields(millis: number, zone: Zone): LocalFields {
  const offset = offsetAt(zone, millis);
  const d = new Date(millis + offset * 60000);
  const year = d.getUTCFullYear();
  const jan1 = new Date(0);
  jan1.setUTCFullYear(year, 0, 1);
  const midnight = new Date(0);
  midnight.setUTCFullYear(year, d.getUTCMonth(), d.getUTCDate());
  const jsDow = d.getUTCDay();
  return {
    year,
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    milli: d.getUTCMilliseconds(),
    dow: jsDow === 0 ? 7 : jsDow,
    doy: Math.round((midnight.getTime() - jan1.getTime()) / 86_400_000) + 1,
    offset,
  };
}

/**
 * The local date-time `f` moved by `months`, as local millis ("as if UTC"): the day is clamped to
 * the last of the month, as java.time's plusMonths and Calendar.add do (31 January + 1 month is 28
 * February).
 */
export function plusMonthsLocal(f: LocalFields, months: number): number {
  const total = f.year * 12 + (f.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(0);
  last.setUTCFullYear(year, month + 1, 0);
  const local = new Date(0);
  local.setUTCFullYear(year, month, Math.min(f.day, last.getUTCDate()));
  local.setUTCHours(f.hour, f.minute, f.second, f.milli);
  return local.getTime();
}

/** `n` in at least `width` digits, zeros before (`-` before those): `pad(7, 2)` is `07`, `pad(-7, 3)` is `-007`. */
export function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

function isoDate(f: LocalFields): string {
  const year = f.year > 9999 ? `+${f.year}` : pad(f.year, 4);
  return `${year}-${pad(f.month, 2)}-${pad(f.day, 2)}`;
}

/**
 * java.time ZonedDateTime.toString() of a UTC date: `2025-02-06T21:09:02.712Z[UTC]` (seconds and
 * fraction omitted when zero); with `fullTime`, seconds and milliseconds always written
 * (`…T21:09:00.000Z[UTC]`).
 */
export function zonedToString(date: PDate, fullTime = false): string {
  const f = localFields(date.millis, UTC);
  let time = `${pad(f.hour, 2)}:${pad(f.minute, 2)}`;
  if (fullTime || f.second > 0 || f.milli > 0) time += `:${pad(f.second, 2)}`;
  if (fullTime || f.milli > 0) time += `.${pad(f.milli, 3)}`;
  return `${isoDate(f)}T${time}Z[UTC]`;
}

/** DateTimeFormatter.ISO_DATE_TIME of a UTC date: seconds always, fraction without trailing zeros. */
export function zonedToIso(date: PDate): string {
  const f = localFields(date.millis, UTC);
  let time = `${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}`;
  if (f.milli > 0) time += `.${pad(f.milli, 3).replace(/0+$/, '')}`;
  return `${isoDate(f)}T${time}Z[UTC]`;
}

const ISO_RE =
  /^([+-]?\d{4,9})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?(?:\[([^\]]{1,64})\])?$/;

/**
 * Parses ISO-8601 text (`2025-02-06`, `2025-02-06T21:09:02.712Z`, the `toString` of `now()`),
 * local times in `defaultZone`. Returns epoch millis, or null when the text is not ISO.
 */
export function parseIso(text: string, defaultZone: Zone): number | null {
  const m = ISO_RE.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, off, zoneId] = m;
  const local = new Date(0);
  local.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  local.setUTCHours(Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), ms);
  if (local.getUTCMonth() !== Number(mo) - 1) return null;
  if (off) {
    // Z, ±hh, ±hhmm or ±hh:mm: a fixed offset, which java.time takes up to ±18:00
    const fixed = resolveZone(off)?.fixed;
    if (fixed === undefined || Math.abs(fixed) > 18 * 60) return null;
    return local.getTime() - fixed * 60000;
  }
  const zone = zoneId ? resolveZone(zoneId) : defaultZone;
  if (!zone) return null;
  return localToInstant(zone, local.getTime());
}
