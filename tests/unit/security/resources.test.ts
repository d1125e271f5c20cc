/**
 * Bounded resources: file size (checked on the file's size before a byte is read), zip entries and
 * archives (zip bombs refused without expanding them), JSON nesting, string lengths, and simulation
 * steps. Every refusal is one clear line with a stable code, and every limit is configurable.
 */
import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { zipSync, type Zippable } from 'fflate';
import { findMission } from '../../../checks/index.js';
import { PoolTaskError, WorkerPool } from '../../../cli/grade/pool.js';
import { gradeFlow } from '../../../engine/grade.js';
import { DEFAULT_LIMITS } from '../../../engine/json-text.js';
import { loadFlow } from '../../../engine/loader.js';
import { simulate } from '../../../engine/simulator/index.js';
import { renderHtmlReport, renderJson } from '../../../reports/index.js';
import { fixturePath, ROOT, runCli } from '../../helpers.js';
import type { FlowSpec, Node } from '../simulator/helpers.js';
import { buildFlow, exportOf, fakeServices, play, removeTempDirs, setVar, tempDir } from './flows.js';

const NOW = ['--now', '2025-08-01T09:00:00Z'];
const MB = 1024 * 1024;
test.afterAll(removeTempDirs); // some temp folders hold sparse files of 50 GB
const solutionText = () => readFileSync(fixturePath('flows/solution.json'), 'utf8');

/** A sparse file of `size` bytes: its size is known to stat, but it occupies no disk (and reading it would take that much memory). */
function sparseFile(file: string, size: number): string {
  const fd = openSync(file, 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
  return file;
}

/**
 * A run of the CLI, and the most memory its process ever held (resident, as getrusage counts it),
 * written on exit by a module preloaded into it: a file read is a file held, whatever it holds.
 */
async function runCliWithPeak(args: string[]): Promise<{ code: number; stderr: string; peak: number }> {
  const dir = tempDir('peak');
  const peakFile = path.join(dir, 'peak');
  const preload = path.join(dir, 'peak.cjs');
  writeFileSync(preload, `if (require('node:worker_threads').isMainThread) process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(peakFile)}, String(process.resourceUsage().maxRSS * 1024)));\n`);
  const run = await runCli(args, { env: { NODE_OPTIONS: `--require ${JSON.stringify(preload)}` } });
  return { code: run.code, stderr: run.stderr, peak: Number(readFileSync(peakFile, 'utf8')) };
}

test.describe('file size', () => {
  test('a 50 MB export is refused with one clear line and exit code 2', async () => {
    const file = sparseFile(path.join(tempDir('big'), 'Main_Flow_50MB.json'), 50 * MB);
    const run = await runCli(['check', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`UNGRADABLE — file is larger than the 20 MB limit (${50 * MB} bytes) [too-large]`);
    const json = await runCli(['check', file, '--format', 'json']);
    expect(json.code).toBe(2);
    expect(json.stderr).toBe(`flowgrade: ${file}: file is larger than the 20 MB limit (${50 * MB} bytes) [too-large]\n`);
    const inspect = await runCli(['inspect', file]);
    expect(inspect.code).toBe(2);
    expect(inspect.stderr).toContain('[too-large]');
  });

  test('the size is checked before reading: a 50 GB file is refused just as fast, never read', async () => {
    // Reading 50 GB would fail with a different error (Node cannot buffer over 2 GB) or exhaust memory:
    // getting `too-large` proves the file size was checked first.
    const file = sparseFile(path.join(tempDir('huge'), 'Main_Flow_50GB.json'), 50 * 1024 * MB);
    const check = await runCli(['check', file, '--format', 'json', ...NOW]);
    expect(check.code).toBe(2);
    expect(JSON.parse(check.stdout)).toMatchObject({ verdict: 'ungradable', error: { code: 'too-large' } });
    const out = tempDir('huge-out');
    const grade = await runCli(['grade', path.dirname(file), '--out', out, '--jobs', '1', '--quiet', ...NOW]);
    expect(grade.stderr).toContain('[too-large]');
    // attendee 50GB, from the file name Main_Flow_<ID>.json
    expect(JSON.parse(readFileSync(path.join(out, '50GB.json'), 'utf8'))).toMatchObject({ verdict: 'ungradable', error: { code: 'too-large' } });
  });

  test('a file that gives more than its size says (Linux /proc files say 0) is read no further than the limit', async () => {
    test.skip(process.platform !== 'linux', '/proc is Linux\'s');
    // /proc/self/pagemap, read to its end, held gigabytes; the environment is a few hundred bytes, over 16.
    for (const command of ['inspect', 'simulate']) {
      const run = await runCli([command, '/proc/self/environ', '--max-size', '16B']);
      expect([command, run.code, run.stderr]).toEqual([command, 2, 'flowgrade: /proc/self/environ: file is larger than the 16 bytes limit (its size says 0 bytes, but it gives more) [too-large]\n']);
    }
  });

  test('a file over 2 GB under a --max-size above it is refused as too large, never read (one read of it aborted Node); by grade too', async () => {
    const file = sparseFile(path.join(tempDir('over-2gb'), 'Main_Flow_3GB.json'), 3 * 1024 * MB);
    const line = `flowgrade: ${file}: file is larger than 2 GB, the most that can be read (${3 * 1024 * MB} bytes) [too-large]\n`;
    const run = await runCli(['inspect', file, '--max-size', '10GB']);
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', line]);
    // grade said `The value of "length" is out of range … [unreadable-file]`: its read of 3 GB at once failed.
    const grade = await runCli(['grade', path.dirname(file), '--out', tempDir('over-2gb-out'), '--jobs', '1', '--max-size', '10GB', '--quiet', ...NOW]);
    expect([grade.code, grade.stderr]).toEqual([0, line]);
  });

  test('a file over 512 MB (the most a string holds) under a --max-size above it is refused on its size, never read: check and grade, as the loader would refuse it', async () => {
    const file = sparseFile(path.join(tempDir('over-512mb'), 'Main_Flow_600MB.json'), 600 * MB);
    const message = 'file is larger than 536870888 bytes (512 MB), the most that can be read as text';
    const check = await runCliWithPeak(['check', file, '--max-size', '1GB', '--format', 'json', ...NOW]);
    expect([check.code, check.stderr]).toEqual([2, `flowgrade: ${file}: ${message} [too-large]\n`]);
    // Read only for the loader to refuse it, the file was held whole: 680 MB at the peak, where Node alone takes 60–100 MB.
    expect(check.peak).toBeLessThan(300 * MB);
    const out = tempDir('over-512mb-out');
    const grade = await runCliWithPeak(['grade', path.dirname(file), '--out', out, '--jobs', '1', '--max-size', '1GB', '--quiet', ...NOW]);
    expect([grade.code, grade.stderr]).toEqual([0, `flowgrade: ${file}: ${message} [too-large]\n`]);
    expect(JSON.parse(readFileSync(path.join(out, '600MB.json'), 'utf8'))).toMatchObject({ verdict: 'ungradable', error: { code: 'too-large', message } });
    expect(grade.peak).toBeLessThan(300 * MB);
  });

  test('--max-size moves the limit both ways', async () => {
    const dir = tempDir('max-size');
    const solution = path.join(dir, 'Main_Flow_140.json');
    writeFileSync(solution, solutionText());
    const small = await runCli(['check', solution, '--max-size', '10KB', '--format', 'json', ...NOW]);
    expect(small.code).toBe(2);
    // The limit is named as given, not rounded to "0 MB" (cli/io.ts: see the change request in the report).
    expect(JSON.parse(small.stdout).error).toMatchObject({ code: 'too-large', message: expect.stringMatching(/larger than the (10 KB|10240 bytes) limit/) });
    const big = sparseFile(path.join(dir, 'big.json'), 30 * MB);
    const raised = await runCli(['check', big, '--max-size', '40MB', '--format', 'json']);
    expect(raised.stderr).toContain('[not-json]'); // read and parsed, not refused for its size
  });

  test('the limits have the documented defaults', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxBytes: 20 * MB, maxDepth: 64, maxStringLength: 256 * 1024, maxActivities: 5_000, maxEventHandlers: 100, maxVariables: 5_000 });
  });
});

