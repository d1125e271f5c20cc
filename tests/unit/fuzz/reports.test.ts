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
import { fixtureText, HOSTILE_STRINGS, hostileString } from './mutations.js';
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
/** Hostile strings that would be markup if they came out unescaped. */
const MARKUP = HOSTILE_STRINGS.filter((s) => /<[a-z!/]|]]>/i.test(s));

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

const count = (text: string, pattern: RegExp) => (text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)) ?? []).length;

/** Start tags with their quoted attribute values blanked: what the browser sees as attributes. */
const tagsOf = (html: string) => [...html.matchAll(/<[A-Za-z][^>]*>/g)].map((m) => m[0].replace(/"[^"]*"|'[^']*'/g, '""'));

/** No markup from the input: no new elements, no event-handler attributes, no javascript: URLs. */
function checkHtml(name: string, html: string, baseline: string): void {
  for (const markup of MARKUP) check(!html.includes(markup), `${name}: ${JSON.stringify(markup)} came out unescaped`);
  for (const pattern of [/<script\b/i, /<iframe\b/i, /<img\b/i, /<svg\b/i, /<a\b/i, /<!--/, /<object\b/i, /<embed\b/i, /<base\b/i, /<meta\b/i, /<link\b/i, /<form\b/i]) {
    check(count(html, pattern) <= count(baseline, pattern), () => `${name}: ${pattern} occurs ${count(html, pattern)} times (baseline ${count(baseline, pattern)})`);
  }
  const handlers = tagsOf(html).filter((tag) => /\son[a-z]+\s*=/i.test(tag));
  check(handlers.length <= tagsOf(baseline).filter((tag) => /\son[a-z]+\s*=/i.test(tag)).length, () => `${name}: an event-handler attribute: ${handlers[0]}`);
  check(!/(href|src|action|xlink:href)\s*=\s*["']?\s*javascript:/i.test(html), `${name}: a javascript: URL`);
}

/** Tags balance and attribute values carry no raw `<`; only characters XML 1.0 allows. */
function checkXml(xml: string): void {
  check(!/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(xml), 'junit: a character XML 1.0 cannot carry');
  for (const markup of MARKUP) check(!xml.includes(markup), `junit: ${JSON.stringify(markup)} came out unescaped`);
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  for (const match of body.matchAll(/<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|>/g)) {
    if (match[0] === '<') throw new Error(`junit: a raw "<" at ${match.index}: ${JSON.stringify(body.slice(match.index, match.index + 60))}`);
    if (match[0] === '>') continue; // allowed in text
    const [, closing, tag, , selfClosing] = match;
    if (selfClosing) continue;
    if (closing) check(stack.pop() === tag, `junit: </${tag}> does not close the open element`);
    else stack.push(tag);
  }
  check(stack.length === 0, `junit: unclosed ${stack.join(', ')}`);
}

/** RFC 4180 rows; every row has the header's width; no cell is a formula. */
function checkCsv(csv: string, rows: number): void {
  const records: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && csv[i + 1] === '\n') row.push(cell), records.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  check(cell === '' && row.length === 0 && !quoted, 'csv: does not end with a complete row');
  check(records.length === rows + 1, `csv: ${records.length} records for ${rows} reports`);
  for (const record of records) check(record.length === records[0].length, `csv: a row of ${record.length} cells, header has ${records[0].length}`);
  for (const record of records.slice(1)) for (const value of record) check(!/^[=+\-@\t\r]/.test(value), () => `csv: formula cell ${JSON.stringify(value.slice(0, 40))}`);
}

/** Table rows keep their column count (no raw | or line break from the input) and no raw markup. */
function checkMarkdown(md: string): void {
  for (const markup of MARKUP) check(!md.includes(markup), `markdown: ${JSON.stringify(markup)} came out unescaped`);
  check(!/\r/.test(md), 'markdown: a carriage return (a line break in CommonMark) from the input');
  let columns = 0;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) {
      columns = 0;
      continue;
    }
    const cells = line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length;
    if (columns === 0) columns = cells;
    check(cells === columns, () => `markdown: a table row with ${cells - 2} cells instead of ${columns - 2}: ${line.slice(0, 120)}`);
  }
}

/** Nothing that drives a terminal: no ESC/C0/C1 control characters besides the newline. */
function checkConsole(text: string): void {
  const bad = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.exec(text);
  check(bad === null, () => `console: control character U+${bad![0].charCodeAt(0).toString(16).padStart(4, '0')} near ${JSON.stringify(text.slice(Math.max(0, bad!.index - 30), bad!.index + 10))}`);
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
