/**
 * The class dashboard (`index.html` of `flowgrade grade --out`): one self-contained page with a
 * heat-map of attendees × Build steps (passed, partly passed, failed, not checkable), verdict and
 * score, sortable and filterable; the most common failures and who has them; links to every
 * attendee's report; duplicate submissions. The table is plain HTML (readable without scripts);
 * the script in dashboard-assets.ts sorts and filters it from a JSON data block.
 *
 * A batch renders each attendee's row where the report is graded (`renderDashboardRow`, in the
 * grading threads, warm code in parallel) and hands the rows in: writing the page is then joining
 * them, not a thousand rows rendered on one thread after the last grading.
 */
import type { GradeReport } from '../engine/report.js';
import { averagePercent, verdictCounts } from './class-totals.js';
import { DASHBOARD_CSS, DASHBOARD_SCRIPT, DASHBOARD_SCRIPT_HASH } from './dashboard-assets.js';
import { escapeHtml as h, jsonForScript, safeHref } from './escape.js';
import { renderHtmlPage } from './html-page.js';
import { commonFailures, type CommonFailure } from './failures.js';
import { shownAttendeeId } from './attendee-id.js';
import { attendeeIds } from './shared-ids.js';
import { stepHeading, stepTitlesFor, type StepTitles } from './steps.js';
import { formatPoints, percentOf, plural, scoreText, stepStates, type StepState } from './summary.js';

/** Submissions of one attendee of which only the newest was graded. */
export type DuplicateSubmissions = { attendee: string } & ({ kept: string; dropped: readonly string[] } | { files: readonly string[] });

/**
 * How the graded one of an attendee's submissions was chosen, as the dashboard and the Markdown
 * summary say it: the newest in a folder (one id in two folders is two students, both graded).
 */
export const DUPLICATES_RULE = "The newest submission of each attendee in a folder was graded (by the exports' lastModifiedDate when every one of them has one, else by the file times).";

/** The file graded and the files set aside, in either form (a `files` list starts with the one graded). */
export function keptAndSetAside(d: DuplicateSubmissions): [kept: string, setAside: readonly string[]] {
  return 'kept' in d ? [d.kept, d.dropped] : [d.files[0] ?? '', d.files.slice(1)];
}

/**
 * What the class's count of submissions leaves out, said beside it: `1 more set aside as a
 * duplicate` (the files set aside, not graded, listed under Duplicate submissions); empty when none.
 */
export function setAsideNote(duplicates: readonly DuplicateSubmissions[]): string {
  const setAside = setAsideCount(duplicates);
  return setAside === 0 ? '' : `${setAside} more set aside as ${setAside === 1 ? 'a duplicate' : 'duplicates'}`;
}

/** How many submissions were set aside as older duplicates (not graded). */
export function setAsideCount(duplicates: readonly DuplicateSubmissions[]): number {
  return duplicates.reduce((sum, d) => sum + keptAndSetAside(d)[1].length, 0);
}

/** The average score's words: of the gradable submissions only, said when some are not. */
function averageLabel(ungradable: number): string {
  return ungradable === 0 ? 'average score' : 'average score, ungradable ones left out';
}

export interface DashboardOptions {
  /** Where each attendee's HTML report is, relative to the dashboard ('' for none). */
  reportHref: (report: GradeReport) => string;
  duplicates?: readonly DuplicateSubmissions[];
  title?: string;
  /**
   * Each report's row, rendered before (by `renderDashboardRow`), in the order of the reports. A
   * row rendered for other step columns than this class's is rendered again.
   */
  rows?: readonly DashboardRow[];
}

/** One attendee's row of the table, but its link and its place in the class. */
export interface DashboardRow {
  /** The step columns the cells are for (`stepsKey`). */
  steps: string;
  /** Verdict, score and a cell per step (HTML). */
  cells: string;
  /** What the script sorts and filters this row by. */
  data: RowData;
}

interface RowData {
  attendee: string;
  file: string;
  verdict: GradeReport['verdict'];
  percent: number | null;
  steps: Record<string, StepState>;
}

const STATE_MARK: Record<StepState, string> = { passed: '&#10003;', partial: '&#9680;', failed: '&#10007;', 'not-checkable': '&ndash;' };
const STATE_WORDS: Record<StepState, string> = { passed: 'passed', partial: 'partly passed', failed: 'failed', 'not-checkable': 'not checkable from an export' };

