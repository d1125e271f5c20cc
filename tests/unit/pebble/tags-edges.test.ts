/**
 * Edges of Pebble's tags and comments that tags.test.ts leaves open, each pinned by a mutation of
 * the lexer, parser, renderer or scope chain that it fails (session 32's mutation sweep): a
 * comment's `-#}` read as Pebble reads it, verbatim's whitespace control, trailing tokens of every
 * tag, nesting bounds, the scope a `set` writes, and loop items converted as any value read.
 */
import { expect, test } from '@playwright/test';
import { hasExpression, lintTemplate, normalizeTemplate, referencedNames } from '../../../engine/pebble/index.js';
import { errorOf, render } from './support.js';

test('a comment trims after it only when it ends in white space and - (Pebble reads it backwards: -\\s+)', () => {
  expect(render('a {# c-#}  b')).toBe('a   b');
  expect(render('a{# x - y #}  b')).toBe('a  b');
  expect(render('a{# x -#}  b')).toBe('ab');
});

test('normalizeTemplate keeps a comment as written, with the newline it swallowed, and each tag\'s own whitespace control', () => {
  expect(normalizeTemplate('{# c #}\nx')).toBe('{# c #}\nx');
  expect(normalizeTemplate('{%for i in a -%} x {%- endfor%}')).toBe('{% for i in a -%} x {%- endfor %}');
  expect(normalizeTemplate('{%if a%}\nx{%endif%}\r\ny')).toBe('{% if a %}\nx{% endif %}\r\ny'); // the newline each %} swallowed
});

test('verbatim: its whitespace control and newline trimming, as any tag\'s', () => {
  expect(render('{% verbatim -%}  {{a}}{% endverbatim %}')).toBe('{{a}}');
  expect(render('{% verbatim %}  a  {%- endverbatim %}|')).toBe('a|');
  expect(render('{% verbatim %}a  {% endverbatim %}|')).toBe('a  |');
  expect(render('{% verbatim %}a{% endverbatim -%}  b')).toBe('ab');
  expect(render('{% verbatim %}a{% endverbatim %}  b')).toBe('a  b');
  expect(render('{% verbatim %}a{% endverbatim %}\nb')).toBe('ab');
  expect(render('{% verbatim %}\u0085a{% endverbatim %}')).toBe('a'); // NEL: a newline swallowed, not white space trimmed
  expect(render('{%verbatim%}{{a}}{%endverbatim%}')).toBe('{{a}}');
  expect(normalizeTemplate('{% verbatim %} {{a}} {% endverbatim %}\n')).toBe('{% verbatim %} {{a}} {% endverbatim %}\n');
  expect(errorOf(() => render('{% verbatimx %}')).message).toBe('Unexpected tag name "verbatimx" at position 3');
});

test('every tag ends at its %}: a token after else, elseif, a for\'s head, its else or endfor is a syntax error', () => {
  const cases: [string, string][] = [
    ['{% if x %}a{% else x %}b{% endif %}', 'Unexpected token "x" (NAME) at position 19, expected "%}"'],
    ['{% if x %}a{% elseif y z %}b{% endif %}', 'Unexpected token "z" (NAME) at position 23, expected "%}"'],
    ['{% for i in [1] z %}{% endfor %}', 'Unexpected token "z" (NAME) at position 16, expected "%}"'],
    ['{% for i in [] %}{% else z %}n{% endfor %}', 'Unexpected token "z" (NAME) at position 25, expected "%}"'],
    ['{% for i in [] %}{% endfor z %}', 'Unexpected token "z" (NAME) at position 27, expected "%}"'],
    ['{% set x = 1 2 %}', 'Unexpected token "2" (NUMBER) at position 13, expected "%}"'],
  ];
  for (const [text, message] of cases) {
    const error = errorOf(() => render(text));
    expect(error.code, text).toBe('syntax');
    expect(error.message, text).toBe(message);
  }
});

test('tags nest up to 100 deep; any number of them follow each other', () => {
  const nested = (n: number) => '{% if true %}'.repeat(n) + 'x' + '{% endif %}'.repeat(n);
  expect(render(nested(100))).toBe('x');
  const deep = errorOf(() => render(nested(101)));
  expect([deep.code, deep.message]).toEqual(['limit', 'Tags nested deeper than 100 levels at position 1303']);
  expect(render('{% if true %}a{% endif %}'.repeat(150))).toBe('a'.repeat(150));
});

test('a Pebble tag flowgrade does not run is named so, with the tags it runs', () => {
  expect(errorOf(() => render('{% include "x" %}')).message).toBe(
    '"include" is a Pebble tag that flowgrade does not run (it runs if, for, set and verbatim) at position 3',
  );
});

test('every part costs a step: a template of many comments ends in a limit error under a small budget', () => {
  expect(errorOf(() => render('{# #}'.repeat(50), {}, { maxSteps: 20 })).code).toBe('limit');
  expect(render('{# #}'.repeat(10), {}, { maxSteps: 20 })).toBe('');
});

test('every pass of a loop costs a step, even with an empty body', () => {
  expect(errorOf(() => render('{% for i in l %}{% endfor %}', { l: Array.from({ length: 200 }, (_, i) => i) }, { maxSteps: 100 })).code).toBe('limit');
});

