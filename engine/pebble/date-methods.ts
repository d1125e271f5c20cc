/** java.time ZonedDateTime methods available on `now()`: getters, plus/minus, conversions. */
import { MONTHS } from './datepattern.js';
import { UTC, assertDateInRange, localFields, plusMonthsLocal } from './datetime.js';
import { m, type Method } from './method.js';
import { javaString } from './stringify.js';
import { PDate } from './values.js';

const DAY_NAMES = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const MONTH_NAMES = MONTHS.map((name) => name.toUpperCase());

const fields = (d: PDate) => localFields(d.millis, UTC);
const two = (n: number) => String(n).padStart(2, '0');

/** Date arithmetic (days, months, years) on the UTC date-time, clamping the day like java.time. */
function plusLocal(d: PDate, unit: 'day' | 'month' | 'year', amount: number): PDate {
  const f = fields(d);
  if (unit !== 'day') return new PDate(plusMonthsLocal(f, unit === 'month' ? amount : amount * 12));
  const day = new Date(d.millis);
  day.setUTCDate(f.day + amount);
  return new PDate(day.getTime());
}

/** `d` moved by `amount` (a Long: a number, or a bigint beyond 2^53), within the dates a JS Date holds. */
function moved(d: PDate, amount: unknown, move: (d: PDate, amount: number) => PDate, pos: number): PDate {
  const result = move(d, Number(amount));
  assertDateInRange(result.millis, pos, `: moved by ${amount}`);
  return result;
}

const instantPlus = (ms: number) => m<PDate>(['long'], (d, [n], _ctx, pos) => moved(d, n, (date, k) => new PDate(date.millis + k * ms), pos));
const instantMinus = (ms: number) => m<PDate>(['long'], (d, [n], _ctx, pos) => moved(d, n, (date, k) => new PDate(date.millis - k * ms), pos));
const localPlus = (unit: 'day' | 'month' | 'year', k: number, sign: number) =>
  m<PDate>(['long'], (d, [n], _ctx, pos) => moved(d, n, (date, amount) => plusLocal(date, unit, sign * k * amount), pos));

export const DATE_METHODS = new Map<string, Method>([
  ['getYear', m<PDate>([], (d) => fields(d).year)],
  ['getMonthValue', m<PDate>([], (d) => fields(d).month)],
  ['getMonth', m<PDate>([], (d) => MONTH_NAMES[fields(d).month - 1])],
  ['getDayOfMonth', m<PDate>([], (d) => fields(d).day)],
  ['getDayOfYear', m<PDate>([], (d) => fields(d).doy)],
  ['getDayOfWeek', m<PDate>([], (d) => DAY_NAMES[fields(d).dow - 1])],
  ['getHour', m<PDate>([], (d) => fields(d).hour)],
  ['getMinute', m<PDate>([], (d) => fields(d).minute)],
  ['getSecond', m<PDate>([], (d) => fields(d).second)],
  ['getNano', m<PDate>([], (d) => fields(d).milli * 1_000_000)],
  ['getZone', m<PDate>([], () => UTC.id)],
  ['getOffset', m<PDate>([], () => 'Z')],
  ['toEpochSecond', m<PDate>([], (d) => Math.floor(d.millis / 1000))],
  ['toLocalDate', m<PDate>([], (d) => localDateTime(d).slice(0, 10))],
  ['toLocalTime', m<PDate>([], (d) => localDateTime(d).slice(11))],
  ['toLocalDateTime', m<PDate>([], (d) => localDateTime(d))],
  ['toString', m<PDate>([], (d, _a, ctx, pos) => javaString(d, ctx, pos))],
  ['plusSeconds', instantPlus(1000)],
  ['plusMinutes', instantPlus(60_000)],
  ['plusHours', instantPlus(3_600_000)],
  ['plusDays', localPlus('day', 1, 1)],
  ['plusWeeks', localPlus('day', 7, 1)],
  ['plusMonths', localPlus('month', 1, 1)],
  ['plusYears', localPlus('year', 1, 1)],
  ['minusSeconds', instantMinus(1000)],
  ['minusMinutes', instantMinus(60_000)],
  ['minusHours', instantMinus(3_600_000)],
  ['minusDays', localPlus('day', 1, -1)],
  ['minusWeeks', localPlus('day', 7, -1)],
  ['minusMonths', localPlus('month', 1, -1)],
  ['minusYears', localPlus('year', 1, -1)],
]);

/** LocalDateTime.toString(): seconds and fraction only when non-zero. */
function localDateTime(d: PDate): string {
  const f = fields(d);
  let time = `${two(f.hour)}:${two(f.minute)}`;
  if (f.second > 0 || f.milli > 0) time += `:${two(f.second)}`;
  if (f.milli > 0) time += `.${String(f.milli).padStart(3, '0')}`;
  return `${String(f.year).padStart(4, '0')}-${two(f.month)}-${two(f.day)}T${time}`;
}
