/**
 * `flowgrade check` on one flow, as attendees and CI run it: where an unreadable input's line goes in each
 * format, and what each format and flag changes. Written by the mutation sweep of cli/commands/check.ts and
 * reports/console.ts (h24-g): each test fails with a mutant that every earlier test let through.
 */
import { test, expect } from '@playwright/test';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '../../../cli/main.js';
import { fixturePath, runCli, tempDir, unixSocket } from '../../helpers.js';

const missing = path.join('no-such-folder', 'Main_Flow_7.json');

test('an unreadable export with --format json, junit or markdown: its one line on stderr, the report on stdout, exit 2', async () => {
  for (const format of ['json', 'junit', 'markdown']) {
    const run = await runCli(['check', missing, '--format', format]);
    expect(run.code, format).toBe(2);
    expect(run.stderr, format).toBe(`flowgrade: ${missing}: no such file [unreadable-file]\n`);
    expect(run.stdout, format).not.toContain('flowgrade: ');
  }
});

test('a Unix socket given as the export: "is not a regular file", as a pipe or a device is, on stdout (console) or stderr (json)', async () => {
  test.skip(process.platform === 'win32', 'Unix sockets in a folder are POSIX');
  const socket = path.join(tempDir('check-socket'), 'Main_Flow_7.json');
  const close = await unixSocket(socket);
  const line = `${socket}: UNGRADABLE — is not a regular file (a pipe, device or socket) [unreadable-file]\n`;
  const console = await runCli(['check', socket]);
  const json = await runCli(['check', socket, '--format', 'json']);
  await close();
  // Before: "ENXIO: no such device or address, open '…'".
  expect([console.code, console.stdout, console.stderr]).toEqual([2, line, '']);
  expect([json.code, json.stderr]).toEqual([2, `flowgrade: ${socket}: is not a regular file (a pipe, device or socket) [unreadable-file]\n`]);
  expect(JSON.parse(json.stdout).error).toEqual({ code: 'unreadable-file', message: 'is not a regular file (a pipe, device or socket)' });
});

test("a report written to --out on Windows' console keeps ✓ and ✗ (a file is not the console), and is neither coloured nor wrapped", async () => {
  const out = path.join(tempDir('g24-out'), 'report.txt');
  const argv = ['node', 'flowgrade', 'check', fixturePath('flows/defect-condition-constant-true.json'), '--now', '2025-08-01T09:00:00Z', '--out', out];
  const code = await run(argv, { stdout: () => undefined, stderr: () => undefined, isTTY: true, color: true, unicode: false, columns: () => 40 });
  expect(code).toBe(1);
  const written = readFileSync(out, 'utf8');
  expect(written).toMatch(/✓/);
  expect(written).toMatch(/✗/);
  expect(written).not.toMatch(/[√×]/);
  expect(written).not.toContain('\u001b[');
  expect(Math.max(...written.split('\n').map((line) => [...line].length))).toBeGreaterThan(40);
});

test('two exports with --attendee, or with --format html, are a usage error (exit 2), as with more', async () => {
  const two = [fixturePath('flows/solution.json'), fixturePath('flows/before-mission.json')];
  const attendee = await runCli(['check', ...two, '--attendee', 'ana']);
  expect(attendee.code).toBe(2);
  expect(attendee.stderr).toBe('flowgrade: --attendee applies to one file; give one file or drop --attendee\n');
  expect(attendee.stdout).toBe('');
  const html = await runCli(['check', ...two, '--format', 'html']);
  expect(html.code).toBe(2);
  expect(html.stderr).toBe('flowgrade: --format html writes one report; use `flowgrade grade` for several files\n');
  expect(html.stdout).toBe('');
});

test('several exports with --format junit or markdown: the report holds every one of them', async () => {
  const files = [fixturePath('flows/solution.json'), fixturePath('flows/before-mission.json')];
  for (const format of ['junit', 'markdown']) {
    const run = await runCli(['check', ...files, '--format', format, '--now', '2025-08-01T09:00:00Z']);
    expect(run.code, format).toBe(1);
    // Markdown escapes its punctuation: before\-mission\.json.
    for (const file of ['solution', 'before']) expect(run.stdout, `${format} names ${file}`).toContain(file);
  }
});

test('check --quiet: a failed flow shows its failures and the summary line naming the file, no passed check', async () => {
  const file = fixturePath('flows/defect-condition-constant-true.json');
  const full = await runCli(['check', file, '--now', '2025-08-01T09:00:00Z']);
  const quiet = await runCli(['check', file, '--now', '2025-08-01T09:00:00Z', '--quiet']);
  expect(quiet.code).toBe(1);
  expect(full.stdout).toContain('✓');
  expect(quiet.stdout).not.toContain('✓');
  expect(quiet.stdout).toContain('✗');
  expect(quiet.stdout.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: FAILED `));
});

test('an export whose own name holds * or ? is graded as named, not taken for a pattern', async () => {
  const dir = tempDir('g24-star');
  const file = path.join(dir, 'Main_Flow_*.json');
  copyFileSync(fixturePath('flows/solution.json'), file);
  copyFileSync(fixturePath('flows/before-mission.json'), path.join(dir, 'Main_Flow_2.json'));
  const run = await runCli(['check', file, '--now', '2025-08-01T09:00:00Z', '--format', 'json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout).verdict).toBe('passed');
});