export function renderDashboard(reports: readonly GradeReport[], options: DashboardOptions): string {
  const title = options.title ?? 'flowgrade — class results';
  const lab = (reports.find((r) => r.verdict !== 'ungradable') ?? reports[0])?.lab;
  const titles = lab ? stepTitlesFor({ lab }) : {};
  const steps = [...new Set(reports.flatMap((r) => r.checks.map((c) => c.step)))].sort((a, b) => a - b);
  const key = stepsKey(steps);
  const rows = reports.map((report, i) => {
    const row = options.rows?.[i];
    return row?.steps === key ? row : renderDashboardRow(report, steps);
  });
  // The folder every file is in is said once: repeated in every row, it made each row three to
  // five lines tall (a class of 500 printed on 48 pages).
  const { folder, isShared, shown, withinFolder } = attendeeIds(reports);
  const file = (report: GradeReport) => withinFolder(report.input.file);
  const linked = (report: GradeReport) => {
    const href = safeHref(options.reportHref(report));
    const id = h(shown(report));
    return href ? `<a href="${h(href)}">${id}</a>` : id;
  };
  // Named outside the table (where each row has its file), two students sharing an id (the same
  // Main_Flow_<ID> in two folders) have their files after it.
  const named = (report: GradeReport) => (isShared(report) ? `${linked(report)} <span class="fg-file">(${h(file(report))})</span>` : linked(report));
  const setAside = setAsideNote(options.duplicates ?? []);
  const body = [
    '<main class="fg-dash">',
    `<h1>${h(title)}</h1>`,
    `<p class="fg-meta">${lab ? `${h(lab.title)} &middot; ` : ''}${plural(reports.length, 'submission')}${folder ? ` in ${h(folder)}` : ''}${setAside ? ` (${setAside})` : ''}${reports[0] ? ` &middot; graded ${h(reports[0].generatedAt)}` : ''}</p>`,
    totals(reports),
    attendeesTable(reports, rows, steps, titles, linked, file),
    failuresSection(reports, named),
    duplicatesSection(options.duplicates ?? []),
    '</main>',
    `<script type="application/json" id="fg-data">${jsonForScript({ rows: rows.map((row) => row.data) })}</script>`,
    `<script>${DASHBOARD_SCRIPT}</script>`,
  ];
  return renderHtmlPage({ title, scriptSrc: `'${DASHBOARD_SCRIPT_HASH}'`, css: DASHBOARD_CSS, body: body.filter(Boolean).join('\n') });
}

function totals(reports: readonly GradeReport[]): string {
  const count = verdictCounts(reports);
  const average = averagePercent(reports);
  const item = (value: string | number, label: string) => `<li><strong>${h(value)}</strong>${label}</li>`;
  return `<ul class="fg-totals" aria-label="Totals">${item(count.passed, 'passed')}${item(count.failed, 'failed')}${item(count.ungradable, 'ungradable')}${item(average === null ? '—' : `${formatPoints(average)}%`, averageLabel(count.ungradable))}</ul>`;
}

