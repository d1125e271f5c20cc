/**
 * The page's grading path (web/grade-file.ts: size check, read, gradeFlow) gives the CLI's report
 * for every fixture of fixtures/manifest.json: verdict, score and failing checks, and for
 * unreadable files the same code and message. Here in Node; tests/browser/verdict-parity.test.ts
 * does the same with the built page in Chromium.
 */
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_MISSION_ID, findMission } from '../../../checks/index.js';
import type { GradeReport } from '../../../engine/report.js';
import type { FailureReason } from '../../../web/failure-reason.js';
import { MAX_BYTES, type PickedFile } from '../../../web/grade-file.js';
import { TOOL } from '../../../web/grading-request.js';
import { renderJson } from '../../../reports/json.js';
import { gradePickedFile } from './picked-file.js';
import { fixturePath, ROOT, runCli, tempDir } from '../../helpers.js';

const FIXED = '2025-06-02T10:00:00Z';
const MANIFEST = JSON.parse(readFileSync(fixturePath('manifest.json'), 'utf8')) as { file: string; verdict: string }[];
const DEFECT_FIXTURE = 'flows/defect-callbackapi-method-put.json';
const OPTIONS = { mission: findMission(DEFAULT_MISSION_ID)!, now: () => new Date(FIXED), tool: { name: 'flowgrade', version: '0.0.0-test' } };

function fileOf(relative: string): File {
  return new File([readFileSync(fixturePath(relative))], path.basename(relative), { type: 'application/json' });
}

function summary(report: GradeReport) {
  return {
    verdict: report.verdict,
    score: report.score,
    failing: report.checks.filter((c) => c.status === 'failed').map((c) => c.id),
    statuses: report.checks.map((c) => `${c.id}:${c.status}`),
    error: report.error,
  };
}

test('every fixture: the page path and `flowgrade check` agree on verdict, score, failing checks and errors', async () => {
  test.setTimeout(120_000);
  const cli = await runCli(['check', ...MANIFEST.map((e) => fixturePath(e.file)), '--format', 'json', '--now', FIXED]);
  const cliReports = JSON.parse(cli.stdout) as GradeReport[];
  expect(cliReports).toHaveLength(MANIFEST.length);
  for (const [i, entry] of MANIFEST.entries()) {
    const { report: page } = await gradePickedFile(fileOf(entry.file), OPTIONS);
    expect(summary(page), entry.file).toEqual(summary(cliReports[i]));
    expect(page.verdict, entry.file).toBe(entry.verdict);
  }
});

test('a file over the limit is refused from its size alone, like the CLI does, without being read', async () => {
  let read = false;
  const huge = { name: 'huge.json', size: MAX_BYTES + 1, arrayBuffer: async () => ((read = true), new ArrayBuffer(0)) };
  const { report } = await gradePickedFile(huge, OPTIONS);
  expect(read).toBe(false);
  expect(report.verdict).toBe('ungradable');
  expect(report.error).toEqual({ code: 'too-large', message: `file is larger than the 20 MB limit (${MAX_BYTES + 1} bytes)` });
  expect(report.input.file).toBe('huge.json');
});

test('a file the browser cannot read gives an ungradable report with unreadable-file', async () => {
  const gone = { name: 'Main_Flow_140.json', size: 10, arrayBuffer: async (): Promise<ArrayBuffer> => Promise.reject(new Error('A requested file could not be read')) };
  const { report } = await gradePickedFile(gone, OPTIONS);
  expect(report.verdict).toBe('ungradable');
  expect(report.error).toEqual({ code: 'unreadable-file', message: 'could not be read: A requested file could not be read' });
});

