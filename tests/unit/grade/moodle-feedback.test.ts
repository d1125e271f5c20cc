/**
 * `flowgrade grade` end to end (run `npm run build` first) on classes from Moodle's "Download all
 * submissions": `--out` also gets moodle-feedback.zip, each student's HTML report under the
 * student's own Moodle folder name, which Moodle's "Upload multiple feedback files in a zip" reads
 * back as that student's feedback file (moodleImport, in moodle-importer.ts, transcribes its importer).
 */
import { expect, test } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { fixturePath, runCli } from '../../helpers.js';
import { tempDir, withAttendee } from './class-fixture.js';
import { moodleImport } from './moodle-importer.js';

const NOW = '2025-08-01T09:00:00Z';
const ZIP = 'moodle-feedback.zip';
const enc = (text: string) => new TextEncoder().encode(text);
const solution = () => readFileSync(fixturePath('flows/solution.json'), 'utf8');
const failing = () => withAttendee(readFileSync(fixturePath('flows/defect-globalerror-still-to-endflow.json'), 'utf8'), '141');

/** The zip's entries by name, with the UTF-8 flag (general purpose bit 11) of each in the central directory. */
function zipEntries(file: string): { files: Record<string, Uint8Array>; utf8Flag: Map<string, boolean> } {
  const bytes = readFileSync(file);
  const utf8Flag = new Map<string, boolean>();
  for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
    const nameLength = bytes.readUInt16LE(at + 28);
    utf8Flag.set(bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8'), (bytes.readUInt16LE(at + 8) & 0x800) !== 0);
  }
  return { files: unzipSync(bytes), utf8Flag };
}

/** The attendee id of each HTML report in `out` (from its JSON twin), by the report's bytes. */
function reportsByContent(out: string): Map<string, string> {
  const reports = new Map<string, string>();
  for (const name of readdirSync(out).filter((file) => file.endsWith('.html') && file !== 'index.html')) {
    const json = JSON.parse(readFileSync(path.join(out, name.replace(/\.html$/, '.json')), 'utf8')) as { attendee: { id: string }; file?: string };
    reports.set(readFileSync(path.join(out, name), 'latin1'), json.attendee.id);
  }
  return reports;
}

/** Each entry of the zip: who Moodle's importer attaches it to, the feedback file name, and the attendee whose report it is. */
function imported(out: string, participants: number[]): { entry: string; participant?: number; filename?: string; report?: string; utf8Flag?: boolean }[] {
  const { files, utf8Flag } = zipEntries(path.join(out, ZIP));
  const reports = reportsByContent(out);
  return Object.entries(files).map(([entry, bytes]) => ({
    entry,
    ...moodleImport(entry, new Set(participants)),
    report: reports.get(Buffer.from(bytes).toString('latin1')),
    utf8Flag: utf8Flag.get(entry),
  }));
}

const feedbackLine = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith(ZIP));

test('Moodle folders before 4.1 (name_id_assignsubmission_file_/): each kept student\'s report, ungradable ones included, a duplicate set aside and a non-Moodle file left out', async () => {
  const dir = tempDir('moodle-feedback-class');
  const put = (file: string, text: string, time = '2025-07-01T10:00:00Z') => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
    utimesSync(path.join(dir, file), new Date(time), new Date(time));
  };
  put('Doe Jané_12345_assignsubmission_file_/Main_Flow_140.json', solution());
  put('Roe John_12346_assignsubmission_file_/flow.json', '{'); // ungradable
  put('Poe Amy_12347_assignsubmission_file_/flow.json', solution());
  put('Poe Amy_12347_assignsubmission_file_/flow (1).json', failing(), '2025-07-02T10:00:00Z'); // her newer resubmission
  put('Main_Flow_142.json', withAttendee(solution(), '142')); // not from Moodle
  const out = tempDir('moodle-feedback-class-out');
  const run = await runCli(['grade', dir, '--out', out, '--now', NOW, '--quiet', '--jobs', '2']);
  expect(run.stdout).toContain('duplicate submissions for Poe Amy_12347');
  expect(feedbackLine(run.stdout)).toEqual(['moodle-feedback.zip and moodle-grades.csv: reports of 3 students and grades of 2, for Moodle\'s "Upload multiple feedback files in a zip" and "Upload grading worksheet" (not in them: 1 attendee not from a Moodle download)']);
  const entries = imported(out, [12345, 12346, 12347]).sort((a, b) => (a.entry < b.entry ? -1 : 1));
  expect(entries).toEqual([
    { entry: 'Doe Jané_12345_assignsubmission_file_/flowgrade-report.html', participant: 12345, filename: '/flowgrade-report.html', report: 'Doe Jané_12345', utf8Flag: true },
    { entry: 'Poe Amy_12347_assignsubmission_file_/flowgrade-report.html', participant: 12347, filename: '/flowgrade-report.html', report: 'Poe Amy_12347', utf8Flag: false },
    { entry: 'Roe John_12346_assignsubmission_file_/flowgrade-report.html', participant: 12346, filename: '/flowgrade-report.html', report: 'Roe John_12346', utf8Flag: false },
  ]);
  // Amy's entry is her kept (newer, failing) submission's report, not the one set aside.
  const amy = unzipSync(readFileSync(path.join(out, ZIP)))['Poe Amy_12347_assignsubmission_file_/flowgrade-report.html'];
  expect(Buffer.from(amy).toString('utf8')).toContain('flow (1).json');
  expect(Buffer.from(amy).toString('utf8')).toContain('failed');
});

