/**
 * What reaches the process's last-resort handlers while a command runs. A bug of ours there (an
 * error no code awaited) is one line and exit code 2, whatever the command would have returned; a
 * failure in a part of Node that flowgrade never uses is no error of the run at all.
 */
import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, fixturePath } from '../../helpers.js';
import { runCliAfter } from './run-under-shell.js';

test('an error nothing awaited, raised while check runs (a bug), ends it with exit code 2, not the code check had so far', async () => {
  // run() as bin/flowgrade.js calls it; the first export's verdict leaves an unhandled rejection
  // behind while the second is read, as a forgotten promise in our code would.
  const script = `
    const { run } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', 'cli.js')).href)});
    let injected = false;
    const code = await run([process.argv[0], 'flowgrade', 'check', ${JSON.stringify(fixturePath('flows/solution.json'))}, ${JSON.stringify(fixturePath('flows/noise-minified.json'))}, '-q'], {
      stdout: () => {},
      exit: () => { if (!injected) { injected = true; Promise.reject(new Error('a promise nobody awaited')); } },
    });
    console.log('run returned ' + code);`;
  const { FORCE_COLOR: _runnersColour, ...env } = process.env;
  const child = await new Promise<{ stdout: string; stderr: string }>((resolve) =>
    execFile(process.execPath, ['--input-type=module', '-e', script], { env: { ...env, NO_COLOR: '1' } }, (_error, stdout, stderr) => resolve({ stdout, stderr })),
  );
  // Before: 'run returned 0' after the internal error line, and bin/flowgrade.js exited 0 with it.
  expect([child.stdout, child.stderr]).toEqual(['run returned 2\n', 'flowgrade: internal error: a promise nobody awaited (run with --debug for details)\n']);
});

for (const args of [['check', fixturePath('flows/solution.json'), '-q'], ['simulate', fixturePath('flows/solution.json')], ['labs'], ['checks']]) {
  test(`under a limit on virtual memory (ulimit -v 4 GB), Node's unused HTTP parser failing to compile is no error: ${args[0]} exits 0, nothing on stderr`, async () => {
    test.skip(process.platform !== 'linux', 'ulimit -v through a shell');
    // Node 20's bundled undici compiles llhttp to WebAssembly as the CLI loads it (the Request
    // class the simulator builds requests with), which reserves some 10 GB of address space, and
    // leaves that promise unhandled; flowgrade sends no request (MSW answers in-process).
    const run = await runCliAfter('ulimit -v 4000000', args);
    // Before: check and simulate printed 'flowgrade: internal error: WebAssembly.instantiate(): Out of
    // memory: Cannot allocate Wasm memory for new instance'; labs and checks, done before it came,
    // ended with Node's stack trace and exit code 1.
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).not.toBe('');
  });
}
