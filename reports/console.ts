/**
 * The console report: checks grouped by Build step with ✓ / ✗ / – marks; under each failure its
 * message, expected/actual, where, the hint and the trace excerpt; then a one-line summary. Colours
 * come in as functions (the CLI's chalk, of level 0 when colour is off); export text has control characters removed.
 */
import { DEFAULT_MISSION_ID } from '../checks/index.js';
import type { CheckResult, GradeReport } from '../engine/report.js';
import { shownAttendeeId } from './attendee-id.js';
import { escapeTerminal as t } from './escape.js';
import { stepHeading, stepTitlesFor } from './steps.js';
import { byStep, firstFix, fixOf, formatPoints, isFailure, placeOf, pointCount, summaryLine } from './summary.js';
import { renderTraceTable } from './trace-table.js';

/**
 * Colour functions: the CLI passes a chalk instance, of level 0 (no ANSI code) when colour is off
 * (--no-color, NO_COLOR, output that is no terminal).
 */
export interface ColorFns {
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export interface ConsoleOptions {
  color: ColorFns;
  /** Only the Fix first line (without its hint), the failures (and required checks not judged) and the summary line. */
  quiet?: boolean;
  /**
   * The terminal's width in columns: messages, expected/actual and hints wrap under their label,
   * and a trace's details are cut to fit. None (a pipe, a file): every item on one line.
   */
  width?: number;
  /** The marks of a check passed, failed, and neither (default ✓ ✗ –; BASIC_MARKS where a terminal lacks those). */
  marks?: Marks;
}

export interface Marks {
  passed: string;
  failed: string;
  other: string;
}

const UNICODE_MARKS: Marks = { passed: '✓', failed: '✗', other: '–' };

/** For Windows' own console, whose fonts have no ✓ nor ✗ (code page 437's √, and ×, are in all of them). */
export const BASIC_MARKS: Marks = { passed: '√', failed: '×', other: '–' };

/** Identity colours (no ANSI code), for callers without chalk, e.g. the tests; the CLI does not use them. */
export const NO_COLOR: ColorFns = { green: (s) => s, red: (s) => s, yellow: (s) => s, dim: (s) => s, bold: (s) => s };

export function renderConsole(report: GradeReport, options: ConsoleOptions): string {
  const { color: c, quiet = false } = options;
  const titles = stepTitlesFor(report);
  // Quiet output and ungradable files end in one line that names the file itself.
  const oneLine = quiet || report.verdict === 'ungradable';
  const lines = oneLine ? [] : [`${c.bold(t(report.input.file))} ${c.dim(`— attendee ${t(shownAttendeeId(report.attendee.id))}, ${t(report.lab.title)}`)}`, ''];
  const width = options.width === undefined ? undefined : Math.max(MIN_WIDTH, options.width);
  const first = report.verdict === 'ungradable' ? undefined : firstFix(report);
  if (first && !quiet) lines.splice(1, 0, c.red(`Fix first: Step ${first.step} — ${t(first.title)}`), ...wrapped('  ', 2, t(fixOf(first)), 2, width));
  // Quiet output lists the failures in Build-step order, a recommended one among them, so the first
  // listed is not always the one to fix first: that line stays, its hint is the check's own below.
  if (first && quiet) lines.push(...wrapText(t(`Fix first: Step ${first.step} — ${first.title}`), 0, 2, width).map((line, i) => c.red(i === 0 ? line : `  ${line}`)), '');
  if (report.verdict !== 'ungradable') {
    for (const [step, checks] of byStep(report.checks)) {
      const shown = quiet ? checks.filter(needsAttention) : checks;
      if (shown.length === 0) continue;
      lines.push(...wrapText(t(stepHeading(step, titles)), 0, 9, width).map((line, i) => c.bold(i === 0 ? line : ' '.repeat(9) + line)));
      for (const check of shown) lines.push(...renderCheck(check, report.lab.id, c, width, options.marks ?? UNICODE_MARKS));
      lines.push('');
    }
    if (!quiet) lines.push(...renderScenarios(report, c, width, options.marks ?? UNICODE_MARKS));
  }
  const summary = (oneLine ? `${t(report.input.file)}: ` : '') + t(summaryLine(report));
  lines.push(report.verdict === 'passed' ? c.green(summary) : report.verdict === 'failed' ? c.red(summary) : c.yellow(summary));
  return lines.join('\n') + '\n';
}

function renderCheck(check: CheckResult, lab: string, c: ColorFns, width: number | undefined, marks: Marks): string[] {
  // A check not judged (its cause is reported by another) lost no points of its own.
  const points = check.severity === 'info' ? '' : check.status === 'skipped' ? ` (not judged, ${pointCount(check.points)})` : ` (${formatPoints(check.earned)}/${formatPoints(check.points)})`;
  const severity = check.severity === 'required' || check.status === 'passed' ? '' : ` [${check.severity}]`;
  const tail = (points && c.dim(points)) + (severity && c.dim(severity));
  // The points and severity follow the title's last line, or go under it when they do not fit.
  const tailWidth = [...points].length + severity.length;
  const title = wrapText(t(check.title), 4, 4, width);
  const lines = title.map((line, i) => (i === 0 ? `  ${mark(check, c, marks)} ` : '    ') + line);
  const last = [...title[title.length - 1]].length + 4;
  if (width !== undefined && tailWidth > 0 && last + tailWidth > width) lines.push(`   ${tail}`);
  else lines[lines.length - 1] += tail;
  if (!isFailure(check)) {
    if (check.status !== 'passed') lines.push(...wrapText(t(check.message), 6, 6, width).map((line) => `      ${c.dim(line)}`));
    return lines;
  }
  lines.push(...wrapped('      ', 6, t(check.message), 6, width));
  // A label's column is 16 wide ("      expected: "): its text continues under itself.
  const field = (label: string, text: string) => lines.push(...wrapped(`      ${label} `, 16, text, 16, width));
  if (check.expected !== undefined) field(c.dim('expected:'), t(check.expected));
  if (check.actual !== undefined) field(c.dim('actual:  '), t(check.actual));
  const place = placeOf(check);
  if (place !== undefined) field(c.dim('where:   '), t(place));
  field(`${c.yellow('hint:')}    `, t(fixOf(check)));
  if (check.traceExcerpt?.length) lines.push(c.dim(renderTraceTable(check.traceExcerpt, '      ', width).trimEnd()));
  // The command that prints the check's page: `explain` looks in the default mission unless told.
  lines.push(`      ${c.dim(`more:     flowgrade explain ${t(check.id)}${lab === DEFAULT_MISSION_ID ? '' : ` --lab ${t(lab)}`}`)}`);
  return lines;
}

/**
 * The simulated calls, one line each, as the HTML report's "Simulated calls" lists them: how each
 * ended, and what its summary adds (a request not mocked, a Subflow taken to return, an event flow
 * not run), which no check's message carries when the call passed.
 */
function renderScenarios(report: GradeReport, c: ColorFns, width: number | undefined, marks: Marks): string[] {
  if (report.scenarios.length === 0) return [];
  const lines = [c.bold('Simulated calls')];
  for (const scenario of report.scenarios) {
    const mark = scenario.passed ? c.green(marks.passed) : c.red(marks.failed);
    const [first, ...rest] = wrapText(t(`${scenario.title}: ${scenario.summary}`), 4, 4, width);
    lines.push(`  ${mark} ${first}`, ...rest.map((line) => `    ${line}`));
  }
  return [...lines, ''];
}

/** Narrower than this, wrapping would leave a word or two a line: wrap at this width instead. */
const MIN_WIDTH = 40;

/** `head` (`headWidth` columns wide, maybe coloured) then `text`, wrapped at `width`, the rest indented by `indent`. */
function wrapped(head: string, headWidth: number, text: string, indent: number, width: number | undefined): string[] {
  const [first, ...rest] = wrapText(text, headWidth, indent, width);
  return [head + first, ...rest.map((line) => ' '.repeat(indent) + line)];
}

/** The text split at spaces, but not at those inside {{ }} (a template to copy whole). */
function words(text: string): string[] {
  const result: string[] = [];
  let word = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('{{', i)) depth++;
    else if (text.startsWith('}}', i) && depth > 0) depth--;
    if (text[i] === ' ' && depth === 0) {
      result.push(word);
      word = '';
    } else word += text[i];
  }
  result.push(word);
  return result;
}