test('Moodle 4.1 folders (no final _) and a download without folders, as zip inputs: each student\'s report under the name the download gave', async () => {
  const dir = tempDir('moodle-feedback-forms');
  writeFileSync(path.join(dir, 'lab3-41.zip'), zipSync({
    'Doe Jane_12345_assignsubmission_file/Main_Flow_140.json': enc(solution()),
    'Roe John_12346_assignsubmission_file/flow.json': enc(''),
  }));
  writeFileSync(path.join(dir, 'lab3-flat.zip'), zipSync({
    'Poe Amy_22345_assignsubmission_file_Main_Flow_140.json': enc(solution()),
    'Moe Bob_22346_assignsubmission_file_Main_Flow_final.json': enc('{'),
  }));
  const out = tempDir('moodle-feedback-forms-out');
  const run = await runCli(['grade', dir, '--out', out, '--now', NOW, '--quiet']);
  expect(feedbackLine(run.stdout)).toEqual(['moodle-feedback.zip and moodle-grades.csv: reports of 4 students and grades of 2, for Moodle\'s "Upload multiple feedback files in a zip" and "Upload grading worksheet"']);
  const entries = imported(out, [12345, 12346, 22345, 22346]).sort((a, b) => (a.entry < b.entry ? -1 : 1));
  expect(entries).toEqual([
    { entry: 'Doe Jane_12345_assignsubmission_file/flowgrade-report.html', participant: 12345, filename: '/flowgrade-report.html', report: 'Doe Jane_12345', utf8Flag: false },
    { entry: 'Moe Bob_22346_assignsubmission_file_/flowgrade-report.html', participant: 22346, filename: '/flowgrade-report.html', report: 'Moe Bob_22346', utf8Flag: false },
    { entry: 'Poe Amy_22345_assignsubmission_file_/flowgrade-report.html', participant: 22345, filename: '/flowgrade-report.html', report: 'Poe Amy_22345', utf8Flag: false },
    { entry: 'Roe John_12346_assignsubmission_file/flowgrade-report.html', participant: 12346, filename: '/flowgrade-report.html', report: 'Roe John_12346', utf8Flag: false },
  ]);
});

test('a class not from Moodle: no zip, no worksheet and no line; an earlier run\'s zip and worksheet in --out are removed', async () => {
  const dir = tempDir('moodle-feedback-stale');
  mkdirSync(path.join(dir, 'Doe Jane_12345_assignsubmission_file_'));
  writeFileSync(path.join(dir, 'Doe Jane_12345_assignsubmission_file_', 'flow.json'), solution());
  const out = tempDir('moodle-feedback-stale-out');
  await runCli(['grade', dir, '--out', out, '--now', NOW, '--quiet']);
  expect(existsSync(path.join(out, ZIP))).toBe(true);
  expect(existsSync(path.join(out, 'moodle-grades.csv'))).toBe(true);
  const run = await runCli(['grade', fixturePath('class'), '--out', out, '--now', NOW, '--quiet']);
  expect(run.stdout).toContain('graded ');
  expect(feedbackLine(run.stdout)).toEqual([]);
  expect(existsSync(path.join(out, ZIP))).toBe(false);
  expect(existsSync(path.join(out, 'moodle-grades.csv'))).toBe(false);
});

