import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { HAS_SHARED, SHARED, runCli, tempDir } from '../../helpers.js';
import { tinyFlow } from '../loader/tiny-flow.js';

const dir = tempDir('inspect');
function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

test('inspect prints a readable summary', async () => {
  const file = write('Main_Flow_207.json', JSON.stringify(tinyFlow()));
  const run = await runCli(['inspect', file]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('Main_Flow_207 (FLOW, 2025 export format)');
  expect(run.stdout).toContain('attendee: 207 (from flow-name)');
  expect(run.stdout).toContain('play-message: Welcome, Orphan (unreachable)');
  expect(run.stdout).toContain('NewPhoneContact —out→ Welcome');
  expect(run.stdout).toContain('OnGlobalError (GlobalErrorHandling) → EndFlow_kid');
});

test('inspect --format json prints the model', async () => {
  const file = write('flow.json', JSON.stringify(tinyFlow()));
  const run = await runCli(['inspect', file, '--format', 'json']);
  expect(run.code).toBe(0);
  const model = JSON.parse(run.stdout);
  expect(model.name).toBe('Main_Flow_207');
  expect(model.main.activities.map((a: { label: string }) => a.label)).toEqual(['NewPhoneContact', 'Welcome', 'Bye', 'Orphan']);
  expect(model.handlers[0].display).toBe('OnGlobalError');
});

const UNREADABLE: [string, string | Uint8Array, string, RegExp][] = [
  ['empty.json', '', 'empty-file', /file is empty/],
  ['broken.json', '{"name": "x",\n "process": {', 'not-json', /not valid JSON: .* at line 2 column 14/],
  ['array.json', '[]', 'not-a-flow', /JSON is an array/],
  ['postman.json', '{"info":{"_postman_id":"1"},"item":[]}', 'not-a-flow', /Postman/],
  ['template.json', '{"name":"t","flow":"{oops"}', 'bad-template-body', /"flow" field/],
  ['deep.json', '['.repeat(5000) + ']'.repeat(5000), 'too-deep', /nesting/],
];

for (const [name, content, code, message] of UNREADABLE) {
  test(`unreadable input ${name}: exit 2, one line naming the file and the code ${code}`, async () => {
    const file = write(name, content);
    const run = await runCli(['inspect', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith(`flowgrade: ${file}: `), lines[0]).toBe(true);
    expect(lines[0].endsWith(` [${code}]`), lines[0]).toBe(true);
    // The message alone, between the file name and the code: the file name (array.json) must not match for it.
    expect(lines[0].slice(`flowgrade: ${file}: `.length, -` [${code}]`.length)).toMatch(message);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });
}

test('a missing file and a file over --max-size', async () => {
  const missing = await runCli(['inspect', path.join(dir, 'nope.json')]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toMatch(/nope\.json: no such file \[unreadable-file\]/);
  const file = write('big.json', JSON.stringify(tinyFlow({ padding: 'x'.repeat(4096) })));
  const big = await runCli(['inspect', file, '--max-size', '2KB']);
  expect(big.code).toBe(2);
  expect(big.stderr).toMatch(/big\.json: file is larger than the .* limit .*\[too-large\]/);
});

test('usage errors exit 2', async () => {
  expect((await runCli(['inspect'])).code).toBe(2);
  expect((await runCli(['inspect', 'x.json', '--format', 'xml'])).code).toBe(2);
  expect((await runCli(['nonsense'])).code).toBe(2);
  expect((await runCli(['--help'])).code).toBe(0);
});

test.describe('real exports', () => {
  test.skip(!HAS_SHARED, '../shared is not present');
  test('inspect reads the template body export', async () => {
    const run = await runCli(['inspect', path.join(SHARED, 'real-flows', 'template-body_subflow_http-post-json-body_setVariablesArray_2026.json')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/SUBFLOW, 2026 export format, from a flow-template body/);
  });
  test('a Case\'s links show the match value its port shows beside the export\'s key', async () => {
    const run = await runCli(['inspect', path.join(SHARED, 'real-flows', 'event-flow-handlers_outbound-campaign-result_case_setcallerid_play_disconnect.json')]);
    expect(run.stdout).toContain('Case —0 (AMD)→ VoiceMailGreeting\n');
    expect(run.stdout).toContain('Case —1 (ABANDONED)→ AbandonedContacts\n');
    expect(run.stdout).toContain('Case —default→ ErrorHandling\n');
  });
});
