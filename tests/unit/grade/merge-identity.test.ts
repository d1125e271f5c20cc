/**
 * `flowgrade merge` end to end (run `npm run build` first): a class graded whole, and the same class
 * graded as 2 and as 3 shards then merged, give the same files byte for byte — the dashboard, the
 * gradebook, junit.xml, summary.md, Moodle's zip and worksheet, Canvas's grades and every attendee's report — but
 * the merge's own record (flowgrade-run.json), which says which shards it was made of.
 */
import { test, expect } from '@playwright/test';
import { mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { fixturePath, ROOT, runCli } from '../../helpers.js';
import { tempDir, withAttendee, writeClass, writeSolutions } from './class-fixture.js';

const NOW = ['--now', '2025-08-01T09:00:00Z'];
const grade = (inputs: string[], out: string, ...more: string[]) => runCli(['grade', ...inputs, '--out', out, ...NOW, '--quiet', '--jobs', '1', ...more]);
const RECORD = 'flowgrade-run.json';

/** Every file of `out` (as latin1: every byte kept, moodle-feedback.zip's too) but the run's record, which names the parts it was made of. */
function classFiles(out: string): Record<string, string> {
  const files = Object.fromEntries(readdirSync(out, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => [entry.name, readFileSync(path.join(out, entry.name), 'latin1')]));
  const { [RECORD]: record, ...rest } = files;
  expect(record, `${out} has its ${RECORD}`).toBeDefined();
  return rest;
}

/** A Moodle download: students in their folders, one resubmission, one broken upload, ids alike but for case in two folders. */
function moodleClass(dir: string): void {
  const solution = readFileSync(fixturePath('flows/solution.json'), 'utf8');
  const failing = readFileSync(fixturePath('flows/defect-globalerror-still-to-endflow.json'), 'utf8');
  const put = (file: string, text: string, time = '2025-07-01T10:00:00Z') => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
    utimesSync(path.join(dir, file), new Date(time), new Date(time));
  };
  put('Doe Jane_12345_assignsubmission_file_/Main_Flow_140.json', solution);
  put('Roe John_12346_assignsubmission_file_/flow.json', '{');
  put('Poe Amy_12347_assignsubmission_file_/flow.json', solution);
  put('Poe Amy_12347_assignsubmission_file_/flow (1).json', withAttendee(failing, '141'), '2025-07-02T10:00:00Z');
  put('Moe Bob_12348_assignsubmission_file_/Main_Flow_148.json', withAttendee(failing, '148'));
  put('other/Main_Flow_Ann.json', withAttendee(solution, 'Ann'));
  put('other2/Main_Flow_ann.json', withAttendee(failing, 'ann'));
  put('other2/Main_Flow_index.json', withAttendee(solution, 'index'));
  writeFileSync(path.join(dir, 'late.zip'), zipSync({ 'Lee Kim_12349_assignsubmission_file_/Main_Flow_149.json': new TextEncoder().encode(withAttendee(solution, '149')) }));
}

/** A Canvas download: students by user id, a late resubmission, an unreadable upload, a zip a student submitted naming another. */
function canvasClass(dir: string): void {
  const solution = readFileSync(fixturePath('flows/solution.json'), 'utf8');
  const failing = readFileSync(fixturePath('flows/defect-globalerror-still-to-endflow.json'), 'utf8');
  const enc = (text: string) => new TextEncoder().encode(text);
  const at = (time: string) => ({ mtime: new Date(time) });
  writeFileSync(
    path.join(dir, 'submissions.zip'),
    zipSync({
      'doejane_12000_67001_Main_Flow_final.json': [enc(solution), at('2025-07-01T10:00:00Z')],
      'doejane_LATE_12000_67010_Main_Flow_final.json': [enc(withAttendee(failing, '141')), at('2025-07-02T10:00:00Z')],
      'roejohn_12001_67002_flow.json': [enc('{'), at('2025-07-01T10:00:00Z')],
      'poeamy_12003_67004_Main_Flow_143.json': [enc(withAttendee(failing, '143')), at('2025-07-01T10:00:00Z')],
      'leekim_12004_67005_lab.zip': [zipSync({ 'moebob_12002_67003_flow.json': [enc(solution), at('2025-07-01T10:00:00Z')] }), at('2025-07-01T10:00:00Z')],
      'anon_7Hk2p_67006_Main_Flow_144.json': [enc(withAttendee(solution, '144')), at('2025-07-01T10:00:00Z')],
    }),
  );
}

/** Each class, the files its whole run must hold beyond the class files (so that the comparison covers them), and grade's options for it. */
const classes: { name: string; make: () => string[]; holds?: string[]; options?: string[] }[] = [
  { name: 'fixtures/class (a duplicate set aside)', make: () => [fixturePath('class')] },
  {
    name: 'every fixture flow and every unreadable file',
    make: () => {
      const dir = tempDir('merge-identity-fixtures');
      writeClass(dir, { unreadable: true });
      return [dir];
    },
  },
  {
    name: 'a Moodle download and other folders',
    make: () => {
      const dir = tempDir('merge-identity-moodle');
      moodleClass(dir);
      return [dir];
    },
    holds: ['moodle-feedback.zip', 'moodle-grades.csv'],
  },
  {
    name: 'a Canvas download, its assignment named',
    make: () => {
      const dir = tempDir('merge-identity-canvas');
      canvasClass(dir);
      return [dir];
    },
    holds: ['canvas-grades.csv'],
    options: ['--canvas-assignment', 'Lab 3 (4567)'],
  },
];

