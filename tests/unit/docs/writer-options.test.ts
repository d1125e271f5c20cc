/**
 * docs/reports.md's table of writers gives each writer's options as `renderX(report, { a, b? })`:
 * the same names, and the same `?` on the optional ones, as the options interface the writer
 * takes in reports/ (`renderMarkdown(reports, options: MarkdownOptions)`). An option added to a
 * writer without its name in the table, or one the table keeps after it is gone, fails here.
 */
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SOURCES = readdirSync(path.join(ROOT, 'reports'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => readFileSync(path.join(ROOT, 'reports', file), 'utf8'))
  .join('\n');

/** The writers the table gives with an options object: name → its options as written (`a`, `b?`). */
function documentedOptions(markdown: string): Map<string, string[]> {
  const table = markdown.slice(0, markdown.indexOf('\n## '));
  const writers = new Map<string, string[]>();
  for (const [, name, list] of table.matchAll(/`(render\w+)\([^`{]*\{([^}`]*)\}\)`/g)) {
    writers.set(name!, list!.split(',').map((option) => option.trim()).filter((option) => option !== ''));
  }
  return writers;
}

/** The options of a writer in reports/: the members of the interface its second parameter is typed with. */
function sourceOptions(source: string, writer: string): string[] {
  const type = new RegExp(`export function ${writer}\\([^,]+, \\w+: (\\w+)`).exec(source)?.[1];
  expect(type, `reports/ has ${writer}(…, options: SomeType)`).toBeDefined();
  const body = new RegExp(`export interface ${type} \\{\\n([\\s\\S]*?)\\n\\}`).exec(source)?.[1];
  expect(body, `reports/ has interface ${type}`).toBeDefined();
  return [...body!.matchAll(/^ {2}(?:readonly )?(\w+)(\??):/gm)].map(([, name, optional]) => name! + optional!);
}

const WRITERS = ['renderConsole', 'renderHtmlReport', 'renderJunit', 'renderMarkdown', 'renderCsv', 'renderDashboard', 'renderFlowSvg', 'renderClassRow'];

test('the table of writers is read (a planted mistake is told)', () => {
  const read = documentedOptions('| x | `renderMarkdown(reports, { title?, rows })` |\n\n## Console\n`renderCsv(r, { a })`');
  expect([...read]).toEqual([['renderMarkdown', ['title?', 'rows']]]);
  expect(read.get('renderMarkdown')).not.toEqual(sourceOptions(SOURCES, 'renderMarkdown'));
});

const DOCUMENTED = documentedOptions(readFileSync(path.join(ROOT, 'docs/reports.md'), 'utf8'));

for (const writer of WRITERS) {
  test(`docs/reports.md gives the options of ${writer} as reports/ has them`, () => {
    expect(DOCUMENTED.get(writer), `docs/reports.md's table or its opening gives ${writer}(…, { … })`).toBeDefined();
    expect(DOCUMENTED.get(writer)).toEqual(sourceOptions(SOURCES, writer));
  });
}
