/**
 * Pebble tags and comments: `{# #}`, `{% if %}`, `{% for %}`, `{% set %}`, `{% verbatim %}`,
 * whitespace control on every delimiter, and bounded loops. Expected values follow Pebble's
 * source (@68a1bb47: LexerImpl, Syntax, IfTokenParser, ForTokenParser, SetTokenParser, IfNode,
 * ForNode, ScopeChain) as docs/expressions.md describes it.
 */
import { expect, test } from '@playwright/test';
import { hasExpression, lintTemplate, normalizeTemplate, referencedNames } from '../../../engine/pebble/index.js';
import { errorOf, evaluate, render } from './support.js';

test('comments render as nothing, whatever they hold, and swallow the newline after #}', () => {
  expect(render('a{# note #}b')).toBe('ab');
  expect(render('a{# two\nlines #}b')).toBe('ab');
  expect(render('{# {{ ANI | 123 }} {% nope %} #}ok')).toBe('ok');
  expect(render('{# c #}\nnext')).toBe('next');
  expect(render('a {# c #} b')).toBe('a  b');
});

test('an unclosed comment is a syntax error', () => {
  const error = errorOf(() => render('a {# b'));
  expect(error.code).toBe('syntax');
  expect(error.message).toBe('Unclosed comment at position 2');
});

test('whitespace control on comments and tags: {#- -#}, {%- -%}', () => {
  expect(render('a  {#- c -#}  b')).toBe('ab');
  expect(render('a  {#- c #}  b')).toBe('a  b');
  expect(render('a  {# c -#}  b')).toBe('a  b');
  expect(render('[ {%- if true -%} x {%- endif -%} ]')).toBe('[x]');
  expect(render('[ {% if true %} x {% endif %} ]')).toBe('[  x  ]');
  expect(render('{% if true %}\nx\n{% endif %}\ny')).toBe('x\ny'); // the newline after %} is swallowed
});

test('if / elseif / else / endif', () => {
  const t = '{% if x == 1 %}one{% elseif x == 2 %}two{% else %}many{% endif %}';
  expect(render(t, { x: 1 })).toBe('one');
  expect(render(t, { x: 2 })).toBe('two');
  expect(render(t, { x: 7 })).toBe('many');
  expect(render('{% if x %}yes{% endif %}', {})).toBe('');
  expect(render('{% if a %}{% if b %}ab{% else %}a{% endif %}{% endif %}', { a: true, b: false })).toBe('a');
});

test('if conditions convert as Pebble does: null false, numbers non-zero, texts non-empty', () => {
  const t = '{% if v %}T{% else %}F{% endif %}';
  expect(render(t, { v: null })).toBe('F');
  expect(render(t, { v: 0 })).toBe('F');
  expect(render(t, { v: 3 })).toBe('T');
  expect(render(t, { v: '' })).toBe('F');
  expect(render(t, { v: 'false' })).toBe('T'); // TypeUtils.compatibleCast: any non-empty String is true
  const error = errorOf(() => render(t, { v: [1] }));
  expect(error.code).toBe('type');
  expect(error.message).toBe('Cannot use List as a boolean in an "if" condition at position 6');
  expect(errorOf(() => render(t, {}, { strictVariables: true })).code).toBe('type');
});

test('an if in a Set Variable value gives its text (the typed value only comes from a lone {{ }})', () => {
  expect(evaluate('{% if status == 201 %}ok{% else %}failed{% endif %}', { status: 201 })).toBe('ok');
  expect(evaluate('{% if status == 201 %}true{% else %}false{% endif %}', { status: 500 })).toBe('false');
  expect(evaluate('{# typed #}{{ 7 }}')).toBe('7');
  expect(evaluate('  {{ 7 }}\n')).toBe(7);
});

