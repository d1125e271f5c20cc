/** The JSON report: round trip, documented key order, the published schema. */
import { test, expect } from '@playwright/test';
import Ajv from 'ajv';
import reportSchema from '../../../schemas/report.schema.json' with { type: 'json' };
import type { GradeReport } from '../../../engine/report.js';
import { renderJson } from '../../../reports/json.js';
import { failedReport, hostileReport, passedReport, ungradableReport } from './sample-reports.js';

const ALL = () => [passedReport(), failedReport(), ungradableReport(), hostileReport()];

test('round-trips: parsing the output gives the report back', () => {
  for (const report of ALL()) expect(JSON.parse(renderJson(report))).toEqual(report);
});

test('2-space indent and a trailing newline', () => {
  const text = renderJson(passedReport());
  expect(text.startsWith('{\n  "schemaVersion": 1,\n  "tool": {\n    "name": "flowgrade"')).toBe(true);
  expect(text.endsWith('}\n')).toBe(true);
});

test('keys come in the order of the types, whatever order the report was built in', () => {
  const report = failedReport();
  // The same report with the keys of every object reversed (not inside the data maps, whose order is data).
  const DATA = new Set(['modifiedVariables', 'requestHeaders']);
  const reversed = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(reversed)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, DATA.has(k) ? v : reversed(v)]))
        : value;
  const text = renderJson(reversed(report) as GradeReport);
  expect(text).toBe(renderJson(report));
  const parsed = JSON.parse(text);
  expect(Object.keys(parsed)).toEqual(['schemaVersion', 'tool', 'lab', 'attendee', 'input', 'verdict', 'score', 'checks', 'scenarios', 'flow', 'generatedAt']);
  expect(Object.keys(parsed.input)).toEqual(['file', 'flowName', 'sha256', 'lastModified']);
  const failing = parsed.checks.find((c: { id: string }) => c.id === 'simulate-error-value-fails');
  expect(Object.keys(failing)).toEqual(['id', 'title', 'step', 'severity', 'status', 'points', 'earned', 'message', 'hint', 'expected', 'actual', 'activity', 'pointer', 'traceExcerpt']);
  expect(Object.keys(parsed.scenarios[0].trace[2])).toEqual(['flow', 'activity', 'activityId', 'type', 'outcome', 'modifiedVariables', 'http']);
  expect(Object.keys(parsed.scenarios[0].trace[2].http)).toEqual(['method', 'url', 'requestHeaders', 'status', 'responseBody']);
  expect(Object.keys(parsed.flow.main.nodes[0])).toEqual(['id', 'label', 'type', 'position']);
  expect(Object.keys(JSON.parse(renderJson(ungradableReport())))).toEqual(['schemaVersion', 'tool', 'lab', 'attendee', 'input', 'verdict', 'checks', 'scenarios', 'error', 'generatedAt']);
});

test('a failed setting comes right after the error it names the setting of', () => {
  const report = failedReport();
  const trace = report.scenarios[0].trace;
  trace[4] = { modifiedVariables: {}, failedSetting: 'Request Body', error: 'expression error in the request body', outcome: 'error', type: 'http-request-v2', activityId: 'x', activity: 'Req', flow: 'main' };
  const parsed = JSON.parse(renderJson(report));
  expect(Object.keys(parsed.scenarios[0].trace[4])).toEqual(['flow', 'activity', 'activityId', 'type', 'outcome', 'error', 'failedSetting', 'modifiedVariables']);
});

test('a failed variable comes right after the failed setting, its name before its problem', () => {
  const report = failedReport();
  const trace = report.scenarios[0].trace;
  trace[4] = { modifiedVariables: {}, failedVariable: { problem: 'type', name: 'count' }, failedSetting: 'Parsing Settings', error: "cannot store \"ep\" in Integer variable 'count'", outcome: 'error', type: 'http-request-v2', activityId: 'x', activity: 'Req', flow: 'main' };
  const parsed = JSON.parse(renderJson(report));
  expect(Object.keys(parsed.scenarios[0].trace[4])).toEqual(['flow', 'activity', 'activityId', 'type', 'outcome', 'error', 'failedSetting', 'failedVariable', 'modifiedVariables']);
  expect(Object.keys(parsed.scenarios[0].trace[4].failedVariable)).toEqual(['name', 'problem']);
});

test('modified variables keep their own order (the order the simulator changed them)', () => {
  const parsed = JSON.parse(renderJson(passedReport()));
  expect(Object.keys(parsed.scenarios[0].trace[2].modifiedVariables)).toEqual(['GET_CBID.httpStatusCode', 'outdialcbid', 'customani']);
});

test('every sample validates against schemas/report.schema.json', () => {
  const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(reportSchema);
  for (const report of ALL()) expect(validate(JSON.parse(renderJson(report))), JSON.stringify(validate.errors)).toBe(true);
  expect(validate({ ...passedReport(), verdict: 'ok' })).toBe(false); // the schema is not a rubber stamp
});
