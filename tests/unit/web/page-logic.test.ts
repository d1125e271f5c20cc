/** The page's own words and option checks (web/options.ts, web/messages.ts). */
import { test, expect } from '@playwright/test';
import { DEFAULT_MISSION_ID, MISSIONS } from '../../../checks/index.js';
import type { GradeReport } from '../../../engine/report.js';
import { FAILURE_REASONS } from '../../../web/failure-reason.js';
import { downloadName, errorAdvice, errorLine, notGradedNote, oneToGrade, summaryLine, tabTitle } from '../../../web/messages.js';
import { missionChoices, readSettings } from '../../../web/options.js';
import { fixturePath, runCli } from '../../helpers.js';

const base = { lab: DEFAULT_MISSION_ID, attendee: '', dnis: '' };

test('empty options mean the defaults: the default lab, no attendee, no DNIS', () => {
  const read = readSettings(base);
  expect(read.ok && read.settings.mission.id).toBe(DEFAULT_MISSION_ID);
  expect(read.ok && 'attendee' in read.settings).toBe(false);
  expect(read.ok && 'dnis' in read.settings).toBe(false);
});

test('the DNIS follows the CLI rule (E.164 with +; spaces, dashes and brackets people type are dropped, in both)', async () => {
  const ok = readSettings({ ...base, dnis: '+1 (469) 409-6861' });
  expect(ok.ok && ok.settings.dnis).toBe('+14694096861');
  for (const bad of ['4694096861', '+1', 'tel:+14694096861', '+1469409686100000']) {
    const read = readSettings({ ...base, dnis: bad });
    expect(read.ok, bad).toBe(false);
    expect(!read.ok && read.field).toBe('dnis');
  }
  // A number the lab's DynVars dataset has no record for: every flow would fail for it.
  const unknown = readSettings({ ...base, dnis: '+1 408 555 0000' });
  expect(unknown).toEqual({ ok: false, field: 'dnis', message: "The DynVars dataset has no record for dn 4085550000 (the DNIS +14085550000 as GET_CBID sends it) with outboundcallbackep and tacnumber: no flow's GET_CBID could fill outdialcbid and customani. Leave DNIS empty for the lab's +14694096861." });
  const cli = await runCli(['check', fixturePath('flows/solution.json'), '--dnis', '+1 (469) 409-6861', '--format', 'json']);
  expect(cli.code, cli.stderr).toBe(0);
  expect((await runCli(['check', fixturePath('flows/solution.json'), '--dnis', '4694096861'])).code).toBe(2);
});

test('a DNIS refused for invisible characters (a number pasted from a contact card, wrapped in U+202A…U+202C) shows them', () => {
  const read = readSettings({ ...base, dnis: '\u202a+1 469 409 6861\u202c' });
  expect(read.ok).toBe(false);
  expect(!read.ok && read.message).toBe('"\\u202a+1 469 409 6861\\u202c" is not an E.164 number such as +14694096861 (\\u202a is a left-to-right embedding and \\u202c is a pop directional formatting, which a copy and paste brings in unseen: delete them and type the text again).');
});

test('a DNIS refused for a zero-width character (a number pasted from a chat or a web page) shows it and says what it is, not a number that looks valid', () => {
  // Quoted raw, the message read `"+14694096861" is not an E.164 number such as +14694096861.`
  for (const [pasted, shown, named] of [
    ['+14694096861\u200b', '+14694096861\\u200b', '\\u200b is a zero-width space'],
    ['+1 469\u2060409 6861', '+1 469\\u2060409 6861', '\\u2060 is a word joiner'],
    ['+1 469 409\u00ad6861', '+1 469 409\\u00ad6861', '\\u00ad is a soft hyphen'],
  ]) {
    const read = readSettings({ ...base, dnis: pasted });
    expect(!read.ok && read.message, JSON.stringify(pasted)).toBe(`"${shown}" is not an E.164 number such as +14694096861 (${named}, which a copy and paste brings in unseen: delete it and type the text again).`);
  }
  // A no-break space is dropped as any space: a number refused for its missing + does not blame it.
  const noPlus = readSettings({ ...base, dnis: '1\u00a0469 409 6861' });
  expect(!noPlus.ok && noPlus.message).toBe('"1\u00a0469 409 6861" is not an E.164 number such as +14694096861.');
  // A line separator is a space too, for the rule; the message shows it escaped, on one line.
  const broken = readSettings({ ...base, dnis: '+1 46\u20289' });
  expect(!broken.ok && broken.message).toBe('"+1 46\\u20289" is not an E.164 number such as +14694096861.');
});

