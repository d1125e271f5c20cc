/**
 * Text the CLI prints for a terminal (inspect's summary, simulate's trace) carries labels, names
 * and values from the export: none of its control characters (ESC of ANSI sequences, BEL, C1, CR,
 * line breaks) may reach the terminal raw.
 */
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempDir } from '../../helpers.js';
import { tinyFlow } from '../loader/tiny-flow.js';

/** Sets the window title, rings the bell, turns the text red, clears the screen (C1 CSI), fakes a line. */
const EVIL = '\u001b]0;pwned\u0007\u001b[31m\u009b2J\r\nFAKE LINE';
/** C0 but the line feed that ends each line, DEL, C1. */
const RAW_CONTROL = /[\x00-\x09\x0B-\x1F\x7F-\x9F]/;

function hostileFlow(): string {
  const flow = tinyFlow({ name: `Main_Flow_207${EVIL}` });
  for (const id of ['p', 'd']) {
    const activity = flow.process.activities[id];
    activity.name = activity.properties.name = `${activity.name}${EVIL}`;
  }
  flow.variables[0].name = `count${EVIL}`;
  flow.variables[4].value = `hello${EVIL}`;
  const file = path.join(tempDir('terminal-text'), 'Main_Flow_207.json');
  writeFileSync(file, JSON.stringify(flow));
  return file;
}

test('inspect: labels, the flow name and variables holding escape sequences are shown without their control characters', async () => {
  const run = await runCli(['inspect', hostileFlow()]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('Welcome');
  expect(run.stdout).not.toMatch(RAW_CONTROL);
  expect(run.stdout).not.toMatch(/^FAKE LINE/m);
});

test('simulate: the trace and the closing summary line show labels without their control characters', async () => {
  const run = await runCli(['simulate', hostileFlow()]);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^completed: .*Bye/m);
  expect(run.stdout).not.toMatch(RAW_CONTROL);
  expect(run.stdout).not.toMatch(/^FAKE LINE/m);
});

/** What JSON.stringify leaves raw inside strings and a terminal would act on: DEL, C1, bidi controls, U+2028/9. */
const RAW_IN_JSON = /[\x7F-\x9F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/;

function bidiFlow(): string {
  const flow = tinyFlow({ name: 'Main_Flow_208' });
  const activity = flow.process.activities.p;
  activity.name = activity.properties.name = 'Welcome\u009b2J\u202e\u2028x\u007f';
  const file = path.join(tempDir('terminal-json'), 'Main_Flow_208.json');
  writeFileSync(file, JSON.stringify(flow));
  return file;
}

test('--format json on stdout (check, inspect, simulate) writes C1, DEL, bidi controls and line separators as \\u escapes: the same data, nothing for the terminal', async () => {
  const file = bidiFlow();
  const out = path.join(tempDir('terminal-json-out'), 'report.json');
  const check = await runCli(['check', file, '--format', 'json', '--now', '2025-08-01T09:00:00Z']);
  const toFile = await runCli(['check', file, '--format', 'json', '--now', '2025-08-01T09:00:00Z', '--out', out]);
  expect(toFile.code).toBe(check.code);
  for (const args of [['inspect', file, '--format', 'json'], ['simulate', file, '--format', 'json']]) {
    const run = await runCli(args);
    expect(run.code, args[0]).toBe(0);
    expect(run.stdout, args[0]).not.toMatch(RAW_IN_JSON);
    expect(run.stdout, args[0]).toContain('Welcome\\u009b2J\\u202e\\u2028x\\u007f');
  }
  expect(check.stdout).not.toMatch(RAW_IN_JSON);
  expect(check.stdout).toContain('\\u009b');
  // The same value as the report written to a file, which keeps the characters as they are.
  expect(readFileSync(out, 'utf8')).toMatch(RAW_IN_JSON);
  expect(JSON.parse(check.stdout)).toEqual(JSON.parse(readFileSync(out, 'utf8')));
});

test('usage errors quote option values without their control or bidi characters', async () => {
  // A DNIS pasted with invisible bidi marks, a --now holding an escape sequence.
  const dnis = await runCli(['check', 'x.json', '--dnis', '+1469\u202a4096861\u202c']);
  expect(dnis.code).toBe(2);
  expect(dnis.stderr).toBe(
    'flowgrade: --dnis "+1469\\u202a4096861\\u202c" is not an E.164 number such as +14694096861 (\\u202a is a left-to-right embedding and \\u202c is a pop directional formatting, which a copy and paste brings in unseen: delete them and type the text again)\n',
  );
  // A zero-width space is not a control or bidi character: it is shown and named all the same, as on the self-check page.
  const zeroWidth = await runCli(['check', 'x.json', '--dnis', '+14694096861\u200b']);
  expect(zeroWidth.stderr).toBe(
    'flowgrade: --dnis "+14694096861\\u200b" is not an E.164 number such as +14694096861 (\\u200b is a zero-width space, which a copy and paste brings in unseen: delete it and type the text again)\n',
  );
  const now = await runCli(['check', 'x.json', '--now', `2025${EVIL}`]);
  expect(now.code).toBe(2);
  expect(now.stderr).not.toMatch(RAW_CONTROL);
  expect(now.stderr.split('\n')).toHaveLength(2); // one line
});
