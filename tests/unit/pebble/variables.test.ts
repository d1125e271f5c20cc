/** Variables, attribute and index access, Java methods, strictVariables, typed results. */
import { test, expect } from '@playwright/test';
import { errorOf, evaluate, render } from './support.js';

const vars = {
  NewPhoneContact: { ANI: '+14695550123', DNIS: '+14694096861' },
  resp: { items: [{ id: 'a1', tags: ['x'] }, { id: 'b2' }], count: 2, empty: {}, 'odd key': 1, '+1': 'plus' },
  list: ['a', 'b', 'c'],
  nil: null,
  'Flat.httpStatusCode': 201, // a flat dotted name, as a simulator may store output variables
  'Deep.body': { id: 7 },
  ws: { nbsp: '\u00A0', java: '\u001C\u2003', mixed: '\u00A0a\u2003', bom: '\uFEFFa', control: ' \u001Fa\n' },
  Both: { code: 1 },
  'Both.code': 2,
};

const cases: [string, unknown][] = [
  ['{{ NewPhoneContact.ANI }}', '+14695550123'],
  ['{{ NewPhoneContact["DNIS"] }}', '+14694096861'],
  ['{{ resp.items[0].id }}', 'a1'],
  ['{{ resp.items[1]["id"] }}', 'b2'],
  ['{{ resp.items[0].tags[0] }}', 'x'],
  ['{{ resp["odd key"] }}', 1],
  ['{{ resp["+1"] }}', 'plus'],
  ['{{ list[2] }}', 'c'],
  ['{{ list["1"] }}', 'b'], // Pebble parses String.valueOf(key) as the index
  ['{{ list[3] }}', null], // out of range: null (not strict)
  ['{{ list[-1] }}', null],
  ['{{ list["+1"] }}', 'b'],
  ['{{ list[1.0] }}', null], // "1.0" is no int
  ['{{ list[true] }}', null],
  ['{{ list["9999999999"] }}', null], // beyond an int
  ['{{ resp.items[0].missing }}', null],
  ['{{ resp.missing.deeper.still }}', null], // null-safe chains
  ['{{ missing }}', null],
  ['{{ missing.x }}', null],
  ['{{ nil.x }}', null],
  ['{{ resp.empty.x }}', null],
  // bean-style getters and Java methods (String.length(), List.size(), …)
  ['{{ NewPhoneContact.ANI.length }}', 12],
  ['{{ NewPhoneContact.ANI.length() }}', 12],
  ['{{ NewPhoneContact.ANI.empty }}', false],
  ['{{ NewPhoneContact.ANI.replace("+", "") }}', '14695550123'],
  ['{{ "a-b-c".replace("-","") }}', 'abc'],
  ['{{ "a+b".replace("+", "$1") }}', 'a$1b'],
  ['{{ "ABC".toLowerCase() }}', 'abc'],
  ['{{ " x ".trim() }}', 'x'],
  ['{{ "abc".startsWith("ab") }}', true],
  ['{{ "abc".indexOf("c") }}', 2],
  ['{{ "a1b22".replaceAll("[0-9]+", "#") }}', 'a#b#'],
  ['{{ "a1b22".replaceFirst("([0-9]+)", "<$1>") }}', 'a<1>b22'],
  ['{{ "1234".matches("[0-9]{4}") }}', true],
  ['{{ "a,b".split(",") }}', ['a', 'b']],
  ['{{ "abc".substring(1) }}', null], // substring(int) is not callable with a Long, as in stock Pebble
  ['{{ list.size }}', 3],
  ['{{ list.size() }}', 3],
  ['{{ list.indexOf("c") }}', 2],
  ['{{ list.get(0) }}', null], // get(int) is not callable with a Long
  ['{{ resp.size }}', null], // on a map, .size is the key "size"
  ['{{ resp.size() }}', 5],
  ['{{ resp.containsKey("count") }}', true],
  ['{{ resp.get("count") }}', 2],
  ['{{ resp.keySet() | length }}', 5],
  ['{{ "abc".noSuchMethod() }}', null],
  ['{{ "abcabc".lastIndexOf("b") }}', 4],
  ['{{ "b".compareTo("a") }}', 1],
  ['{{ "ab".compareTo("abcd") }}', -2], // one text the start of the other: the difference of their lengths
  ['{{ resp.values() | last }}', 'plus'],
  ['{{ "ab".concat("cd") }}', 'abcd'],
  ['{{ "  ".isBlank() }}', true],
  ['{{ "  ".blank }}', true],
  // isBlank and strip know white space as Character.isWhitespace does: not the no-break space nor U+FEFF, but U+001C-U+001F
  ['{{ ws.nbsp.isBlank() }}', false],
  ['{{ ws.java.isBlank() }}', true],
  ['{{ ws.mixed.strip() }}', '\u00A0a'],
  ['{{ ws.bom.strip() }}', '\uFEFFa'],
  ['{{ ws.control.strip() }}', 'a'],
  ['{{ "ABC".equalsIgnoreCase("abc") }}', true],
  ['{{ "aB".equalsIgnoreCase("ab") }}', true],
  // equalsIgnoreCase compares character by character, each upper-cased (then lower-cased) alone, as Java does
  ['{{ "İ".equalsIgnoreCase("i") }}', true],
  ['{{ "ſ".equalsIgnoreCase("s") }}', true],
  ['{{ "ς".equalsIgnoreCase("Σ") }}', true],
  ['{{ "ß".equalsIgnoreCase("SS") }}', false],
  ['{{ "𐐨".equalsIgnoreCase("𐐀") }}', true],
  ['{{ "ᾳ".equalsIgnoreCase("ᾼ") }}', true],
  ['{{ "x".toUpperCase() }}', 'X'],
  ['{{ "abc".replace(1, 2) }}', null], // no replace(Long, Long) on String
  ['{{ resp.getOrDefault("nope", "d") }}', 'd'],
  ['{{ resp.getOrDefault("count", "d") }}', 2],
  ['{{ resp.containsValue(2) }}', true],
  ['{{ resp.empty.isEmpty() }}', true],
  ['{{ list.lastIndexOf("a") }}', 0],
  // Pebble finds methods and getters ignoring case (MemberCacheUtils: equalsIgnoreCase)
  ['{{ NewPhoneContact.ANI.Length }}', 12],
  ['{{ "x".toUppercase() }}', 'X'],
  ['{{ list.SIZE() }}', 3],
  // java.lang.Boolean methods
  ['{{ (1 == 1).toString() }}', 'true'],
  ['{{ (1 == 2).toString() == "false" }}', true],
  ['{{ (1 == 2).booleanValue() }}', false],
  ['{{ (1 == 1).booleanValue }}', true],
  ['{{ (1 == 1).BooleanValue() }}', true],
  ['{{ (1 == 1).foo }}', null],
  ['{{ (1 == 1).toString(1) }}', null],
  // java.lang.Long and Double methods
  ['{{ Flat.httpStatusCode.toString() == "201" }}', true],
  ['{{ 2.5.toString() }}', '2.5'],
  ['{{ 2.0.toString() }}', '2.0'],
  ['{{ 2.7.intValue() }}', 2],
  ['{{ 7.doubleValue() / 2 }}', 3.5],
  ['{{ 7.longValue() / 2 }}', 3],
  // flat dotted scope keys are found when the root name is not in the scope
  ['{{ Flat.httpStatusCode == 201 }}', true],
  ['{{ Deep.body.id }}', 7],
  ['{{ Both.code }}', 1], // ... and only then: a root in the scope wins over a flat key
];
for (const [text, expected] of cases) {
  test(`access ${text}`, () => {
    expect(evaluate(text, vars)).toEqual(expected);
  });
}

