/** Lexer and parser: literals, precedence, syntax errors with positions, whitespace control, normalisation. */
import { test, expect } from '@playwright/test';
import {
  hasExpression,
  lintTemplate,
  normalizeTemplate,
  parseTemplate,
  referencedNames,
} from '../../../engine/pebble/index.js';
import * as cache from '../../../engine/pebble/template.js';
import { errorOf, evaluate, render } from './support.js';

const literals: [string, unknown][] = [
  ["{{ 'single' }}", 'single'],
  ['{{ "double" }}', 'double'],
  ["{{ 'it\\'s' }}", "it's"],
  ['{{ "say \\"hi\\"" }}', 'say "hi"'],
  ['{{ "a\\nb" }}', 'a\\nb'], // Pebble only unescapes the quote character
  ['{{ 42 }}', 42],
  ['{{ 42L }}', 42],
  ['{{ 2.5 }}', 2.5],
  ['{{ true }}', true],
  ['{{ FALSE }}', false],
  ['{{ null }}', null],
  ['{{ none }}', null],
  ['{{ [1, "two", [3]] }}', [1, 'two', [3]]],
  ['{{ [] }}', []],
  ['{{ {"+1": "", "k": 2} }}', { '+1': '', k: 2 }],
  ['{{ {} }}', {}],
  ['{{ {"a": {"b": 1}} }}', { a: { b: 1 } }],
  ['{{ "Hi #{name}!" }}', 'Hi Ann!'],
  // a double-quoted text with a # is read in parts, its escapes kept as written (outputs of Pebble on Java 17)
  ['{{ "a\\"b#{1}" }}', 'a\\"b1'],
  ['{{ "a#b\\"c" }}', 'a#b\\"c'],
  ["{{ 'a#b\\'c' }}", "a#b'c"], // a single-quoted text is never read in parts
  ['{{ "x\\"#{ "y\\"#z" }\\"" }}', 'x\\"y\\"#z\\"'],
  ['{{ "a#{"#"}b" }}', 'a#b'],
];
for (const [text, expected] of literals) {
  test(`literal ${text}`, () => {
    expect(evaluate(text, { name: 'Ann' })).toEqual(expected);
  });
}

const precedence: [string, unknown][] = [
  ['{{ 1 + 2 * 3 }}', 7],
  ['{{ (1 + 2) * 3 }}', 9],
  ['{{ 10 - 2 - 3 }}', 5], // left-associative
  ['{{ 2 * 3 % 4 }}', 2],
  ['{{ 1 + 2 == 3 }}', true],
  ['{{ 1 == 1 and 2 == 3 or true }}', true], // and (15) binds tighter than or (10)
  ['{{ false and false or true }}', true],
  ['{{ not false and false }}', false], // unary not binds tightest: (not false) and false
  ['{{ -2 * 3 }}', -6],
  ['{{ - 2 | abs }}', 2], // unary minus binds tighter than | (Pebble: 500)
  ['{{ s | length - 4 }}', 6], // | (100) binds tighter than - (40)
  ['{{ 1 + s | length }}', 11],
  ['{{ "a" ~ "b" | upper }}', 'AB'], // ~ (110) binds tighter than | (100): ("a" ~ "b") | upper
  ['{{ "a" | upper ~ "b" }}', 'Ab'],
  ['{{ 1..3 | join("-") }}', '1-2-3'],
  ['{{ 5 > 3 ? "big" : "small" }}', 'big'],
  ['{{ false ? 1 : true ? 2 : 3 }}', 2], // nested ternary on the right
  ['{{ [1, 2] contains 1 and [3] contains 3 }}', true],
  ['{{ 2 + 2 is even }}', true], // is (20) is looser than + (40)
  ['{{ s | slice(fromIndex=1 + 1, toIndex=s | length - 5) }}', 'cde'], // named arguments take full expressions
];
for (const [text, expected] of precedence) {
  test(`precedence ${text}`, () => {
    expect(evaluate(text, { s: 'abcdefghij' })).toEqual(expected);
  });
}

