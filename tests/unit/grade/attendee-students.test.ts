/**
 * Attendee ids from file names never merge two students. One id in one folder is one attendee
 * (cli/grade/duplicates.ts keeps the newest and sets the others aside), so two students whose
 * files lie in one folder (a flat download) must get two ids, whatever they named their files: a
 * wrongly split pair is two visible rows, a wrong merge silently loses a grade.
 */
import { expect, test } from '@playwright/test';
import { attendeeOf, attendeeOfFile } from '../../../engine/attendee.js';

const idOf = (file: string) => attendeeOfFile(file).id;

/** Each row: one student's files of one flat download, and the id they all give. */
function expectStudents(students: readonly (readonly [string[], string])[]): void {
  for (const [files, id] of students) {
    for (const file of files) expect([file, idOf(file)]).toEqual([file, id]);
  }
  expect(new Set(students.map(([, id]) => id)).size, 'one id per student').toBe(students.length);
}

test('Moodle without folders: the student of the name prefix wins over Main_Flow_ in the student\'s own file name', () => {
  expectStudents([
    [['lab3.zip!/Jane Doe_1234_assignsubmission_file_Main_Flow_final.json', 'lab3.zip!/Jane Doe_1234_assignsubmission_file_Main_Flow_final (1).json', 'lab3.zip!/Jane Doe_1234_assignsubmission_file_flow.json'], 'Jane Doe_1234'],
    [['lab3.zip!/John Roe_1235_assignsubmission_file_Main_Flow_final.json'], 'John Roe_1235'],
    [['lab3.zip!/Participant_1236_assignsubmission_file_Main_Flow_140.json'], 'Participant_1236'],
  ]);
});

test('Blackboard: the attempt rule wins over Main_Flow_ in the file name and in the assignment\'s own name', () => {
  expectStudents([
    [['bb.zip!/Lab3_jdoe_attempt_2025-01-01-10-00-00_Main_Flow_final.json', 'bb.zip!/Lab3_jdoe_attempt_2025-01-02-09-30-00_Main_Flow_final.json'], 'Lab3_jdoe'],
    [['bb.zip!/Lab3_jroe_attempt_2025-01-01-10-00-00_Main_Flow_final.json'], 'Lab3_jroe'],
    [['bb.zip!/Main_Flow_Lab_jdoe_attempt_2025-01-01-10-00-00_flow.json', 'bb.zip!/Main_Flow_Lab_jdoe_attempt_2025-01-03-10-00-00_Main_Flow_140.json'], 'Main_Flow_Lab_jdoe'],
    [['bb.zip!/Main_Flow_Lab_jroe_attempt_2025-01-01-10-00-00_flow.json'], 'Main_Flow_Lab_jroe'],
    [['bb.zip!/Build Main_Flow_ID_amy_attempt_2025-01-01-10-00-00_Main_Flow_140.json'], 'Build Main_Flow_ID_amy'],
  ]);
});

test('Canvas: the student its name gives wins over Main_Flow_ in the student\'s own file name; a late submission is the same student\'s', () => {
  expectStudents([
    [['canvas/doejane_12000_67001_Main_Flow_final.json', 'canvas/doejane_12000_67001_Main_Flow_final (1).json', 'canvas/doejane_LATE_12000_67010_Main_Flow_final.json'], 'doejane_12000'],
    [['canvas/roejohn_12001_67002_Main_Flow_final.json'], 'roejohn_12001'],
    [['canvas/doejane_late_12002_67003_Main_Flow_final.json'], 'doejane_12002'], // a second Jane Doe, late: another user id
    [['canvas/smithann_12003_67004_Main_Flow_101-1.json'], 'smithann_12003'], // Canvas's rename of a second upload
    [['canvas/anon_7Hk2p_67005_Main_Flow_final.json', 'canvas/LATE_anon_7Hk2p_67011_Main_Flow_final.json'], 'anon_7Hk2p'], // anonymous grading
    [['canvas/anon_Qm9xZ_67006_Main_Flow_final.json'], 'anon_Qm9xZ'],
  ]);
});

