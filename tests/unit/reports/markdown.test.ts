/** The Markdown summary (CI job summaries, PR comments). */
import { test, expect } from '@playwright/test';
import { findMission } from '../../../checks/index.js';
import { escapeMarkdown } from '../../../reports/escape.js';
import type { GradeReport } from '../../../engine/report.js';
import { DUPLICATES_SHOWN, NAMED_PER_FAILURE, renderMarkdown, renderMarkdownRow, SET_ASIDE_SHOWN, SUMMARY_BYTES } from '../../../reports/markdown.js';
import { failedReport, HOSTILE, hostileReport, hostileUngradable, passedReport, ungradableReport } from './sample-reports.js';
import { gradeFixture } from '../checks/support.js';

test('title, totals, a row per attendee with verdict, score and failing steps', () => {
  const md = renderMarkdown([passedReport(), failedReport(), ungradableReport()], { title: 'Lab 3, group A' });
  const lines = md.split('\n');
  expect(lines[0]).toBe('# Lab 3, group A');
  expect(md).toContain('**3 submissions**: 1 passed, 1 failed, 1 ungradable. Average score 65.8% (ungradable ones left out).');
  expect(lines).toContain('| Attendee | Verdict | Score | Failing steps |');
  expect(lines).toContain('| 140 | ✅ passed | 10/10 | — |');
  expect(lines).toContain('| 141 | ❌ failed | 6/19 | 4, 6, 9 |');
  expect(lines).toContain('| 142 | ⚠️ ungradable | — | file is not JSON\\: Unexpected token N at line 1 column 1 \\[not\\-json\\] |');
  expect(renderMarkdown([passedReport()]).split('\n')[0]).toBe('# flowgrade results');
});

test('the most common failures, most frequent first, with their Build step, who and how to fix; a recommended check named so', () => {
  const second = failedReport();
  second.attendee.id = '150';
  second.checks = second.checks.map((c) => (c.id === 'get-cbid-content-type' ? { ...c, status: 'passed' } : c));
  const md = renderMarkdown([failedReport(), second, passedReport()]);
  const section = md.slice(md.indexOf('## Most common failures'));
  const rows = section.split('\n').filter((l) => l.startsWith('| Title'));
  // The step's number and title, as the console report heads it: the attendees table gives only numbers.
  const step = (n: number) => `${n} — ${escapeMarkdown(findMission('callback-on-global-error')!.steps[n])}`;
  expect(rows).toEqual([
    `| Title of simulate\\-error\\-value\\-fails (simulate\\-error\\-value\\-fails) | ${step(6)} | 2: 141, 150 | SimulateGlobalError → Variable\\: simulatederror, Set Value\\: \\{\\{ ANI \\| 123\\}\\} |`,
    `| Title of status\\-condition\\-expression (status\\-condition\\-expression) | ${step(9)} | 2: 141, 150 | Nothing to change in the flow for this one\\: flowgrade could not run this check \\(a bug of flowgrade, not a mistake in the flow\\)\\. Please report it with the export\\. |`, // errored: not the attendee's to fix
    `| Title of get\\-cbid\\-content\\-type (get\\-cbid\\-content\\-type, recommended) | ${step(4)} | 1: 141 | Hint of get\\-cbid\\-content\\-type |`,
  ]);
  const otherLab = renderMarkdown([{ ...failedReport(), lab: { id: 'some-other-lab', title: 'Other' } }]);
  expect(otherLab).toContain('(simulate\\-error\\-value\\-fails) | 6 | 1: 141 |'); // no titles known: the number alone
  expect(renderMarkdown([passedReport()])).not.toContain('Most common failures');
  expect(renderMarkdown([failedReport(), second], { topFailures: 1 }).split('\n').filter((l) => l.startsWith('| Title'))).toHaveLength(1);
});