const syntaxErrors: [string, number, string][] = [
  ['{{ ANI | 123}}', 9, 'Unexpected token "123" (NUMBER) at position 9, expected a filter name'],
  ['{{ }}', 3, 'Unexpected end of expression "}}" at position 3, expected an expression'],
  ['{{ a b }}', 5, 'Unexpected token "b" (NAME) at position 5, expected "}}"'],
  ['{{ a + }}', 7, 'Unexpected end of expression "}}" at position 7, expected an expression'],
  ['{{ x is 5 }}', 8, 'Unexpected token "5" (NUMBER) at position 8, expected a test name'],
  ['{{ a. }}', 6, 'Unexpected end of expression "}}" at position 6, expected an attribute name'],
  ['{{ f(1 2) }}', 7, 'Unexpected token "2" (NUMBER) at position 7, expected "," or ")"'],
  ['{{ a ? b }}', 9, 'Unexpected end of expression "}}" at position 9, expected ":"'],
  ['text {{ a', 5, 'Unclosed "{{" at position 5'],
  ['{{ (a }}', 6, 'Unexpected "}", expected ")" at position 6'],
  ['{{ (a', 3, 'Unclosed "(" at position 3'],
  ['{{ a) }}', 4, 'Unexpected ")" at position 4'],
  ['{{ (a] }}', 5, 'Unexpected "]", expected ")" at position 5'],
  ['{{ "abc }}', 3, 'Unclosed string literal at position 3'],
  // a text read in parts: its interpolation must close with }, the text with its quote (Java: Unclosed ")
  ['{{ "a#{1 2}" }}', 9, 'Unexpected token "2" (NUMBER) at position 9, expected "}"'],
  ['{{ "a#{ "b" }c }}', 3, 'Unclosed string literal at position 3'],
  ['{{ "#{ "x" }\\', 3, 'Unclosed string literal at position 3'], // a backslash last: Java never returns from this one
  ['{{ a $ b }}', 5, 'Unexpected character "$" at position 5'],
  ['{{ a | f(x=1, 2) }}', 14, 'Positional arguments must be declared before any named arguments at position 14'],
  ['{{ a | f(true=1) }}', 9, 'Can not assign a value to true at position 9'],
  ['{{ a.b(x=1) }}', 6, 'Can not use named arguments when calling a bean method at position 6'],
  ['{{ [1, 2][0] }}', 9, 'Unexpected token "[" (PUNCTUATION) at position 9, expected "}}"'],
  ['{{ 99999999999999999999 }}', 3, 'Number "99999999999999999999" is too large at position 3'],
  ['{{ "a" "b" }}', 7, 'Unexpected token "b" (STRING) at position 7, expected "}}"'],
  ['{{ not }}', 7, 'Unexpected end of expression "}}" at position 7, expected an expression'],
  // Java's Character.isWhitespace: a no-break space (pasted from a web page) is not white space
  ['{{ 1\u00a0== 1 }}', 4, 'Unexpected character "\u00a0" at position 4'],
  // Curly quotes pasted from a word processor or a chat are named as such
  ['{{ a == \u201C201\u201D }}', 8, 'Unexpected character "\u201C" (a curly quote, as a word processor or a chat types it: Pebble quotes texts with straight ones, " or \') at position 8'],
  ['{{ a | replace({\u2018+1\u2019: ""}) }}', 16, 'Unexpected character "\u2018" (a curly quote, as a word processor or a chat types it: Pebble quotes texts with straight ones, " or \') at position 16'],
];
for (const [text, position, message] of syntaxErrors) {
  test(`syntax error in ${text}`, () => {
    const error = errorOf(() => parseTemplate(text));
    expect(error.code).toBe('syntax');
    expect(error.position).toBe(position);
    expect(error.message).toBe(message);
  });
}

test('the first lexer error wins over an earlier parse error (Pebble lexes the whole template first)', () => {
  const error = errorOf(() => parseTemplate('{{ a | 1 }} {{ $ }}'));
  expect(error.message).toBe('Unexpected character "$" at position 15');
});

test('text outside {{ }}, {% %} and {# #} is literal, single braces included', () => {
  const text = 'a { % } # { "k": "v" } }} %} #} b';
  expect(render(text)).toBe(text);
  expect(evaluate('  {{ 7 }}\n')).toBe(7); // lone expression: typed
  expect(evaluate('x{{ 7 }}')).toBe('x7');
  expect(evaluate('{{ 1 }}{{ 2 }}')).toBe('12');
});

