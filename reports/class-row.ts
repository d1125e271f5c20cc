/**
 * One attendee's share of the class-level files (junit.xml, index.html, grades.csv, summary.md),
 * rendered from the report alone. A batch renders it where the report is graded — in the grading
 * threads, in parallel, by code the thousand reports before have made fast — so that writing the
 * class files after the last grading is joining strings, not a class of rows rendered on one thread.
 */
import type { GradeReport } from '../engine/report.js';
import { renderCsvRow, type CsvRow } from './csv.js';
import { renderDashboardRow, type DashboardRow } from './dashboard.js';
import { renderJunitSuite, type JunitOptions, type JunitSuite } from './junit.js';
import { renderMarkdownRow } from './markdown.js';

export interface ClassRow {
  junit: JunitSuite;
  dashboard: DashboardRow;
  csv: CsvRow;
  markdown: string;
}

/** The columns a class's files have: Build steps (the heat-map) and check ids (the gradebook), in order. */
export interface ClassColumns {
  steps: readonly number[];
  checkIds: readonly string[];
}

/**
 * `columns` are what the class is expected to have (a mission's steps and checks); a row joined
 * into a class with other columns is rendered again there, so the files never depend on the guess.
 * `junit`: how its <testsuite> writes a recommended check not met (junit.ts).
 */
export function renderClassRow(report: GradeReport, columns: ClassColumns, junit: JunitOptions = {}): ClassRow {
  return {
    junit: renderJunitSuite(report, junit),
    dashboard: renderDashboardRow(report, columns.steps),
    csv: renderCsvRow(report, columns.checkIds),
    markdown: renderMarkdownRow(report),
  };
}
