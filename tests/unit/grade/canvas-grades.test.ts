/**
 * canvas-grades.csv: the grades of a class from Canvas's "Download Submissions" as a file for
 * Canvas's Gradebook Import, read here as Canvas reads it (canvas-importer.ts transcribes its
 * importer). The pure plan and rendering first, then `flowgrade grade` end to end (run
 * `npm run build` first).
 */
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { fixturePath, runCli } from '../../helpers.js';
import { tempDir, withAttendee } from './class-fixture.js';
import { canvasColumnOf, canvasGradesLine, planCanvasGrades, renderCanvasGrades } from '../../../cli/grade/canvas-grades.js';
import type { GradeReport } from '../../../engine/report.js';
import { canvasImport, rubyCsv, type CanvasCourse } from './canvas-importer.js';

const NOW = '2025-08-01T09:00:00Z';
const CSV = 'canvas-grades.csv';
const enc = (text: string) => new TextEncoder().encode(text);
const solution = () => readFileSync(fixturePath('flows/solution.json'), 'utf8');
const failing = () => withAttendee(readFileSync(fixturePath('flows/defect-globalerror-still-to-endflow.json'), 'utf8'), '141');
const at = (time: string) => ({ mtime: new Date(time) });

type Row = Parameters<typeof planCanvasGrades>[0][number];
const row = (file: string, attendee: string, over: Partial<Row['report']> = {}): Row => ({
  file,
  report: { attendee: { id: attendee, source: 'file-name' }, verdict: 'passed', score: { earned: 105, possible: 105 }, ...over } as Row['report'],
});
const ungradable = { verdict: 'ungradable', score: undefined } as Partial<Row['report']>;

/** A course with the class's students and the lab's assignment, 10 points. */
const course = (...students: [number, string][]): CanvasCourse => ({
  students: new Map(students.map(([id, name]) => [id, { name, sortableName: name }])),
  assignments: [{ id: 4567, title: 'Lab 3', pointsPossible: 10 }, { id: 4568, title: 'Lab 4', pointsPossible: 20 }],
});

/** The JSON report of `attendee` in `out`. */
const jsonReport = (out: string, attendee: string) => JSON.parse(readFileSync(path.join(out, `${attendee.replace(/[^A-Za-z0-9._-]/g, '_')}.json`), 'utf8')) as GradeReport;
const canvasLine = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('canvas-grades.csv'));