test('Brightspace: the student its name gives (in the file\'s name, or in the folder of each submission) wins over Main_Flow_ in the student\'s own file name; every submission of a student is that student\'s', () => {
  expectStudents([
    [['d2l/123456-789012 - Doe, Jane - Jan 1, 2025 1000 AM - Main_Flow_final.json', 'd2l/123456-789012 - Doe, Jane - Jan 2, 2025 915 PM - Main_Flow_final.json', 'd2l/123456-789012 - Doe, Jane - Jan 2, 2025 915 PM - Main_Flow_final (1).json'], '123456-789012 - Doe, Jane'],
    [['d2l/123457-789012 - Roe, John - Jan 1, 2025 1000 AM - Main_Flow_final.json'], '123457-789012 - Roe, John'],
    [['d2l/123458-789012 - Doe, Jane - Jan 1, 2025 1001 AM - Main_Flow_final.json'], '123458-789012 - Doe, Jane'], // a second Jane Doe: another id
    [['d2l.zip!/223456-789013 - Amy Poe - Jan 1, 2025 1000 AM/Main_Flow_final.json', 'd2l.zip!/223456-789013 - Amy Poe - Jan 3, 2025 1000 AM/flow.json'], '223456-789013 - Amy Poe'],
    [['d2l.zip!/223457-789013 - Bob Moe - Jan 1, 2025 1000 AM/Main_Flow_final.json'], '223457-789013 - Bob Moe'],
  ]);
});

test('any other name before Main_Flow_ (a person\'s "<name> - <file>", a late_ mark) names whose file it is: the base name is kept', () => {
  expectStudents([
    [['canvas/late_Main_Flow_final.json'], 'late_Main_Flow_final'],
    [['shared/Jane Doe - Main_Flow_final.json'], 'Jane Doe - Main_Flow_final'], // as a person names it (Google Classroom keeps the student's own name)
    [['shared/John Roe - Main_Flow_final.json'], 'John Roe - Main_Flow_final'],
  ]);
});

test('a folder per student that names no student the code can read (MS Teams, GitHub Classroom): Main_Flow_<ID> still gives <ID>, which the folder keeps apart', () => {
  for (const [file, id] of [
    ['Student Work/Working files/Jane Doe/Lab 3/Main_Flow_140.json', '140'], // MS Teams
    ['lab3-submissions/lab3-jdoe/Main_Flow_140-1.json', '140'], // GitHub Classroom, a repository per student
  ]) {
    expect([file, idOf(file)]).toEqual([file, id]);
  }
});

test('a trailing " <digits>" or "-<digits>" after a Main_Flow_ ID is a copy mark only after the lab\'s three-digit ID: two real ids never become one', () => {
  expectStudents([
    [['Main_Flow_Team 1.json', 'Main_Flow_Team 1 (1).json', 'Main_Flow_Team 1 - Copy.json'], 'Team 1'],
    [['Main_Flow_Team 2.json'], 'Team 2'],
    [['Main_Flow_Pod-1.json'], 'Pod-1'],
    [['Main_Flow_Pod-2.json'], 'Pod-2'],
    [['Main_Flow_jane-doe-2.json'], 'jane-doe-2'],
    [['Main_Flow_lab3-1.json'], 'lab3-1'],
    [['Main_Flow_lab3-2.json'], 'lab3-2'],
    [['Main_Flow_140.json', 'Main_Flow_140 2.json', 'Main_Flow_140-1.json', 'Main_Flow_140 (1) 2.json', 'Main_Flow_140 2 (1).json'], '140'],
    [['Main_Flow_141.json', 'Main_Flow_141 3.json'], '141'],
    [['Main_Flow_2023-001.json'], '2023-001'], // a class's own numbering, not the lab's three digits
    [['Main_Flow_2023-002.json'], '2023-002'],
    [['Main_Flow_12 1.json'], '12 1'],
    [['Main_Flow_12 2.json'], '12 2'],
  ]);
});

