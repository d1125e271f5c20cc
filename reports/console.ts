/** The console report: checks grouped by Build step, hints under failures, a one-line summary. */
import type { CheckResult, GradeReport } from '../engine/report.js';
import { byStep, DEFAULT_STEP_TITLES, summarize } from './summary.js';
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
  /** Only the summary line and the failures. */
  quiet?: boolean;
  stepTitles?: Record<number, string>;
}

export function renderConsole(report: GradeReport, options: ConsoleOptions): string {
  const { color: c, quiet = false } = options;
  const titles = options.stepTitles ?? DEFAULT_STEP_TITLES;
  const summary = summarize(report);
  const header = `${c.bold(report.input.file)} ${c.dim(`— attendee ${report.attendee.id}, ${report.lab.title}`)}`;
  if (report.verdict === 'ungradable') return `${c.bold(report.input.file)}: ${c.red(summary.line)}\n`;
  const lines = [header];
  for (const [step, checks] of byStep(report.checks)) {
    const shown = quiet ? checks.filter((check) => isProblem(check) || check.status === 'skipped') : checks;
    if (shown.length === 0) continue;
    lines.push('', c.bold(`Step ${step} — ${titles[step] ?? ''}`.trimEnd()));
    for (const check of shown) lines.push(...renderCheck(check, c));
  }
  const verdict = report.verdict === 'passed' ? c.green(summary.line) : c.red(summary.line);
  lines.push('', verdict);
  return lines.join('\n') + '\n';
}

function renderCheck(check: CheckResult, c: ColorFns): string[] {
  const mark =
    check.status === 'passed' ? c.green('✓') : check.status === 'info' || check.status === 'skipped' ? c.dim('–') : check.severity === 'required' ? c.red('✗') : c.yellow('!');
  const points = check.severity === 'info' ? '' : c.dim(` (${check.earned}/${check.points})`);
  const lines = [`  ${mark} ${check.title}${points}`];
  if (!isProblem(check)) {
    if (check.status === 'info' || check.status === 'skipped') lines.push(`    ${c.dim(check.message)}`);
    return lines;
  }
  lines.push(`    ${check.message}`);
  if (check.expected !== undefined) lines.push(`    ${c.dim('expected:')} ${check.expected}`);
  if (check.actual !== undefined) lines.push(`    ${c.dim('actual:  ')} ${check.actual}`);
  if (check.activity) lines.push(`    ${c.dim('where:   ')} ${check.activity}${check.pointer ? c.dim(` (${check.pointer})`) : ''}`);
  lines.push(`    ${c.yellow('hint:')} ${check.hint}`);
  if (check.traceExcerpt?.length) lines.push(c.dim(renderTraceTable(check.traceExcerpt, '      ').trimEnd()));
  lines.push(c.dim(`    (flowgrade explain ${check.id})`));
  return lines;
}

function isProblem(check: CheckResult): boolean {
  return check.status === 'failed' || check.status === 'errored';
}
