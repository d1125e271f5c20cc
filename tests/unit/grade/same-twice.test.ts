/**
 * A class given twice, as the LMS's zip and the folder it was extracted into (`grade lab3.zip
 * lab3/`, or a pattern matching both): every student would be graded twice, in two rows, without
 * a word. Discovery says so.
 */
import { test, expect } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { discover } from '../../../cli/grade/discover.js';
import { sameSubmissionsTwice } from '../../../cli/grade/same-twice.js';
import type { Candidate } from '../../../cli/grade/types.js';
import type { ZipLimits } from '../../../cli/grade/zip.js';
import { runCli, tempDir } from '../../helpers.js';

const LIMITS: ZipLimits = { maxEntryBytes: 20 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024, maxEntries: 10_000 };
const FLOW = new TextEncoder().encode('{"name":"Main_Flow_1","process":{}}');
const ENTRIES = ['Doe Jane_1_assignsubmission_file_/Main_Flow_1.json', 'Smith John_2_assignsubmission_file_/flow.json', 'Lee Ann_3_assignsubmission_file_/upload.zip'];

function lab(root: string, zipped: string[], extracted: string[]): void {
  const entry = (name: string) => (name.endsWith('.zip') ? zipSync({ 'Main_Flow_3.json': FLOW, 'Main_Flow_3 (1).json': FLOW }) : FLOW);
  writeFileSync(path.join(root, 'lab3.zip'), zipSync(Object.fromEntries(zipped.map((name) => [name, entry(name)]))));
  for (const name of extracted) {
    mkdirSync(path.dirname(path.join(root, 'lab3', name)), { recursive: true });
    writeFileSync(path.join(root, 'lab3', name), entry(name));
  }
}

test('the LMS zip and the folder it was extracted into, both given: one warning naming both, every submission still graded', async () => {
  const root = tempDir('same-twice');
  lab(root, ENTRIES, ENTRIES);
  const found = await discover([path.join(root, 'lab3.zip'), path.join(root, 'lab3')], LIMITS);
  expect(found.candidates).toHaveLength(8);
  expect(found.warnings).toEqual([
    `flowgrade: ${path.join(root, 'lab3.zip')} and ${path.join(root, 'lab3')} hold the same 4 submissions: each is graded twice, in two rows; give only one of them [same-submissions]`,
  ]);
  // Extracted one folder deeper (as "Extract All" does), or found by walking the folder holding both.
  const deeper = tempDir('same-twice');
  lab(deeper, ENTRIES, ENTRIES.map((name) => `lab3/${name}`));
  expect((await discover([deeper], LIMITS)).warnings).toEqual([
    `flowgrade: ${path.join(deeper, 'lab3.zip')} and ${path.join(deeper, 'lab3', 'lab3')} hold the same 4 submissions: each is graded twice, in two rows; give only one of them [same-submissions]`,
  ]);
});

test('a zip and a folder sharing only a few names (two sections, one ID each) are not the same class', async () => {
  const root = tempDir('same-twice');
  lab(root, ENTRIES, [ENTRIES[0]!, 'Other One_4_assignsubmission_file_/Main_Flow_4.json', 'Other Two_5_assignsubmission_file_/Main_Flow_5.json']);
  expect((await discover([path.join(root, 'lab3.zip'), path.join(root, 'lab3')], LIMITS)).warnings).toEqual([]);
  const flat = tempDir('same-twice');
  writeFileSync(path.join(flat, 'a.zip'), zipSync({ 'Main_Flow_1.json': FLOW }));
  mkdirSync(path.join(flat, 'b'));
  writeFileSync(path.join(flat, 'b', 'Main_Flow_1.json'), FLOW);
  writeFileSync(path.join(flat, 'b', 'Main_Flow_2.json'), FLOW);
  expect((await discover([flat], LIMITS)).warnings).toEqual([]); // one loose name alike is no class
});

test('hostile names (deep, varied, 64 KB) cost little: the paths looked at are bounded', () => {
  const candidates: Candidate[] = [];
  for (let i = 0; i < 3_000; i++) {
    const deep = Array.from({ length: 1 + (i % 40) }, (_, d) => `d${d}`).join('/');
    candidates.push({ kind: 'refused', file: `a.zip!/${deep}/${'x'.repeat(i % 2 ? 4_000 : 60_000)}${i}.json`, mtimeMs: 0, error: { code: 'zip-bomb', message: '' } });
    candidates.push({ kind: 'path', file: `b/${deep}/${'x'.repeat(i % 2 ? 4_000 : 60_000)}${i}.json`, mtimeMs: 0 });
  }
  const started = process.cpuUsage(); // CPU time, not wall time (see loader.test.ts)
  sameSubmissionsTwice(candidates);
  const used = process.cpuUsage(started);
  expect((used.user + used.system) / 1000).toBeLessThan(2_000);
});

