/**
 * Every output of one `grade` run tells the same story, as an instructor cross-checking them
 * would read it: for each attendee the verdict, score and each check's status in `<id>.json`,
 * `grades.csv`, `junit.xml`, `summary.md`, the dashboard (rows, heat-map cells, totals, most common
 * failures), `moodle-grades.csv` and `canvas-grades.csv`; the stdout summary line and the exit code count the same; every
 * link of `index.html` names a file there; every report is valid against its schema. The class has
 * the edges: passed, failed, a recommended check missed on a passed flow, ungradable files,
 * duplicates, one id in two folders in two Unicode forms, an id needing escapes, an id of 200,000
 * characters (every output but the JSON report shows it cut, the same way: `shown`), a Moodle folder,
 * a Canvas download's file and an archive inside an archive.
 */
import { test, expect } from '@playwright/test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import reportSchema from '../../../schemas/report.schema.json' with { type: 'json' };
import type { GradeReport } from '../../../engine/report.js';
import { escapeHtml, escapeMarkdown } from '../../../reports/index.js';
import { clipText } from '../../../reports/code-points.js';
import { fixturePath, runCli } from '../../helpers.js';
import { csvRecords } from '../reports/csv-records.js';
import { findAll, parseXml } from '../reports/xml-check.js';
import { tempDir } from './class-fixture.js';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(reportSchema);

/** A fixture flow as attendee `id` (its flow name Main_Flow_<id>, the id written as JSON text). */
const flow = (fixture: string, id: string) => readFileSync(fixturePath(`flows/${fixture}.json`), 'utf8').split('Main_Flow_140').join(`Main_Flow_${JSON.stringify(id).slice(1, -1)}`);

function writeEdgeClass(dir: string): void {
  const put = (file: string, text: string | Uint8Array) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  put('a/Main_Flow_200.json', flow('solution', '200'));
  put('a/Main_Flow_201.json', flow('defect-condition-tests-200', '201'));
  put('a/Main_Flow_202.json', flow('defect-regression-option1-unlinked', '202')); // passed, a recommended check missed
  put('a/Main_Flow_203.json', flow('defect-getcbid-method-post', '203'));
  put('a/Main_Flow_203 (1).json', flow('solution', '203'));
  utimesSync(path.join(dir, 'a/Main_Flow_203.json'), 1e9, 1e9); // the older, set aside
  put('a/empty.json', '');
  put('a/Main_Flow_204.json', '{');
  put('a/hostile.json', flow('defect-callbackapi-method-put', 'q"u,o<t>e|p&i\'pe'));
  put('a/long.json', flow('defect-getcbid-method-post', 'L'.repeat(200_000)));
  put('x1/Main_Flow_José.json', flow('solution', 'Jos\u00e9'));
  put('x2/Main_Flow_José.json', flow('defect-condition-tests-200', 'Jose\u0301'));
  put('Doe Jane_12345_assignsubmission_file_/flow.json', flow('defect-callbackapi-method-put', '140'));
  put('doejane_12000_67001_Main_Flow_140.json', flow('defect-getcbid-method-post', '140'));
  const inner = zipSync({ 'Main_Flow_300.json': new TextEncoder().encode(flow('defect-simulate-no-disconnect', '300')) });
  put('class.zip', zipSync({ 'Bob/upload.zip': inner, 'Carl/Main_Flow_301.json': new TextEncoder().encode(flow('solution', '301')) }));
}