test('a flow name gives its ID as written, and its file, with or without copy marks, gives the same id', () => {
  for (const [flowName, files] of [
    ['Main_Flow_Team 1', ['Main_Flow_Team 1.json', 'Main_Flow_Team 1 (1).json']],
    ['Main_Flow_Team 2', ['Main_Flow_Team 2.json']],
    ['Main_Flow_140', ['Main_Flow_140 2.json', 'Main_Flow_140-1.json']],
  ] as const) {
    const fromFlow = attendeeOf(flowName, { fileName: 'renamed.json' }).id;
    for (const file of files) expect([flowName, file, idOf(file)]).toEqual([flowName, file, fromFlow]);
  }
});

test('a readable export in a download without a folder per student is the student\'s the platform names, not its flow name\'s ID, which two students may share', () => {
  const flat = [
    ['lab3.zip!/Jane Doe_1234_assignsubmission_file_Main_Flow_140.json', 'Jane Doe_1234'],
    ['lab3.zip!/John Roe_1235_assignsubmission_file_Main_Flow_140.json', 'John Roe_1235'], // ID 140 in another session of the lab
    ['bb.zip!/Lab3_jdoe_attempt_2025-01-01-10-00-00_Main_Flow_140.json', 'Lab3_jdoe'],
    ['bb.zip!/Lab3_jroe_attempt_2025-01-01-10-00-00_Main_Flow_140.json', 'Lab3_jroe'],
    ['canvas.zip!/doejane_12000_67001_Main_Flow_140.json', 'doejane_12000'],
    ['canvas.zip!/roejohn_12001_67002_Main_Flow_140.json', 'roejohn_12001'],
    ['canvas.zip!/anon_7Hk2p_67005_Main_Flow_140.json', 'anon_7Hk2p'],
    ['d2l.zip!/11824-66708 - Lucy Pelt - Feb 9, 2017 1004 PM - Main_Flow_140.json', '11824-66708 - Lucy Pelt'],
    ['d2l.zip!/11690-66708 - Charlie Brown - Feb 9, 2017 614 PM - Main_Flow_140.json', '11690-66708 - Charlie Brown'],
    ['d2l.zip!/11691-66708 - Sally Brown - Feb 9, 2017 620 PM/Main_Flow_140.json', '11691-66708 - Sally Brown'], // a folder per submission
  ];
  for (const [fileName, id] of flat) {
    // Its unreadable resubmission beside it gives the same id, so it takes part in that student's duplicates.
    expect([fileName, attendeeOf('Main_Flow_140', { fileName }), idOf(fileName.replace('.json', ' (1).json'))]).toEqual([fileName, { id, source: 'file-name' }, id]);
  }
  expect(attendeeOf('Main_Flow_140', { fileName: 'lab3.zip!/Jane Doe_1234_assignsubmission_file_Main_Flow_140.json', attendee: 'A-1' })).toEqual({ id: 'A-1', source: 'option' });
});

test('Moodle with folders: the student the folder names, for every file under it, readable or not, whatever its name, as without folders', () => {
  const students = [
    ['Jane Doe_1234', ['flow.json', 'flow (1).json', 'Main_Flow_140.json', 'Main_Flow_140 (1).json', 'Main_Flow_final.json', 'upload.zip!/lab/Main_Flow_140.json']],
    ['John Roe_1235', ['Main_Flow_140.json']], // ID 140 in another session of the lab
    ['Participant_1236', ['Main_Flow_141.json']], // anonymous submissions
  ] as const;
  for (const [student, names] of students) {
    for (const name of names) {
      for (const fileName of [`lab3.zip!/${student}_assignsubmission_file_/${name}`, `lab3.zip!/${student}_assignsubmission_file_${name}`]) {
        // A readable export (its flow Main_Flow_140 or Main_Flow_141), and an unreadable one of the same name.
        expect([fileName, attendeeOf('Main_Flow_140', { fileName }), idOf(fileName)]).toEqual([fileName, { id: student, source: 'file-name' }, student]);
      }
    }
  }
  expect(attendeeOf('Main_Flow_140', { fileName: 'lab3.zip!/Jane Doe_1234_assignsubmission_file_/Main_Flow_140.json', attendee: 'A-1' })).toEqual({ id: 'A-1', source: 'option' });
});
