/**
 * merge.ts's rules left alive by the other merge tests, pinned by a mutation sweep (run
 * `npm run build` first): a report standing for one that cannot be used is dated as its part's
 * run, not at the epoch nor at merge time, so the merged class reads the same whenever merged.
 */
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, runCli } from '../../helpers.js';
import { tempDir } from './class-fixture.js';

const NOW = '2025-08-01T09:00:00Z';

test('a report that cannot be used stands as an ungradable report dated as its part\'s run (--now)', async () => {
  const parts: string[] = [];
  for (const index of [1, 2]) {
    const out = tempDir(`merge-edges-shard-${index}`);
    expect((await runCli(['grade', fixturePath('class'), '--out', out, '--now', NOW, '--quiet', '--jobs', '1', '--shard', `${index}/2`])).code).toBeLessThan(2);
    parts.push(out);
  }
  const record = JSON.parse(readFileSync(path.join(parts[1]!, 'flowgrade-run.json'), 'utf8')) as { attendees: { report: string }[] };
  const name = record.attendees[0]!.report;
  writeFileSync(path.join(parts[1]!, `${name}.json`), '{');
  const out = tempDir('merge-edges-out');
  const run = await runCli(['merge', ...parts, '--out', out]);
  expect(run.stderr).toContain('[report-unreadable]');
  const report = JSON.parse(readFileSync(path.join(out, `${name}.json`), 'utf8'));
  expect([report.verdict, report.error.code, report.generatedAt]).toEqual(['ungradable', 'report-unreadable', '2025-08-01T09:00:00.000Z']);
});
