/**
 * Which rows go into moodle-feedback.zip and under what names (planMoodleFeedback, pure): the
 * cases the end-to-end tests (moodle-feedback.test.ts) do not build a class for.
 */
import { expect, test } from '@playwright/test';
import { attendeeOf } from '../../../engine/attendee.js';
import { moodleFeedbackLine, planMoodleFeedback } from '../../../cli/grade/moodle-feedback.js';
import { moodleStudents } from '../../../cli/grade/moodle-grades.js';
import type { GradeReport } from '../../../engine/report.js';

/** A kept row of `file`, its attendee id as grading gives it (an unreadable file's: the flow name plays no part under a Moodle name). */
const row = (file: string) => ({ file, report: { attendee: { id: attendeeOf('Main_Flow_140', { fileName: file }).id } } });
const names = (files: string[]) => planMoodleFeedback(files.map(row)).entries.map((entry) => entry.name);

test('a student with two kept rows (a file and an archive of their own in their folder) gets both reports, numbered', () => {
  const plan = planMoodleFeedback([
    row('lab3.zip!/Doe Jane_12345_assignsubmission_file_/flow.json'),
    row('lab3.zip!/Doe Jane_12345_assignsubmission_file_/mine.zip!/flow.json'),
  ]);
  expect(plan.entries).toEqual([
    { name: 'Doe Jane_12345_assignsubmission_file_/flowgrade-report.html', row: 0, participant: '12345', fullName: 'Doe Jane' },
    { name: 'Doe Jane_12345_assignsubmission_file_/flowgrade-report (2).html', row: 1, participant: '12345', fullName: 'Doe Jane' },
  ]);
  expect(plan.students).toBe(1);
});

test('anonymous submissions, group submissions, Windows paths and a flat name with a copy mark keep the name as Moodle wrote it', () => {
  expect(names([
    'lab3.zip!/Participant_12345_assignsubmission_file_/flow.json',
    'lab3.zip!/Team A-Doe Jane_12346_assignsubmission_file/flow.json',
    'C:\\class\\Roe John_12347_assignsubmission_file_\\flow.json',
    'lab3.zip!/Poe Amy_12348_assignsubmission_file_Main_Flow_140 (1).json',
  ])).toEqual([
    'Participant_12345_assignsubmission_file_/flowgrade-report.html',
    'Team A-Doe Jane_12346_assignsubmission_file/flowgrade-report.html',
    'Roe John_12347_assignsubmission_file_/flowgrade-report.html',
    'Poe Amy_12348_assignsubmission_file_/flowgrade-report.html',
  ]);
});

test('a file a Blackboard, Canvas or Brightspace name gives its student, though in a Moodle folder, is not from Moodle; nor is a file with no Moodle name', () => {
  const plan = planMoodleFeedback([
    row('x/Doe Jane_12345_assignsubmission_file_/Lab3_jdoe_attempt_2026-12-01-10-00-00_flow.json'),
    row('x/Doe Jane_12345_assignsubmission_file_/doejane_12000_67001_flow.json'),
    row('x/Doe Jane_12345_assignsubmission_file_/11824-66708 - Lucy Pelt - Feb 9, 2017 1004 PM - flow.json'),
    row('x/Doe Jane_12345_assignsubmission_file_/11824-66708 - Lucy Pelt - Feb 9, 2017 1004 PM/flow.json'), // the nearer folder's student
    row('class/Main_Flow_141.json'),
  ]);
  expect(plan).toEqual({ entries: [], students: 0, leftOut: [], notMoodle: 5 });
});

