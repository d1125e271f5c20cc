/**
 * moodle-feedback.zip's plan (planMoodleFeedback) on generated classes, hostile names among them:
 * whatever the paths, an entry goes to the student whose submission it is, as Moodle's importer
 * (moodle-importer.ts) reads it, or the row is left out or counted as not from Moodle.
 */
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { attendeeOf } from '../../../engine/attendee.js';
import { planMoodleFeedback } from '../../../cli/grade/moodle-feedback.js';
import { moodleImport } from './moodle-importer.js';

/** A full name: letters, spaces, accents, and now and then what a hostile or odd name holds. */
const fullName = fc
  .array(fc.constantFrom('J', 'a', 'n', 'e', ' ', 'é', 'Ø', '-', '_', '.', '1', '\u0007', '\u202e', ':', 'x'), { minLength: 1, maxLength: 12 })
  .map((chars) => chars.join(''));
const mark = fc.constantFrom('_assignsubmission_file_', '_assignsubmission_file', '_assignsubmission_onlinetext_');
const student = fc.tuple(fullName, fc.integer({ min: 1, max: 999999 }), mark).map(([name, id, m]) => `${name}_${id}${m}`);
const flowFile = fc.constantFrom('Main_Flow_140.json', 'flow.json', 'Main_Flow_141 (1).json');
/** A submission's path: in a student's folder or with their prefix, maybe inside an archive, maybe naming another student inside. */
const submission = fc
  .tuple(fc.constantFrom('class/', 'lab3.zip!/', 'C:\\class\\', ''), student, fc.boolean(), fc.option(fc.oneof(fc.constant('mine.zip!/'), student.map((s) => `${s}/`))), flowFile)
  .map(([outer, own, folder, inner, file]) => (folder ? `${outer}${own}/${inner ?? ''}${file}` : `${outer}${inner ?? ''}${own}${file}`));

test('every entry of the plan goes to the student whose submission it is, as Moodle reads it; every other row is left out or not from Moodle', () => {
  fc.assert(
    fc.property(fc.uniqueArray(submission, { minLength: 1, maxLength: 6 }), (files) => {
      const rows = files.map((file, i) => ({ file, report: { attendee: { id: attendeeOf('Main_Flow_140', { fileName: file }).id }, input: { sha256: String(i) } } }));
      const plan = planMoodleFeedback(rows);
      expect(plan.entries.length + plan.leftOut.length + plan.notMoodle).toBe(rows.length);
      const participants = new Set(files.flatMap((file) => [...file.matchAll(/_(\d+)_assignsubmission_/g)].map((m) => Number(m[1]))));
      for (const { name, row } of plan.entries) {
        expect(name.split('/')).toHaveLength(2);
        expect(name).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        const imported = moodleImport(name, participants);
        expect(imported, name).toBeDefined();
        expect(imported!.filename, name).toMatch(/^\/flowgrade-report( \(\d+\))?\.html$|^flowgrade-report( \(\d+\))?\.html$/);
        // The participant Moodle reads is the one of the row's attendee id (<full name>_<participant id>).
        expect(rows[row]!.report.attendee.id, name).toBe(`${name.split('_')[0]}_${imported!.participant}`);
      }
    }),
    { numRuns: 400 },
  );
});
