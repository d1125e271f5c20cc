/** now(), epoch and date: the WxCC cheat-sheet expressions with a fixed clock. */
import { test, expect } from '@playwright/test';
import { CLOCK_MILLIS, errorOf, evaluate, render } from './support.js';

const ms = CLOCK_MILLIS; // 2025-02-06T21:09:02.712Z, a Thursday
const vars = { ms, startTime: Math.floor(ms / 1000) - 30, nil: null };

const cases: [string, unknown][] = [
  // now() is a ZonedDateTime in UTC; it prints like java.time
  ['{{ now() }}', '2025-02-06T21:09:02.712Z[UTC]'],
  ['{{ now() | date }}', '2025-02-06T21:09:02.712Z[UTC]'],
  ['{{ now() | epoch }}', 1738876142],
  ['{{ now() | epoch(inMillis=true) }}', 1738876142712],
  ['{{ now() | epoch(inMillis=true) % 10 }}', 2],
  ['{{ now() | epoch - startTime }}', 30],
  ['{{ now() | epoch - startTime > 10 }}', true],
  // epoch of a formatted date (UTC unless the text has a zone)
  ['{{ "December 10, 2023 00:00" | epoch(format="MMMM d, yyyy HH:mm") }}', 1702166400],
  ['{{ "2025-02-06T21:09:02.712Z" | epoch(inMillis=true) }}', 1738876142712],
  ['{{ "2025-02-06T21:09:02.712Z[UTC]" | epoch }}', 1738876142],
  ['{{ "2025-02-06" | epoch }}', 1738800000],
  ['{{ ms | epoch }}', 1738876142],
  ['{{ (now() | epoch / 86400) - ("October 1, 2023 00:00" | epoch(format="MMMM d, yyyy HH:mm") / 86400) }}', 494],
  // date on epoch millis (SimpleDateFormat, default zone UTC)
  ['{{ now() | epoch(inMillis=true) | date("EEEE") }}', 'Thursday'],
  ['{{ (now() | epoch(inMillis=true) + 86400000) | date("EEEE") }}', 'Friday'],
  ['{{ ms | date("yyyy-MM-dd") }}', '2025-02-06'],
  ['{{ ms | date }}', '2025-02-06T21:09:02+0000'],
  ['{{ ms | date("EEE, d MMM yyyy h:mm a z") }}', 'Thu, 6 Feb 2025 9:09 PM UTC'],
  ['{{ ms | date("yy MMMM dd HH:mm:ss.SSS") }}', '25 February 06 21:09:02.712'],
  ['{{ ms | date("D w W u F k K X XX XXX Z") }}', '37 6 2 4 1 21 9 Z Z Z +0000'],
  ['{{ ms | date("\'at\' HH \'o\'\'clock\'") }}', "at 21 o'clock"],
  ['{{ ms | date("HH\'\'mm") }}', "21'09"], // '' outside quotes: one quote
  ['{{ ms | date("HH:mm", timeZone="Asia/Kolkata") }}', '02:39'],
  ['{{ ms | date("HH:mm z", timeZone="America/New_York") }}', '16:09 EST'],
  ['{{ ms | date("HH:mm Z", timeZone="GMT+05:30") }}', '02:39 +0530'],
  ['{{ ms | date("HH:mm", timeZone="No/Such_Zone") }}', '21:09'], // Java TimeZone: unknown id is GMT
  // ... the GMT zone, named so: a daylight abbreviation Java does not know (EDT, PDT) prints GMT, not UTC
  ['{{ ms | date("HH:mm z", timeZone="EDT") }}', '21:09 GMT'],
  ['{{ ms | date("zzzz", timeZone="No/Such_Zone") }}', 'Greenwich Mean Time'],
  // date on strings: parse with existingFormat (default yyyy-MM-dd'T'HH:mm:ssZ), then format
  ['{{ "20250206" | date("yyyy-MM-dd", existingFormat="yyyyMMdd") }}', '2025-02-06'],
  ['{{ "2025-02-06T21:09:02+0000" | date("dd/MM/yyyy") }}', '06/02/2025'],
  ['{{ "06/02/25" | date("yyyy-MM-dd", existingFormat="dd/MM/yy") }}', '2025-02-06'],
  ['{{ "2025-02-30" | date("yyyy-MM-dd", existingFormat="yyyy-MM-dd") }}', '2025-03-02'], // lenient
  ['{{ "Feb 6, 2025 9:09 PM" | date("HH:mm", existingFormat="MMM d, yyyy h:mm a") }}', '21:09'],
  ['{{ "2025-02-06 10:00 -0500" | date("HH:mm", existingFormat="yyyy-MM-dd HH:mm Z") }}', '15:00'],
  ['{{ "2025-02-06T21:09:02Z trailing" | date("HH", existingFormat="yyyy-MM-dd\'T\'HH:mm:ssX") }}', '21'],
  // ... a day of the year, k (1–24: 24 is midnight), K (0–11) with a, a zone z as GMT±hh:mm or GMT, the era G, a day name E
  ['{{ "2025-037" | date("yyyy-MM-dd", existingFormat="yyyy-DDD") }}', '2025-02-06'],
  ['{{ "2025-02-06 24:30" | date("yyyy-MM-dd HH:mm", existingFormat="yyyy-MM-dd kk:mm") }}', '2025-02-06 00:30'],
  ['{{ "2025-02-06 11:30 PM" | date("HH:mm", existingFormat="yyyy-MM-dd K:mm a") }}', '23:30'],
  ['{{ "2025-02-06 10:00 GMT+05:30" | date("HH:mm", existingFormat="yyyy-MM-dd HH:mm z") }}', '04:30'],
  ['{{ "2025-02-06 10:00 GMT" | date("HH:mm", existingFormat="yyyy-MM-dd HH:mm z") }}', '10:00'],
  ['{{ "Thu, AD 2025-02-06" | date("yyyy-MM-dd", existingFormat="EEE, G yyyy-MM-dd") }}', '2025-02-06'],
  ['{{ "BC 2025" | date("G yyyy", existingFormat="G yyyy") }}', 'BC 2025'],
  // now() with existingFormat is read as its text (so timeZone then applies) — cheat-sheet idioms
  ['{{ now() | date("HHmm", existingFormat="yyyy-MM-dd\'T\'HH:mm:ss", timeZone="America/New_York") }}', '1609'],
  ['{{ now() | date("EEEE", existingFormat="yyyy-MM-dd\'T\'HH:mm:ss.SSS\'Z\'") }}', 'Thursday'],
  // now() without existingFormat keeps its own zone (Pebble's java.time path ignores timeZone)
  ['{{ now() | date("HH:mm", timeZone="America/New_York") }}', '21:09'],
  ['{{ now() | date("EEEE d MMMM uuuu, h:mm a VV xxx") }}', 'Thursday 6 February 2025, 9:09 PM UTC +00:00'],
  ['{{ now() | date("HH:mm:ss.SSS [yyyy]") }}', '21:09:02.712 2025'],
  ['{{ now() | date("N") }}', '76142712000000'], // nano-of-day
  ['{{ now() | date("GGGG GGGGG") }}', 'Anno Domini A'],
  // java.time getters on now()
  ['{{ now().dayOfWeek }}', 'THURSDAY'],
  ['{{ now().dayOfWeek == "THURSDAY" }}', true],
  ['{{ now().hour }}', 21],
  ['{{ now().year }}', 2025],
  ['{{ now().monthValue }}', 2],
  ['{{ now().toEpochSecond() }}', 1738876142],
  ['{{ now().plusDays(1) | date("EEEE") }}', 'Friday'],
  ['{{ now().minusMonths(1) | date("yyyy-MM-dd") }}', '2025-01-06'],
  ['{{ now().plusHours(3).hour }}', 0],
  ['{{ now().toLocalDate() }}', '2025-02-06'],
  ['{{ now().toLocalTime() }}', '21:09:02.712'],
  ['{{ now().getOffset() }}', 'Z'],
  ['{{ now().zone }}', 'UTC'],
  ['{{ now().month }}', 'FEBRUARY'],
  ['{{ now().minusDays(37).plusMonths(1) | date("yyyy-MM-dd") }}', '2025-01-31'],
  ['{{ now().minusDays(6).plusMonths(1) | date("yyyy-MM-dd") }}', '2025-02-28'], // 31 Jan + 1 month, clamped
  ['{{ now().plusYears(-1).year }}', 2024],
  ['{{ now().substring(1) }}', null],
  // more pattern letters (java.time on now(), SimpleDateFormat on millis)
  ['{{ now() | date("G GGGG Q QQQ QQQQ e c ccc") }}', 'AD Anno Domini 1 Q1 1st quarter 5 5 Thu'],
  ['{{ now() | date("MMMMM EEEEE LLL") }}', 'F T Feb'],
  ['{{ now() | date("O OOOO x xx xxx X ZZZZ ZZZZZ") }}', 'GMT GMT +00 +0000 +00:00 Z GMT Z'],
  ['{{ now() | date("A n S SS SSSS") }}', '76142712 712000000 7 71 7120'],
  ['{{ now() | date("zzzz") }}', 'Coordinated Universal Time'],
  ['{{ ms | date("HH:mm XX XXX", timeZone="Asia/Kolkata") }}', '02:39 +0530 +05:30'],
  ['{{ ms | date("Y ww", timeZone="UTC") }}', '2025 06'],
  ['{{ 1735516800000 | date("Y w yyyy") }}', '2025 1 2024'], // Monday 30 Dec 2024 is in week 1 of 2025 (US rules)
  ['{{ -62154086400000 | date("G yyyy") }}', 'BC 0001'], // ISO year 0 is 1 BC (proleptic Gregorian, unlike Java's Julian calendar before 1582)
  // midnight and noon: a, h (1–12), k (1–24), K (0–11), H
  ['{{ 1738800000000 | date("a h k K H") }}', 'AM 12 24 0 0'],
  ['{{ 1738843200000 | date("a h k K H") }}', 'PM 12 12 0 12'],
  ['{{ now().minusHours(21) | date("a h k K H") }}', 'AM 12 24 0 0'],
  ['{{ now().minusYears(2100) | date("G GGGG GGGGG yyyy") }}', 'BC Before Christ B 0076'],
  ['{{ now() | date("QQQQQ qqqqq") }}', '1 1'],
  ['{{ now() | date("Z ZZZ") }}', '+0000 +0000'],
  ['{{ now().minusYears(2100) }}', '-0075-02-06T21:09:02.712Z[UTC]'],
  ['{{ now().plusYears(9999) }}', '+12024-02-06T21:09:02.712Z[UTC]'],
  ['{{ now().minusSeconds(2).toLocalDateTime() }}', '2025-02-06T21:09:00.712'],
  ['{{ -65308593600000 | date("G yyyy", timeZone="America/New_York") }}', 'BC 0101'],
  ['{{ ms | date("zzzz", timeZone="America/New_York") }}', 'Eastern Standard Time'],
  // epoch of ISO text: a day the month has not, an offset beyond ±18:00, a zone in brackets
  ['{{ "2025-02-06T10:00[America/New_York]" | epoch }}', 1738854000],
  ['{{ nil | date("yyyy") }}', null],
  ['{{ nil | epoch }}', null],
];
for (const [text, expected] of cases) {
  test(`date ${text}`, () => {
    expect(evaluate(text, vars)).toEqual(expected);
  });
}

