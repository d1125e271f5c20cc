/** Operator semantics where Pebble differs from JavaScript. */
import { test, expect } from '@playwright/test';
import { errorOf, evaluate, render } from './support.js';

const vars = { s201: '201', n201: 201, d: 2.5, nil: null, list: ['a', 'b'], map: { k: 'v' }, yes: true };

const cases: [string, unknown][] = [
  // equality: numeric only when both sides are numbers
  ['{{ "201" == 201 }}', false],
  ['{{ s201 == n201 }}', false],
  ['{{ s201 != n201 }}', true],
  ['{{ 201 == 201.0 }}', true],
  ['{{ 201 equals 201 }}', true],
  ['{{ "a" == "a" }}', true],
  ['{{ nil == null }}', true],
  ['{{ missing == null }}', true],
  ['{{ true == "true" }}', false],
  ['{{ [1, "a"] == [1, "a"] }}', true],
  ['{{ [1] == [1.0] }}', false], // Java List.equals: Long(1) does not equal Double(1.0)
  ['{{ [0.0] == [-0.0] }}', false], // ... and Double.equals tells 0.0 from -0.0
  ['{{ [0.0 / 0] == [0.0 / 0] }}', true], // ... and finds NaN equal to NaN
  ['{{ {"k": "v"} == map }}', true],
  // comparison
  ['{{ 2 < 10 }}', true],
  ['{{ 2.5 >= 2 }}', true],
  ['{{ nil < 1 }}', false],
  ['{{ 1 > nil }}', false],
  ['{{ d <= 2.5 }}', true],
  // arithmetic: Long / Long truncates, Double wins
  ['{{ 201 / 100 }}', 2],
  ['{{ -7 / 2 }}', -3],
  ['{{ 7 % 3 }}', 1],
  ['{{ -7 % 3 }}', -1],
  ['{{ 10 / 4.0 }}', 2.5],
  ['{{ 10.0 / 4 }}', 2.5],
  ['{{ 3 * 1.5 }}', 4.5],
  ['{{ 2.5 - 1 }}', 1.5],
  ['{{ 1 - d }}', -1.5],
  ['{{ 1.0 / 0 }}', Infinity],
  ['{{ 9223372036854775807 + 1 }}', -9223372036854775808], // 64-bit wrap-around
  ['{{ "5" * 2 }}', 10], // numeric strings convert for - * / %
  ['{{ "10" - 1 }}', 9],
  ['{{ "2.5" * 2 }}', 5],
  ['{{ -"5" }}', -5],
  ['{{ +3 }}', 3],
  ['{{ +"5" + 1 }}', 6], // unary plus is 1 * x (OperatorUtils.unaryPlus): a number, then added
  // + concatenates when either side is a string
  ['{{ "a" + 1 }}', 'a1'],
  ['{{ 1 + "a" }}', '1a'],
  ['{{ "5" + 1 }}', '51'],
  ['{{ "a" + nil }}', 'anull'], // String.valueOf(null)
  ['{{ "x" + 1.0 }}', 'x1.0'],
  ['{{ "x" + true }}', 'xtrue'],
  ['{{ list + "c" }}', '["a","b"]c'], // a String operand wins: concatenation (lists print as JSON)
  ['{{ list + 3 }}', ['a', 'b', 3]],
  ['{{ list + ["c", "d"] }}', ['a', 'b', 'c', 'd']],
  ['{{ list - "a" }}', ['b']],
  ['{{ ["a", "b", "a"] - "a" }}', ['b', 'a']], // List.remove(Object): the first only
  ['{{ ["a", "b", "a", "c"] - ["a", "c"] }}', ['b']], // List.removeAll: every one
  ['{{ list - "z" }}', ['a', 'b']], // nothing to remove: the list as it was
  // ~ concatenates, null is empty
  ['{{ "a" ~ nil ~ 1 ~ 2.0 }}', 'a12.0'],
  ['{{ nil ~ "a" }}', 'a'],
  ['{{ 1 ~ 2 }}', '12'],
  // contains
  ['{{ list contains "a" }}', true],
  ['{{ list contains "z" }}', false],
  ['{{ list contains ["a", "b"] }}', true],
  ['{{ list contains ["a", "z"] }}', false], // containsAll
  ['{{ [0.0 / 0] contains (0.0 / 0) }}', true], // Double.equals: NaN equals NaN
  ['{{ [1, 2] contains 1.0 }}', false],
  ['{{ "hello" contains "ell" }}', true],
  ['{{ "n201" contains 201 }}', true],
  ['{{ map contains "k" }}', true],
  ['{{ map contains "v" }}', false],
  ['{{ nil contains "a" }}', false],
  // maps equal with the same entries only (Java 17)
  ['{{ {"a": 1} == {"a": 1} }}', true],
  ['{{ {"a": 1} == {"a": 1, "b": 2} }}', false],
  ['{{ {"a": 1} == [1] }}', false],
  // logic: numbers are true when non-zero, strings when non-empty
  ['{{ yes and 1 }}', true],
  ['{{ 0 or "" }}', false],
  ['{{ "false" and true }}', true], // a non-empty string is true (Pebble's compatibleCast)
  ['{{ nil or false }}', false],
  ['{{ (0.0 / 0) or false }}', false], // compatibleCast: NaN is false
  ['{{ (0.0 / 0) ? "t" : "f" }}', 'f'],
  ['{{ " " ? "t" : "f" }}', 't'], // a blank string is not empty: true
  ['{{ " " and true }}', true],
  ['{{ not nil }}', true],
  ['{{ not "" }}', true],
  ['{{ not 0 }}', true],
  ['{{ nil ? "t" : "f" }}', 'f'],
  ['{{ "x" ? "t" : "f" }}', 't'],
  // ranges
  ['{{ 1..4 }}', [1, 2, 3, 4]],
  ['{{ 3..1 }}', []],
  ['{{ "a".."c" }}', ['a', 'b', 'c']],
  // a SafeString (raw's) equals only a SafeString of the same text, and is a map key of its own
  ['{{ ("a" | raw) == ("b" | raw) }}', false],
  ['{{ {("a" | raw): 1} contains "a" }}', false],
  ['{{ {("a" | raw): 1} contains {"text": "a"} }}', false],
  ['{{ {("a" | raw): 1, ("b" | raw): 2} | length }}', 2],
];
for (const [text, expected] of cases) {
  test(`operator ${text}`, () => {
    expect(evaluate(text, vars)).toEqual(expected);
  });
}