test('a file refused on its first read (locked by another program, a OneDrive "online-only" file) is not said to have changed since it was given; refused on a re-read, it is', async () => {
  // Chromium's error for both: NotReadableError, "... typically due to permission problems ...".
  const refused = () => Promise.reject(new DOMException('The requested file could not be read, typically due to permission problems that have occurred after a reference to a file was acquired.', 'NotReadableError'));
  const locked = { name: 'Main_Flow_140.json', size: 10, arrayBuffer: refused };
  const read = new WeakSet<object>();
  const { report: first } = await gradePickedFile(locked, OPTIONS, read);
  expect(first.error).toEqual({ code: 'unreadable-file', message: 'could not be read: the browser was refused it (it may be locked by another program, or kept online only, such as a OneDrive "online-only" file not downloaded to this computer)' });
  expect((await gradePickedFile(locked, OPTIONS, read)).report.error, 'never read: still the first read').toEqual(first.error);
  expect((await gradePickedFile(locked, OPTIONS)).report.error, 'no record of reads: a first read').toEqual(first.error);
  // Read whole once (graded), then refused: the export was written over, moved or deleted since.
  const bytes = readFileSync(fixturePath('flows/solution.json'));
  let reads = 0;
  const changed = { name: 'Main_Flow_140.json', size: bytes.length, arrayBuffer: () => (reads++ === 0 ? Promise.resolve(new Uint8Array(bytes).buffer) : refused()) };
  expect((await gradePickedFile(changed, OPTIONS, read)).report.verdict).toBe('passed');
  expect((await gradePickedFile(changed, OPTIONS, read)).report.error).toEqual({ code: 'unreadable-file', message: 'could not be read: it changed, moved or was deleted since it was given' });
});

test('an export that is not UTF-8 (Notepad\'s UTF-16 "Unicode", an editor\'s Windows-1252 "ANSI") gives the CLI\'s ungradable report naming the encoding', async () => {
  const solution = readFileSync(fixturePath('flows/solution.json'), 'utf8');
  const cases: [Buffer, string][] = [
    [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(solution, 'utf16le')]), 'not valid JSON: the file is UTF-16 (Notepad\'s "Unicode"), not UTF-8; export it again from Flow Designer, or save it as UTF-8'],
    [
      Buffer.from(solution.replace('Welcome to the', 'Café, welcome to the'), 'latin1'),
      'not valid JSON: the file is not UTF-8 (byte 0xE9, "é" in Windows-1252, at line 145 column 28, as in a file saved as "ANSI", Windows-1252 or Latin-1); export it again from Flow Designer, or save it as UTF-8',
    ],
  ];
  for (const [bytes, message] of cases) {
    const { report } = await gradePickedFile(new File([new Uint8Array(bytes)], 'Main_Flow_140.json', { type: 'application/json' }), OPTIONS);
    expect(report.verdict).toBe('ungradable');
    expect(report.error).toEqual({ code: 'not-json', message });
  }
});