const candidatesOf = (files: string[]): Candidate[] => files.map((file) => ({ kind: 'path', file, mtimeMs: 0 }));

test('found again for exactly half of the archive\'s submissions is not the same class; for more than half it is', () => {
  const zipped = ['a.zip!/s1/x.json', 'a.zip!/s2/x.json', 'a.zip!/s3/x.json', 'a.zip!/s4/x.json'];
  // Before (a mutation sweep): half was enough.
  expect(sameSubmissionsTwice(candidatesOf([...zipped, 'b/s1/x.json', 'b/s2/x.json']))).toEqual([]);
  expect(sameSubmissionsTwice(candidatesOf([...zipped, 'b/s1/x.json', 'b/s2/x.json', 'b/s3/x.json']))).toEqual([
    'flowgrade: a.zip and b hold the same 3 submissions: each is graded twice, in two rows; give only one of them [same-submissions]',
  ]);
});

test('Windows paths: a student\'s zip inside a class given twice is named once, with the class', () => {
  const entries = ['A_1\\Main_Flow_1.json', 'B_2\\flow.json', 'C_3\\upload.zip!/Main_Flow_3.json', 'C_3\\upload.zip!/Main_Flow_3 (1).json'];
  const zipped = entries.map((entry) => `C:\\c\\lab3.zip!/${entry.replace(/\\/g, '/')}`);
  const extracted = entries.map((entry) => `C:\\c\\lab3\\${entry}`);
  // Before (a mutation sweep): also 'C:\c\lab3\C_3\upload.zip and C:\c\lab3.zip!/C_3/upload.zip hold the same 2 submissions'.
  expect(sameSubmissionsTwice(candidatesOf([...zipped, ...extracted]))).toEqual([
    'flowgrade: C:\\c\\lab3.zip and C:\\c\\lab3 hold the same 4 submissions: each is graded twice, in two rows; give only one of them [same-submissions]',
  ]);
});

test('a zip whose entries a Windows tool wrote with \\ between folders, and the folder it was extracted into: the same class', () => {
  const students = ['Ann_1/Main_Flow_1.json', 'Bob_2/Main_Flow_2.json', 'Cy_3/Main_Flow_3.json'];
  const zipped = students.map((s) => `/c/lab3.zip!/${s.replace('/', '\\')}`);
  expect(sameSubmissionsTwice(candidatesOf([...zipped, ...students.map((s) => `/c/lab3/${s}`)]))).toEqual([
    'flowgrade: /c/lab3.zip and /c/lab3 hold the same 3 submissions: each is graded twice, in two rows; give only one of them [same-submissions]',
  ]);
});

test('a zip that holds the folder itself (zip -r lab3.zip lab3), given with the folder by a relative path: found, and named as given', () => {
  const students = ['Ann_1/Main_Flow_1.json', 'Bob_2/Main_Flow_2.json', 'Cy_3/upload.zip!/Main_Flow_3.json'];
  const relative = candidatesOf([...students.map((s) => `lab3.zip!/lab3/${s}`), ...students.map((s) => `lab3/${s}`)]);
  // Before: [] (`grade lab3.zip lab3`: every student graded twice without a word).
  expect(sameSubmissionsTwice(relative)).toEqual(['flowgrade: lab3.zip and lab3 hold the same 3 submissions: each is graded twice, in two rows; give only one of them [same-submissions]']);
  const absolute = candidatesOf([...students.map((s) => `/c/lab3.zip!/lab3/${s}`), ...students.map((s) => `/c/lab3/${s}`)]);
  // Before: named with the folder both lie in, /c.
  expect(sameSubmissionsTwice(absolute)).toEqual(['flowgrade: /c/lab3.zip and /c/lab3 hold the same 3 submissions: each is graded twice, in two rows; give only one of them [same-submissions]']);
  const windows = candidatesOf([...students.map((s) => `C:\\c\\lab3.zip!/lab3/${s}`), ...students.map((s) => `C:\\c\\lab3\\${s.replace(/\//g, '\\').replace('!\\', '!/')}`)]);
  expect(sameSubmissionsTwice(windows)).toEqual(['flowgrade: C:\\c\\lab3.zip and C:\\c\\lab3 hold the same 3 submissions: each is graded twice, in two rows; give only one of them [same-submissions]']);
});

test('the class zip and the current folder it was extracted into (paths relative to it): named as ".", a student\'s zip in it not named again; a class given twice elsewhere, by absolute Windows paths, still named', () => {
  const students = ['Ann_1/Main_Flow_1.json', 'Bob_2/Main_Flow_2.json', 'Cy_3/upload.zip!/Main_Flow_3.json', 'Cy_3/upload.zip!/Main_Flow_3 (1).json'];
  const other = ['Dee_4\\Main_Flow_4.json', 'Eve_5\\Main_Flow_5.json'];
  const candidates = candidatesOf([
    ...students.map((s) => `lab3.zip!/${s}`),
    ...students,
    ...other.map((s) => `C:\\c\\lab4.zip!/${s.replace('\\', '/')}`),
    ...other.map((s) => `C:\\c\\lab4\\${s}`),
  ]);
  expect(sameSubmissionsTwice(candidates)).toEqual([
    'flowgrade: lab3.zip and . hold the same 4 submissions: each is graded twice, in two rows; give only one of them [same-submissions]',
    'flowgrade: C:\\c\\lab4.zip and C:\\c\\lab4 hold the same 2 submissions: each is graded twice, in two rows; give only one of them [same-submissions]',
  ]);
});

