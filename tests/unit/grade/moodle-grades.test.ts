/**
 * `flowgrade grade` end to end (run `npm run build` first) on classes from Moodle's "Download all
 * submissions": `--out` also gets moodle-grades.csv, a grading worksheet for the assignment's
 * "Upload grading worksheet" (feedback type "Offline grading worksheet"), read here as Moodle reads
 * it: csv_import_reader (lib/csvlib.class.php) and assignfeedback_offline_grade_importer
 * (mod/assign/feedback/offline/importgradeslib.php), transcribed below.
 */
import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { fixturePath, runCli } from '../../helpers.js';
import { tempDir, withAttendee } from './class-fixture.js';
import { moodleStudents, renderMoodleGrades } from '../../../cli/grade/moodle-grades.js';
import { planMoodleFeedback } from '../../../cli/grade/moodle-feedback.js';
import { zipEntryTimes } from './zip-headers.js';
import type { GradeReport } from '../../../engine/report.js';

const NOW = '2025-08-01T09:00:00Z';
const CSV = 'moodle-grades.csv';
const enc = (text: string) => new TextEncoder().encode(text);
const solution = () => readFileSync(fixturePath('flows/solution.json'), 'utf8');
const failing = () => withAttendee(readFileSync(fixturePath('flows/defect-globalerror-still-to-endflow.json'), 'utf8'), '141');

/**
 * csv_import_reader::load_csv_content with the importer's arguments ('utf-8', 'comma', enclosure
 * '"'): the UTF-8 BOM taken off, CR LF and CR made LF, the content trimmed, then PHP's fgetcsv
 * (escape character `\`: inside quotes it and the character after it are kept as they are, the
 * quote not ending the field), blank lines skipped; every row must have the header's count of
 * columns, else the whole file is refused (csvweirdcolumns).
 */
function moodleCsv(bytes: Buffer): string[][] {
  let content = bytes.toString('utf8');
  if (content.startsWith('\ufeff')) content = content.slice(1);
  content = content.replace(/\r\n?/g, '\n').replace(/^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g, '');
  const rows: string[][] = [];
  let i = 0;
  while (i < content.length) {
    const row: string[] = [];
    for (;;) {
      let field = '';
      if (content[i] === '"') {
        i++;
        while (i < content.length) {
          if (content[i] === '\\' && i + 1 < content.length) {
            field += content[i] + content[i + 1];
            i += 2;
          } else if (content[i] === '"' && content[i + 1] === '"') {
            field += '"';
            i += 2;
          } else if (content[i] === '"') {
            i++;
            break;
          } else field += content[i++];
        }
      }
      while (i < content.length && content[i] !== ',' && content[i] !== '\n') field += content[i++];
      row.push(field);
      if (content[i++] !== ',') break;
    }
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
  }
  for (const row of rows) if (row.length !== rows[0]!.length) throw new Error(`csvweirdcolumns: ${JSON.stringify(row)}`);
  return rows;
}

/**
 * assignfeedback_offline_grade_importer::init and next, in an English site: the columns found by
 * their exact names (get_string('recordid', 'assign'), get_string('grade'),
 * get_string('lastmodifiedgrade', 'assign'), the comments plugin's 'Feedback comments'), the three
 * first required; each row's participant id is the Identifier after get_string('hiddenuser',
 * 'assign'), 'Participant '; a feedback column at index 0 would be ignored (`!empty($details['index'])`).
 */
function moodleImport(bytes: Buffer): { participant: string; grade: string; modified: number; comment?: string }[] {
  const [columns, ...records] = moodleCsv(bytes);
  const index = (name: string) => columns!.indexOf(name);
  const [id, grade, modified, comments] = [index('Identifier'), index('Grade'), index('Last modified (grade)'), index('Feedback comments')];
  if (id < 0 || grade < 0 || modified < 0) throw new Error('invalidgradeimport');
  return records.map((record) => ({
    participant: record[id]!.slice('Participant '.length),
    grade: record[grade]!,
    modified: Date.parse(record[modified]!),
    ...(comments > 0 ? { comment: record[comments] } : {}),
  }));
}

/** The form the grade is written in: a number of points out of 100, at most 2 decimals, '.' as the decimal mark. */
const GRADE = /^(?:100|\d{1,2})(?:\.\d{1,2})?$/;
/** Feedback comments are our own words and numbers: nothing Moodle's HTML rendering would read as markup. */
const PLAIN = /^[A-Za-z0-9 .,:;()%/'-]+$/;

const moodleLine = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('moodle-feedback.zip'));