test('now() prints without zero seconds or millis, like ZonedDateTime.toString', () => {
  expect(render('{{ now() }}', {}, { now: () => new Date('2025-02-06T21:09:00.000Z') })).toBe('2025-02-06T21:09Z[UTC]');
  expect(render('{{ now() }}', {}, { now: () => new Date('2025-02-06T21:09:05.000Z') })).toBe('2025-02-06T21:09:05Z[UTC]');
  expect(render('{{ now() }}', {}, { now: () => new Date('2025-02-06T21:09:05.100Z') })).toBe('2025-02-06T21:09:05.100Z[UTC]');
});

test("the cheat sheet's now() | date(…, existingFormat=…) idioms work at instants with zero seconds or millis too", () => {
  const idioms = [
    `{{ now() | date("HHmm", existingFormat="yyyy-MM-dd'T'HH:mm:ss", timeZone="America/New_York") }}`,
    `{{ now() | date("EEEE", existingFormat="yyyy-MM-dd'T'HH:mm:ss.SSS'Z'") }}`,
  ];
  for (const [clock, expected] of [
    ['2025-01-01T00:00:00.000Z', ['1900', 'Wednesday']],
    ['2025-01-01T00:00:05.000Z', ['1900', 'Wednesday']],
    ['2025-02-06T21:09:02.712Z', ['1609', 'Thursday']],
  ] as const) {
    expect(idioms.map((idiom) => render(idiom, {}, { now: () => new Date(clock) })), clock).toEqual(expected);
  }
});

