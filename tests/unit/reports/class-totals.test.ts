/**
 * The class's totals as the dashboard and summary.md give them (reports/class-totals.ts): the
 * average is rounded to one decimal before it is written, and a class with no score has none.
 */
import { test, expect } from '@playwright/test';
import type { GradeReport } from '../../../engine/report.js';
import { renderDashboard, renderMarkdown } from '../../../reports/index.js';
import { shown } from './shown.js';
import { passedReport, ungradableReport } from './sample-reports.js';

const scored = (earned: number, possible: number): GradeReport => ({ ...passedReport(), score: { earned, possible } });
const averageShown = (reports: GradeReport[]) => ({
  md: /Average score ([^%]*)%/.exec(renderMarkdown(reports))?.[1],
  html: /<li><strong>([^<]*)<\/strong>average score<\/li>/.exec(shown(renderDashboard(reports, { reportHref: (r) => `${r.attendee.id}.html` })))?.[1],
});

test('the average score is rounded to one decimal: 100% and 99.9% average 100%, not 100.0%', () => {
  expect(averageShown([scored(10, 10), scored(999, 1000)])).toEqual({ md: '100', html: '100%' });
  expect(averageShown([scored(10, 10), scored(6, 19)])).toEqual({ md: '65.8', html: '65.8%' });
});

test('a class with no score (every file ungradable) has no average: none in summary.md, a dash on the dashboard, not 0%', () => {
  expect(averageShown([ungradableReport(), ungradableReport()])).toEqual({ md: undefined, html: '—' });
});
