/**
 * A Markdown summary for CI job summaries and pull-request comments: totals, a table with a row
 * per attendee (verdict, score, failing Build steps; folded past FOLDED_ABOVE), the most common
 * failures, and the attendees with duplicate submissions. What it leaves out is listed in full
 * elsewhere (`fullListing`: the dashboard of `grade`, each file's report for `check`). Every value
 * goes through `escapeMarkdown`, so export text (attendee ids, file names, labels in messages)
 * renders as text: no HTML, links, emphasis or broken tables, and no @mention or issue reference
 * (see `md`). A batch renders each attendee's row where the report is graded
 * (`renderMarkdownRow`) and hands the rows in, as for the dashboard.
 * Export text is clipped (attendee ids as every output cuts them, attendee-id.ts, file paths to
 * NAME_LIMIT characters, messages and hints to TEXT_LIMIT),
 * so the summary's size grows with the class, not with what one export holds.
 */
import type { GradeReport } from '../engine/report.js';
import { utf8Length } from '../engine/json-text.js';
import { firstFew } from '../engine/word-list.js';
import { averagePercent, verdictCounts } from './class-totals.js';
import { clipText } from './code-points.js';
import { escapeMarkdown } from './escape.js';
import { DUPLICATES_RULE, keptAndSetAside, setAsideNote, type DuplicateSubmissions } from './dashboard.js';
import { commonFailures, type CommonFailure } from './failures.js';
import { shownAttendeeId } from './attendee-id.js';
import { attendeeIds, type AttendeeIds } from './shared-ids.js';
import { stepsToFix, formatPoints, plural, scoreText } from './summary.js';
import { stepTitlesFor } from './steps.js';

export interface MarkdownOptions {
  title?: string;
  /** How many of the most common failures to list (default 10). */
  topFailures?: number;
  /** Each report's table row, rendered before (by `renderMarkdownRow`), in the order of the reports. */
  rows?: readonly string[];
  /** Attendees who handed in more than one submission, listed after the failures. */
  duplicates?: readonly DuplicateSubmissions[];
  /**
   * Where what the summary leaves out is listed in full, as its "(see …)" says: by default the
   * dashboard, which `grade` writes beside summary.md.
   */
  fullListing?: string;
}

/**
 * Attendees named per common failure (fewer to stay within SUMMARY_BYTES: NAMING); the rest are
 * counted. A whole class per failure would make the summary grow with failures × attendees, past
 * what a pull-request comment takes (GitHub: 65,536 characters); the full listing (`fullListing`)
 * has them all.
 */
export const NAMED_PER_FAILURE = 10;

/**
 * Fixes listed per common failure, the most common first. A hint can quote the attendee's own
 * labels, so a class can need as many fixes as attendees; the full listing has them all.
 */
const FIXES_SHOWN = 5;

/** Attendees with duplicate submissions listed, and files set aside listed per attendee; the rest are counted. */
export const DUPLICATES_SHOWN = 20;
export const SET_ASIDE_SHOWN = 5;

/**
 * Attendees past which their table is folded in `<details>` (GitHub and GitLab show a summary line
 * to open it): a class's 500 rows would otherwise come before the most common failures.
 */
const FOLDED_ABOVE = 20;

/** Characters of a file's path shown (of an attendee id, as many: attendee-id.ts). */
const NAME_LIMIT = 200;
/** Characters of an ungradable file's reason, or of a hint, shown. */
const TEXT_LIMIT = 500;

/**
 * Export text as Markdown inline text (`escapeMarkdown`), with GitHub's references in it broken.
 * GitHub finds @mentions and issue references (`#1`, `GH-1`, `owner/repo#1`) in the rendered HTML's
 * text, where a backslash escape no longer shows, so `\@octocat` in a pull-request comment still
 * notifies octocat. An empty <span></span> after the `@`, the `#` or the `GH-` splits that text
 * (as the workaround of an empty HTML comment does, which would read as one from the export); it
 * is not shown, so the value reads as written.
 */