test('if: Pebble parse errors', () => {
  const cases: [string, string][] = [
    ['{% if x %}a', 'Unexpected end of template. Pebble was looking for the "endif" tag at position 3'],
    ['{% if x %}a{% else %}b', 'Unexpected end of template. Pebble was looking for the "endif" tag at position 3'],
    ['a{% endif %}', 'Unexpected tag name "endif" at position 4'],
    ['{% else %}', 'Unexpected tag name "else" at position 3'],
    ['{% if x %}a{% else %}b{% elseif y %}c{% endif %}', 'Unexpected tag name "elseif" at position 25'],
    ['{% if %}a{% endif %}', 'Unexpected end of tag "%}" at position 6, expected an expression'],
    ['{% if x y %}a{% endif %}', 'Unexpected token "y" (NAME) at position 8, expected "%}"'],
    ['{% endif x %}', 'Unexpected tag name "endif" at position 3'],
    ['{% if x %}a{% endif x %}', 'Unexpected token "x" (NAME) at position 20, expected "%}"'],
    ['{% %}', 'A block must start with a tag name at position 3'],
    ['{% 5 %}', 'A block must start with a tag name at position 3'],
    ['{% if x', 'Unclosed "{%" at position 0'],
  ];
  for (const [text, message] of cases) {
    const error = errorOf(() => render(text));
    expect(error.code, text).toBe('syntax');
    expect(error.message, text).toBe(message);
  }
});

test('unknown tags are syntax errors; Pebble tags flowgrade does not run say so', () => {
  const unknown = errorOf(() => render('{% iff x %}'));
  expect(unknown.code).toBe('syntax');
  expect(unknown.message).toBe('Unexpected tag name "iff" at position 3');
  const macro = errorOf(() => render('{% macro m() %}x{% endmacro %}'));
  expect(macro.code).toBe('syntax');
  expect(macro.message).toContain('"macro" is a Pebble tag that flowgrade does not run');
  expect(lintTemplate('{% if x | nope %}a{% endif %}').map((e) => e.code)).toEqual(['unknown-filter']);
});

test('set: a variable for the rest of the template, shadowing the scope without changing it', () => {
  const scope = { x: 'flow' };
  expect(render('{% set x = "mine" %}{{ x }}', scope)).toBe('mine');
  expect(scope.x).toBe('flow');
  expect(render('{{ x }}{% set x = 2 %}{{ x + 1 }}', { x: 1 })).toBe('13');
  expect(render('{% set m = {"a": [1, 2]} %}{{ m.a[1] }}')).toBe('2');
  expect(render('{% set n = null %}{{ n is null }}', { n: 5 })).toBe('true'); // null shadows too
  expect(errorOf(() => render('{% set true = 1 %}')).message).toBe('Can not assign a value to true at position 7');
  expect(errorOf(() => render('{% set x 1 %}')).message).toBe('Unexpected token "1" (NUMBER) at position 9, expected "="');
  expect(render('{% set y = 1 %}{{ y }}', {}, { strictVariables: true })).toBe('1');
});

test('for: items, loop variables, else, maps; scope of set inside and outside the loop', () => {
  expect(render('{% for c in ["a", "b", "c"] %}{{ loop.index }}{{ c }}{% if not loop.last %},{% endif %}{% endfor %}')).toBe('0a,1b,2c');
  expect(render('{% for i in 1..3 %}{{ loop.first }}/{{ loop.last }}/{{ loop.length }}/{{ loop.revindex }} {% endfor %}')).toBe(
    'true/false/3/2 false/false/3/1 false/true/3/0 ',
  );
  expect(render('{% for x in items %}{{ x }}{% else %}none{% endfor %}', { items: [] })).toBe('none');
  expect(render('{% for x in items %}{{ x }}{% else %}none{% endfor %}', {})).toBe(''); // null: no loop, no else (ForNode)
  expect(render('{% for e in m %}{{ e.key }}={{ e.value }};{% endfor %}', { m: { a: 1, b: 'x' } })).toBe('a=1;b=x;');
  expect(render('{% set total = 0 %}{% for i in [1, 2, 3] %}{% set total = total + i %}{% endfor %}{{ total }}')).toBe('6');
  expect(render('{% for i in [1, 2] %}{% set seen = i %}{% endfor %}[{{ seen }}]')).toBe('[]');
  expect(render('{% for x in [1] %}{{ x }}{% endfor %}{{ x }}', { x: 'outer' })).toBe('1outer');
  expect(render('{% for a in [1, 2] %}{% for b in ["x", "y"] %}{{ a }}{{ b }}{% endfor %}{% endfor %}')).toBe('1x1y2x2y');
});