test('the timeZone option is the default zone for formatting and parsing', () => {
  const ny = { timeZone: 'America/New_York' };
  expect(evaluate('{{ ms | date("HH:mm") }}', vars, ny)).toBe('16:09');
  expect(evaluate('{{ "2025-02-06 12:00" | date("HH:mm", existingFormat="yyyy-MM-dd HH:mm", timeZone="UTC") }}', vars, ny)).toBe('17:00');
  expect(evaluate('{{ "February 6, 2025 00:00" | epoch(format="MMMM d, yyyy HH:mm") }}', vars, ny)).toBe(1738818000);
  expect(evaluate('{{ now() }}', vars, ny)).toBe('2025-02-06T21:09:02.712Z[UTC]'); // now() stays UTC
});

test('the clock is only the injected one', () => {
  const later = () => new Date(CLOCK_MILLIS + 1000);
  expect(evaluate('{{ now() | epoch }}', {}, { now: later })).toBe(1738876143);
  expect(evaluate('{{ now() | epoch }}')).toBe(1738876142);
});

test('zone fields of existingFormat are read as SimpleDateFormat reads them (outputs of Pebble on Java 17; null: unparsable)', () => {
  const read = (zone: string, letters: string) =>
    render(`{{ "2025-02-06 10:00 ${zone}" | date("HH:mm", existingFormat="yyyy-MM-dd HH:mm ${letters}") }}`);
  const java: [string, string, string | null][] = [
    // z and Z alike: RFC 822 (+hhmm, hours up to 23, minutes up to 59), GMT (any case) with h:mm or hh:mm, or a name
    ['-0800', 'z', '18:00'],
    ['+2300', 'Z', '11:00'],
    ['gmt-5:30', 'z', '15:30'],
    ['UTC', 'Z', '10:00'],
    ['utc+05:30', 'z', '10:00'], // the name UTC; the rest is text after the last field
    ['Coordinated Universal Time', 'z', '10:00'],
    ['greenwich mean time', 'z', '10:00'],
    ['+05', 'Z', null],
    ['+05:30', 'Z', null],
    ['+0560', 'Z', null],
    ['-2400', 'Z', null],
    ['GMT+5', 'z', null],
    ['GMT-0530', 'z', null],
    ['UT', 'z', null],
    ['Z', 'z', null],
    ['Zulu', 'z', null],
    ['Etc/UTC', 'z', null],
    // X by its count: +hh, +hhmm, +hh:mm, or Z
    ['+0530', 'X', '05:00'],
    ['-0530', 'XX', '15:30'],
    ['+05:30', 'XXX', '04:30'],
    ['Z', 'XXX', '10:00'],
    ['+05:30', 'XX', null],
    ['+0530', 'XXX', null],
    ['5', 'X', null],
  ];
  for (const [zone, letters, expected] of java) {
    if (expected === null) expect(errorOf(() => read(zone, letters)).message, `${zone} ${letters}`).toContain('Could not parse the string');
    else expect(read(zone, letters), `${zone} ${letters}`).toBe(expected);
  }
  // SimpleDateFormat's constructor refuses XXXX, so the text is never read
  expect(errorOf(() => read('+05:30', 'XXXX')).message).toContain('invalid ISO 8601 format: length=4');
});

