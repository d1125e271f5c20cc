/** Random Pebble expressions and templates (every node kind, hostile names), shared by the fuzz files. */
import fc from 'fast-check';
import { hostileString, HOSTILE_NAMES } from './mutations.js';

const FILTERS = [
  'abbreviate', 'abs', 'base64decode', 'base64encode', 'capitalize', 'date', 'default', 'epoch', 'escape', 'first', 'format', 'join', 'last',
  'length', 'lower', 'merge', 'nl2br', 'numberformat', 'raw', 'replace', 'reverse', 'rsort', 'sha256', 'slice', 'sort', 'split', 'title',
  'trim', 'upper', 'urlencode', 'constructor', '__proto__', 'nope',
];
const TESTS = ['empty', 'even', 'odd', 'null', 'defined', 'iterable', 'map', 'constructor', 'nope'];
const FUNCTIONS = ['now', 'min', 'max', 'range', 'constructor', 'hasOwnProperty', 'eval', 'require'];
const METHODS = [
  'length', 'isEmpty', 'trim', 'toUpperCase', 'indexOf', 'startsWith', 'concat', 'replace', 'replaceAll', 'replaceFirst', 'split', 'matches',
  'substring', 'size', 'containsKey', 'get', 'keySet', 'values', 'getYear', 'plusDays', 'toString', 'constructor', '__proto__', 'valueOf', 'call', 'apply', 'bind',
];
const NAMES = ['a', 'b', 's', 'big', 'list', 'm', 'deep', 'cyc', 'nil', 'undefinedVar', 'NewPhoneContact.DNIS', 'NewPhoneContact.ANI', 'GET_CBID.httpStatusCode', 'GET_CBID.httpResponseBody', 'outdialcbid', 'customani', 'getresult', ...HOSTILE_NAMES.filter((n) => /^[A-Za-z_]\w*$/.test(n))];
const OPERATORS = ['+', '-', '*', '/', '%', '~', '==', '!=', '<', '>', '<=', '>=', 'and', 'or', 'contains', '..', 'equals'];

const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/#\{/g, '#\\{')}"`;

const literal: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.constantFrom('0', '1', '2', '100000', '99999999999999999999', '1.5', '1e3', '12L', 'true', 'false', 'null', 'none', '""', "''", '"%99999s"', '"(a+)+b"', '"yyyy-MM-dd"'),
  hostileString.map(quote),
  fc.string({ maxLength: 12 }).map((s) => `'${s.replace(/\\/g, '').replace(/'/g, '')}'`),
);

export const expression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true, maxDepth: 6 },
    literal,
    fc.constantFrom(...NAMES),
    fc.tuple(tie('e'), fc.constantFrom(...OPERATORS), tie('e')).map(([l, op, r]) => `(${l} ${op} ${r})`),
    fc.tuple(fc.constantFrom('not ', '-', '+'), tie('e')).map(([op, e]) => `${op}(${e})`),
    fc.tuple(tie('e'), fc.constantFrom(...NAMES, ...METHODS, '0', '1')).map(([o, n]) => `${o}.${n}`),
    fc.tuple(tie('e'), tie('e')).map(([o, k]) => `${o}[${k}]`),
    fc.tuple(tie('e'), fc.constantFrom(...METHODS), fc.array(tie('e'), { maxLength: 2 })).map(([o, n, args]) => `${o}.${n}(${args.join(', ')})`),
    fc.tuple(tie('e'), fc.constantFrom(...FILTERS), fc.option(fc.array(tie('e'), { maxLength: 3 }))).map(([i, f, args]) => (args ? `${i} | ${f}(${args.join(', ')})` : `${i} | ${f}`)),
    fc.tuple(tie('e'), fc.constantFrom(...FILTERS), fc.constantFrom('inMillis', 'format', 'existingFormat', 'default', 'length', 'x'), tie('e')).map(([i, f, n, v]) => `${i} | ${f}(${n}=${v})`),
    fc.tuple(tie('e'), fc.boolean(), fc.constantFrom(...TESTS)).map(([i, not, t]) => `(${i} is ${not ? 'not ' : ''}${t})`),
    fc.tuple(fc.constantFrom(...FUNCTIONS), fc.array(tie('e'), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, t, e]) => `(${c} ? ${t} : ${e})`),
    fc.array(tie('e'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    fc.array(fc.tuple(tie('e'), tie('e')), { maxLength: 3 }).map((entries) => `{${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
    fc.tuple(fc.string({ maxLength: 6 }), tie('e')).map(([t, e]) => `"${t.replace(/["\\#{}]/g, '')}#{${e}}"`),
  ),
})).e;

const print: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('{{ ', '{{', '{{- '), expression, fc.constantFrom(' }}', '}}', ' -}}'))
  .map((p) => p.join(''));

/** `{% if %}`, `{% for %}` (over any expression, `a`-sized ranges included), `{% set %}` and comments, well formed or not. */
const tag: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(expression, print, expression, print, print).map(([c, t, c2, t2, e]) => `{% if ${c} %}${t}{% elseif ${c2} -%}${t2}{%- else %}${e}{% endif %}`),
  fc.tuple(expression, print, print).map(([items, body, none]) => `{% for x in ${items} %}{{ x }}{{ loop.index }}${body}{% else %}${none}{% endfor %}`),
  fc.tuple(print, print).map(([outer, inner]) => `{% for i in 0..a %}{% for j in 0..a %}${outer}{% set s = j %}${inner}{% endfor %}{% endfor %}{{ s }}`),
  expression.map((e) => `{% set a = ${e} %}`),
  fc.string({ maxLength: 8 }).map((c) => `{#${c}#}`),
  fc.constantFrom('{% endif %}', '{% else %}', '{% if %}', '{% for x in %}', '{% set = 1 %}', '{% macro m() %}', '{#', '{%- verbatim -%} {{ %}{% endverbatim %}'),
);

export const template: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: print },
      { weight: 2, arbitrary: tag },
      { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
      { weight: 1, arbitrary: fc.constantFrom('{{', '}}', '{%', '#{', '\n', '{{ }}', '{{ a }', '{{ "unterminated }}') },
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => parts.join(''));