test('each case a file cannot be graded gets its reason code where it is known: the page (folder, size, read) or the loader\'s code and the bytes', async () => {
  const named = (name: string, bytes: Uint8Array<ArrayBuffer> | string): PickedFile => new File([bytes], name, { type: 'application/json' });
  const refusedRead = () => Promise.reject(new DOMException('The requested file could not be read.', 'NotReadableError'));
  const read = new WeakSet<object>();
  const rereadLater = { name: 'Main_Flow_140.json', size: 2, arrayBuffer: refusedRead };
  read.add(rereadLater); // read whole before, refused now
  const cases: [PickedFile, FailureReason | undefined, string?][] = [
    [fileOf('flows/solution.json'), undefined],
    [fileOf(DEFECT_FIXTURE), undefined],
    [{ name: 'Main_Flow_140', size: 0, arrayBuffer: async () => new ArrayBuffer(0), folder: true }, 'folder', 'unreadable-file'],
    [{ name: 'huge.json', size: MAX_BYTES + 1, arrayBuffer: async () => new ArrayBuffer(0) }, 'too-large', 'too-large'],
    [{ name: 'gone.json', size: 2, arrayBuffer: () => Promise.reject(new Error('A requested file could not be read')) }, 'unreadable', 'unreadable-file'],
    [{ name: 'locked.json', size: 2, arrayBuffer: refusedRead }, 'refused-on-first-read', 'unreadable-file'],
    [rereadLater, 'changed-since-given', 'unreadable-file'],
    [named('Main_Flow_140.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])), 'zip', 'not-json'],
    [named('empty-archive.zip', new Uint8Array([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0])), 'zip', 'not-json'],
    // Another kind of file picked by mistake: said to be no export, not to export again.
    [named('screenshot.json', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'not-a-flow', 'not-json'],
    [named('doc.pdf', '%PDF-1.7\n'), 'not-a-flow', 'not-json'],
    [named('130.html', '\uFEFF<!DOCTYPE html>\n<html lang="en">'), 'not-a-flow', 'not-json'],
    [named('junit.xml', '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>'), 'not-a-flow', 'not-json'],
    [named('drawing.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="600">'), 'not-a-flow', 'not-json'],
    [named('flow.svg', '\uFEFF\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg>'), 'not-a-flow', 'not-json'],
    [named('writeup.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(22).fill(0), 19, 0, 0, 0, ...[...'[Content_Types].xml'].map((c) => c.charCodeAt(0))])), 'not-a-flow', 'not-json'],
    // An export gone wrong (cut short, not JSON at all): export it again.
    [named('notes.json', 'PK is how my notes start'), 'not-json', 'not-json'],
    [named('Main_Flow_140.json', '{"name": "Main_Flow_140", "process": {'), 'not-json', 'not-json'],
    [fileOf('unreadable/postman-collection.json'), 'not-a-flow', 'not-a-flow'],
    [named('Main_Flow_140.json', JSON.stringify({ name: 'Main_Flow_140', process: { activities: {}, links: 'none' } })), 'not-a-flow', 'invalid-flow'],
    [named('empty.json', '  '), 'unusable-export', 'empty-file'],
  ];
  for (const [file, reason, code] of cases) {
    const graded = await gradePickedFile(file, OPTIONS, read);
    expect(graded.reason, file.name).toBe(reason);
    expect(graded.report.error?.code, file.name).toBe(code);
    // The page's zip test and the loader's agree: what it calls a ZIP archive, the loader names one.
    expect(/ZIP archive/.test(graded.report.error?.message ?? ''), file.name).toBe(reason === 'zip');
  }
});

test('the JSON download is, byte for byte, what the command docs/web.md names writes (check --format json --out FILE): an export\'s bidi controls, U+2028 and C1 characters as they are, which check\'s stdout escapes', async () => {
  const web = readFileSync(path.join(ROOT, 'docs', 'web.md'), 'utf8');
  const [, command] = /the JSON is exactly what\s+`flowgrade ([^`]+)`/.exec(web)!;
  // A label holding what stdout escapes, quoted by the checks' messages.
  const label = 'SetGet\u202eResult\u2028\u0085';
  const bytes = readFileSync(fixturePath('flows/solution.json'), 'utf8').split('"SetGetResult"').join(JSON.stringify(label));
  const dir = tempDir('web-download');
  writeFileSync(path.join(dir, 'flow.json'), bytes);
  const { report } = await gradePickedFile(new File([bytes], 'flow.json', { type: 'application/json' }), { ...OPTIONS, tool: TOOL });
  const download = renderJson(report);
  expect(download).toContain(label);
  const out = path.join(dir, 'report.json');
  const run = await runCli([...command.split(' ').map((word) => (word === 'FILE' ? out : word)), 'flow.json', '--now', FIXED], { cwd: dir });
  expect(run.code, run.stderr).toBeLessThan(2);
  expect(command.includes('--out') ? readFileSync(out, 'utf8') : run.stdout).toBe(download);
  // The same data check --format json prints, which escapes those characters for a terminal.
  const printed = await runCli(['check', '--format', 'json', 'flow.json', '--now', FIXED], { cwd: dir });
  expect(printed.stdout).not.toBe(download);
  expect(JSON.parse(printed.stdout)).toEqual(JSON.parse(download));
});