test('fields of existingFormat as SimpleDateFormat reads them: spaces and tabs before a field, signs, hours of a and h/K/k (outputs of Pebble on Java 17)', () => {
  const java: [string, string][] = [
    ['{{ "2025-02-06 \t 7" | date("HH:mm", existingFormat="yyyy-MM-dd k") }}', '07:00'],
    ['{{ "2025-02-06 -3" | date("yyyy-MM-dd HH:mm", existingFormat="yyyy-MM-dd HH") }}', '2025-02-05 21:00'],
    ['{{ "2025-02-06 12 AM" | date("HH:mm", existingFormat="yyyy-MM-dd h a") }}', '00:00'],
    ['{{ "2025-02-06 3 PM" | date("HH:mm", existingFormat="yyyy-MM-dd K a") }}', '15:00'],
    ['{{ "2025-02-06 PM" | date("HH:mm", existingFormat="yyyy-MM-dd a") }}', '12:00'],
    ['{{ "2025-02-06 3" | date("HH:mm", existingFormat="yyyy-MM-dd h") }}', '03:00'],
    ['{{ "02-06 12:30" | date("yyyy-MM-dd HH:mm", existingFormat="MM-dd HH:mm") }}', '1970-02-06 12:30'],
    // w, W, F and u are read, and the day of the month decides
    ['{{ "2025-02-06 10 2 1 4" | date("yyyy-MM-dd", existingFormat="yyyy-MM-dd w W F u") }}', '2025-02-06'],
  ];
  for (const [text, expected] of java) expect(render(text), text).toBe(expected);
  for (const text of ['{{ "2025-02-06 " | date("HH:mm", existingFormat="yyyy-MM-dd HH") }}', '{{ "Thx 2025" | date("yyyy", existingFormat="EEE yyyy") }}']) {
    expect(errorOf(() => render(text)).message, text).toContain('Could not parse the string');
  }
});