test('for: errors', () => {
  const notIterable = errorOf(() => render('{% for c in "abc" %}{{ c }}{% endfor %}'));
  expect(notIterable.code).toBe('type');
  expect(notIterable.message).toBe('Not an iterable object. Value = [abc] at position 12');
  expect(errorOf(() => render('{% for c in 5 %}{% endfor %}')).message).toBe('Not an iterable object. Value = [5] at position 12');
  expect(errorOf(() => render('{% for x in [1] %}a')).message).toBe('Unexpected end of template. Pebble was looking for the "endfor" tag at position 3');
  expect(errorOf(() => render('{% for x of [1] %}{% endfor %}')).message).toBe('Unexpected token "of" (NAME) at position 9, expected "in"');
  expect(errorOf(() => render('{% for null in [1] %}{% endfor %}')).message).toBe('Can not assign a value to null at position 7');
});

test('loops are bounded: a huge range or nested loops end in a limit error, never a hang', () => {
  expect(errorOf(() => render('{% for i in 1..1000000 %}{% endfor %}')).code).toBe('limit');
  expect(errorOf(() => render('{% for i in 1..90000 %}{% for j in 1..90000 %}{% endfor %}{% endfor %}')).code).toBe('limit');
  expect(errorOf(() => render('{% for i in 1..90000 %}x{% endfor %}', {}, { maxSteps: 1000 })).code).toBe('limit');
  const big = 'y'.repeat(100_000);
  expect(errorOf(() => render('{% for i in 1..20 %}{{ big }}{% endfor %}', { big }, { maxSteps: 10_000_000 })).code).toBe('limit');
});

test('verbatim: its content is text', () => {
  expect(render('{% verbatim %}{{ a | 123 }}{% if %}{% endverbatim %}!')).toBe('{{ a | 123 }}{% if %}!');
  expect(errorOf(() => render('{% verbatim %}{{ a }}')).message).toBe('Unclosed verbatim tag at position 0');
});

test('hasExpression: any of {{, {% and {# makes the text a template', () => {
  expect(hasExpression('{% if x %}a{% endif %}')).toBe(true);
  expect(hasExpression('a {# b #}')).toBe(true);
  expect(hasExpression('plain { % } # text')).toBe(false);
});

test('referencedNames: names a set or a for binds are not flow variables; the rest are', () => {
  expect(referencedNames('{% set n = NewPhoneContact.ANI %}{% if n == x %}{{ n }}{% endif %}')).toEqual(['NewPhoneContact.ANI', 'x']);
  expect(referencedNames('{% for i in items %}{{ i }}{{ loop.index }}{% endfor %}{{ i }}')).toEqual(['items', 'i']);
});

test('normalizeTemplate prints tags canonically and keeps comments and text', () => {
  expect(normalizeTemplate('{%if x==1-%} a {%- elseif(y)%}b{%else%}c{%endif%}{#k#}')).toBe(
    '{% if x == 1 -%} a {%- elseif y %}b{% else %}c{% endif %}{#k#}',
  );
  expect(normalizeTemplate('{%set  a=[1,2]%}{%for i in a%}{{i}}{%else%}-{%endfor%}')).toBe(
    '{% set a = [1, 2] %}{% for i in a %}{{ i }}{% else %}-{% endfor %}',
  );
  const once = normalizeTemplate('{% if a %}\n{{ a }}\n{% endif %}\n');
  expect(normalizeTemplate(once)).toBe(once);
});
