/** The page's own words around a report: the one-line summary and the message for a file that cannot be graded. */
import { formatBytes } from '../engine/json-text.js';
import type { GradeReport } from '../engine/report.js';
import { wordList } from '../engine/word-list.js';
import { firstCodePoints } from '../reports/code-points.js';
// The page's lines name files and quote what the loader met, which come from strangers: each is a
// printableLine, control characters and bidi controls written as `\u202e`-style escapes, as the CLI
// writes its messages (a name ending in U+202E would show the rest of the line backwards).
import { printableLine } from '../reports/escape.js';
import { scoreText } from '../reports/summary.js';
import type { FailureReason } from './failure-reason.js';

/** `Main_Flow_140.json: passed, 100/100 points` — for the status line (read out by screen readers). */
export function summaryLine(report: GradeReport): string {
  if (report.verdict === 'ungradable') return printableLine(`${report.input.file} could not be graded.`);
  const score = report.score ? `, ${scoreText(report.score)} points` : '';
  return printableLine(`${report.input.file}: ${report.verdict}${score}.`);
}

/**
 * The browser tab's title with a report on show: the result first, as a tab shows a title's start
 * and an attendee with several tabs open finds theirs by it (`FAILED 91/110 · Main_Flow_140 ·
 * flowgrade self-check`), the file named as in the status line, less its `.json`; `page` is the
 * page's own title, which comes back when no result is on show.
 */
export function tabTitle(report: GradeReport, page: string): string {
  const score = report.score ? ` ${scoreText(report.score)}` : '';
  return printableLine(`${report.verdict.toUpperCase()}${score} · ${report.input.file.replace(/\.json$/i, '')} · ${page}`);
}

/** The loader's reason in the CLI's form: `Main_Flow_140.json: not valid JSON … [not-json]`. */
export function errorLine(report: GradeReport): string {
  const error = report.error ?? { code: 'ungradable', message: 'could not be graded' };
  return printableLine(`${report.input.file}: ${error.message} [${error.code}]`);
}

/** What the page knows of a file given, to name it and to tell it from another of its name. */
interface GivenFile {
  name: string;
  size?: number;
  lastModified?: number;
  folder?: boolean;
}

/**
 * Of several files given at once, the one to grade: the first that can be the export, by its name:
 * a `.json` file (an export, beside a screenshot or the zip it came in), else a `.zip` (a zipped
 * export: the page says to unzip it), else the first (a screenshot given with the zipped export was
 * graded, and named as not JSON, the zip only as not graded); the others are named as not graded.
 * A file given twice (its name, size and last-modified time the same: picked from a folder and again
 * from a shortcut to it) is one file: named as not graded, it was the graded one's name said twice.
 */
export function oneToGrade<F extends GivenFile>(files: readonly F[]): { file: F; others: F[] } {
  const distinct = files.filter((file, i) => files.findIndex((other) => sameFile(file, other)) === i);
  const named = (pattern: RegExp) => distinct.findIndex((file) => !file.folder && pattern.test(file.name));
  const index = [named(/\.json$/i), named(/\.zip$/i), 0].find((i) => i >= 0)!;
  return { file: distinct[index], others: distinct.filter((_, i) => i !== index) };
}

function sameFile(a: GivenFile, b: GivenFile): boolean {
  return a.name === b.name && a.size === b.size && a.lastModified === b.lastModified && !a.folder === !b.folder;
}

/**
 * After the summary when several files were given at once (the first is graded): the others, by name
 * (at most three, then a count). One of the graded file's name (`graded`: an old and a new export of
 * one flow, from two folders) is told apart by what a file manager shows of it, else the line would
 * say one name was graded and not graded, and not which export the result is for.
 */
export function notGradedNote(others: readonly GivenFile[], graded?: GivenFile): string {
  if (others.length === 0) return '';
  const named = (names: string[]) => wordList(names.length > 3 ? [...names.slice(0, 3), `${names.length - 3} more`] : names);
  const nameOf = (other: GivenFile) => (graded !== undefined && other.name === graded.name ? `another ${other.name} (${whatTellsApart(other, graded)})` : other.name);
  // A file named as no export (a screenshot, a PDF beside it) is not to be given on its own.
  const exportLike = (name: string) => /\.(?:json|zip)$/i.test(name) || !/\.[^.]+$/.test(name);
  const files = others.filter((other) => !other.folder && exportLike(other.name)).map(nameOf);
  const notExports = others.filter((other) => !other.folder && !exportLike(other.name)).map(nameOf);
  // A folder given on its own is not graded either (its message says to drop the .json inside): say that now.
  const folders = others.filter((other) => other.folder).map(nameOf);
  const sentences: string[] = [];
  if (files.length > 0) sentences.push(`${named(files)} ${files.length === 1 ? 'was not; give it on its own' : 'were not; give them one by one'}.`);
  if (notExports.length > 0) sentences.push(`${named(notExports)} ${notExports.length === 1 ? 'was' : 'were'} not${files.length > 0 ? ' either' : ''} (only a flow export, a .json file, is graded).`);
  if (folders.length > 0) {
    const one = folders.length === 1;
    sentences.push(`${named(folders)}, ${one ? 'a folder, was' : 'folders, were'} not${files.length + notExports.length > 0 ? ' either' : ''}; give the .json file inside ${one ? 'it' : 'each'} on its own.`);
  }
  return printableLine(` Only one file is graded at a time: ${sentences.join(' ')}`);
}