test('.contains( and .equals( are syntax errors: both names are operators in Pebble', () => {
  expect(errorOf(() => evaluate('{{ "abc".contains("z") }}')).message).toBe(
    'Unexpected token "contains" (OPERATOR) at position 9, expected an attribute name',
  );
  expect(errorOf(() => evaluate('{{ list.equals(list) }}', vars)).code).toBe('syntax');
  expect(evaluate('{{ "abc" contains "z" }}')).toBe(false);
});

test('a null argument to a String method is an error, as in Java (IllegalArgumentException, NullPointerException)', () => {
  for (const text of ['{{ "abc".indexOf(nil) }}', '{{ "abc".startsWith(null) }}', '{{ "abc".replace("a", nil) }}']) {
    const error = errorOf(() => evaluate(text, vars));
    expect(error.code, text).toBe('type');
    expect(error.message, text).toBe('Null argument in a method call at position 9');
  }
});

test('replaceAll/replaceFirst read the replacement as Java\'s Matcher does: $n, ${name}, \\x, and errors', () => {
  // a group number takes as many digits as still name a group; ${name} is a named group
  expect(evaluate('{{ "abcdefghijk".replaceFirst("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)", "$11") }}')).toBe('k');
  expect(evaluate('{{ "ab".replaceFirst("(a)", "$12") }}')).toBe('a2b');
  expect(evaluate('{{ "2025-02".replaceFirst("(?<y>[0-9]+)-(?<m>[0-9]+)", "${m}/${y}") }}')).toBe('02/2025');
  expect(evaluate('{{ "5".replaceAll("^", "\\$") }}')).toBe('$5'); // \$ is a literal $
  expect(evaluate('{{ "ab".replaceAll("(a)|b", "[$1]") }}')).toBe('[a][]'); // a group that took no part adds nothing
  // Java refuses a $ that names no group, and a trailing backslash (IllegalArgumentException)
  const refused: [string, Record<string, unknown>, string][] = [
    ['{{ "USD 5".replaceAll("USD ", "$") }}', {}, 'Illegal group reference: group index is missing'],
    ['{{ "a1".replaceAll("[0-9]", "$x") }}', {}, 'Illegal group reference'],
    ['{{ "a1".replaceFirst("[0-9]", "${x}") }}', {}, 'No group with name {x}'],
    ['{{ "a1".replaceFirst("[0-9]", "${}") }}', {}, 'named capturing group has 0 length name'],
    ['{{ "a1".replaceFirst("(?<x>[0-9])", "${x") }}', {}, "named capturing group is missing trailing '}'"],
    ['{{ "a1".replaceFirst("(?<x>[0-9])", "${1x}") }}', {}, 'capturing group name {1x} starts with digit character'],
    ['{{ "a1".replaceAll("[0-9]", "$1") }}', {}, 'No group 1'],
    ['{{ "a1".replaceAll("[0-9]", r) }}', { r: 'x\\' }, 'character to be escaped is missing'],
  ];
  for (const [text, scope, message] of refused) {
    const error = errorOf(() => evaluate(text, scope));
    expect(error.code, text).toBe('type');
    expect(error.message, text).toContain(message);
  }
  // no match: the replacement is never read, as in Java
  expect(evaluate('{{ "abc".replaceAll("[0-9]", "$") }}')).toBe('abc');
});

