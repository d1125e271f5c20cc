/**
 * The files a batch writes into `--out`: per attendee `<name>.json` and `<name>.html` (staged by
 * the graders, renamed here once names are known), and the class-level `index.html`, `grades.csv`,
 * `junit.xml` and `summary.md`. Rows arrive sorted (attendee id, then path), so every file is the
 * same whatever the parallelism.
 */
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GradeReport } from '../../engine/report.js';
import { escapeMarkdown, renderCsv, renderDashboard, renderJunitDocument, renderMarkdown } from '../../reports/index.js';
import type { Duplicate } from './duplicates.js';
import { assignFileNames } from './file-names.js';
import { stagedPath } from './task.js';
import type { GradedRow } from './types.js';

export interface Outputs {
  outDir: string;
  stagingDir: string;
  /** Kept rows, sorted. */
  rows: GradedRow[];
  duplicates: Duplicate[];
}

/** Writes everything; returns the base name given to each row. */
export function writeOutputs(outputs: Outputs): string[] {
  const { outDir, stagingDir, rows, duplicates } = outputs;
  const names = assignFileNames(rows.map((row) => row.report.attendee.id));
  for (const [i, row] of rows.entries()) {
    for (const extension of ['json', 'html'] as const) {
      renameSync(stagedPath(stagingDir, row.index, extension), path.join(outDir, `${names[i]}.${extension}`));
    }
  }
  const reports = rows.map((row) => row.report);
  const hrefs = new Map<GradeReport, string>(reports.map((report, i) => [report, `${encodeURIComponent(names[i])}.html`]));
  writeFileSync(path.join(outDir, 'index.html'), renderDashboard(reports, { reportHref: (report: GradeReport) => hrefs.get(report) ?? '', duplicates }));
  writeFileSync(path.join(outDir, 'grades.csv'), renderCsv(reports, { notes: duplicateNotes(duplicates) }));
  writeFileSync(path.join(outDir, 'junit.xml'), renderJunitDocument(rows.map((row) => row.junit)));
  writeFileSync(path.join(outDir, 'summary.md'), renderMarkdown(reports) + duplicatesSection(duplicates));
  return names;
}

/** CSV notes by input file: the kept row of each duplicated attendee says what was set aside. */
function duplicateNotes(duplicates: Duplicate[]): Record<string, string> {
  return Object.fromEntries(duplicates.map((d) => [d.kept, `newest of ${d.dropped.length + 1} submissions; set aside: ${d.dropped.join(', ')}`]));
}

/** The duplicates, for summary.md (attendee ids and paths come from untrusted inputs: escaped). */
function duplicatesSection(duplicates: Duplicate[]): string {
  if (duplicates.length === 0) return '';
  const lines = duplicates.map((d) => `- ${escapeMarkdown(d.attendee)}: kept ${escapeMarkdown(d.kept)}; set aside ${d.dropped.map(escapeMarkdown).join(', ')}`);
  return `\n## Duplicate submissions\n\nThe newest submission of each attendee was graded (by the export's lastModifiedDate, else the file time).\n\n${lines.join('\n')}\n`;
}