for (const { name, make, holds = [], options = [] } of classes) {
  test(`merged shards are the whole class's outputs byte for byte: ${name}`, async () => {
    const inputs = make();
    const whole = tempDir('merge-identity-whole');
    const graded = await grade(inputs, whole, ...options);
    expect(graded.code, graded.stderr).toBeLessThan(2);
    const expected = classFiles(whole);
    for (const count of [2, 3]) {
      const shards: string[] = [];
      for (let index = 1; index <= count; index++) {
        const out = tempDir(`merge-identity-shard-${index}`);
        expect((await grade(inputs, out, '--shard', `${index}/${count}`, ...options)).code).toBeLessThan(2);
        // As a CI artifact arrives (GitHub's upload-artifact leaves hidden files out): merge needs only what is visible.
        rmSync(path.join(out, '.flowgrade-output'));
        shards.push(out);
      }
      const merged = tempDir('merge-identity-merged');
      // Given in any order.
      const run = await runCli(['merge', ...shards.reverse(), '--out', merged, '--quiet']); // (as the whole run: its progress is merge-progress.test.ts's)
      // Of the whole run's stderr, the lines about its files to hand back (who is left out of them), not those about its inputs.
      expect([run.code, run.stderr]).toEqual([graded.code, graded.stderr.split('\n').filter((line) => !line.includes(' [') || /\[(canvas-grades|moodle-feedback)\]$/.test(line)).join('\n')]);
      expect(Object.keys(expected)).toEqual(expect.arrayContaining(['.flowgrade-output', 'index.html', 'grades.csv', 'junit.xml', 'summary.md', ...holds]));
      expect(classFiles(merged), `${count} shards`).toEqual(expected);
      // The stdout of the whole run, its first line said of the merge (before: without "; 1 submission set aside as a duplicate").
      const [first, ...rest] = graded.stdout.split('\n');
      expect(run.stdout.split('\n')).toEqual([first!.replace(/^graded (.*) into [^:]*:/, `merged $1 from ${count} shards into ${merged}:`), ...rest]);
    }
  });
}

test('the merged record is the same whatever the order the folders are given in, also of shards that spelled their options and clocks otherwise', async () => {
  // Before: options accepted as alike though spelled otherwise (--dnis, --max-size at its default,
  // one --dynvars dataset at two paths) and one instant spelled two ways (--now) were copied into
  // the merged flowgrade-run.json from whichever folder was given first.
  const dir = tempDir('merge-identity-spelled-class');
  writeSolutions(dir, 3);
  const datasets = [tempDir('merge-identity-dataset-a'), tempDir('merge-identity-dataset-b')].map((folder) => path.join(folder, 'dv.json'));
  for (const dataset of datasets) writeFileSync(dataset, readFileSync(path.join(ROOT, 'mocks/data/dynvars.json')));
  const spellings = [
    ['--dnis', '+14694096861', '--now', '2026-01-15T09:00:00Z', '--dynvars', datasets[0]!],
    ['--dnis', '+1 (469) 409-6861', '--now', '2026-01-15T10:00:00+01:00', '--dynvars', datasets[1]!, '--max-size', '20MB'],
    ['--now', '2026-01-15T09:00:00.000Z', '--dynvars', datasets[1]!],
  ];
  const shards: string[] = [];
  for (const [at, spelling] of spellings.entries()) {
    const out = tempDir(`merge-identity-spelled-${at + 1}`);
    expect((await runCli(['grade', dir, '--out', out, '--quiet', '--jobs', '1', '--shard', `${at + 1}/3`, ...spelling])).code).toBe(0);
    shards.push(out);
  }
  const records: string[] = [];
  for (const order of [[0, 1, 2], [1, 0, 2], [2, 1, 0]]) {
    const merged = tempDir('merge-identity-spelled-merged');
    const run = await runCli(['merge', ...order.map((at) => shards[at]!), '--out', merged, '--quiet']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    records.push(readFileSync(path.join(merged, RECORD), 'utf8'));
  }
  expect(records[1], 'shard 2 given first').toBe(records[0]);
  expect(records[2], 'shard 3 given first').toBe(records[0]);
  // The lowest shard's, as it spelled them.
  const record = JSON.parse(records[0]!) as { now: string; settings: { grading: Record<string, unknown> } };
  expect([record.now, record.settings.grading.dnis, (record.settings.grading.dynvars as { file: string }).file]).toEqual(['2026-01-15T09:00:00Z', '+14694096861', datasets[0]]);
});
