/**
 * Edges of the page's own logic that no other test held (mutation sweep f24): a file of exactly the
 * size limit is graded, a loader limit other than the size is told as too large, a file the browser
 * no longer finds is told apart, four files beside the graded one are counted after three, the report
 * is bounded as the CLI's is, and names from strangers are escaped in every line the page writes.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { DEFAULT_MISSION_ID, findMission } from '../../../checks/index.js';
import type { GradeReport } from '../../../engine/report.js';
import { MAX_BYTES } from '../../../web/grade-file.js';
import { gradePickedFile } from './picked-file.js';
import { errorLine, notGradedNote, summaryLine } from '../../../web/messages.js';
import { REPORT_BOUNDS } from '../../../reports/bounds.js';
import { fixturePath } from '../../helpers.js';
import { exportOf, setVar } from '../simulator/helpers.js';

const OPTIONS = { mission: findMission(DEFAULT_MISSION_ID)!, now: () => new Date('2025-06-02T10:00:00Z'), tool: { name: 'flowgrade', version: '0.0.0-test' } };

test('an export of exactly the size limit is graded, not refused as too large (the limit is "larger than")', async () => {
  const solution = readFileSync(fixturePath('flows/solution.json'));
  const padded = Buffer.concat([solution, Buffer.alloc(MAX_BYTES - solution.length, 0x20)]);
  expect(padded.length).toBe(MAX_BYTES);
  const graded = await gradePickedFile(new File([padded], 'Main_Flow_140.json', { type: 'application/json' }), OPTIONS);
  expect({ reason: graded.reason, verdict: graded.report.verdict }).toEqual({ reason: undefined, verdict: 'passed' });
});

test("a loader limit other than the file's size (a string over 256K characters) is told as too large, not as an export to make again", async () => {
  const text = JSON.stringify({ name: 'Main_Flow_140', description: 'a'.repeat(256 * 1024 + 1) });
  const graded = await gradePickedFile(new File([text], 'Main_Flow_140.json', { type: 'application/json' }), OPTIONS);
  expect({ reason: graded.reason, code: graded.report.error?.code }).toEqual({ reason: 'too-large', code: 'too-large' });
});

test('four files beside the graded one: three named, then a count ("and 1 more"), as for five or more', () => {
  expect(notGradedNote(['b', 'c', 'd', 'e'].map((name) => ({ name })))).toBe(' Only one file is graded at a time: b, c, d and 1 more were not; give them one by one.');
  // A file named as no export (a screenshot) is not to be given on its own; nor a folder's.
  expect(notGradedNote([{ name: 'Screenshot 2025-06-02.png' }])).toBe(' Only one file is graded at a time: Screenshot 2025-06-02.png was not (only a flow export, a .json file, is graded).');
  expect(notGradedNote([{ name: 'v2.json' }, { name: 'a.png' }, { name: 'b.pdf' }, { name: 'exports', folder: true }])).toBe(
    ' Only one file is graded at a time: v2.json was not; give it on its own. a.png and b.pdf were not either (only a flow export, a .json file, is graded). exports, a folder, was not either; give the .json file inside it on its own.',
  );
});

test('a file name ending in a bidi control (U+202E) or holding a line break is escaped in the summary, the error line and the not-graded note', () => {
  const name = 'Main_Flow\u202e140.json';
  const ungradable = { verdict: 'ungradable', input: { file: name }, attendee: { id: 'x', source: 'file-name' }, error: { code: 'not-json', message: 'not valid JSON\nat line 1' } } as unknown as GradeReport;
  expect(summaryLine(ungradable)).toBe('Main_Flow\\u202e140.json could not be graded.');
  expect(summaryLine({ ...ungradable, verdict: 'passed', score: { earned: 1, possible: 1 } } as GradeReport)).toBe('Main_Flow\\u202e140.json: passed, 1/1 points.');
  expect(errorLine(ungradable)).toBe('Main_Flow\\u202e140.json: not valid JSON\\u000aat line 1 [not-json]');
  expect(notGradedNote([{ name }])).toBe(' Only one file is graded at a time: Main_Flow\\u202e140.json was not; give it on its own.');
});

test('a file deleted since it was graded (the browser says NotFoundError) is told as changed since given, and on its first read as refused', async () => {
  const gone = () => Promise.reject(new DOMException('A requested file or directory could not be found.', 'NotFoundError'));
  const read = new WeakSet<object>();
  const before = { name: 'Main_Flow_140.json', size: 2, arrayBuffer: gone };
  read.add(before);
  expect((await gradePickedFile(before, OPTIONS, read)).reason).toBe('changed-since-given');
  expect((await gradePickedFile({ name: 'Main_Flow_140.json', size: 2, arrayBuffer: gone }, OPTIONS)).reason).toBe('refused-on-first-read');
});

test('the page shows a report bounded as the CLI shows it: a label of 100,000 characters is cut in the trace (reports/bounds.ts)', async () => {
  const label = `R${'x'.repeat(100_000)}`;
  const flow = JSON.stringify(exportOf({ variables: [{ name: 's', type: 'STRING', value: '' }], main: [setVar(label, 's', 'v')], links: [['NewPhoneContact', 'out', label]] }));
  const { report } = await gradePickedFile(new File([flow], 'Main_Flow_140.json', { type: 'application/json' }), OPTIONS);
  const entry = report.scenarios.flatMap((s) => s.trace).find((e) => e.activity.startsWith('R'));
  expect(entry?.activity).toMatch(/^Rx+… \(100001 characters\)$/);
  expect(entry!.activity.length).toBeLessThan(REPORT_BOUNDS.name + 30);
});

test('a file the browser cannot read for a reason it does not name (an error without a message) says so in words, not with an empty reason', async () => {
  const silent = () => Promise.reject(new Error(''));
  const graded = await gradePickedFile({ name: 'Main_Flow_140.json', size: 2, arrayBuffer: silent }, OPTIONS);
  // Before (a mutation sweep): 'could not be read: ' and nothing after it.
  expect([graded.reason, graded.report.error]).toEqual(['unreadable', { code: 'unreadable-file', message: 'could not be read: the browser could not read it' }]);
});

test('a file not named .json whose text does not start as JSON does (notes.txt, a .pdf holding text) is another file picked than the export, not an export to make again; its code stays not-json', async () => {
  const reason = async (name: string, content: string | Uint8Array<ArrayBuffer>) => {
    const { report, reason } = await gradePickedFile(new File([content], name), OPTIONS);
    return [report.error?.code, reason];
  };
  expect(await reason('notes.txt', 'just some text\n')).toEqual(['not-json', 'not-a-flow']);
  expect(await reason('write-up.pdf', 'just some text\n')).toEqual(['not-json', 'not-a-flow']);
  expect(await reason('Main_Flow_140', '\ufeff  Dear instructor,')).toEqual(['not-json', 'not-a-flow']); // no extension at all
  // Named as an export, or starting as one (a broken export saved as .txt): export it again.
  expect(await reason('notes.json', 'just some text\n')).toEqual(['not-json', 'not-json']);
  expect(await reason('Main_Flow_140.JSON', 'just some text\n')).toEqual(['not-json', 'not-json']);
  expect(await reason('Main_Flow_140.txt', '\ufeff\n  {"name": "Main_Flow_140", ')).toEqual(['not-json', 'not-json']);
  expect(await reason('Main_Flow_140.txt', '[{"name": ')).toEqual(['not-json', 'not-json']);
  // An export saved again as UTF-16 (Notepad's "Unicode"), named .txt: its message says to export it again.
  expect(await reason('Main_Flow_140.txt', new Uint8Array([0xff, 0xfe, 0x7b, 0, 0x22, 0]))).toEqual(['not-json', 'not-json']);
});
