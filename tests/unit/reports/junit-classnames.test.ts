/**
 * junit.xml's classnames for two students of one id (reports/junit.ts, b2257a3): the file that
 * tells them apart is export text, escaped like any; and a number given to a classname still
 * taken never takes another attendee's own, even one named later. Found by a mutation sweep.
 */
import { test, expect } from '@playwright/test';
import type { GradeReport } from '../../../engine/report.js';
import { renderJunit } from '../../../reports/junit.js';
import { findAll, parseXml } from './xml-check.js';
import { passedReport } from './sample-reports.js';

const withId = (id: string, file: string): GradeReport => ({ ...passedReport(), attendee: { id, source: 'flow-name' }, input: { ...passedReport().input, file } });
const classnames = (reports: GradeReport[]) => findAll(parseXml(renderJunit(reports)), 'testsuite').map((s) => [...new Set(findAll(s, 'testcase').map((c) => c.attributes.classname))].join(' | '));

test('the files telling two students of one id apart are escaped in their classnames: & < " in a folder name', () => {
  expect(classnames([withId('141', 'R&D "a"/Main_Flow_141.json'), withId('141', '<b>/Main_Flow_141.json')])).toEqual([
    'flowgrade.141 (R&D "a"/Main_Flow_141\u2024json)',
    'flowgrade.141 (<b>/Main_Flow_141\u2024json)',
  ]);
});

test('one file given twice is numbered past the classname another attendee has as its own, even one written after it', () => {
  expect(classnames([withId('140', 'x.json'), withId('140', 'x.json'), withId('140 (x.json) (2)', 'y.json')])).toEqual([
    'flowgrade.140 (x\u2024json)',
    'flowgrade.140 (x\u2024json) (3)',
    'flowgrade.140 (x\u2024json) (2)',
  ]);
});