test('the plan: one row per Canvas user with one gradable report, the percentage of the points; ungradable, anonymous, two reports, two students along a path and other platforms\' names left out', () => {
  const plan = planCanvasGrades([
    row('c.zip!/Main_Flow_142.json', '142'), // not from Canvas
    row('c.zip!/anon_7Hk2p_67008_Main_Flow_140.json', 'anon_7Hk2p'), // anonymous: no user id
    row('c.zip!/doejane_12000_67001_Main_Flow_final.json', 'doejane_12000', { score: { earned: 86, possible: 105 }, verdict: 'failed' }),
    row('c.zip!/Doe Jane_12345_assignsubmission_file_doejane_12009_67001_x.json', 'Doe Jane_12345'), // Moodle's name comes first
    row('c.zip!/moebob_12002_67003_lab.zip!/roeann_12004_67004_flow.json', 'roeann_12004'), // a student's archive naming another
    row('c.zip!/poeamy_12007_67007_flow.json', 'poeamy_12007', { input: { file: 'x', sha256: 'aa' } } as Partial<Row['report']>),
    row('c/poeamy_12007_67007_flow.json', 'poeamy_12007', { input: { file: 'x', sha256: 'aa' } } as Partial<Row['report']>), // the same bytes, extracted: one submission
    row('c.zip!/smithann_12003_67004_flow.json', 'smithann_12003', ungradable),
    row('a/zedjo_12008_67010_flow.json', 'zedjo_12008'),
    row('b/zedjo_12008_67011_flow.json', 'zedjo_12008', { verdict: 'failed', score: { earned: 1, possible: 105 } }), // two reports of one user
    row('c.zip!/öztürkipek_12005_67005_flow.json', 'öztürkipek_12005', { score: { earned: 2, possible: 3 } }),
    row('c.zip!/lee_12006_67006_flow.json', 'Main_Flow_x'), // an attendee given another way (never so today): not taken
  ]);
  expect(plan.students).toEqual([
    { userId: '12000', name: 'doejane', grade: '81.9%' },
    { userId: '12007', name: 'poeamy', grade: '100%' },
    { userId: '12005', name: 'öztürkipek', grade: '66.67%' },
  ]);
  expect([plan.ungradable, plan.anonymous, plan.notCanvas]).toEqual([1, 1, 3]);
  expect(plan.leftOut.map((left) => left.file)).toEqual(['c.zip!/moebob_12002_67003_lab.zip!/roeann_12004_67004_flow.json', 'a/zedjo_12008_67010_flow.json']);
  expect(plan.leftOut[0]!.why).toContain('more than one Canvas student (moebob_12002, roeann_12004)');
  expect(plan.leftOut[1]!.why).toContain('Canvas user 12008 has 2 reports (also b/zedjo_12008_67011_flow.json)');
  expect(canvasGradesLine(plan)).toBe('canvas-grades.csv: grades of 3 students, for Canvas\'s Gradebook Import (not in it: 1 ungradable; 1 anonymous submission, which Canvas\'s import cannot grade; 3 attendees not from a Canvas download; 2 left out, see the warnings)');
  // No row from Canvas: no line (and no file).
  expect(canvasGradesLine(planCanvasGrades([row('x/Main_Flow_142.json', '142'), row('Doe Jane_12345_assignsubmission_file_/flow.json', 'Doe Jane_12345')]))).toBeUndefined();
  expect(canvasGradesLine(planCanvasGrades([row('anon_7Hk2p_67008_flow.json', 'anon_7Hk2p')]))).toBe('canvas-grades.csv: not written, no grade to give (not in it: 1 anonymous submission, which Canvas\'s import cannot grade)');
});

test('the file: Student, ID, Section and the assignment column, a Points Possible row, a percentage each; BOM and CRLF; Canvas reads each as points of its assignment', () => {
  const students = [
    { userId: '12000', name: 'doejane', grade: '81.9%' },
    { userId: '12005', name: 'öztürkipek', grade: '100%' },
  ];
  const text = renderCanvasGrades({ students });
  expect(text).toBe('\ufeffStudent,ID,Section,flowgrade\r\nPoints Possible,,,100\r\ndoejane,12000,,81.9%\r\nöztürkipek,12005,,100%\r\n');
  const roster = course([12000, 'Jane Doe'], [12005, 'İpek Öztürk'], [12001, 'John Roe']);
  // The default column names no assignment: Canvas asks which one it is (or creates it, out of 100 points).
  expect(canvasImport(Buffer.from(text), roster)).toEqual({ assignment: { newTitle: 'flowgrade', pointsPossible: 100 }, grades: [{ userId: 12000, cell: '81.9%', score: undefined }, { userId: 12005, cell: '100%', score: undefined }] });
  // Its export's header, title and id: found by the id (the title changed since), each grade a share of its 10 points.
  const byId = canvasImport(Buffer.from(renderCanvasGrades({ students }, 'Lab three (4567)')), roster);
  expect(byId.assignment).toEqual({ id: 4567 });
  expect(byId.grades.map((grade) => [grade.userId, grade.score])).toEqual([[12000, 8.19], [12005, 10]]);
  // By its title alone.
  expect(canvasImport(Buffer.from(renderCanvasGrades({ students }, 'Lab 4')), roster).grades.map((grade) => grade.score)).toEqual([16.38, 20]);
});

