/**
 * Two students sharing an attendee id (the same Main_Flow_<ID> in two folders) are told apart the
 * same way in every class file: the id and the file, less the folder every file is in.
 */
import { test, expect } from '@playwright/test';
import type { GradeReport } from '../../../engine/report.js';
import { renderClassRow, renderCsv, renderDashboard, renderJunit, renderJunitDocument, renderMarkdown } from '../../../reports/index.js';
import { findAll, parseXml } from './xml-check.js';
import { sharedFolder } from '../../../reports/shared-ids.js';
import { csvRecords } from './csv-records.js';
import { shown } from './shown.js';
import { failedReport, passedReport } from './sample-reports.js';

const inFolder = (report: GradeReport, file: string): GradeReport => ({ ...report, input: { ...report.input, file } });
const CLASS = () => [inFolder(failedReport(), '/home/me/class/group-a/Main_Flow_141.json'), inFolder(passedReport(), '/home/me/class/group-a/Main_Flow_140.json'), inFolder(failedReport(), '/home/me/class/group-b/Main_Flow_141.json')];
const LABELS = ['141 (group-a/Main_Flow_141.json)', '140', '141 (group-b/Main_Flow_141.json)'];

test('junit.xml: each suite of a shared id has the id and its file as classname (dots as in ids), not a number', () => {
  const reports = CLASS();
  const classnames = (xml: string) => findAll(parseXml(xml), 'testsuite').map((s) => findAll(s, 'testcase')[0].attributes.classname);
  const expected = LABELS.map((label) => `flowgrade.${label.replaceAll('.', '\u2024')}`);
  expect(classnames(renderJunit(reports))).toEqual(expected);
  // From rows rendered alone, as `grade` joins them.
  expect(classnames(renderJunitDocument(reports.map((r) => renderClassRow(r, { steps: [], checkIds: [] }).junit)))).toEqual(expected);
});

test('summary.md names them by id and file, as the dashboard does', () => {
  const md = renderMarkdown(CLASS());
  expect(md).toContain('| 141 (group\\-a/Main\\_Flow\\_141\\.json) | ❌ failed |');
  expect(md).toContain('| 141 (group\\-b/Main\\_Flow\\_141\\.json) | ❌ failed |');
  expect(md).toContain('| 2: 141 (group\\-a/Main\\_Flow\\_141\\.json), 141 (group\\-b/Main\\_Flow\\_141\\.json) |');
  const dashboard = shown(renderDashboard(CLASS(), { reportHref: () => '' })).replace(/<[^>]+>/g, '');
  expect(dashboard).toContain(`${LABELS[0]}, ${LABELS[2]}`);
});

test('grades.csv keeps the id (a gradebook joins on it) and the file tells them apart', () => {
  const { records } = csvRecords(renderCsv(CLASS()).replace(/^\uFEFF/, ''));
  expect(records.slice(1).map((r) => [r[0], r[1]])).toEqual(CLASS().map((r) => [r.attendee.id, r.input.file]));
});

test('the folder every file is in ends at a separator both paths have there, Windows\' backslash included', () => {
  expect(sharedFolder(['C:\\class\\group-a\\Main_Flow_141.json', 'C:\\class\\group-b\\Main_Flow_141.json'])).toBe('C:\\class\\');
  // The files agree on 'g/a', then one has a separator where the other has more of its folder's name.
  expect(sharedFolder(['g/a/Main_Flow_141.json', 'g/ab/Main_Flow_141.json'])).toBe('g/');
  expect(sharedFolder(['g/ab/Main_Flow_141.json', 'g/a/Main_Flow_141.json'])).toBe('g/');
  expect(sharedFolder(['a/Main_Flow_141.json', 'b/Main_Flow_141.json'])).toBe('');
});

test('files that share no folder, the first from / (one folder given whole, one from the current folder): none is left out of any', () => {
  expect(sharedFolder(['/srv/a/Main_Flow_141.json', 'b/Main_Flow_141.json'])).toBe('');
});

test('an id shared in two Unicode forms (José composed in one folder, decomposed from a Mac in another) is told apart by its file in every class file, as one id shared', () => {
  const composed = { ...inFolder(failedReport(), 'class/x1/Main_Flow_Jos\u00e9.json'), attendee: { id: 'Jos\u00e9', source: 'flow-name' as const } };
  const decomposed = { ...inFolder(failedReport(), 'class/x2/Main_Flow_Jose\u0301.json'), attendee: { id: 'Jose\u0301', source: 'flow-name' as const } };
  const reports = [composed, decomposed];
  const classnames = (xml: string) => findAll(parseXml(xml), 'testsuite').map((s) => findAll(s, 'testcase')[0].attributes.classname);
  const expected = ['flowgrade.Jos\u00e9 (x1/Main_Flow_Jos\u00e9\u2024json)', 'flowgrade.Jose\u0301 (x2/Main_Flow_Jose\u0301\u2024json)'];
  expect(classnames(renderJunit(reports))).toEqual(expected);
  expect(classnames(renderJunitDocument(reports.map((r) => renderClassRow(r, { steps: [], checkIds: [] }).junit)))).toEqual(expected);
  const md = renderMarkdown(reports);
  expect(md).toContain('| Jos\u00e9 (x1/Main\\_Flow\\_Jos\u00e9\\.json) | ❌ failed |');
  expect(md).toContain('| Jose\u0301 (x2/Main\\_Flow\\_Jose\u0301\\.json) | ❌ failed |');
  const dashboard = shown(renderDashboard(reports, { reportHref: () => '' })).replace(/<[^>]+>/g, '');
  expect(dashboard).toContain('Jos\u00e9 (x1/Main_Flow_Jos\u00e9.json), Jose\u0301 (x2/Main_Flow_Jose\u0301.json)');
});

test('ids that differ only by control characters, which the pages and summary.md remove (14\\u00001 reads 141), are told apart by their files there, as junit.xml tells them apart', () => {
  const withId = (report: GradeReport, id: string, file: string): GradeReport => ({ ...inFolder(report, file), attendee: { id, source: 'flow-name' } });
  const reports = [withId(failedReport(), '141', 'class/a/Main_Flow_141.json'), withId(failedReport(), '14\u00001', 'class/b/flow.json'), withId(failedReport(), '1\u009b41', 'class/c/flow.json')];
  const classnames = (xml: string) => findAll(parseXml(xml), 'testsuite').map((s) => findAll(s, 'testcase')[0].attributes.classname);
  expect(classnames(renderJunit(reports))).toEqual(['flowgrade.141 (a/Main_Flow_141\u2024json)', 'flowgrade.141 (b/flow\u2024json)', 'flowgrade.141 (c/flow\u2024json)']);
  const md = renderMarkdown(reports);
  expect(md).toContain('| 141 (a/Main\\_Flow\\_141\\.json) | ❌ failed |');
  expect(md).toContain('| 141 (b/flow\\.json) | ❌ failed |');
  expect(md).toContain('| 141 (c/flow\\.json) | ❌ failed |');
  const dashboard = shown(renderDashboard(reports, { reportHref: () => '' })).replace(/<[^>]+>/g, '');
  expect(dashboard).toContain('141 (a/Main_Flow_141.json), 141 (b/flow.json), 141 (c/flow.json)');
});
