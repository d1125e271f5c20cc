/**
 * Two submissions for one attendee in one folder: keep the newest — by the exports'
 * `lastModifiedDate` when every one of them has it, else by the files' modification times (a zip
 * entry's own) — ties broken by the smaller display path, so the choice never depends on input
 * order, parallelism or the machine's time zone. Ungradable rows take part too (their attendee id
 * comes from the file name).
 */
import { submissionFolderOf } from '../../engine/attendee.js';
import type { GradedRow } from './types.js';
import { compareCodePoints } from './walk.js';

export interface Duplicate {
  attendee: string;
  /** Display path of the submission kept (told apart from the others' when they read alike: see tellApart). */
  kept: string;
  /** Display paths of the older submissions set aside (not graded into the outputs), told apart alike. */
  dropped: string[];
  /** The kept submission's own display path, when `kept` had to be told apart from another's. */
  keptFile?: string;
}

export function keepNewest(rows: GradedRow[]): { kept: GradedRow[]; duplicates: Duplicate[] } {
  // One attendee id in two folders is two students (a learning platform gives each student a
  // folder of their own: two who renamed their flow alike must not lose one grade to the other);
  // a resubmission lies beside the first submission, or, from Brightspace, in a folder of its own
  // whose name gives the same student (submissionFolderOf).
  const groups = groupBy(rows, (row) => duplicateKey(row.report.attendee.id, row.folder));
  const kept: GradedRow[] = [];
  const duplicates: Duplicate[] = [];
  for (const group of groups.values()) {
    const ordered = newestFirst(group);
    kept.push(ordered[0]);
    if (ordered.length === 1) continue;
    const [keptAs, ...droppedAs] = tellApart(ordered);
    duplicates.push({ attendee: ordered[0].report.attendee.id, kept: keptAs!, dropped: droppedAs, ...(keptAs === ordered[0].file ? {} : { keptFile: ordered[0].file }) });
  }
  return { kept: sortRows(kept), duplicates: duplicates.sort((a, b) => compareCodePoints(a.attendee, b.attendee) || compareCodePoints(a.kept, b.kept)) };
}

/**
 * The display paths of one attendee's submissions, told apart where they read alike: two entries
 * of one name in an archive by their place in it (`a.zip!/X.json (entry 2)`), two names alike but
 * for their Unicode form (composed and decomposed, as macOS writes names) by the characters that
 * differ between the forms, as escapes (`Jos\u00e9.json`, `Jose\u0301.json`).
 */
function tellApart(rows: readonly GradedRow[]): string[] {
  return rows.map((row) => {
    const lookAlike = rows.some((other) => other.file !== row.file && other.file.normalize('NFC') === row.file.normalize('NFC'));
    const shown = lookAlike ? escapeForms(row.file) : row.file;
    const twice = row.entry !== undefined && rows.some((other) => other !== row && other.file === row.file);
    return twice ? `${shown} (entry ${row.entry})` : shown;
  });
}

/** Each character whose composed and decomposed forms differ (é, and a combining accent) as a `\uXXXX` escape. */
function escapeForms(file: string): string {
  return [...file].map((char) => (/\p{M}/u.test(char) || char.normalize('NFD') !== char ? `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}` : char)).join('');
}

/** The items by key, keys and items in their first order. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T, at: number) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  items.forEach((item, at) => {
    const key = keyOf(item, at);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  });
  return groups;
}

/**
 * Submissions with the same key are one attendee's, and only one of them is kept. An id composed
 * (NFC) and decomposed (NFD: macOS writes file names so, and a broken upload's id comes from its
 * file name) is one id. Brightspace's folders of one student's submissions are one folder.
 */
function duplicateKey(attendee: string, folder: string): string {
  return JSON.stringify([attendee.normalize('NFC'), submissionFolderOf(folder)]);
}

/** The order of every output: attendee id, then display path. */
export function sortRows(rows: GradedRow[]): GradedRow[] {
  return [...rows].sort((a, b) => compareCodePoints(a.report.attendee.id, b.report.attendee.id) || compareCodePoints(a.file, b.file));
}

/**
 * An export's lastModifiedDate is when it was saved in Flow Designer; a file's time is when it was
 * downloaded, copied or uploaded: two clocks that cannot be compared (a broken upload would beat
 * every export downloaded before it). So the export dates decide when every submission of the
 * group has one (then the file times, then the path), else the file times decide for all alike.
 * Two entries of one name in an archive that tie on all of these: the later one, which an
 * extractor leaves in place of the first, and an archive appended to holds as the newer.
 */
function newestFirst(group: GradedRow[]): GradedRow[] {
  const declared = group.map((row) => declaredTime(row.report.input.lastModified));
  const byDeclared = declared.every(Number.isFinite);
  return group
    .map((row, at) => ({ row, time: byDeclared ? declared[at] : row.mtimeMs }))
    .sort((a, b) => b.time - a.time || b.row.mtimeMs - a.row.mtimeMs || compareCodePoints(a.row.file, b.row.file) || (b.row.entry ?? 0) - (a.row.entry ?? 0) || a.row.index - b.row.index)
    .map(({ row }) => row);
}

const ISO_DATE_TIME = /^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?))?(Z|[+-]\d\d:?\d\d)?$/i;

/**
 * A lastModifiedDate in ms: ISO 8601, as exports write it. Flow Designer writes no time zone
 * (`2025-07-29T10:37:05.902`): such a time is read as UTC, so that the choice is the same on every
 * machine (JavaScript would read it in the machine's zone). Anything else, or a day the month does not have (JavaScript reads 30 February as 2 March):
 * NaN (no date).
 */
export function declaredTime(text: string | undefined): number {
  const match = ISO_DATE_TIME.exec(text?.trim() ?? '');
  if (!match) return NaN;
  const [, date, time = '00:00', zone = 'Z'] = match;
  if (!isCalendarDate(date!)) return NaN;
  return Date.parse(`${date}T${time.replace(/(\.\d{3})\d+$/, '$1')}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone.toUpperCase()}`);
}

/** `YYYY-MM-DD` names a day of the calendar. */
function isCalendarDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day); // (Date.UTC would read the years 0–99 as 1900–1999)
  return at.getUTCMonth() === month - 1 && at.getUTCDate() === day;
}