test('--canvas-assignment: an id alone, a header as given; blank, a control character or a Canvas total\'s words refused', () => {
  expect(canvasColumnOf('4567')).toBe('flowgrade (4567)');
  expect(canvasColumnOf(' Lab 3 (4567) ')).toBe('Lab 3 (4567)');
  expect(canvasColumnOf('Lab 3')).toBe('Lab 3');
  for (const bad of ['', '  ', 'Lab\n3', 'Lab\u00853', 'Lab 3 Final Score', 'Current Grade (4567)', 'Override Status']) expect(canvasColumnOf(bad), JSON.stringify(bad)).toHaveProperty('why');
  // A header a spreadsheet would run as a formula: defused as grades.csv does, the row whole for Canvas.
  const text = renderCanvasGrades({ students: [{ userId: '12000', name: 'doejane', grade: '50%' }] }, '=HYPERLINK("http://x.example"), "Lab" (4567)');
  const rows = rubyCsv(text.slice(1));
  expect(rows.map((cells) => cells.length)).toEqual([4, 4, 4]);
  expect(rows[0]![3]).toBe('\'=HYPERLINK("http://x.example"), "Lab" (4567)');
  expect(canvasImport(Buffer.from(text), course([12000, 'Jane Doe'])).grades).toEqual([{ userId: 12000, cell: '50%', score: 5 }]);
});

test('a Canvas class: canvas-grades.csv row by row (kept submissions, the JSON reports\' percentages), warnings and the stdout line; the same bytes whatever --jobs', async () => {
  const dir = tempDir('canvas-grades-class');
  writeFileSync(path.join(dir, 'submissions.zip'), zipSync({
    'doejane_12000_67001_Main_Flow_final.json': [enc(solution()), at('2025-07-01T10:00:00Z')],
    'doejane_LATE_12000_67010_Main_Flow_final.json': [enc(failing()), at('2025-07-02T10:00:00Z')], // her late resubmission: kept
    'smithann_12003_67004_flow.json': [enc('{'), at('2025-07-01T10:00:00Z')], // ungradable
    'öztürkipek_12005_67005_flow.json': [enc(solution()), at('2025-07-01T10:00:00Z')],
    'anon_7Hk2p_67008_Main_Flow_140.json': [enc(solution()), at('2025-07-01T10:00:00Z')],
    'roejohn_12001_67002_lab.zip': [zipSync({ 'moebob_12002_67003_flow.json': [enc(solution()), at('2025-07-01T10:00:00Z')] }), at('2025-07-01T10:00:00Z')],
  }));
  writeFileSync(path.join(dir, 'Main_Flow_142.json'), withAttendee(solution(), '142')); // not from Canvas
  const out = tempDir('canvas-grades-class-out');
  const run = await runCli(['grade', dir, '--out', out, '--now', NOW, '--quiet', '--jobs', '2']);
  expect(run.code).toBe(1);
  expect(canvasLine(run.stdout)).toEqual(['canvas-grades.csv: grades of 2 students, for Canvas\'s Gradebook Import (not in it: 1 ungradable; 1 anonymous submission, which Canvas\'s import cannot grade; 1 attendee not from a Canvas download; 1 left out, see the warnings)']);
  const warnings = run.stderr.split('\n').filter((line) => line.includes('[canvas-grades]'));
  expect(warnings).toEqual([expect.stringMatching(/roejohn_12001_67002_lab\.zip!\/moebob_12002_67003_flow\.json: not in canvas-grades\.csv: its path names more than one Canvas student \(roejohn_12001, moebob_12002\)/)]);
  const bytes = readFileSync(path.join(out, CSV));
  const text = bytes.toString('utf8');
  expect(text.startsWith('\ufeffStudent,ID,Section,flowgrade\r\nPoints Possible,,,100\r\n')).toBe(true);
  const rows = rubyCsv(text.slice(1)).slice(2);
  expect(rows.map((cells) => cells.slice(0, 3))).toEqual([['doejane', '12000', null], ['öztürkipek', '12005', null]]);
  const jane = jsonReport(out, 'doejane_12000');
  expect(jane.verdict).toBe('failed'); // the late resubmission, the newer
  expect(rows[0]![3]).toBe(`${Math.round((jane.score!.earned / jane.score!.possible) * 10_000) / 100}%`);
  expect(rows[1]![3]).toBe('100%');
  // Canvas's import: every row a student of the course, found by id; points of the 10-point assignment.
  const roster = course([12000, 'Jane Doe'], [12001, 'John Roe'], [12002, 'Bob Moe'], [12003, 'Ann Smith'], [12005, 'İpek Öztürk']);
  const lab = tempDir('canvas-grades-class-lab');
  const byId = await runCli(['grade', dir, '--out', lab, '--now', NOW, '--quiet', '--jobs', '1', '--canvas-assignment', 'Lab 3 (4567)']);
  const labBytes = readFileSync(path.join(lab, CSV));
  const imported = canvasImport(labBytes, roster);
  expect(imported.assignment).toEqual({ id: 4567 });
  expect(imported.grades.map((grade) => grade.userId)).toEqual([12000, 12005]);
  expect(Math.abs(imported.grades[0]!.score! - (jane.score!.earned / jane.score!.possible) * 10)).toBeLessThanOrEqual(0.0005);
  expect(imported.grades[1]!.score).toBe(10);
  // Byte for byte the same whatever --jobs.
  const four = tempDir('canvas-grades-class-jobs4');
  const again = await runCli(['grade', dir, '--out', four, '--now', NOW, '--quiet', '--jobs', '4', '--canvas-assignment', 'Lab 3 (4567)']);
  expect([byId.code, again.code]).toEqual([1, 1]);
  expect(readFileSync(path.join(four, CSV)).equals(labBytes)).toBe(true);
});