/** The JSON report of `attendee` in `out` (its file name: the id as written). */
const jsonReport = (out: string, attendee: string) => JSON.parse(readFileSync(path.join(out, `${attendee.replace(/[^A-Za-z0-9._-]/g, '_')}.json`), 'utf8')) as GradeReport;

test('a Moodle class: one worksheet row per student of the zip, participant, percentage grade, the run\'s clock and a plain comment; ungradable: no grade', async () => {
  const dir = tempDir('moodle-grades-class');
  const at = (time: string) => ({ mtime: new Date(time) });
  writeFileSync(path.join(dir, 'lab3.zip'), zipSync({
    'Doe Jané_12345_assignsubmission_file/Main_Flow_140.json': [enc(solution()), at('2025-07-01T10:00:00Z')],
    'Roe John_12346_assignsubmission_file/flow.json': [enc('{'), at('2025-07-01T10:00:00Z')], // ungradable
    'Poe Amy_12347_assignsubmission_file/flow.json': [enc(solution()), at('2025-07-01T10:00:00Z')],
    'Poe Amy_12347_assignsubmission_file/flow (1).json': [enc(failing()), at('2025-07-02T10:00:00Z')], // her newer resubmission
  }));
  writeFileSync(path.join(dir, 'Main_Flow_142.json'), withAttendee(solution(), '142')); // not from Moodle
  const out = tempDir('moodle-grades-class-out');
  const run = await runCli(['grade', dir, '--out', out, '--now', NOW, '--quiet', '--jobs', '2']);
  expect(moodleLine(run.stdout)).toEqual(['moodle-feedback.zip and moodle-grades.csv: reports of 3 students and grades of 2, for Moodle\'s "Upload multiple feedback files in a zip" and "Upload grading worksheet" (not in them: 1 attendee not from a Moodle download)']);
  const bytes = readFileSync(path.join(out, CSV));
  const [header, ...rows] = moodleCsv(bytes);
  expect(header).toEqual(['Identifier', 'Full name', 'Grade', 'Last modified (grade)', 'Feedback comments']);
  expect(rows.map((row) => row.slice(0, 2))).toEqual([['Participant 12345', 'Doe Jané'], ['Participant 12347', 'Poe Amy'], ['Participant 12346', 'Roe John']]);
  // The zip's students, the same participants.
  const zipped = Object.keys(unzipSync(readFileSync(path.join(out, 'moodle-feedback.zip')))).map((entry) => entry.split('_')[1]).sort();
  const imported = moodleImport(bytes);
  expect(imported.map((row) => row.participant).sort()).toEqual(zipped);
  // Last modified (grade): the run's clock, in the form PHP's strtotime reads (DATE_ATOM).
  expect(rows.map((row) => row[3])).toEqual(Array(3).fill('2025-08-01T09:00:00+00:00'));
  for (const row of imported) expect(row.modified).toBe(Date.parse(NOW));
  for (const row of imported) expect(row.comment).toMatch(PLAIN);

  const jane = jsonReport(out, 'Doe Jané_12345');
  const [janeRow, amyRow, johnRow] = imported;
  expect(janeRow!.grade).toMatch(GRADE);
  expect(Math.abs(Number(janeRow!.grade) - (jane.score!.earned / jane.score!.possible) * 100)).toBeLessThanOrEqual(0.005);
  expect(janeRow!.comment).toContain(`PASSED, ${jane.score!.earned}/${jane.score!.possible} points`);
  expect(janeRow!.comment).toContain('flowgrade-report.html');

  const amy = jsonReport(out, 'Poe Amy_12347');
  expect(amy.verdict).toBe('failed');
  expect(Math.abs(Number(amyRow!.grade) - (amy.score!.earned / amy.score!.possible) * 100)).toBeLessThanOrEqual(0.005);
  const steps = [...new Set(amy.checks.filter((c) => c.severity === 'required' && (c.status === 'failed' || c.status === 'errored')).map((c) => c.step))].sort((a, b) => a - b);
  expect(steps.length).toBeGreaterThan(0);
  expect(amyRow!.comment).toContain(`FAILED, ${amy.score!.earned}/${amy.score!.possible} points`);
  expect(amyRow!.comment).toContain(`${steps.length === 1 ? 'Build step' : 'Build steps'} to fix: ${steps.join(', ')}`);

  // Ungradable: an empty grade, which Moodle's importer skips (no grade given), the comment still saying why.
  expect(johnRow!.grade).toBe('');
  expect(johnRow!.comment).toMatch(/^UNGRADABLE/);
  expect(johnRow!.comment).toContain('flowgrade-report.html');
});

