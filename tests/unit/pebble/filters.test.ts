/** Filters: results and failures, after Pebble's core filter sources. */
import { test, expect } from '@playwright/test';
import { errorOf, evaluate, render } from './support.js';

const vars = {
  dnis: '+14694096861',
  name: 'ann marie',
  list: ['b', 'a', 'c'],
  nums: [3, 1, 2],
  map: { a: 1, b: 2 },
  nil: null,
  blank: '   ',
  email: 'test@cisco.com',
  lines: 'line1\nline2\r\nline3',
  spaced: 'ab\tcd\ne\u000Bf\u001Cg\u00A0h',
};

const cases: [string, unknown][] = [
  // slice (R2)
  ['{{ dnis | slice(2) }}', '4694096861'],
  ['{{ dnis | slice(0, 2) }}', '+1'],
  ['{{ dnis | slice(dnis | length - 4) }}', '6861'],
  ['{{ dnis | slice(12) }}', ''],
  ['{{ list | slice(1) }}', ['a', 'c']],
  ['{{ list | slice(0, 1) }}', ['b']],
  ['{{ nil | slice(2) }}', null],
  ['{{ dnis | slice(toIndex=2) }}', '+1'],
  ['{{ dnis | slice (2) }}', '4694096861'], // a space before ( is fine
  // default and emptiness
  ['{{ nil | default("x") }}', 'x'],
  ['{{ "" | default("x") }}', 'x'],
  ['{{ blank | default("x") }}', 'x'], // blank strings are empty (EmptyTest trims)
  ['{{ [] | default("x") }}', 'x'],
  ['{{ {} | default("x") }}', 'x'],
  ['{{ 0 | default("x") }}', 0],
  ['{{ false | default("x") }}', false],
  ['{{ "v" | default("x") }}', 'v'],
  ['{{ nil | default }}', null],
  // length
  ['{{ nil | length }}', 0],
  ['{{ dnis | length }}', 12],
  ['{{ list | length }}', 3],
  ['{{ map | length }}', 2],
  ['{{ 12345 | length }}', 0],
  // first / last
  ['{{ list | first }}', 'b'],
  ['{{ list | last }}', 'c'],
  ['{{ dnis | first }}', '+'],
  ['{{ dnis | last }}', '1'],
  ['{{ [] | first }}', null],
  // case and whitespace
  ['{{ name | upper }}', 'ANN MARIE'],
  ['{{ "ÀB" | lower }}', 'àb'],
  ['{{ 12 | upper }}', '12'],
  ['{{ name | capitalize }}', 'Ann marie'],
  ['{{ "  ann" | capitalize }}', '  Ann'],
  ['{{ name | title }}', 'Ann Marie'],
  ['{{ spaced | title }}', 'Ab\tCd\nE\u000BF\u001CG\u00A0h'], // Character.isWhitespace (not the no-break space)
  ['{{ "  x \\t" | trim }}', 'x \\t'], // only the quote is unescaped in Pebble strings: \t stays two characters
  ['{{ blank | trim }}', ''],
  // replace (one map argument, literal)
  ['{{ dnis | replace({"+1": ""}) }}', '4694096861'],
  ['{{ "a.b.c" | replace({".": "-"}) }}', 'a-b-c'],
  ['{{ "abc" | replace({"a": "$&", "b": "$1"}) }}', '$&$1c'],
  ['{{ "abc" | replace({"": "-"}) }}', '-a-b-c-'],
  ['{{ "aXbX" | replace({"X": 1}) }}', 'a1b1'],
  // split: the delimiter is a regular expression (Java String.split)
  ['{{ email | split("@") | last }}', 'cisco.com'],
  ['{{ "12345678" | split("") | join(",") }}', '1,2,3,4,5,6,7,8'],
  ['{{ "a,b,,c,," | split(",") }}', ['a', 'b', '', 'c']],
  ['{{ "a,b,c" | split(",", 2) }}', ['a', 'b,c']],
  ['{{ "a,b,," | split(",", -1) }}', ['a', 'b', '', '']],
  ['{{ "a.b" | split(".") }}', []], // "." matches every character
  ['{{ "a.b" | split("\\.") }}', ['a', 'b']], // template text split("\.")
  ['{{ "a.b" | split("\\\\.") }}', ['a.b']], // split("\\.") is backslash + any char: Pebble keeps both backslashes
  ['{{ "a|b" | split("|") }}', ['a', '|', 'b']],
  ['{{ ",a" | split(",") }}', ['', 'a']],
  ['{{ "" | split(",") }}', ['']],
  // join
  ['{{ list | join }}', 'bac'],
  ['{{ list | join(", ") }}', 'b, a, c'],
  ['{{ [1, nil, 2.0, true] | join("/") }}', '1/null/2.0/true'],
  // sort / rsort / reverse
  ['{{ list | sort }}', ['a', 'b', 'c']],
  ['{{ nums | sort }}', [1, 2, 3]],
  ['{{ nums | rsort }}', [3, 2, 1]],
  ['{{ ["b", "B", "a", "é", "z"] | sort }}', ['B', 'a', 'b', 'z', 'é']], // String.compareTo: by UTF-16 unit
  ['{{ [true, false, true] | sort }}', [false, true, true]], // Boolean.compareTo: false first
  ['{{ ["b", "a", "a"] | sort }}', ['a', 'a', 'b']],
  ['{{ list | reverse }}', ['c', 'a', 'b']],
  // numbers
  ['{{ -5 | abs }}', 5],
  ['{{ -2.5 | abs }}', 2.5],
  ['{{ 3.14159 | numberformat("#.##") }}', '3.14'],
  // DecimalFormat turns a pattern without any 0 into one with an integer digit: "#.##" is "0.##"
  ['{{ 0.5 | numberformat("#.##") }}', '0.5'],
  ['{{ -0.5 | numberformat("#.##") }}', '-0.5'],
  ['{{ -0.0 | numberformat }}', '-0'], // DecimalFormat keeps the sign of a negative zero
  ['{{ -0.0 | numberformat("0.0") }}', '-0.0'],
  ['{{ 0.75 | numberformat("$#.##") }}', '$0.75'],
  ['{{ 0.55 | numberformat(".##") }}', '.55'], // ".##" is ".0#" (DecimalFormat.applyPattern)
  ['{{ 0.5 | numberformat("#") }}', '0'], // no decimal point: unchanged (HALF_EVEN)
  ['{{ 1234567.891 | numberformat }}', '1,234,567.891'],
  ['{{ 1234.5 | numberformat("#,##0.00") }}', '1,234.50'],
  ['{{ 2.5 | numberformat("#") }}', '2'], // HALF_EVEN
  ['{{ 3.5 | numberformat("#") }}', '4'],
  ['{{ 0.125 | numberformat("0.00") }}', '0.12'],
  ['{{ 1.005 | numberformat("0.00") }}', '1.00'], // binary value is 1.00499…
  ['{{ 0.5 | numberformat("#.#") }}', '0.5'], // Java: "#.#" without any 0 is "0.#"
  ['{{ 0 | numberformat("#") }}', '0'],
  ['{{ 42 | numberformat("00000") }}', '00042'],
  ['{{ 0.256 | numberformat("#%") }}', '26%'],
  ['{{ -1234 | numberformat("#,###") }}', '-1,234'],
  ['{{ 5 | numberformat("\'#\'0") }}', '#5'],
  ['{{ 0.0125 | numberformat("0.0\u2030") }}', '12.5\u2030'],
  ['{{ -3 | numberformat("0;(0)") }}', '(3)'], // the negative subpattern gives the prefix and suffix
  ['{{ 12.0 | numberformat("0.") }}', '12.'],
  ['{{ 12345678.9 | numberformat("#,##0.0") }}', '12,345,678.9'],
  // strings
  ['{{ "Hello world" | abbreviate(8) }}', 'Hello...'],
  ['{{ "Hi" | abbreviate(8) }}', 'Hi'],
  ['{{ "abcd" | abbreviate(4) }}', 'a...'], // not shorter than the length: cut
  ['{{ "abcd" | abbreviate(3) }}', 'abc'], // a length of 3 or less: cut, no ellipsis
  ['{{ "abc" | abbreviate(2) }}', 'abc'], // 3 characters or fewer: as is
  ['{{ "a b&c" | urlencode }}', 'a+b%26c'],
  ['{{ "é~*" | urlencode }}', '%C3%A9%7E*'],
  ['{{ "héllo" | base64encode }}', 'aMOpbGxv'],
  ['{{ "aMOpbGxv" | base64decode }}', 'héllo'],
  ['{{ "YQ" | base64decode }}', 'a'],
  ['{{ "QQ==" | base64decode }}', 'A'],
  ['{{ "" | sha256 }}', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['{{ "abc" | sha256 }}', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ['{{ "<a href=\'x\'>&</a>" | escape }}', '&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;'],
  ['{{ "<b>" | raw }}', '<b>'],
  ['{{ "a\\"b" | escape("json") }}', 'a\\"b'],
  ['{{ "a b&c/é" | escape("url_param") }}', 'a%20b%26c/%C3%A9'], // unbescape keeps "/" in a query parameter
  ['{{ lines | nl2br }}', 'line1<br />line2<br />line3'],
  ['{{ "%s has %d items (%.2f%%)" | format("cart", 3, 12.345) }}', 'cart has 3 items (12.35%)'],
  ['{{ "%05d|%-4s|%x" | format(42, "ab", 255) }}', '00042|ab  |ff'],
  ['{{ "%,d|%+.1f|%b|%c|%X|%2$s|%3$S|%n" | format(1234567, 2.25, "x", "AB" | first, 255) }}', '1,234,567|+2.3|true|A|FF|2.25|X|\n'],
  // merge
  ['{{ list | merge(["d"]) }}', ['b', 'a', 'c', 'd']],
  ['{{ map | merge({"b": 3, "c": 4}) }}', { a: 1, b: 3, c: 4 }],
  ['{{ nil | merge([1]) }}', [1]],
  ['{{ list | merge(nil) }}', ['b', 'a', 'c']],
  // a list merged into a map puts each item as its own key; a map into a list adds its entries as key=value (Map.Entry's text)
  ['{{ map | merge(["x"]) }}', { a: 1, b: 2, x: 'x' }],
  ['{{ list | merge({"k": 1}) }}', ['b', 'a', 'c', 'k=1']],
];
for (const [text, expected] of cases) {
  test(`filter ${text}`, () => {
    expect(evaluate(text, vars)).toEqual(expected);
  });
}

test('sort and reverse do not modify the variable they read', () => {
  const scope = { list: ['b', 'a'] };
  expect(evaluate('{{ list | sort }}', scope)).toEqual(['a', 'b']);
  expect(evaluate('{{ list | reverse }}', scope)).toEqual(['a', 'b']);
  expect(scope.list).toEqual(['b', 'a']);
});

test('filters chain left to right and render inside text', () => {
  expect(render('You entered {{ DigitsEntered | split("") | join(", ") }}.', { DigitsEntered: '123' })).toBe(
    'You entered 1, 2, 3.',
  );
  expect(render('{{ ANI | slice(ANI | length - 4) }}', { ANI: '+19725551234' })).toBe('1234');
});

const failures: [string, string, string][] = [
  ['{{ dnis | slice(-1) }}', 'type', 'fromIndex must not be negative'],
  ['{{ dnis | slice(0, 13) }}', 'type', 'toIndex (13) must not be greater than the input size (12)'],
  ['{{ dnis | slice(3, 3) }}', 'type', 'toIndex (3) must be greater than fromIndex (3)'],
  ['{{ dnis | slice(5, 2) }}', 'type', 'toIndex (2) must be greater than fromIndex (5)'],
  ['{{ dnis | slice(13) }}', 'type', 'fromIndex (13) is greater than the input size (12)'],
  ['{{ list | slice(0, 4) }}', 'type', 'toIndex (4) must not be greater than the input size (3)'],
  ['{{ dnis | slice("2") }}', 'type', 'Argument fromIndex of slice must be a number, got String'],
  ['{{ map | slice(1) }}', 'type', 'can only be applied to strings and lists, not Map'],
  ['{{ 5 | slice(1) }}', 'type', 'can only be applied to strings and lists, not Long'],
  ['{{ dnis | slice(1, 2, 3) }}', 'type', 'The argument at position 3 is not allowed. Only 2 argument(s) are allowed'],
  ['{{ dnis | replace("+1", "") }}', 'type', 'The argument at position 2 is not allowed. Only 1 argument(s) are allowed'],
  ['{{ dnis | replace("+1") }}', 'type', 'The argument of replace must be a map'],
  ['{{ dnis | replace }}', 'type', "The argument 'replace_pairs' is required"],
  ['{{ dnis | slice(from=1) }}', 'type', 'The following named argument does not exist: from'],
  ['{{ nil | abs }}', 'type', 'Can not pass null value to "abs" filter'],
  ['{{ "x" | abs }}', 'type', 'The abs filter requires a number, got String'],
  ['{{ 5 | trim }}', 'type', 'Filter trim expects a String input, got Long'],
  ['{{ 5 | split(",") }}', 'type', 'Filter split expects a String input, got Long'],
  ['{{ "a" | split }}', 'type', 'missing delimiter parameter in split filter'],
  ['{{ "a" | split("(") }}', 'type', 'Invalid regular expression "("'],
  ['{{ "a" | reverse }}', 'type', 'Filter reverse expects a List input, got String'],
  ['{{ "" | first }}', 'type', 'Filter first on an empty string'],
  ['{{ map | first }}', 'type', 'Filter first expects a List input, got Map'],
  ['{{ [1, "a"] | sort }}', 'type', 'Cannot compare String with Long when sorting'],
  ['{{ [1, nil] | sort }}', 'type', 'Cannot sort a list containing null'],
  ['{{ "x" | numberformat }}', 'type', 'has to be a number, got String'],
  ['{{ 1 | numberformat("0.0E0") }}', 'type', 'Exponent number patterns are not supported'],
  ['{{ "!!" | base64decode }}', 'type', 'correctly Base64 encoded'],
  // Java's basic decoder: a last unit of one character, or padding that leaves the length short of 4n (outputs of Pebble on Java 17)
  ['{{ "A" | base64decode }}', 'type', 'correctly Base64 encoded'],
  ['{{ "QQ=" | base64decode }}', 'type', 'correctly Base64 encoded'],
  ['{{ "QUJDRA=" | base64decode }}', 'type', 'correctly Base64 encoded'],
  ['{{ "abc" | abbreviate }}', 'type', 'Argument length of abbreviate must be an integer, got null'], // Java: NullPointerException
  ['{{ 5 | sha256 }}', 'type', 'Filter sha256 expects a String input, got Long'],
  ['{{ "x" | abbreviate(2.5) }}', 'type', 'Argument length of abbreviate must be an integer, got Double'],
  ['{{ "x" | abbreviate(-1) }}', 'type', 'Invalid argument to abbreviate filter; must be greater than zero'],
  ['{{ "a" | replace({"a": nil}) }}', 'type', 'replace: null key or value in the replacement map'],
  ['{{ "%d" | format("x") }}', 'type', "Format specifier '%d' does not accept String"],
  ['{{ "%s %s" | format("x") }}', 'type', "Format specifier '%s' has no argument"],
  ['{{ "%e" | format(1.0) }}', 'type', "Format conversion '%e' is not supported"],
  // java.util.Formatter: a '%' that starts no conversion is UnknownFormatConversionException (%% is a percent sign)
  ['{{ "%d%" | format(50) }}', 'type', "Unknown format conversion '%'"],
  ['{{ "Done: 100%!" | format() }}', 'type', "Unknown format conversion '!'"],
  ['{{ "%-" | format(1) }}', 'type', "Unknown format conversion '-'"],
  ['{{ nil | merge(nil) }}', 'type', 'The two arguments to be merged are null'],
  ['{{ map | merge(1) }}', 'type', 'Only maps and lists can be merged with a map, not Long'],
  ['{{ list | merge("d") }}', 'type', 'Only maps and lists can be merged with a list, not String'],
  ['{{ "a" | merge(["b"]) }}', 'type', 'The merge filter needs a map or a list, got String'],
  ['{{ "a" | escape("bogus") }}', 'type', 'Unknown escaping strategy "bogus"'],
  ['{{ "%c" | format(65) }}', 'type', "Format specifier '%c' does not accept Long"], // Java: c != java.lang.Long
  ['{{ list | join(1) }}', 'type', 'Argument separator of join must be a String, got Long'],
  ['{{ x | unknownfilter }}', 'unknown-filter', 'Unknown filter "unknownfilter" at position 7'],
  ['{{ x | constructor }}', 'unknown-filter', 'Unknown filter "constructor"'],
  ['{{ x | toString }}', 'unknown-filter', 'Unknown filter "toString"'],
];
for (const [text, code, message] of failures) {
  test(`filter failure ${text}`, () => {
    const error = errorOf(() => evaluate(text, vars));
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });
}
