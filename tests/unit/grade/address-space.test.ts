/**
 * Grading threads under a limit on virtual memory (`ulimit -v`): each JavaScript runtime may
 * reserve some 10 GB of address space for a WebAssembly parser of Node's that flowgrade never uses,
 * and a thread left without room for its code stops the whole process (V8's "Fatal process OOM"),
 * which nothing can catch. `grade` starts only the threads that fit at worst, and a thread whose
 * reservation fails goes on grading.
 */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { addressSpace, limitReason, threadsWithin } from '../../../cli/grade/address-space.js';
import { fixturePath, removeTempDirs, tempDir } from '../../helpers.js';
import { runCliAfter } from '../cli/run-under-shell.js';

test.afterAll(removeTempDirs);

const GB = 2 ** 30;
const proc = (limit: string, vmSizeKb: number) => (file: string) =>
  file === '/proc/self/limits'
    ? `Limit                     Soft Limit           Hard Limit           Units\nMax stack size            8388608              unlimited            bytes\nMax address space         ${limit}            unlimited            bytes\n`
    : `Name:\tnode\nVmPeak:\t 1000000 kB\nVmSize:\t ${vmSizeKb} kB\n`;

test('the limit is read from /proc: none when unlimited or not Linux', () => {
  expect(addressSpace(proc('unlimited', 800_000))).toBeUndefined();
  expect(addressSpace(() => { throw Object.assign(new Error('no /proc'), { code: 'ENOENT' }); })).toBeUndefined();
  expect(addressSpace(proc(String(4 * GB), 800_000))).toEqual({ limit: 4 * GB, used: 800_000 * 1024 });
  expect(limitReason({ limit: 12 * GB, used: 0 })).toBe('a limit on virtual memory of 12 GB, ulimit -v');
  expect(limitReason({ limit: 1.5 * GB, used: 0 })).toBe('a limit on virtual memory of 1.5 GB, ulimit -v');
});

test('the threads that fit at worst: all without a limit; none where one reservation would leave the next thread no room', () => {
  expect(threadsWithin(8, undefined)).toBe(8);
  // Under 12 GB, the main thread's 10 GB taken: no room for a thread (two crashed every run).
  expect(threadsWithin(2, { limit: 12 * GB, used: 11 * GB })).toBe(0);
  // The same before the main thread's reservation: it is counted as still to come.
  expect(threadsWithin(2, { limit: 12 * GB, used: 1 * GB })).toBe(0);
  // Under 6 GB nothing can reserve 10 GB: threads take their own share only (eight crashed).
  expect(threadsWithin(8, { limit: 6 * GB, used: 1 * GB })).toBe(3);
  expect(threadsWithin(2, { limit: 6 * GB, used: 1 * GB })).toBe(2);
  // Under 24 GB with the main thread's taken, the first thread may take 10 GB more, the second not.
  expect(threadsWithin(8, { limit: 24 * GB, used: 11 * GB })).toBe(2);
  // Room for all.
  expect(threadsWithin(4, { limit: 200 * GB, used: 11 * GB })).toBe(4);
  expect(threadsWithin(2, { limit: 0.5 * GB, used: 0.4 * GB })).toBe(0);
});

/** Every file a run wrote, by name. */
const written = (folder: string) => new Map(readdirSync(folder).sort().map((name) => [name, readFileSync(path.join(folder, name), 'utf8')]));

test('grade under ulimit -v grades the class as without it, where threads crashed the process or a submission before', async () => {
  test.skip(process.platform !== 'linux', 'ulimit -v through a shell');
  const args = (out: string, jobs: string) => ['grade', fixturePath('class'), '--out', out, '--quiet', '--jobs', jobs, '--now', '2025-08-01T09:00:00Z'];
  const reference = tempDir('ulimit-reference-');
  await runCliAfter(undefined, args(reference, '2'));
  // Before: 12 GB with 2 threads and 4 GB with 8 ended in "Fatal process OOM in Failed to reserve
  // virtual memory for CodeRange" (exit code 133); 9 GB with 2 made a submission of each thread
  // "grading worker crashed: WebAssembly.instantiate(): Out of memory" [grading-crashed].
  for (const [gb, jobs, line] of [
    [12, '2', 'flowgrade: grading threads cannot start (a limit on virtual memory of 12 GB, ulimit -v); grading in one thread, as --jobs 1 does [no-threads]'],
    [4, '8', undefined],
    [9, '2', undefined],
  ] as const) {
    const out = tempDir('ulimit-');
    const run = await runCliAfter(`ulimit -v ${gb * 1024 * 1024}`, args(out, jobs));
    const label = `${gb} GB, --jobs ${jobs}`;
    expect(run.stdout, label).toContain('5 passed, 6 failed, 1 ungradable');
    expect(run.code, label).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines.filter((text) => !/\[not-json\]$/.test(text)).filter((text) => !/\[(no|few)-threads\]$/.test(text)), label).toEqual([]);
    if (line !== undefined) expect(lines, label).toContain(line);
    const files = written(out);
    for (const [name, text] of written(reference)) expect(files.get(name)?.replaceAll(out, reference), `${label}: ${name}`).toBe(text);
  }
});

test('a class of fewer submissions than --jobs asks the limit only for the threads it starts; room for one thread is grading in one thread, said as such', async () => {
  test.skip(process.platform !== 'linux', 'ulimit -v through a shell');
  const dir = tempDir('ulimit-small-class-');
  const solution = readFileSync(fixturePath('flows/solution.json'), 'utf8');
  for (const id of ['140', '141']) writeFileSync(path.join(dir, `Main_Flow_${id}.json`), solution.replaceAll('Main_Flow_140', `Main_Flow_${id}`));
  // Beside the 1 to 2 GB Node uses, 6 GB leaves room for 2 threads (threadsWithin: 1.25 GB each and 0.5 GB for the main thread), not for 8; 4 GB for one.
  for (const [gb, stderr] of [
    // Before (a mutation sweep): with --jobs taken as the threads wanted, not the 2 the class can use, '3 grading threads instead of 8 (…) [few-threads]'.
    [6, ''],
    // Before (a mutation sweep): '1 grading threads instead of 2 (…) [few-threads]', though one thread is none started.
    [4, 'flowgrade: grading threads cannot start (a limit on virtual memory of 4 GB, ulimit -v); grading in one thread, as --jobs 1 does [no-threads]\n'],
  ] as const) {
    const run = await runCliAfter(`ulimit -v ${gb * 1024 * 1024}`, ['grade', dir, '--out', tempDir('ulimit-small-out-'), '--quiet', '--jobs', '8', '--now', '2025-08-01T09:00:00Z']);
    expect([run.code, run.stderr], `${gb} GB`).toEqual([0, stderr]);
    expect(run.stdout, `${gb} GB`).toContain('2 passed, 0 failed, 0 ungradable');
  }
});
