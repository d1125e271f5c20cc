/**
 * canvas-grades.csv on generated classes, hostile names among them: whatever the paths, each row
 * Canvas's import reads (canvas-importer.ts) gives a user id the grade of that user's own file,
 * named so by Canvas's download, and no user id twice; every other file is left out or counted.
 */
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { attendeeOf } from '../../../engine/attendee.js';
import { planCanvasGrades, renderCanvasGrades } from '../../../cli/grade/canvas-grades.js';
import { canvasImport, rubyCsv } from './canvas-importer.js';

/** A squeezed sortable name as Canvas writes it, now and then what a hostile or odd name holds. */
const name = fc.oneof(
  { arbitrary: fc.constantFrom('doejane', 'roejohn', 'öztürkipek', 'jo1'), weight: 3 },
  fc.array(fc.constantFrom('d', 'o', 'e', 'j', 'é', 'ö', '1', '=', '+', '-', '@', ',', '"', '_', ' ', 'A', '\u0007', '\u202e'), { minLength: 1, maxLength: 8 }).map((chars) => chars.join('')),
);
const userId = fc.constantFrom('12000', '12001', '12002', '99', '012000');
/** Canvas's name of one file: `<name>_[LATE_]<user id>_<file id>_<file>`, or an anonymous one. */
const canvasName = fc.oneof(
  fc.tuple(name, fc.constantFrom('', 'LATE_', 'late_'), userId, fc.constantFrom('67001', '67002'), fc.constantFrom('Main_Flow_140', 'flow', 'lab.zip!')).map(([n, late, id, file, rest]) => `${n}_${late}${id}_${file}_${rest}`),
  fc.constant('anon_7Hk2p_67008_flow'),
);
/** A submission's path: maybe inside an archive a student submitted, named like Canvas's or not. */
const submission = fc
  .tuple(fc.constantFrom('class/', 'lab3.zip!/', 'C:\\class\\', ''), fc.option(fc.oneof(fc.constant('mine.zip!/'), canvasName.map((n) => `${n}.zip!/`))), canvasName, fc.constantFrom('.json', ' (1).json'))
  .map(([outer, inner, own, end]) => `${outer}${inner ?? ''}${own.replace(/\.zip!$/, '')}${end}`);

/**
 * `<name>_<user id>` of a name Canvas's download could have written: its name lower-case, with a
 * letter (Canvas lower-cases the sortable name; a name with a capital, `Ad_12000_…`, is a
 * student's own and names no Canvas student, in a folder as in a file's name).
 */
const canvasLike = (part: string) => {
  const found = /^([\p{L}\p{M}\p{N}]+)_(?:LATE_|late_)?([1-9]\d{2,})_[1-9]\d{2,}_./u.exec(part);
  return found && /\p{L}/u.test(found[1]!) && !/[\p{Lu}\p{Lt}]/u.test(found[1]!) ? `${found[1]}_${found[2]}` : undefined;
};

test('each row Canvas reads gives a user id the grade of a file of that user\'s, once; the file stays whole', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.tuple(submission, fc.integer({ min: 0, max: 105 }), fc.boolean()), { minLength: 1, maxLength: 6, selector: ([file]) => file }), (generated) => {
      const rows = generated.map(([file, earned, readable], i) => ({
        file,
        report: { attendee: { id: attendeeOf('Main_Flow_140', { fileName: file }).id, source: 'file-name' as const }, verdict: readable ? ('failed' as const) : ('ungradable' as const), ...(readable ? { score: { earned, possible: 105 } } : {}), input: { file, sha256: String(i) } },
      }));
      const plan = planCanvasGrades(rows);
      const text = renderCanvasGrades(plan);
      const cells = rubyCsv(text.slice(1));
      expect(cells.every((row) => row.length === 4)).toBe(true);
      expect(cells).toHaveLength(plan.students.length + 2);
      for (const [student, id] of cells.slice(2)) {
        expect(student).toMatch(/^[\p{L}\p{M}\p{N}]+$/u);
        expect(id).toMatch(/^[1-9]\d{2,}$/);
      }
      const ids = plan.students.map((s) => Number(s.userId));
      expect(new Set(ids).size).toBe(ids.length);
      const roster = { students: new Map(ids.map((id) => [id, { name: 'x', sortableName: 'x' }])), assignments: [{ id: 4567, title: 'Lab 3', pointsPossible: 105 }] };
      const imported = canvasImport(Buffer.from(renderCanvasGrades(plan, 'Lab 3 (4567)')), roster);
      imported.grades.forEach((grade, at) => {
        // The user's own files: Canvas's name for them, in the file's own name, not inside an archive naming another.
        const student = `${plan.students[at]!.name}_${grade.userId}`;
        const own = rows.filter((row) => {
          const parts = row.file.split(/[\\/]/);
          return canvasLike(parts.pop()!) === student && parts.every((part) => [undefined, student].includes(canvasLike(part))) && row.report.verdict !== 'ungradable';
        });
        expect(own.length, JSON.stringify(rows.map((r) => r.file))).toBeGreaterThan(0);
        expect(own.some((row) => Math.abs((row.report.score!.earned / 105) * 105 - grade.score!) <= 0.01)).toBe(true);
      });
    }),
    { numRuns: 300 },
  );
});
