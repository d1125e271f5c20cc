/**
 * Class files joined from rows rendered before (as a batch's grading threads render them) are the
 * files rendered from the reports; rows rendered for other columns are rendered again.
 */
import { test, expect } from '@playwright/test';
import type { GradeReport } from '../../../engine/report.js';
import { renderClassRow, renderCsv, renderDashboard, renderJunit, renderJunitDocument, renderMarkdown, type ClassColumns, type ClassRow } from '../../../reports/index.js';
import { failedReport, hostileReport, hostileUngradable, passedReport, ungradableReport } from './sample-reports.js';

const href = (report: GradeReport) => `${report.attendee.id}.html`;

/** The columns of a class: every step and check id its reports have, as a mission lists them. */
function columnsOf(reports: readonly GradeReport[]): ClassColumns {
  const checks = reports.flatMap((report) => report.checks);
  return { steps: [...new Set(checks.map((check) => check.step))].sort((a, b) => a - b), checkIds: [...new Set(checks.map((check) => check.id))] };
}

function classFiles(reports: readonly GradeReport[], checkIds: readonly string[], rows?: readonly ClassRow[]) {
  return {
    dashboard: renderDashboard(reports, { reportHref: href, rows: rows?.map((row) => row.dashboard) }),
    csv: renderCsv(reports, { checkIds, notes: reports.map((_, i) => `note ${i}`), rows: rows?.map((row) => row.csv) }),
    junit: rows ? renderJunitDocument(rows.map((row) => row.junit)) : renderJunit(reports),
    markdown: renderMarkdown(reports, { rows: rows?.map((row) => row.markdown) }),
  };
}

const CLASSES: Record<string, () => GradeReport[]> = {
  'a class': () => [passedReport(), failedReport(), ungradableReport()],
  'hostile strings': () => [hostileReport(), hostileUngradable(), passedReport()],
  'only ungradable rows': () => [ungradableReport(), hostileUngradable()],
};

for (const [name, make] of Object.entries(CLASSES)) {
  test(`${name}: the files joined from rows rendered before are the files rendered from the reports`, () => {
    const reports = make();
    const columns = columnsOf([passedReport(), failedReport(), ...reports]); // the mission's, also for a class without a graded row
    const rows = reports.map((report) => renderClassRow(report, columns));
    expect(classFiles(reports, columns.checkIds, rows)).toEqual(classFiles(reports, columns.checkIds));
  });
}

test('rows rendered for other step or check columns are rendered again for the class', () => {
  const reports = [passedReport(), failedReport(), ungradableReport()];
  const { checkIds } = columnsOf(reports);
  for (const columns of [{ steps: [1], checkIds }, { steps: columnsOf(reports).steps, checkIds: checkIds.slice(1) }, { steps: [], checkIds: [] }]) {
    const rows = reports.map((report) => renderClassRow(report, columns));
    expect(classFiles(reports, checkIds, rows)).toEqual(classFiles(reports, checkIds));
  }
});

test('rows rendered for the class’s columns are used as given, not rendered again', () => {
  const reports = [passedReport(), failedReport()];
  const columns = columnsOf(reports);
  const rows = reports.map((report) => renderClassRow(report, columns));
  rows[1] = {
    ...rows[1],
    dashboard: { ...rows[1].dashboard, cells: '<td>GIVEN</td>' },
    csv: { ...rows[1].csv, fields: 'GIVEN' },
    markdown: '| GIVEN |',
  };
  const files = classFiles(reports, columns.checkIds, rows);
  expect(files.dashboard).toContain('<td>GIVEN</td></tr>');
  expect(files.csv.split('\r\n')[2]).toMatch(/^GIVEN,note 1,/);
  expect(files.markdown).toContain('\n| GIVEN |\n');
});
