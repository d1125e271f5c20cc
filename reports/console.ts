/**
 * The console report: checks grouped by Build step with ✓ / ✗ / – marks; under each failure its
 * message, expected/actual, where, the hint and the trace excerpt; then a one-line summary. Colours
 * come in as functions (chalk, or identity under NO_COLOR); export text has control characters removed.
 */
import type { CheckResult, GradeReport } from '../engine/report.js';
import { escapeTerminal as t } from './escape.js';
import { stepHeading, stepTitlesFor, type StepTitles } from './steps.js';
import { byStep, firstFix, fixOf, formatPoints, isFailure, placeOf, pointCount, summaryLine } from './summary.js';
import { renderTraceTable } from './trace-table.js';

/** Colour functions: the CLI passes chalk (or identity functions under NO_COLOR). */
export interface ColorFns {
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export interface ConsoleOptions {
  color: ColorFns;
  /** Only the failures (and required checks not judged) and the summary line. */
  quiet?: boolean;
  /** Build step titles; default: the report's mission's (reports/steps.ts). */
  stepTitles?: StepTitles;
}

/** Identity colours, for NO_COLOR and files. */
export const NO_COLOR: ColorFns = { green: (s) => s, red: (s) => s, yellow: (s) => s, dim: (s) => s, bold: (s) => s };

export function renderConsole(report: GradeReport, options: ConsoleOptions): string {
  const { color: c, quiet = false } = options;
  const titles = stepTitlesFor(report, options.stepTitles);
  // Quiet output and ungradable files end in one line that names the file itself.
  const oneLine = quiet || report.verdict === 'ungradable';
  const lines = oneLine ? [] : [`${c.bold(t(report.input.file))} ${c.dim(`— attendee ${t(report.attendee.id)}, ${t(report.lab.title)}`)}`, ''];
  const first = oneLine ? undefined : firstFix(report);
  if (first) lines.splice(1, 0, c.red(`Fix first: Step ${first.step} — ${t(first.title)}`), `  ${t(fixOf(first))}`);
  if (report.verdict !== 'ungradable') {
    for (const [step, checks] of byStep(report.checks)) {
      const shown = quiet ? checks.filter(needsAttention) : checks;
      if (shown.length === 0) continue;
      lines.push(c.bold(t(stepHeading(step, titles))));
      for (const check of shown) lines.push(...renderCheck(check, c));
      lines.push('');
    }
  }
  const summary = (oneLine ? `${t(report.input.file)}: ` : '') + t(summaryLine(report));
  lines.push(report.verdict === 'passed' ? c.green(summary) : report.verdict === 'failed' ? c.red(summary) : c.yellow(summary));
  return lines.join('\n') + '\n';
}

function renderCheck(check: CheckResult, c: ColorFns): string[] {
  // A check not judged (its cause is reported by another) lost no points of its own.
  const points = check.severity === 'info' ? '' : c.dim(check.status === 'skipped' ? ` (not judged, ${pointCount(check.points)})` : ` (${formatPoints(check.earned)}/${formatPoints(check.points)})`);
  const severity = check.severity === 'required' || check.status === 'passed' ? '' : c.dim(` [${check.severity}]`);
  const lines = [`  ${mark(check, c)} ${t(check.title)}${points}${severity}`];
  if (!isFailure(check)) {
    if (check.status !== 'passed') lines.push(`      ${c.dim(t(check.message))}`);
    return lines;
  }
  lines.push(`      ${t(check.message)}`);
  if (check.expected !== undefined) lines.push(`      ${c.dim('expected:')} ${t(check.expected)}`);
  if (check.actual !== undefined) lines.push(`      ${c.dim('actual:  ')} ${t(check.actual)}`);
  const place = placeOf(check);
  if (place !== undefined) lines.push(`      ${c.dim('where:   ')} ${t(place)}`);
  lines.push(`      ${c.yellow('hint:')}     ${t(fixOf(check))}`);
  if (check.traceExcerpt?.length) lines.push(c.dim(renderTraceTable(check.traceExcerpt, '      ').trimEnd()));
  lines.push(`      ${c.dim(`more:     flowgrade explain ${t(check.id)}`)}`);
  return lines;
}

function mark(check: CheckResult, c: ColorFns): string {
  if (check.status === 'passed') return c.green('✓');
  if (isFailure(check)) return check.severity === 'required' ? c.red('✗') : c.yellow('✗');
  return c.dim('–');
}

/** Shown in quiet mode: failures, and required checks not judged (they fail the verdict too). */
function needsAttention(check: CheckResult): boolean {
  return isFailure(check) || (check.status === 'skipped' && check.severity === 'required');
}
