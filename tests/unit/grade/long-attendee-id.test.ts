/**
 * An attendee id of 200,000 characters (a flow named `Main_Flow_<200,000 characters>`: the loader
 * takes strings up to 262,144) is shown as a cut text, its first 200 characters and
 * `… (200000 characters)`, in every output a person reads: `check`'s console, HTML, JUnit and
 * Markdown reports, and `grade`'s stdout, attendee pages, dashboard (rows, links, the data its
 * filter reads, the failures and duplicates), gradebook, junit.xml and summary.md. The JSON report
 * keeps it whole: it is the attendee's identity (duplicates, file names), and the only output that
 * has it all. Two ids cut alike are told apart by their files, as two students sharing an id are.
 */
import { test, expect } from '@playwright/test';
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GradeReport } from '../../../engine/report.js';
import { fixturePath, removeTempDirs, runCli, tempDir } from '../../helpers.js';

test.afterAll(removeTempDirs);

const NOW = ['--now', '2025-08-01T09:00:00Z'];
const LONG = 'A'.repeat(200_000);
/** Another id that reads as LONG once cut: the same first 200 characters and the same length. */
const OTHER = `${'A'.repeat(199_999)}B`;

/** A fixture flow as attendee `id`: its flow named Main_Flow_<id>. */
const flow = (fixture: string, id: string) => readFileSync(fixturePath(`flows/${fixture}.json`), 'utf8').split('Main_Flow_140').join(`Main_Flow_${id}`);

/** The cut id as a format writes it: `…` as itself or `&#8230;`, the parentheses escaped in Markdown. */
const CUT = /(?<!A)A{200}(?:…|&#8230;) \\?\(200000 characters\\?\)/;
/** More of the id than a cut text keeps. */
const WHOLE = /A{201}/;

function expectCut(output: string, what: string): void {
  expect(WHOLE.test(output), `${what} shows more than 200 characters of the id`).toBe(false);
  expect(CUT.test(output), `${what} shows the id cut`).toBe(true);
}

test('check: every format but JSON shows a 200,000-character attendee id cut as every long text is; the JSON report keeps it whole', async () => {
  const file = path.join(tempDir('long-id-check'), 'flow.json');
  writeFileSync(file, flow('defect-condition-tests-200', LONG));
  for (const format of ['console', 'html', 'junit', 'markdown']) {
    const run = await runCli(['check', file, '--format', format, ...NOW]);
    expect([format, run.code, run.stderr]).toEqual([format, 1, '']);
    expectCut(run.stdout, format);
  }
  const run = await runCli(['check', file, '--format', 'console', '--quiet', ...NOW]);
  expect(WHOLE.test(run.stdout)).toBe(false);
  const json = await runCli(['check', file, '--format', 'json', ...NOW]);
  expect((JSON.parse(json.stdout) as GradeReport).attendee).toEqual({ id: LONG, source: 'flow-name' });
});

test('grade: the stdout, attendee pages and class files show the id cut, two ids cut alike named by their files; each JSON report keeps its id whole', async () => {
  const dir = tempDir('long-id-class');
  const put = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  put('a/flow.json', flow('defect-condition-tests-200', LONG));
  put('a/flow (1).json', flow('solution', LONG)); // the older, set aside: a duplicate line
  utimesSync(path.join(dir, 'a/flow (1).json'), 1e9, 1e9);
  put('b.json', flow('defect-condition-tests-200', OTHER));
  put('Main_Flow_140.json', flow('defect-condition-tests-200', '140'));
  const out = path.join(tempDir('long-id-out'), 'out');
  const run = await runCli(['grade', dir, '--out', out, '--quiet', ...NOW]);
  expect(run.code).toBe(1);

  expectCut(run.stdout, 'stdout');
  expect(run.stdout).toMatch(/^duplicate submissions for A{200}… \(200000 characters\): kept \S*\/a\/flow\.json; set aside \S*\/a\/flow \(1\)\.json$/m);
  const files = readdirSync(out).filter((name) => !name.startsWith('.'));
  const reports = files.filter((name) => name.endsWith('.json') && name !== 'flowgrade-run.json').map((name) => JSON.parse(readFileSync(path.join(out, name), 'utf8')) as GradeReport);
  expect(reports.map((r) => r.attendee.id).sort()).toEqual(['140', LONG, OTHER]);
  const pages = files.filter((name) => name.endsWith('.html') && name !== 'index.html');
  expect(pages).toHaveLength(3);
  for (const name of [...pages, 'index.html', 'grades.csv', 'junit.xml', 'summary.md'].filter((n) => n !== '140.html')) expectCut(readFileSync(path.join(out, name), 'utf8'), name);

  // Cut alike, the two are named with their files wherever the class names them, as two students sharing an id are.
  const summary = readFileSync(path.join(out, 'summary.md'), 'utf8');
  for (const file of ['a/flow.json', 'b.json']) expect(summary).toContain(`(200000 characters\\) (${file.replace('.', '\\.')})`);
  const index = readFileSync(path.join(out, 'index.html'), 'utf8');
  const failures = index.slice(index.indexOf('id="fg-failures-title"'));
  for (const file of ['a/flow.json', 'b.json']) expect(failures).toContain(`(200000 characters)</a> <span class="fg-file">(${file})</span>`);
  // The dashboard's filter and sort read the id as the row shows it.
  const data = JSON.parse(/<script type="application\/json" id="fg-data">(.*?)<\/script>/s.exec(index)![1]) as { rows: { attendee: string }[] };
  expect(data.rows.map((row) => row.attendee)).toEqual(['140', `${'A'.repeat(200)}… (200000 characters)`, `${'A'.repeat(200)}… (200000 characters)`]);
});

test("merge: a shard's report that cannot be used is named on stderr with its id cut, as grade's own lines cut it", async () => {
  const dir = tempDir('long-id-merge-class');
  writeFileSync(path.join(dir, 'a.json'), flow('defect-condition-tests-200', LONG));
  writeFileSync(path.join(dir, 'Main_Flow_140.json'), flow('solution', '140'));
  const shards = [1, 2].map((index) => path.join(tempDir(`long-id-merge-shard-${index}`), 'out'));
  for (const [index, out] of shards.entries()) expect((await runCli(['grade', dir, '--out', out, '--shard', `${index + 1}/2`, '--quiet', '--jobs', '1', ...NOW])).code).toBeLessThan(2);
  // The long id's report cut short, as an interrupted upload leaves it.
  const [file] = shards.flatMap((out) => {
    const record = JSON.parse(readFileSync(path.join(out, 'flowgrade-run.json'), 'utf8')) as { attendees: { report: string; attendee: string }[] };
    return record.attendees.filter((entry) => entry.attendee === LONG).map((entry) => path.join(out, `${entry.report}.json`));
  });
  writeFileSync(file!, readFileSync(file!, 'utf8').slice(0, 100));
  const run = await runCli(['merge', ...shards, '--out', path.join(tempDir('long-id-merge-out'), 'out'), '--quiet']);
  expect(run.code).toBe(2);
  const line = run.stderr.split('\n').find((l) => l.includes('[report-unreadable]'))!;
  expectCut(line, "merge's line");
  expect(line).toContain(`; "${'A'.repeat(200)}… (200000 characters)" is merged as ungradable (report-unreadable) [report-unreadable]`);
});
