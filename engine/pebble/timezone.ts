/**
 * Time-zone offsets without Node built-ins: fixed ids (`UTC`, `GMT`, `Z`, `+05:30`, `GMT-3`) are
 * computed directly, region ids (`America/New_York`) through `Intl.DateTimeFormat`.
 */

export interface Zone {
  /** The id as Java would print it (`UTC`, `America/New_York`, `GMT+05:30`). */
  readonly id: string;
  /** Fixed offset in minutes, or undefined for a region zone (offset depends on the instant). */
  readonly fixed?: number;
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
    const minutes = m[3] ? Number(m[3]) : 0;
    if (hours > 18 || minutes > 59) return null;
    const total = (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
    return { id: total === 0 ? 'Z' : formatOffset(total, true), fixed: total };
  }
  const f = regionFormatter(id);
  if (!f) return null;
  return { id };
}

/** Offset of the zone at an instant, in minutes east of UTC. */
export function offsetAt(zone: Zone, millis: number): number {
  if (zone.fixed !== undefined) return zone.fixed;
  const f = regionFormatter(zone.id);
  if (!f) return 0;
  const seconds = Math.floor(millis / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(seconds))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const d = new Date(0);
  d.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  d.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
  return Math.round((d.getTime() - seconds) / 60000);
}

/** Instant of a local date-time (given as millis "as if UTC") in a zone. */
export function localToInstant(zone: Zone, localMillis: number): number {
  const first = offsetAt(zone, localMillis);
  const guess = localMillis - first * 60000;
  const second = offsetAt(zone, guess);
  return second === first ? guess : localMillis - second * 60000;
}

/** `+05:30` (colon) or `+0530`; zero gives `+00:00` / `+0000`. */
export function formatOffset(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return colon ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
}

/** Display name of a zone (`UTC`, `EST`, `Coordinated Universal Time`), as Java's `z` pattern. */
export function zoneName(zone: Zone, millis: number, long: boolean): string {
  if (zone.fixed !== undefined) {
    if (zone.id === 'UTC' || zone.id === 'Etc/UTC' || zone.id === 'Zulu' || zone.id === 'Universal')
      return long ? 'Coordinated Universal Time' : 'UTC';
    if (zone.fixed === 0 && zone.id !== 'Z') return long ? 'Greenwich Mean Time' : 'GMT';
    return zone.fixed === 0 ? 'GMT' : `GMT${formatOffset(zone.fixed, true)}`;
  }
  try {
    const f = new Intl.DateTimeFormat('en-US', { timeZone: zone.id, timeZoneName: long ? 'long' : 'short' });
    const part = f.formatToParts(new Date(millis)).find((p) => p.type === 'timeZoneName');
    return part ? part.value : zone.id;
  } catch {
    return zone.id;
  }
}