test.describe('nesting depth and string lengths', () => {
  test('an export nested 10 000 levels deep is refused without recursion', async () => {
    const dir = tempDir('deep');
    const file = path.join(dir, 'deep.json');
    writeFileSync(file, solutionText().replace('"process"', `"deep": ${'['.repeat(10_000)}${']'.repeat(10_000)}, "process"`));
    const run = await runCli(['check', file, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`flowgrade: ${file}: JSON nesting is deeper than the limit of 64 levels [too-deep]\n`);
  });

  test('a JSON variable\'s default text nested deeper than the limit is refused as too-deep, naming the variable (the model never holds it)', async () => {
    // The default is a string (within the string limit) that the model parses by type: 100 000 levels
    // built there overflowed the stack of everything that then read the model (`inspect`: internal error).
    const flow = JSON.parse(solutionText());
    flow.variables.push({ name: 'blob', type: 'JSON', value: '['.repeat(100_000) + ']'.repeat(100_000), source: '' });
    expect(loadFlow(JSON.stringify(flow))).toEqual({
      ok: false,
      error: { code: 'too-deep', message: 'variable blob: its JSON default is nested deeper than the limit of 64 levels' },
    });
    expect(loadFlow(JSON.stringify(flow), { maxDepth: 200_000 }).ok).toBe(true);
    // Exactly at the limit is fine: the default's own nesting is what counts.
    const atLimit = JSON.parse(solutionText());
    atLimit.variables.push({ name: 'blob', type: 'JSON', value: '['.repeat(64) + ']'.repeat(64) });
    expect(loadFlow(JSON.stringify(atLimit)).ok).toBe(true);
    const file = path.join(tempDir('deep-default'), 'deep-default.json');
    writeFileSync(file, JSON.stringify(flow));
    const run = await runCli(['inspect', file, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`flowgrade: ${file}: variable blob: its JSON default is nested deeper than the limit of 64 levels [too-deep]\n`);
  });

  test('a string longer than the limit is refused, naming where it is; the limit is an option', () => {
    const flow = JSON.parse(solutionText());
    const id = Object.keys(flow.process.activities)[2];
    flow.process.activities[id].properties.description = 'x'.repeat(300_000);
    const refused = loadFlow(JSON.stringify(flow));
    expect(refused).toEqual({
      ok: false,
      error: { code: 'too-large', message: `a string of 300000 characters at /process/activities/${id}/properties/description is longer than the limit of 262144 characters` },
    });
    expect(loadFlow(JSON.stringify(flow), { maxStringLength: 400_000 }).ok).toBe(true);
    const key = JSON.parse(solutionText());
    key.process.activities[id].properties['k'.repeat(300_000)] = 1;
    expect(loadFlow(JSON.stringify(key))).toMatchObject({ ok: false, error: { code: 'too-large', message: expect.stringMatching(/^a key of 300000 characters at \/process\/activities\/[^ ]+\/properties is longer/) } });
  });

  test('a template body may hold a long export string; the limit applies to the export inside', () => {
    const body = JSON.stringify({ name: 'template', flow: solutionText() });
    expect(loadFlow(body, { maxStringLength: 10_000 }).ok).toBe(true);
    const flow = JSON.parse(solutionText());
    flow.description = 'y'.repeat(20_000);
    expect(loadFlow(JSON.stringify({ flow: JSON.stringify(flow) }), { maxStringLength: 10_000 })).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  test('error messages stay one short line even when the offending key is huge', () => {
    const flow = JSON.parse(solutionText());
    flow.process.activities['k'.repeat(100_000)] = { properties: 5 };
    const result = loadFlow(JSON.stringify(flow), { maxStringLength: 200_000 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-flow');
    expect(result.error.message.length).toBeLessThan(300);
    expect(result.error.message).toMatch(/^not a valid flow export: \/process\/activities\/k+… must be object$/);
  });
});

test.describe('graph size', () => {
  /** An export whose event flow has `events` event nodes, all leading into a chain of `chain` activities. */
  function bigFlow(events: number, chain: number): string {
    const activities: Record<string, unknown> = {};
    const links: unknown[] = [];
    for (let i = 0; i < events; i++) {
      activities[`e${i}`] = { name: `E${i}`, group: 'event', properties: { activityId: 'event', eventSpecificationName: `E${i}` } };
      links.push({ sourceActivityId: `e${i}`, targetActivityId: 'c0', conditionExpr: 'out' });
    }
    for (let i = 0; i < chain; i++) {
      activities[`c${i}`] = { name: `C${i}`, properties: { activityName: 'play-message' } };
      if (i > 0) links.push({ sourceActivityId: `c${i - 1}`, targetActivityId: `c${i}`, conditionExpr: 'default' });
    }
    return JSON.stringify({
      name: 'Main_Flow_1',
      process: { activities: { s: { name: 'NewPhoneContact', properties: { activityName: 'NewPhoneContact' } } }, links: [] },
      eventFlows: { eventsMap: { GLOBAL_EVENTS: { process: { activities, links } } } },
    });
  }

  test('more activities or event nodes than any real flow are refused (the model would cost activities × event nodes)', () => {
    // Before this limit, 10 000 event nodes over a 10 000-activity chain (3 MB) took over a minute to load.
    expect(loadFlow(bigFlow(10, 5_000))).toEqual({ ok: false, error: { code: 'too-large', message: 'the export has 5011 activities, more than the limit of 5000' } });
    expect(loadFlow(bigFlow(101, 10))).toEqual({ ok: false, error: { code: 'too-large', message: 'the event flows have 101 event nodes, more than the limit of 100' } });
    expect(loadFlow(bigFlow(10, 5_000), { maxActivities: 6_000 }).ok).toBe(true);
    expect(loadFlow(bigFlow(101, 10), { maxEventHandlers: 200 }).ok).toBe(true);
  });

  test('the activity limit is exact: main and event flow activities together, up to the limit and not one more', () => {
    // 1 start + 10 event nodes + the chain.
    expect(loadFlow(bigFlow(10, 4_989)).ok).toBe(true);
    expect(loadFlow(bigFlow(10, 4_990))).toEqual({ ok: false, error: { code: 'too-large', message: 'the export has 5001 activities, more than the limit of 5000' } });
  });

  test('more flow variables than any real flow are refused (every check that renders a template builds a scope of them)', () => {
    // Before this limit, 500 000 variables (17 MB) took check 7 s and 725 MB: the checks build a scope of every variable several times.
    const withVariables = (count: number) => {
      const exported = JSON.parse(solutionText());
      for (let i = exported.variables.length; i < count; i++) exported.variables.push({ name: `extra_${i}`, type: 'STRING', value: '', isCAD: false, isSecure: false });
      return JSON.stringify(exported);
    };
    expect(loadFlow(withVariables(5_001))).toEqual({ ok: false, error: { code: 'too-large', message: 'the export has 5001 flow variables, more than the limit of 5000' } });
    expect(loadFlow(withVariables(5_000)).ok).toBe(true);
    expect(loadFlow(withVariables(5_001), { maxVariables: 6_000 }).ok).toBe(true);
  });

  test('at the limits the model is still built, every handler with what it reaches', () => {
    const result = loadFlow(bigFlow(100, 4_899));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.model.handlers).toHaveLength(100);
    for (const handler of result.model.handlers) expect(handler.reaches).toHaveLength(4_899);
  });

  test('an activity with 200 000 exits loads (no argument spreading, no quadratic queue)', () => {
    const links = Array.from({ length: 200_000 }, (_, i) => ({ sourceActivityId: 's', targetActivityId: 't', conditionExpr: `x${i}` }));
    const activities = { s: { name: 'Start', properties: { activityName: 'NewPhoneContact' } }, t: { name: 'End', properties: { activityName: 'end' } } };
    const result = loadFlow(JSON.stringify({ name: 'Main_Flow_1', process: { activities, links } }));
    expect(result.ok && result.model.main.activities.every((a) => a.reachable)).toBe(true);
  });
});

test.describe('simulation steps', () => {
  test('an endless loop stops at the step budget and is reported as stuck', async () => {
    const flow = buildFlow({
      variables: [{ name: 'n', type: 'STRING', value: 'x' }],
      main: [setVar('Grow', 'n', '{{ n ~ n }}'), play('Say', '{{ n | length }}')],
      links: [
        ['NewPhoneContact', 'out', 'Grow'],
        ['Grow', 'out', 'Say'],
        ['Grow', 'error', 'Say'],
        ['Say', 'default', 'Grow'],
      ],
    });
    const result = await simulate(flow, {}, { services: fakeServices(), maxSteps: 50, maxVisitsPerActivity: 1_000 });
    expect(result.status).toBe('stuck');
    expect(result.summary).toMatch(/^stuck in a loop at (Grow|Say)$/);
    expect(result.trace.length).toBeLessThanOrEqual(50);
    // The doubling string hit Pebble's 1 000 000 character limit long before: an activity error, not a blow-up.
    expect(result.trace.some((e) => e.error?.includes('String longer than 1000000 characters'))).toBe(true);
    const perActivity = await simulate(flow, {}, { services: fakeServices(), maxVisitsPerActivity: 3 });
    expect(perActivity.status).toBe('stuck');
    expect(perActivity.trace.filter((e) => e.activity === 'Grow')).toHaveLength(3);
  });

  test('grading applies the step limits it is given; the default is 500 steps and 25 visits', async () => {
    const mission = findMission('callback-on-global-error')!;
    const looping = exportOf({
      main: [play('Hello', 'hello')],
      links: [
        ['NewPhoneContact', 'out', 'Hello'],
        ['Hello', 'default', 'Hello'],
      ],
    });
    const options = { mission, fileName: 'loop.json', now: () => new Date(0), tool: { name: 'flowgrade', version: 'test' } };
    const report = await gradeFlow(JSON.stringify(looping), options);
    for (const scenario of report.scenarios) {
      expect(scenario.summary).toBe('stuck in a loop at Hello');
      expect(scenario.trace.filter((e) => e.activity === 'Hello')).toHaveLength(25);
    }
    const limited = await gradeFlow(JSON.stringify(looping), { ...options, limits: { maxSteps: 5 } });
    for (const scenario of limited.scenarios) expect(scenario.trace).toHaveLength(5);
  });
});

/**
 * 9 doublings of `s` (1,000 characters, to 512,000), then `ring` in a cycle, each activity to the
 * next by `exit`, until the 500-step budget.
 */
function growThenRing(ring: Node[], exit = 'out', variables: NonNullable<FlowSpec['variables']> = []): Record<string, unknown> {
  const grow = Array.from({ length: 9 }, (_, i) => setVar(`Grow${i}`, 's', '{{ s ~ s }}'));
  const chain = [...grow, ...ring].map((node) => node.label);
  return exportOf({
    variables: [{ name: 's', type: 'STRING', value: 'y'.repeat(1_000) }, ...variables],
    main: [...grow, ...ring],
    links: [['NewPhoneContact', 'out', chain[0]], ...chain.slice(1).map((label, i): [string, string, string] => [chain[i], i < grow.length ? 'out' : exit, label]), [chain.at(-1)!, exit, ring[0].label]],
  });
}

test.describe('trace size', () => {
  test('a ring of Set Variables passing a 512,000-character value around is graded and reported: each trace value keeps 10,000 characters', async () => {
    const flow = growThenRing(Array.from({ length: 20 }, (_, i) => setVar(`Ring${i}`, 's', '{{ s | slice(1) }}x')));
    const mission = findMission('callback-on-global-error')!;
    const report = await gradeFlow(JSON.stringify(flow), { mission, fileName: 'ring.json', now: () => new Date(0), tool: { name: 'flowgrade', version: 'test' } });
    const trace = report.scenarios[0].trace;
    expect(report.scenarios[0].summary).toMatch(/^stuck in a loop at Ring/);
    expect(trace).toHaveLength(500);
    expect(trace.find((e) => e.activity === 'Ring0')?.modifiedVariables.s).toBe(`${'y'.repeat(10_000)}… (512000 characters)`);
    // Before, the JSON report of the three calls was over 700 million characters: beyond V8's longest string.
    expect(renderJson(report).length).toBeLessThan(20_000_000);
    expect(renderHtmlReport(report).length).toBeLessThan(30_000_000);
  });
});

test.describe('trace size: many values in one entry', () => {
  test.describe.configure({ timeout: 120_000 });

  /**
   * `flowgrade check --format json` on `flow`, killed after 100 s (the test's own limit is 120): the
   * defect took 3 minutes, the fixed check 13 s here on an idle machine, and a loaded one took over
   * 60 s (a CI run killed it at the old 60).
   */
  function checkJson(flow: Record<string, unknown>): Promise<{ code: number | string | null; stdout: string; stderr: string }> {
    const file = path.join(tempDir('trace-entry'), 'flow.json');
    writeFileSync(file, JSON.stringify(flow));
    return new Promise((resolve) => {
      execFile(process.execPath, [path.join(ROOT, 'bin', 'flowgrade.js'), 'check', file, '--format', 'json', ...NOW], { timeout: 100_000, killSignal: 'SIGKILL', maxBuffer: 512 * MB }, (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number | string }).code ?? (error as { signal?: string }).signal ?? null) : 0, stdout, stderr });
      });
    });
  }

  /** `n` activities made by `make` (Fan0, Fan1, …), handing `s` round by `exit` (growThenRing). */
  function fanFlow(n: number, make: (label: string) => Node, variables: NonNullable<FlowSpec['variables']> = [], exit = 'out'): Record<string, unknown> {
    return growThenRing(Array.from({ length: n }, (_, i) => make(`Fan${i}`)), exit, variables);
  }

  test('a Set Variable of 300 rows each setting a 512,000-character value is graded: an entry keeps 20,000 characters of its values (it kept 3 million, and check died out of memory)', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({ srcVariable: `v${i}`, srcVariableType: 'STRING', setTo: 'set-to-literal', expr: i === 1 ? 'short' : '{{ s }}' }));
    const flow = fanFlow(20, (label) => ({ ...setVar(label, 'v0', '{{ s }}'), props: { ...setVar(label, 'v0', '{{ s }}').props, setVariablesArray: rows } }), rows.map((row) => ({ name: row.srcVariable, type: 'STRING', value: '' })));
    const run = await checkJson(flow);
    expect(run.code, run.stderr.slice(0, 500)).toBe(1);
    expect(run.stdout.length).toBeLessThan(100 * MB);
    const entry = JSON.parse(run.stdout).scenarios[0].trace.find((e: { activity: string }) => e.activity === 'Fan0');
    const values = Object.values<string>(entry.modifiedVariables);
    expect(values).toHaveLength(300);
    expect(entry.modifiedVariables.v0).toBe(`${'y'.repeat(10_000)}… (512000 characters)`);
    expect(entry.modifiedVariables.v1).toBe('short'); // short values stay whole
    expect(values.reduce((sum, v) => sum + v.length, 0)).toBeLessThan(20_000 + 300 * 130);
  });

  test('an HTTP Request sending 20 headers of a 512,000-character value in a ring is graded: an entry keeps 20,000 characters of its headers (check failed on V8\'s longest string after 3 minutes)', async () => {
    const headers = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`X-Big${i}`, '{{ s }}']));
    const url = 'https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab/DynVars?dn=4694096861';
    const flow = fanFlow(20, (label) => ({ label, type: 'http-request-v2', props: { authenticated: false, httpRequestMethod: 'GET', httpRequestUrl: url, httpRequestHeaders: headers, httpQueryParameters: {}, httpContentType: 'Application/JSON', contentType: 'JSON', outputVariableArray: [] } }), [], 'default');
    const run = await checkJson(flow);
    expect(run.code, run.stderr.slice(0, 500)).toBe(1);
    const entry = JSON.parse(run.stdout).scenarios[0].trace.find((e: { activity: string }) => e.activity === 'Fan0');
    const values = Object.values<string>(entry.http.requestHeaders);
    expect(values.length).toBeGreaterThanOrEqual(20);
    expect(entry.http.requestHeaders['x-big0']).toBe(`${'y'.repeat(10_000)}… (512000 characters)`);
    expect(values.reduce((sum, v) => sum + v.length, 0)).toBeLessThan(20_000 + 30 * 130);
  });

  test('an HTTP Request failing on a 512,000-character URL, in a ring through its error exit, is graded: an entry keeps 10,000 characters of its error (check failed on V8\'s longest string)', async () => {
    const flow = fanFlow(20, (label) => ({ label, type: 'http-request-v2', props: { authenticated: false, httpRequestMethod: 'GET', httpRequestUrl: '{{ s }}', httpRequestHeaders: {}, httpQueryParameters: {}, httpContentType: 'Application/JSON', contentType: 'JSON', outputVariableArray: [] } }), [], 'error');
    const run = await checkJson(flow);
    expect(run.code, run.stderr.slice(0, 500)).toBe(1);
    const trace = JSON.parse(run.stdout).scenarios[0].trace as { activity: string; error?: string }[];
    const entry = trace.find((e) => e.activity === 'Fan0')!;
    expect(entry.error).toMatch(/^invalid request URL "y{9000,}… \(\d+ characters\)$/);
    expect(entry.error!.length).toBeLessThan(10_100);
  });

  test('a Play Message of 300 prompts each saying a 512,000-character value is graded: an entry keeps 20,000 characters of its prompts', async () => {
    const prompts = Array.from({ length: 300 }, (_, i) => ({ type: 'tts', value: '{{ s }}', name: `p${i}` }));
    const flow = fanFlow(20, (label) => ({ ...play(label, 'x'), props: { toggle: true, promptsTts: prompts } }));
    const run = await checkJson(flow);
    expect(run.code, run.stderr.slice(0, 500)).toBe(1);
    expect(run.stdout.length).toBeLessThan(100 * MB);
    const entry = JSON.parse(run.stdout).scenarios[0].trace.find((e: { activity: string }) => e.activity === 'Fan0');
    expect(entry.prompts).toHaveLength(300);
    expect(entry.prompts.reduce((sum: number, p: string) => sum + p.length, 0)).toBeLessThan(20_000 + 300 * 130);
  });
});

