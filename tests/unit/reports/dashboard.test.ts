/** The class dashboard (index.html). Sorting and filtering in a real browser: tests/browser/reports.test.ts. */
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import type { GradeReport } from '../../../engine/report.js';
import { DASHBOARD_SCRIPT, DASHBOARD_SCRIPT_HASH } from '../../../reports/dashboard-assets.js';
import { renderDashboard } from '../../../reports/dashboard.js';
import { escapeHtml } from '../../../reports/escape.js';
import { renderMarkdown } from '../../../reports/markdown.js';
import { failedReport, passedReport, ungradableReport } from './sample-reports.js';
import { shown } from './shown.js';

const href = (report: GradeReport) => `${report.attendee.id}.html`;
const CLASS = () => [passedReport(), failedReport(), ungradableReport()];

/** The JSON data block, parsed. */
function data(html: string): { rows: { attendee: string; file: string; verdict: string; percent: number | null; steps: Record<string, string> }[] } {
  const match = /<script type="application\/json" id="fg-data">([\s\S]*?)<\/script>/.exec(html);
  expect(match).not.toBeNull();
  return JSON.parse(match![1]);
}

test('one self-contained page: inline CSS and script, no external URLs', () => {
  const html = shown(renderDashboard(CLASS(), { reportHref: href }));
  expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
  expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//i);
  expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
  expect(html).not.toMatch(/@import|url\(|<link\b/i);
  expect(html).toContain(`<script>${DASHBOARD_SCRIPT}</script>`);
});

test('the Content-Security-Policy allows exactly the dashboard script, by its hash', () => {
  const hash = `sha256-${createHash('sha256').update(DASHBOARD_SCRIPT, 'utf8').digest('base64')}`;
  expect(DASHBOARD_SCRIPT_HASH, 'update DASHBOARD_SCRIPT_HASH in reports/dashboard-assets.ts').toBe(hash);
  const html = shown(renderDashboard(CLASS(), { reportHref: href }));
  expect(html).toContain(`script-src '${hash}'`);
  expect(html).not.toMatch(/script-src[^;"]*unsafe-inline/);
});

test('links to every attendee’s report, in the table and in the common failures', () => {
  const html = shown(renderDashboard(CLASS(), { reportHref: href }));
  for (const id of ['140', '141', '142']) expect(html).toContain(`<th scope="row"><a href="${id}.html">${id}</a>`);
  const failures = html.slice(html.indexOf('id="fg-failures-title"'));
  expect(failures).toContain('<a href="141.html">141</a>');
});

test('the common failures name a recommended check so (missing it fails no attendee), a required one not', () => {
  const failures = shown(renderDashboard(CLASS(), { reportHref: href })).split('id="fg-failures-title"')[1];
  expect(failures).toContain('(step 4, <code>get-cbid-content-type</code>, recommended)');
  expect(failures).toContain('(step 6, <code>simulate-error-value-fails</code>)');
});

test('links that are not relative or http(s) are dropped, the name stays as text', () => {
  const html = shown(renderDashboard([passedReport()], { reportHref: () => 'javascript:alert(1)' }));
  expect(html).not.toContain('javascript:');
  expect(html).toContain('<th scope="row">140<div class="fg-file">');
  expect(renderDashboard([passedReport()], { reportHref: () => '' })).not.toContain('<a href=""');
});

test('heat-map: a cell per attendee and Build step with its state, in words for screen readers', () => {
  const html = shown(renderDashboard(CLASS(), { reportHref: href }));
  const row = (id: string) => html.slice(html.indexOf(`<a href="${id}.html">${id}</a>`), html.indexOf('</tr>', html.indexOf(`<a href="${id}.html">${id}</a>`)));
  const cells = (id: string) => [...row(id).matchAll(/<td class="fg-cell ([a-z-]+)"/g)].map((m) => m[1]);
  // Steps with checks in the class: 2 4 6 8 9 10.
  expect(cells('140')).toEqual(['passed', 'passed', 'passed', 'not-graded', 'not-graded', 'not-checkable']);
  // step 4: a check not run (partly passed); step 6: a required check failed beside a passed one (failed)
  expect(cells('141')).toEqual(['passed', 'partial', 'failed', 'failed', 'failed', 'not-checkable']);
  expect(cells('142')).toEqual(['not-graded', 'not-graded', 'not-graded', 'not-graded', 'not-graded', 'not-graded']);
  expect(row('141')).toContain('<span aria-hidden="true">◐</span><span class="fg-sr">partly passed</span>');
  expect(row('141')).toContain('<td class="fg-score">6/19 (31.6%)</td>');
  expect(row('141')).toContain('<span class="fg-verdict failed">failed</span>');
  expect(row('142')).toContain('file is not JSON: Unexpected token N at line 1 column 1 [not-json]');
});

test('sortable headers are named columns (the script makes them buttons); the filter controls are labelled', () => {
  const html = shown(renderDashboard(CLASS(), { reportHref: href }));
  for (const column of ['attendee', 'verdict', 'score', 'step-2', 'step-10']) {
    expect(html).toMatch(new RegExp(`<th scope="col" data-column="${column}" aria-sort="none"[ >]`));
  }
  expect(html).toMatch(/<th scope="col" data-column="step-6" aria-sort="none" title="Step 6 — [^"]+"><span class="fg-sr">Step <\/span>6<\/th>/);
  expect(html).not.toContain('<button'); // nothing to click before the script runs
  expect(html).toContain('<span class="fg-screen-only" id="fg-sort-note" hidden> Click a column heading to sort.</span>');
  expect(html).toContain('<label for="fg-filter">Filter by attendee or file</label><input type="search" id="fg-filter"');
  expect(html).toContain('<label for="fg-verdict-filter">Verdict</label><select id="fg-verdict-filter">');
  expect(html).toContain('id="fg-count" aria-live="polite"');
  expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers at all
});

test('the data block holds what the script sorts and filters by, one entry per row in table order', () => {
  const html = shown(renderDashboard(CLASS(), { reportHref: href }));
  expect(data(html).rows).toEqual([
    { attendee: '140', file: 'submissions/Main_Flow_140.json', verdict: 'passed', percent: 100, steps: { 2: 'passed', 4: 'passed', 6: 'passed', 10: 'not-checkable' } },
    { attendee: '141', file: 'submissions/Main_Flow_141.json', verdict: 'failed', percent: 31.6, steps: { 2: 'passed', 4: 'partial', 6: 'failed', 8: 'failed', 9: 'failed', 10: 'not-checkable' } },
    { attendee: '142', file: 'submissions/notes.json', verdict: 'ungradable', percent: null, steps: {} },
  ]);
  expect([...html.matchAll(/<tr data-row="(\d+)">/g)].map((m) => m[1])).toEqual(['0', '1', '2']);
});

test('the data block is ASCII with no character HTML forbids raw (a DEL in an attendee id is \\u007f), and parses back', () => {
  const report = passedReport();
  report.attendee = { ...report.attendee, id: 'a\u007fb\u0085c\ufdd0' };
  const html = renderDashboard([report], { reportHref: href });
  const block = /<script type="application\/json" id="fg-data">([\s\S]*?)<\/script>/.exec(html)![1];
  expect(block).toMatch(/^[\x20-\x7E]*$/);
  expect(block).toContain('"attendee":"a\\u007fb\\u0085c\\ufdd0"');
  expect(data(html).rows[0].attendee).toBe('a\u007fb\u0085c\ufdd0');
  expect(html).not.toMatch(/[\x00-\x08\x0B\x0E-\x1F\x7F-\uFFFF]/); // nor anywhere else on the page
});

test('totals and the most common failures with counts and the attendees affected', () => {
  const second = failedReport();
  second.attendee.id = '150';
  const html = shown(renderDashboard([passedReport(), failedReport(), second], { reportHref: href, title: 'Group A' }));
  expect(html).toContain('<title>Group A</title>');
  expect(html).toContain('<h1>Group A</h1>');
  expect(html).toContain('<li><strong>1</strong>passed</li><li><strong>2</strong>failed</li><li><strong>0</strong>ungradable</li><li><strong>54.4%</strong>average score</li>');
  const failures = html.slice(html.indexOf('id="fg-failures-title"'));
  expect(failures).toContain('<li><strong>Title of simulate-error-value-fails</strong> (step 6, <code>simulate-error-value-fails</code>): 2 attendees — <a href="141.html">141</a>, <a href="150.html">150</a><p class="fg-hint">How to fix: SimulateGlobalError → Variable: simulatederror, Set Value: {{ ANI | 123}}</p></li>');
});

test('an attendee counts once per failing check, even when the report lists that check twice', () => {
  const report = failedReport();
  report.checks.push({ ...report.checks.find((check) => check.id === 'simulate-error-value-fails')! });
  const failures = shown(renderDashboard([report], { reportHref: href })).split('id="fg-failures-title"')[1];
  expect(failures).toContain('(step 6, <code>simulate-error-value-fails</code>): 1 attendee — <a href="141.html">141</a><p');
});

test('duplicate submissions: which file was graded, which were set aside', () => {
  const kept = renderDashboard(CLASS(), { reportHref: href, duplicates: [{ attendee: '141', kept: 'b/Main_Flow_141.json', dropped: ['a/Main_Flow_141.json', 'c.json'] }] });
  expect(kept).toContain('<tr><th scope="row">141</th><td><code>b/Main_Flow_141.json</code></td><td><code>a/Main_Flow_141.json</code><br><code>c.json</code></td></tr>');
  const files = renderDashboard(CLASS(), { reportHref: href, duplicates: [{ attendee: '141', files: ['new.json', 'old.json'] }] });
  expect(files).toContain('<td><code>new.json</code></td><td><code>old.json</code></td>');
  expect(renderDashboard(CLASS(), { reportHref: href })).not.toContain('Duplicate submissions');
});

test('duplicate submissions: the dashboard says how the graded one was chosen as the Markdown summary does (newest in a folder: one id in two folders is two students, both graded)', () => {
  const duplicates = [{ attendee: '141', kept: 'b/Main_Flow_141.json', dropped: ['b/old.json'] }];
  const sentence = (text: string) => /The newest submission[^<\n]*/.exec(shown(text))?.[0].replace(/&#39;/g, "'");
  const markdown = sentence(renderMarkdown(CLASS(), { duplicates }));
  expect(markdown).toContain('in a folder');
  expect(sentence(renderDashboard(CLASS(), { reportHref: href, duplicates }))).toBe(markdown);
});

test('an empty class renders; deterministic', () => {
  expect(renderDashboard([], { reportHref: href })).toContain('0 submissions');
  expect(renderDashboard(CLASS(), { reportHref: href })).toBe(renderDashboard(CLASS(), { reportHref: href }));
});

test('a common failure whose attendees need different fixes lists each fix with the attendees it is for', () => {
  const withHint = (id: string, hint: string) => {
    const report = failedReport();
    report.attendee.id = id;
    report.checks = report.checks.map((c) => (c.id === 'simulate-error-value-fails' ? { ...c, hint } : c));
    return report;
  };
  const reports = [withHint('141', 'Fix A'), withHint('150', 'Fix B'), withHint('160', 'Fix B')];
  const failures = shown(renderDashboard(reports, { reportHref: href })).split('id="fg-failures-title"')[1];
  expect(failures).toContain(
    '3 attendees — <a href="141.html">141</a>, <a href="150.html">150</a>, <a href="160.html">160</a><p class="fg-hint">How to fix:</p><ul class="fg-hint"><li>Fix B — <a href="150.html">150</a>, <a href="160.html">160</a></li><li>Fix A — <a href="141.html">141</a></li></ul>',
  );
  const md = renderMarkdown(reports).split('\n').find((l) => l.includes('(simulate\\-error\\-value\\-fails)'));
  expect(md).toContain('| Fix B (150, 160); Fix A (141) |');
});

test('two students with the same attendee id (two folders) are told apart in the most common failures by their file', () => {
  const other = failedReport();
  other.input = { ...other.input, file: 'section-b/Main_Flow_141.json' };
  const html = shown(renderDashboard([failedReport(), other], { reportHref: (r) => (r === other ? '141-2.html' : '141.html') }));
  const failures = html.split('id="fg-failures-title"')[1];
  expect(failures).toContain(
    '2 attendees — <a href="141.html">141</a> <span class="fg-file">(submissions/Main_Flow_141.json)</span>, <a href="141-2.html">141</a> <span class="fg-file">(section-b/Main_Flow_141.json)</span><p',
  );
  // An id of its own in the class is named alone.
  expect(shown(renderDashboard([failedReport()], { reportHref: href }))).toContain('1 attendee — <a href="141.html">141</a><p');
});

test('the filter\'s idea of what a row shows agrees with escapeHtml: the characters it leaves out, and those it writes as a visible \\u202e', () => {
  const pattern = (name: string) => {
    const match = new RegExp(`var ${name} = /(\\[[^\\]]+\\])/g;`).exec(DASHBOARD_SCRIPT);
    expect(match, name).not.toBeNull();
    return new RegExp(`^${match![1]}$`);
  };
  const controls = pattern('CONTROLS');
  const bidi = pattern('BIDI');
  const differ: string[] = []; // (one expect at the end: 130,000 of them take the runner minutes)
  for (let code = 0; code <= 0xffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const c = String.fromCharCode(code);
    const escaped = escapeHtml(c);
    if (controls.test(c) !== (escaped === '') || bidi.test(c) !== (escaped === `\\u${code.toString(16).padStart(4, '0')}`)) differ.push(`U+${code.toString(16)}`);
  }
  expect(differ).toEqual([]);
});
