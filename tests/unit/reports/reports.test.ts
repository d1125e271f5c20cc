import { test, expect } from '@playwright/test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import reportSchema from '../../../schemas/report.schema.json' with { type: 'json' };
import type { GradeReport } from '../../../engine/report.js';
import { renderConsole, renderCsv, renderDashboard, renderHtmlReport, renderJson, renderJunit, renderMarkdown, renderFlowSvg } from '../../../reports/index.js';
import { grade, hostileReport, HOSTILE } from './sample-reports.js';

const plain = { green: (s: string) => s, red: (s: string) => s, yellow: (s: string) => s, dim: (s: string) => s, bold: (s: string) => s };
let passed: GradeReport, failed: GradeReport, ungradable: GradeReport, hostile: GradeReport;

test.beforeAll(async () => {
  [passed, failed, ungradable, hostile] = await Promise.all([
    grade('flows/solution.json'),
    grade('flows/defect-condition-tests-200.json'),
    grade('unreadable/json-array.json'),
    hostileReport(),
  ]);
});

test('every report validates against the published JSON Schema', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(reportSchema);
  for (const report of [passed, failed, ungradable, hostile]) {
    expect(validate(JSON.parse(renderJson(report))), JSON.stringify(validate.errors)).toBe(true);
  }
  // The schema is not a rubber stamp: a wrong verdict or a missing error is refused.
  expect(validate({ ...passed, verdict: 'ok' })).toBe(false);
  expect(validate({ ...ungradable, error: undefined })).toBe(false);
});