test('not a Canvas class (Moodle\'s download, plain exports): no canvas-grades.csv, no line, and an earlier run\'s is removed', async () => {
  const canvas = tempDir('canvas-grades-not-canvas-first');
  writeFileSync(path.join(canvas, 'doejane_12000_67001_flow.json'), solution());
  const out = tempDir('canvas-grades-not-canvas-out');
  expect((await runCli(['grade', canvas, '--out', out, '--now', NOW, '--quiet'])).code).toBe(0);
  expect(existsSync(path.join(out, CSV))).toBe(true);
  const plain = tempDir('canvas-grades-not-canvas');
  writeFileSync(path.join(plain, 'Main_Flow_140.json'), solution());
  writeFileSync(path.join(plain, 'my_lab_12000_67001_flow.json'), solution()); // "_" in the name: a student's words, not Canvas's
  const moodle = tempDir('canvas-grades-moodle');
  writeFileSync(path.join(moodle, 'lab3.zip'), zipSync({ 'Doe Jane_12345_assignsubmission_file/flow.json': [enc(solution()), at('2025-07-01T10:00:00Z')] }));
  for (const dir of [plain, moodle]) {
    const run = await runCli(['grade', dir, '--out', out, '--now', NOW, '--quiet']);
    expect(run.code, dir).toBe(0);
    expect(canvasLine(run.stdout), dir).toEqual([]);
    expect(existsSync(path.join(out, CSV)), dir).toBe(false);
  }
});