test('two-digit years fall in the century from 80 years before the clock, the first year of it by the instant (Java 17: SimpleDateFormat.set2DigitYearStart at the clock less 80 years)', () => {
  const year = (text: string, timeZone = 'UTC') =>
    render(`{{ "${text}" | date("yyyy-MM-dd HH:mm", existingFormat="dd/MM/yy HH:mm") }}`, {}, { timeZone });
  // the clock is 2025-02-06T21:09:02.712Z: the window starts at 1945-02-06T21:09:02.712
  expect(year('06/02/99 00:00')).toBe('1999-02-06 00:00');
  expect(year('06/02/44 00:00')).toBe('2044-02-06 00:00');
  expect(year('06/02/46 00:00')).toBe('1946-02-06 00:00');
  expect(year('06/02/45 21:09')).toBe('2045-02-06 21:09');
  expect(year('06/02/45 21:10')).toBe('1945-02-06 21:10');
  expect(year('07/02/45 00:00')).toBe('1945-02-07 00:00');
  // in the default zone: New York's clock reads 16:09 then
  expect(year('06/02/45 21:09', 'America/New_York')).toBe('1945-02-06 21:09');
  expect(year('06/02/45 16:09', 'America/New_York')).toBe('2045-02-06 16:09');
});

test('at the edge of the dates a JS Date holds, the local time in another zone is out of range too, never a RangeError or NaN text', () => {
  const ny = { timeZone: 'America/New_York' };
  for (const [text, options] of [
    ['{{ "275760-09-13" | date("yyyy", existingFormat="yyyy-MM-dd") }}', ny], // a RangeError (a flowgrade bug) in the default zone's offset
    ['{{ "+275760-09-13" | epoch }}', ny], // the same
    ['{{ 8640000000000000 | date("yyyy-MM-dd", timeZone="Asia/Tokyo") }}', {}], // printed 0NaN-NaN-NaN
  ] as const) {
    expect(errorOf(() => render(text, {}, options)).message, text).toMatch(/^The date is out of the supported range/);
  }
  // a day short of the edge: Java's text
  expect(render('{{ 8639999913600000 | date("yyyy-MM-dd HH:mm", timeZone="Asia/Tokyo") }}')).toBe('275760-09-12 09:00');
});

