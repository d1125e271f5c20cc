/**
 * `flowgrade merge` on folders it must not merge as they are (run `npm run build` first): each
 * refusal is one line naming the folder, exit 2, nothing written; missing shards only with
 * --partial, which says so; a shard's JSON report corrupted or replaced is one line naming the
 * file, its attendee's row ungradable, every other row merged.
 */
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, runCli } from '../../helpers.js';
import { tempDir, writeSolutions } from './class-fixture.js';

const NOW = ['--now', '2025-08-01T09:00:00Z'];
const grade = (inputs: string[], out: string, ...more: string[]) => runCli(['grade', ...inputs, '--out', out, ...NOW, '--quiet', '--jobs', '1', ...more]);
/** (--quiet, as grade's runs here: stderr holds only the lines these tests read, no progress; merge-progress.test.ts has it.) */
const merge = (...args: string[]) => runCli(['merge', ...args, '--quiet']);

/** The class fixtures/class graded as `count` shards, each into its own folder. */
async function shards(count: number, inputs = [fixturePath('class')], ...more: string[]): Promise<string[]> {
  const outs: string[] = [];
  for (let index = 1; index <= count; index++) {
    const out = tempDir(`merge-refusals-shard-${index}`);
    expect((await grade(inputs, out, '--shard', `${index}/${count}`, ...more)).code).toBeLessThan(2);
    outs.push(out);
  }
  return outs;
}

const refused = (run: { code: number; stdout: string; stderr: string }) => [run.code, run.stdout, run.stderr.trim().split('\n').length, run.stderr.trim()];

test('refused, one line naming the folder, nothing written: not a grade output, an earlier version\'s, a split of another n, another class, a shard twice, --out one of the folders, other options', async () => {
  const [a, b] = await shards(2);
  const out = tempDir('merge-refusals-out');
  rmSync(out, { recursive: true });
  const empty = tempDir('merge-refusals-empty');
  expect(refused(await merge(a!, empty, '--out', out))).toEqual([2, '', 1, `flowgrade: ${empty}: not a flowgrade grade output (no flowgrade-run.json): give the --out folder of a flowgrade grade [bad-shard]`]);
  expect(refused(await merge(a!, path.join(empty, 'nothing'), '--out', out))).toEqual([2, '', 1, `flowgrade: ${path.join(empty, 'nothing')}: no such folder (a shard whose job failed uploads none): grade that shard again, or leave its folder out and merge the others with --partial [bad-shard]`]);
  // An output of a flowgrade before this one: its marker and class files, no record.
  const old = tempDir('merge-refusals-old');
  await grade([fixturePath('class')], old, '--shard', '2/2');
  rmSync(path.join(old, 'flowgrade-run.json'));
  expect(refused(await merge(a!, old, '--out', out))).toEqual([2, '', 1, `flowgrade: ${old}: holds no flowgrade-run.json: graded by a flowgrade before merge could read its outputs; grade it again with this version [bad-shard]`]);
  const [third] = await shards(3);
  expect(refused(await merge(a!, third!, '--out', out))).toEqual([2, '', 1, `flowgrade: ${third}: holds shard 1 of 3, and the folder ${a} holds shard 1 of 2: shards of two different splits of a class cannot be merged; give the shards of one --shard i/n [bad-shard]`]);
  const other = tempDir('merge-refusals-other-class');
  writeSolutions(other, 13);
  const [, otherB] = await shards(2, [other]);
  expect(refused(await merge(a!, otherB!, '--out', out))).toEqual([2, '', 1, `flowgrade: ${otherB}: is cut from another class than the folder ${a} (13 and 13 submissions found, at other paths): grade every shard from the same inputs [bad-shard]`]);
  expect(refused(await merge(a!, b!, a!, '--out', out))).toEqual([2, '', 1, `flowgrade: ${a}: given twice: give each shard's folder once [bad-shard]`]);
  const again = tempDir('merge-refusals-again'); // shard 1/2 graded again (a CI job re-run) into another folder
  await grade([fixturePath('class')], again, '--shard', '1/2');
  expect(refused(await merge(a!, b!, again!, '--out', out))).toEqual([2, '', 1, `flowgrade: ${again}: holds shard 1/2, as the folder ${a} does: give each shard once [bad-shard]`]);
  const [, failureB] = await shards(2, [fixturePath('class')], '--junit-recommended', 'failure');
  expect(refused(await merge(a!, failureB!, '--out', out))).toEqual([2, '', 1, `flowgrade: ${failureB}: is graded with other options than the folder ${a} (--junit-recommended failure and skipped (the default)): grade every shard with the same options [bad-shard]`]);
  expect(existsSync(out)).toBe(false);
  // --out one of the folders merged (also through another spelling of its path).
  const before = readdirSync(b!).sort();
  expect(refused(await merge(a!, b!, '--out', `${b}/.`))).toEqual([2, '', 1, `flowgrade: --out ${b}/. is also a folder to merge (${b}): write the merged outputs into another folder [bad-out]`]);
  expect(readdirSync(b!).sort()).toEqual(before);
});

