/**
 * engine/, checks/, mocks/ and reports/ run in the browser too (the self-check page grades and
 * reports there): no Node built-ins. reports/ besides keeps no global colour state and evaluates no code.
 */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../helpers.js';
import * as reports from '../../../reports/index.js';

/** Every .ts file below `folder` (relative to the project), with its text. */
function sources(folder: string): { name: string; text: string }[] {
  const dir = path.join(ROOT, folder);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({ name: path.join(folder, name), text: readFileSync(path.join(dir, name), 'utf8') }));
}

const NODE_IMPORT = /from ['"](node:[\w/]+|fs|path|os|child_process|process|buffer|url|util|crypto|worker_threads)['"/]|import\(['"]node:/;
/** Node's globals: `process.env`, `Buffer.from`, `globalThis.process`, `typeof process`, `require(…)` (not `exported.process`, nor a name in backquotes). */
const NODE_GLOBAL = /(?<![\w$.`])(?:process|Buffer)(?:\.|\?\.|\[)|\bglobalThis\.(?:process|Buffer)\b|\btypeof (?:process|Buffer)\b|(?<![\w$.])require\(/;

for (const folder of ['engine', 'checks', 'mocks', 'reports']) {
  test(`${folder}/ imports no Node built-ins and reads no process, Buffer or require`, () => {
    const files = sources(folder);
    expect(files.length).toBeGreaterThan(5);
    for (const { name, text } of files) {
      expect(text, name).not.toMatch(NODE_IMPORT);
      expect(text, name).not.toMatch(NODE_GLOBAL);
    }
  });
}

test('the scan would see Node in a file', () => {
  for (const line of ["import { readFileSync } from 'node:fs';", "import os from 'os';", 'const { env } = await import("node:process");']) expect(line).toMatch(NODE_IMPORT);
  for (const line of ['const home = process.env.HOME;', 'Buffer.from(text)', "if (typeof process !== 'undefined') {}", "const fs = require('fs');", 'globalThis.process?.exit(1)'])
    expect(line).toMatch(NODE_GLOBAL);
  for (const line of ['asObject(exported.process)', '/** the key in `process.activities` */', 'for the life of the process (a thread)']) expect(line).not.toMatch(NODE_GLOBAL);
});

test('reports/ imports no chalk, and evaluates no code, reads no clock and draws no random numbers', () => {
  for (const { name, text } of sources('reports')) {
    expect(text, name).not.toMatch(/from ['"]chalk['"/]/);
    expect(text, name).not.toMatch(/\beval\(|new Function\(|\bprocess\.|\bBuffer\.|\bDate\.now\(|new Date\(|Math\.random\(/);
  }
});

test('reports/index.ts exports every writer', () => {
  const writers = Object.keys(reports).filter((name) => /^render[A-Z]/.test(name));
  for (const name of writers) expect(typeof reports[name as keyof typeof reports], name).toBe('function');
  expect(writers).toEqual(expect.arrayContaining(['renderConsole', 'renderJson', 'renderHtmlReport', 'renderJunit', 'renderCsv', 'renderMarkdown', 'renderDashboard']));
});
