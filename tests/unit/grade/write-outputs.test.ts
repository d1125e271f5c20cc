/** The end of a batch: staged reports moved to their names, then the class files, last. */
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveGradingOptions } from '../../../cli/grading-options.js';
import { classColumns, stagedPath } from '../../../cli/grade/task.js';
import type { GradedRow } from '../../../cli/grade/types.js';
import { writeOutputs } from '../../../cli/grade/write-outputs.js';
import { refusedReport } from '../../../engine/grade.js';
import { renderClassRow } from '../../../reports/index.js';
import { tempDir } from '../../helpers.js';

async function rows(count: number): Promise<GradedRow[]> {
  const options = await resolveGradingOptions({ lab: 'callback-on-global-error', now: '2025-08-01T09:00:00Z' });
  return Array.from({ length: count }, (_, index) => {
    const report = refusedReport({ code: 'empty-file', message: 'file is empty' }, { ...options, fileName: `Main_Flow_${100 + index}.json` });
    return { index, file: report.input.file, folder: '.', mtimeMs: 0, report, classRow: renderClassRow(report, classColumns(options.mission)) };
  });
}

function staged(count: number, missing?: number): { outDir: string; stagingDir: string } {
  const outDir = tempDir('write-outputs');
  const stagingDir = path.join(outDir, '.flowgrade-staging-test');
  mkdirSync(stagingDir);
  for (let index = 0; index < count; index++) {
    if (index === missing) continue;
    for (const extension of ['json', 'html'] as const) writeFileSync(stagedPath(stagingDir, index, extension), `${index}.${extension}`);
  }
  return { outDir, stagingDir };
}

test('every report moved to its name, then the four class files; nothing left in staging', async () => {
  const dirs = staged(3);
  expect(await writeOutputs({ ...dirs, rows: await rows(3), duplicates: [], checkIds: ['flow-name'] })).toEqual(['100', '101', '102']);
  expect(readdirSync(dirs.outDir).filter((f) => !f.startsWith('.')).sort()).toEqual(['100.html', '100.json', '101.html', '101.json', '102.html', '102.json', 'grades.csv', 'index.html', 'junit.xml', 'summary.md']);
  expect(readdirSync(dirs.stagingDir)).toEqual([]);
});

test('the gradebook has a column per check of the mission, even with only ungradable rows (shards line up)', async () => {
  const dirs = staged(2);
  await writeOutputs({ ...dirs, rows: await rows(2), duplicates: [], checkIds: ['flow-name', 'variable-getresult'] });
  const header = readFileSync(path.join(dirs.outDir, 'grades.csv'), 'utf8').split('\r\n')[0];
  expect(header).toBe('\ufeffattendee,file,verdict,earned,possible,percent,error,notes,flow-name,variable-getresult'); // (UTF-8 BOM first, for Excel)
});

test('when a report cannot be moved (a run stopped on the way), no dashboard links to it: the class files stay out', async () => {
  const dirs = staged(3, 1);
  await expect(writeOutputs({ ...dirs, rows: await rows(3), duplicates: [], checkIds: ['flow-name'] })).rejects.toThrow(/ENOENT/);
  for (const file of ['index.html', 'grades.csv', 'junit.xml', 'summary.md']) expect(existsSync(path.join(dirs.outDir, file)), file).toBe(false);
});

test('over an earlier run, a run stopped while moving its reports leaves none of the earlier class files: no old dashboard or gradebook passes for this run, linking its new reports', async () => {
  const dirs = staged(3, 1);
  for (const file of ['index.html', 'grades.csv', 'junit.xml', 'summary.md']) writeFileSync(path.join(dirs.outDir, file), `earlier run's ${file}`);
  await expect(writeOutputs({ ...dirs, rows: await rows(3), duplicates: [], checkIds: ['flow-name'] })).rejects.toThrow(/ENOENT/);
  expect(existsSync(path.join(dirs.outDir, '100.json'))).toBe(true); // moved: this run's
  for (const file of ['index.html', 'grades.csv', 'junit.xml', 'summary.md']) expect(existsSync(path.join(dirs.outDir, file)), file).toBe(false);
});
