/**
 * JUnit XML: a <testsuite> per attendee, a <testcase> per check. Failed → <failure>, crashed →
 * <error>, not checkable or skipped → <skipped/>; an ungradable submission is one <error> case.
 */
import type { CheckResult, GradeReport } from '../engine/report.js';
import { escapeXml as x } from './escape.js';

export function renderJunit(reports: GradeReport[]): string {
  const suites = reports.map(suite);
  const count = (key: 'tests' | 'failures' | 'errors' | 'skipped') => suites.reduce((n, s) => n + s.counts[key], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="flowgrade" tests="${count('tests')}" failures="${count('failures')}" errors="${count('errors')}" skipped="${count('skipped')}">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

function suite(report: GradeReport) {
  const name = `${report.attendee.id} (${report.input.file})`;
  const classname = `flowgrade.${report.attendee.id}`;
  const cases =
    report.verdict === 'ungradable'
      ? [`    <testcase classname="${x(classname)}" name="load ${x(report.input.file)}">\n      <error type="${x(report.error?.code)}" message="${x(report.error?.message)}"/>\n    </testcase>`]
      : report.checks.map((check) => testcase(classname, check));
  const counts = {
    tests: cases.length,
    failures: report.checks.filter((c) => c.status === 'failed').length,
    errors: report.verdict === 'ungradable' ? 1 : report.checks.filter((c) => c.status === 'errored').length,
    skipped: report.checks.filter((c) => c.status === 'info' || c.status === 'skipped').length,
  };
  const properties = [
    ['verdict', report.verdict],
    ['score', report.score ? `${report.score.earned}/${report.score.possible}` : ''],
    ['lab', report.lab.id],
    ['sha256', report.input.sha256],
  ];
  const xml = [
    `  <testsuite name="${x(name)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" timestamp="${x(report.generatedAt)}">`,
    '    <properties>',
    ...properties.map(([n, v]) => `      <property name="${n}" value="${x(v)}"/>`),
    '    </properties>',
    ...cases,
    '  </testsuite>',
  ].join('\n');
  return { xml, counts };
}

function testcase(classname: string, check: CheckResult): string {
  const open = `    <testcase classname="${x(classname)}" name="${check.step}. ${x(check.id)}">`;
  const body = [check.message, check.expected !== undefined ? `expected: ${check.expected}` : '', check.actual !== undefined ? `actual: ${check.actual}` : '', check.activity ? `activity: ${check.activity} (${check.pointer ?? ''})` : '', `hint: ${check.hint}`]
    .filter(Boolean)
    .join('\n');
  switch (check.status) {
    case 'passed':
      return `${open}</testcase>`;
    case 'failed':
      return `${open}\n      <failure message="${x(check.message)}" type="${check.severity}">${x(body)}</failure>\n    </testcase>`;
    case 'errored':
      return `${open}\n      <error message="${x(check.message)}">${x(body)}</error>\n    </testcase>`;
    default:
      return `${open}\n      <skipped message="${x(check.message)}"/>\n    </testcase>`;
  }
}