test.describe('expressions in a flow', () => {
  const cases: [string, string, RegExp][] = [
    ['150 nested parentheses', `{{ ${'('.repeat(150)}1${')'.repeat(150)} }}`, /nested deeper than 100 levels/],
    ['a chain of 40 doubling replaces', `{{ v${' | replace({"x": "xx"})'.repeat(40)} }}`, /String longer than 1000000 characters/],
    ['a billion-item range', '{{ range(0, 1000000000) | join }}', /List longer than 100000 items/],
    ['a catastrophic regular expression', '{{ v.replaceAll("(x+)+y", "") }}', /too complex/],
    ['a 210 000 character template', `{{ v }}${'z'.repeat(210_000)}`, /Template longer than 200000 characters/],
  ];
  for (const [name, expression, message] of cases) {
    test(`${name} in a Set Variable fails that activity with a limit error, and the flow goes on`, async () => {
      const flow = buildFlow({
        variables: [{ name: 'v', type: 'STRING', value: 'x' }],
        main: [setVar('Blow', 'v', expression), play('After', 'still here')],
        links: [
          ['NewPhoneContact', 'out', 'Blow'],
          ['Blow', 'error', 'After'],
          ['Blow', 'out', 'After'],
        ],
      });
      const result = await simulate(flow, {}, { services: fakeServices() });
      const blow = result.trace.find((e) => e.activity === 'Blow')!;
      expect(blow.outcome).toBe('error');
      expect(blow.error).toMatch(message);
      expect(blow.error!.length).toBeLessThan(400); // the expression is clipped in the message
      expect(result.trace.at(-1)?.activity).toBe('After');
      expect(result.variables.v).toBe('x');
    });
  }
});

