/**
 * A class unzipped on Linux from a zip made on Windows: `unzip` writes the names' bytes as they are
 * (code page 437), which are not UTF-8. Node lists them with U+FFFD and cannot open them by that
 * name; `grade` opens them by their bytes and grades them as it would in the archive.
 */
import { test, expect } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, runCli, tempDir } from '../../helpers.js';
import { bytesPath, inCodePage437 } from './not-utf8-paths.js';

test.skip(process.platform !== 'linux', 'other file systems refuse such names');

test('grade: exports under folders and names that are not UTF-8 are graded, shown as their archive would show them, given as a folder or matched by a pattern (check says to rename one); one over --max-size is refused as any file is', async () => {
  const root = tempDir('not-utf8');
  const solution = readFileSync(fixturePath('flows/solution.json'));
  mkdirSync(path.join(root, 'class'));
  mkdirSync(bytesPath(root, 'class', inCodePage437('Élève_1')));
  writeFileSync(bytesPath(root, 'class', inCodePage437('Élève_1'), 'Main_Flow_140.json'), solution);
  writeFileSync(bytesPath(root, 'class', inCodePage437('René_141.json')), solution.toString().replace('Main_Flow_140', 'Main_Flow_141'));
  writeFileSync(path.join(root, 'class', 'Main_Flow_142.json'), solution.toString().replace('Main_Flow_140', 'Main_Flow_142'));
  const run = await runCli(['grade', 'class', '--out', 'graded', '--quiet'], { cwd: root });
  expect([run.code, run.stderr]).toEqual([0, '']);
  const rows = readFileSync(path.join(root, 'graded', 'grades.csv'), 'utf8').split('\r\n').slice(1, -1).map((line) => line.split(',').slice(0, 3));
  expect(rows).toEqual([
    ['140', 'class/Élève_1/Main_Flow_140.json', 'passed'],
    ['141', 'class/René_141.json', 'passed'],
    ['142', 'class/Main_Flow_142.json', 'passed'],
  ]);
  // A quoted pattern matches them as shown; `check`, which reads files by name, says to rename one.
  const patterned = await runCli(['grade', 'class/**/*.json', '--out', 'patterned', '--quiet'], { cwd: root });
  expect([patterned.code, patterned.stderr]).toEqual([0, '']);
  expect(readFileSync(path.join(root, 'patterned', 'grades.csv'), 'utf8')).toBe(readFileSync(path.join(root, 'graded', 'grades.csv'), 'utf8'));
  const checked = await runCli(['check', 'class/Ren*.json'], { cwd: root });
  expect([checked.code, checked.stdout]).toEqual([2, 'class/Ren\uFFFD_141.json: UNGRADABLE — its name is not valid UTF-8: rename the file [unreadable-file]\n']);
  // Cut into shards by attendee, each file read for its id by its bytes too.
  const shards = await Promise.all(['1/2', '2/2'].map((shard, i) => runCli(['grade', 'class', '--out', `shard-${i}`, '--quiet', '--shard', shard], { cwd: root })));
  expect(shards.map((shard) => [shard.code, shard.stderr])).toEqual([[0, ''], [0, '']]);
  const sharded = [0, 1].flatMap((i) => readFileSync(path.join(root, `shard-${i}`, 'grades.csv'), 'utf8').split('\r\n').slice(1, -1).map((line) => line.split(',').slice(0, 3)));
  expect(sharded.sort()).toEqual(rows);
  const limited = await runCli(['grade', 'class', '--out', 'limited', '--quiet', '--max-size', '1KB'], { cwd: root });
  expect(limited.code).toBe(0); // every gradable submission passed: there are none
  const refused = readFileSync(path.join(root, 'limited', 'grades.csv'), 'utf8').split('\r\n').slice(1, -1).map((line) => line.split(',').slice(1, 7));
  // The same words for a name that is not UTF-8 as for any other.
  expect(refused.map(([file, verdict, , , , error]) => [file, verdict, error.replace(/\(\d+ bytes\)/, '(N bytes)')]).sort()).toEqual(
    ['class/Main_Flow_142.json', 'class/René_141.json', 'class/Élève_1/Main_Flow_140.json'].map((file) => [file, 'ungradable', 'too-large: file is larger than the 1 KB limit (N bytes)']),
  );
});
