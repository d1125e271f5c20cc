/** The JSON report `check` prints validates against the published schema (ajv), for every kind of outcome. */
import { test, expect } from '@playwright/test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import reportSchema from '../../../schemas/report.schema.json' with { type: 'json' };
import { fixturePath, runCli } from '../../helpers.js';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(reportSchema);
const manifest: { file: string; kind: string }[] = JSON.parse(readFileSync(fixturePath('manifest.json'), 'utf8'));

test('every fixture\'s JSON report is valid against schemas/report.schema.json', async () => {
  const files = manifest.map((e) => fixturePath(e.file));
  const run = await runCli(['check', ...files, '--format', 'json', '--now', '2025-07-16T09:00:00Z']);
  const reports: unknown[] = JSON.parse(run.stdout);
  expect(reports).toHaveLength(manifest.length);
  for (const report of reports) expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  const verdicts = new Set(reports.map((r) => (r as { verdict: string }).verdict));
  expect([...verdicts].sort()).toEqual(['failed', 'passed', 'ungradable']);
});

test('the schema refuses what is not a report', async () => {
  const run = await runCli(['check', fixturePath('flows/solution.json'), '--format', 'json']);
  const report = JSON.parse(run.stdout);
  expect(validate(report)).toBe(true);
  expect(validate({ ...report, verdict: 'ok' })).toBe(false);
  expect(validate({ ...report, score: undefined })).toBe(false);
  expect(validate({ ...report, verdict: 'ungradable' })).toBe(false); // an ungradable report needs its error
  expect(validate({ ...report, checks: [{ ...report.checks[0], step: 0 }] })).toBe(false); // steps count from 1 (any number of them: another mission may have more than 13)
});

test('the schema keeps graded and ungradable reports apart, and trace entries closed', async () => {
  const graded = JSON.parse((await runCli(['check', fixturePath('flows/solution.json'), '--format', 'json'])).stdout);
  const refused = JSON.parse((await runCli(['check', fixturePath('flows/solution.json'), '--format', 'json', '--max-size', '1KB'])).stdout);
  expect(validate(refused), JSON.stringify(validate.errors)).toBe(true);
  expect(refused.error.code).toBe('too-large');
  expect(refused.input).toEqual({ file: fixturePath('flows/solution.json') }); // never read, so never hashed
  expect(validate({ ...refused, score: graded.score })).toBe(false);
  expect(validate({ ...refused, flow: graded.flow })).toBe(false);
  expect(validate({ ...refused, checks: graded.checks })).toBe(false);
  expect(validate({ ...graded, error: refused.error })).toBe(false);
  expect(validate({ ...graded, input: { file: graded.input.file } })).toBe(false); // a graded input was hashed
  const withEntry = (change: (entry: Record<string, unknown>) => void) => {
    const copy = structuredClone(graded);
    change(copy.scenarios[0].trace.find((e: { http?: unknown }) => e.http));
    return copy;
  };
  expect(validate(withEntry(() => {}))).toBe(true);
  expect(validate(withEntry((e) => (e.failedSetting = 'Request Body')))).toBe(true);
  expect(validate(withEntry((e) => (e.failedSetting = 1)))).toBe(false);
  expect(validate(withEntry((e) => (e.failedVariable = { name: 'count', problem: 'type' })))).toBe(true);
  expect(validate(withEntry((e) => (e.failedVariable = { name: 'ghost', problem: 'undeclared' })))).toBe(true);
  expect(validate(withEntry((e) => (e.failedVariable = { name: 'count', problem: 'typo' })))).toBe(false);
  expect(validate(withEntry((e) => (e.failedVariable = { name: 'count' })))).toBe(false);
  expect(validate(withEntry((e) => (e.failedVariable = { name: 'count', problem: 'type', note: 'extra' })))).toBe(false);
  expect(validate(withEntry((e) => (e.note = 'extra')))).toBe(false);
  expect(validate(withEntry((e) => delete (e.http as Record<string, unknown>).requestHeaders))).toBe(false);
});
