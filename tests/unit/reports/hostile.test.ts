/**
 * A report whose labels, attendee id, file name, messages and trace values are attacks
 * (`<img onerror>`, `</script><script>`, `]]>`, quotes, pipes, backticks, control characters)
 * renders them inert in every format.
 */
import { test, expect } from '@playwright/test';
import type { GradeReport } from '../../../engine/report.js';
import { NO_COLOR, renderConsole } from '../../../reports/console.js';
import { renderCsv } from '../../../reports/csv.js';
import { renderDashboard } from '../../../reports/dashboard.js';
import { renderHtmlReport } from '../../../reports/html.js';
import { renderJson } from '../../../reports/json.js';
import { renderJunit } from '../../../reports/junit.js';
import { renderMarkdown } from '../../../reports/markdown.js';
import { findAll, parseXml } from './xml-check.js';
import { CONTROL, HOSTILE, hostileReport, hostileUngradable } from './sample-reports.js';

/** Every element the HTML writers produce; anything else would have come from the data. */
const OUR_ELEMENTS = new Set(
  'html head meta title style body main article header nav section figure figcaption div p span strong small code a ul ol li dl dt dd h1 h2 h3 table caption thead tbody tr th td details summary wbr label input select option button br script svg desc defs marker path g rect text circle'.split(' '),
);

function elements(html: string): Set<string> {
  return new Set([...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase()));
}

test('HTML report: only our own elements, no event handlers, the attack shown as text', () => {
  for (const report of [hostileReport(), hostileUngradable()]) {
    const html = renderHtmlReport(report);
    expect([...elements(html)].filter((name) => !OUR_ELEMENTS.has(name))).toEqual([]);
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script|<\/script/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i); // no event-handler attribute in any tag
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;]]&gt;&quot;&amp;&#39;|pipe|`tick`');
  }
});

test('HTML report: the drawings are well-formed SVG whatever the labels', () => {
  const html = renderHtmlReport(hostileReport());
  const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
  expect(svgs).toHaveLength(2);
  for (const svg of svgs) expect(findAll(parseXml(svg), 'rect').length).toBeGreaterThan(0);
});

test('dashboard: only our two scripts; the data block holds the attack as data', () => {
  const html = renderDashboard([hostileReport(), hostileUngradable()], { reportHref: (r) => `${encodeURIComponent(r.attendee.id.slice(0, 20))}.html`, duplicates: [{ attendee: HOSTILE, kept: HOSTILE, dropped: [HOSTILE] }], title: HOSTILE });
  expect([...elements(html)].filter((name) => !OUR_ELEMENTS.has(name))).toEqual([]);
  expect(html.match(/<script/g)).toHaveLength(2);
  expect(html.match(/<\/script>/g)).toHaveLength(2);
  expect(html).not.toContain('<img');
  expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i); // no event-handler attribute in any tag
  const block = /<script type="application\/json" id="fg-data">([\s\S]*?)<\/script>/.exec(html)![1];
  expect(block).not.toMatch(/[<>&]/);
  expect(JSON.parse(block).rows[1].attendee).toBe(HOSTILE);
  expect(html).toContain('<a href="%3Cimg%20src%3Dx');
});

test('JUnit: parses as XML and gives the attack back as text (characters XML cannot carry removed)', () => {
  const xml = renderJunit([hostileReport(), hostileUngradable()]);
  const root = parseXml(xml); // throws when not well-formed
  expect(xml).not.toContain('<img');
  expect(xml).not.toContain(']]>');
  const suites = findAll(root, 'testsuite');
  expect(suites[0].attributes.name).toContain(HOSTILE);
  expect(suites[0].attributes.name).not.toMatch(/[\u0000\u000c\u001b]/);
  expect(suites[1].attributes.name).toBe(HOSTILE);
  const failure = findAll(root, 'failure')[0];
  expect(failure.text).toContain(`actual: ${HOSTILE}`);
  expect(findAll(root, 'error').at(-1)!.attributes.message).toContain(HOSTILE);
  // A recommended check not met, written either way: <skipped> (the default) or <failure>.
  const recommended = findAll(root, 'skipped').find((s) => s.attributes.type === 'recommended')!;
  expect(recommended.attributes.message).toContain(HOSTILE);
  expect(recommended.text).toContain(`actual: ${HOSTILE}`);
  const asFailure = findAll(parseXml(renderJunit([hostileReport()], { recommended: 'failure' })), 'failure').find((f) => f.attributes.type === 'recommended')!;
  expect(asFailure.attributes.message).toContain(HOSTILE);
  expect(asFailure.text).toContain(`actual: ${HOSTILE}`);
});