test('the most common failures count the checks that failed beyond the top ones, so the table does not read as all of them', () => {
  const second = failedReport();
  second.attendee.id = '150';
  second.checks = second.checks.map((c) => (c.id === 'get-cbid-content-type' ? { ...c, status: 'passed' } : c));
  const section = (md: string) => md.slice(md.indexOf('## Most common failures')).split('\n');
  const top1 = section(renderMarkdown([failedReport(), second], { topFailures: 1 }));
  expect(top1.filter((l) => l.startsWith('| Title'))).toHaveLength(1);
  expect(top1).toContain('| and 2 more checks that failed (see the dashboard) | | | |');
  expect(section(renderMarkdown([failedReport(), second], { topFailures: 2 }))).toContain('| and 1 more check that failed (see the dashboard) | | | |');
  // Without a dashboard beside it (flowgrade check --format markdown), it says where the rest is.
  expect(section(renderMarkdown([failedReport()], { topFailures: 1, fullListing: "each file's own report: flowgrade check FILE" }))).toContain(
    "| and 2 more checks that failed (see each file's own report: flowgrade check FILE) | | | |",
  );
  // All shown: no such row.
  expect(renderMarkdown([failedReport(), second])).not.toContain('that failed');
});

test('a common failure names its first attendees and counts the rest, so the summary stays the size of a PR comment', () => {
  const attendee = (n: number) => {
    const report = failedReport();
    report.attendee.id = String(1000 + n);
    return report;
  };
  const summary = (count: number) => renderMarkdown(Array.from({ length: count }, (_, n) => attendee(n)));
  const failureRow = (md: string) => md.split('\n').find((l) => l.includes('(simulate\\-error\\-value\\-fails)'))!;
  const firstTen = Array.from({ length: 10 }, (_, n) => String(1000 + n)).join(', ');
  expect(NAMED_PER_FAILURE).toBe(10);
  expect(failureRow(summary(10))).toContain(`| 10: ${firstTen} |`);
  expect(failureRow(summary(11))).toContain(`| 11: ${firstTen} and 1 more |`);
  // A class of 500 failing the same checks: every row of the table, and the failures stay short.
  const md = summary(500);
  expect(failureRow(md)).toContain(`| 500: ${firstTen} and 490 more |`);
  expect(md.split('\n').filter((l) => /^\| 1\d{3} \|/.test(l))).toHaveLength(500);
  expect(md.length).toBeLessThan(65_536);
});

