/**
 * The --shard pass on the grading threads: whose each submission is, so that one attendee's
 * submissions stay in one shard; a submission whose thread crashes or fails is keyed by its file
 * name, as its ungradable report will be.
 */
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveGradingOptions } from '../../../cli/grading-options.js';
import { shareOf, type GradingPool } from '../../../cli/grade/batch.js';
import { nameClashKey } from '../../../cli/grade/file-names.js';
import { WorkerPool } from '../../../cli/grade/pool.js';
import { selectShardByGroup } from '../../../cli/grade/shard.js';
import type { Submission } from '../../../cli/grade/types.js';
import { fixturePath, tempDir } from '../../helpers.js';

/** Answers `{ attendeeOf }` jobs as a grading thread would, from a table; crashes or fails on cue. */
function attendeeWorker(): URL {
  const file = path.join(tempDir('shard-pass'), 'worker.mjs');
  writeFileSync(
    file,
    `import { parentPort } from 'node:worker_threads';
const ATTENDEES = { 'a1.json': '7', 'a2.json': '7', 'b.json': '7', 'c.json': '8' };
parentPort.on('message', ({ attendeeOf }) => {
  if (attendeeOf.file.includes('crash')) process.exit(3);
  if (attendeeOf.file.includes('fail')) return parentPort.postMessage({ ok: false, message: 'no model' });
  parentPort.postMessage({ ok: true, result: ATTENDEES[attendeeOf.file] });
});
parentPort.postMessage({ ready: true });
`,
  );
  return pathToFileURL(file);
}

const submissions: Submission[] = ['a1.json', 'b.json', 'Main_Flow_141_crash.json', 'c.json', 'a2.json', 'Main_Flow_142_fail.json'].map((file) => ({ kind: 'path', file, mtimeMs: 0, folder: '.' }));

test('the pass on the grading threads keeps groups together and keys a crashed or failed submission by its file name', async () => {
  const options = await resolveGradingOptions({ lab: 'callback-on-global-error', now: '2025-08-01T09:00:00Z' });
  const keys = ['7', '7', '141_crash', '8', '7', '142_fail'].map(nameClashKey);
  const pool: GradingPool = new WorkerPool({ size: 2, script: attendeeWorker() });
  try {
    // Four groups (7, 8 and the two file names): in four shards each is alone, so a crashed and a
    // failed submission keyed alike (not by their own file names) would share a shard and fail this.
    for (const count of [2, 4]) {
      const shares: Submission[][] = [];
      for (let index = 1; index <= count; index++) {
        const shard = { index, count };
        const { share } = await shareOf(submissions, { shard, options }, pool);
        expect(share, `shard ${index}/${count}`).toEqual(selectShardByGroup(submissions, keys, shard));
        // attendee 7's three submissions, whose file names differ, are in one shard
        expect(share.filter((s) => /^(a1|a2|b)\.json$/.test(s.file)).length % 3).toBe(0);
        shares.push(share);
      }
      expect(shares.flat().map((s) => s.file).sort()).toEqual(submissions.map((s) => s.file).sort());
    }
    const alone = async (file: string) => (await Promise.all([1, 2, 3, 4].map(async (index) => (await shareOf(submissions, { shard: { index, count: 4 }, options }, pool)).share))).find((share) => share.some((s) => s.file === file));
    expect((await alone('Main_Flow_141_crash.json'))?.map((s) => s.file)).toEqual(['Main_Flow_141_crash.json']);
    expect((await alone('Main_Flow_142_fail.json'))?.map((s) => s.file)).toEqual(['Main_Flow_142_fail.json']);
  } finally {
    await pool.close();
  }
});

test('a Moodle student\'s group takes its place among the others by the attendee\'s name, not by the participant id: shards are cut in the order of the names', async () => {
  const options = await resolveGradingOptions({ lab: 'callback-on-global-error', now: '2025-08-01T09:00:00Z' });
  const bytes = new TextEncoder().encode(readFileSync(fixturePath('flows/solution.json'), 'utf8').replaceAll('Main_Flow_140', 'Main_Flow_500'));
  const files = ['lab3.zip!/Zed Amy_11111_assignsubmission_file/flow.json', 'Main_Flow_500.json', 'lab3.zip!/Abe Jane_99999_assignsubmission_file/flow.json'];
  const class3: Submission[] = files.map((file) => ({ kind: 'bytes', file, bytes, mtimeMs: 0, folder: '.' }));
  const shares = [];
  for (const index of [1, 2, 3]) shares.push((await shareOf(class3, { shard: { index, count: 3 }, options }, undefined)).share.map((s) => s.file));
  // Before (a mutation sweep): a group joined under its participant took the participant's key, which sorts first: Zed Amy (11111) in shard 1, Main_Flow_500 in shard 3.
  expect(shares).toEqual([[files[1]], [files[2]], [files[0]]]);
});

test('a Moodle student who handed in twice (two files in the one folder) is one group of --shard, with the other students cut around it', async () => {
  const options = await resolveGradingOptions({ lab: 'callback-on-global-error', now: '2025-08-01T09:00:00Z' });
  const bytes = new TextEncoder().encode(readFileSync(fixturePath('flows/solution.json'), 'utf8'));
  const files = ['Doe Jane_12345_assignsubmission_file/flow.json', 'Doe Jane_12345_assignsubmission_file/flow (1).json', 'Roe Ann_12346_assignsubmission_file/flow.json'].map((name) => `lab3.zip!/${name}`);
  const class3: Submission[] = files.map((file) => ({ kind: 'bytes', file, bytes, mtimeMs: 0, folder: '.' }));
  // Before (a mutation sweep): the second file of a participant already in its group made its key its own parent, and --shard ended in 'Maximum call stack size exceeded'.
  const shares = [];
  for (const index of [1, 2]) shares.push((await shareOf(class3, { shard: { index, count: 2 }, options }, undefined)).share.map((s) => s.file));
  expect(shares).toEqual([files.slice(0, 2), files.slice(2)]);
});