test('the attendee id is trimmed; an unknown lab is refused', () => {
  const read = readSettings({ ...base, attendee: '  ada ' });
  expect(read.ok && read.settings.attendee).toBe('ada');
  expect(readSettings({ ...base, lab: 'no-such-lab' })).toMatchObject({ ok: false, field: 'lab' });
});

test('the lab picker offers every mission with the default selected', () => {
  const choices = missionChoices();
  expect(choices.map((c) => c.id)).toEqual(MISSIONS.map((m) => m.id));
  expect(choices.filter((c) => c.selected).map((c) => c.id)).toEqual([DEFAULT_MISSION_ID]);
});

const ungradable = {
  verdict: 'ungradable',
  input: { file: 'Main_Flow_140.json', sha256: '' },
  attendee: { id: '../../Main Flow', source: 'file-name' },
  error: { code: 'not-json', message: 'not valid JSON: unexpected "Main" at line 1 column 1' },
} as unknown as GradeReport;

test('an unreadable file is described in the CLI form: name, loader message, [code]', () => {
  expect(errorLine(ungradable)).toBe('Main_Flow_140.json: not valid JSON: unexpected "Main" at line 1 column 1 [not-json]');
  expect(summaryLine(ungradable)).toBe('Main_Flow_140.json could not be graded.');
});

test('the summary line gives verdict and score', () => {
  const report = { ...ungradable, verdict: 'failed', score: { earned: 80, possible: 100 } } as GradeReport;
  expect(summaryLine(report)).toBe('Main_Flow_140.json: failed, 80/100 points.');
});

test('the summary line writes points as every report does (formatPoints): one decimal when not whole, no float noise', () => {
  const report = { ...ungradable, verdict: 'failed', score: { earned: 0.1 + 0.2, possible: 1.5 } } as GradeReport;
  expect(summaryLine(report)).toBe('Main_Flow_140.json: failed, 0.3/1.5 points.');
});

test('the browser tab\'s title starts with the result (a tab shows a title\'s start): verdict, score, file less .json, then the page\'s title', () => {
  const page = 'flowgrade self-check';
  expect(tabTitle({ ...ungradable, verdict: 'failed', score: { earned: 91, possible: 110 } } as GradeReport, page)).toBe('FAILED 91/110 · Main_Flow_140 · flowgrade self-check');
  expect(tabTitle({ ...ungradable, verdict: 'passed', score: { earned: 0.1 + 0.2, possible: 1.5 } } as GradeReport, page)).toBe('PASSED 0.3/1.5 · Main_Flow_140 · flowgrade self-check');
  expect(tabTitle(ungradable, page)).toBe('UNGRADABLE · Main_Flow_140 · flowgrade self-check');
  // A file name's bidi and control characters as escapes, as in the status line.
  const named = { ...ungradable, input: { ...ungradable.input, file: 'a\u202eb.JSON.txt' } } as GradeReport;
  expect(tabTitle(named, page)).toBe('UNGRADABLE · a\\u202eb.JSON.txt · flowgrade self-check');
  // `.json` left off in any case, as a file picker offers MAIN_FLOW_140.JSON too.
  expect(tabTitle({ ...ungradable, input: { ...ungradable.input, file: 'Main_Flow_140.JSON' } } as GradeReport, page)).toBe('UNGRADABLE · Main_Flow_140 · flowgrade self-check');
});

test('download names come from the attendee id, made safe for a file name', () => {
  expect(downloadName(ungradable, 'json')).toBe('Main_Flow.flowgrade.json');
  expect(downloadName({ ...ungradable, attendee: { id: '140', source: 'flow-name' } } as GradeReport, 'html')).toBe('140.flowgrade.html');
  expect(downloadName({ ...ungradable, attendee: { id: 'a'.repeat(2000), source: 'flow-name' } } as GradeReport, 'json')).toBe(`${'a'.repeat(100)}.flowgrade.json`);
});

test('download names keep the letters of every script: an attendee named Émilie, Zoë, Łukasz, Ølsen, 王芳 or दीपिका is not cut to an ASCII stump', () => {
  const named = (id: string) => downloadName({ ...ungradable, attendee: { id, source: 'option' } } as GradeReport, 'json');
  expect(named('Émilie')).toBe('Émilie.flowgrade.json');
  expect(named('E\u0301milie Zoë')).toBe('Émilie_Zoë.flowgrade.json'); // typed on a Mac (decomposed), composed
  expect(named('Łukasz/Ølsen')).toBe('Łukasz_Ølsen.flowgrade.json');
  expect(named('王芳')).toBe('王芳.flowgrade.json');
  expect(named('दीपिका')).toBe('दीपिका.flowgrade.json'); // its vowel signs are marks (\p{M})
  expect(named('ab\u202ecd<script>')).toBe('ab_cd_script_.flowgrade.json'); // bidi controls and markup are not letters
  expect(named('😀'.repeat(150))).toBe('report.flowgrade.json'); // not letters either
  expect(named('é'.repeat(150))).toBe(`${'é'.repeat(100)}.flowgrade.json`);
});