test('parsed text beyond the dates a JS Date holds is out of range, not unparsable', () => {
  for (const text of ['{{ "275761-01-01" | date("yyyy", existingFormat="yyyy-MM-dd") }}', '{{ "275761-01-01" | epoch(format="yyyy-MM-dd") }}', '{{ "2025-02-06 99999999999" | date("yyyy", existingFormat="yyyy-MM-dd HH") }}']) {
    expect(errorOf(() => render(text)).message, text).toMatch(/^The date is out of the supported range/);
  }
});

test("the default zone's spring-forward gap and fall-back overlap are read as Java's lenient calendar reads them: the standard offset (outputs of Pebble on Java 17)", () => {
  const read = (text: string) =>
    render(`{{ "${text}" | date("yyyy-MM-dd HH:mm", existingFormat="yyyy-MM-dd HH:mm", timeZone="UTC") }}`, {}, { timeZone: 'America/New_York' });
  expect(read('2025-03-09 01:59')).toBe('2025-03-09 06:59');
  expect(read('2025-03-09 02:30')).toBe('2025-03-09 07:30'); // no such time: 03:30 daylight time
  expect(read('2025-03-09 03:00')).toBe('2025-03-09 07:00');
  expect(read('2025-11-02 00:59')).toBe('2025-11-02 04:59');
  expect(read('2025-11-02 01:30')).toBe('2025-11-02 06:30'); // twice: the second, standard time
  expect(read('2025-11-02 02:00')).toBe('2025-11-02 07:00');
});

test("timeZone ids as java.util.TimeZone reads them: GMT custom ids up to 23 hours, named as themselves; others it does not know are GMT (outputs of Pebble on Java 17)", () => {
  const java: [string, string][] = [
    ['GMT+19', '16:09 +1900 GMT+19:00 GMT+19:00'],
    ['GMT-5', '16:09 -0500 GMT-05:00 GMT-05:00'],
    ['GMT+0', '21:09 +0000 GMT+00:00 GMT+00:00'],
    ['GMT-00:00', '21:09 +0000 GMT-00:00 GMT-00:00'],
    ['GMT+23:59', '21:08 +2359 GMT+23:59 GMT+23:59'],
    ['GMT+24', '21:09 +0000 GMT Greenwich Mean Time'],
    ['GMT+05:60', '21:09 +0000 GMT Greenwich Mean Time'],
    ['Z', '21:09 +0000 GMT Greenwich Mean Time'],
    ['', '21:09 +0000 GMT Greenwich Mean Time'],
    ['UT', '21:09 +0000 GMT Greenwich Mean Time'],
    ['Zulu', '21:09 +0000 UTC Coordinated Universal Time'],
  ];
  for (const [timeZone, expected] of java) {
    expect(render(`{{ ms | date("HH:mm Z z zzzz", timeZone="${timeZone}") }}`, vars), timeZone).toBe(expected);
  }
});

// TimeZone.parseCustomTimeZone takes at most two digits of hours before a colon: the id is GMT.
test('a custom GMT id with three digits of hours before its colon is no custom id: GMT', () => {
  expect(render('{{ ms | date("HH:mm Z z", timeZone="GMT+005:30") }}', vars)).toBe('21:09 +0000 GMT');
});