test('export text renders as text: no HTML, no table breaks, no code spans, links or emphasis', () => {
  const md = renderMarkdown([hostileReport(), hostileUngradable()]);
  expect(md).not.toContain('<img');
  expect(md).not.toContain('<script');
  expect(md).not.toContain('</script');
  expect(md).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;');
  // Every table row still has exactly its four cells: no unescaped pipe came from the export.
  for (const line of md.split('\n').filter((l) => l.startsWith('|'))) expect(line.split(/(?<!\\)\|/).length - 2, line).toBe(4);
  // No unescaped backtick, bracket, asterisk or underscore from the export.
  const hostileRows = md.split('\n').filter((l) => l.includes('img src'));
  expect(hostileRows.length).toBeGreaterThan(0);
  for (const line of hostileRows) expect(line).not.toMatch(/(?<!\\)[`[\]*_]/);
  expect(md).not.toContain(HOSTILE);
  expect(md).not.toMatch(/[\u0000\u001b]/);
});

test('deterministic', () => {
  expect(renderMarkdown([passedReport(), failedReport()])).toBe(renderMarkdown([passedReport(), failedReport()]));
});

test('export text is clipped: 260,000-character attendee ids and messages keep summary.md within a job summary (1 MiB) and short', () => {
  const long = (c: string, n = 260_000) => c.repeat(n);
  const failing = Array.from({ length: 20 }, (_, n) => {
    const report = failedReport();
    report.attendee.id = long(String.fromCharCode(65 + n));
    report.checks = report.checks.map((check) => ({ ...check, hint: long('h') }));
    return report;
  });
  const ungradable = ungradableReport();
  ungradable.attendee.id = long('u');
  ungradable.error = { code: 'not-json', message: long('m') };
  const md = renderMarkdown([...failing, ungradable]);
  expect(md.length).toBeLessThan(65_536); // unclipped: 13 MB, past GitHub's 1 MiB per job summary
  expect(md).toContain(`| ${'A'.repeat(200)}… \\(260000 characters\\) | ❌ failed | 6/19 |`);
  expect(md).toContain(`| ${'m'.repeat(500)}… \\(260000 characters\\) \\[not\\-json\\] |`);
  expect(md).toContain(`| ${'h'.repeat(500)}… \\(260000 characters\\) |`);
  expect(renderMarkdown([failedReport()])).toContain('| 141 | ❌ failed | 6/19 | 4, 6, 9 |'); // short values as they are
});

test('two students sharing an id (the same Main_Flow_<ID> in two folders) are told apart by their files, in the table and the failures', () => {
  const second = failedReport();
  second.input = { ...second.input, file: 'group-b/Main_Flow_141.json' };
  const md = renderMarkdown([failedReport(), second, passedReport()], { rows: [failedReport(), second, passedReport()].map(renderMarkdownRow) });
  const lines = md.split('\n');
  expect(lines).toContain('| 141 (submissions/Main\\_Flow\\_141\\.json) | ❌ failed | 6/19 | 4, 6, 9 |');
  expect(lines).toContain('| 141 (group\\-b/Main\\_Flow\\_141\\.json) | ❌ failed | 6/19 | 4, 6, 9 |');
  expect(lines).toContain('| 140 | ✅ passed | 10/10 | — |'); // an id of its own: as before
  expect(md).toContain('| 2: 141 (submissions/Main\\_Flow\\_141\\.json), 141 (group\\-b/Main\\_Flow\\_141\\.json) |');
});

test('a class of 500 whose every id and hint is long and made of characters Markdown escapes stays within a job summary (1 MiB): a failure lists its 5 most common fixes', () => {
  const reports = Array.from({ length: 500 }, (_, n) => {
    const report = failedReport();
    report.attendee.id = `${n}${'&'.repeat(260_000)}`;
    report.checks = report.checks.map((check) => ({ ...check, status: check.severity === 'info' ? check.status : 'failed', hint: `${n}${'&'.repeat(260_000)}` }));
    return report;
  });
  const md = renderMarkdown(reports);
  expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
  const row = md.split('\n').find((l) => l.includes('(simulate\\-error\\-value\\-fails)'))!;
  expect(row.match(/\(\d+&amp;/g)).toHaveLength(5);
  expect(row.endsWith(' and 495 other fixes (see the dashboard) |')).toBe(true);
  // An ordinary class lists every fix, as before.
  expect(renderMarkdown([failedReport()])).not.toContain('other fixes');
  // Without a dashboard beside it (flowgrade check --format markdown), it says where the rest is.
  const alone = renderMarkdown(reports, { fullListing: "each file's own report: flowgrade check FILE" });
  expect(alone).not.toContain('dashboard');
  expect(alone).toContain(" and 495 other fixes (see each file's own report: flowgrade check FILE) |");
});

test('duplicate submissions: which file was kept and which were set aside, escaped; none, no section', () => {
  const md = renderMarkdown([passedReport()], { duplicates: [{ attendee: '140', kept: 'b/Main_Flow_140.json', dropped: ['b/first.json'] }, { attendee: '1*1', files: ['x.json', 'y.json'] }] });
  const lines = md.split('\n');
  expect(lines).toContain('## Duplicate submissions');
  expect(lines).toContain('- 140: kept b/Main\\_Flow\\_140\\.json; set aside b/first\\.json');
  expect(lines).toContain('- 1\\*1: kept x\\.json; set aside y\\.json');
  expect(renderMarkdown([passedReport()])).not.toContain('Duplicate submissions');
  expect(renderMarkdown([passedReport()], { duplicates: [] })).not.toContain('Duplicate submissions');
});

test('a hostile class of duplicates (thousands of files, 4,000-character paths) keeps the section short: attendees, files and paths are capped', () => {
  const path = (n: number) => `${n}/${'p'.repeat(4000)}.json`;
  const duplicates = Array.from({ length: 500 }, (_, n) => ({ attendee: `${n}${'i'.repeat(4000)}`, kept: path(n), dropped: Array.from({ length: 100 }, (_, k) => path(k)) }));
  const section = renderMarkdown([passedReport()], { duplicates }).split('## Duplicate submissions')[1];
  expect(section.length).toBeLessThan(60_000); // uncapped: 200 MB
  const items = section.split('\n').filter((line) => line.startsWith('- '));
  expect(items).toHaveLength(DUPLICATES_SHOWN + 1);
  expect(items.at(-1)).toBe(`- and ${500 - DUPLICATES_SHOWN} other attendees (see the dashboard)`);
  expect(items[0]).toMatch(new RegExp(`^- 0i{199}… \\\\\\(4001 characters\\\\\\): kept 0/p{198}… \\\\\\(4007 characters\\\\\\); set aside `));
  expect(items[0]).toMatch(/ and 95 more$/);
  expect(items[0].split('; set aside ')[1].split(', ')).toHaveLength(SET_ASIDE_SHOWN);
});

test('a class of 500 whose ungradable files give long reasons, with long ids of characters that take 4 or 5 bytes each, stays within a job summary (1 MiB): the table ends with a count of the rows left out, and its folded summary line says so', () => {
  for (const wide of ['😀', '&']) {
    const reports = Array.from({ length: 500 }, (_, n) => {
      const report = n % 2 ? failedReport() : ungradableReport();
      report.attendee.id = `${String(n).padStart(3, '0')}${wide.repeat(300)}`;
      if (report.error) report.error = { code: 'not-json', message: wide.repeat(600) };
      report.checks = report.checks.map((check) => ({ ...check, status: check.severity === 'info' ? check.status : 'failed', hint: `${n}${wide.repeat(600)}` }));
      return report;
    });
    const md = renderMarkdown(reports);
    expect(Buffer.byteLength(md), wide).toBeLessThan(1024 * 1024);
    const lines = md.split('\n');
    const rows = lines.filter((l) => /^\| \d{3}/.test(l));
    expect(rows.length, wide).toBeGreaterThan(100);
    expect(lines, wide).toContain(`| and ${500 - rows.length} more attendees (see the dashboard) | | | |`);
    // The table is folded (500 > 20): its summary line, the one shown, says it is cut too.
    expect(lines, wide).toContain(`<summary>500 submissions (the first ${rows.length} listed, to stay within GitHub's 1 MiB per job summary): attendee, verdict, score and failing Build steps</summary>`);
    expect(md, wide).toContain('## Most common failures');
  }
  // An ordinary class has every row.
  expect(renderMarkdown([failedReport(), passedReport()])).not.toContain('more attendees');
});

test('export text cannot mention anyone or reference an issue on GitHub: a backslash does not stop those, an empty element does', () => {
  // GitHub finds @mentions and #1, GH-1, owner/repo#1 references in the rendered HTML's text, where
  // a backslash escape no longer shows: `\@octocat` in a pull-request comment notifies octocat.
  const ids = ['@octocat', 'x @acme/graders y', '#1', 'acme/lab#2', 'GH-3', 'gh-4', 'a\\@b', 'me@example.com'];
  const reports = ids.map((id) => ({ ...failedReport(), attendee: { id, source: 'flow-name' as const } }));
  const md = renderMarkdown(reports, { rows: reports.map(renderMarkdownRow), duplicates: [{ attendee: '@octocat', files: ['#5.json', 'GH-6.json'] }] });
  // What GitHub's reference filters read: each text between elements, backslash escapes undone.
  const texts = md.split('<span></span>').map((text) => text.replace(/\\(.)/g, '$1'));
  for (const text of texts) expect(text, text).not.toMatch(/@\w|#\d|GH-\d/i);
  // Shown as written: the empty element shows nothing, the escapes show their character.
  expect(md.split('\n')).toContain('| \\@<span></span>octocat | ❌ failed | 6/19 | 4, 6, 9 |');
  expect(md).toContain('| acme/lab\\#<span></span>2 |');
  expect(md).toContain('| GH\\-<span></span>3 |');
  expect(md).toContain('| a\\\\\\@<span></span>b |');
});

test('a class of more than 20 has its attendees table folded (<details>), so a job summary or comment shows the most common failures without 500 rows first', () => {
  const summary = (count: number) => renderMarkdown(Array.from({ length: count }, (_, n) => ({ ...failedReport(), attendee: { id: String(1000 + n), source: 'flow-name' as const } })));
  const big = summary(21).split('\n');
  const open = big.indexOf('<details>');
  expect(open).toBeGreaterThan(0);
  // GitHub renders the Markdown table inside only with blank lines around it.
  expect(big.slice(open, open + 4)).toEqual(['<details>', '<summary>21 submissions: attendee, verdict, score and failing Build steps</summary>', '', '| Attendee | Verdict | Score | Failing steps |']);
  const close = big.indexOf('</details>');
  expect(big[close - 1]).toBe('');
  expect(big[close - 2]).toBe('| 1020 | ❌ failed | 6/19 | 4, 6, 9 |');
  expect(close).toBeLessThan(big.indexOf('## Most common failures'));
  // 20 or fewer: the table as it was, open.
  expect(summary(20)).not.toContain('<details>');
});

test('the totals count each verdict apart (a class with different numbers of each)', () => {
  const as = (report: GradeReport, id: string): GradeReport => ({ ...report, attendee: { id, source: 'flow-name' } });
  const reports = [passedReport(), as(passedReport(), '143'), failedReport(), as(failedReport(), '150'), as(failedReport(), '151'), ungradableReport()];
  expect(renderMarkdown(reports)).toContain('**6 submissions**: 2 passed, 3 failed, 1 ungradable.');
});

test('a cut attendees table stays within SUMMARY_BYTES with the row counting the rest, however long the "(see …)" it names', () => {
  const see = `each file's own report, ${'written beside the export '.repeat(40)}`;
  const reports = Array.from({ length: 1000 }, (_, n) => {
    const report = n % 2 ? failedReport() : ungradableReport();
    report.attendee.id = `${String(n).padStart(3, '0')}${'😀'.repeat(300)}`;
    if (report.error) report.error = { code: 'not-json', message: '😀'.repeat(600) };
    return report;
  });
  const md = renderMarkdown(reports, { fullListing: see });
  const rows = md.split('\n').filter((l) => /^\| \d{3}/.test(l)).length;
  expect(rows).toBeLessThan(1000);
  expect(md.includes(`| and ${1000 - rows} more attendees (see ${see}) | | | |`)).toBe(true);
  expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_BYTES);
});

test('an empty class says 0 submissions (a plural), with no average and no table rows', () => {
  const md = renderMarkdown([]);
  expect(md).toContain('**0 submissions**: 0 passed, 0 failed, 0 ungradable.\n');
  expect(md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Attendee') && !l.startsWith('| ---'))).toEqual([]);
});

test('two students sharing an id are told apart by their files clipped as names: a 4,000-character path does not make every row and failure 4 KB', () => {
  const at = (file: string): GradeReport => ({ ...failedReport(), input: { ...failedReport().input, file } });
  const [a, b] = [at(`a/${'p'.repeat(4000)}.json`), at(`b/${'p'.repeat(4000)}.json`)];
  const md = renderMarkdown([a, b]);
  expect(md.split('\n')).toContain(`| 141 (a/${'p'.repeat(198)}… \\(4007 characters\\)) | ❌ failed | 6/19 | 4, 6, 9 |`);
  expect(md).not.toContain('p'.repeat(199));
});

test('duplicates: five files set aside are all named; a sixth is counted ("and 1 more")', () => {
  const item = (dropped: number) => {
    const md = renderMarkdown([passedReport()], { duplicates: [{ attendee: '140', kept: 'k.json', dropped: Array.from({ length: dropped }, (_, i) => `d${i + 1}.json`) }] });
    return md.split('\n').find((line) => line.startsWith('- 140: '));
  };
  expect(item(5)).toBe('- 140: kept k\\.json; set aside d1\\.json, d2\\.json, d3\\.json, d4\\.json, d5\\.json');
  expect(item(6)).toBe('- 140: kept k\\.json; set aside d1\\.json, d2\\.json, d3\\.json, d4\\.json, d5\\.json and 1 more');
});

// One mistake fails its static check and the simulated call that meets it, for the same attendees: the
// check naming the mistake (the report's Fix first) comes first, as in the report, not the echo
// that sorts before it by id.
test('failures as common as each other in one Build step are listed in the report\'s order: the static check before the simulated call', async () => {
  const report = await gradeFixture('flows/defect-condition-http-put.json');
  const section = renderMarkdown([report]).split('## Most common failures')[1]!;
  const ids = [...section.matchAll(/ \(([a-z0-9\\-]+)\) \|/g)].map((m) => m[1]!.replaceAll('\\', ''));
  expect(ids).toEqual(['status-condition-expression', 'run-status-true-on-201']);
});

// Two checks failed by as many attendees, in one Build step, each first in its report (reports of
// other check lists, as `merge` may bring together): the id decides, never the reports' order.
test('failures tied on count, step and place in their reports are listed by id, whatever order the reports come in', () => {
  const failing = (id: string, attendee: string): GradeReport => {
    const report = failedReport();
    const check = report.checks.find((c) => c.status === 'failed')!;
    return { ...report, attendee: { ...report.attendee, id: attendee }, input: { ...report.input, sha256: attendee.repeat(64).slice(0, 64) }, checks: [{ ...check, id, title: `Title of ${id}` }] };
  };
  for (const reports of [[failing('b-check', '1'), failing('a-check', '2')], [failing('a-check', '2'), failing('b-check', '1')]]) {
    const section = renderMarkdown(reports).split('## Most common failures')[1]!;
    const rows = section.split('\n').filter((line) => line.startsWith('| Title of '));
    expect(rows.map((row) => /\((\w+)\\-check/.exec(row)?.[1])).toEqual(['a', 'b']);
  }
});

/**
 * GitHub's extended autolinks (GFM spec 6.9: `www.`, `http://`, `https://`, `mailto:`, `xmpp:`
 * and bare email addresses) must not form from export text. escapeMarkdown's backslash before
 * every `.` and `:` is read as an escape before an autolink can be: cmark-gfm, GitHub's renderer,
 * looks for the source text `www.` and starts a URL at an unescaped `:`, so `www\.` and `https\:`
 * are text that shows as `www.` and `https:`; an email address is found only within one text node,
 * which the empty <span></span> after its `@` ends (md in markdown.ts).
 */
test('export text holding a www. address, an http(s) URL or an email address is written so that GitHub links none of it, and shows it as written', () => {
  const url = 'https://evil.example/x?y=1';
  const failed = failedReport();
  const report = (id: string, file: string): GradeReport => ({
    ...failed,
    attendee: { id, source: 'flow-name' },
    input: { ...failed.input, file },
    checks: failed.checks.map((c) => (c.status === 'failed' ? { ...c, hint: `see www.example.com, ${url} or mail help@example.com (mailto:help@example.com, xmpp:help@example.com)` } : c)),
  });
  // Two students sharing an id: their files are named too.
  const reports = [report('www.example.com', 'a/http://x.example.json'), report('www.example.com', 'b/jo@example.com.json'), { ...ungradableReport(), error: { code: 'not-json', message: `file is not JSON: ${url}` } }];
  const md = renderMarkdown(reports);
  expect(md).toContain('www\\.example\\.com (a/http\\://x\\.example\\.json)');
  expect(md).toContain('www\\.example\\.com (b/jo\\@<span></span>example\\.com\\.json)');
  expect(md).toContain('file is not JSON\\: https\\://evil\\.example/x?y=1');
  expect(md).toContain('see www\\.example\\.com, https\\://evil\\.example/x?y=1 or mail help\\@<span></span>example\\.com \\(mailto\\:help\\@<span></span>example\\.com, xmpp\\:help\\@<span></span>example\\.com\\)');
  // Nothing GFM would start an autolink at: a bare `www.`, an unescaped `:` (but the summary's own `2: ` before names), an `@` followed by text in its node.
  expect(md).not.toMatch(/www\./i);
  for (const line of md.split('\n').filter((l) => l.includes('example'))) expect(line.replace(/(\d|\*\*): /g, ''), line).not.toMatch(/(?<!\\):/);
  expect(md).not.toMatch(/@(?!<span><\/span>)/);
});

/**
 * A class whose ids escape to 15 bytes a character (`@` gets `\@<span></span>`): 200 characters
 * make one name 3 KB. Ten failures each naming 10 attendees and three fixes naming 10 more came to
 * 1.09 MB, past GitHub's 1 MiB per job summary (not shown at all), with the attendees table left
 * with no row. Built as a class of 30 copies of one flow in three groups of 10, each group's labels
 * their own, so every check failing has three fixes.
 */
function atClass(count: number, checks = 10): GradeReport[] {
  return Array.from({ length: count }, (_, n) => {
    const report = failedReport();
    const group = Math.floor(n / 10);
    report.attendee.id = `${'@'.repeat(196)}${String(n).padStart(4, '0')}`;
    report.checks = Array.from({ length: checks }, (_, k) => ({ ...report.checks[2], id: `check-${k}`, title: `Title of check-${k}`, severity: 'recommended' as const, status: 'failed' as const, hint: `Rename it GET${group} as the guide says` }));
    return report;
  });
}

test('a class whose ids are long and escape to many bytes (@) stays within SUMMARY_BYTES: the failures name 5 attendees per list, saying so, and the table lists everyone', () => {
  const reports = atClass(30);
  const md = renderMarkdown(reports);
  expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_BYTES); // it was 1.09 MB
  const lines = md.split('\n');
  const id = (n: number) => renderMarkdownRow(reports[n]).split(' | ')[0].slice(2);
  expect(lines.filter((l) => l.startsWith(`| ${id(0).slice(0, 30)}`))).toHaveLength(30);
  expect(md).not.toContain('more attendees');
  expect(lines).toContain("Each failure, and each of its fixes, names its first 5 attendees, to stay within GitHub's 1 MiB per job summary (see the dashboard).");
  const failure = lines.find((l) => l.includes('(check\\-0, recommended)'))!;
  expect(failure).toContain(`| 30: ${[0, 1, 2, 3, 4].map(id).join(', ')} and 25 more |`);
  expect(failure).toContain(`| Rename it GET0 as the guide says (${[0, 1, 2, 3, 4].map(id).join(', ')} and 5 more); Rename it GET1`);
  // A class of 10 fits naming 10 per list: as before, no note.
  const ten = renderMarkdown(atClass(10));
  expect(ten).not.toContain('names its first');
  expect(ten.split('\n').find((l) => l.includes('(check\\-0, recommended)'))).toContain(`| 10: ${Array.from({ length: 10 }, (_, n) => id(n)).join(', ')} |`);
});

test('a class of 500 where every id, file, reason, hint and duplicate path is long and made of @ stays within SUMMARY_BYTES: its attendees counted, not named, saying so, and 20 attendees listed at least', () => {
  const at = (n: number, length: number) => `${n}${'@'.repeat(length)}`;
  // Two students to an id (two folders): each is named with its file, 6 KB a name.
  const reports = Array.from({ length: 500 }, (_, n) => {
    const report = n % 2 ? failedReport() : ungradableReport();
    report.attendee.id = at(n >> 1, 1000);
    report.input = { ...report.input, file: `${n % 2 ? 'a' : 'b'}/${at(n, 1000)}.json` };
    if (report.error) report.error = { code: 'not-json', message: at(n, 1000) };
    report.checks = Array.from({ length: 10 }, (_, k) => ({ ...failedReport().checks[2], id: `check-${k}`, status: 'failed' as const, hint: at(n, 1000) }));
    return report;
  });
  const duplicates = Array.from({ length: 30 }, (_, n) => ({ attendee: at(n, 1000), kept: at(n, 1000), dropped: Array.from({ length: 100 }, (_, k) => at(k, 1000)) }));
  const md = renderMarkdown(reports, { duplicates });
  expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_BYTES);
  const lines = md.split('\n');
  const rows = lines.filter((l) => / \| (❌ failed|⚠️ ungradable) \| /.test(l));
  expect(rows.length).toBeGreaterThanOrEqual(20);
  expect(lines).toContain(`| and ${500 - rows.length} more attendees (see the dashboard) | | | |`);
  expect(lines).toContain("Attendees are counted, not named, to stay within GitHub's 1 MiB per job summary (see the dashboard).");
  const failure = lines.find((l) => l.includes('(check\\-0, recommended)'))!;
  expect(/ \| 500 \| 0\\@.* \(1 attendee\); 1\\@.* and 495 other fixes \(see the dashboard\) \|$/.test(failure)).toBe(true);
  expect(lines).toContain("The files set aside are counted, not named, to stay within GitHub's 1 MiB per job summary (see the dashboard).");
  expect(lines.filter((l) => l.endsWith('; set aside 100 files'))).toHaveLength(DUPLICATES_SHOWN);
});

test('asked for many more failures than fit, the failures table ends early with a count of the checks left out, and the summary stays within SUMMARY_BYTES with 20 attendees listed', () => {
  const reports = atClass(30, 100).map((report, n) => ({ ...report, checks: report.checks.map((check) => ({ ...check, hint: `${n}${'@'.repeat(500)}` })) }));
  const md = renderMarkdown(reports, { topFailures: 100 });
  expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_BYTES);
  const lines = md.split('\n');
  const failures = lines.filter((l) => l.startsWith('| Title of check'));
  expect(failures.length).toBeGreaterThan(0);
  expect(failures.length).toBeLessThan(100);
  expect(lines).toContain(`| and ${100 - failures.length} more checks that failed (see the dashboard) | | | |`);
  expect(lines.filter((l) => l.startsWith('| \\@')).length).toBeGreaterThanOrEqual(20);
});
