/**
 * The class dashboard's rules that dashboard.test.ts did not hold (mutation sweep of the HTML
 * side): rows rendered for other step columns, the most common failures' order and names.
 */
import { test, expect } from '@playwright/test';
import type { CheckResult, GradeReport } from '../../../engine/report.js';
import { renderDashboard, renderDashboardRow } from '../../../reports/dashboard.js';
import { failedReport, sampleClass } from './sample-reports.js';
import { shown } from './shown.js';

const href = (report: GradeReport) => `${report.attendee.id}.html`;
const failuresOf = (html: string) => shown(html).split('id="fg-failures-title"')[1] ?? '';

/** A report of attendee `id` whose checks are `checks` (each failed unless said otherwise). */
function reportWith(id: string, ...checks: Partial<CheckResult>[]): GradeReport {
  const report = failedReport();
  const base = report.checks.find((c) => c.id === 'simulate-error-value-fails')!;
  return { ...report, attendee: { ...report.attendee, id }, checks: checks.map((c) => ({ ...base, traceExcerpt: undefined, ...c })) };
}

test('rows rendered for other step columns are rendered again, even when their steps run together alike (1,2 is not 12)', () => {
  const report = reportWith('141', { id: 'late', step: 12 });
  const rows = [renderDashboardRow(report, [1, 2])];
  expect(renderDashboard([report], { reportHref: href, rows })).toBe(renderDashboard([report], { reportHref: href }));
});

test('a common failure names 25 attendees in full; the 26th puts all but the first 20 behind "and 6 more", every one still named and linked', () => {
  const failing = (count: number) => sampleClass(count, [failedReport], 500);
  const list = (count: number) => failuresOf(renderDashboard(failing(count), { reportHref: href })).split('\n')[2];
  const links = (text: string) => [...text.matchAll(/<a href="(\d+)\.html">\1<\/a>/g)].map((m) => Number(m[1]));
  const all = (count: number) => Array.from({ length: count }, (_, i) => 500 + i);
  const named25 = list(25).slice(0, list(25).indexOf('<p class="fg-hint">'));
  expect(named25).not.toContain('more</summary>');
  expect(links(named25)).toEqual(all(25));
  const named26 = list(26).slice(0, list(26).indexOf('<p class="fg-hint">'));
  const [first, rest] = named26.split('<details class="fg-more"><summary>and 6 more</summary>');
  expect(links(first)).toEqual(all(20));
  expect(links(rest)).toEqual(all(26).slice(20));
});

test('an attendee whose report lists a failing check twice is named once under its fix too', () => {
  const twice = reportWith('141', { hint: 'Fix A' }, { hint: 'Fix A' });
  const other = reportWith('150', { hint: 'Fix B' });
  expect(failuresOf(renderDashboard([twice, other], { reportHref: href }))).toContain('<li>Fix A — <a href="141.html">141</a></li><li>Fix B — <a href="150.html">150</a></li>');
});

test("the most common failures: the most attendees first, then by Build step, then in the reports' order of checks; an errored check is one of them", () => {
  const reports = [
    reportWith('1', { id: 'z-late', step: 9 }, { id: 'b-step-6', step: 6 }, { id: 'a-step-6', step: 6, status: 'errored' }, { id: 'common', step: 11 }),
    reportWith('2', { id: 'common', step: 11 }),
  ];
  const order = [...failuresOf(renderDashboard(reports, { reportHref: href })).matchAll(/\(step \d+, <code>([^<]+)<\/code>\)/g)].map((m) => m[1]);
  expect(order).toEqual(['common', 'b-step-6', 'a-step-6', 'z-late']);
});