test('hostile file names: none becomes a Canvas student, every row stays whole', async () => {
  const dir = tempDir('canvas-grades-hostile');
  const names = [
    '=cmd_12000_67001_flow.json', // a formula: not a Canvas name (letters and digits only)
    'doe,jane_12001_67002_flow.json',
    'doe"jane_12002_67003_flow.json',
    'DoeJane_12003_67004_flow.json', // capitals: Canvas lower-cases names
    'doejane_12004_67005_=HYPERLINK("x"),a.json', // a Canvas name, the file's own name hostile: doejane's
    'roeann_12005_67006_doejohn_12006_67007_flow.json', // another's name in the student's own file name: Canvas's comes first
  ];
  names.forEach((name, i) => writeFileSync(path.join(dir, name), withAttendee(solution(), String(200 + i)))); // flow names apart: no duplicates
  const out = tempDir('canvas-grades-hostile-out');
  const run = await runCli(['grade', dir, '--out', out, '--now', NOW, '--quiet']);
  expect(run.code).toBe(0);
  const rows = rubyCsv(readFileSync(path.join(out, CSV), 'utf8').slice(1));
  expect(rows.map((cells) => cells.length)).toEqual([4, 4, 4, 4]);
  expect(rows.slice(2).map((cells) => cells.slice(0, 2))).toEqual([['doejane', '12004'], ['roeann', '12005']]);
  expect(canvasLine(run.stdout)).toEqual(['canvas-grades.csv: grades of 2 students, for Canvas\'s Gradebook Import (not in it: 4 attendees not from a Canvas download)']);
});

test('--canvas-assignment refused: blank, a line break, a Canvas total\'s words: one-line usage errors, exit 2', async () => {
  const dir = tempDir('canvas-grades-option');
  writeFileSync(path.join(dir, 'doejane_12000_67001_flow.json'), solution());
  const out = tempDir('canvas-grades-option-out');
  for (const bad of ['', ' ', 'Lab\n3', 'Final Score']) {
    const refused = await runCli(['grade', dir, '--out', out, '--quiet', '--canvas-assignment', bad]);
    expect([refused.code, refused.stderr.split('\n').length], JSON.stringify(bad)).toEqual([2, 2]);
    expect(refused.stderr, bad).toMatch(/^flowgrade grade: option '--canvas-assignment <column>' argument .* is invalid/);
  }
  const ok = await runCli(['grade', dir, '--out', out, '--quiet', '--now', NOW, '--canvas-assignment', '4567']);
  expect(ok.code).toBe(0);
  expect(readFileSync(path.join(out, CSV), 'utf8')).toContain('Student,ID,Section,flowgrade (4567)\r\n');
});

test('--shard: each shard\'s file holds its own students, together the whole class\'s; one user under two names stays in one shard (no grade: two reports)', async () => {
  const dir = tempDir('canvas-grades-shard');
  const t = at('2025-07-01T10:00:00Z');
  // Sorted by attendee, the renamed student's two names are first and last: cut apart by name.
  writeFileSync(path.join(dir, 'a.zip'), zipSync({
    'abejane_12000_67001_flow.json': [enc(solution()), t],
    'moebob_12001_67002_flow.json': [enc(failing()), t],
    'poeamy_12002_67003_flow.json': [enc(solution()), t],
    'roeann_12003_67004_flow.json': [enc(failing()), t],
    'zedjane_12000_67005_flow.json': [enc(failing()), t],
  }));
  const idsOf = (out: string) => (existsSync(path.join(out, CSV)) ? rubyCsv(readFileSync(path.join(out, CSV), 'utf8').slice(1)).slice(2).map((cells) => cells[1]) : []);
  const whole = tempDir('canvas-grades-shard-whole');
  await runCli(['grade', dir, '--out', whole, '--now', NOW, '--quiet']);
  expect(idsOf(whole)).toEqual(['12001', '12002', '12003']);
  const shards: (string | null | undefined)[][] = [];
  const warned: string[] = [];
  for (const shard of ['1/2', '2/2']) {
    const out = tempDir(`canvas-grades-shard-${shard.replace('/', '-')}`);
    const run = await runCli(['grade', dir, '--out', out, '--now', NOW, '--quiet', '--shard', shard]);
    shards.push(idsOf(out));
    warned.push(...run.stderr.split('\n').filter((line) => line.includes('[canvas-grades]')));
  }
  expect(shards.flat().sort()).toEqual(['12001', '12002', '12003']);
  expect(shards.every((ids) => ids.length > 0)).toBe(true);
  expect(warned).toEqual([expect.stringContaining('Canvas user 12000 has 2 reports')]);
});
