/**
 * Edges of the attendee id a file name gives (engine/attendee.ts) that no test held, found by a
 * mutation sweep: a copy number of two digits, a name with a space before Main_Flow_, a Moodle
 * folder inside another, and names that only look like Blackboard's.
 */
import { expect, test } from '@playwright/test';
import { attendeeOfFile } from '../../../engine/attendee.js';

const idOf = (file: string) => attendeeOfFile(file).id;

test('the tenth and later copies of the lab\'s ID are still copies: Main_Flow_140-12 and Main_Flow_140 10 are 140', () => {
  for (const file of ['Main_Flow_140-12.json', 'Main_Flow_140 10.json', 'Main_Flow_140 (1) 12.json']) expect([file, idOf(file)]).toEqual([file, '140']);
});

test('a name with spaces before Main_Flow_<ID> (a copy and paste) still gives <ID>', () => {
  expect(idOf('  Main_Flow_140.json')).toBe('140');
});

test('a Moodle student folder inside another: the nearest names the student', () => {
  expect(idOf('Lab3_Instructor_1_assignsubmission_file_/Jane Doe_1234_assignsubmission_file_/flow.json')).toBe('Jane Doe_1234');
  // A download without folders inside one: the file's own name is nearer still (else every student would be one).
  expect(idOf('Lab3_Instructor_1_assignsubmission_file_/Jane Doe_1234_assignsubmission_file_Main_Flow_140.json')).toBe('Jane Doe_1234');
  expect(idOf('Lab3_Instructor_1_assignsubmission_file_/John Roe_1235_assignsubmission_file_flow.json')).toBe('John Roe_1235');
});

test('a name that only looks like a Blackboard attempt (no assignment, no user name, more after the time) is not read as one', () => {
  for (const base of ['_jdoe_attempt_2025-01-01-10-00-00_flow', 'Lab3__attempt_2025-01-01-10-00-00_flow', 'Lab3_jdoe_attempt_2025-01-01-10-00-001']) {
    expect(idOf(`${base}.json`)).toBe(base);
  }
  expect(idOf('Lab3_jdoe_attempt_2025-01-01-10-00-00.json')).toBe('Lab3_jdoe');
});

test('a name that is nothing but a copy mark keeps it, and .JSON in capitals is taken off like .json', () => {
  expect(idOf('Copy.json')).toBe('Copy');
  expect(idOf('(2).json')).toBe('(2)');
  expect(idOf('Main_Flow_140.JSON')).toBe('140');
});

test('a file named only .json (or a space and .json) has no name to give: its attendee id is unknown, not empty', () => {
  for (const file of ['.json', ' .json', 'class/.json']) expect([file, idOf(file)]).toEqual([file, 'unknown']);
});