test('Markdown: no HTML and no table broken by pipes', () => {
  const md = renderMarkdown([hostileReport(), hostileUngradable()], { title: HOSTILE });
  expect(md).not.toMatch(/<img|<\/?script/);
  for (const line of md.split('\n').filter((l) => l.startsWith('|'))) expect(line.split(/(?<!\\)\|/).length - 2).toBe(4);
  expect(md.split('\n')[0]).toBe('# &lt;img src=x onerror=alert\\(1\\)&gt;&lt;/script&gt;&lt;script&gt;alert\\(1\\)&lt;/script&gt;\\]\\]&gt;"&amp;\'\\|pipe\\|\\`tick\\`\\*\\_\\[x\\]\\(javascript\\:alert\\(1\\)\\)');
});

test('CSV and JSON: the values survive (they are data, quoted as needed; in CSV, terminal control characters as escapes)', () => {
  const report = hostileReport();
  expect(JSON.parse(renderJson(report))).toEqual(report);
  const csv = renderCsv([report]);
  const shownId = report.attendee.id.replace('\u001b[31mred\u0000\u000c', '\\u001b[31mred\\u0000\\u000c');
  expect(csv.split('\r\n')[1].startsWith(`"${shownId.replace(/"/g, '""')}"`)).toBe(true);
  expect(csv).not.toMatch(/[\u0000\u001b]/);
});

/** Every bidi control: embeddings and overrides, isolates, marks. */
const BIDI = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c';

/** The hostile report with every bidi control (and the C1 control NEL) after each attack. */
function bidiReport(report: GradeReport): GradeReport {
  const walk = (value: unknown): unknown =>
    typeof value === 'string' ? value.replaceAll(CONTROL, `${CONTROL}${BIDI}\u0085`)
    : Array.isArray(value) ? value.map(walk)
    : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [walk(k), walk(v)]))
    : value;
  return walk(report) as GradeReport;
}

test('bidi controls: every format but JSON shows them as visible \\u202e-style escapes, never raw or as references', () => {
  const reports = [bidiReport(hostileReport()), bidiReport(hostileUngradable())];
  const outputs: Record<string, string> = {
    html: renderHtmlReport(reports[0]),
    dashboard: renderDashboard(reports, { reportHref: () => 'r.html' }),
    junit: renderJunit(reports),
    markdown: renderMarkdown(reports),
    csv: renderCsv(reports),
    console: renderConsole(reports[0], { color: NO_COLOR }),
  };
  const raw = new RegExp(`[${BIDI}]`);
  const references = /&#(1564|8206|8207|823[4-8]|829[4-7]);|&#x(61c|200e|200f|202[a-e]|206[6-9]);/i;
  for (const [format, text] of Object.entries(outputs)) {
    expect(text, format).not.toMatch(raw);
    expect(text, format).not.toMatch(references);
    const shown = format === 'markdown' ? text.replaceAll('\\\\', '\\') : text; // Markdown escapes the backslash: shown as one
    for (const c of BIDI) expect(shown, `${format} shows U+${c.charCodeAt(0).toString(16)}`).toContain(`\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  expect(outputs.markdown).not.toContain('\u0085'); // C1 removed, as in HTML
  expect(JSON.parse(renderJson(reports[0]))).toEqual(reports[0]); // the JSON report keeps the data as it is
});