test('the zip and moodle-grades.csv are byte for byte the same with --jobs 1 and --jobs 4', async () => {
  const dir = tempDir('moodle-feedback-jobs');
  const students = ['Doe Jane', 'Roe John', 'Poe Amy', 'Moe Bob', 'Šťastná Eva', 'Ødegård Ole', 'Zoe Lee'];
  writeFileSync(path.join(dir, 'lab3.zip'), zipSync(Object.fromEntries(students.map((name, i) => [
    `${name}_${3000 + i}_assignsubmission_file/Main_Flow_${140 + i}.json`,
    [enc(i % 3 === 2 ? '{' : withAttendee(i % 2 ? failing() : solution(), String(140 + i))), { mtime: new Date('2025-07-01T10:00:00Z') }],
  ]))));
  const zips = [];
  const sheets = [];
  for (const jobs of ['1', '4']) {
    const out = tempDir(`moodle-feedback-jobs-${jobs}`);
    const run = await runCli(['grade', dir, '--out', out, '--now', NOW, '--quiet', '--jobs', jobs]);
    expect(feedbackLine(run.stdout)).toEqual(['moodle-feedback.zip and moodle-grades.csv: reports of 7 students and grades of 5, for Moodle\'s "Upload multiple feedback files in a zip" and "Upload grading worksheet"']);
    zips.push(readFileSync(path.join(out, ZIP)));
    sheets.push(readFileSync(path.join(out, 'moodle-grades.csv')));
  }
  expect(Object.keys(unzipSync(zips[0])).length).toBe(7);
  expect(zips[1].equals(zips[0])).toBe(true);
  expect(sheets[0].toString('utf8').split('\r\n')).toHaveLength(9); // BOM and header, 7 students, the final line end
  expect(sheets[1].equals(sheets[0])).toBe(true);
});

test('hostile Moodle folder names: a control character, or a name Moodle\'s importer would give another student, is left out with a warning', async () => {
  const dir = tempDir('moodle-feedback-hostile');
  writeFileSync(path.join(dir, 'lab3.zip'), zipSync({
    'Doe Jane_12345_assignsubmission_file_/flow.json': enc(solution()),
    'Roe\nJohn_12346_assignsubmission_file_/flow.json': enc(solution()), // a line break
    'Poe\u001b[2JAmy_12347_assignsubmission_file_/flow.json': enc(solution()), // an escape sequence
    'Moe_Bob_12348_assignsubmission_file_/flow.json': enc(solution()), // Moodle reads participant "Bob": none
    'Lee Zoe_1_assignsubmission_file_Ray Al_12349_assignsubmission_file_/flow.json': enc(solution()), // Moodle reads participant 1
  }));
  const out = tempDir('moodle-feedback-hostile-out');
  const run = await runCli(['grade', dir, '--out', out, '--now', NOW, '--quiet']);
  expect(run.code).toBe(0);
  expect(feedbackLine(run.stdout)).toEqual(['moodle-feedback.zip and moodle-grades.csv: reports and grades of 1 student, for Moodle\'s "Upload multiple feedback files in a zip" and "Upload grading worksheet" (not in them: 4 left out, see the warnings)']);
  expect(Object.keys(unzipSync(readFileSync(path.join(out, ZIP))))).toEqual(['Doe Jane_12345_assignsubmission_file_/flowgrade-report.html']);
  const warnings = run.stderr.split('\n').filter((line) => line.includes('[moodle-feedback]'));
  expect(warnings).toHaveLength(4);
  for (const line of warnings) expect(line).toMatch(/^flowgrade: .*lab3\.zip!\/.*: not in moodle-feedback\.zip and moodle-grades\.csv: .+ \[moodle-feedback\]$/);
  expect(run.stderr).not.toContain('\u001b');
  expect(warnings.join('\n')).toContain('\\u001b[2J');
  expect(warnings.find((line) => line.includes('Moe_Bob'))).toContain('Moodle\'s importer would not read');
  expect(warnings.find((line) => line.includes('Lee Zoe'))).toContain('participant 1');
});
