/**
 * Two submissions of one attendee whose paths read alike — two entries of one name in an archive,
 * or two names alike but for their Unicode form (composed, NFC, and decomposed, NFD, as macOS
 * writes them) — are told apart where the duplicates are listed: `kept a.zip!/X.json (entry 2); set
 * aside a.zip!/X.json (entry 1)`, the entry's place in its archive; the forms' characters as
 * escapes. Before, the line named one path twice: which was graded could not be told.
 */
import { test, expect } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { keepNewest } from '../../../cli/grade/duplicates.js';
import type { GradedRow } from '../../../cli/grade/types.js';
import { expandArchive, type ZipLimits } from '../../../cli/grade/zip.js';
import type { GradeReport } from '../../../engine/report.js';
import type { ClassRow } from '../../../reports/index.js';
import { fixturePath, runCli, tempDir } from '../../helpers.js';

const LIMITS: ZipLimits = { maxEntryBytes: 20 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024, maxEntries: 10_000 };
const FLOW = new TextEncoder().encode('{"name":"Main_Flow_1","process":{}}');

function row(file: string, options: { entry?: number; lastModified?: string } = {}): GradedRow {
  const report = { attendee: { id: '7', source: 'flow-name' }, input: { file, sha256: '', lastModified: options.lastModified }, verdict: 'passed' } as GradeReport;
  return { index: 0, file, folder: 'class.zip!/Ann', mtimeMs: 0, report, classRow: {} as ClassRow, ...(options.entry === undefined ? {} : { entry: options.entry }) };
}

/** Two entries of one name (the first and third: a file between them): Bob's entry renamed as Ann's, in its own header and the directory. */
function twoOfOneName(first: Uint8Array, second: Uint8Array, name = 'Ann/Main_Flow_7.json'): Uint8Array {
  const other = name.replace('Ann', 'Bob');
  const zip = zipSync({ [name]: first, 'Ann/notes.txt': FLOW, [other]: second });
  const from = new TextEncoder().encode(other);
  const to = new TextEncoder().encode(name);
  for (let i = 0; i + from.length <= zip.length; i++) if (from.every((b, k) => zip[i + k] === b)) zip.set(to, i);
  return zip;
}

test('zip: entries of one name carry their place in the archive; an entry whose name is its own carries none', () => {
  const candidates = expandArchive(twoOfOneName(FLOW, FLOW), 'class.zip', 0, LIMITS);
  expect(candidates.map((c) => [c.file, c.kind === 'refused' ? undefined : c.entry])).toEqual([
    ['class.zip!/Ann/Main_Flow_7.json', 1],
    ['class.zip!/Ann/Main_Flow_7.json', 3], // before: no place, the two candidates alike
  ]);
  expect(expandArchive(zipSync({ 'a.json': FLOW }), 'class.zip', 0, LIMITS)).toMatchObject([{ file: 'class.zip!/a.json' }]);
  expect('entry' in expandArchive(zipSync({ 'a.json': FLOW }), 'class.zip', 0, LIMITS)[0]!).toBe(false);
});