test('evaluateTemplate returns typed values for a lone expression, text otherwise', () => {
  expect(evaluate('{{ resp.count }}', vars)).toBe(2);
  expect(evaluate('  {{ resp.count == 2 }}  ', vars)).toBe(true);
  expect(evaluate('{{ resp.items[0] }}', vars)).toEqual({ id: 'a1', tags: ['x'] });
  expect(evaluate('{{ 2.5 }}', vars)).toBe(2.5);
  expect(evaluate('{{ missing }}', vars)).toBe(null);
  expect(evaluate('count={{ resp.count }}', vars)).toBe('count=2');
  expect(evaluate('{{ missing }}!', vars)).toBe('!');
  expect(evaluate('no braces', vars)).toBe('no braces');
  expect(evaluate('{{ {1: "one", 2.5: "x", true: "t"} }}')).toEqual({ 1: 'one', '2.5': 'x', true: 't' });
});

test('rendering: null is empty, lists and maps are compact JSON', () => {
  expect(render('[{{ missing }}][{{ nil }}]', vars)).toBe('[][]');
  expect(render('{{ resp.items }}', vars)).toBe('[{"id":"a1","tags":["x"]},{"id":"b2"}]');
  expect(render('{{ ["a", 1, 2.0, null, true] }}')).toBe('["a",1,2.0,null,true]');
  expect(render('{{ {"k": now()} }}')).toBe('{"k":"2025-02-06T21:09:02.712Z[UTC]"}');
  // a key that is no text is printed as Java prints it; 0.0 and -0.0 are two keys (Double.equals)
  expect(render('{{ {2.5: "x", 1: "y"} }}')).toBe('{"2.5":"x","1":"y"}');
  expect(render('{{ {0.0: "a", -0.0: "b"} | length }}')).toBe('2');
  // a list or map key by its own text (Java: {[1]=2, {a=1}=3}), not one empty key for both
  expect(render('{{ {[1]: 2, {"a": 1}: 3} }}')).toBe('{"[1]":2,"{\\"a\\":1}":3}');
});

