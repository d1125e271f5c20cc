/** The report's input.sha256 is the SHA-256 of the file's bytes, with Web Crypto (page) and Node's hash (CLI). */
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolveGradingOptions } from '../../../cli/grading-options.js';
import { gradeFlow } from '../../../engine/grade.js';

const bytes = new Uint8Array(readFileSync(new URL('../../../fixtures/flows/solution.json', import.meta.url)));
const expected = createHash('sha256').update(bytes).digest('hex');

test('the CLI hashes with Node and the engine with Web Crypto: both give the file bytes\' SHA-256', async () => {
  const options = await resolveGradingOptions({ lab: 'callback-on-global-error', now: '2025-08-01T09:00:00Z' });
  expect(options.sha256).toBeDefined();
  expect(options.sha256!(bytes)).toBe(expected);
  const { sha256: node, ...webOnly } = options;
  // The CLI's hash is the one the engine uses when given (not Web Crypto for both): counted, and its answer marked.
  const hashed: Uint8Array[] = [];
  const counted = (input: Uint8Array) => (hashed.push(input), node!(input));
  const [cli, web] = await Promise.all([gradeFlow(bytes, { ...options, sha256: counted, fileName: 'solution.json' }), gradeFlow(bytes, { ...webOnly, fileName: 'solution.json' })]);
  expect(hashed).toHaveLength(1);
  expect(hashed[0]).toBe(bytes);
  const marked = await gradeFlow(bytes, { ...options, sha256: () => 'f'.repeat(64), fileName: 'solution.json' });
  expect(marked.input.sha256).toBe('f'.repeat(64));
  expect(cli.input.sha256).toBe(expected);
  expect(web.input.sha256).toBe(expected);
  expect(web).toEqual(cli);
});

test('an unreadable file is hashed too (the report still says which bytes were refused)', async () => {
  const options = await resolveGradingOptions({ lab: 'callback-on-global-error', now: '2025-08-01T09:00:00Z' });
  const broken = new TextEncoder().encode('{"process": ');
  const report = await gradeFlow(broken, { ...options, fileName: 'broken.json' });
  expect(report.verdict).toBe('ungradable');
  expect(report.input.sha256).toBe(createHash('sha256').update(broken).digest('hex'));
});