test('a zip of part of the class given with the whole class\'s zip: named, whichever sorts first (the whole one is not found again in the part)', () => {
  const whole = ['Ann_1', 'Bob_2', 'Cy_3', 'Dee_4', 'Eve_5', 'Fay_6'].map((s) => `a.zip!/${s}/Main_Flow.json`);
  const part = ['Ann_1', 'Bob_2'].map((s) => `z.zip!/${s}/Main_Flow.json`);
  expect(sameSubmissionsTwice(candidatesOf([...whole, ...part]))).toEqual([
    'flowgrade: z.zip and a.zip hold the same 2 submissions: each is graded twice, in two rows; give only one of them [same-submissions]',
  ]);
});

test('a POSIX folder whose name holds a \\: the folder the zip\'s own folder is found again in is named with /', () => {
  const students = ['Ann_1/Main_Flow_1.json', 'Bob_2/Main_Flow_2.json'];
  expect(sameSubmissionsTwice(candidatesOf([...students.map((s) => `/c/a\\b/lab3.zip!/lab3/${s}`), ...students.map((s) => `/c/a\\b/lab3/${s}`)]))).toEqual([
    'flowgrade: /c/a\\b/lab3.zip and /c/a\\b/lab3 hold the same 2 submissions: each is graded twice, in two rows; give only one of them [same-submissions]',
  ]);
});

test('two classes given twice side by side (lab3.zip lab3 lab4.zip lab4, each zip holding its folder): a line for each', () => {
  const lab = (n: number) => ['Ann_1/Main_Flow_1.json', 'Bob_2/Main_Flow_2.json'].flatMap((s) => [`/c/lab${n}.zip!/lab${n}/${s}`, `/c/lab${n}/${s}`]);
  // Before: [], each zip lying within /c, where the other's submissions were found again.
  expect(sameSubmissionsTwice(candidatesOf([...lab(3), ...lab(4)]))).toEqual([
    'flowgrade: /c/lab3.zip and /c/lab3 hold the same 2 submissions: each is graded twice, in two rows; give only one of them [same-submissions]',
    'flowgrade: /c/lab4.zip and /c/lab4 hold the same 2 submissions: each is graded twice, in two rows; give only one of them [same-submissions]',
  ]);
});

test('two copies of one zip: one line for the pair; entries of one name twice in each are 2 submissions, not 4', () => {
  const students = ['lab3/Ann_1/Main_Flow_1.json', 'lab3/Bob_2/Main_Flow_2.json', 'lab3/Cy_3/upload.zip!/Main_Flow_3.json'];
  // Before: "copy.zip and lab3.zip …" and "lab3.zip and copy.zip …".
  expect(sameSubmissionsTwice(candidatesOf([...students.map((s) => `copy.zip!/${s}`), ...students.map((s) => `lab3.zip!/${s}`)]))).toEqual([
    'flowgrade: copy.zip and lab3.zip hold the same 3 submissions: each is graded twice, in two rows; give only one of them [same-submissions]',
  ]);
  const twice = candidatesOf(['a.zip!/X.json', 'a.zip!/X.json', 'b.zip!/X.json', 'b.zip!/X.json']);
  // Before: "the same 4 submissions", twice.
  expect(sameSubmissionsTwice(twice)).toEqual(['flowgrade: a.zip and b.zip hold the same 2 submissions: each is graded twice, in two rows; give only one of them [same-submissions]']);
});

test('grade lab3.zip lab3, the zip made by zip -r from the folder beside it (the docs\' example): the warning', async () => {
  const root = tempDir('same-twice');
  lab(root, [], ENTRIES);
  const upload = zipSync({ 'Main_Flow_3.json': FLOW, 'Main_Flow_3 (1).json': FLOW });
  writeFileSync(path.join(root, 'lab3.zip'), zipSync(Object.fromEntries(ENTRIES.map((name) => [`lab3/${name}`, name.endsWith('.zip') ? upload : FLOW]))));
  const run = await runCli(['grade', 'lab3.zip', 'lab3', '--out', 'out', '--quiet'], { cwd: root });
  // Before: no line, every submission graded twice.
  expect(run.stderr).toContain('flowgrade: lab3.zip and lab3 hold the same 4 submissions: each is graded twice, in two rows; give only one of them [same-submissions]\n');
});
