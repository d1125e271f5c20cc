/**
 * A response body shown as text, as Flow Designer's Debug tool shows it, in every format
 * (docs/reports.md, Values and response bodies): MockAPI's 404 for an unknown dn, the JSON text
 * `"Not found"`, read `""Not found""` in the trace tables, its own quotes inside the ones the
 * tables put round a String's value.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { findMission } from '../../../checks/index.js';
import { gradeFlow } from '../../../engine/grade.js';
import type { GradeReport } from '../../../engine/report.js';
import type { TraceEntry } from '../../../engine/trace.js';
import { NO_COLOR, renderConsole } from '../../../reports/console.js';
import { renderHtmlReport, renderJunit, renderMarkdown } from '../../../reports/index.js';
import { renderTraceTable, traceDetails, valueText } from '../../../reports/trace-table.js';
import { fixturePath } from '../../helpers.js';

const mission = findMission('callback-on-global-error')!;
const grade = (name: string) => gradeFlow(readFileSync(fixturePath(`flows/${name}`), 'utf8'), { mission, fileName: name, now: () => new Date(0), tool: { name: 'flowgrade', version: 'test' } });

/** The happy-path call's trace (the call that presses 3 and runs GET_CBID). */
function happyTrace(report: GradeReport): TraceEntry[] {
  const trace = report.scenarios.find((s) => s.trace.some((e) => e.activity === 'SetGetResult'))?.trace;
  expect(trace).toBeDefined();
  return trace!;
}
const entry = (trace: TraceEntry[], activity: string) => trace.find((e) => e.activity === activity)!;

test('the rule: a String in quotes as it is; JSON text (a body: an object, an array, a string) as that text; any other value as JSON', () => {
  expect(valueText('')).toBe('""');
  expect(valueText('+14085267209')).toBe('"+14085267209"');
  expect(valueText('Not found')).toBe('"Not found"');
  expect(valueText('"Not found"')).toBe('"Not found"'); // MockAPI's 404 body: not ""Not found""
  expect(valueText('[{"id":140,"dn":"4694096861"}]')).toBe('[{"id":140,"dn":"4694096861"}]');
  expect(valueText('{"error":{"message":"bad"}}')).toBe('{"error":{"message":"bad"}}');
  expect(valueText('[]')).toBe('[]'); // an empty list of records, as a --dynvars dataset without records answers
  expect(valueText('{}')).toBe('{}');
  expect(valueText({ 'content-type': 'application/json' })).toBe('{"content-type":"application/json"}');
  expect(valueText(404)).toBe('404');
  // Text that only looks like JSON at its ends, or JSON of a number, stays a String in quotes (so "404" is not 404).
  expect(valueText('"a" and "b"')).toBe('""a" and "b""');
  expect(valueText('[not json]')).toBe('"[not json]"');
  expect(valueText('"')).toBe('"""');
  expect(valueText('""')).toBe('""""'); // the JSON of an empty string: as itself it would read as an empty String
  expect(valueText('404')).toBe('"404"');
  expect(valueText(' {"a":1}')).toBe('" {"a":1}"'); // a space before it: shown, so in quotes
  expect(valueText('{"a":1} ')).toBe('"{"a":1} "'); // after it too, though JSON.parse takes it (its last character is not the bracket)
  expect(valueText('"Not found"\n')).toBe('""Not found"\n"');
});

test('console: the trace table shows the 404 body "Not found" once quoted, in GET_CBID.httpResponseBody and in getresult', async () => {
  const trace = happyTrace(await grade('defect-getcbid-path-typo.json'));
  expect(traceDetails(entry(trace, 'GET_CBID'))).toContain('GET_CBID.httpResponseBody = "Not found"');
  expect(traceDetails(entry(trace, 'GET_CBID'))).toContain('outdialcbid = ""; customani = ""');
  const table = renderTraceTable(trace);
  expect(table).toMatch(/SetGetResult +Set Variable +out +getresult = "Not found"\n/);
  expect(table).not.toContain('""Not found""');
});

test('console: a JSON record body as its text, in getresult too; the Strings parsed from it in quotes', async () => {
  const trace = happyTrace(await grade('solution.json'));
  expect(traceDetails(entry(trace, 'SetGetResult'))).toMatch(/^getresult = \[\{"id":140,"dn":"4694096861",/);
  expect(traceDetails(entry(trace, 'GET_CBID'))).toContain('outdialcbid = "0011ed11-ca98-4c67-8621-9c54be08e692"; customani = "+14085267209"');
});

test('HTML: the trace table and the response body show "Not found" once quoted', async () => {
  const report = await grade('defect-getcbid-path-typo.json');
  const html = renderHtmlReport(report);
  expect(html).not.toContain('&quot;&quot;Not found&quot;&quot;');
  expect(html).toContain('<li><code>GET_CBID.httpResponseBody</code> = <code>&quot;Not found&quot;</code></li>');
  expect(html).toContain('<li><code>getresult</code> = <code>&quot;Not found&quot;</code></li>');
  expect(html).toContain('<div>response body: <code>&quot;Not found&quot;</code></div>');
  expect(html).toContain('<li><code>outdialcbid</code> = <code>&quot;&quot;</code></li>'); // a String: in quotes, so an empty one shows
  const solution = renderHtmlReport(await grade('solution.json'));
  expect(solution).toMatch(/<li><code>getresult<\/code> = <details><summary><code>\[\{&quot;id&quot;:140,/);
});

test('JUnit and Markdown: the check says the body as text (JUnit), and neither quotes it twice', async () => {
  const report = await grade('defect-getcbid-path-typo.json');
  const junit = renderJunit([report]);
  expect(junit).toContain('actual: HTTP 404: &quot;Not found&quot;\n');
  expect(junit).not.toContain('&quot;&quot;Not found');
  const markdown = renderMarkdown([report]);
  expect(markdown).not.toMatch(/""Not found|&quot;&quot;Not found/);
  // The console report's check says it as JUnit does.
  expect(renderConsole(report, { color: NO_COLOR })).toContain('actual:   HTTP 404: "Not found"\n');
});