test('every reason a file cannot be graded has its own advice (FAILURE_REASONS: a Record over the union, so a new reason without advice fails the typecheck)', () => {
  const advice = FAILURE_REASONS.map((reason) => errorAdvice(reason));
  for (const [i, text] of advice.entries()) expect(text, FAILURE_REASONS[i]).toMatch(/\S.*\.$/);
  // Each case its own words, but for the ones that truly call for the same step (export again).
  const exportAgain = FAILURE_REASONS.filter((reason) => errorAdvice(reason) === errorAdvice('not-json'));
  expect(exportAgain.sort()).toEqual(['not-json', 'unusable-export']);
  expect(new Set(advice).size).toBe(advice.length - 1);
});

test('the advice is chosen by the reason code alone, not by words of the message above it', () => {
  // A zipped export is told to be unzipped, not exported again (the line above says to unzip it).
  expect(errorAdvice('zip')).toMatch(/^Unzip it/);
  expect(errorAdvice('zip')).not.toContain('Export the flow again');
  expect(errorAdvice('not-json')).toContain('Export the flow again');
  expect(errorAdvice('folder')).toMatch(/not a folder/);
  // One advice for every limit the loader has: a string of 300,000 characters is not "far smaller" of anything.
  expect(errorAdvice('too-large')).toMatch(/comes near this limit/);
  expect(errorAdvice('too-large')).not.toMatch(/smaller|larger|bytes|MB/);
  expect(errorAdvice('changed-since-given')).toMatch(/^If you exported it again, moved or renamed it .*pick it again\.$/);
  expect(errorAdvice('refused-on-first-read')).toMatch(/not open in another program .*OneDrive .*pick it again\.$/);
  expect(errorAdvice('refused-on-first-read')).not.toMatch(/changed|moved/);
  expect(errorAdvice('unreadable')).toContain('pick it again');
  expect(errorAdvice('not-a-flow')).toContain('Export');
  expect(errorAdvice('internal-error')).toContain('instructor');
  expect(errorAdvice.length, 'no message parameter to match words in').toBe(1);
});

test('files given with the one graded are named as not graded: at most three, then how many more', () => {
  expect(notGradedNote([])).toBe('');
  const files = (...names: string[]) => names.map((name) => ({ name }));
  expect(notGradedNote(files('b.json'))).toBe(' Only one file is graded at a time: b.json was not; give it on its own.');
  expect(notGradedNote(files('b.json', 'c.json', 'd.json'))).toBe(' Only one file is graded at a time: b.json, c.json and d.json were not; give them one by one.');
  expect(notGradedNote(files('b', 'c', 'd', 'e', 'f'))).toBe(' Only one file is graded at a time: b, c, d and 2 more were not; give them one by one.');
});

test('a folder given with the file graded is not told to be given on its own (it would not be graded then either): the .json inside it', () => {
  expect(notGradedNote([{ name: 'Main_Flow_140', folder: true }])).toBe(' Only one file is graded at a time: Main_Flow_140, a folder, was not; give the .json file inside it on its own.');
  expect(notGradedNote([{ name: 'b.png' }, { name: 'x', folder: true }, { name: 'y', folder: true }])).toBe(
    ' Only one file is graded at a time: b.png was not (only a flow export, a .json file, is graded). x and y, folders, were not either; give the .json file inside each on its own.',
  );
});

test('of several files given at once, the first export (.json, in any case) is graded, else the first zip (a zipped export), else the first; the others are named', () => {
  const names = (...files: { name: string; folder?: boolean }[]) => {
    const { file, others } = oneToGrade(files);
    return [file.name, others.map((other) => other.name)];
  };
  expect(names({ name: 'Main_Flow_140.zip' }, { name: 'shot.png' }, { name: 'Main_Flow_140.json' }, { name: 'b.JSON' })).toEqual(['Main_Flow_140.json', ['Main_Flow_140.zip', 'shot.png', 'b.JSON']]);
  expect(names({ name: 'a.zip' }, { name: 'b.png' })).toEqual(['a.zip', ['b.png']]);
  // A screenshot given first with the zipped export: the zip is graded (told to be unzipped), not the image.
  expect(names({ name: 'shot.png' }, { name: 'Main_Flow_140.ZIP' })).toEqual(['Main_Flow_140.ZIP', ['shot.png']]);
  expect(names({ name: 'exports.zip', folder: true }, { name: 'shot.png' })).toEqual(['exports.zip', ['shot.png']]); // a folder named *.zip is no zip
  expect(names({ name: 'exports.json', folder: true }, { name: 'c.JSON' })).toEqual(['c.JSON', ['exports.json']]); // a folder named *.json is no export
  expect(names({ name: 'only.txt' })).toEqual(['only.txt', []]);
  expect(names({ name: 'a.json' }, { name: 'b.zip' })).toEqual(['a.json', ['b.zip']]); // the first file, when it is the export
  // Named by their end: a screenshot named after the export is no export, a note about the zip no zip.
  expect(names({ name: 'Main_Flow_140.json.png' }, { name: 'Main_Flow_140.zip.txt' }, { name: 'Main_Flow_140.zip' })).toEqual(['Main_Flow_140.zip', ['Main_Flow_140.json.png', 'Main_Flow_140.zip.txt']]);
});

