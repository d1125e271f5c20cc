/**
 * `flowgrade --help` and the help of every command end with examples, and each one
 * works when pasted as it is (in a clone of flowgrade, whose fixtures they name): run here in that
 * order in a folder of its own (fixtures linked in, read in place), one after the other. They hold
 * nothing a shell would read apart (no `&&`, no comment, no single quote: cmd and PowerShell too).
 */
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runCli, tempDir } from '../../helpers.js';

/** The files of the example class (fixtures/class) that are ungradable on purpose: grade names each on stderr, the example working. */
const UNREADABLE = (JSON.parse(readFileSync(path.join(ROOT, 'fixtures', 'manifest.json'), 'utf8')) as { file: string; kind: string }[])
  .filter((e) => e.file.startsWith('class/') && e.kind === 'unreadable')
  .map((e) => `flowgrade: fixtures/${e.file}: `);

/** The example commands of a help text: the lines under `Examples` that start with `flowgrade `. */
function examplesOf(help: string): string[] {
  const at = help.search(/^Examples\b/m);
  if (at === -1) return [];
  return [...help.slice(at).matchAll(/^ {2}(flowgrade .*)$/gm)].map((match) => match[1]!.trim());
}

/** A command line split as sh, cmd and PowerShell all split this simple kind: on spaces, "…" kept whole. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!);
}

/** serve runs until stopped: started, read until it says where it serves (or that the port is taken), stopped. */
function serveBriefly(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'flowgrade.js'), ...args], { cwd });
    let output = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (/serving the self-check page at http:\/\/127\.0\.0\.1:\d+\/|already in use/.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(output);
    });
  });
}

test('the help of flowgrade and of every command ends with examples that work when pasted', async () => {
  test.setTimeout(180_000);
  const cwd = tempDir('help-examples');
  symlinkSync(path.join(ROOT, 'fixtures'), path.join(cwd, 'fixtures'));
  for (const command of [[], ['check'], ['grade'], ['merge'], ['simulate'], ['inspect'], ['labs'], ['checks'], ['explain'], ['web'], ['serve']]) {
    const help = await runCli([...command, '--help']);
    const examples = examplesOf(help.stdout);
    expect(examples.length, `flowgrade ${command.join(' ')} --help`).toBeGreaterThan(0);
    for (const example of examples) {
      expect(example, 'nothing a shell reads apart').not.toMatch(/&&|\|\||[;'#<>|]/);
      const args = words(example).slice(1);
      if (args[0] === 'serve') {
        expect(await serveBriefly(args, cwd), example).toMatch(/serving the self-check page at http:\/\/127\.0\.0\.1:\d+\/|port 8080 is already in use/);
        continue;
      }
      const run = await runCli(args, { cwd });
      // 0 passed, 1 a flow failed (the defect fixtures): either is the example working.
      const stderr = run.stderr.split('\n').filter((line) => !UNREADABLE.some((start) => line.startsWith(start)));
      expect([run.code <= 1, stderr.join('\n').match(/^(flowgrade: (?!.*\[(?:stale-reports|output-folder)\]).*|error: .*)$/m)?.[0]], example).toEqual([true, undefined]);
      // A class example shows a class: several attendees (fixtures/class), not one attendee's many files.
      const attendees = /^graded (\d+) attendees?\b/m.exec(run.stdout)?.[1];
      if (attendees !== undefined) expect(Number(attendees), `${example}: ${run.stdout}`).toBeGreaterThanOrEqual(2);
    }
  }
});

test("grade's help, whose example grades half a class, says what joins the halves: flowgrade merge", async () => {
  const help = await runCli(['grade', '--help']);
  const sharded = help.stdout.split('\n').findIndex((line) => line.includes('--shard 1/2'));
  expect(help.stdout.split('\n')[sharded + 1]).toContain('flowgrade merge');
});