// TimeZone.parseCustomTimeZone adds the digits up in an int: leading zeros are read, and the number wraps past 2^31.
test('a custom GMT id with many digits is read as Java reads it: leading zeros and all, wrapping as an int (outputs of SimpleDateFormat on OpenJDK 17)', () => {
  const java: [string, string][] = [
    ['GMT+0000000530', '02:39:02 +0530 GMT+05:30'],
    ['GMT-000000000530', '15:39:02 -0530 GMT-05:30'],
    ['GMT+00000000005', '21:14:02 +0005 GMT+00:05'],
    ['GMT+2147483648', '20:49:50 -0019 GMT-00:19'],
    ['GMT+4294967295', '21:08:02 -0001 GMT-00:01'],
    ['GMT+9999999999999999999', '04:00:47 +7851 GMT+78:51'],
    ['GMT+99999999999', '21:09:02 +0000 GMT'],
  ];
  for (const [timeZone, expected] of java) expect(render(`{{ ms | date("HH:mm:ss Z z", timeZone="${timeZone}") }}`, vars), timeZone).toBe(expected);
});

test('region zones are kept in a bounded cache: past its size, each zone still gives its own offsets', () => {
  const zones = Intl.supportedValuesOf('timeZone').slice(0, 80);
  const offsets = () => zones.map((timeZone) => render(`{{ ms | date("Z", timeZone="${timeZone}") }}`, vars));
  const first = offsets();
  expect(offsets()).toEqual(first);
  expect(first[zones.indexOf('Africa/Abidjan')]).toBe('+0000');
});

test('an injected clock that is no valid Date reads as the epoch', () => {
  expect(render('{{ now() | epoch }}', {}, { now: () => new Date(Number.NaN) })).toBe('0');
});

test('SimpleDateFormat prints Z as RFC 822 at any count, and X with the hours only at count 1 (outputs of Pebble on Java 17)', () => {
  expect(render('{{ ms | date("X XX XXX Z ZZZZ", timeZone="Asia/Kolkata") }}', vars)).toBe('+05 +0530 +05:30 +0530 +0530');
  expect(render('{{ ms | date("X XX XXX Z ZZZZ", timeZone="America/St_Johns") }}', vars)).toBe('-03 -0330 -03:30 -0330 -0330');
  expect(errorOf(() => render('{{ ms | date("XXXX") }}', vars)).message).toContain('invalid ISO 8601 format: length=4');
});

const failures: [string, string][] = [
  ['{{ "nope" | date("yyyy", existingFormat="yyyyMMdd") }}', "Could not parse the string 'nope' into a date, with formatting: yyyyMMdd"],
  ['{{ "2025-02-06" | date("yyyy") }}', "Could not parse the string '2025-02-06' into a date, with formatting: yyyy-MM-dd'T'HH:mm:ssZ"],
  ['{{ ms | date("yyyy-bb") }}', "Illegal pattern character 'b'"],
  ['{{ now() | date("bb") }}', 'Unknown pattern letter: b'],
  ['{{ now() | date("HH#mm") }}', "Pattern includes reserved character: '#'"],
  ['{{ now() | date("{HH}") }}', "Pattern includes reserved character: '{'"],
  ['{{ ms | date("\'open") }}', 'Unterminated quote'],
  ['{{ true | date("yyyy") }}', 'Unsupported argument type for date: Boolean'],
  ['{{ ms | date(1) }}', 'Argument format of date must be a String, got Long'],
  ['{{ "not a date" | epoch }}', "Could not parse the string 'not a date' into a date"],
  ['{{ "x" | epoch(format="yyyy") }}', "Could not parse the string 'x'"],
  ['{{ "2025-02-30" | epoch }}', "Could not parse the string '2025-02-30' into a date"],
  ['{{ "2025-02-06T10:00+19:00" | epoch }}', 'Could not parse the string'],
  ['{{ "2025-02-06T10:00+24:00" | epoch }}', 'Could not parse the string'],
  ['{{ "2025-02-06T10:00[Nowhere/Zone]" | epoch }}', 'Could not parse the string'],
  ['{{ true | epoch }}', 'Unsupported argument type for epoch: Boolean'],
  [`{{ "${'x'.repeat(70)}" | date("yyyy", existingFormat="yyyy") }}`, `Could not parse the string '${'x'.repeat(60)}…' into a date`],
  ['{{ now() | epoch(inMillis="yes") }}', 'Argument inMillis of epoch must be a Boolean, got String'],
  ['{{ now() | epoch(millis=true) }}', 'The following named argument does not exist: millis'],
];
for (const [text, message] of failures) {
  test(`date failure ${text}`, () => {
    const error = errorOf(() => evaluate(text, vars));
    expect(error.code).toBe('type');
    expect(error.message).toContain(message);
  });
}