test('a set writes where the name is, innermost first; a new name set in a loop is the loop\'s, a flow variable\'s the template\'s', () => {
  expect(render('{% set x = 0 %}{% for x in [1, 2] %}{% set x = x * 10 %}{{ x }},{% endfor %}{{ x }}')).toBe('10,20,0');
  expect(render('{% for i in [1] %}{% set x = 5 %}{% endfor %}{{ x }}', { x: 'flow' })).toBe('5');
});

test('a name the template sets hides a flow variable written with a dot (a.b) of the same name', () => {
  expect(render('{% set a = {"b": 1} %}{{ a.b }}', { 'a.b': 'flat' })).toBe('1');
  expect(render('{{ a.b }}', { 'a.b': 'flat' })).toBe('flat');
});

test('a loop\'s items and entries are the values {{ }} reads (a flow\'s numbers, dates and undefined)', () => {
  const l = [undefined, 1.5, new Date(0), 2];
  expect(render('{% for v in l %}{{ v }};{% endfor %}', { l })).toBe(render('{{ l[0] }};{{ l[1] }};{{ l[2] }};{{ l[3] }};', { l }));
  expect(render('{% for v in l %}{{ v is null }}[{{ v ~ "" }}]{% endfor %}', { l: [undefined] })).toBe('true[]'); // undefined is null, as l[0] is
  const m = { a: undefined, b: 1.5, c: new Date(0) };
  expect(render('{% for e in m %}{{ e.value }};{% endfor %}', { m })).toBe(render('{{ m.a }};{{ m.b }};{{ m.c }};', { m }));
});

test('referencedNames: a set reads its value before it binds; else bodies are read, a for\'s else without its variable', () => {
  expect(referencedNames('{% set x = x + 1 %}{{ x }}')).toEqual(['x']);
  expect(referencedNames('{% if a %}{% else %}{{ b }}{% endif %}')).toEqual(['a', 'b']);
  expect(referencedNames('{% if a %}{{ b }}{% elseif c %}{{ d }}{% endif %}')).toEqual(['a', 'b', 'c', 'd']);
  expect(referencedNames('{% for i in items %}{{ i.name }}{% endfor %}')).toEqual(['items']);
  expect(referencedNames('{% for i in l %}{% else %}{{ c }}{{ i }}{{ loop }}{% endfor %}')).toEqual(['l', 'c', 'i', 'loop']);
});

test('referencedNames: a name set in a for\'s else body is still the flow\'s after the loop (that body runs only for an empty list)', () => {
  // Rendered: with items, {{ n }} reads the flow's n; only an empty list sets it.
  expect(render('{% for i in l %}{% else %}{% set n = "own" %}{% endfor %}{{ n }}', { l: [1], n: 'flow' })).toBe('flow');
  expect(render('{% for i in l %}{% else %}{% set n = "own" %}{% endfor %}{{ n }}', { l: [], n: 'flow' })).toBe('own');
  expect(referencedNames('{% for i in l %}{% else %}{% set n = 1 %}{{ n }}{% endfor %}{{ n }}')).toEqual(['l', 'n']);
  expect(referencedNames('{% for i in l %}{% else %}{% set n = 1 %}{{ n }}{% endfor %}')).toEqual(['l']);
});

test('lintTemplate reads every tag\'s expressions: else bodies, a for\'s iterable, body and else, a set\'s value', () => {
  const problems = lintTemplate(
    '{% if a %}{{ w | nope0 }}{% else %}{{ x | nope1 }}{% endif %}{% for i in l | nope2 %}{{ i | nope3 }}{% else %}{{ nope4() }}{% endfor %}{% set s = y | nope5 %}',
  );
  expect(problems.map((p) => p.message.match(/nope\d/)?.[0])).toEqual(['nope0', 'nope1', 'nope2', 'nope3', 'nope4', 'nope5']);
});

test('hasExpression: only {{, {% and {# open a template', () => {
  expect(hasExpression('a {} b')).toBe(false);
});

test('if: the first branch whose condition holds runs, not a later one that holds too', () => {
  expect(render('{% if a %}first{% elseif b %}second{% endif %}', { a: true, b: true })).toBe('first');
});

test('under strictVariables an if given null is an error, as IfNode says; without, null is false', () => {
  const t = '{% if v %}T{% else %}F{% endif %}';
  const error = errorOf(() => render(t, { v: null }, { strictVariables: true }));
  expect([error.code, error.message]).toEqual(['type', 'null value given to if statement (strictVariables) at position 6']);
  expect(render(t, { v: null })).toBe('F');
});

test('referencedNames: a name set in only some branches of an if is still read from the flow after it', () => {
  // The branch may not be taken: {{ customani }} then reads the flow variable.
  expect(referencedNames('{% if a is empty %}{% set customani = b %}{% endif %}{{ customani }}')).toEqual(['a', 'b', 'customani']);
  expect(referencedNames('{% if a %}{% set x = 1 %}{% elseif c %}{% set x = 2 %}{% endif %}{{ x }}')).toEqual(['a', 'c', 'x']);
  // Set in every branch, an else included: always the template's own.
  expect(referencedNames('{% if a %}{% set x = 1 %}{% elseif c %}{% set x = 2 %}{% else %}{% set x = 3 %}{% endif %}{{ x }}')).toEqual(['a', 'c']);
  // Inside the branch that set it, it is the template's own.
  expect(referencedNames('{% if a %}{% set x = 1 %}{{ x }}{% endif %}')).toEqual(['a']);
});