test.describe('console', () => {
  test('groups by Build step, shows hints only for failures, ends with the summary', () => {
    const text = renderConsole(failed, { color: plain });
    expect(text).toContain('Step 9 — Condition HTTPStatusCode');
    expect(text).toMatch(/✗ HTTPStatusCode tests/);
    expect(text).toMatch(/hint: /);
    expect(text.trimEnd().split('\n').pop()).toMatch(/^FAILED \d+\/\d+ — \d+ required checks? failed/);
    const ok = renderConsole(passed, { color: plain });
    expect(ok).not.toMatch(/hint:/);
    expect(ok.trimEnd().split('\n').pop()).toMatch(/^PASSED (\d+)\/\1$/);
    expect(ok).toContain('Not checkable from an export');
  });

  test('quiet shows only failures and the summary; no ANSI codes without colour', () => {
    const quiet = renderConsole(failed, { color: plain, quiet: true });
    expect(quiet).not.toContain('✓');
    expect(quiet).toContain('✗');
    expect(quiet).not.toMatch(/\u001b\[/);
  });

  test('ungradable is one line with the code', () => {
    expect(renderConsole(ungradable, { color: plain })).toMatch(/^unreadable\/json-array\.json: UNGRADABLE — .*\[not-a-flow\]\n$/);
  });
});

test.describe('HTML report', () => {
  test('verdict, failing step with hint, trace and a drawing with the executed path and the failing node', () => {
    const html = renderHtmlReport(failed);
    expect(html).toContain('data-verdict="failed"');
    expect(html).toMatch(/id="step-9"[\s\S]*How to fix:/);
    expect(html).toContain('<table class="trace">');
    expect(html).toMatch(/<svg[^>]*class="flow"/);
    expect(html).toMatch(/class="node executed"/);
    expect(html).toMatch(/class="node( executed)? failing"/);
    expect(html).toMatch(/class="edge executed"/);
  });

  test('self-contained: no external URLs or assets', () => {
    const html = renderHtmlReport(passed);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/@import|url\(http/);
    expect(html).toMatch(/@media print/);
  });

  test('an ungradable report shows the reason', () => {
    expect(renderHtmlReport(ungradable)).toMatch(/could not be graded[\s\S]*not-a-flow/);
  });
});

test.describe('SVG drawing', () => {
  test('uses canvas positions when every node has one, a computed layout otherwise', () => {
    const graph = { nodes: [{ id: 'a', label: 'A', type: 'NewPhoneContact', position: { x: 500, y: 300 } }, { id: 'b', label: 'B', type: 'end', position: { x: 900, y: 300 } }], edges: [{ from: 'a', to: 'b', exit: 'out' }] };
    const svg = renderFlowSvg(graph, { executed: new Set(['a']), failing: new Set(['b']), title: 't' });
    expect(svg).toContain('x="500" y="300"');
    const stripped = { ...graph, nodes: graph.nodes.map(({ position: _, ...n }) => n) };
    const computed = renderFlowSvg(stripped, { executed: new Set(), failing: new Set(), title: 't' });
    expect(computed).toContain('x="0" y="0"');
    expect(computed).toContain('x="230" y="0"');
  });
});

test.describe('JUnit', () => {
  test('a testsuite per attendee, a testcase per check, failures/errors/skipped counted', () => {
    const xml = renderJunit([passed, failed, ungradable]);
    expect(xml.match(/<testsuite /g)).toHaveLength(3);
    const failures = failed.checks.filter((c) => c.status === 'failed').length;
    expect(xml).toContain(`failures="${failures}"`);
    expect(xml).toMatch(/<failure message=/);
    expect(xml).toMatch(/<skipped message="Not checkable/);
    expect(xml).toMatch(/<error type="not-a-flow"/);
    const total = passed.checks.length + failed.checks.length + 1;
    expect(xml).toMatch(new RegExp(`<testsuites name="flowgrade" tests="${total}"`));
  });
});

test.describe('CSV', () => {
  test('a row per submission, a column per check, quoted and formula-safe', () => {
    const csv = renderCsv([passed, failed, ungradable], { notes: { 'flows/solution.json': 'kept newest, "older" dropped' } });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0].split(',').slice(0, 7)).toEqual(['attendee', 'file', 'verdict', 'earned', 'possible', 'percent', 'notes']);
    expect(lines[0].split(',')).toHaveLength(7 + passed.checks.length);
    expect(lines[1]).toContain('"kept newest, ""older"" dropped"');
    const injected = renderCsv([{ ...failed, attendee: { id: '=HYPERLINK("http://x")', source: 'option' } }]);
    expect(injected).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});

test.describe('Markdown', () => {
  test('totals, a row per attendee, common failures', () => {
    const md = renderMarkdown([passed, failed, ungradable]);
    expect(md).toContain('**3** submissions: **1** passed, **1** failed, **1** ungradable.');
    expect(md).toContain('## Most common failures');
  });
});

test.describe('dashboard', () => {
  test('links every report, heat-map cells, sorting and filtering controls', () => {
    const html = renderDashboard([passed, failed, ungradable], { reportHref: (r) => `${r.attendee.id}.html`, duplicates: [{ attendee: '140', kept: 'a.json', dropped: ['b.json'] }] });
    expect(html.match(/<a href="140\.html">/g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain('<td class="cell passed"');
    expect(html).toContain('<td class="cell partial"');
    expect(html).toContain('<label for="filter">');
    expect(html).toContain('<button type="button" data-col="1">Verdict</button>');
    expect(html).toContain('Duplicate submissions');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });
});

test.describe('everything from an export is escaped', () => {
  test('HTML report, dashboard and SVG', () => {
    for (const html of [renderHtmlReport(hostile), renderDashboard([hostile], { reportHref: () => 'x.html' })]) {
      expect(html).not.toContain('<img src=x');
      expect(html).not.toContain('<script>alert(2)');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html.match(/<\/script>/g)?.length ?? 0).toBeLessThanOrEqual(1); // only the dashboard's own script end
    }
  });

  test('JUnit stays well-formed XML', () => {
    const xml = renderJunit([hostile]);
    expect(xml).not.toContain('<img');
    expect(xml).not.toContain(']]>');
    // Every < starts a tag we wrote.
    for (const tag of xml.match(/<[^>]*>/g) ?? []) expect(tag).toMatch(/^<(\?xml|\/?(testsuites|testsuite|testcase|properties|property|failure|error|skipped))[\s>/]/);
  });

  test('Markdown', () => {
    const md = renderMarkdown([hostile]);
    expect(md).not.toContain('<img');
    expect(md).not.toMatch(/(?<!\\)\|`/);
    expect(md).toContain('&lt;img src=x onerror=alert\\(1\\)\\>');
  });
});

test('rendering is deterministic', async () => {
  const again = await grade('flows/defect-condition-tests-200.json');
  expect(renderJson(again)).toBe(renderJson(failed));
  expect(renderHtmlReport(again)).toBe(renderHtmlReport(failed));
  expect(renderJunit([again])).toBe(renderJunit([failed]));
});
