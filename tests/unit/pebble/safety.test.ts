/** Prototype payloads stay harmless; every input is bounded (template size, nesting, steps, output). */
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseTemplate, renderTemplate } from '../../../engine/pebble/index.js';
import { ROOT } from '../../helpers.js';
import { errorOf, evaluate, render, scopeOf } from './support.js';

const vars = { a: { x: 1 }, list: ['a'], s: 'text' };

const payloads = [
  '{{ a.constructor }}',
  '{{ a["__proto__"] }}',
  '{{ a.__proto__ }}',
  '{{ a["constructor"]["prototype"] }}',
  '{{ "".constructor.constructor("x") }}',
  '{{ "".constructor.constructor("return process") }}',
  '{{ a.constructor.constructor("return this") }}',
  '{{ list.constructor }}',
  '{{ list["map"] }}',
  '{{ a.toString }}',
  '{{ a.toString() }}',
  '{{ a.hasOwnProperty("x") }}',
  '{{ s.__proto__.polluted }}',
  '{{ now().constructor }}',
  '{{ 1.constructor }}',
  '{{ constructor }}',
  '{{ __proto__ }}',
  '{{ toString }}',
  '{{ a.valueOf() }}',
];
for (const text of payloads) {
  test(`prototype payload ${text} is null and renders empty`, () => {
    expect(evaluate(text, vars)).toBe(null);
    expect(render(`[${text}]`, vars)).toBe('[]');
  });
}

test('calling the result of a call is a syntax error (Pebble only calls names and methods)', () => {
  expect(errorOf(() => parseTemplate('{{ "".constructor.constructor("x")() }}')).code).toBe('syntax');
  expect(errorOf(() => parseTemplate('{{ now()() }}')).code).toBe('syntax');
});

test('prototype payloads are errors under strictVariables, never JS values', () => {
  for (const text of ['{{ a.constructor }}', '{{ a["__proto__"] }}', '{{ "".constructor }}', '{{ constructor }}']) {
    expect(errorOf(() => evaluate(text, vars, { strictVariables: true })).code).toBe('type');
  }
});

test('filter, function and test names never reach JS prototypes', () => {
  expect(errorOf(() => evaluate('{{ a | constructor }}', vars)).code).toBe('unknown-filter');
  expect(errorOf(() => evaluate('{{ a | __proto__ }}', vars)).code).toBe('unknown-filter');
  expect(errorOf(() => evaluate('{{ constructor() }}', vars)).code).toBe('unknown-function');
  expect(errorOf(() => evaluate('{{ hasOwnProperty("x") }}', vars)).code).toBe('unknown-function');
  expect(errorOf(() => evaluate('{{ a is constructor }}', vars)).code).toBe('unknown-test');
});

test('own data keys named like prototype members are ordinary data, and nothing is polluted', () => {
  const json = JSON.parse('{"constructor": "data", "__proto__": {"polluted": "yes"}}');
  expect(evaluate('{{ j.constructor }}', { j: json })).toBe('data');
  expect(evaluate('{{ j.__proto__.polluted }}', { j: json })).toBe('yes');
  const result = evaluate('{{ {"__proto__": {"polluted": "yes"}, "constructor": 1} | merge(j) }}', { j: json }) as Record<string, unknown>;
  expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  expect(Object.keys(result)).toEqual(['__proto__', 'constructor']);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
});