function attendeesTable(
  reports: readonly GradeReport[],
  rows: readonly DashboardRow[],
  steps: number[],
  titles: StepTitles,
  linked: (r: GradeReport) => string,
  file: (r: GradeReport) => string,
): string {
  const sortable = (column: string, label: string, tooltip?: string) =>
    // A button only once the script runs (DASHBOARD_SCRIPT): without it, a heading to click would do nothing.
    `<th scope="col" data-column="${h(column)}" aria-sort="none"${tooltip ? ` title="${h(tooltip)}"` : ''}>${label}</th>`;
  const head = [
    sortable('attendee', 'Attendee'),
    sortable('verdict', 'Verdict'),
    sortable('score', 'Score'),
    ...steps.map((step) => sortable(`step-${step}`, `<span class="fg-sr">Step </span>${step}`, stepHeading(step, titles))),
  ].join('');
  const lines = reports.map((report, i) => `<tr data-row="${i}"><th scope="row">${linked(report)}<div class="fg-file">${h(file(report))}</div></th>${rows[i].cells}</tr>`);
  const legend = (['passed', 'partial', 'failed', 'not-checkable'] as StepState[]).map((s) => `<li><span aria-hidden="true">${STATE_MARK[s]}</span> ${STATE_WORDS[s]}</li>`).join('');
  // What each step column is, on the page: a heading's tooltip is never seen by keyboard or touch, nor on paper.
  const key = steps.filter((step) => titles[step]).map((step) => `<li>${h(stepHeading(step, titles))}</li>`).join('');
  return [
    '<section aria-labelledby="fg-attendees-title">',
    '<h2 id="fg-attendees-title">Attendees</h2>',
    '<div class="fg-controls" id="fg-controls" role="search" hidden>',
    '<div><label for="fg-filter">Filter by attendee or file</label><input type="search" id="fg-filter" autocomplete="off"></div>',
    '<div><label for="fg-verdict-filter">Verdict</label><select id="fg-verdict-filter"><option value="">All</option><option value="passed">Passed</option><option value="failed">Failed</option><option value="ungradable">Ungradable</option></select></div>',
    '<p class="fg-count" id="fg-count" aria-live="polite"></p>',
    '</div>',
    '<div class="fg-table-wrap">',
    `<table class="fg-grid" id="fg-table"><caption>Each Build step: all its checks passed, some, none, or only checkable in Flow Designer / Control Hub.<span class="fg-screen-only" id="fg-sort-note" hidden> Click a column heading to sort.</span></caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${lines.join('\n')}</tbody></table>`,
    '</div>',
    `<ul class="fg-legend" aria-label="Legend">${legend}</ul>`,
    key ? `<ul class="fg-step-key" aria-label="Build steps">${key}</ul>` : '',
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

function failuresSection(reports: readonly GradeReport[], named: (r: GradeReport) => string): string {
  const common = commonFailures(reports);
  if (common.length === 0) return '';
  // A big class's common failure is hundreds of names: the first few are named, the rest one
  // click away ("and 380 more"), so the list stays a list of failures.
  const who = (reports: readonly GradeReport[]) => {
    const names = reports.map(named);
    if (names.length <= NAMED + NAMED_SLACK) return names.join(', ');
    return `${names.slice(0, NAMED).join(', ')}<details class="fg-more"><summary>and ${names.length - NAMED} more</summary>${names.slice(NAMED).join(', ')}</details>`;
  };
  // One fix for everyone, or each fix with the attendees it is for.
  const fixes = (f: CommonFailure) =>
    f.fixes.length === 1
      ? `<p class="fg-hint">How to fix: ${h(f.fixes[0].hint)}</p>`
      : `<p class="fg-hint">How to fix:</p><ul class="fg-hint">${f.fixes.map((fix) => `<li>${h(fix.hint)} &mdash; ${who(fix.reports)}</li>`).join('')}</ul>`;
  const items = common.map((f) => `<li><strong>${h(f.title)}</strong> (step ${f.step}, <code>${h(f.id)}</code>${f.severity === 'recommended' ? ', recommended' : ''}): ${plural(f.reports.length, 'attendee')} &mdash; ${who(f.reports)}${fixes(f)}</li>`);
  return ['<section aria-labelledby="fg-failures-title">', '<h2 id="fg-failures-title">Most common failures</h2>', `<ol class="fg-failures">${items.join('\n')}</ol>`, '</section>'].join('\n');
}

/** How many attendees a common failure (or one of its fixes) names before "and N more"; a few more are named rather than hidden. */
const NAMED = 20;
const NAMED_SLACK = 5;

function duplicatesSection(duplicates: readonly DuplicateSubmissions[]): string {
  if (duplicates.length === 0) return '';
  const rows = duplicates.map((d) => {
    const [graded, setAside] = keptAndSetAside(d);
    const list = (files: readonly string[]) => files.map((f) => `<code>${h(f)}</code>`).join('<br>');
    return `<tr><th scope="row">${h(shownAttendeeId(d.attendee))}</th><td>${list([graded])}</td><td>${list(setAside)}</td></tr>`;
  });
  return [
    '<section aria-labelledby="fg-duplicates-title">',
    '<h2 id="fg-duplicates-title">Duplicate submissions</h2>',
    `<p>${h(DUPLICATES_RULE)}</p>`,
    '<table class="fg-plain"><thead><tr><th scope="col">Attendee</th><th scope="col">Graded</th><th scope="col">Set aside</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody></table>`,
    '</section>',
  ].join('\n');
}

/** `report`'s row for a class whose step columns are `steps` (in order). */
export function renderDashboardRow(report: GradeReport, steps: readonly number[]): DashboardRow {
  const states = stepStates(report);
  const percent = percentOf(report);
  const score = report.score ? `${scoreText(report.score)}${percent === null ? '' : ` (${percent}%)`}` : '&mdash;';
  const cells = steps.map((step) => {
    const state = states.get(step);
    if (!state) return `<td class="fg-cell not-graded"><span class="fg-sr">not graded</span></td>`;
    // The step's title is on its column heading only: repeated in every cell it was a third of a class's page.
    return `<td class="fg-cell ${state}"><span aria-hidden="true">${STATE_MARK[state]}</span><span class="fg-sr">${STATE_WORDS[state]}</span></td>`;
  });
  return {
    steps: stepsKey(steps),
    cells:
      `<td><span class="fg-verdict ${h(report.verdict)}">${h(report.verdict)}</span>${report.error ? `<div class="fg-file">${h(report.error.message)} [${h(report.error.code)}]</div>` : ''}</td>` +
      `<td class="fg-score">${score}</td>${cells.join('')}`,
    data: { attendee: shownAttendeeId(report.attendee.id), file: report.input.file, verdict: report.verdict, percent, steps: Object.fromEntries([...states].map(([step, state]) => [String(step), state])) },
  };
}

/** The step columns of a class, as `DashboardRow.steps` records them. */
function stepsKey(steps: readonly number[]): string {
  return steps.join(',');
}
