/**
 * docs/reports.md's JSON section names every field of schemas/report.schema.json, and no field
 * the schema lacks: the top-level table, the check result list, the trace entry list with its
 * `http`, and the drawing. A field added to the report (the schema, checked against real output by
 * tests/unit/cli/report-schema.test.ts) without its words in the docs fails here.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/report.schema.json'), 'utf8'));
const docs = readFileSync(path.join(ROOT, 'docs/reports.md'), 'utf8');
const json = docs.slice(docs.indexOf('\n## JSON\n'), docs.indexOf('\n## HTML report\n'));

interface Schema {
  properties?: Record<string, Schema>;
  items?: Schema;
  $ref?: string;
}

const fields = (s: Schema) => Object.keys(s.properties ?? {}).sort();
const definition = (name: string): Schema => schema.definitions[name];

/** The names in a `{ a, b?, c }` list, or the backticked names of a sentence: `a`, `b?`. */
function braced(text: string): string[] {
  return text
    .split(/[,{}]/)
    .map((part) => part.trim().replace(/\[\]$/, '').replace(/\?$/, '').replace(/\s*\(.*$/, ''))
    .filter((name) => /^[a-zA-Z][a-zA-Z0-9]*$/.test(name));
}

/** The paragraph of the JSON section that starts with `start`. */
function paragraph(start: string): string {
  const from = json.indexOf(start);
  expect(from, `docs/reports.md: a paragraph starting "${start}"`).toBeGreaterThanOrEqual(0);
  const end = json.indexOf('\n\n', from);
  return json.slice(from, end === -1 ? undefined : end);
}

test('the Field table lists every top-level field of the report', () => {
  const table = [...json.matchAll(/^\| `([a-zA-Z]+)(?:\[\])?` \|/gm)].map((match) => match[1]!);
  expect(table.sort()).toEqual(fields(schema));
});

test('the table gives the fields of tool, lab, attendee, input, score, scenarios, flow and error', () => {
  const row = (name: string) => json.match(new RegExp(`^\\| \`${name}(?:\\[\\])?\` \\| ([^|]+)\\|`, 'm'))?.[1] ?? '';
  const firstBraces = (text: string) => braced(/\{[^{}]*\}/.exec(text)?.[0] ?? '');
  for (const name of ['tool', 'lab', 'attendee', 'input', 'score', 'error']) {
    expect(firstBraces(row(name)).sort(), name).toEqual(fields(schema.properties[name]));
  }
  expect(firstBraces(row('scenarios')).sort(), 'scenarios').toEqual(fields(definition('scenario')));
  expect(firstBraces(row('flow')).sort(), 'flow').toEqual(fields(schema.properties.flow));
  const drawing = definition('drawing');
  const node = /`node: (\{[^}]*\})`/.exec(row('flow'))?.[1] ?? '';
  const edge = /`edge: (\{[^}]*\})`/.exec(row('flow'))?.[1] ?? '';
  expect(braced(node).sort(), 'drawing node').toEqual(fields(drawing.properties!.nodes!.items!));
  expect(braced(edge).sort(), 'drawing edge').toEqual(fields(drawing.properties!.edges!.items!));
});

test('the check result and trace entry paragraphs name every field of theirs', () => {
  const named = (text: string) => [...new Set([...text.matchAll(/`([a-zA-Z][a-zA-Z0-9]*)\??`/g)].map((match) => match[1]!))];
  const check = named(paragraph('A check result:'));
  for (const field of fields(definition('check'))) expect(check, `check result field ${field}`).toContain(field);
  const entry = paragraph('A trace entry');
  const http = /`http\?` = `(\{[^`]*\})`/.exec(entry.replace(/\s+/g, ' '))?.[1] ?? '';
  expect(braced(http).sort(), 'http').toEqual(fields(definition('traceEntry').properties!.http!));
  const named_ = named(entry);
  for (const field of fields(definition('traceEntry'))) expect(named_, `trace entry field ${field}`).toContain(field);
});

test('what the table says of an ungradable report is what the schema holds: absent fields, empty lists, the error', () => {
  const ungradable = schema.allOf.find((part: { if?: { properties?: { verdict?: { const?: string } } } }) => part.if?.properties?.verdict?.const === 'ungradable');
  const rows = [...json.matchAll(/^\| `([a-zA-Z]+)(?:\[\])?` \| ([^\n]*)\|$/gm)].map((match) => ({ name: match[1]!, meaning: match[2]! }));
  const absent = rows.filter((row) => /absent when ungradable/.test(row.meaning)).map((row) => row.name).sort();
  const empty = rows.filter((row) => /`\[\]` when ungradable/.test(row.meaning)).map((row) => row.name).sort();
  const onlyThen = rows.filter((row) => /when ungradable/.test(row.meaning) && !/absent|`\[\]`/.test(row.meaning)).map((row) => row.name);
  expect(absent).toEqual(ungradable.then.not.anyOf.map((part: { required: string[] }) => part.required[0]).sort());
  expect(absent).toEqual([...ungradable.else.required].sort());
  expect(empty).toEqual(Object.keys(ungradable.then.properties).filter((name) => ungradable.then.properties[name].maxItems === 0).sort());
  expect(onlyThen).toEqual(ungradable.then.required);
});