test('hostile full names (quotes, commas, a formula) keep every row whole; a name left out of the zip, or with a backslash, is not in it either', async () => {
  const dir = tempDir('moodle-grades-hostile');
  const put = (folder: string) => {
    mkdirSync(path.join(dir, folder));
    writeFileSync(path.join(dir, folder, 'flow.json'), solution());
  };
  put('=HYPERLINK("x.example"), Jo_12345_assignsubmission_file_');
  put('Roe "John", Q_12346_assignsubmission_file_');
  put('Moe John\\_12349_assignsubmission_file_'); // a \ (PHP's fgetcsv would read \" as no closing quote) cuts the path: not a Moodle name
  put('Poe\nAmy_12347_assignsubmission_file_'); // a line break: left out of the zip, with its warning
  put('+Lee, Zoe_12348_assignsubmission_file_');
  const out = tempDir('moodle-grades-hostile-out');
  const run = await runCli(['grade', dir, '--out', out, '--now', NOW, '--quiet']);
  expect(run.code).toBe(0);
  expect(moodleLine(run.stdout)).toEqual(['moodle-feedback.zip and moodle-grades.csv: reports and grades of 3 students, for Moodle\'s "Upload multiple feedback files in a zip" and "Upload grading worksheet" (not in them: 1 attendee not from a Moodle download; 1 left out, see the warnings)']);
  const warnings = run.stderr.split('\n').filter((line) => line.includes('[moodle-feedback]'));
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/Poe\\u000aAmy.*: not in moodle-feedback\.zip and moodle-grades\.csv: /);
  const bytes = readFileSync(path.join(out, CSV));
  const rows = moodleCsv(bytes).slice(1);
  // A spreadsheet would run a cell starting with = + - @ as a formula: defused with a ' as grades.csv does.
  expect(rows.map((row) => row.slice(0, 2))).toEqual([
    ['Participant 12348', "'+Lee, Zoe"],
    ['Participant 12345', `'=HYPERLINK("x.example"), Jo`],
    ['Participant 12346', 'Roe "John", Q'],
  ]);
  expect(moodleImport(bytes).map((row) => [row.participant, row.grade])).toEqual([['12348', '100'], ['12345', '100'], ['12346', '100']]);
});

test('a student with two reports (a file and an archive of their own) has one row, no grade, both reports in the comment', () => {
  const report = (verdict: 'passed' | 'failed', earned: number): GradeReport => ({
    schemaVersion: 1, tool: { name: 'flowgrade', version: '0' }, lab: { id: 'lab', title: 'Lab' }, attendee: { id: 'Doe Jane_12345', source: 'moodle' },
    input: { file: 'x' }, verdict, score: { earned, possible: 105 }, checks: verdict === 'failed' ? [{ id: 'c', step: 3, severity: 'required', status: 'failed' } as GradeReport['checks'][number]] : [], scenarios: [], generatedAt: NOW,
  });
  const rows = [
    { file: 'lab3.zip!/Doe Jane_12345_assignsubmission_file_/flow.json', report: report('passed', 105) },
    { file: 'lab3.zip!/Doe Jane_12345_assignsubmission_file_/mine.zip!/flow.json', report: report('failed', 62) },
  ];
  const students = moodleStudents(planMoodleFeedback(rows), rows.map((row) => row.report));
  const [header, ...records] = moodleCsv(Buffer.from(renderMoodleGrades(students, NOW)));
  expect(header).toHaveLength(5);
  expect(records).toHaveLength(1);
  expect(records[0]!.slice(0, 3)).toEqual(['Participant 12345', 'Doe Jane', '']);
  expect(records[0]![4]).toMatch(PLAIN);
  expect(records[0]![4]).toContain('flowgrade-report.html: PASSED, 105/105 points');
  expect(records[0]![4]).toContain('flowgrade-report (2).html: FAILED, 62/105 points');
});