test('the same file given twice at once (its name, size and last-modified time the same) is graded once and not named as not graded; another size or time is another file', () => {
  const file = { name: 'Main_Flow_140.json', size: 150_998, lastModified: new Date(2026, 11, 7, 9, 15).getTime() };
  const { file: graded, others } = oneToGrade([file, { ...file }, { name: 'shot.png', size: 10, lastModified: 0 }]);
  expect([graded, others]).toEqual([file, [{ name: 'shot.png', size: 10, lastModified: 0 }]]);
  expect(oneToGrade([file, { ...file }]).others).toEqual([]);
  expect(notGradedNote(oneToGrade([file, { ...file }]).others, file)).toBe('');
  expect(oneToGrade([file, { ...file, size: 151_234 }]).others).toHaveLength(1);
  expect(oneToGrade([file, { ...file, lastModified: 0 }]).others).toHaveLength(1);
});

test('another file of the graded one\'s name (an old and a new export of one flow, from two folders) is told apart by its last-modified time, else its size', () => {
  // Local times, as the attendee's file manager shows them.
  const at = (...parts: number[]) => new Date(2026, 11, ...(parts as [number])).getTime();
  const graded = { name: 'Main_Flow_140.json', size: 150_998, lastModified: at(7, 9, 15) };
  const note = (other: Partial<typeof graded>) => notGradedNote([{ ...graded, ...other }], graded);
  expect(note({ lastModified: at(1, 10, 32) })).toBe(' Only one file is graded at a time: another Main_Flow_140.json (older, modified 2026-12-01 10:32; the one graded: 2026-12-07 09:15) was not; give it on its own.');
  expect(note({ lastModified: at(8, 8, 0), size: 1 })).toBe(' Only one file is graded at a time: another Main_Flow_140.json (newer, modified 2026-12-08 08:00; the one graded: 2026-12-07 09:15) was not; give it on its own.');
  // Within one minute, the seconds tell them apart; within one second, the milliseconds.
  expect(note({ lastModified: at(7, 9, 15, 40) })).toBe(' Only one file is graded at a time: another Main_Flow_140.json (newer, modified 2026-12-07 09:15:40; the one graded: 2026-12-07 09:15:00) was not; give it on its own.');
  expect(note({ lastModified: at(7, 9, 15, 0, 5) })).toBe(' Only one file is graded at a time: another Main_Flow_140.json (newer, modified 2026-12-07 09:15:00.005; the one graded: 2026-12-07 09:15:00.000) was not; give it on its own.');
  expect(note({ size: 151_234 })).toBe(' Only one file is graded at a time: another Main_Flow_140.json (151234 bytes; the one graded: 150998 bytes) was not; give it on its own.');
  // Beside files of other names, and whatever kind of file it is named as.
  expect(notGradedNote([{ name: 'b.json' }, { ...graded, size: 1 }], graded)).toBe(' Only one file is graded at a time: b.json and another Main_Flow_140.json (1 byte; the one graded: 150998 bytes) were not; give them one by one.');
  const shot = { name: 'shot.png', size: 10, lastModified: at(7, 9, 15) };
  expect(notGradedNote([{ ...shot, size: 20 }], shot)).toBe(' Only one file is graded at a time: another shot.png (20 bytes; the one graded: 10 bytes) was not (only a flow export, a .json file, is graded).');
});

test('an empty lab is the default mission, and a DNIS of only spaces is left empty (the lab\'s number), as the field shows it', () => {
  // Before (a mutation sweep): an empty lab refused as unknown, and spaces refused as no E.164 number.
  const read = readSettings({ lab: '', attendee: '', dnis: '   ' });
  expect(read.ok && [read.settings.mission.id, read.settings.dnis]).toEqual([DEFAULT_MISSION_ID, undefined]);
});
