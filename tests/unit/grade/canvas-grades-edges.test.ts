/**
 * canvas-grades.ts's rules one at a time, each pinned by a mutation sweep: the plan's edges, the
 * percentage, the file's cells, --canvas-assignment's reading and the stdout line's parts.
 */
import { expect, test } from '@playwright/test';
import { canvasColumnOf, canvasGradesLine, planCanvasGrades } from '../../../cli/grade/canvas-grades.js';
import { attendeeOfFile, canvasStudentsOf } from '../../../engine/attendee.js';

type Row = Parameters<typeof planCanvasGrades>[0][number];
const row = (file: string, attendee: string, over: Partial<Row['report']> = {}): Row => ({
  file,
  report: { attendee: { id: attendee, source: 'file-name' }, verdict: 'passed', score: { earned: 105, possible: 105 }, ...over } as Row['report'],
});

test('a folder naming the file\'s own student (a student\'s archive of their own files) is no other student: graded', () => {
  const plan = planCanvasGrades([row('c.zip!/doejane_12000_67005_lab.zip!/doejane_12000_67006_flow.json', 'doejane_12000')]);
  expect(plan.students).toEqual([{ userId: '12000', name: 'doejane', grade: '100%' }]);
  expect(plan.leftOut).toEqual([]);
});

test('no grade from a report marked ungradable though it has a score, nor from a mission of no points (no "NaN%")', () => {
  const plan = planCanvasGrades([
    row('doejane_12000_67001_flow.json', 'doejane_12000', { verdict: 'ungradable' }),
    row('roejohn_12001_67002_flow.json', 'roejohn_12001', { score: { earned: 0, possible: 0 } }),
    row('moebob_12002_67003_flow.json', 'moebob_12002', { score: { earned: 0, possible: 105 }, verdict: 'failed' }),
  ]);
  expect(plan.students).toEqual([{ userId: '12002', name: 'moebob', grade: '0%' }]);
  expect(plan.ungradable).toBe(2);
});

test('--canvas-assignment: only an id as Canvas writes one (no leading zero, digits alone) is made flowgrade (id); a NUL and every total\'s words refused', () => {
  expect(canvasColumnOf('0123')).toBe('0123');
  expect(canvasColumnOf('3 Lab')).toBe('3 Lab');
  expect(canvasColumnOf('Lab 3 (4567)')).toBe('Lab 3 (4567)');
  expect(canvasColumnOf('Lab\u00003')).toEqual({ why: 'holds a control character or a line break, which no assignment title has' });
  expect(canvasColumnOf('Lab\u001f3')).toHaveProperty('why');
  for (const word of ['Current Score', 'Current Points', 'Current Grade', 'Final Score', 'Final Points', 'Final Grade', 'Override Score', 'Override Grade', 'Override Status']) {
    expect(canvasColumnOf(`Lab 3 ${word} (4567)`), word).toEqual({ why: `holds "${word}": Canvas's import takes such a column for one of its own totals and drops it; give the assignment's id` });
  }
  // A title merely starting like one of them is an assignment's.
  expect(canvasColumnOf('Final Project')).toBe('Final Project');
});

test('the stdout line: one student is graded ("grades of 1 student"); a class of only ungradable or only left-out Canvas rows still has its line', () => {
  expect(canvasGradesLine(planCanvasGrades([row('doejane_12000_67001_flow.json', 'doejane_12000')]))).toBe('canvas-grades.csv: grades of 1 student, for Canvas\'s Gradebook Import');
  expect(canvasGradesLine(planCanvasGrades([row('doejane_12000_67001_flow.json', 'doejane_12000', { verdict: 'ungradable', score: undefined })]))).toBe('canvas-grades.csv: not written, no grade to give (not in it: 1 ungradable)');
  expect(canvasGradesLine(planCanvasGrades([row('a/doejane_12000_67001_flow.json', 'doejane_12000'), row('b/doejane_12000_67002_flow.json', 'doejane_12000')]))).toBe('canvas-grades.csv: not written, no grade to give (not in it: 1 left out, see the warnings)');
  expect(canvasGradesLine(planCanvasGrades([
    row('a/doejane_12000_67001_flow.json', 'doejane_12000', { verdict: 'ungradable', score: undefined }),
    row('a/roejohn_12001_67001_flow.json', 'roejohn_12001', { verdict: 'ungradable', score: undefined }),
    row('x/Main_Flow_1.json', '1'),
    row('x/Main_Flow_2.json', '2'),
  ]))).toBe('canvas-grades.csv: not written, no grade to give (not in it: 2 ungradable; 2 attendees not from a Canvas download)');
});

test('canvasStudentsOf: a Blackboard attempt whose assignment name reads like Canvas\'s or a Moodle name starting like one, is no Canvas student (their names are read first)', () => {
  const file = 'lab_123_456_jdoe_attempt_2025-07-01-10-00-00_flow.json';
  expect(attendeeOfFile(file).id).toBe('lab_123_456_jdoe');
  expect(canvasStudentsOf(file).own).toBeUndefined();
  expect(canvasStudentsOf(`c.zip!/${file}`).own).toBeUndefined();
  // Moodle's likewise: its student is the whole name before the id, Canvas-like start and all.
  const moodle = 'doejane_12000_67001_Jane Doe_12345_assignsubmission_file_flow.json';
  expect(attendeeOfFile(moodle).id).toBe('doejane_12000_67001_Jane Doe_12345');
  expect(canvasStudentsOf(moodle).own).toBeUndefined();
});

test('canvasStudentsOf: each student along the folders once, outermost first, the outermost folder too', () => {
  expect(canvasStudentsOf('moebob_12002_67003_lab.zip!/moebob_12002_67004_lab/roeann_12004_67005_in/doejane_12000_67001_flow.json')).toEqual({
    own: { name: 'doejane', userId: '12000' },
    inFolders: ['moebob_12002', 'roeann_12004'],
  });
  const plan = planCanvasGrades([row('moebob_12002_67003_lab.zip!/moebob_12002_67004_lab/doejane_12000_67001_flow.json', 'doejane_12000')]);
  expect(plan.leftOut.map((left) => left.why)).toEqual(['its path names more than one Canvas student (moebob_12002, doejane_12000): a student\'s own archive may name another, so whose it is cannot be told']);
});
