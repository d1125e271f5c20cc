/**
 * run-record.ts's class fingerprint and record, pinned by a mutation sweep: the fingerprint is the
 * class's whatever order the inputs were listed in, and tells apart what differs only in where a
 * line ends or in an archive entry's place; the record keeps each row's own path.
 */
import { test, expect } from '@playwright/test';
import { classFingerprint, runRecord, runRecordProblem } from '../../../cli/grade/run-record.js';

test('the fingerprint: the same submissions in any order give one; names joined otherwise, or an entry\'s place, give another', () => {
  const a = { file: 'class/a.json' };
  const b = { file: 'class/b.zip!/Main_Flow_1.json' };
  const c = { file: 'class/c.json' };
  expect(classFingerprint([c, a, b])).toBe(classFingerprint([a, b, c]));
  expect(classFingerprint([{ file: 'ab' }, { file: 'c' }])).not.toBe(classFingerprint([{ file: 'a' }, { file: 'bc' }]));
  expect(classFingerprint([{ file: 'x.zip!/f.json', entry: 0 }, { file: 'x.zip!/f.json', entry: 1 }])).not.toBe(classFingerprint([{ file: 'x.zip!/f.json', entry: 0 }, { file: 'x.zip!/f.json', entry: 2 }]));
  expect(classFingerprint([{ file: 'x.zip!/f.json', entry: 3 }])).not.toBe(classFingerprint([{ file: 'x.zip!/f.json' }]));
});

test('the record: each row\'s report name, attendee and path; a duplicate\'s keptFile only when it has one; a problem says where', () => {
  const record = runRecord({
    tool: { name: 'flowgrade', version: '1.0.0' },
    part: { shards: [1], of: 2 },
    class: { submissions: 3, fingerprint: 'f'.repeat(64) },
    lab: { id: 'lab', title: 'Lab' },
    settings: { grading: {}, junitRecommended: 'skipped', moodleMaxGrade: 100, canvasAssignment: 'flowgrade', zipLimits: {} },
    now: '2025-08-01T09:00:00.000Z',
    checkIds: ['a'],
    rows: [{ file: 'class/doejane_12000_67001_flow.json', report: { attendee: { id: 'doejane_12000' } } }],
    names: ['doejane_12000'],
    duplicates: [
      { attendee: 'x', kept: 'k.json', dropped: ['d.json'], keptFile: 'class/k.json' },
      { attendee: 'y', kept: 'k2.json', dropped: ['d2.json'] },
    ],
  });
  expect(record.attendees).toEqual([{ report: 'doejane_12000', attendee: 'doejane_12000', file: 'class/doejane_12000_67001_flow.json' }]);
  expect(record.duplicates.map((d) => 'keptFile' in d)).toEqual([true, false]);
  expect(runRecordProblem(record)).toBeUndefined();
  expect(runRecordProblem({ ...record, part: 'all' })).toMatch(/^\/part /);
  expect(runRecordProblem('x')).toMatch(/^\(top level\) /);
});
