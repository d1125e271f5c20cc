/**
 * Registered, a second mission is listed, explained and graded by the CLI (in-process): `labs`,
 * `checks --lab`, `explain --lab`, `check --lab` and `grade --lab --jobs 1` (worker threads run the
 * built bundle, which has only the product's missions).
 */
import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '../../../cli/main.js';
import { tempDir } from '../../helpers.js';
import { DEFECTS, solutionText } from './hello-world/flows.js';
import { registerMission } from './conformance.js';
import helloWorld from './hello-world/index.js';

registerMission(helloWorld);

async function flowgrade(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(['node', 'flowgrade', ...args], {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    isTTY: false,
    color: false,
    unicode: true,
    columns: () => undefined,
  });
  return { code, stdout, stderr };
}

test('labs lists the mission with its own counts; checks and explain show its checks', async () => {
  const labs = await flowgrade('labs');
  expect(labs.stdout).toContain('hello-world  Hello World — 4 checks, 10 required points\n');
  const checks = await flowgrade('checks', '--lab', 'hello-world');
  expect(checks.stdout.trimEnd().split('\n').map((line) => line.split(/\s{2,}/).slice(0, 2).join(' '))).toEqual([
    'step 1 hello-welcome-after-start',
    'step 1 hello-welcome-prompt-text',
    'step 2 hello-welcome-to-disconnect',
    'step 2 hello-run-caller-hears-welcome',
  ]);
  const explain = await flowgrade('explain', 'hello-run-caller-hears-welcome', '--lab', 'hello-world');
  expect(explain.stdout).toContain('- Mission: Hello World (`hello-world`)\n- Build step: 2 — End the call with a Disconnect Contact\n');
  expect(explain.stdout).toContain('- Judges the simulated scenario: `call`');
});

test('check --lab grades an export against the mission', async () => {
  const dir = tempDir('hello-check');
  const file = path.join(dir, 'HelloWorld_140.json');
  writeFileSync(file, DEFECTS['welcome-unlinked'].text);
  const result = await flowgrade('check', file, '--lab', 'hello-world');
  expect(result.code).toBe(1);
  expect(result.stdout).toContain('Step 2 — End the call with a Disconnect Contact');
  expect(result.stdout).toContain('FAILED 4/11 — 2 required checks failed');
  expect(result.stdout).not.toContain('GET_CBID');
  // Each failure's "more:" line is a command that prints the check's page.
  const more = [...result.stdout.matchAll(/more: +flowgrade (.+)$/gm)].map((m) => m[1].split(' '));
  expect(more.map((args) => args.join(' '))).toEqual(['explain hello-welcome-to-disconnect --lab hello-world', 'explain hello-run-caller-hears-welcome --lab hello-world']);
  for (const args of more) {
    const explain = await flowgrade(...args);
    expect(explain.code, explain.stderr).toBe(0);
    expect(explain.stdout).toContain(`# ${args[1]}\n`);
  }
});

test('grade --lab --jobs 1 writes the class files of the mission', async () => {
  const dir = tempDir('hello-grade');
  mkdirSync(path.join(dir, 'in'));
  // A class: each attendee's flow HelloWorld_<ID>, 140 the solution, 141 and on a defect each.
  writeFileSync(path.join(dir, 'in', 'HelloWorld_140.json'), solutionText());
  for (const [at, defect] of Object.values(DEFECTS).entries()) {
    writeFileSync(path.join(dir, 'in', `HelloWorld_${141 + at}.json`), defect.text.replace('"name": "HelloWorld_140"', `"name": "HelloWorld_${141 + at}"`));
  }
  const out = path.join(dir, 'out');
  const result = await flowgrade('grade', path.join(dir, 'in'), '--out', out, '--jobs', '1', '--lab', 'hello-world', '--quiet');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(1);
  const csv = readFileSync(path.join(out, 'grades.csv'), 'utf8').split('\r\n');
  expect(csv.slice(1, -1).map((line) => line.split(',')[0])).toEqual(['140', '141', '142', '143', '144']);
  expect(csv[0]).toBe('\ufeffattendee,file,verdict,earned,possible,percent,error,notes,hello-welcome-after-start,hello-welcome-prompt-text,hello-welcome-to-disconnect,hello-run-caller-hears-welcome');
  expect(readFileSync(path.join(out, 'summary.md'), 'utf8')).toContain('| 1 — Add the Play Message Welcome after NewPhoneContact |');
  expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('data-column="step-2"');
  expect(readFileSync(path.join(out, 'index.html'), 'utf8')).not.toContain('data-column="step-3"');
});