test('map literals find keys by Java equality, lists, maps, dates and null too (outputs of Pebble on Java 17)', () => {
  expect(render('{% set m = {"a": 1} %}{{ m.get("b") }}|{{ m.containsKey(null) }}|{{ m.containsKey("a") }}')).toBe('|false|true');
  expect(render('{% set m = {[1]: "x", {"k": 2}: "y", now(): "z"} %}{{ m.containsKey([1]) }}|{{ m.get({"k": 2}) }}|{{ m.containsKey(now()) }}|{{ m.containsKey([2]) }}')).toBe('true|y|true|false');
  expect(render('{{ now() == now() }}|{{ now() == now().plusSeconds(1) }}|{{ [now()] contains now() }}')).toBe('true|false|true');
});

// Pebble's MapResolver (io/pebbletemplates/pebble/attributes/MapResolver.java): a number key takes
// the class of the map's first key; a key of text, as every JSON object's, takes none.
test('a number subscript of a map takes the class of its first key: a JSON object (text keys) fails, as in Pebble; a map of numbers is read; an empty map gives null', () => {
  const record = { id: 140, dn: '4694096861', 0: 'zero' };
  for (const text of ['{{ record[0] }}', '{{ record[0] | default("d") }}', '{{ record[0] is null }}', '{{ record[1.5] }}']) {
    const error = errorOf(() => evaluate(text, { record }));
    expect([text, error.code, error.message]).toEqual([text, 'type', `type class java.lang.String not supported for key ${text.includes('1.5') ? '1.5' : '0'} at position 9`]);
  }
  expect(render('{{ record["0"] }}|{{ record.dn }}', { record })).toBe('zero|4694096861'); // text keys as ever
  // (Checked with Pebble 3 on Java 17: in the second map HashMap puts 2.5 first, so 1 is looked up as 1.0, which is no key.)
  expect(render('{% set m = {1: "one"} %}{{ m[1] }}|{{ m[1.0] }}|{{ m[2] }}', {})).toBe('one|one|');
  expect(render('{% set m = {1: "one", 2.5: "x"} %}{{ m[1] }}|{{ m[1.0] }}|{{ m[2] }}', {})).toBe('||');
  expect(render('{% set d = {2.5: "x"} %}{{ d[2.5] }}|{{ d[2] }}', {})).toBe('x|');
  expect(render('{{ empty[0] }}', { empty: {} })).toBe('');
  expect(errorOf(() => evaluate('{% set b = {true: 1} %}{{ b[0] }}', {})).message).toMatch(/^type class java\.lang\.Boolean not supported for key 0 at position/);
  // A list is still read by its index.
  expect(render('{{ list[0] }}', { list: ['a'] })).toBe('a');
});

