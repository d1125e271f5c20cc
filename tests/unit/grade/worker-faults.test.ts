/**
 * A grading thread that dies or hangs on a submission, in a real `grade` run: that submission is
 * one ungradable row saying which (grading-crashed, grading-timeout), with its reports, and the
 * batch goes on to grade every other one. The built CLI is run from a copy beside a worker that
 * is the real one (dist/worker.js), except that it exits on a file named *-crash* and spins on
 * one named *-hang* (no export makes the real worker do either on cue). A submission's time limit
 * (`--timeout 1`) is held by the test: it ends the hanging one only, never a real grading that a
 * loaded machine makes slower than a second (held in the copy of bin/flowgrade.js: heldTimeLimits).
 */
import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fixturePath, tempDir } from '../../helpers.js';

const DIST = fileURLToPath(new URL('../../../dist/', import.meta.url));

/**
 * Put before the copy of bin/flowgrade.js: each time limit of 1 s (`--timeout 1`: one setTimeout of
 * 1,000 ms per submission, armed as its thread starts it) fires only once the thread running
 * *-hang* has said so (the file `hanging` beside it) and that limit is the only one armed, the same
 * one two checks running (a reply posted before the hanging began is taken in between, its limit
 * disarmed); no other. Before, the limit was the clock's: a real grading on a loaded machine took
 * over a second, and the run ended with 2 passed, 3 ungradable.
 */
const heldTimeLimits = `import { existsSync as hangingSaid } from 'node:fs';
{
  const hanging = new URL('./hanging', import.meta.url);
  const real = { set: globalThis.setTimeout, clear: globalThis.clearTimeout };
  const armed = new Set();
  globalThis.setTimeout = (fire, ms, ...args) => {
    if (ms !== 1000) return real.set(fire, ms, ...args);
    const limit = { fire: () => fire(...args) };
    armed.add(limit);
    return limit;
  };
  globalThis.clearTimeout = (timer) => (armed.has(timer) ? void armed.delete(timer) : real.clear(timer));
  let seen;
  const watch = setInterval(() => {
    const only = armed.size === 1 && hangingSaid(hanging) ? [...armed][0] : undefined;
    if (only !== undefined && only === seen) {
      clearInterval(watch);
      armed.delete(only);
      only.fire();
    }
    seen = only;
  }, 10);
  watch.unref();
}
`;

/** dist/cli.js copied into a folder of its own, its worker.js the real one with two faults on cue. */
function cliWithFaultyWorker(): string {
  const dist = path.join(tempDir('worker-faults-cli'), 'dist');
  mkdirSync(dist);
  copyFileSync(path.join(DIST, 'cli.js'), path.join(dist, 'cli.js'));
  writeFileSync(
    path.join(dist, 'worker.js'),
    `import { writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
parentPort.on('message', (job) => {
  const file = job.grade ? job.grade.file : '';
  if (file.includes('-crash')) process.exit(3);
  if (file.includes('-hang')) {
    writeFileSync(new URL('./hanging', import.meta.url), '');
    for (;;);
  }
});
await import(${JSON.stringify(pathToFileURL(path.join(DIST, 'worker.js')).href)});
`,
  );
  // The real bin/flowgrade.js, loading the copy.
  const bin = path.join(dist, 'flowgrade.mjs');
  const shim = readFileSync(path.join(DIST, '..', 'bin', 'flowgrade.js'), 'utf8').replace("'../dist/cli.js'", "'./cli.js'");
  writeFileSync(bin, shim.replace(/^#!.*\n/, (line) => line + heldTimeLimits));
  return bin;
}

function run(bin: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      resolve({ code: error && typeof error.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}

test('a grading thread that crashes or hangs on a submission makes it one ungradable row saying which; the batch grades every other one', async () => {
  const bin = cliWithFaultyWorker();
  const dir = tempDir('worker-faults-class');
  // Three good ones (attendee 140 in three folders: three students), each beside a faulty one.
  const files = ['a/Main_Flow_140.json', 'a/Main_Flow_102-crash.json', 'b/Main_Flow_140.json', 'b/Main_Flow_103-hang.json', 'c/Main_Flow_140.json'];
  for (const file of files) {
    mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    copyFileSync(fixturePath('flows/solution.json'), path.join(dir, file));
  }
  const out = tempDir('worker-faults-out');
  const result = await run(bin, ['grade', dir, '--out', out, '--jobs', '2', '--timeout', '1', '--quiet', '--fail-on', 'ungradable', '--now', '2025-08-01T09:00:00Z']);
  expect(result.stdout).toContain(': 3 passed, 0 failed, 2 ungradable');
  expect(result.code).toBe(2);
  expect(result.stderr).toContain(`flowgrade: ${path.join(dir, 'a', 'Main_Flow_102-crash.json')}: grading worker exited with code 3 [grading-crashed]`);
  expect(result.stderr).toContain(`flowgrade: ${path.join(dir, 'b', 'Main_Flow_103-hang.json')}: grading took longer than 1 s; stopped [grading-timeout]`);
  expect(result.stderr).toContain('flowgrade: 1 submission not graded because flowgrade failed on it (grading-crashed)');
  expect(result.stderr.trim().split('\n')).toHaveLength(3);
  // Each of the five has its reports (names by attendee id); the faulty two say why they were not graded.
  for (const id of ['140', '140-2', '140-3', '102-crash', '103-hang']) {
    expect(existsSync(path.join(out, `${id}.html`)), id).toBe(true);
  }
  const crashed = JSON.parse(readFileSync(path.join(out, '102-crash.json'), 'utf8'));
  expect([crashed.verdict, crashed.error?.code]).toEqual(['ungradable', 'grading-crashed']);
  const hung = JSON.parse(readFileSync(path.join(out, '103-hang.json'), 'utf8'));
  expect([hung.verdict, hung.error?.code]).toEqual(['ungradable', 'grading-timeout']);
  const grades = readFileSync(path.join(out, 'grades.csv'), 'utf8').trim().split('\n');
  expect(grades).toHaveLength(1 + files.length);
});

test('a submission flowgrade failed to grade makes the exit code 2 under the default --fail-on, as an internal error of check does, so a CI job is not green; --fail-on none still 0', async () => {
  const bin = cliWithFaultyWorker();
  const dir = tempDir('worker-faults-exit');
  copyFileSync(fixturePath('flows/solution.json'), path.join(dir, 'Main_Flow_140.json'));
  copyFileSync(fixturePath('flows/solution.json'), path.join(dir, 'Main_Flow_102-crash.json'));
  const args = (out: string, ...more: string[]) => ['grade', dir, '--out', out, '--jobs', '2', '--quiet', '--now', '2025-08-01T09:00:00Z', ...more];
  const byDefault = await run(bin, args(tempDir('worker-faults-exit-out')));
  expect(byDefault.stdout).toContain(': 1 passed, 0 failed, 1 ungradable');
  expect(byDefault.code).toBe(2);
  expect(byDefault.stderr).toContain('flowgrade: 1 submission not graded because flowgrade failed on it (grading-crashed): their rows say ungradable through no fault of theirs; please report it with the file');
  const none = await run(bin, args(tempDir('worker-faults-exit-none'), '--fail-on', 'none'));
  expect(none.code).toBe(0);
  expect(none.stderr).toContain('[grading-crashed]');
});
