/**
 * One name, two Unicode forms: macOS writes file names decomposed (NFD: `e` + U+0301, in zips of
 * its Archive Utility and on HFS+), most other software composed (NFC: `é`). A broken resubmission
 * `Main_Flow_José (1).json` from a Mac takes its attendee id from its file name, decomposed; the
 * export it follows says `Main_Flow_José`, composed. The two look the same and are one attendee:
 * one of them is set aside as a duplicate, and both would get the same report file name.
 */
import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expandGlob } from '../../../cli/grade/glob.js';
import { tempDir } from '../../helpers.js';
import { keepNewest } from '../../../cli/grade/duplicates.js';
import { assignFileNames, nameClashKey, safeBaseName } from '../../../cli/grade/file-names.js';
import type { GradedRow } from '../../../cli/grade/types.js';
import type { GradeReport } from '../../../engine/report.js';
import type { ClassRow } from '../../../reports/index.js';

const COMPOSED = 'Jos\u00e9';
const DECOMPOSED = 'Jose\u0301';

function row(attendee: string, file: string, mtimeMs: number): GradedRow {
  const report = { attendee: { id: attendee, source: 'file-name' }, input: { file, sha256: '' }, verdict: 'passed' } as GradeReport;
  return { index: 0, file, folder: 'class', mtimeMs, report, classRow: {} as ClassRow };
}

test('an attendee id composed (NFC) and decomposed (NFD, from a Mac) is one attendee: the older submission is set aside', () => {
  const rows = [row(COMPOSED, 'class/Main_Flow_José.json', 1000), row(DECOMPOSED, 'class/Main_Flow_José (1).json', 2000)];
  const { kept, duplicates } = keepNewest(rows);
  expect(kept.map((r) => r.file)).toEqual(['class/Main_Flow_José (1).json']);
  expect(duplicates).toHaveLength(1);
});

test('an id composed or decomposed gets the same report file name, and the same --shard group', () => {
  expect(safeBaseName(DECOMPOSED)).toBe(safeBaseName(COMPOSED));
  expect(nameClashKey(DECOMPOSED)).toBe(nameClashKey(COMPOSED));
  expect(assignFileNames([COMPOSED, DECOMPOSED])).toEqual(['Jos_', 'Jos_-2']); // two ids still: two files
});

test('a quoted pattern matches a name in either Unicode form (typed composed, stored decomposed by macOS)', async () => {
  const dir = tempDir('glob-nfd');
  writeFileSync(path.join(dir, `Main_Flow_${DECOMPOSED}.json`), '{}');
  writeFileSync(path.join(dir, 'Main_Flow_Ana.json'), '{}');
  expect((await expandGlob(`${dir}/Main_Flow_${COMPOSED}*.json`, () => {})).files).toEqual([path.join(dir, `Main_Flow_${DECOMPOSED}.json`)]);
  expect((await expandGlob(`${dir}/Main_Flow_Jos?.json`, () => {})).files).toEqual([path.join(dir, `Main_Flow_${DECOMPOSED}.json`)]); // é is one character
  expect((await expandGlob(`${dir}/Main_Flow_${DECOMPOSED}.json`.replace('Main', 'M?in'), () => {})).files).toEqual([path.join(dir, `Main_Flow_${DECOMPOSED}.json`)]);
});