/**
 * `text` in lines that fit `width` columns after a first-line lead of `lead` columns and an
 * indent of `indent` on the others, broken at spaces outside {{ }}; a word longer than a line (a URL) stays
 * whole on a line of its own. No width: the text as one line.
 */
function wrapText(text: string, lead: number, indent: number, width: number | undefined): string[] {
  if (width === undefined) return [text];
  const lines: string[] = [];
  let line = '';
  let length = 0;
  let room = width - lead;
  for (const word of words(text)) {
    const size = [...word].length;
    if (length > 0 && length + 1 + size > room) {
      lines.push(line);
      [line, length, room] = [word, size, width - indent];
    } else {
      line = length > 0 || line !== '' ? `${line} ${word}` : word;
      length += (length > 0 ? 1 : 0) + size;
    }
  }
  lines.push(line);
  return lines;
}

function mark(check: CheckResult, c: ColorFns, marks: Marks): string {
  if (check.status === 'passed') return c.green(marks.passed);
  if (isFailure(check)) return check.severity === 'required' ? c.red(marks.failed) : c.yellow(marks.failed);
  return c.dim(marks.other);
}

/** Shown in quiet mode: failures, and required checks not judged (they fail the verdict too). */
function needsAttention(check: CheckResult): boolean {
  return isFailure(check) || (check.status === 'skipped' && check.severity === 'required');
}