test('the engine source has no eval, Function constructor or Node built-ins', () => {
  const dir = path.join(ROOT, 'engine', 'pebble');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(path.join(dir, file), 'utf8');
    expect(source, file).not.toMatch(/\beval\s*\(|new\s+Function\b|\bFunction\s*\(/);
    expect(source, file).not.toMatch(/from\s+['"](node:|fs|path|crypto|buffer)/);
    expect(source, file).not.toMatch(/\bBuffer\b|\bprocess\./);
  }
});

const limits: [string, () => unknown, string][] = [
  ['a template longer than 200 000 characters', () => parseTemplate('x'.repeat(200_001)), 'Template longer than 200000 characters'],
  ['150 nested parentheses', () => parseTemplate(`{{ ${'('.repeat(150)}1${')'.repeat(150)} }}`), 'nested deeper than 100 levels'],
  ['150 nested lists', () => parseTemplate(`{{ ${'['.repeat(150)}${']'.repeat(150)} }}`), 'nested deeper than 100 levels'],
  ['a chain of 150 unary nots', () => parseTemplate(`{{ ${'not '.repeat(150)}true }}`), 'nested deeper than 100 levels'],
  ['a chain of 150 additions', () => parseTemplate(`{{ ${Array(150).fill('1').join(' + ')} }}`), 'nested deeper than 100 levels'],
  ['a chain of 150 filters', () => parseTemplate(`{{ a${' | upper'.repeat(150)} }}`), 'nested deeper than 100 levels'],
  ['a 200 000 item range', () => evaluate('{{ 1..200000 }}'), 'List longer than 100000 items'],
  ['a range walked by join', () => evaluate('{{ range(1, 99999) | join(",") | split(",") | join(",") }}'), 'Evaluation exceeded 100000 steps'],
  ['~ doubling a long string', () => evaluate('{{ s ~ s }}', { s: 'x'.repeat(600_000) }), 'String longer than 1000000 characters'],
  ['+ doubling a long string', () => evaluate('{{ s + s }}', { s: 'x'.repeat(600_000) }), 'String longer than 1000000 characters'],
  ['join blowing up', () => evaluate('{{ [s, s] | join }}', { s: 'x'.repeat(600_000) }), 'String longer than 1000000 characters'],
  ['replace blowing up', () => evaluate('{{ s | replace({"x": "yyyy"}) }}', { s: 'x'.repeat(300_000) }), 'String longer than 1000000 characters'],
  ['escape blowing up', () => evaluate('{{ s | escape }}', { s: '&'.repeat(300_000) }), 'String longer than 1000000 characters'],
  ['rendered output too long', () => render('{{ s }}{{ s }}', { s: 'x'.repeat(600_000) }), 'String longer than 1000000 characters'],
  ['a list printed too long', () => render('{{ [s, s] }}', { s: 'x'.repeat(600_000) }), 'String longer than 1000000 characters'],
  ['a huge format width', () => evaluate('{{ "%99999s" | format("x") }}'), 'Format width too large'],
  ['a date pattern longer than 1000 characters', () => evaluate('{{ 0 | date(p) }}', { p: 'y'.repeat(1001) }), 'Date pattern longer than 1000 characters'],
  ['a number pattern longer than 200 characters', () => evaluate('{{ 1 | numberformat(p) }}', { p: '#'.repeat(201) }), 'Number pattern longer than 200 characters'],
  // a precision is the length of the fraction %f writes: it threw a RangeError (a flowgrade bug) past what a JS string holds
  ['a huge format precision', () => evaluate('{{ "%.99999999999999f" | format(1.5) }}'), 'String longer than 1000000 characters'],
  ['a format precision past the string limit', () => evaluate('{{ "%.1000001f" | format(1.5) }}'), 'String longer than 1000000 characters'],
  ['nested repetition in a split pattern', () => evaluate('{{ s | split("(a+)+b") }}', { s: 'aaaa' }), 'too complex'],
  ['repeated alternation in a split pattern', () => evaluate('{{ s | split("(a|aa)*c") }}', { s: 'aaaa' }), 'too complex'],
  // A fixed count after such a group backtracks as much: (a|aa){32}c on 40 a's ran for minutes.
  ['an alternation repeated a fixed number of times', () => evaluate('{{ s.matches("(?:a|aa){32}c") }}', { s: 'a'.repeat(40) }), 'too complex'],
  ['a repetition repeated a fixed number of times', () => evaluate('{{ s.matches("(?:a*){30}c") }}', { s: 'a'.repeat(30) }), 'too complex'],
  ['a back-reference in a pattern', () => evaluate('{{ s.replaceAll("(a)\\1", "") }}', { s: 'aa' }), 'Back-references'],
  ['a named back-reference in a pattern', () => evaluate('{{ s.replaceAll("(?<x>a)\\k<x>", "") }}', { s: 'aa' }), 'Back-references'],
  ['a pattern longer than 256 characters', () => evaluate('{{ s.matches(p) }}', { s: 'a', p: 'a'.repeat(257) }), 'Regular expression longer than 256 characters'],
  ['a very long regex input', () => evaluate('{{ s | split(",") }}', { s: 'x'.repeat(100_001) }), 'Input longer than 100000 characters'],
  // The output is checked as it grows, not once built: an empty pattern inserts the replacement N + 1 times.
  ['replaceAll of the empty pattern blowing up', () => evaluate('{{ s.replaceAll("", s) }}', { s: 'a'.repeat(50_000) }), 'String longer than 1000000 characters'],
  ['replace of the empty text blowing up', () => evaluate('{{ s.replace("", s) }}', { s: 'a'.repeat(99_000) }), 'String longer than 1000000 characters'],
  // V8 cannot run a lookaround in linear time (nor can a browser run anything so): one unbounded repetition at most.
  ['a lookahead with several repetitions', () => evaluate('{{ s.matches("(?=a*a*a*a*a*a*b)a*") }}', { s: 'a'.repeat(200) }), 'too complex (a lookahead or lookbehind'],
  ['a lookbehind and a repetition beside it', () => evaluate('{{ s | split("(?<=a+)b*") }}', { s: 'ab' }), 'too complex (a lookahead or lookbehind'],
  ['a long input for a lookahead', () => evaluate('{{ s | split("(?=b)") }}', { s: 'a'.repeat(10_001) }), 'Input longer than 10000 characters for a regular expression with a lookahead'],
  ['cyclic scope data', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    return render('{{ c }}', { c: cyclic });
  }, 'Data nested deeper than 256 levels'],
  ['deeply nested scope data compared', () => {
    let deep: unknown = [];
    for (let i = 0; i < 1000; i++) deep = [deep];
    return evaluate('{{ d == d }}', { d: deep });
  }, 'Data nested deeper than 256 levels'],
];
for (const [name, run, message] of limits) {
  test(`limit: ${name}`, () => {
    const error = errorOf(run);
    expect(error.code).toBe('limit');
    expect(error.message).toContain(message);
    expect(error.message).toMatch(/at position \d+$/);
  });
}

test('a count or a repetition after a group that repeats nothing risky, or a count of one, still runs', () => {
  expect(evaluate('{{ s.matches("(?:ab){2}c") }}', { s: 'ababc' })).toBe(true);
  // the `?` of `(?:` opens a group: it is no repetition inside it
  expect(evaluate('{{ s.matches("(?:ab)+c") }}', { s: 'ababc' })).toBe(true);
  expect(evaluate('{{ s.matches("(?:a|b){1}c") }}', { s: 'bc' })).toBe(true);
  expect(evaluate('{{ s.matches("\\d{3}-(?:x|y)") }}', { s: '123-y' })).toBe(true);
  // a group holding only fixed counts matches in one way: counted again, it still does
  expect(evaluate('{{ s.matches("(?:a{2}b){3}") }}', { s: 'aabaabaab' })).toBe(true);
  expect(errorOf(() => evaluate('{{ s.matches("(?:a?){30}c") }}', { s: 'a'.repeat(30) })).message).toContain('too complex');
});

test('maxSteps is an option', () => {
  expect(evaluate('{{ 1 + 2 }}', {}, { maxSteps: 3 })).toBe(3);
  expect(errorOf(() => evaluate('{{ 1 + 2 }}', {}, { maxSteps: 2 })).message).toBe('Evaluation exceeded 2 steps at position 7');
  expect(evaluate('{{ 1..1000 | length }}', {}, { maxSteps: 2000 })).toBe(1000);
});

test('the step budget spent while a regular expression runs is that error as it is, at the method', () => {
  const s = 'a'.repeat(50); // a step per match
  expect(errorOf(() => evaluate('{{ s.replaceAll("a", "b") }}', { s }, { maxSteps: 20 })).message).toBe('Evaluation exceeded 20 steps at position 5');
  expect(errorOf(() => evaluate('{{ s | split("a") }}', { s }, { budget: { left: 20 } })).code).toBe('budget');
});

test('moderately large inputs are fine', () => {
  expect(evaluate(`{{ ${Array(90).fill('1').join(' + ')} }}`)).toBe(90);
  expect(render('{{ a }}'.repeat(20_000), { a: 'x' })).toBe('x'.repeat(20_000));
  expect(evaluate('{{ s | length }}', { s: 'x'.repeat(999_999) })).toBe(999_999);
  expect(evaluate('{{ s | split("(ab)+") | length }}', { s: 'xababyab' })).toBe(2);
  expect(evaluate('{{ s | split("(?=b)") | length }}', { s: 'ab'.repeat(5_000) })).toBe(5_001); // a, then ba 4,999 times, then b
  expect(evaluate('{{ s.matches("(?=\\d{5})\\d+") }}', { s: '20261' })).toBe(true);
  expect(evaluate('{{ s.replaceAll("", "-") }}', { s: 'abc' })).toBe('-a-b-c-');
});

test('compiled regular expressions and number patterns are kept in bounded caches: past their size, each pattern still gives its own result', () => {
  // more patterns than the caches hold (200 and 100)
  const split = render('{% for i in 1..250 %}{{ ("x" ~ i ~ "y") | split("" ~ i) | join("-") }},{% endfor %}');
  expect(split).toBe('x-y,'.repeat(250));
  const formatted = render('{% for i in 1..150 %}{{ i | numberformat("\'n" ~ i ~ "\'0") }},{% endfor %}');
  expect(formatted).toBe(Array.from({ length: 150 }, (_, k) => `n${k + 1}${k + 1},`).join(''));
});

test('results are deterministic: same input, same output, a map literal and merge in Java HashMap order', () => {
  const scope = scopeOf({ m: { b: 1, a: 2 } });
  const text = '{{ m | merge({"c": 3, "a": 9}) }} {{ {"z": 1, "y": 2} }} {{ now() | epoch }}';
  const options = { now: () => new Date(0) };
  const first = renderTemplate(text, scope, options);
  expect(first).toBe('{"a":9,"b":1,"c":3} {"y":2,"z":1} 0');
  for (let i = 0; i < 5; i++) expect(renderTemplate(text, scope, options)).toBe(first);
});

test('map literal keys of one HashMap bucket keep the order written, a key written twice its last value (in Java both change from run to run)', () => {
  // "a" and "q" share a bucket of a 4-long table (97 & 3 == 113 & 3), as "Aa" and "BB" share a hashCode
  expect(render('{% for e in {"a": 1, "q": 2} %}{{ e.key }}{% endfor %}|{% for e in {"q": 1, "a": 2} %}{{ e.key }}{% endfor %}')).toBe('aq|qa');
  expect(render('{% for e in {"BB": 1, "Aa": 2} %}{{ e.key }}{% endfor %}|{% for e in {"a": 1, "a": 2} %}{{ e.value }}{% endfor %}')).toBe('BBAa|2');
});

test('regex syntax JavaScript engines disagree on is refused alike everywhere (the CLI and every browser grade the same)', () => {
  // Node 20 rejects these, Chromium 125+ accepts them: each must be one error, with our words.
  for (const [template, message] of [
    ['{{ s.matches("(?i:2)01") }}', 'Inline flags'],
    ['{{ s.replaceAll("(?-i:0)", "0") }}', 'Inline flags'],
    ['{{ s | split("(?i)x") }}', 'Inline flags'],
    ['{{ s.replaceFirst("(?<x>2)|(?<x>9)", "2") }}', 'Named group <x> is defined more than once'],
    ['{{ s.replaceFirst("(?<a_b>2)|(?<a_b>9)", "2") }}', 'Named group <a_b> is defined more than once'],
  ] as const) {
    const error = errorOf(() => evaluate(template, { s: '201' }));
    expect([template, error.code, error.message]).toEqual([template, 'type', expect.stringContaining(message)]);
  }
  // Groups every engine reads alike stay allowed.
  expect(evaluate('{{ s.replaceAll("(?:2)(?<d>0)(?=1)", "x") }}', { s: '201' })).toBe('x1');
  expect(evaluate('{{ s.replaceAll("(?<=2)0(?<!1)", "x") }}', { s: '201' })).toBe('2x1');
  expect(evaluate('{{ s.matches("[(]?i:201") }}', { s: '(i:201' })).toBe(true); // a parenthesis in a class opens no group
});
