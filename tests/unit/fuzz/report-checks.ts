/**
 * What every report format must hold whatever the export said, shared by the fuzz files: no markup
 * from the input in HTML/SVG/XML, CSV and Markdown tables keep their shape, no formula cells, no
 * terminal control characters.
 */
import { csvRecords } from '../reports/csv-records.js';
import { HOSTILE_STRINGS } from './mutations.js';
import { check } from './support.js';

/** Hostile strings that would be markup if they came out unescaped. */
export const MARKUP = HOSTILE_STRINGS.filter((s) => /<[a-z!/]|]]>/i.test(s));

const count = (text: string, pattern: RegExp) => (text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)) ?? []).length;

/** Start tags with their quoted attribute values blanked: what the browser sees as attributes. */
const tagsOf = (html: string) => [...html.matchAll(/<[A-Za-z][^>]*>/g)].map((m) => m[0].replace(/"[^"]*"|'[^']*'/g, '""'));

/**
 * No markup from the input: no event-handler attributes, no javascript: URLs, and with a baseline
 * (the same report with harmless text) no new elements.
 */
export function checkHtml(name: string, html: string, baseline?: string): void {
  for (const markup of MARKUP) check(!html.includes(markup), `${name}: ${JSON.stringify(markup)} came out unescaped`);
  const handlers = tagsOf(html).filter((tag) => /\son[a-z]+\s*=/i.test(tag));
  check(!/(href|src|action|xlink:href)\s*=\s*["']?\s*javascript:/i.test(html), `${name}: a javascript: URL`);
  if (baseline === undefined) {
    check(handlers.length === 0, () => `${name}: an event-handler attribute: ${handlers[0]}`);
    return;
  }
  for (const pattern of [/<script\b/i, /<iframe\b/i, /<img\b/i, /<svg\b/i, /<a\b/i, /<!--/, /<object\b/i, /<embed\b/i, /<base\b/i, /<meta\b/i, /<link\b/i, /<form\b/i]) {
    check(count(html, pattern) <= count(baseline, pattern), () => `${name}: ${pattern} occurs ${count(html, pattern)} times (baseline ${count(baseline, pattern)})`);
  }
  check(handlers.length <= tagsOf(baseline).filter((tag) => /\son[a-z]+\s*=/i.test(tag)).length, () => `${name}: an event-handler attribute: ${handlers[0]}`);
}

/** Tags balance and attribute values carry no raw `<`; only characters XML 1.0 allows. */
export function checkXml(xml: string): void {
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
export function checkCsv(csv: string, rows: number): void {
  const { records, complete } = csvRecords(csv);
  check(complete, 'csv: does not end with a complete row');
  check(records.length === rows + 1, `csv: ${records.length} records for ${rows} reports`);
  for (const record of records) check(record.length === records[0].length, `csv: a row of ${record.length} cells, header has ${records[0].length}`);
  for (const record of records.slice(1)) for (const value of record) check(!/^[=+\-@\t\r]/.test(value), () => `csv: formula cell ${JSON.stringify(value.slice(0, 40))}`);
}

/** Table rows keep their column count (no raw | or line break from the input) and no raw markup. */
export function checkMarkdown(md: string): void {
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
export function checkConsole(text: string): void {
  const bad = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.exec(text);
  check(bad === null, () => `console: control character U+${bad![0].charCodeAt(0).toString(16).padStart(4, '0')} near ${JSON.stringify(text.slice(Math.max(0, bad!.index - 30), bad!.index + 10))}`);
}