test('duplicates: two entries of one name are told apart by their place; two forms of one name by escapes', () => {
  const same = keepNewest([row('class.zip!/Ann/X.json', { entry: 1, lastModified: '2025-01-01T00:00:00' }), row('class.zip!/Ann/X.json', { entry: 3, lastModified: '2025-02-01T00:00:00' })]);
  // Before: kept 'class.zip!/Ann/X.json', dropped ['class.zip!/Ann/X.json'].
  expect(same.duplicates).toEqual([{ attendee: '7', kept: 'class.zip!/Ann/X.json (entry 3)', dropped: ['class.zip!/Ann/X.json (entry 1)'], keptFile: 'class.zip!/Ann/X.json' }]);
  const forms = keepNewest([row('class.zip!/Ann/Jos\u00e9.json', { lastModified: '2025-01-01T00:00:00' }), row('class.zip!/Ann/Jose\u0301.json', { lastModified: '2025-02-01T00:00:00' })]);
  expect(forms.duplicates).toEqual([
    { attendee: '7', kept: 'class.zip!/Ann/Jose\\u0301.json', dropped: ['class.zip!/Ann/Jos\\u00e9.json'], keptFile: 'class.zip!/Ann/Jose\u0301.json' },
  ]);
  // Alike in every time: the later entry, which an extractor leaves in place of the first (before: the first).
  const tie = keepNewest([row('class.zip!/Ann/X.json', { entry: 1 }), row('class.zip!/Ann/X.json', { entry: 2 })]);
  expect(tie.duplicates).toEqual([{ attendee: '7', kept: 'class.zip!/Ann/X.json (entry 2)', dropped: ['class.zip!/Ann/X.json (entry 1)'], keptFile: 'class.zip!/Ann/X.json' }]);
  // Paths that differ to the eye stay as they are.
  expect(keepNewest([row('class.zip!/Ann/a.json'), row('class.zip!/Ann/b.json')]).duplicates).toEqual([{ attendee: '7', kept: 'class.zip!/Ann/a.json', dropped: ['class.zip!/Ann/b.json'] }]);
  // Two entries of one name with an accent, in one form: told apart by their place only, the name as it is.
  const accented = keepNewest([row('class.zip!/Ann/Jos\u00e9.json', { entry: 1 }), row('class.zip!/Ann/Jos\u00e9.json', { entry: 2 })]);
  expect(accented.duplicates).toEqual([{ attendee: '7', kept: 'class.zip!/Ann/Jos\u00e9.json (entry 2)', dropped: ['class.zip!/Ann/Jos\u00e9.json (entry 1)'], keptFile: 'class.zip!/Ann/Jos\u00e9.json' }]);
  // An entry whose namesake in the archive is another attendee's: nothing in this attendee's reads alike, no place given.
  const namesakeElsewhere = keepNewest([row('class.zip!/Ann/X.json', { entry: 3, lastModified: '2025-02-01T00:00:00' }), row('class.zip!/Ann/Y.json', { lastModified: '2025-01-01T00:00:00' })]);
  expect(namesakeElsewhere.duplicates).toEqual([{ attendee: '7', kept: 'class.zip!/Ann/X.json', dropped: ['class.zip!/Ann/Y.json'] }]);
});

test('grade: the duplicates line, summary.md and grades.csv tell two entries of one name apart', async () => {
  const solution = JSON.parse(readFileSync(fixturePath('flows/solution.json'), 'utf8').replace(/^\uFEFF/, ''));
  const flow = (date: string) => new TextEncoder().encode(JSON.stringify({ ...solution, name: 'Main_Flow_dup', lastModifiedDate: date }));
  const root = tempDir('duplicate-names');
  writeFileSync(path.join(root, 'dup.zip'), twoOfOneName(flow('2025-07-30T10:00:00.000'), flow('2025-07-29T10:00:00.000'), 'Ann/Main_Flow_dup.json'));
  const run = await runCli(['grade', 'dup.zip', '--out', 'out', '--quiet'], { cwd: root });
  // Before: "kept dup.zip!/Ann/Main_Flow_dup.json; set aside dup.zip!/Ann/Main_Flow_dup.json".
  expect(run.stdout).toContain('duplicate submissions for dup: kept dup.zip!/Ann/Main_Flow_dup.json (entry 1); set aside dup.zip!/Ann/Main_Flow_dup.json (entry 3)\n');
  expect(readFileSync(path.join(root, 'out', 'grades.csv'), 'utf8')).toContain('newest of 2 submissions; set aside: dup.zip!/Ann/Main_Flow_dup.json (entry 3)');
  expect(readFileSync(path.join(root, 'out', 'summary.md'), 'utf8')).toContain('Main\\_Flow\\_dup\\.json \\(entry 1\\); set aside'); // (Markdown escapes)
});

test('grade: the notes of an attendee with many submissions name 20 set aside, then how many more (a spreadsheet cell holds 32,767 characters)', async () => {
  const solution = JSON.parse(readFileSync(fixturePath('flows/solution.json'), 'utf8').replace(/^\uFEFF/, ''));
  const root = tempDir('duplicate-many');
  mkdirSync(path.join(root, 'class'));
  for (let day = 1; day <= 25; day++) {
    const date = `2025-07-${String(day).padStart(2, '0')}T10:00:00.000`;
    writeFileSync(path.join(root, 'class', `copy-${String(day).padStart(2, '0')}.json`), JSON.stringify({ ...solution, name: 'Main_Flow_dup', lastModifiedDate: date }));
  }
  await runCli(['grade', 'class', '--out', 'out', '--quiet'], { cwd: root });
  const csv = readFileSync(path.join(root, 'out', 'grades.csv'), 'utf8');
  const named = Array.from({ length: 20 }, (_, i) => `class/copy-${String(24 - i).padStart(2, '0')}.json`);
  expect(csv).toContain(`newest of 25 submissions; set aside: ${named.join(', ')} and 4 more`);
});