test('rendering of doubles, longs and booleans', () => {
  expect(render('{{ 1.0 }} {{ 2.5 }} {{ 10 / 4.0 }}')).toBe('1.0 2.5 2.5');
  expect(render('{{ 10000000.0 }} {{ 0.0001 }} {{ 123456.789 }}')).toBe('1.0E7 1.0E-4 123456.789');
  expect(render('{{ 9007199254740991 }} {{ 1738876142712 }}')).toBe('9007199254740991 1738876142712');
  expect(render('{{ true }}/{{ false }}/{{ nil }}/{{ 1.0 / 0 }}', vars)).toBe('true/false//Infinity');
  expect(render('{{ -0.0 }}')).toBe('-0.0');
  expect(render('{{ 0.0 * 1 }} {{ 0.0 / 0 }} {{ -1.0 / 0 }}')).toBe('0.0 NaN -Infinity'); // Double.toString
  expect(render('{{ 0.001 }} {{ 0.00099 }}')).toBe('0.001 9.9E-4'); // Double.toString: plain from 10^-3
  // a numeric string with an exponent is a Double; a sum beyond 2^53 stays exact
  expect(render('{{ "1e3" * 2 }} {{ "2E-1" * 1 }}')).toBe('2000.0 0.2');
  expect(render('{{ 9007199254740991 + 2 }} {{ -9007199254740991 - 2 }}')).toBe('9007199254740993 -9007199254740993');
});

const errors: [string, string][] = [
  ['{{ "a" < 1 }}', 'Invalid operands for mathematical comparison "<": String and Long'],
  ['{{ list > 1 }}', 'Invalid operands for mathematical comparison ">": List and Long'],
  ['{{ 1 / 0 }}', 'Division by zero'],
  ['{{ 1 % 0 }}', 'Division by zero'],
  ['{{ "abc" * 2 }}', 'Cannot convert the string "abc" to a number'],
  [`{{ "${'x'.repeat(50)}" * 2 }}`, `Cannot convert the string "${'x'.repeat(40)}…" to a number`], // a long text is cut in the message
  [`{{ "${'x'.repeat(41)}" * 2 }}`, `Cannot convert the string "${'x'.repeat(40)}…" to a number`], // cut from 41 characters on
  [`{{ ("${'x'.repeat(41)}" | raw) * 2 }}`, `Cannot use the SafeString "${'x'.repeat(40)}…" as a number`],
  ['{{ {"a": 1} * 1 }}', 'Cannot use Map as a number'],
  ['{{ "١٢" * 1 }}', 'Cannot convert the string "١٢" to a number'], // Java reads 12 (docs/expressions.md, difference 6)
  ['{{ "0x1.8p1" * 1 }}', 'Cannot convert the string "0x1.8p1" to a number'], // Java reads 3.0 (the same)
  ['{{ nil + 1 }}', 'Cannot use null as a number'],
  ['{{ true - 1 }}', 'Cannot use Boolean as a number'],
  ['{{ 5 contains 1 }}', 'The contains operator can only be used on lists, maps and strings, not Long'],
  ['{{ list and true }}', 'Cannot use List as a boolean'],
  ['{{ map ? 1 : 2 }}', 'Cannot use Map as a boolean'],
  ['{{ ("a" | raw) and true }}', 'Cannot use SafeString as a boolean'],
  ['{{ not list }}', 'Unsupported value type List for "not"'],
  ['{{ -"x" }}', 'Cannot convert the string "x" to a number'],
  ['{{ range(1, 5, "a") }}', 'The increment of range must be a number'],
];
for (const [text, message] of errors) {
  test(`evaluation error ${text}`, () => {
    const error = errorOf(() => evaluate(text, vars));
    expect(error.code).toBe('type');
    expect(error.message).toContain(message);
    expect(error.message).toMatch(/at position \d+$/);
  });
}

test('and/or short-circuit: the right side is not evaluated', () => {
  expect(evaluate('{{ false and (1 / 0 == 1) }}')).toBe(false);
  expect(evaluate('{{ true or (1 / 0 == 1) }}')).toBe(true);
  expect(evaluate('{{ nil contains (1 / 0) }}', vars)).toBe(false);
  expect(evaluate('{{ true ? 1 : 1 / 0 }}')).toBe(1);
});

test('error positions point at the operator or filter that failed', () => {
  expect(errorOf(() => evaluate('{{ 10 / 0 }}')).position).toBe(6);
  expect(errorOf(() => evaluate('{{ "a" < 1 }}')).position).toBe(7);
  expect(errorOf(() => evaluate('{{ s | slice(9) }}', { s: 'abc' })).position).toBe(7);
});