test('}} inside brackets or strings does not close the tag', () => {
  expect(evaluate('{{ {"a":{"b":1}}}}')).toEqual({ a: { b: 1 } });
  expect(evaluate('{{ "}}" }}')).toBe('}}');
});

test('whitespace control: {{- trims before, -}} after; a newline right after }} is swallowed', () => {
  expect(render('a   {{- "x" -}}   b')).toBe('axb');
  expect(render('a {{-1}}')).toBe('a -1'); // "-" must be followed by whitespace to trim: here it is unary minus
  expect(render('line {{ a }}\nnext', { a: 'A' })).toBe('line Anext');
  expect(render('{{ a }}\r\nnext', { a: 'A' })).toBe('Anext');
  expect(render('{{ a }}\n\nnext', { a: 'A' })).toBe('A\nnext');
  expect(render('{{ a }} \nnext', { a: 'A' })).toBe('A \nnext');
});

const sameCanonical: [string, string][] = [
  ['{{ a|slice(2)  }}', '{{a | slice(2)}}'],
  ['{{NewPhoneContact.DNIS | slice(2) }}', '{{ NewPhoneContact.DNIS|slice( 2 ) }}'],
  ['{{ (a + b) * c }}', '{{(a+b)*c}}'],
  ['{{ a + (b * c) }}', '{{ a+b*c }}'],
  ['{{ ((a)) }}', '{{a}}'],
  ['{{ now() | epoch(inMillis=true) - 86400000 }}', '{{now()|epoch( inMillis = true )-86400000}}'],
  ['{{ x | date("yyyy", existingFormat="yyyyMMdd") }}', '{{x|date("yyyy",existingFormat="yyyyMMdd")}}'],
  ['{{ [1,2] contains a and not b }}', '{{ ( [ 1 , 2 ] contains a ) and ( not b ) }}'],
  ['{{ a ? b : c }}', '{{a?b:c}}'],
  ['{{ {"+1": ""} }}', '{{{"+1":""}}}'],
  ['{{ a is not empty }}', '{{a   is not   empty}}'],
  ['{{ m["k"].x }}', '{{ m[ "k" ].x }}'],
  ['{{ a.replace("-", "") }}', '{{a.replace("-","")}}'],
  ['{{- a -}}', '{{-   a   -}}'],
  ['{{ "#{ a }" }}', '{{"#{a}"}}'],
  ['{{ "x#{ a }y" }}', '{{"x#{a}y"}}'],
];
for (const [a, b] of sameCanonical) {
  test(`normalizeTemplate: ${a} ≡ ${b}`, () => {
    expect(normalizeTemplate(a)).toBe(normalizeTemplate(b));
    // canonical text parses to itself
    expect(normalizeTemplate(normalizeTemplate(a))).toBe(normalizeTemplate(a));
  });
}

test('normalizeTemplate prints a text read in parts with its quotes and its escapes', () => {
  expect(normalizeTemplate('{{ "x#{ a | upper }y" }}')).toBe('{{ "x#{a | upper}y" }}');
  expect(normalizeTemplate('{{ "a#b\\"c" }}')).toBe('{{ "a#b\\"c" }}');
});

const differentCanonical: [string, string][] = [
  ['{{ (a + b) * c }}', '{{ a + b * c }}'],
  ['{{ a - (b - c) }}', '{{ a - b - c }}'],
  ['{{ -(a | abs) }}', '{{ -a | abs }}'],
  ['{{ (a * b) | abs }}', '{{ a * b | abs }}'], // | binds tighter than *
  ['x {{ a }}', 'x  {{ a }}'], // literal text is kept as is
  ["{{ 'a' }}", '{{ "a" }}'], // literals keep their spelling
  ['{{ a }}', '{{- a }}'],
];
for (const [a, b] of differentCanonical) {
  test(`normalizeTemplate keeps ${a} and ${b} apart`, () => {
    expect(normalizeTemplate(a)).not.toBe(normalizeTemplate(b));
  });
}