test('scope maps and numbers beyond what JSON gives: JS Map keys of other types, Longs beyond 2^53, an invalid Date', () => {
  const m = new Map<unknown, unknown>([[1.5, 'double'], [true, 'boolean'], [9007199254740993n, 'long'], ['k', 'v']]);
  expect(render('{{ m[1.5] }}|{{ m[true] }}|{{ m[9007199254740993] }}|{{ m.get("nope") }}|{{ m }}', { m })).toBe('double|boolean|long||{"1.5":"double","true":"boolean","9007199254740993":"long","k":"v"}');
  const obj = { 1: 'one' };
  expect(render('{{ obj.get(1) }}|{{ obj.get(true) }}|{{ obj.containsKey(1) }}|{{ obj.containsKey(true) }}', { obj })).toBe('one||true|false'); // a Long finds its digits in a JSON object (choice)
  expect(render('{{ x.intValue() }}|{{ y.intValue() }}|{{ (0.0 / 0.0).intValue() }}', { x: 2 ** 53 + 2, y: 2 ** 60 })).toBe('2|0|0'); // (int) keeps the low 32 bits; of NaN, 0
  expect(render('{{ x }}', { x: 2n ** 64n })).toBe('18446744073709551616'); // a bigint beyond a Long: the nearest JS number
  expect(evaluate('{{ d }}', { d: new Date(Number.NaN) })).toBe(null);
});

test('scope values that are not JSON read as null; getters are never run', () => {
  let called = false;
  const withGetter = Object.defineProperty({}, 'secret', {
    enumerable: true,
    get() {
      called = true;
      return 'leaked';
    },
  });
  class Secret {
    value = 'hidden';
  }
  const scope = { fn: () => 'x', instance: new Secret(), withGetter, date: new Date(Date.UTC(2025, 0, 1)), big: 12n };
  expect(evaluate('{{ fn }}', scope)).toBe(null);
  expect(evaluate('{{ instance.value }}', scope)).toBe(null);
  expect(evaluate('{{ withGetter.secret }}', scope)).toBe(null);
  expect(called).toBe(false);
  expect(evaluate('{{ date }}', scope)).toBe('2025-01-01T00:00Z[UTC]');
  expect(evaluate('{{ big + 1 }}', scope)).toBe(13);
  // a JS Map in the scope is a map
  expect(evaluate('{{ m.k }}', { m: new Map([['k', 'v']]) })).toBe('v');
});

test('strictVariables: unknown variables and attributes are errors', () => {
  const strict = { strictVariables: true };
  const missing = errorOf(() => evaluate('{{ nope }}', vars, strict));
  expect(missing.code).toBe('type');
  expect(missing.position).toBe(3);
  expect(missing.message).toBe('Variable "nope" does not exist (strictVariables) at position 3');
  expect(errorOf(() => evaluate('{{ resp.nope }}', vars, strict)).message).toContain('Attribute "nope" does not exist');
  expect(errorOf(() => evaluate('{{ list[9] }}', vars, strict)).code).toBe('type');
  expect(errorOf(() => evaluate('{{ nil.x }}', vars, strict)).code).toBe('type');
  expect(errorOf(() => evaluate('{{ nil and true }}', vars, strict)).message).toContain('null value used in the "and" operator');
  expect(errorOf(() => evaluate('{{ not nil }}', vars, strict)).message).toContain('null value given to "not" (strictVariables)'); // Pebble: null value given to not()
  // present variables (even null ones) are fine, and default / is defined hide the miss
  expect(evaluate('{{ nil }}', vars, strict)).toBe(null);
  expect(evaluate('{{ nope | default("d") }}', vars, strict)).toBe('d');
  expect(evaluate('{{ resp.nope.deeper | default("d") }}', vars, strict)).toBe('d');
  expect(evaluate('{{ nope is defined }}', vars, strict)).toBe(false);
  expect(evaluate('{{ resp.count is defined }}', vars, strict)).toBe(true);
  expect(evaluate('{{ Flat.httpStatusCode }}', vars, strict)).toBe(201);
  // without the option, the same templates are null
  expect(evaluate('{{ nope }}', vars)).toBe(null);
});