test('plus/minus beyond the dates a JS Date holds is an expression error, also for Longs beyond 2^53 (no TypeError, no NaN date)', () => {
  for (const text of ['{{ now().plusSeconds(9007199254740993) }}', '{{ now().plusDays(9007199254740993) }}', '{{ now().minusHours(9223372036854775807) }}', '{{ now().plusSeconds(9007199254740991) }}', '{{ now().plusYears(300000) }}']) {
    expect(errorOf(() => render(text)).message, text).toMatch(/^The date is out of the supported range/);
  }
  expect(render('{{ now().plusYears(200000) | date("yyyy") }}')).toBe('+202025');
  expect(render('{{ now().minusMonths(5) | date("yyyy-MM") }}')).toBe('2024-09');
});

test('years beyond the pattern width and before year 1, as java.time and SimpleDateFormat print them (outputs of Java 17)', () => {
  const patterns = ['y', 'yy', 'yyy', 'yyyy', 'yyyyy', 'yyyyyy', 'u', 'uuuu', 'uuuuu', 'Y', 'YYYY', 'YYYYY'];
  const java: Record<string, string[]> = {
    // DateTimeFormatter (now() is a ZonedDateTime): four letters or more sign a year with more digits (SignStyle.EXCEEDS_PAD)
    '{{ now().plusYears(10320) | date("%") }}': ['12345', '45', '12345', '+12345', '12345', '012345', '12345', '+12345', '12345', '12345', '+12345', '12345'],
    '{{ now().plusYears(273000) | date("%") }}': ['275025', '25', '275025', '+275025', '+275025', '275025', '275025', '+275025', '+275025', '275025', '+275025', '+275025'],
    '{{ now().minusYears(2030) | date("%") }}': ['6', '06', '006', '0006', '00006', '000006', '-5', '-0005', '-00005', '-5', '-0005', '-00005'],
  };
  for (const [template, outputs] of Object.entries(java)) {
    patterns.forEach((pattern, i) => expect(render(template.replace('%', pattern)), `${template} ${pattern}`).toBe(outputs[i]));
  }
  // SimpleDateFormat (epoch millis are a java.util.Date): never a sign
  const ms = Date.UTC(12345, 5, 15, 10);
  for (const [pattern, output] of [['y', '12345'], ['yy', '45'], ['yyyy', '12345'], ['yyyyy', '12345'], ['YYYY', '12345']]) {
    expect(render(`{{ ms | date("${pattern}") }}`, { ms }), pattern).toBe(output);
  }
});

test('epoch of a Long beyond 2^53 is exact (a Long, as Java keeps it); date of one beyond what a JS Date holds is an expression error', () => {
  expect(render('{{ 9223372036854775807 | epoch(inMillis=true) }}')).toBe('9223372036854775807');
  expect(render('{{ 9007199254740993 | epoch(inMillis=true) }}')).toBe('9007199254740993');
  expect(render('{{ 9223372036854775807 | epoch }}')).toBe('9223372036854775');
  expect(render('{{ -9007199254740993 | epoch }}')).toBe('-9007199254741');
  expect(render('{{ -1500 | epoch }}')).toBe('-2');
  expect(render('{{ [9223372036854775807 | epoch(inMillis=true)] contains 9223372036854775807 }}')).toBe('true');
  expect(errorOf(() => render('{{ 9007199254740993 | date("yyyy") }}')).message).toMatch(/^The date is out of the supported range/);
});
