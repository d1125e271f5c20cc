/**
 * `flowgrade grade` leaves flowgrade-run.json in --out (run `npm run build` first): the record
 * `flowgrade merge` reads, valid against schemas/run.schema.json, naming the part graded, the class
 * it is cut from and each kept row's report; never listed as an earlier run's stale report.
 */
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import runSchema from '../../../schemas/run.schema.json' with { type: 'json' };
import { fixturePath, runCli } from '../../helpers.js';
import { tempDir } from './class-fixture.js';

const NOW = ['--now', '2025-08-01T09:00:00Z'];
const grade = (inputs: string[], out: string, ...more: string[]) => runCli(['grade', ...inputs, '--out', out, ...NOW, '--quiet', '--jobs', '1', ...more]);

test('grade writes flowgrade-run.json, valid against schemas/run.schema.json, naming the part, the class and every kept row\'s report', async () => {
  const one = tempDir('run-record-shard');
  await grade([fixturePath('class')], one, '--shard', '1/2');
  const record = JSON.parse(readFileSync(path.join(one, 'flowgrade-run.json'), 'utf8'));
  const validate = new Ajv({ strict: false }).compile(runSchema);
  expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
  expect(record.part).toEqual({ shards: [1], of: 2 });
  expect(record.class.submissions).toBe(13);
  expect(record.now).toBe('2025-08-01T09:00:00Z');
  const reports = readdirSync(one).filter((name) => name.endsWith('.json') && name !== 'flowgrade-run.json').map((name) => name.replace(/\.json$/, ''));
  expect(record.attendees.map((a: { report: string }) => a.report).sort()).toEqual(reports.sort());
  // The whole class's: shards [1] of 1.
  const whole = tempDir('merge-refusals-whole');
  await grade([fixturePath('class')], whole);
  expect(JSON.parse(readFileSync(path.join(whole, 'flowgrade-run.json'), 'utf8')).part).toEqual({ shards: [1], of: 1 });
});

test('a second run into the folder names no stale report for the record, and replaces it', async () => {
  const out = tempDir('run-record-again');
  await grade([fixturePath('class')], out, '--shard', '1/2');
  const again = await grade([fixturePath('class')], out, '--shard', '1/2', '--now', '2025-08-02T09:00:00Z');
  expect(again.stderr).not.toContain('stale-reports');
  expect(JSON.parse(readFileSync(path.join(out, 'flowgrade-run.json'), 'utf8')).now).toBe('2025-08-02T09:00:00Z');
});