/**
 * `older, modified 2026-12-01 10:32; the one graded: 2026-12-07 09:15` (local times, as the file
 * manager shows them, to the minute, or as finely as tells the two apart), else, the same time,
 * `151234 bytes; the one graded: 150998 bytes`.
 */
function whatTellsApart(other: GivenFile, graded: GivenFile): string {
  if (other.lastModified !== undefined && graded.lastModified !== undefined && other.lastModified !== graded.lastModified) {
    const [its, theirs] = [localTime(other.lastModified), localTime(graded.lastModified)];
    // To the minute, the second or the millisecond: the first at which they differ.
    const length = [16, 19, 23].find((end) => its.slice(0, end) !== theirs.slice(0, end)) ?? 23;
    return `${other.lastModified < graded.lastModified ? 'older' : 'newer'}, modified ${its.slice(0, length)}; the one graded: ${theirs.slice(0, length)}`;
  }
  if (other.size !== undefined && graded.size !== undefined) return `${formatBytes(other.size)}; the one graded: ${formatBytes(graded.size)}`;
  return 'not the one graded';
}

/** `2026-12-01 10:32:05.123`, in the browser's time zone. */
function localTime(ms: number): string {
  const date = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

const EXPORT_AGAIN = 'Export the flow again from Flow Designer and drop the new .json file.';

/**
 * What to do next, for each reason a file cannot be graded. A Record over the whole union: a
 * reason added to FAILURE_REASONS without its advice fails the typecheck.
 */
const ADVICE: Record<FailureReason, string> = {
  folder: 'Give the exported .json file itself, not a folder: open the folder and drop the .json file inside.',
  // Shown for every limit (the file's size, a string's length, the activities or variables counted): no size words.
  'too-large': 'No flow exported by Flow Designer comes near this limit: check that you picked the exported flow (.json), as Flow Designer wrote it.',
  unreadable: 'The browser could not read it: give the exported .json file itself (not a folder); if it changed or moved since you picked it, pick it again.',
  'changed-since-given': 'If you exported it again, moved or renamed it since you picked it, pick it again.',
  'refused-on-first-read': 'Make sure it is on this computer and not open in another program (a OneDrive or Google Drive file kept online only: right-click it, Always keep on this device), then pick it again.',
  // The line above says to unzip it: exporting again would give a .json the attendee already has.
  zip: 'Unzip it first (on Windows: right-click, Extract All), then drop the .json file from the unzipped folder.',
  'not-json': EXPORT_AGAIN,
  'not-a-flow': 'This is not a Flow Designer flow export. In Flow Designer, open your flow and use Export, then drop that .json file.',
  'unusable-export': EXPORT_AGAIN,
  // The CLI finishes such a pattern (V8's linear-time engine, which a page cannot turn on).
  'grading-timeout':
    'Look in your flow for a regular expression (in matches, split or replaceAll) that repeats several things in a row, such as a*a*b, on a long text; or ask your instructor to run flowgrade check on the file, which finishes such patterns.',
  // Every current browser has workers; a site's policy may still refuse them (the page's own allows its blob: worker).
  'no-grading-worker':
    'Open the page in a current browser (Chrome, Edge, Firefox or Safari). If it still cannot grade, the site hosting the page refuses its worker: ask your instructor to run flowgrade check on the file, or to host the page where it may start one.',
  'internal-error': 'Please tell your instructor; flowgrade check on the command line gives the same grade.',
};

/** What to do next about a file that could not be graded, by why (the line above it says what was found). */
export function errorAdvice(reason: FailureReason): string {
  return ADVICE[reason];
}

/**
 * A file name safe for a download: the attendee id with anything but letters and digits (of any
 * script: `Émilie` lost its `É` to ASCII's \w) and `.`, `_`, `-` replaced, at most 100 characters.
 */
export function downloadName(report: GradeReport, extension: string): string {
  const cleaned = report.attendee.id.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '_').replace(/^[._]+/, '');
  const base = firstCodePoints(cleaned, 100) || 'report'; // whole characters, never half an emoji's pair
  return `${base}.flowgrade.${extension}`;
}
