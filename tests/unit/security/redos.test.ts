/**
 * Regular expressions of flowgrade's own (not Pebble's `matches`, covered in complexity.test.ts)
 * that run on export text: none may backtrack exponentially, nor quadratically over a long run of
 * one character (a pattern tried from every place of the run: `/\s*:\s*$/`). A regex with a back-reference is not
 * rescued by V8's linear-time fallback (the CLI's flag), so one that explodes hangs `check`,
 * `grade --jobs 1` and the page's tab. Each test bounds its own time: an explosion is a timeout.
 */
import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadFlow } from '../../../engine/loader.js';
import { simulate } from '../../../engine/simulator/index.js';
import { fixturePath, ROOT } from '../../helpers.js';
import { fakeServices, http, httpFlow, httpNode, HttpResponse, removeTempDirs, tempDir } from './flows.js';

test.afterAll(removeTempDirs);

type Properties = Record<string, unknown> & { outputVariableArray?: { jsonPathExp: string }[] };

/** `flowgrade check` (built CLI) on the solution with GET_CBID's first JSONPath replaced; killed after `ms`. */
function checkWithPath(jsonPathExp: string, ms: number) {
  return checkEdited('GET_CBID', (properties) => (properties.outputVariableArray![0].jsonPathExp = jsonPathExp), ms);
}

/**
 * `flowgrade check` (built CLI) on the solution with one activity's properties edited (of the main
 * flow or the event flows), or several (`editAny`, given each activity's label); killed after `ms`.
 */
function checkEdited(
  label: string,
  edit: (properties: Properties) => void,
  ms: number,
  editAny: (label: string, properties: Properties) => void = (name, properties) => name === label && edit(properties),
): Promise<{ code: number | string | null; stdout: string; ms: number }> {
  const flow = JSON.parse(readFileSync(fixturePath('flows/solution.json'), 'utf8'));
  for (const activities of [flow.process.activities, flow.eventFlows.eventsMap.GLOBAL_EVENTS.process.activities]) {
    for (const activity of Object.values<{ name: string; properties: Properties }>(activities)) editAny(activity.name, activity.properties);
  }
  const file = path.join(tempDir('redos'), 'flow.json');
  writeFileSync(file, JSON.stringify(flow));
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'bin', 'flowgrade.js'), 'check', file, '--format', 'json'], { timeout: ms, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      resolve({ code: error ? ((error as { code?: number | string }).code ?? (error as { signal?: string }).signal ?? null) : 0, stdout, ms: Date.now() - started });
    });
  });
}

const DATA_URL = 'https://api.example.test/data';

async function runParse(jsonPathExp: string) {
  const flow = httpFlow(httpNode('GetData', DATA_URL, [{ outputVariable: 'out', jsonPathExp }]), [{ name: 'out', type: 'STRING', value: null }]);
  const loaded = loadFlow(JSON.stringify(flow));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return simulate(loaded.model, {}, { services: fakeServices([http.get(DATA_URL, () => HttpResponse.json([{ a: 1 }]))]) });
}

test.describe('parse settings: a quoted name in brackets', () => {
  test.describe.configure({ timeout: 60_000 });

  test('a run of backslashes before the closing quote is judged at once (it took 2^n steps: 48 backslashes, 217 s even with the CLI flag)', async () => {
    // In a child process: a regex that explodes cannot be interrupted in this one.
    const run = await checkWithPath(`$['${'\\'.repeat(60)}'x]`, 20_000);
    expect(run.ms).toBeLessThan(20_000);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('a union of names');
  });

  test('long runs of backslashes and escaped quotes are judged in linear time', async () => {
    const result = await runParse(`$['${'\\'.repeat(5_000)}'x]`);
    expect(result.summary).toContain('a union of names');
    const escaped = await runParse(`$['${"\\'".repeat(5_000)}x']`);
    expect(escaped.status).toBe('not-simulated');
    expect(escaped.summary).toContain('does not read as written');
  });

  test('what is one quoted name and what is not is unchanged', async () => {
    expect((await runParse("$[0]['a']")).status).toBe('completed');
    expect((await runParse(`$[0]["a"]`)).status).toBe('completed');
    expect((await runParse("$['a','b']")).summary).toContain('a union of names');
    expect((await runParse("$['a\\'b']")).summary).toContain('does not read as written');
    expect((await runParse("$['a\\\\']")).summary).toContain('does not read as written');
    expect((await runParse(`$['a"b']`)).summary).toContain('does not read as written');
  });
});

test.describe('checks: text taken from the export', () => {
  test.describe.configure({ timeout: 60_000 });

  test('a menu option described by 200,000 commas and a letter is judged at once (trailing punctuation was stripped in quadratic time: 77 s)', async () => {
    const description = `${','.repeat(200_000)}x`;
    const run = await checkEdited('WantCallback', (properties) => {
      properties['menuLinks_input'] = ['Callback', 'Stay in queue', description];
      properties['menuLinks:input'] = ['Callback', 'Stay in queue', description];
    }, 20_000);
    expect(run.ms).toBeLessThan(20_000);
    expect(run.code).toBe(0); // a recommended check only
    const report = JSON.parse(run.stdout);
    expect(report.checks.find((c: { id: string }) => c.id === 'want-callback-option3-description').status).toBe('failed');
  });

  test('a Request URL and an Expression each followed by 262,000 { are judged at once ({{ }} and {% if %} were found by lazy patterns tried from every {: 14 s, 32 s without the CLI\'s flag, as in a browser)', async () => {
    const braces = '{'.repeat(262_000);
    const run = await checkEdited('', () => {}, 10_000, (label, properties) => {
      if (label === 'GET_CBID') properties.httpRequestUrl = `https://674481b1b4e2e04abea27c6e.mockapi.io/flowdesigner/Lab/DynV ars${braces}`;
      if (label === 'HTTPStatusCode') properties.expression = `{{CallBackAPI_HTTPRequest.httpStatusCode = 201}}${braces}`;
    });
    expect(run.ms).toBeLessThan(10_000);
    const checks: { id: string; message?: string }[] = JSON.parse(run.stdout).checks;
    expect(checks.find((c) => c.id === 'get-cbid-url')?.message).toMatch(/^GET_CBID Request URL is wrong: path "\/flowdesigner\/Lab\/DynV ars\{\{/);
    expect(checks.some((c) => c.message?.endsWith(': compare with == (one = or === is no operator in Pebble)'))).toBe(true);
  });

  test('a Request Body whose key holds 262,000 spaces before a comma left before the closing brace is judged at once (the key was cut from its colon in quadratic time: 25 s for 120,000)', async () => {
    const run = await checkEdited('CallBackAPI_HTTPRequest', (properties) => (properties.httpRequestBody = `{"a${' '.repeat(262_000)}b": 1,}`), 20_000);
    expect(run.ms).toBeLessThan(20_000);
    expect(run.code).toBe(1);
    const messages = JSON.parse(run.stdout).checks.map((c: { message?: string }) => c.message ?? '');
    expect(messages.some((message: string) => message.includes('JSON allows no comma before a closing }: remove the comma after "a'))).toBe(true);
  });
});
