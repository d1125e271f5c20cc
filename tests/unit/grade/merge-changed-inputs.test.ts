/**
 * `flowgrade merge` of shards graded while their inputs changed (run `npm run build` first): a
 * submission edited between two shard jobs so that its attendee id changed (the class cut
 * otherwise), and a --dynvars dataset edited between them. Each is refused in one line, exit 2.
 */
import { test, expect } from '@playwright/test';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, ROOT, runCli } from '../../helpers.js';
import { tempDir } from './class-fixture.js';

const NOW = ['--now', '2025-08-01T09:00:00Z'];
const grade = (inputs: string[], out: string, ...more: string[]) => runCli(['grade', ...inputs, '--out', out, ...NOW, '--quiet', '--jobs', '1', ...more]);
const merge = (...args: string[]) => runCli(['merge', ...args, '--quiet']);

test('a submission renamed (its attendee id changed) between two shard jobs: the shards cut the class otherwise, and merge refuses them', async () => {
  // Before: the merge said nothing; its gradebook held one submission twice, under two ids, and left a student out.
  const class13 = path.join(tempDir('merge-changed-class'), 'class');
  cpSync(fixturePath('class'), class13, { recursive: true });
  const outs = [1, 2, 3].map((index) => tempDir(`merge-changed-shard-${index}`));
  for (const index of [1, 2]) expect((await grade([class13], outs[index - 1]!, '--shard', `${index}/3`)).code).toBeLessThan(2);
  const renamed = path.join(class13, 'Main_Flow_121.json');
  writeFileSync(renamed, readFileSync(renamed, 'utf8').replaceAll('Main_Flow_121', 'Main_Flow_199'));
  expect((await grade([class13], outs[2]!, '--shard', '3/3')).code).toBeLessThan(2);
  const run = await merge(...outs, '--out', tempDir('merge-changed-out'));
  expect([run.code, run.stderr.trim()]).toEqual([2, `flowgrade: ${outs[2]}: cut the class into shards otherwise than the folder ${outs[0]} did: the attendee id inside some export changed between the two runs (a submission replaced or edited), so each would grade some submissions the other also grades, and leave others to nobody; grade every shard again from the same inputs [bad-shard]`]);
  // The same inputs for every shard: merged.
  const again = await grade([class13], outs[0]!, '--shard', '1/3');
  expect(again.code).toBeLessThan(2);
  await grade([class13], outs[1]!, '--shard', '2/3');
  expect((await merge(...outs, '--out', tempDir('merge-changed-out-2'))).code).toBeLessThan(2);
});

test('a --dynvars dataset edited between two shard jobs is another option; the same dataset at another path is not', async () => {
  const dir = tempDir('merge-dataset');
  const dataset = path.join(dir, 'dv.json');
  const copy = path.join(dir, 'copy', 'dv.json');
  const records = readFileSync(path.join(ROOT, 'mocks', 'data', 'dynvars.json'), 'utf8');
  writeFileSync(dataset, records);
  cpSync(dataset, copy);
  const [a, b, c] = ['a', 'b', 'c'].map((name) => tempDir(`merge-dataset-${name}`));
  await grade([fixturePath('class')], a!, '--shard', '1/2', '--dynvars', dataset);
  await grade([fixturePath('class')], b!, '--shard', '2/2', '--dynvars', copy);
  expect((await merge(a!, b!, '--out', tempDir('merge-dataset-out'))).code).toBeLessThan(2);
  const edited = JSON.parse(records) as Record<string, unknown>[];
  edited[0]!.tacnumber = '';
  writeFileSync(dataset, JSON.stringify(edited));
  await grade([fixturePath('class')], c!, '--shard', '2/2', '--dynvars', dataset);
  const run = await merge(a!, c!, '--out', tempDir('merge-dataset-out-2'));
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(new RegExp(`^flowgrade: ${c}: is graded with other options than the folder ${a} \\(--dynvars ${dataset.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(SHA-256 [0-9a-f]{12}…\\) and ${dataset.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(SHA-256 [0-9a-f]{12}…\\)\\): grade every shard with the same options \\[bad-shard\\]\\n$`));
});