test.describe('zip archives', () => {
  const flow = new TextEncoder().encode(solutionText());

  test('a zip bomb (a small archive expanding to gigabytes) is refused, entry by entry, without expanding it', async () => {
    const dir = tempDir('bomb');
    // 1 GB of zeros would take 1 GB to build here; 150 MB compresses to ~150 KB and shows the same.
    const bomb = zipSync({ 'Main_Flow_1.json': flow, 'bomb/Main_Flow_2.json': new Uint8Array(150 * MB) } as Zippable, { level: 9 });
    expect(bomb.length).toBeLessThan(MB);
    writeFileSync(path.join(dir, 'class.zip'), bomb);
    const out = tempDir('bomb-out');
    const run = await runCli(['grade', path.join(dir, 'class.zip'), '--out', out, '--quiet', ...NOW]);
    expect(run.stderr).toMatch(/class\.zip!\/bomb\/Main_Flow_2\.json: zip entry declares 157286400 bytes, beyond the 20 MB file size limit; refused \[too-large\]/);
    expect(run.stdout).toContain('1 passed, 0 failed, 1 ungradable');
    // The same bomb, honest about its size, over the archive limit: the archive is refused as a whole.
    const whole = await runCli(['grade', path.join(dir, 'class.zip'), '--out', tempDir('bomb-out'), '--quiet', '--max-archive-size', '100MB', ...NOW]);
    expect(whole.stderr).toMatch(/class\.zip: archive declares \d+ bytes of exports, beyond the 100 MB limit for an archive; refused \[zip-too-large\]/);
  });

  test('an entry lying about its size is stopped at the size it declares', async () => {
    const dir = tempDir('liar');
    const archive = zipSync({ 'Main_Flow_3.json': new Uint8Array(30 * MB) }, { level: 9 });
    declareSize(archive, 'Main_Flow_3.json', 2_000);
    writeFileSync(path.join(dir, 'liar.zip'), archive);
    const run = await runCli(['grade', path.join(dir, 'liar.zip'), '--out', tempDir('liar-out'), '--quiet', ...NOW]);
    expect(run.stderr).toContain('zip entry expands beyond the 2000 bytes it declares; refused [zip-bomb]');
  });

  test('an export entry over 512 MB (the most a string holds), under a --max-size and --max-archive-size above it, is refused on the size the directory gives, never expanded; so is one over --max-size', async () => {
    const dir = tempDir('entry-over-512mb');
    const zip = path.join(dir, 'class.zip');
    writeFileSync(zip, spacesZip('Main_Flow_600MB.json', 600 * MB));
    const message = 'file is larger than 536870888 bytes (512 MB), the most that can be read as text';
    const out = tempDir('entry-over-512mb-out');
    const run = await runCliWithPeak(['grade', dir, '--out', out, '--jobs', '1', '--max-size', '1GB', '--max-archive-size', '1GB', '--quiet', ...NOW]);
    // The words and code a file of that size gets (the loader's, which refused the entry once expanded).
    expect([run.code, run.stderr]).toEqual([0, `flowgrade: ${zip}!/Main_Flow_600MB.json: ${message} [too-large]\n`]);
    expect(JSON.parse(readFileSync(path.join(out, '600MB.json'), 'utf8'))).toMatchObject({ verdict: 'ungradable', error: { code: 'too-large', message } });
    // Expanded, the entry was held whole, then copied into one buffer: 1.4 GB at the peak, where Node alone takes 60–100 MB.
    expect(run.peak).toBeLessThan(300 * MB);
    const limited = await runCliWithPeak(['grade', dir, '--out', tempDir('entry-over-512mb-out'), '--jobs', '1', '--max-size', '500MB', '--max-archive-size', '1GB', '--quiet', ...NOW]);
    expect([limited.code, limited.stderr]).toEqual([0, `flowgrade: ${zip}!/Main_Flow_600MB.json: zip entry declares ${600 * MB} bytes, beyond the 500 MB file size limit; refused [too-large]\n`]);
    expect(limited.peak).toBeLessThan(300 * MB);
  });

  test('an export entry whose size nothing tells (its own header gives none, the directory lists another name) is stopped once past 512 MB, in the same words, not expanded whole', async () => {
    const dir = tempDir('entry-unsized');
    const zip = path.join(dir, 'class.zip');
    writeFileSync(zip, spacesZip('Main_Flow_600MB.json', 600 * MB, 'Main_Flow_Listed.json'));
    const run = await runCliWithPeak(['grade', dir, '--out', tempDir('entry-unsized-out'), '--jobs', '1', '--max-size', '1GB', '--max-archive-size', '1GB', '--quiet', ...NOW]);
    expect(run.stderr).toContain(`flowgrade: ${zip}!/Main_Flow_600MB.json: file is larger than 536870888 bytes (512 MB), the most that can be read as text [too-large]\n`);
    // Held to --max-size only, it was expanded whole, then copied into one buffer (1.4 GB at the
    // peak); stopped at 512 MB, what it expanded to until then is held (710 MB at the peak).
    expect(run.peak).toBeLessThan(1000 * MB);
  });

  test('archives nested deeper than 3 levels, too many entries, or too much in total are refused; the limits are options', async () => {
    const dir = tempDir('nested');
    let nested: Uint8Array = zipSync({ 'Main_Flow_4.json': flow });
    for (let i = 0; i < 4; i++) nested = zipSync({ [`level${i}.zip`]: nested });
    writeFileSync(path.join(dir, 'nested.zip'), nested);
    const entries: Zippable = {};
    for (let i = 0; i < 12; i++) entries[`Main_Flow_${100 + i}.json`] = flow;
    writeFileSync(path.join(dir, 'many.zip'), zipSync(entries));
    const run = await runCli(['grade', dir, '--out', tempDir('nested-out'), '--quiet', '--max-entries', '10', '--max-archive-size', '1MB', ...NOW]);
    expect(run.stderr).toContain('archive nested more than 3 levels deep; refused [zip-too-deep]');
    expect(run.stderr).toMatch(/many\.zip: archive (holds more than 10 exports|declares \d+ bytes of exports, beyond the 1 MB limit for an archive); refused \[zip-too-(many-entries|large)\]/);
  });
});