test('a folder holding only a grade\'s .flowgrade-output (an earlier flowgrade\'s output, its class files not uploaded) is said to be an earlier version\'s, not no grade output', async () => {
  const [a, b] = await shards(2);
  for (const name of readdirSync(b!)) if (name !== '.flowgrade-output') rmSync(path.join(b!, name), { recursive: true });
  expect(refused(await merge(a!, b!, '--out', tempDir('merge-refusals-marker-out')))).toEqual([2, '', 1, `flowgrade: ${b}: holds no flowgrade-run.json: graded by a flowgrade before merge could read its outputs; grade it again with this version [bad-shard]`]);
});

test('shards graded with a --connector map (the most nested option a record holds, 2 levels below its settings) merge', async () => {
  const parts = await shards(2, [fixturePath('class')], '--connector', 'CRM=https://crm.example');
  expect(JSON.parse(readFileSync(path.join(parts[0]!, 'flowgrade-run.json'), 'utf8')).settings.grading.connector).toEqual({ CRM: 'https://crm.example' });
  const run = await merge(...parts, '--out', tempDir('merge-refusals-connector-out'));
  expect([run.code, run.stderr]).toEqual([1, '']);
});

test('a missing shard: refused without --partial; with it, merged, the titles and a line on stderr saying which', async () => {
  const [one, , three] = await shards(3);
  const out = tempDir('merge-refusals-partial');
  expect(refused(await merge(three!, one!, '--out', out))).toEqual([2, '', 1, 'flowgrade: shards 1, 3 of 3 given: shard 2 missing; give its folder too, or --partial to merge without it [bad-shard]']);
  expect(readdirSync(out)).toEqual([]);
  const run = await merge(three!, one!, '--out', out, '--partial');
  expect(run.stderr).toBe('flowgrade: shards 1, 3 of 3: shard 2 missing; merged without it (--partial) [missing-shards]\n');
  expect(run.stdout.split('\n')[0]).toMatch(new RegExp(`^merged \\d+ attendees from shards 1, 3 of 3 \\(1 shard missing\\) into ${out}: `));
  expect(readFileSync(path.join(out, 'summary.md'), 'utf8')).toMatch(/^# flowgrade results, shards 1, 3 of 3 \\\(shard 2 missing\\\) of 13 submissions found\n/); // (Markdown's brackets escaped)
  expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('<h1>flowgrade &#8212; class results, shards 1, 3 of 3 (shard 2 missing) of 13 submissions found</h1>');
  expect(readFileSync(path.join(out, '.flowgrade-output'), 'utf8')).toContain('part: --shard 1,3/3\n');
  expect(JSON.parse(readFileSync(path.join(out, 'flowgrade-run.json'), 'utf8')).part).toEqual({ shards: [1, 3], of: 3 });
  // One shard of three merged alone: the titles still say which are missing.
  const alone = tempDir('merge-refusals-alone');
  expect((await merge(one!, '--out', alone, '--partial')).stderr).toBe('flowgrade: shard 1 of 3: shards 2, 3 missing; merged without them (--partial) [missing-shards]\n');
  expect(readFileSync(path.join(alone, 'summary.md'), 'utf8')).toMatch(/^# flowgrade results, shard 1 of 3 \\\(shards 2, 3 missing\\\) of 13 submissions found\n/);
  // The partial merge is a part of its own: merged with the shard missing, the whole class.
  const whole = tempDir('merge-refusals-whole-class');
  await grade([fixturePath('class')], whole);
  const [, two] = await shards(3);
  const all = tempDir('merge-refusals-all');
  expect((await merge(out, two!, '--out', all)).stderr).toBe('');
  for (const file of ['index.html', 'grades.csv', 'junit.xml', 'summary.md']) expect(readFileSync(path.join(all, file), 'utf8'), file).toBe(readFileSync(path.join(whole, file), 'utf8'));
  // A whole-class output is a part too: alone, the class; with shards of a split, another split.
  const again = tempDir('merge-refusals-again');
  expect((await merge(whole, '--out', again)).code).toBe(1);
  for (const file of ['index.html', 'grades.csv', 'junit.xml', 'summary.md']) expect(readFileSync(path.join(again, file), 'utf8'), file).toBe(readFileSync(path.join(whole, file), 'utf8'));
  expect(refused(await merge(whole, one!, '--out', tempDir('merge-refusals-mixed')))).toEqual([2, '', 1, `flowgrade: ${one}: holds shard 1 of 3, and the folder ${whole} holds the whole class: shards of two different splits of a class cannot be merged; give the shards of one --shard i/n [bad-shard]`]);
});

test('with --partial, an --out refused (the folder of the shard missing) is the one line said: no line saying the shards were merged without it', async () => {
  // Before: "shards 1, 3 of 3: shard 2 missing; merged without it (--partial) [missing-shards]" came first, and nothing was merged.
  const [one, two, three] = await shards(3);
  const run = await merge(one!, three!, '--out', two!, '--partial');
  expect(refused(run)).toEqual([2, '', 1, `flowgrade: cannot write into --out ${two}: it holds the outputs of --shard 2/3, whose index.html, grades.csv, junit.xml and summary.md this run (--shard 1,3/3) would replace: give each shard its own --out folder [bad-out]`]);
});

test('a shard\'s report corrupted, hostile or replaced: one line naming the file, that row ungradable, every other row merged; exit 2', async () => {
  const [a, b] = await shards(2);
  const record = JSON.parse(readFileSync(path.join(b!, 'flowgrade-run.json'), 'utf8')) as { attendees: { report: string; attendee: string }[] };
  const [first, second, third, fourth] = record.attendees;
  writeFileSync(path.join(b!, `${first!.report}.json`), '{"schemaVersion": 1, "verdict": "passed"'); // cut short
  writeFileSync(path.join(b!, `${second!.report}.json`), JSON.stringify({ ...JSON.parse(readFileSync(path.join(b!, `${second!.report}.json`), 'utf8')), verdict: '<script>alert(1)</script>' }));
  writeFileSync(path.join(b!, `${third!.report}.json`), readFileSync(path.join(a!, `${JSON.parse(readFileSync(path.join(a!, 'flowgrade-run.json'), 'utf8')).attendees[0].report}.json`)));
  // Valid against the schema, but a variable's value nested past what the stack holds when rendered.
  const deep = JSON.parse(readFileSync(path.join(b!, `${fourth!.report}.json`), 'utf8'));
  const nested = '['.repeat(200_000) + ']'.repeat(200_000);
  writeFileSync(path.join(b!, `${fourth!.report}.json`), JSON.stringify(deep).replace('"modifiedVariables":{', `"modifiedVariables":{"x":${nested},`));
  const out = tempDir('merge-refusals-corrupt');
  const run = await merge(a!, b!, '--out', out);
  expect(run.code).toBe(2);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(5);
  expect(lines[0]).toMatch(new RegExp(`^flowgrade: ${escape(path.join(b!, `${first!.report}.json`))}: not valid JSON \\(.*\\); "${first!.attendee}" is merged as ungradable \\(report-unreadable\\) \\[report-unreadable\\]$`));
  expect(lines[1]).toBe(`flowgrade: ${path.join(b!, `${second!.report}.json`)}: not a flowgrade report: /verdict must be equal to one of the allowed values; "${second!.attendee}" is merged as ungradable (report-unreadable) [report-unreadable]`);
  expect(lines[2]).toMatch(/: the report of another submission \(.*\) than flowgrade-run\.json names; .* \[report-unreadable\]$/);
  expect(lines[3]).toBe(`flowgrade: ${path.join(b!, `${fourth!.report}.json`)}: cannot be rendered (Maximum call stack size exceeded); "${fourth!.attendee}" is merged as ungradable (report-unreadable) [report-unreadable]`);
  expect(lines[4]).toBe('flowgrade: 4 reports of the shards could not be used: their rows say ungradable (report-unreadable); grade their shards again, then merge again');
  const csv = readFileSync(path.join(out, 'grades.csv'), 'utf8').trim().split(/\r?\n/);
  expect(csv).toHaveLength(13); // every row of the class, the header included
  expect(readFileSync(path.join(out, 'index.html'), 'utf8')).not.toContain('<script>alert(1)');
  const row = JSON.parse(readFileSync(path.join(out, `${first!.report}.json`), 'utf8'));
  expect([row.verdict, row.error.code, row.error.message]).toEqual(['ungradable', 'report-unreadable', expect.stringContaining(`its report in ${b} cannot be used`)]);
  expect((await merge(a!, b!, '--out', tempDir('merge-refusals-none'), '--fail-on', 'none')).code).toBe(0);
  // Its progress counts the rows as the class files do: the report that cannot be rendered is an ungradable row, whatever its own verdict.
  const shown = await runCli(['merge', a!, b!, '--out', tempDir('merge-refusals-progress')]);
  const [, failed, ungradable] = /: \d+ passed, (\d+) failed, (\d+) ungradable; 1 submission set aside as a duplicate$/m.exec(shown.stdout)!;
  expect(shown.stderr).toMatch(new RegExp(`^merged 12/12 attendees \\(${failed} failed, ${ungradable} ungradable\\) \\d+ reports/s$`, 'm'));
  // A record edited into nonsense is the folder's one line.
  writeFileSync(path.join(b!, 'flowgrade-run.json'), JSON.stringify({ ...JSON.parse(readFileSync(path.join(b!, 'flowgrade-run.json'), 'utf8')), part: { shards: [3], of: 2 } }));
  expect(refused(await merge(a!, b!, '--out', tempDir('merge-refusals-record')))).toEqual([2, '', 1, `flowgrade: ${b}: flowgrade-run.json is not a run record flowgrade wrote: /part/shards must be increasing, each at most /part/of; grade the shard again [bad-shard]`]);
  // Valid against the schema, but its options nested past what the stack holds.
  const valid = readFileSync(path.join(a!, 'flowgrade-run.json'), 'utf8');
  writeFileSync(path.join(b!, 'flowgrade-run.json'), valid.replace('"grading": {', `"grading": {"x": ${'['.repeat(200_000)}${']'.repeat(200_000)},`));
  expect(refused(await merge(a!, b!, '--out', tempDir('merge-refusals-record')))).toEqual([2, '', 1, `flowgrade: ${b}: flowgrade-run.json is not a run record flowgrade wrote: /settings nested too deep; grade the shard again [bad-shard]`]);
  writeFileSync(path.join(b!, 'flowgrade-run.json'), '[]');
  expect(refused(await merge(a!, b!, '--out', tempDir('merge-refusals-record')))).toEqual([2, '', 1, `flowgrade: ${b}: flowgrade-run.json is not a run record flowgrade wrote: (top level) must be object; grade the shard again [bad-shard]`]);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('a shard\'s report that is no JSON at all: its line says so without quoting what the file holds', async () => {
  const [a, b] = await shards(2);
  const record = JSON.parse(readFileSync(path.join(b!, 'flowgrade-run.json'), 'utf8')) as { attendees: { report: string; attendee: string }[] };
  const file = path.join(b!, `${record.attendees[0]!.report}.json`);
  writeFileSync(file, `SECRET-TOKEN=${'abc123'.repeat(20)}\n`); // (or a symlink to a file that is no report)
  const run = await merge(a!, b!, '--out', tempDir('merge-refusals-secret'));
  expect(run.code).toBe(2);
  expect(run.stderr.split('\n')[0]).toBe(`flowgrade: ${file}: not valid JSON (Unexpected token 'S'); "${record.attendees[0]!.attendee}" is merged as ungradable (report-unreadable) [report-unreadable]`);
  expect(run.stderr).not.toContain('SECRET-TOKEN');
});

test('a record and a report saved again by an editor: with a BOM, merged as they were; as UTF-16, a line naming the encoding', async () => {
  const [a, b] = await shards(2);
  const recordFile = path.join(b!, 'flowgrade-run.json');
  const recordText = readFileSync(recordFile, 'utf8');
  const record = JSON.parse(recordText) as { attendees: { report: string; attendee: string }[] };
  const reportFile = path.join(b!, `${record.attendees[0]!.report}.json`);
  const reportText = readFileSync(reportFile, 'utf8');
  const plain = tempDir('merge-refusals-plain');
  expect((await merge(a!, b!, '--out', plain)).code).toBeLessThan(2);
  writeFileSync(recordFile, `\uFEFF${recordText}`);
  writeFileSync(reportFile, `\uFEFF${reportText}`);
  const bom = tempDir('merge-refusals-bom');
  const withBom = await merge(a!, b!, '--out', bom);
  expect([withBom.code, withBom.stderr]).toEqual([1, '']);
  for (const name of ['grades.csv', 'summary.md', `${record.attendees[0]!.report}.json`]) expect(readFileSync(path.join(bom, name), 'utf8'), name).toBe(readFileSync(path.join(plain, name), 'utf8'));
  const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  writeFileSync(reportFile, utf16(reportText));
  const report = await merge(a!, b!, '--out', tempDir('merge-refusals-report-utf16'));
  expect([report.code, report.stderr.split('\n')[0]]).toEqual([2, `flowgrade: ${reportFile}: is UTF-16 (Notepad's "Unicode"), not UTF-8 as flowgrade writes it (saved again by an editor?): save it as UTF-8, or grade again; "${record.attendees[0]!.attendee}" is merged as ungradable (report-unreadable) [report-unreadable]`]);
  writeFileSync(recordFile, utf16(recordText));
  expect(refused(await merge(a!, b!, '--out', tempDir('merge-refusals-record-utf16')))).toEqual([2, '', 1, `flowgrade: ${b}: flowgrade-run.json is UTF-16 (Notepad's "Unicode"), not UTF-8 as flowgrade writes it (saved again by an editor?): save it as UTF-8, or grade again [bad-shard]`]);
});

test('--fail-on ungradable: exit 2 for the shards\' ungradable rows, and one line on stderr saying why (the rows themselves are not named again)', async () => {
  const [a, b] = await shards(2);
  const strict = await merge(a!, b!, '--out', tempDir('merge-refusals-strict'), '--fail-on', 'ungradable');
  const ungradable = Number(/(\d+) ungradable\b/.exec(strict.stdout)?.[1]);
  expect(ungradable).toBeGreaterThan(0);
  expect([strict.code, strict.stderr]).toEqual([2, ungradable === 1
    ? "flowgrade: 1 ungradable submission, which --fail-on ungradable makes exit 2: its row in the dashboard and its report say why, as its shard's grade named it\n"
    : `flowgrade: ${ungradable} ungradable submissions, which --fail-on ungradable makes exit 2: their rows in the dashboard and their reports say why, as their shards' grade named them\n`]);
  // (Without --fail-on ungradable they change nothing, and nothing is said.)
  const lenient = await merge(a!, b!, '--out', tempDir('merge-refusals-lenient'));
  expect([lenient.code, lenient.stderr]).toEqual([1, '']);
  // A class with none: exit 0, and no line of 0 ungradable submissions.
  const solutions = tempDir('merge-refusals-solutions');
  writeSolutions(solutions, 4);
  const parts = await shards(2, [solutions]);
  const none = await merge(...parts, '--out', tempDir('merge-refusals-none-ungradable'), '--fail-on', 'ungradable');
  expect([none.code, none.stderr]).toEqual([0, '']);
});

test('--fail-on ungradable with two ungradable rows: the line counts them, in the plural', async () => {
  const dir = tempDir('merge-refusals-two-ungradable');
  for (const name of ['Main_Flow_1.json', 'Main_Flow_2.json']) writeFileSync(path.join(dir, name), 'not an export\n');
  const parts = await shards(2, [dir]);
  const run = await merge(...parts, '--out', tempDir('merge-refusals-two-ungradable-out'), '--fail-on', 'ungradable');
  expect([run.code, run.stderr]).toEqual([2, "flowgrade: 2 ungradable submissions, which --fail-on ungradable makes exit 2: their rows in the dashboard and their reports say why, as their shards' grade named them\n"]);
});