const percentOf = (r: GradeReport) => (r.score ? Math.round((r.score.earned / r.score.possible) * 1000) / 10 : null);
const failing = (status: string) => status === 'failed' || status === 'errored';
function stepState(checks: GradeReport['checks']): string {
  const scored = checks.filter((c) => c.severity !== 'info');
  if (scored.length === 0) return 'not-checkable';
  const passed = scored.filter((c) => c.status === 'passed').length;
  if (passed === scored.length) return 'passed';
  const required = scored.filter((c) => c.severity === 'required');
  return (passed === 0 && required.length > 0) || required.some((c) => failing(c.status)) ? 'failed' : 'partial';
}
const steps = (r: GradeReport) => [...new Set(r.checks.map((c) => c.step))].sort((a, b) => a - b);
const unformula = (cell: string) => cell.replace(/^'(?=[=+\-@\t\r])/, '');
/** An attendee id as every output but the JSON report shows it: cut past 200 characters, as every long text is. */
const shown = (id: string) => clipText(id, 200);

test('one run over a class of edges: every output tells each attendee\'s verdict, score and checks alike, and the totals and exit code agree', async () => {
  const dir = tempDir('agree-class');
  writeEdgeClass(dir);
  const out = tempDir('agree-out');
  const run = await runCli(['grade', dir, '--out', out, '--now', '2025-08-01T09:00:00Z', '--quiet', '--jobs', '2']);

  // The reports: valid, and one row each in row order (attendee id, then file).
  const reports = readdirSync(out)
    .filter((f) => f.endsWith('.json') && f !== 'flowgrade-run.json')
    .map((f) => [f.slice(0, -'.json'.length), JSON.parse(readFileSync(path.join(out, f), 'utf8')) as GradeReport] as const);
  for (const [name, report] of reports) expect(validate(report), `${name}.json: ${ajv.errorsText(validate.errors)}`).toBe(true);
  const rows = [...reports].sort(([, a], [, b]) => (a.attendee.id < b.attendee.id ? -1 : a.attendee.id > b.attendee.id ? 1 : a.input.file < b.input.file ? -1 : 1));
  const count = (verdict: GradeReport['verdict']) => reports.filter(([, r]) => r.verdict === verdict).length;
  expect(reports).toHaveLength(14);
  expect(reports.some(([, r]) => r.attendee.id === 'L'.repeat(200_000))).toBe(true); // the JSON report keeps it whole
  expect(count('passed') * count('failed') * count('ungradable')).toBeGreaterThan(0);

  // The stdout summary line and the exit code.
  expect(run.stdout).toContain(`graded ${reports.length} attendees into ${out}: ${count('passed')} passed, ${count('failed')} failed, ${count('ungradable')} ungradable`);
  expect(run.code).toBe(count('failed') ? 1 : 0);

  // grades.csv: a row per report, in row order, its columns the report's.
  const [header, ...csv] = csvRecords(readFileSync(path.join(out, 'grades.csv'), 'utf8').replace(/^\uFEFF/, '')).records;
  expect(csv.map((row) => unformula(row[1]))).toEqual(rows.map(([, r]) => r.input.file));
  rows.forEach(([name, r], i) => {
    const cell = Object.fromEntries(header.map((column, j) => [column, csv[i][j]]));
    expect([unformula(cell.attendee), cell.verdict, cell.earned, cell.possible, cell.percent], name).toEqual([shown(r.attendee.id), r.verdict, String(r.score?.earned ?? ''), String(r.score?.possible ?? ''), String(percentOf(r) ?? '')]);
    expect(cell.error, name).toBe(r.error ? `${r.error.code}: ${r.error.message}` : '');
    for (const check of r.checks) expect(cell[check.id], `${name} ${check.id}`).toBe(check.status);
  });

  // junit.xml: a suite per report, in row order; a test case per check, its element the check's status.
  const suites = findAll(parseXml(readFileSync(path.join(out, 'junit.xml'), 'utf8')), 'testsuite');
  expect(suites).toHaveLength(rows.length);
  rows.forEach(([name, r], i) => {
    const property = Object.fromEntries(findAll(suites[i], 'property').map((p) => [p.attributes.name, p.attributes.value]));
    expect([property.file, property.attendee, property.verdict, property.score, property.percent], name).toEqual([r.input.file, shown(r.attendee.id), r.verdict, r.score ? `${r.score.earned}/${r.score.possible}` : undefined, r.score ? String(percentOf(r)) : undefined]);
    const cases = findAll(suites[i], 'testcase');
    const kind = (c: (typeof cases)[number]) => c.children[0]?.name ?? 'passed';
    if (!r.score) expect(cases.map((c) => [kind(c), c.children[0]?.attributes.type]), name).toEqual([['error', r.error!.code]]);
    else {
      const status = { passed: 'passed', failed: 'failure', errored: 'error', skipped: 'skipped', info: 'skipped' } as const;
      // A recommended check not met fails no attendee: <skipped type="recommended"> (--junit-recommended's default).
      const element = (c: (typeof r.checks)[number]) => (c.status === 'failed' && c.severity === 'recommended' ? 'skipped' : status[c.status]);
      expect(cases.map((c) => [c.attributes.name, kind(c)]), name).toEqual(r.checks.map((c) => [`${c.step}. ${c.id}`, element(c)]));
      for (const c of r.checks.filter((check) => check.status === 'failed')) expect(cases.find((tc) => tc.attributes.name === `${c.step}. ${c.id}`)!.children[0].attributes.type).toBe(c.severity);
      if (r.verdict === 'passed') expect(Number(suites[i].attributes.failures), `${name}: a passed attendee has no failed test`).toBe(0);
    }
    for (const counted of ['failures', 'errors', 'skipped'] as const) {
      const element = { failures: 'failure', errors: 'error', skipped: 'skipped' }[counted];
      expect(Number(suites[i].attributes[counted]), `${name} ${counted}`).toBe(cases.filter((c) => kind(c) === element).length);
    }
  });
  // One id in two folders, in two Unicode forms: two classnames that read apart.
  const classnames = suites.map((s) => findAll(s, 'testcase')[0].attributes.classname.normalize('NFC'));
  expect(new Set(classnames).size).toBe(classnames.length);

  // summary.md: the totals, and a row per report in row order (id, verdict, score, failing steps or reason).
  const md = readFileSync(path.join(out, 'summary.md'), 'utf8');
  expect(md).toContain(`**${reports.length} submissions**: ${count('passed')} passed, ${count('failed')} failed, ${count('ungradable')} ungradable.`);
  const table = md.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Attendee') && !line.startsWith('| ---'));
  rows.forEach(([name, r], i) => {
    const failingSteps = steps(r).filter((s) => r.checks.some((c) => c.step === s && failing(c.status)));
    const last = r.score ? (failingSteps.join(', ') || '—') : escapeMarkdown(`${r.error!.message} [${r.error!.code}]`);
    expect(table[i], name).toMatch(new RegExp(`^\\| ${escapeMarkdown(shown(r.attendee.id)).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}.* \\| .* ${r.verdict} \\| ${r.score ? `${r.score.earned}/${r.score.possible}` : '—'} \\| ${last.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')} \\|$`));
  });
  // The two students of one id (in either form) are named by their files, in summary.md as on the dashboard.
  expect(table.filter((line) => /^\| Jos/.test(line)).every((line) => /^\| Jos\S* \(x[12]\//.test(line))).toBe(true);

  // index.html: totals, a row per report (link, verdict, heat-map cells), the most common failures' counts, links that resolve.
  const index = readFileSync(path.join(out, 'index.html'), 'utf8');
  expect(index).toContain(`<li><strong>${count('passed')}</strong>passed</li><li><strong>${count('failed')}</strong>failed</li><li><strong>${count('ungradable')}</strong>ungradable</li>`);
  const data = JSON.parse(/<script type="application\/json" id="fg-data">(.*?)<\/script>/s.exec(index)![1]) as { rows: { attendee: string; file: string; verdict: string; percent: number | null; steps: Record<string, string> }[] };
  const columns = [...index.matchAll(/data-column="step-(\d+)"/g)].map((m) => Number(m[1]));
  const tableRows = [...index.matchAll(/<tr data-row="\d+">(.*?)<\/tr>/gs)].map((m) => m[1]);
  expect(tableRows).toHaveLength(rows.length);
  rows.forEach(([name, r], i) => {
    expect(tableRows[i], name).toContain(`href="${encodeURI(`${name}.html`)}">${escapeHtml(shown(r.attendee.id))}</a>`);
    // The attendee's page names them as their row does.
    expect(readFileSync(path.join(out, `${name}.html`), 'utf8'), name).toContain(`&mdash; attendee ${escapeHtml(shown(r.attendee.id))}</h1>`);
    expect(tableRows[i], name).toContain(`<span class="fg-verdict ${r.verdict}">`);
    const cells = [...tableRows[i].matchAll(/class="fg-cell ([a-z-]+)"/g)].map((m) => m[1]);
    expect(cells, name).toEqual(columns.map((s) => (!r.score ? 'not-graded' : r.checks.some((c) => c.step === s) ? stepState(r.checks.filter((c) => c.step === s)) : 'none')));
    expect(data.rows[i], name).toEqual({ attendee: shown(r.attendee.id), file: r.input.file, verdict: r.verdict, percent: percentOf(r), steps: Object.fromEntries(r.score ? steps(r).map((s) => [String(s), stepState(r.checks.filter((c) => c.step === s))]) : []) });
  });
  const failures = new Map<string, number>();
  for (const [, r] of reports) for (const c of r.checks) if (failing(c.status)) failures.set(c.id, (failures.get(c.id) ?? 0) + 1);
  const listed = [...index.matchAll(/<code>([a-z0-9-]+)<\/code>(, recommended)?\): (\d+) attendees?/g)];
  expect(new Map(listed.map((m) => [m[1]!, Number(m[3])]))).toEqual(failures);
  const severityOf = new Map(reports.flatMap(([, r]) => r.checks.map((c) => [c.id, c.severity] as const)));
  for (const m of listed) expect(Boolean(m[2]), m[1]).toBe(severityOf.get(m[1]!) === 'recommended');
  for (const [, href] of index.matchAll(/href="([^"#]+)"/g)) expect(existsSync(path.join(out, decodeURI(href))), href).toBe(true);

  // moodle-grades.csv: the Moodle student's grade and comment are their report's.
  const [moodleHeader, ...moodle] = csvRecords(readFileSync(path.join(out, 'moodle-grades.csv'), 'utf8').replace(/^\uFEFF/, '')).records;
  const doe = reports.find(([, r]) => r.attendee.id === 'Doe Jane_12345')![1];
  expect(moodle.map((row) => Object.fromEntries(moodleHeader.map((column, j) => [column, row[j]])))).toMatchObject([
    { Identifier: 'Participant 12345', Grade: String(Math.round((doe.score!.earned / doe.score!.possible) * 10000) / 100), 'Feedback comments': expect.stringMatching(new RegExp(`^${doe.verdict.toUpperCase()}, ${doe.score!.earned}/${doe.score!.possible} points`)) },
  ]);

  // canvas-grades.csv: the Canvas student's row carries their report's percentage, found by their user id.
  const [canvasHeader, ...canvas] = csvRecords(readFileSync(path.join(out, 'canvas-grades.csv'), 'utf8').replace(/^\uFEFF/, '')).records;
  const jane = reports.find(([, r]) => r.attendee.id === 'doejane_12000')![1];
  expect(canvasHeader).toEqual(['Student', 'ID', 'Section', 'flowgrade']);
  expect(canvas).toEqual([
    ['Points Possible', '', '', '100'],
    ['doejane', '12000', '', `${Math.round((jane.score!.earned / jane.score!.possible) * 10000) / 100}%`],
  ]);
});