/**
 * A zip archive of one deflated entry of `size` spaces (a multiple of 1 MB), built without holding
 * them: one megabyte deflated with a full flush (about 1 KB, ending on a byte boundary with no
 * history) is repeated, then a final empty block closes the stream. Its sizes and CRC-32 are true.
 * `listedAs`: a hostile archive whose directory lists the entry under another name, and whose own
 * header gives no size (a data descriptor after the data holds them): nothing tells its size.
 */
function spacesZip(name: string, size: number, listedAs?: string): Uint8Array {
  const chunk = Buffer.alloc(MB, 0x20);
  const block = zlib.deflateRawSync(chunk, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < size / MB; i++) crc = zlib.crc32(chunk, crc);
  const data = Buffer.concat([...Array<Buffer>(size / MB).fill(block), Buffer.from([0x03, 0x00])]);
  const sizes = Buffer.alloc(12);
  sizes.writeUInt32LE(crc, 0);
  sizes.writeUInt32LE(data.length, 4);
  sizes.writeUInt32LE(size, 8);
  const [nameBytes, listedBytes] = [Buffer.from(name), Buffer.from(listedAs ?? name)];
  // A local header (30 bytes) and a directory entry (46) hold the same fields, from `at` on.
  const header = (signature: number, at: number, length: number, nameLength: number) => {
    const bytes = Buffer.alloc(length);
    bytes.writeUInt32LE(signature, 0);
    bytes.writeUInt16LE(20, at - 2); // version needed
    bytes.writeUInt16LE(listedAs === undefined ? 0 : 8, at); // flags: bit 3, sizes in a data descriptor
    bytes.writeUInt16LE(8, at + 2); // deflate
    bytes.writeUInt16LE(0x21, at + 6); // 1980-01-01
    if (listedAs === undefined || signature === 0x02014b50) sizes.copy(bytes, at + 8);
    bytes.writeUInt16LE(nameLength, at + 20);
    return bytes;
  };
  const local = header(0x04034b50, 6, 30, nameBytes.length);
  const descriptor = listedAs === undefined ? Buffer.alloc(0) : Buffer.concat([Buffer.from([0x50, 0x4b, 0x07, 0x08]), sizes]);
  const central = header(0x02014b50, 8, 46, listedBytes.length); // its own header at byte 0
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + listedBytes.length, 12);
  end.writeUInt32LE(local.length + nameBytes.length + data.length + descriptor.length, 16);
  return Buffer.concat([local, nameBytes, data, descriptor, central, listedBytes, end]);
}

