/** `grade --max-entries`: the refusal counts in words that agree with the limit (1 export, 2 exports). */
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { fixturePath, runCli, tempDir } from '../../helpers.js';

const solution = () => readFileSync(fixturePath('flows/solution.json'));

test('--max-entries 1: "more than 1 export", "more than 1 archive"; 2: "more than 2 exports"', async () => {
  const dir = tempDir('zip-words');
  const exports = path.join(dir, 'exports.zip');
  writeFileSync(exports, zipSync({ 'a/Main_Flow_1.json': solution(), 'b/Main_Flow_2.json': solution(), 'c/Main_Flow_3.json': solution() }));
  const archives = path.join(dir, 'archives.zip');
  writeFileSync(archives, zipSync({ 'a/up.zip': zipSync({ 'Main_Flow_4.json': solution() }), 'b/up.zip': zipSync({ 'Main_Flow_5.json': solution() }) }));
  const grade = (zip: string, max: string) => runCli(['grade', zip, '--out', path.join(tempDir('zip-words-out'), 'out'), '--max-entries', max, '--quiet']);
  expect((await grade(exports, '1')).stderr).toContain('archive holds more than 1 export; refused [zip-too-many-entries]');
  expect((await grade(exports, '2')).stderr).toContain('archive holds more than 2 exports; refused [zip-too-many-entries]');
  expect((await grade(archives, '1')).stderr).toContain('archive holds more than 1 archive (.zip files inside it, at any depth); refused [zip-too-many-entries]');
});

test('--max-size is the limit of an archive\'s entries too: an export or an archive inside the archive over it is refused before it is expanded', async () => {
  const dir = tempDir('zip-max-size');
  const flow = solution();
  const inner = zipSync({ 'Main_Flow_6.json': solution() }, { level: 0 });
  writeFileSync(path.join(dir, 'class.zip'), zipSync({ 'a/Main_Flow_1.json': flow, 'b/up.zip': inner }));
  const limit = Math.min(flow.length, inner.length) - 1;
  const run = await runCli(['grade', path.join(dir, 'class.zip'), '--out', path.join(tempDir('zip-max-size-out'), 'out'), '--max-size', String(limit), '--quiet']);
  // Before (a mutation sweep): --max-size not passed to the archive's limits, the nested archive was expanded and its export graded, and the export refused by the loader's words.
  expect(run.stderr).toContain(`class.zip!/a/Main_Flow_1.json: zip entry declares ${flow.length} bytes, beyond the ${limit} bytes file size limit; refused [too-large]`);
  expect(run.stderr).toContain(`class.zip!/b/up.zip: zip entry declares ${inner.length} bytes, beyond the ${limit} bytes file size limit; refused: an archive inside the archive, none of whose exports is graded (a larger --max-size grades them) [too-large]`);
  expect(run.stdout).toContain('0 passed, 0 failed, 2 ungradable');
});