test('a Moodle name over 255 bytes, or another plugin\'s, is left out with why', () => {
  const long = `${'é'.repeat(120)} Doe_12345_assignsubmission_file_`;
  const plan = planMoodleFeedback([row(`lab3.zip!/${long}/flow.json`), row('lab3.zip!/Doe Jane_12346_assignsubmission_onlinetext_/flow.json')]);
  expect(plan.entries).toEqual([]);
  expect(plan.leftOut.map((left) => left.why)).toEqual([
    'its Moodle name is longer than a folder name may be (255 bytes)',
    'Moodle\'s importer would not read "Doe Jane_12346_assignsubmission_onlinetext_" as a student\'s (<full name>_<participant id>_assignsubmission_file, the full name without _)',
  ]);
});

test('a file whose path names two Moodle students (another student\'s prefix or folder inside a student\'s own submission) is left out: its report and grade could go to the wrong student', () => {
  const plan = planMoodleFeedback([
    // Jane submitted a file named with John's prefix, and an archive holding John's folder: both give "Roe John_12346".
    row('lab3.zip!/Doe Jane_12345_assignsubmission_file_/Roe John_12346_assignsubmission_file_flow.json'),
    row('lab3.zip!/Doe Jane_12345_assignsubmission_file_/mine.zip!/Roe John_12346_assignsubmission_file_/flow.json'),
    // The same student named twice (her own folder in her own archive) is hers.
    row('lab3.zip!/Poe Amy_12347_assignsubmission_file_/mine.zip!/Poe Amy_12347_assignsubmission_file/flow.json'),
  ]);
  expect(plan.entries).toEqual([{ name: 'Poe Amy_12347_assignsubmission_file_/flowgrade-report.html', row: 2, participant: '12347', fullName: 'Poe Amy' }]);
  expect(plan.leftOut.map((left) => left.why)).toEqual(Array(2).fill('its path names more than one Moodle student (Doe Jane_12345, Roe John_12346): a student\'s own file or archive may name another, so whose it is cannot be told'));
});