/** Rewrites the uncompressed size an entry declares (local header and central directory). */
function declareSize(zip: Uint8Array, name: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const nameBytes = new TextEncoder().encode(name);
  const matches = (at: number) => nameBytes.every((b, i) => zip[at + i] === b);
  for (let i = 0; i + 46 < zip.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50 && view.getUint16(i + 26, true) === nameBytes.length && matches(i + 30)) view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50 && view.getUint16(i + 28, true) === nameBytes.length && matches(i + 46)) view.setUint32(i + 24, size, true);
  }
}

test.describe('grading threads', () => {
  test('a thread over its heap limit fails only its own submission, and the batch gives each grading thread that limit (512 MB)', async () => {
    // The mechanism: a task that allocates without end in a thread limited to 64 MB is stopped as crashed; the next task runs.
    const file = path.join(tempDir('heap'), 'worker.mjs');
    writeFileSync(
      file,
      `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (task) => {
  if (task === 'grow') { const kept = []; for (;;) kept.push(new Array(1e5).fill({ x: kept.length })); }
  parentPort.postMessage({ ok: true, result: task });
});
parentPort.postMessage({ ready: true });
`,
    );
    const pool = new WorkerPool<string, string>({ size: 1, script: pathToFileURL(file), resourceLimits: { maxOldGenerationSizeMb: 64 } });
    try {
      const [grown, next] = await Promise.allSettled([pool.run('grow'), pool.run('next')]);
      expect(grown.status === 'rejected' && grown.reason).toBeInstanceOf(PoolTaskError);
      expect(grown.status === 'rejected' && grown.reason.reason).toBe('crashed');
      expect(next).toEqual({ status: 'fulfilled', value: 'next' });
    } finally {
      await pool.close();
    }
    // The batch's pool is started with that limit (SECURITY.md's table says 512 MB).
    const batch = readFileSync(path.join(ROOT, 'cli', 'grade', 'batch.ts'), 'utf8');
    expect(batch.slice(batch.indexOf('function startPool('))).toMatch(/^[^]*?new WorkerPool[^]*?resourceLimits: \{ maxOldGenerationSizeMb: 512 \}/);
    expect(readFileSync(path.join(ROOT, 'SECURITY.md'), 'utf8')).toContain('| heap per worker thread | 512 MB |');
  });
});
