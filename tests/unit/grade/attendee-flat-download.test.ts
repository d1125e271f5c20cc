/**
 * `flowgrade grade` end to end (run `npm run build` first) on downloads that put every student's
 * files in one folder: two students never become one attendee, whatever they named their files
 * and whatever ID their flows carry (attendee-students.test.ts has the rules).
 */
import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { fixturePath, runCli } from '../../helpers.js';
import { tempDir, withAttendee } from './class-fixture.js';

const enc = (text: string) => new TextEncoder().encode(text);
const solution = () => readFileSync(fixturePath('flows/solution.json'), 'utf8');
const attendeesIn = (out: string) => readFileSync(path.join(out, 'grades.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((row) => row.split(',')[0]);

test('a Moodle zip without folders and a Blackboard zip: one row per student, none set aside', async () => {
  const dir = tempDir('flat-download');
  writeFileSync(path.join(dir, 'moodle.zip'), zipSync({
    'Jane Doe_1234_assignsubmission_file_Main_Flow_140.json': enc(solution()),
    'John Roe_1235_assignsubmission_file_Main_Flow_140.json': enc(solution()), // ID 140 in another session
    'Amy Poe_1236_assignsubmission_file_Main_Flow_final.json': enc('{'),
    'Bob Moe_1237_assignsubmission_file_Main_Flow_final.json': enc(''),
  }));
  writeFileSync(path.join(dir, 'blackboard.zip'), zipSync({
    'Main_Flow_Lab_jdoe_attempt_2025-01-01-10-00-00_Main_Flow_final.json': enc(withAttendee(solution(), '141')),
    'Main_Flow_Lab_jroe_attempt_2025-01-01-10-00-00_Main_Flow_final.json': enc('{'),
  }));
  const out = tempDir('flat-download-out');
  const run = await runCli(['grade', dir, '--out', out, '--now', '2025-08-01T09:00:00Z', '--quiet']);
  expect(run.stdout).not.toContain('duplicate submissions');
  expect(attendeesIn(out).sort()).toEqual(['Amy Poe_1236', 'Bob Moe_1237', 'Jane Doe_1234', 'John Roe_1235', 'Main_Flow_Lab_jdoe', 'Main_Flow_Lab_jroe']);
});

test('one Moodle class downloaded with and without folders: the same attendee ids, and a student\'s readable and unreadable files one attendee\'s duplicates', async () => {
  const at = (iso: string) => ({ mtime: new Date(iso) });
  // Each student's files, as they named them, with the time Moodle gives each entry.
  const students: Record<string, [string, string, string][]> = {
    'Jane Doe_1234': [['flow.json', solution(), '2025-07-01T10:00:00Z'], ['flow (1).json', '{', '2025-07-02T10:00:00Z']], // a resubmission cut short
    'John Roe_1235': [['Main_Flow_140.json', solution(), '2025-07-01T10:00:00Z']], // ID 140 in another session of the lab
    'Amy Poe_1236': [['Main_Flow_141.json', withAttendee(solution(), '141'), '2025-07-01T10:00:00Z']],
    'Bob Moe_1237': [['Main_Flow_final.json', '', '2025-07-01T10:00:00Z']],
  };
  const zipped = (separator: string) => zipSync(Object.fromEntries(Object.entries(students).flatMap(([student, files]) =>
    files.map(([name, text, time]) => [`${student}_assignsubmission_file_${separator}${name}`, [enc(text), at(time)]]))));
  const runs = [];
  for (const [kind, separator] of [['folders', '/'], ['flat', '']]) {
    const dir = tempDir(`moodle-${kind}`);
    writeFileSync(path.join(dir, 'lab3.zip'), zipped(separator));
    const out = tempDir(`moodle-${kind}-out`);
    const run = await runCli(['grade', path.join(dir, 'lab3.zip'), '--out', out, '--now', '2025-08-01T09:00:00Z', '--quiet']);
    runs.push({ kind, attendees: attendeesIn(out).sort(), duplicates: run.stdout.split('\n').filter((line) => line.startsWith('duplicate submissions')).map((line) => line.replace(/kept .*?lab3\.zip!\//, 'kept ').replace(/set aside .*?lab3\.zip!\//, 'set aside ')) });
  }
  for (const { kind, attendees, duplicates } of runs) {
    expect([kind, attendees]).toEqual([kind, ['Amy Poe_1236', 'Bob Moe_1237', 'Jane Doe_1234', 'John Roe_1235']]);
    expect([kind, duplicates.length, duplicates[0]]).toEqual([kind, 1, expect.stringMatching(/^duplicate submissions for Jane Doe_1234: kept Jane Doe_1234_assignsubmission_file_\/?flow \(1\)\.json; set aside Jane Doe_1234_assignsubmission_file_\/?flow\.json$/)]);
  }
});

test('a Canvas download: two students whose exports hold the same Main_Flow_140 are two attendees, both graded; a student\'s late submission beside the first is that student\'s, the newest kept', async () => {
  const dir = tempDir('canvas-download');
  const dated = (date: string) => solution().replace(/"lastModifiedDate": "[^"]*"/, `"lastModifiedDate": "${date}"`);
  // Copied work (or a lab whose IDs repeat across sessions): both flows are Main_Flow_140.
  writeFileSync(path.join(dir, 'doejane_12000_67001_Main_Flow_final.json'), dated('2025-07-01T10:00:00.000'));
  writeFileSync(path.join(dir, 'roejohn_12001_67002_Main_Flow_final.json'), dated('2025-07-01T11:00:00.000'));
  // The class downloaded again after the due date into the same folder: Jane's late resubmission.
  writeFileSync(path.join(dir, 'doejane_LATE_12000_67010_Main_Flow_final.json'), dated('2025-07-03T09:00:00.000'));
  const out = tempDir('canvas-download-out');
  const run = await runCli(['grade', dir, '--out', out, '--now', '2025-08-01T09:00:00Z', '--quiet']);
  expect(attendeesIn(out).sort()).toEqual(['doejane_12000', 'roejohn_12001']);
  const grades = readFileSync(path.join(out, 'grades.csv'), 'utf8');
  expect(grades).toContain(`roejohn_12001,${path.join(dir, 'roejohn_12001_67002_Main_Flow_final.json')},passed`);
  expect(grades).toContain(`doejane_12000,${path.join(dir, 'doejane_LATE_12000_67010_Main_Flow_final.json')},passed`);
  expect(run.stdout.split('\n').filter((line) => line.startsWith('duplicate submissions'))).toEqual([
    `duplicate submissions for doejane_12000: kept ${path.join(dir, 'doejane_LATE_12000_67010_Main_Flow_final.json')}; set aside ${path.join(dir, 'doejane_12000_67001_Main_Flow_final.json')}`,
  ]);
});

test('a Brightspace download, a file per submitted file or a folder per submission: two students whose exports hold the same Main_Flow_140 are two attendees, both graded; a student\'s second submission is that student\'s, the newest kept', async () => {
  const dated = (date: string) => enc(solution().replace(/"lastModifiedDate": "[^"]*"/, `"lastModifiedDate": "${date}"`));
  const index = enc('<html><body><table><tr bgcolor=#AAAAAA><td><b>Pelt, Lucy</b></td></tr></table></body></html>'); // Brightspace's list of the download
  const layouts = {
    // One folder, each file named "<id>-<id> - <name> - <date> - <file>" (kodiak-tools' example download).
    files: {
      'index.html': index,
      '11824-66708 - Lucy Pelt - Feb 9, 2017 1004 PM - Main_Flow_140.json': dated('2017-02-09T22:03:00.000'),
      '11690-66708 - Charlie Brown - Feb 9, 2017 614 PM - Main_Flow_140.json': dated('2017-02-09T18:13:00.000'), // ID 140 in another session
      '11824-66708 - Lucy Pelt - Feb 9, 2017 1017 PM - Main_Flow_140.json': dated('2017-02-09T22:16:00.000'), // Lucy's second submission
    },
    // A folder "<id>-<id> - <name> - <date>" per submission, the student's files as named.
    folders: {
      'index.html': index,
      '11824-66708 - Lucy Pelt - Feb 9, 2017 1004 PM/Main_Flow_140.json': dated('2017-02-09T22:03:00.000'),
      '11690-66708 - Charlie Brown - Feb 9, 2017 614 PM/Main_Flow_140.json': dated('2017-02-09T18:13:00.000'),
      '11824-66708 - Lucy Pelt - Feb 9, 2017 1017 PM/Main_Flow_140.json': dated('2017-02-09T22:16:00.000'),
    },
  };
  for (const [layout, entries] of Object.entries(layouts)) {
    const dir = tempDir(`brightspace-${layout}`);
    const zip = path.join(dir, 'Lab 3 Download Feb 10, 2017 900 AM.zip');
    writeFileSync(zip, zipSync(entries));
    const out = tempDir(`brightspace-${layout}-out`);
    const run = await runCli(['grade', zip, '--out', out, '--now', '2025-08-01T09:00:00Z', '--quiet']);
    const newest = Object.keys(entries)[3]!;
    expect([layout, attendeesIn(out).sort()]).toEqual([layout, ['11690-66708 - Charlie Brown', '11824-66708 - Lucy Pelt']]);
    const grades = readFileSync(path.join(out, 'grades.csv'), 'utf8');
    expect(grades).toContain(`11824-66708 - Lucy Pelt,"${zip}!/${newest}",passed`); // (quoted: the date's comma)
    expect([layout, run.stdout.split('\n').filter((line) => line.startsWith('duplicate submissions'))]).toEqual([layout, [
      `duplicate submissions for 11824-66708 - Lucy Pelt: kept ${zip}!/${newest}; set aside ${zip}!/${Object.keys(entries)[1]}`,
    ]]);
  }
});
