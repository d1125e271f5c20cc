/**
 * The class's totals as the dashboard and summary.md give them (reports/class-totals.ts): the
 * average is rounded to one decimal before it is written, and a class with no score has none.
 */
import { test, expect } from '@playwright/test';
import type { GradeReport } from '../../../engine/report.js';
import { renderDashboard, renderMarkdown, type DuplicateSubmissions } from '../../../reports/index.js';
import { shown } from './shown.js';
import { passedReport, ungradableReport } from './sample-reports.js';

const scored = (earned: number, possible: number): GradeReport => ({ ...passedReport(), score: { earned, possible } });
const averageShown = (reports: GradeReport[]) => ({
  md: /Average score ([^%]*)%/.exec(renderMarkdown(reports))?.[1],
  html: /<li><strong>([^<]*)<\/strong>average score(?:, ungradable ones left out)?<\/li>/.exec(shown(renderDashboard(reports, { reportHref: (r) => `${r.attendee.id}.html` })))?.[1],
});

test('the average score is rounded to one decimal: 100% and 99.9% average 100%, not 100.0%', () => {
  expect(averageShown([scored(10, 10), scored(999, 1000)])).toEqual({ md: '100', html: '100%' });
  expect(averageShown([scored(10, 10), scored(6, 19)])).toEqual({ md: '65.8', html: '65.8%' });
});

test('a class with no score (every file ungradable) has no average: none in summary.md, a dash on the dashboard, not 0%', () => {
  expect(averageShown([ungradableReport(), ungradableReport()])).toEqual({ md: undefined, html: '—' });
});

test('the average leaves the ungradable files out, and says so where there are some; files set aside as duplicates are counted beside the submissions', () => {
  const dashboard = (reports: GradeReport[], duplicates: DuplicateSubmissions[] = []) => shown(renderDashboard(reports, { reportHref: (r) => `${r.attendee.id}.html`, duplicates }));
  expect(renderMarkdown([scored(10, 10), ungradableReport()])).toContain('**2 submissions**: 1 passed, 0 failed, 1 ungradable. Average score 100% (ungradable ones left out).');
  expect(dashboard([scored(10, 10), ungradableReport()])).toContain('<li><strong>100%</strong>average score, ungradable ones left out</li>');
  expect(renderMarkdown([scored(10, 10)])).toContain('**1 submission**: 1 passed, 0 failed, 0 ungradable. Average score 100%.');
  expect(dashboard([scored(10, 10)])).toContain('<li><strong>100%</strong>average score</li>');
  const duplicates: DuplicateSubmissions[] = [{ attendee: '140', kept: 'b/Main_Flow_140 (1).json', dropped: ['b/Main_Flow_140.json'] }, { attendee: '141', files: ['a.json', 'b.json', 'c.json'] }];
  expect(renderMarkdown([scored(10, 10)], { duplicates })).toContain('**1 submission**: 1 passed, 0 failed, 0 ungradable. 3 more set aside as duplicates. Average score 100%.');
  expect(dashboard([scored(10, 10)], duplicates)).toContain('1 submission in submissions/ (3 more set aside as duplicates) · graded');
  expect(renderMarkdown([scored(10, 10)], { duplicates: duplicates.slice(0, 1) })).toContain('. 1 more set aside as a duplicate. ');
  expect(dashboard([scored(10, 10)])).not.toContain('set aside');
});
