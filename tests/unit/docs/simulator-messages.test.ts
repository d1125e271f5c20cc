/**
 * The run summaries and activity errors docs/simulator.md quotes (`stuck in a loop at <label>`,
 * `JSONPath <…> (<label>) holds more than 1000 characters, …`) are ones the simulator's source can
 * make: each quote, its `<placeholders>` and `…` standing for any text, must be matched whole by a
 * string or template literal of engine/simulator/ (read with TypeScript's parser, each `${…}` of a
 * template standing for any text; a template of less than 8 characters of its own matches nothing,
 * as it would match any quote). A message reworded in the source, or a quote whose words no
 * longer follow it, fails here rather than living on in the docs. A template as general as
 * `JSONPath ${path} (${label}) holds ${what}, …` takes any words in its holes: quoted-outcomes.test.ts
 * makes such a message for real and holds its quote to it.
 */
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROOT } from '../../helpers.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A string or template literal of the source: its literal parts, between which its `${…}`s stand. */
type Literal = string[];

/** Each string and template literal of a source but those of little text of their own (`${prefix}${message}`), which would match any quote. */
function literalsOf(source: string): Literal[] {
  const literals: Literal[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literals.push([node.text]);
    else if (ts.isTemplateExpression(node)) literals.push([node.head.text, ...node.templateSpans.map((span) => span.literal.text)]);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('source.ts', source, ts.ScriptTarget.Latest, true));
  return literals.filter((parts) => parts.join('').trim().length >= 8);
}

const ANY = '[\\s\\S]*';

/**
 * Whether a quote is a message a literal makes: the quote, each `<placeholder>` filled in, is one
 * the literal can make (its `${…}`s standing for any text), or the quote, each placeholder and `…`
 * standing for any text, matches the literal with its `${…}`s filled in (`no caller: …`).
 */
function quotes(literal: Literal, quote: string): boolean {
  const filled = quote.replace(/<[^<>]+>/g, 'X').replace(/…/g, 'X');
  if (new RegExp(`^${literal.map(escape).join(ANY)}$`).test(filled)) return true;
  const pattern = new RegExp(`^${quote.split(/<[^<>]+>|…/).map(escape).join(ANY)}$`);
  return pattern.test(literal.join('X'));
}

const SIMULATOR = path.join(ROOT, 'engine', 'simulator');
const LITERALS = readdirSync(SIMULATOR, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .flatMap((file) => literalsOf(readFileSync(path.join(SIMULATOR, file), 'utf8')));

/** How the messages the page quotes start: run summaries and activity errors. */
const MESSAGE = /^(?:stuck in a loop|stopped at|caller waiting|caller disconnected|ended|subflow ended|global error at|went to|connected to|simulator failure|activity type|JSONPath |the JSON |invalid JSONPath|a space at position|the expressions of one call|no caller:|cannot store|Parsing Settings write|a name in brackets)/;

/** The code spans of a page (outside fenced blocks, line breaks as spaces) that are such messages. */
function quotedMessages(markdown: string): string[] {
  const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?^```/gm, '').replace(/\s+/g, ' ');
  return [...prose.matchAll(/`([^`]+)`/g)].map((match) => match[1]!.trim()).filter((span) => MESSAGE.test(span));
}

test('a quote is found, and matched by the literal that makes it, not by a reworded one nor one of little text', () => {
  const literals = literalsOf('const a = `stopped at ${label}: ${n} activities ran before it`; const b = \'no caller: the leg is gone\'; const c = `${x}: ${y}`;');
  expect(literals).toEqual([['stopped at ', ': ', ' activities ran before it'], ['no caller: the leg is gone']]);
  expect(quotedMessages('`stopped at <label>: 500 activities ran before it` and `maxSteps`\n```\n`stuck in a loop at x`\n```')).toEqual(['stopped at <label>: 500 activities ran before it']);
  expect(quotes(literals[0]!, 'stopped at <label>: 500 activities ran before it')).toBe(true);
  expect(quotes(literals[0]!, 'stopped at <label> (500 activities ran before it)')).toBe(false);
  expect(quotes(literals[1]!, 'no caller: …')).toBe(true);
  expect(quotes(literals[1]!, 'no caller: the leg is here')).toBe(false);
});

test('docs/simulator.md quotes the simulator\'s summaries and activity errors as its source makes them', () => {
  const quoted = quotedMessages(readFileSync(path.join(ROOT, 'docs/simulator.md'), 'utf8'));
  expect(quoted.length).toBeGreaterThan(15);
  expect(quoted.filter((quote) => !LITERALS.some((literal) => quotes(literal, quote)))).toEqual([]);
});
