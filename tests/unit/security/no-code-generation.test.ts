/**
 * What ships (dist/: our code and the packages bundled with it, msw, jsonpath-plus, the ajv
 * validators, commander, chalk) has no way to run a string as code; code-execution.test.ts scans
 * our own sources only. Two proofs: the Node bundles contain no `eval(` or Function constructor
 * at all, and the built CLI runs under V8's `--disallow-code-generation-from-strings`, with which
 * any `eval`, `Function` or string timer reached in any thread throws an EvalError, exactly as it
 * runs without it (output, files, exit code), on the fixtures and on an export of code-shaped
 * payloads. The scan catches a call written out even when its error would be caught; the run
 * catches one spelled any other way when nothing catches its error.
 */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fixturePath, removeTempDirs, ROOT, runCli, tempDir, type CliRun } from '../../helpers.js';
import { DYNVARS_URL } from '../simulator/helpers.js';
import { exportOf, httpNode, play, setVar } from './flows.js';

test.afterAll(removeTempDirs);

const CODE_FROM_STRING = /\bnew\s+Function\b|(?<![\w.$])(Function|eval)\s*\(/g;

/** Each place in a bundle that could run a string as code, with a little of what surrounds it. */
const codeSites = (bundle: string) => [...readFileSync(path.join(ROOT, 'dist', bundle), 'utf8').matchAll(CODE_FROM_STRING)].map((m) => m.input.slice(m.index - 80, m.index + 40));

test('the CLI and worker bundles contain no eval( and no Function constructor, the bundled packages included', () => {
  for (const bundle of ['cli.js', 'worker.js']) expect(codeSites(bundle), bundle).toEqual([]);
});

test("the page's bundle holds one, jsonpath-plus's stand-in for node:vm, reached only with eval: 'native', which flowgrade never passes (and the page's policy forbids)", () => {
  const sites = codeSites(path.join('web', 'app.js'));
  expect(sites).toHaveLength(1);
  expect(sites[0]).toMatch(/return new Function\(/);
  expect(readFileSync(path.join(ROOT, 'dist', 'web', 'app.js'), 'utf8')).toMatch(/return new Function\([^)]*\)\([^)]*\)\}\};\w+\.prototype\.vm=\{Script:/);
});

test('the scan finds what it must', () => {
  for (const sample of ['eval("x")', 'new Function("a")', 'x=Function("y")', 'new  Function', ';eval (s)']) expect(sample.match(CODE_FROM_STRING), sample).not.toBeNull();
  for (const fine of ['x.eval(1)', 'isFunction(x)', 'typeof x=="function"', 'evaluate(x)', 'myFunction(1)']) expect(fine.match(CODE_FROM_STRING), fine).toBeNull();
});

const FLAG = '--disallow-code-generation-from-strings';
const NOW = ['--now', '2025-08-01T09:00:00Z'];

/** An export whose templates and JSONPath parse settings try to reach a Function constructor. */
function hostileExport(folder: string): string {
  const pebble = '{{ "".constructor.constructor("globalThis.pwned=1")() }} {{ eval("1") }}';
  const flow = exportOf({
    variables: [{ name: 'v', type: 'STRING', value: '' }, { name: 'out', type: 'STRING', value: '' }],
    main: [
      setVar('SetIt', 'v', pebble),
      play('SayIt', pebble),
      httpNode('GetIt', `${DYNVARS_URL}?dn={{ v | constructor }}`, [
        { outputVariable: 'out', jsonPathExp: "$[?(@.constructor.constructor('globalThis.pwned=1')())]" },
        { outputVariable: 'v', jsonPathExp: '$..[?(@.x && (globalThis.pwned=1))]' },
      ]),
    ],
    links: [
      ['NewPhoneContact', 'out', 'SetIt'],
      ['SetIt', 'out', 'SayIt'],
      ['SayIt', 'default', 'GetIt'],
    ],
  });
  const file = path.join(folder, 'Main_Flow_hostile.json');
  writeFileSync(file, JSON.stringify(flow));
  return file;
}