test('a Moodle name of exactly 255 bytes is kept, of 256 left out; DEL and C1 control characters are control characters; the plugin type is Moodle\'s exact spelling', () => {
  const suffix = '_12345_assignsubmission_file_';
  const folder = (bytes: number) => `${'D'.repeat(bytes - suffix.length - 4)} Doe${suffix}`;
  expect(Buffer.byteLength(folder(255))).toBe(255);
  const plan = planMoodleFeedback([
    row(`lab3.zip!/${folder(255)}/flow.json`),
    row(`lab3.zip!/${folder(256)}/flow.json`.replace('_12345_', '_12346_')),
    row('lab3.zip!/Roe\u007fJohn_12347_assignsubmission_file_/flow.json'),
    row('lab3.zip!/Poe\u009b2JAmy_12348_assignsubmission_file_/flow.json'),
    row('lab3.zip!/Moe Bob_12349_ASSIGNSUBMISSION_file_/flow.json'), // flowgrade's attendee (any case); Moodle's importer: no plugin
    row('lab3.zip!/Lee Zoe_1x_assignsubmission_file_Ray Al_12350_assignsubmission_file_/flow.json'), // Moodle's importer: "1x" is no number
  ]);
  expect(plan.entries).toEqual([{ name: `${folder(255)}/flowgrade-report.html`, row: 0, participant: '12345', fullName: `${'D'.repeat(255 - suffix.length - 4)} Doe` }]);
  const notRead = 'Moodle\'s importer would not read "…" as a student\'s (<full name>_<participant id>_assignsubmission_file, the full name without _)';
  expect(plan.leftOut.map((left) => left.why.replace(/"[^"]*"/, '"…"'))).toEqual(
    ['its Moodle name is longer than a folder name may be (255 bytes)', ...Array(2).fill('its Moodle name "…" holds a control character'), ...Array(2).fill(notRead)],
  );
});

test('grade\'s line counts the reports apart from the students when a student has two', () => {
  const plan = planMoodleFeedback([
    row('lab3.zip!/Doe Jane_12345_assignsubmission_file_/flow.json'),
    row('lab3.zip!/Doe Jane_12345_assignsubmission_file_/mine.zip!/flow.json'),
    row('lab3.zip!/Roe John_12346_assignsubmission_file_/flow.json'),
  ]);
  const uploads = 'for Moodle\'s "Upload multiple feedback files in a zip" and "Upload grading worksheet"';
  expect(moodleFeedbackLine(plan, 1)).toBe(`moodle-feedback.zip and moodle-grades.csv: reports of 2 students (3 reports) and grades of 1, ${uploads}`);
  expect(moodleFeedbackLine(plan, 2)).toBe(`moodle-feedback.zip and moodle-grades.csv: reports and grades of 2 students (3 reports), ${uploads}`);
  expect(moodleFeedbackLine(planMoodleFeedback([]), 0)).toBeUndefined();
});

test('the entry folder is the download\'s own (the outermost Moodle name), not one a student put in their own file or archive', () => {
  const long = `Doe Jane_12345_assignsubmission_file_${'x'.repeat(200)}`; // Moodle's importer: Jane's, the report in a folder xxx…
  expect(names([
    `lab3.zip!/Doe Jane_12345_assignsubmission_file_/mine.zip!/${long}/flow.json`,
    'lab3.zip!/Roe John_12346_assignsubmission_file/Roe John_12346_assignsubmission_file_notes_flow.json',
  ])).toEqual([
    'Doe Jane_12345_assignsubmission_file_/flowgrade-report.html',
    'Roe John_12346_assignsubmission_file/flowgrade-report.html',
  ]);
});

test('the same submission reached twice (the download\'s zip and the folder it was extracted into, both in the class) is one report of the student, not two', () => {
  // grade warns [same-submissions] and grades both; the student's two rows hold the same bytes.
  const same = (file: string, sha256: string) => ({ ...row(file), report: { ...row(file).report, input: { sha256 } } });
  const plan = planMoodleFeedback([
    same('class/Doe Jane_12345_assignsubmission_file_/flow.json', 'a1'),
    same('class/Roe John_12346_assignsubmission_file_/flow.json', 'b2'),
    same('class/lab3.zip!/Doe Jane_12345_assignsubmission_file_/flow.json', 'a1'),
    same('class/lab3.zip!/Roe John_12346_assignsubmission_file_/flow.json', 'c3'), // John's differs: both are his
  ]);
  expect(plan.entries).toEqual([
    { name: 'Doe Jane_12345_assignsubmission_file_/flowgrade-report.html', row: 0, participant: '12345', fullName: 'Doe Jane' },
    { name: 'Roe John_12346_assignsubmission_file_/flowgrade-report.html', row: 1, participant: '12346', fullName: 'Roe John' },
    { name: 'Roe John_12346_assignsubmission_file_/flowgrade-report (2).html', row: 3, participant: '12346', fullName: 'Roe John' },
  ]);
  expect(plan.students).toBe(2);
});

test('one participant under two full names (a student renamed between two downloads given together) is one student: two reports, numbered, in one worksheet row', () => {
  const plan = planMoodleFeedback([
    row('may/Doe Jane_12345_assignsubmission_file_/flow.json'),
    row('june/Doe-Roe Jane_12345_assignsubmission_file_/flow.json'),
  ]);
  // Moodle's importer reads both folders as participant 12345: the same file name twice would keep only the last.
  expect(plan.entries).toEqual([
    { name: 'Doe Jane_12345_assignsubmission_file_/flowgrade-report.html', row: 0, participant: '12345', fullName: 'Doe Jane' },
    { name: 'Doe-Roe Jane_12345_assignsubmission_file_/flowgrade-report (2).html', row: 1, participant: '12345', fullName: 'Doe-Roe Jane' },
  ]);
  expect(plan.students).toBe(1);
  const reports = [0, 1].map(() => ({ score: { earned: 105, possible: 105 }, verdict: 'passed' }) as unknown as GradeReport);
  expect(moodleStudents(plan, reports).map((student) => [student.participant, student.reports.length])).toEqual([['12345', 2]]);
});