test('normalizeTemplate output is readable and throws on syntax errors', () => {
  expect(normalizeTemplate('Hi {{a|slice(2)}}!')).toBe('Hi {{ a | slice(2) }}!');
  expect(normalizeTemplate('{{ (a+b)*-c }}')).toBe('{{ (a + b) * -c }}');
  expect(normalizeTemplate('{{ x|f(1,k=2) }}')).toBe('{{ x | f(1, k=2) }}');
  expect(errorOf(() => normalizeTemplate('{{ ANI | 123}}')).code).toBe('syntax');
});

test('referencedNames lists dotted paths of variables, in order, without duplicates', () => {
  expect(referencedNames('{{NewPhoneContact.DNIS | slice(2) }} and {{outdialcbid}}')).toEqual([
    'NewPhoneContact.DNIS',
    'outdialcbid',
  ]);
  expect(
    referencedNames('{{ a[0].b }} {{ m["k"] }} {{ x.y.replace(z, "") }} {{ f(q=w) }} {{ v | default(d) }} {{ a }}'),
  ).toEqual(['a', 'm.k', 'x.y', 'z', 'w', 'v', 'd']);
  // A key written as a string reads the same path as the dotted form; a computed key reads its own names.
  expect(referencedNames("{{ GET_CBID['httpResponseBody'] }} {{ a['b'].c }} {{ m[k] }} {{ n[1] }}")).toEqual(['GET_CBID.httpResponseBody', 'a.b.c', 'm', 'k', 'n']);
  expect(referencedNames('{{ now() | epoch(inMillis=true) }} {{ "lit" }} plain text')).toEqual([]);
  expect(referencedNames('{{ c ? t : e }} {{ "#{ inner }" }} {{ {k: v} }}')).toEqual(['c', 't', 'e', 'inner', 'k', 'v']);
  expect(referencedNames('{{ NewPhoneContact.ANI.length }}')).toEqual(['NewPhoneContact.ANI.length']);
  expect(errorOf(() => referencedNames('{{ ANI | 123}}')).code).toBe('syntax');
});

test('hasExpression', () => {
  expect(hasExpression('{{ a }}')).toBe(true);
  expect(hasExpression('Hello {{name}}!')).toBe(true);
  expect(hasExpression('{{ unclosed')).toBe(true);
  expect(hasExpression('plain text { }')).toBe(false);
  expect(hasExpression('{% if %}')).toBe(true); // a tag (tags.test.ts)
  expect(hasExpression('')).toBe(false);
});

test('lintTemplate reports syntax errors and unknown filters/functions/tests without evaluating', () => {
  expect(lintTemplate('{{ a | slice(2) }} {{ now() }} {{ a is empty }}')).toEqual([]);
  const problems = lintTemplate('{{ a | nope }} {{ later() }} {{ a is shiny }}');
  expect(problems.map((p) => [p.code, p.position])).toEqual([
    ['unknown-filter', 7],
    ['unknown-function', 18],
    ['unknown-test', 37],
  ]);
  expect(lintTemplate('{{ ANI | 123}}').map((p) => p.code)).toEqual(['syntax']);
});

test('the documented parseTemplate (docs/expressions.md, API) is template.ts\'s cached parser itself, no wrapper around it', () => {
  expect(parseTemplate).toBe(cache.parseTemplate);
});

test('parseTemplate caches: same text, same tree; the cache is bounded', () => {
  const a = parseTemplate('{{ cached | upper }}');
  expect(parseTemplate('{{ cached | upper }}')).toBe(a);
  expect(a.parts).toHaveLength(1);
  for (let i = 0; i < 1000; i++) parseTemplate(`{{ other${i} }}`);
  expect(parseTemplate('{{ cached | upper }}')).not.toBe(a); // evicted (least recently used)
  const long = `{{ a }}${' '.repeat(20_001)}`;
  expect(parseTemplate(long)).not.toBe(parseTemplate(long)); // long texts are not kept
});

test('parseTemplate caches a syntax error too: the same error again, without parsing again', () => {
  const thrown = () => {
    try {
      parseTemplate('{{ ANI | 123}} cached');
    } catch (error) {
      return error;
    }
    throw new Error('expected a syntax error');
  };
  const first = thrown();
  expect(first).toMatchObject({ name: 'ExpressionError', code: 'syntax', position: 9 });
  expect(thrown()).toBe(first);
  const long = `{{ ANI | 123}}${' '.repeat(20_001)}`;
  expect(() => parseTemplate(long)).toThrow(/position 9/);
});