const withoutFlag = (args: string[]) => runCli(args, { env: { NODE_OPTIONS: '' } });
const withFlag = (args: string[]) => runCli(args, { env: { NODE_OPTIONS: FLAG } });

/** Every file under a folder, by relative path. */
function filesOf(folder: string): Map<string, Buffer> {
  const names = (readdirSync(folder, { recursive: true }) as string[]).sort();
  return new Map(names.flatMap((name) => {
    try {
      return [[name, readFileSync(path.join(folder, name))] as const];
    } catch {
      return []; // a folder
    }
  }));
}

test('the flag is in force in the main thread and in worker threads (so a run under it proves something)', () => {
  const probe = [
    "const { Worker } = require('node:worker_threads');",
    "try { new Function('return 1'); console.log('main ran it'); } catch (e) { console.log('main ' + e.name); }",
    "new Worker(\"try { eval('1'); console.log('worker ran it'); } catch (e) { console.log('worker ' + e.name); }\", { eval: true });",
  ].join('\n');
  const run = (options: string) => execFileSync(process.execPath, ['-e', probe], { env: { ...process.env, NODE_OPTIONS: options }, encoding: 'utf8' }).trim().split('\n').sort();
  expect(run('')).toEqual(['main ran it', 'worker ran it']);
  expect(run(FLAG)).toEqual(['main EvalError', 'worker EvalError']);
});

test('grade writes the same class, byte for byte, with code generation from strings disallowed', async () => {
  const folder = tempDir('no-codegen-');
  const inputs = [fixturePath('class'), hostileExport(folder)];
  const outPlain = path.join(folder, 'plain');
  const outFlag = path.join(folder, 'flag');
  const plain = await withoutFlag(['grade', ...inputs, '--out', outPlain, ...NOW, '--quiet', '--jobs', '2']);
  const flagged = await withFlag(['grade', ...inputs, '--out', outFlag, ...NOW, '--quiet', '--jobs', '2']);
  expect(flagged.stderr).not.toMatch(/EvalError|Code generation/);
  expect(normalised(flagged, outFlag)).toEqual(normalised(plain, outPlain));
  const written = filesOf(outFlag);
  expect(written.size).toBeGreaterThan(25);
  expect([...written.keys()]).toEqual([...filesOf(outPlain).keys()]);
  for (const [name, bytes] of filesOf(outPlain)) expect(written.get(name)!.equals(bytes), name).toBe(true);
});

/** A run's exit code and printout, with its --out folder's name made the same. */
function normalised(run: CliRun, out: string): CliRun {
  const same = (text: string) => text.replaceAll(out, '<out>');
  return { code: run.code, stdout: same(run.stdout), stderr: same(run.stderr) };
}

test('check, simulate and inspect print the same with code generation from strings disallowed', async () => {
  const hostile = hostileExport(tempDir('no-codegen-'));
  const solution = fixturePath('flows/solution.json');
  const everyFixture = readdirSync(fixturePath('flows')).map((name) => fixturePath(`flows/${name}`));
  const commands = [
    ['check', ...everyFixture, hostile, ...NOW],
    ['check', ...everyFixture, '--format', 'json', ...NOW],
    ['check', hostile, '--format', 'html', ...NOW],
    ['check', solution, '--format', 'junit', ...NOW],
    ['check', solution, '--format', 'markdown', ...NOW],
    ['simulate', hostile],
    ['simulate', solution, '--dtmf', 'WantCallback=3', '--tasks-status', '400'],
    ['inspect', hostile, '--format', 'json'],
    ['inspect', solution],
  ];
  for (const args of commands) {
    const flagged = await withFlag(args);
    expect(flagged.stderr, args.join(' ')).not.toMatch(/EvalError|Code generation/);
    expect(flagged, args.join(' ')).toEqual(await withoutFlag(args));
  }
});