test('the worksheet\'s own words: grade rounded to 2 decimals, Build steps to fix once each in order (a recommended check\'s too, as summary.md names them), an ungradable file\'s error code, a student with two reports; BOM and CRLF', () => {
  const check = (step: number, status: 'failed' | 'errored' | 'passed', severity = 'required') => ({ id: `c${step}${status}`, step, severity, status }) as GradeReport['checks'][number];
  const report = (over: Partial<GradeReport>): GradeReport => ({
    schemaVersion: 1, tool: { name: 'flowgrade', version: '0' }, lab: { id: 'lab', title: 'Lab' }, attendee: { id: 'x', source: 'moodle' },
    input: { file: 'x' }, verdict: 'failed', score: { earned: 70, possible: 105 }, checks: [], scenarios: [], generatedAt: NOW, ...over,
  } as GradeReport);
  const student = (participant: string, ...reports: GradeReport[]) => ({ participant, fullName: `Doe ${participant}`, reports: reports.map((r, i) => ({ fileName: i === 0 ? 'flowgrade-report.html' : `flowgrade-report (${i + 1}).html`, report: r })) });
  const text = renderMoodleGrades([
    student('1', report({ checks: [check(8, 'failed'), check(3, 'errored'), check(8, 'errored'), check(5, 'failed', 'recommended'), check(4, 'passed')] })),
    student('2', report({ checks: [check(7, 'failed')], score: { earned: 0, possible: 0 } })),
    student('3', report({ verdict: 'ungradable', score: undefined, error: { code: 'not-json', message: 'x' } } as Partial<GradeReport>)),
    student('4', report({ verdict: 'ungradable', score: undefined, error: { code: '<b>Bold</b>', message: 'x' } } as Partial<GradeReport>)),
    student('5', report({ verdict: 'passed', score: { earned: 105, possible: 105 } }), report({ checks: [check(2, 'failed')] })),
    student('6', report({ verdict: 'passed', score: { earned: 104, possible: 105 }, checks: [check(1, 'failed', 'recommended'), check(2, 'passed')] })),
  ], NOW);
  expect(text.startsWith('\ufeffIdentifier,')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const rows = moodleCsv(Buffer.from(text)).slice(1);
  expect(rows.map((row) => [row[2], row[4]])).toEqual([
    ['66.67', 'FAILED, 70/105 points, Build steps to fix: 3, 5, 8. Details in flowgrade-report.html, in your feedback files.'],
    ['', 'FAILED, 0/0 points, Build step to fix: 7. Details in flowgrade-report.html, in your feedback files.'],
    ['', 'UNGRADABLE, flowgrade could not grade the file (not-json). Details in flowgrade-report.html, in your feedback files.'],
    ['', 'UNGRADABLE, flowgrade could not grade the file. Details in flowgrade-report.html, in your feedback files.'],
    ['', '2 submissions graded, your teacher gives the grade: flowgrade-report.html: PASSED, 105/105 points; flowgrade-report (2).html: FAILED, 70/105 points, Build step to fix: 2. Details in your feedback files.'],
    ['99.05', 'PASSED, 104/105 points, Build step to fix: 1. Details in flowgrade-report.html, in your feedback files.'],
  ]);
});

test('--moodle-max-grade: the grades are out of the assignment\'s Maximum grade (10 here), not out of 100; a maximum that is not a whole number from 1 to 10000 is a usage error', async () => {
  const dir = tempDir('moodle-grades-max');
  const at = (time: string) => ({ mtime: new Date(time) });
  writeFileSync(path.join(dir, 'lab3.zip'), zipSync({
    'Doe Jane_12345_assignsubmission_file/Main_Flow_140.json': [enc(solution()), at('2025-07-01T10:00:00Z')],
    'Poe Amy_12347_assignsubmission_file/flow.json': [enc(failing()), at('2025-07-01T10:00:00Z')],
  }));
  const out = tempDir('moodle-grades-max-out');
  const run = await runCli(['grade', dir, '--out', out, '--now', NOW, '--quiet', '--moodle-max-grade', '10']);
  expect(run.code).toBe(1);
  const imported = moodleImport(readFileSync(path.join(out, CSV)));
  for (const [row, id] of [[imported[0]!, 'Doe Jane_12345'], [imported[1]!, 'Poe Amy_12347']] as const) {
    const { score } = jsonReport(out, id);
    expect(row.grade).toMatch(GRADE);
    expect(Math.abs(Number(row.grade) - (score!.earned / score!.possible) * 10)).toBeLessThanOrEqual(0.005);
  }
  expect(imported[0]!.grade).toBe('10');
  // The bound itself is a Maximum grade Moodle takes (before, a mutation sweep: 10000 refused went unnoticed).
  const highest = tempDir('moodle-grades-max-highest');
  expect((await runCli(['grade', dir, '--out', highest, '--now', NOW, '--quiet', '--moodle-max-grade', '10000'])).code).toBe(1);
  expect(moodleImport(readFileSync(path.join(highest, CSV)))[0]!.grade).toBe('10000');
  for (const bad of ['0', '2.5', 'ten', '10001']) {
    const refused = await runCli(['grade', dir, '--out', out, '--quiet', '--moodle-max-grade', bad]);
    expect([refused.code, refused.stderr.split('\n').length], bad).toEqual([2, 2]);
    expect(refused.stderr, bad).toMatch(/^flowgrade grade: option '--moodle-max-grade <n>' argument .* is invalid/);
  }
});

test('--shard keeps one participant under two full names (a student renamed between two downloads given together) in one shard: one row, no grade, both reports, as without --shard', async () => {
  const dir = tempDir('moodle-grades-shard');
  const at = { mtime: new Date('2025-07-01T10:00:00Z') };
  // Sorted by attendee, the renamed student's two names are first and last: cut apart by name.
  writeFileSync(path.join(dir, 'lab3.zip'), zipSync({
    'Abe Jane_12345_assignsubmission_file/flow.json': [enc(solution()), at],
    'Moe Bob_12346_assignsubmission_file/flow.json': [enc(failing()), at],
    'Poe Amy_12347_assignsubmission_file/flow.json': [enc(solution()), at],
    'Roe Ann_12348_assignsubmission_file/flow.json': [enc(failing()), at],
    'Zed Jane_12345_assignsubmission_file/flow.json': [enc(failing()), at],
  }));
  const rows: Record<string, { shard: number; grade: string }[]> = {};
  const entries: string[] = [];
  for (const shard of [1, 2]) {
    const out = tempDir(`moodle-grades-shard-out${shard}`);
    const run = await runCli(['grade', dir, '--out', out, '--now', NOW, '--quiet', '--shard', `${shard}/2`]);
    expect(run.code, run.stderr).toBe(1);
    for (const row of moodleImport(readFileSync(path.join(out, CSV)))) (rows[row.participant] ??= []).push({ shard, grade: row.grade });
    entries.push(...Object.keys(unzipSync(readFileSync(path.join(out, 'moodle-feedback.zip')))).filter((name) => name.includes('_12345_')));
  }
  expect(rows['12345']).toHaveLength(1);
  expect(rows['12345']![0]!.grade).toBe('');
  expect(entries.map((name) => name.slice(name.indexOf('/') + 1)).sort()).toEqual(['flowgrade-report (2).html', 'flowgrade-report.html']);
  for (const participant of ['12346', '12347', '12348']) expect(rows[participant], participant).toHaveLength(1);
});

test('without --now, one clock for the run: every report, moodle-grades.csv and moodle-feedback.zip\'s entries carry the time the run started', async () => {
  const dir = tempDir('moodle-grades-clock');
  const at = { mtime: new Date('2025-07-01T10:00:00Z') };
  writeFileSync(path.join(dir, 'lab3.zip'), zipSync({
    'Doe Jane_12345_assignsubmission_file/Main_Flow_140.json': [enc(solution()), at],
    'Poe Amy_12347_assignsubmission_file/flow.json': [enc(failing()), at],
  }));
  const out = tempDir('moodle-grades-clock-out');
  const before = Date.now();
  // Before (a mutation sweep): with the run's clock not fixed when --now is left out, every Moodle test passed (each gives --now).
  const run = await runCli(['grade', dir, '--out', out, '--quiet', '--jobs', '2']);
  const after = Date.now();
  expect([run.code, run.stderr]).toEqual([1, '']);
  const generated = ['Doe Jane_12345', 'Poe Amy_12347'].map((id) => Date.parse(jsonReport(out, id).generatedAt));
  expect(generated[1]).toBe(generated[0]);
  expect(generated[0]).toBeGreaterThanOrEqual(before);
  expect(generated[0]).toBeLessThanOrEqual(after);
  // moodle-grades.csv's Last modified (grade) is that time to the second (DATE_ATOM).
  for (const row of moodleImport(readFileSync(path.join(out, CSV)))) expect(row.modified).toBe(Math.floor(generated[0]! / 1000) * 1000);
  // A zip entry's time is to two seconds (DOS time), in UTC.
  const times = [...zipEntryTimes(readFileSync(path.join(out, 'moodle-feedback.zip'))).values()];
  expect(times).toHaveLength(2);
  for (const time of times) expect(Math.abs(time - generated[0]!)).toBeLessThanOrEqual(2000);
});