const md = (value: string) => escapeMarkdown(value).replace(REFERENCE, '$&<span></span>');
/** An escaped `@` or `#` (escapeMarkdown escapes every one), or `GH-` before a digit. */
const REFERENCE = /\\[@#]|GH\\-(?=\d)/gi;

/** A file's path, clipped and escaped. */
const name = (value: string) => md(clipText(value, NAME_LIMIT));
/** A reason or a hint, clipped and escaped. */
const text = (value: string) => md(clipText(value, TEXT_LIMIT));

const attendee = (report: GradeReport) => md(shownAttendeeId(report.attendee.id));
/** How the summary names an attendee of the class. */
type Label = (report: GradeReport) => string;

/**
 * The attendee, and the file when another student of the class has the same id (the same
 * Main_Flow_<ID> in two folders), less the folder every file is in: `141 (group-b/Main_Flow_141.json)`,
 * as the dashboard and junit.xml name them.
 */
function labelsIn({ shared, withinFolder, isShared, shown }: AttendeeIds): Label {
  const id = (report: GradeReport) => md(shown(report));
  if (shared.size === 0) return id;
  return (report) => (isShared(report) ? `${id(report)} (${name(withinFolder(report.input.file))})` : id(report));
}

const VERDICT: Record<GradeReport['verdict'], string> = { passed: '✅ passed', failed: '❌ failed', ungradable: '⚠️ ungradable' };

export function renderMarkdown(reports: readonly GradeReport[], options: MarkdownOptions = {}): string {
  const count = verdictCounts(reports);
  const average = averagePercent(reports);
  const ids = attendeeIds(reports);
  const label = labelsIn(ids);
  const folded = reports.length > FOLDED_ABOVE;
  const see = `(see ${options.fullListing ?? 'the dashboard'})`;
  const setAside = setAsideNote(options.duplicates ?? []);
  const lines = [
    `# ${md(options.title ?? 'flowgrade results')}`,
    '',
    `**${plural(reports.length, 'submission')}**: ${count.passed} passed, ${count.failed} failed, ${count.ungradable} ungradable.${setAside ? ` ${setAside}.` : ''}${average === null ? '' : ` Average score ${formatPoints(average)}%${count.ungradable ? ' (ungradable ones left out)' : ''}.`}`,
    '',
  ];
  const tableHead = ['| Attendee | Verdict | Score | Failing steps |', '| --- | --- | --- | --- |'];
  // A row rendered alone (renderMarkdownRow) cannot know that another attendee has its id.
  const rows = reports.map((report, i) => (ids.isShared(report) ? row(report, label) : (options.rows?.[i] ?? renderMarkdownRow(report))));
  const failures = commonFailures(reports);
  const top = options.topFailures ?? 10;
  const tailAt = (naming: number, shown = top) => [
    ...(folded ? ['', '</details>'] : []),
    ...failuresSection(failures, shown, naming, label, see),
    ...duplicatesSection(options.duplicates ?? [], naming, see),
  ];
  const room = (tail: readonly string[]) => SUMMARY_BYTES - bytesOf(lines) - bytesOf(tableHead) - bytesOf(tail) - FOLD_BYTES;
  const tail = tailWithin(tailAt, top, room, fewestRowsBytes(rows, see));
  const { kept, left } = rowsWithin(rows, room(tail), see);
  const table = left > 0 ? [...kept, moreRow(left, see)] : kept;
  // Folded, the summary line is all that shows: it says when the table is cut too.
  const cut = left > 0 ? ` (the first ${kept.length} listed, ${WITHIN})` : '';
  const fold = folded ? ['<details>', `<summary>${plural(reports.length, 'submission')}${cut}: attendee, verdict, score and failing Build steps</summary>`, ''] : [];
  return [...lines, ...fold, ...tableHead, ...table, ...tail].join('\n') + '\n';
}

/** Why a part of the summary is cut, as each note says it. */
const WITHIN = "to stay within GitHub's 1 MiB per job summary";

/**
 * Attendees named per list of the most common failures (per failure, per fix), fullest first; files
 * set aside named per duplicate are as many, at most SET_ASIDE_SHOWN. With ids of 200 characters that
 * escape to 15 bytes each (`@`), one name is 3 KB and a failure naming 10 attendees and 10 more per fix
 * 120 KB: ten such failures alone passed GitHub's 1 MiB, and the attendees table was left with no row.
 * The summary names fewer, then none (counts them), before it lists fewer than ROWS_KEPT attendees.
 */
const NAMING = [NAMED_PER_FAILURE, 5, 2, 1, 0];

/** Attendees table rows kept before the failures and duplicates name fewer attendees: as many as show unfolded. */
const ROWS_KEPT = FOLDED_ABOVE;

/** Bytes of the attendees table's first ROWS_KEPT rows, with the row counting the others. */
function fewestRowsBytes(rows: readonly string[], see: string): number {
  return rows.length <= ROWS_KEPT ? bytesOf(rows) : bytesOf([...rows.slice(0, ROWS_KEPT), moreRow(rows.length - ROWS_KEPT, see)]);
}

/**
 * The sections after the attendees table (`tailAt`: as many named per list, as many failures shown)
 * that leave `fewest` bytes for its rows: the first naming of NAMING that does. Counted, not named,
 * and still too long (only a caller asking for many more failures than 10 gets here), the failures
 * table ends early too, its last row counting the checks left out: the most it can keep, one at least.
 */
function tailWithin(tailAt: (naming: number, shown?: number) => string[], top: number, room: (tail: readonly string[]) => number, fewest: number): string[] {
  for (const naming of NAMING) {
    const tail = tailAt(naming);
    if (room(tail) >= fewest) return tail;
  }
  let [most, least] = [top, Math.min(top, 1)]; // each failure shown adds a row: the bytes grow with how many
  while (least < most) {
    const shown = Math.ceil((least + most) / 2);
    if (room(tailAt(0, shown)) >= fewest) least = shown;
    else most = shown - 1;
  }
  return tailAt(0, least);
}

/**
 * The `top` most common failures: each with its Build step, who (`naming` named) and how
 * to fix it (FIXES_SHOWN fixes); a last row counts the checks that failed beyond them, so the table
 * does not read as every failure of the class. Naming fewer than NAMED_PER_FAILURE, a line says so.
 */
function failuresSection(all: readonly CommonFailure[], top: number, naming: number, label: Label, see: string): string[] {
  const common = all.slice(0, top);
  if (common.length === 0) return [];
  const named = (reports: readonly GradeReport[]) => namedIn(reports, label, naming);
  const note = naming === NAMED_PER_FAILURE ? [] : [namingNote(naming, see), ''];
  const lines = ['', '## Most common failures', '', ...note, '| Check | Step | Attendees | How to fix |', '| --- | --- | --- | --- |'];
  for (const f of common) {
    const fixes =
      f.fixes.length === 1
        ? text(f.fixes[0].hint)
        : firstFew(
            f.fixes.map((fix) => `${text(fix.hint)} (${naming === 0 ? plural(fix.reports.length, 'attendee') : named(fix.reports)})`),
            FIXES_SHOWN,
            { between: '; ', others: (left) => `${left} other ${left === 1 ? 'fix' : 'fixes'} ${see}` },
          );
    const who = naming === 0 ? String(f.reports.length) : `${f.reports.length}: ${named(f.reports)}`;
    lines.push(`| ${md(f.title)} (${md(f.id)}${f.severity === 'recommended' ? ', recommended' : ''}) | ${stepCell(f.step, f.reports[0])} | ${who} | ${fixes} |`);
  }
  const left = all.length - common.length;
  if (left > 0) lines.push(`| and ${plural(left, 'more check')} that failed ${see} | | | |`);
  return lines;
}

/** What the failures name when they name fewer than NAMED_PER_FAILURE attendees per list. */
function namingNote(naming: number, see: string): string {
  if (naming === 0) return `Attendees are counted, not named, ${WITHIN} ${see}.`;
  return `Each failure, and each of its fixes, names its first ${naming === 1 ? 'attendee' : `${naming} attendees`}, ${WITHIN} ${see}.`;
}

/** Bytes kept for the `<details>` lines around a folded table (some 190 at most). */
const FOLD_BYTES = 300;

const moreRow = (left: number, see: string) => `| and ${plural(left, 'more attendee')} ${see} | | | |`;

/**
 * Most bytes of summary.md. GitHub takes 1 MiB (1,048,576 bytes) per job summary; a class of 500
 * whose ids and reasons are clipped but made of characters of 4 bytes (emoji) or escaped to 5
 * (`&amp;`) came to more. Past it, the attendees table ends early, with a count of the rows left
 * out (the full listing has them all), and its folded summary line says how many it lists; left
 * fewer than ROWS_KEPT rows, the failures and duplicates name fewer (NAMING). The totals and the
 * most common failures are always there.
 */
export const SUMMARY_BYTES = 1_000_000;

/** The table rows that fit in `budget` bytes with the row counting the others (moreRow), and how many are left out. */
function rowsWithin(rows: readonly string[], budget: number, see: string): { kept: string[]; left: number } {
  if (bytesOf(rows) <= budget) return { kept: [...rows], left: 0 };
  const kept: string[] = [];
  let used = 0;
  for (const line of rows) {
    const size = bytesOf([line]);
    if (used + size + bytesOf([moreRow(rows.length - kept.length, see)]) > budget) break;
    kept.push(line);
    used += size;
  }
  return { kept, left: rows.length - kept.length };
}

/** UTF-8 bytes of `lines` joined by line breaks, one counted per line. */
function bytesOf(lines: readonly string[]): number {
  let bytes = 0;
  for (const line of lines) bytes += 1 + utf8Length(line);
  return bytes;
}

/**
 * The duplicates: ids and paths come from untrusted inputs (escaped, clipped), and their number is
 * capped; the files set aside per attendee are named up to `naming` (SET_ASIDE_SHOWN at most), a line
 * saying so when fewer.
 */
function duplicatesSection(duplicates: readonly DuplicateSubmissions[], naming: number, see: string): string[] {
  if (duplicates.length === 0) return [];
  const shown = Math.min(naming, SET_ASIDE_SHOWN);
  const items = duplicates.slice(0, DUPLICATES_SHOWN).map((d) => {
    const [kept, setAside] = keptAndSetAside(d);
    return `- ${md(shownAttendeeId(d.attendee))}: kept ${name(kept)}; set aside ${shown === 0 ? plural(setAside.length, 'file') : firstFew(setAside.map(name), shown)}`;
  });
  const more = duplicates.length - DUPLICATES_SHOWN;
  const note = shown === SET_ASIDE_SHOWN ? [] : [setAsideNamingNote(shown, see), ''];
  return [
    '',
    '## Duplicate submissions',
    '',
    DUPLICATES_RULE,
    '',
    ...note,
    ...items,
    ...(more > 0 ? [`- and ${plural(more, 'other attendee')} ${see}`] : []),
  ];
}

/** What the duplicates name when they name fewer than SET_ASIDE_SHOWN files set aside per attendee. */
function setAsideNamingNote(shown: number, see: string): string {
  if (shown === 0) return `The files set aside are counted, not named, ${WITHIN} ${see}.`;
  return `Each attendee's first ${shown === 1 ? 'file' : `${shown} files`} set aside named, ${WITHIN} ${see}.`;
}

/** `141, 150` or, past `naming`, `141, 150, …, 199 and 12 more`. */
function namedIn(reports: readonly GradeReport[], label: Label, naming: number): string {
  return firstFew(reports.map(label), naming);
}

/**
 * A common failure's Build step: its number and title (`4 — Add the HTTP Request GET_CBID …`), as
 * the console report heads it, since the attendees table gives steps by number only; the number
 * alone for a lab flowgrade does not know.
 */
function stepCell(step: number, report: GradeReport): string {
  const title = stepTitlesFor(report)[step];
  return title ? `${step} — ${md(title)}` : String(step);
}

/** `report`'s row of the attendees table. */
export function renderMarkdownRow(report: GradeReport): string {
  return row(report, attendee);
}

function row(report: GradeReport, label: Label): string {
  const score = report.score ? scoreText(report.score) : '—';
  const failing =
    report.verdict === 'ungradable'
      ? `${text(report.error?.message ?? 'not a readable flow export')} ${md(`[${report.error?.code ?? 'unknown'}]`)}`
      : stepsToFix(report).join(', ') || '—';
  return `| ${label(report)} | ${VERDICT[report.verdict]} | ${score} | ${failing} |`;
}
