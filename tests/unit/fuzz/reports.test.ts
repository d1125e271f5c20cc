/**
 * Fuzzing the reporters with hostile strings in every string field of real grade reports (labels,
 * messages, prompts, URLs, attendee ids, file names, error messages…): every writer returns text,
 * nothing from the export becomes markup (HTML, SVG, XML), structure (CSV columns, Markdown table
 * rows), a spreadsheet formula, or a terminal escape sequence.
 */
import { test } from '@playwright/test';
import fc from 'fast-check';
import { findMission } from '../../../checks/index.js';
import { gradeFlow } from '../../../engine/grade.js';
import type { GradeReport } from '../../../engine/report.js';
import { renderConsole, renderCsv, renderDashboard, renderHtmlReport, renderJson, renderJunit, renderMarkdown, type ColorFns } from '../../../reports/index.js';
import { fixtureText, hostileString } from './mutations.js';
import { checkConsole, checkCsv, checkHtml, checkMarkdown, checkXml } from './report-checks.js';
import { check, fuzz, summarise } from './support.js';

test.afterAll(() => summarise('reports'));
test.describe.configure({ timeout: 900_000 });

const mission = findMission('callback-on-global-error')!;
const NO_COLOR: ColorFns = { green: (s) => s, red: (s) => s, yellow: (s) => s, dim: (s) => s, bold: (s) => s };
/**
 * Strings that are ours, not the export's, kept as they are: values reporters switch on, the
 * mission's own texts (check ids, titles, hints, scenario ids and titles), the lab, the tool and
 * the clock. Everything else — attendee id, file name, flow name, messages, expected/actual,
 * labels, types, exits, prompts, URLs, bodies, error messages — is poisoned.
 */
const OURS = new Set(['verdict', 'status', 'severity', 'schemaVersion', 'generatedAt', 'sha256', 'lab', 'tool', 'checks[].id', 'checks[].title', 'checks[].hint', 'scenarios[].id', 'scenarios[].title', 'error.code']);

let baselines: GradeReport[] = [];
test.beforeAll(async () => {
  const files = ['flows/solution.json', 'flows/defect-condition-tests-200.json', 'flows/before-mission.json', 'unreadable/truncated-solution.json'];
  baselines = await Promise.all(files.map((file) => gradeFlow(fixtureText(file), { mission, fileName: file, now: () => new Date(0), tool: { name: 'flowgrade', version: 'test' } })));
});

/** The report with its string leaves replaced, in order, by the given strings (cycling). */
function poison(report: GradeReport, strings: string[], every: number): GradeReport {
  let i = 0;
  const walk = (value: unknown, at: string, key: string): unknown => {
    if (OURS.has(key) || OURS.has(at)) return value;
    if (typeof value === 'string') {
      i += 1;
      return i % every === 0 ? value : strings[i % strings.length];
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, `${at}[]`, key));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        Object.defineProperty(out, k, { value: walk(v, at === '' ? k : `${at}.${k}`, k), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return value;
  };
  return walk(report, '', '') as GradeReport;
}

/** JSON with object keys sorted, for order-insensitive comparison. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

test('fuzz: hostile strings in every field of a report never escape their format', async () => {
  const strings = fc.array(hostileString, { minLength: 1, maxLength: 40 });
  const baseHtml = baselines.map((r) => renderHtmlReport(r));
  const hrefs = (r: GradeReport) => `report-${r.checks.length}.html`; // write-outputs makes names safe before they become links
  await fuzz(
    'reports/hostile-strings',
    fc.property(strings, fc.integer({ min: 2, max: 6 }), fc.subarray([0, 1, 2, 3], { minLength: 1 }), (list, every, picked) => {
      const reports = picked.map((i) => poison(baselines[i], list, every));
      reports.forEach((report, k) => {
        checkHtml('html', renderHtmlReport(report), baseHtml[picked[k]]);
        checkConsole(renderConsole(report, { color: NO_COLOR }));
        checkConsole(renderConsole(report, { color: NO_COLOR, quiet: true }));
        const json = renderJson(report);
        check(canonical(JSON.parse(json)) === canonical(report), 'json: does not round-trip (same data, any key order)');
      });
      const duplicates = [{ attendee: list[0], kept: list[list.length - 1], dropped: list.slice(0, 3) }];
      const baseDashboard = renderDashboard(picked.map((i) => baselines[i]), { reportHref: hrefs, duplicates: [{ attendee: 'a', kept: 'k', dropped: list.slice(0, 3).map(() => 'd') }] });
      checkHtml('dashboard', renderDashboard(reports, { reportHref: hrefs, duplicates }), baseDashboard);
      checkXml(renderJunit(reports));
      checkCsv(renderCsv(reports), reports.length);
      checkMarkdown(renderMarkdown(reports, { title: list[0] }));
    }),
    0.3,
  );
});