test('unknown functions and tests are errors with their position', () => {
  const fn = errorOf(() => evaluate('{{ 1 + later() }}'));
  expect(fn.code).toBe('unknown-function');
  expect(fn.position).toBe(7);
  expect(fn.message).toBe('Unknown function "later" at position 7');
  const t = errorOf(() => evaluate('{{ 1 is shiny }}'));
  expect(t.code).toBe('unknown-test');
  expect(t.message).toBe('Unknown test "shiny" at position 8');
  // an unknown filter in a branch that does not run is not an error (Pebble reports it when evaluated)
  expect(evaluate('{{ true ? 1 : x | nope }}')).toBe(1);
});

const tests: [string, unknown][] = [
  ['{{ 4 is even }}', true],
  ['{{ 3 is odd }}', true],
  ['{{ -3 is odd }}', true],
  ['{{ 3 is not odd }}', false],
  ['{{ list is iterable }}', true],
  ['{{ "abc" is iterable }}', false],
  ['{{ resp is map }}', true],
  ['{{ list is map }}', false],
  ['{{ nil is null }}', true],
  ['{{ missing is defined }}', false],
  ['{{ list is defined }}', true],
  ['{{ "  " is empty }}', true],
  ['{{ resp.empty is empty }}', true],
  ['{{ 0 is empty }}', false],
  ['{{ 2 is even(1) }}', true], // arguments to a test that takes none are ignored, as in Pebble
];
for (const [text, expected] of tests) {
  test(`test ${text}`, () => {
    expect(evaluate(text, vars)).toBe(expected);
  });
}

test('even/odd need an integer', () => {
  expect(errorOf(() => evaluate('{{ nil is even }}', vars)).message).toContain('Can not pass null value to "even" test');
  expect(errorOf(() => evaluate('{{ 2.0 is even }}', vars)).message).toContain('needs an integer, got Double');
  expect(errorOf(() => evaluate('{{ "2" is odd }}', vars)).message).toContain('needs an integer, got String');
});

test('functions min, max, range', () => {
  expect(evaluate('{{ max(3, 9, 4) }}')).toBe(9);
  expect(evaluate('{{ min(3, 1.5, 4) }}')).toBe(1.5);
  expect(evaluate('{{ range(1, 10, 3) }}')).toEqual([1, 4, 7, 10]);
  expect(evaluate('{{ range(3, 1, -1) }}')).toEqual([3, 2, 1]);
  expect(errorOf(() => evaluate('{{ range(1, 3, 0) }}')).message).toContain('different than 0');
  expect(errorOf(() => evaluate('{{ max("a", 1) }}')).code).toBe('type');
  // as in Pebble: a named argument to min or max is none of its values; range needs its numbers or characters
  expect(evaluate('{{ max(a=1) }}')).toBe(null);
  expect(evaluate('{{ 1.5..3.7 }}')).toEqual([1, 2, 3]); // doubles as their longValue()
  expect(evaluate('{{ (0.0 / 0.0)..2 }}')).toEqual([0, 1, 2]);
  // a double beyond a Long is Long.MIN_VALUE or Long.MAX_VALUE
  expect(render('{{ range(-9223372036854775807 * 4.0, -9223372036854775807 * 4.0) | join(",") }}')).toBe('-9223372036854775808');
  expect(render('{{ range(9223372036854775807 * 4.0, 9223372036854775806, -1) | join(",") }}')).toBe('9223372036854775807,9223372036854775806');
  expect(render('{{ range(9007199254740993, 9007199254740995) | join(",") }}')).toBe('9007199254740993,9007199254740994,9007199254740995');
  for (const text of ['{{ range() }}', '{{ range(1) }}', '{{ range("ab", "c") }}', '{{ range(1, "c") }}']) {
    expect(errorOf(() => evaluate(text)).message, text).toContain('Arguments of range must be numbers or strings of length 1');
  }
});
