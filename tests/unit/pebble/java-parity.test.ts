/**
 * Outputs checked against the real Java library: Pebble @68a1bb47 (the commit docs/expressions.md
 * cites) built from source with unbescape 1.1.6.RELEASE, on OpenJDK 17 with Locale en_US,
 * autoEscaping off. Each expected value below is what Java printed (or the error it raised) for
 * the same template and the same `x`. The SafeString and time zone sections were run on the same
 * Pebble with unbescape's source @826239b (1.1.7.BUILD-SNAPSHOT) on OpenJDK 17.0.15.
 */
import { test, expect } from '@playwright/test';
import { evaluateTemplate } from '../../../engine/pebble/index.js';
import { JAVA_ZONE_IDS } from '../../../engine/pebble/java-zone-ids.js';
import { resolveZone } from '../../../engine/pebble/timezone.js';
import { CLOCK_MILLIS, errorOf, evaluate, render } from './support.js';

/** One test per template: it renders what Java printed. */
function rendersAsJava(what: string, cases: [template: string, java: string][]): void {
  for (const [template, java] of cases) {
    test(`${what} as Java: ${template}`, () => {
      expect(render(template)).toBe(java);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// 1. escape(strategy=…): unbescape's escapers, with the settings Pebble's EscapeFilter uses
// ---------------------------------------------------------------------------------------------

const TRICKY =
  'say "hi" & <b>it\'s</b> a\\b/c </d> caf\u00e9 \u4e2d \u0000\u0001\u001f\u007f\u0085 \u0009\u000a\u000d\u000b\u000c \u2028\u2029 \ud83d\ude00 \ud83d';

const escapes: [template: string, x: string | null, java: string][] = [
  // JsonEscape.escapeJson: level 2 — also every non-ASCII character, `&`, and `/` after `<`; `'` kept
  ['{{ x | escape(strategy="json") }}', TRICKY, 'say \\"hi\\" \\u0026 <b>it\'s<\\/b> a\\\\b/c <\\/d> caf\\u00E9 \\u4E2D \\u0000\\u0001\\u001F\\u007F\\u0085 \\t\\n\\r\\u000B\\f \\u2028\\u2029 \\uD83D\\uDE00 \\uD83D'],
  // JavaScriptEscape.escapeJavaScript: `\'`, `\xHH` up to U+00FF, `\0`
  ['{{ x | escape(strategy="js") }}', TRICKY, 'say \\"hi\\" \\x26 <b>it\\\'s<\\/b> a\\\\b/c <\\/d> caf\\xE9 \\u4E2D \\0\\x01\\x1F\\x7F\\x85 \\t\\n\\r\\x0B\\f \\u2028\\u2029 \\uD83D\\uDE00 \\uD83D'],
  // CssEscape.escapeCssIdentifier: backslash before ASCII punctuation, compact hex for the rest
  ['{{ x | escape(strategy="css") }}', TRICKY, 'say\\ \\"hi\\"\\ \\&\\ \\<b\\>it\\\'s\\<\\/b\\>\\ a\\\\b\\/c\\ \\<\\/d\\>\\ caf\\E9\\ \\4E2D\\ \\0\\1\\1F\\7F\\85\\ \\9\\A\\D\\B\\C\\ \\2028\\2029\\ \\1F600\\ \\D83D'],
  // UriEscape.escapeUriQueryParam: `/ ? : @ ! $ ' ( ) * , ;` stay; a lone surrogate is `?` (%3F)
  ['{{ x | escape(strategy="url_param") }}', TRICKY, 'say%20%22hi%22%20%26%20%3Cb%3Eit\'s%3C/b%3E%20a%5Cb/c%20%3C/d%3E%20caf%C3%A9%20%E4%B8%AD%20%00%01%1F%7F%C2%85%20%09%0A%0D%0B%0C%20%E2%80%A8%E2%80%A9%20%F0%9F%98%80%20%3F'],
  ['{{ x | escape(strategy="html") }}', TRICKY, 'say &quot;hi&quot; &amp; &lt;b&gt;it&#39;s&lt;/b&gt; a\\b/c &lt;/d&gt; caf\u00e9 \u4e2d \u0000\u0001\u001f\u007f\u0085 \u0009\u000a\u000d\u000b\u000c \u2028\u2029 \ud83d\ude00 \ud83d'],
  ['{{ x | escape(strategy="url_param") }}', "a=1&b=2+3#f ?q/p:@!$'()*,;~-._", "a%3D1%26b%3D2%2B3%23f%20?q/p:@!$'()*,;~-._"],
  ['{{ x | escape("url_param") }}', 'a b&c/\u00e9', 'a%20b%26c/%C3%A9'],
  ['{{ x | escape(strategy="css") }}', '1st', '\\31st'],
  ['{{ x | escape(strategy="css") }}', '-1x', '\\-1x'],
  ['{{ x | escape(strategy="css") }}', '--x', '\\--x'],
  ['{{ x | escape(strategy="css") }}', '-x-y', '-x-y'],
  ['{{ x | escape(strategy="css") }}', '_a_b', '\\_a_b'],
  ['{{ x | escape(strategy="css") }}', 'a:b', 'a\\3A b'],
  ['{{ x | escape(strategy="css") }}', '\u00e9a\u00e9g', '\\E9 a\\E9g'],
  ['{{ 12 | escape(strategy="css") }}', null, '\\31 2'],
  ['{{ x | escape(strategy="js") }}', '</script>', '<\\/script>'],
  ['{{ x | escape(strategy="json") }}', '</script>', '<\\/script>'],
  ['{{ x | escape(strategy="json") }}', 'it\'s "ok"', 'it\'s \\"ok\\"'],
];
for (const [template, x, java] of escapes) {
  test(`escape as Java: ${template} on ${JSON.stringify(x)}`, () => {
    expect(render(template, { x })).toBe(java);
  });
}

test('escape: strategy names are exact, as in Pebble (no "HTML", "xml", "html_attr")', () => {
  for (const strategy of ['HTML', 'xml', 'html_attr', '']) {
    const error = errorOf(() => render(`{{ "a" | escape(strategy="${strategy}") }}`));
    expect(error.code).toBe('type');
    expect(error.message).toContain(`Unknown escaping strategy "${strategy}"`);
  }
});

// ---------------------------------------------------------------------------------------------
// 2. Long arithmetic: exact 64-bit values, overflow wraps as Java's long does
// ---------------------------------------------------------------------------------------------

const longs: [template: string, java: string][] = [
  ['{{ -9223372036854775807 - 1 }}', '-9223372036854775808'],
  ['{{ 9223372036854775807 + 1 }}', '-9223372036854775808'],
  ['{{ 9223372036854775807 }}', '9223372036854775807'],
  ['{{ -9223372036854775807 - 2 }}', '9223372036854775807'],
  ['{{ 9223372036854775807 * 2 }}', '-2'],
  ['{{ 4611686018427387904 * 2 }}', '-9223372036854775808'],
  ['{{ 3037000500 * 3037000500 }}', '-9223372036709301616'],
  ['{{ (-9223372036854775807 - 1) / -1 }}', '-9223372036854775808'],
  ['{{ (-9223372036854775807 - 1) % -1 }}', '0'],
  ['{{ -(-9223372036854775807 - 1) }}', '-9223372036854775808'],
  ['{{ (-9223372036854775807 - 1) | abs }}', '-9223372036854775808'], // Math.abs(Long.MIN_VALUE)
  ['{{ 9223372036854775807 | abs }}', '9223372036854775807'],
  ['{{ 9007199254740993 + 0 }}', '9007199254740993'],
  ['{{ 9007199254740992 + 1 }}', '9007199254740993'],
  ['{{ 123456789012345678 * 10 }}', '1234567890123456780'],
  ['{{ 9223372036854775807 / 10 }}', '922337203685477580'],
  ['{{ 9223372036854775807 % 10 }}', '7'],
  ['{{ -7 / 2 }}', '-3'],
  ['{{ 7 / -2 }}', '-3'],
  ['{{ -7 % 3 }}', '-1'],
  ['{{ 7 % -3 }}', '1'],
  ['{{ -7.5 % 2 }}', '-1.5'],
  ['{{ "9223372036854775807" * 1 }}', '9223372036854775807'],
  ['{{ "-9223372036854775808" - 1 }}', '9223372036854775807'],
  // comparisons go through doubleValue() in Pebble, Java equality (Long.equals) does not
  ['{{ 9223372036854775807 == 9223372036854775806 }}', 'true'],
  ['{{ 9223372036854775807 > 9223372036854775806 }}', 'false'],
  ['{{ [9223372036854775807] == [9223372036854775806] }}', 'false'],
  ['{{ [9223372036854775807] contains 9223372036854775806 }}', 'false'],
  ['{{ 9223372036854775807 is odd }}', 'true'],
  ['{{ (-9223372036854775807 - 1) is even }}', 'true'],
  ['{{ [9223372036854775807, 9223372036854775806, 1] | sort | join(",") }}', '1,9223372036854775806,9223372036854775807'],
  ['{{ [9223372036854775807, 9223372036854775806, 9223372036854775807] | sort | join(",") }}', '9223372036854775806,9223372036854775807,9223372036854775807'],
  ['{{ "%d|%x|%,d" | format(9223372036854775807, -9223372036854775807 - 1, -9223372036854775807) }}', '9223372036854775807|8000000000000000|-9,223,372,036,854,775,807'],
  ['{{ 9223372036854775807 | numberformat("#,##0.00") }}', '9,223,372,036,854,775,807.00'],
  ['{{ 9223372036854775807 | numberformat("0%") }}', '922337203685477580700%'],
  ['{{ 9223372036854775807.toString() }}', '9223372036854775807'],
  ['{{ 9223372036854775807.intValue() }}', '-1'],
  ['{{ 9223372036854775807.doubleValue() }}', '9.223372036854776E18'],
  ['{{ (3000000000.5).intValue() }}', '2147483647'], // (int) of a double saturates
  ['{{ 3000000000.intValue() }}', '-1294967296'], // (int) of a long keeps the low 32 bits
  ['{{ 9223372036854775807 + 0.5 }}', '9.223372036854776E18'],
  ['{{ 9223372036854775807 ~ "" }}', '9223372036854775807'],
];
rendersAsJava('Long', longs);

test('Double.toString of a subnormal whose shortest decimal has one digit: the closest of one or two digits, as Java', () => {
  // what Java 25 printed; Java 17 too, but for 1.0E-323 (its digits are not always the shortest, docs/expressions.md)
  const x = [5e-324, -5e-324, 1e-323, 8e-323, 1.5e-323, 2e-323];
  expect(render('{{ x }}', { x })).toBe('[4.9E-324,-4.9E-324,9.9E-324,7.9E-323,1.5E-323,2.0E-323]');
});

test('Long: literals beyond Long.MAX_VALUE are errors (Java: NumberFormatException); -9223372036854775808 is one too', () => {
  for (const text of ['{{ 9223372036854775808 }}', '{{ -9223372036854775808 }}', '{{ 9223372036854775808L }}']) {
    expect(errorOf(() => render(text)).code).toBe('syntax');
  }
  expect(errorOf(() => render('{{ "9223372036854775808" * 1 }}')).code).toBe('type');
  expect(errorOf(() => render('{{ 7 // 2 }}')).code).toBe('syntax');
});

test('Long: a typed result beyond 2^53 is a plain JS number; a bigint in the scope is exact', () => {
  const v = evaluate('{{ 9223372036854775807 - 1 }}');
  expect(typeof v).toBe('number');
  expect(v).toBe(9223372036854775806);
  expect(evaluate('{{ [9223372036854775807] }}')).toEqual([9223372036854775807]);
  const scope = new Map<string, unknown>([['x', 9223372036854775807n]]);
  expect(evaluateTemplate('{{ x }} {{ x - 1 }} {{ x + 1 }}', scope)).toBe('9223372036854775807 9223372036854775806 -9223372036854775808');
});

// ---------------------------------------------------------------------------------------------
// 3. numberformat: DecimalFormat.applyPattern for patterns without digits, quotes, currency,
//    percent/per mille and the negative subpattern
// ---------------------------------------------------------------------------------------------

const numberformats: [template: string, java: string][] = [
  ['{{ 1234.5678 | numberformat("abc") }}', 'abc1235'],
  ['{{ -0.5 | numberformat("abc") }}', '-abc0'],
  ['{{ 1234.5678 | numberformat("") }}', '1,234.5678'],
  ['{{ 0.125 | numberformat("") }}', '.125'],
  ['{{ -0.5 | numberformat("") }}', '-.5'],
  ['{{ (1.0 / 3) | numberformat("") }}', '.3333333333333333'],
  ["{{ 1234.5678 | numberformat(\"'#'\") }}", '#1235'],
  ['{{ 0.125 | numberformat("%") }}', '%12'],
  ['{{ 0.125 | numberformat("\u2030") }}', '\u2030125'],
  ['{{ 1234.5678 | numberformat("\u00a4") }}', '$1235'],
  ['{{ 1234.5678 | numberformat("\u00a4\u00a40.00") }}', 'USD1234.57'],
  ['{{ 1234.5678 | numberformat("-") }}', '-1235'],
  ['{{ -12 | numberformat("0;(0)") }}', '(12)'],
  ['{{ -12 | numberformat("0;abc") }}', 'abc12'],
  ['{{ -12 | numberformat("#,##0.00;(#)") }}', '(12.00)'],
  ['{{ 12 | numberformat("0;(0)") }}', '12'],
  ['{{ 1234.5678 | numberformat(".#") }}', '1234.6'],
  ['{{ 0 | numberformat(".#") }}', '.0'],
  ['{{ 0.55 | numberformat(".##") }}', '.55'],
  ['{{ 12 | numberformat("0x0") }}', '12x'],
  ["{{ 5 | numberformat(\"a''b0\") }}", "a'b5"],
  ["{{ 1.0 | numberformat(\"'a''b'0\") }}", "a'b1"], // '' inside a quote too
  // doubles whose shortest digits have an exponent, and the values without digits
  ['{{ 0.0000001 | numberformat("0.##########") }}', '0.0000001'],
  ['{{ 1000000000000000000000.0 | numberformat("#,##0") }}', '1,000,000,000,000,000,000,000'],
  ['{{ (0.0 / 0.0) | numberformat("0.00") }}', 'NaN'],
  ['{{ (1.0 / 0) | numberformat("0.00") }}', '\u221e'],
  ['{{ (-1.0 / 0) | numberformat("0.00;(0.00)") }}', '(\u221e)'],
];
rendersAsJava('numberformat', numberformats);

test('numberformat and format: a subnormal double (Double.MIN_VALUE in Java 17 and 25)', () => {
  expect(render('{{ x | numberformat("0.00") }}|{{ "%.3f" | format(x) }}|{{ "%.325f" | format(x) }}', { x: 5e-324 })).toBe(`0.00|0.000|0.${'0'.repeat(323)}49`);
});

test('numberformat: the patterns DecimalFormat refuses are errors', () => {
  const refused: [string, string][] = [
    ['0,', 'Malformed pattern "0,"'],
    ['0#', 'Malformed pattern "0#"'],
    ['0#0', 'Unexpected \'0\' in pattern "0#0"'],
    ['0.0.0', 'Multiple decimal separators in pattern "0.0.0"'],
    [';0', 'Unquoted special character \';\' in pattern ";0"'],
    ['abc;def', 'Unquoted special character \';\' in pattern "abc;def"'],
    ['%%', 'Too many percent/per mille characters in pattern "%%"'],
    ["'", 'Malformed pattern "\'"'],
  ];
  for (const [pattern, message] of refused) {
    const error = errorOf(() => render(`{{ 1 | numberformat("${pattern}") }}`));
    expect(error.code).toBe('type');
    expect(error.message).toContain(message);
  }
});

// ---------------------------------------------------------------------------------------------
// 4. White space other than ASCII space/tab/newline
// ---------------------------------------------------------------------------------------------

test('white space: Unicode spaces separate tokens, but not before }} (Pebble matches the close with \\s*)', () => {
  expect(render('{{\u2003x }}', { x: 'ab' })).toBe('ab');
  expect(render('{{ 1\u2003+\u30002 }}')).toBe('3');
  expect(render('{{ x\u2003| upper }}', { x: 'ab' })).toBe('AB');
  expect(render('{{ x\u000b}}', { x: 'ab' })).toBe('ab'); // \v and \f are in Java's \s
  for (const ws of ['\u2003', '\u3000', '\u001f', '\u1680', '\u2028']) {
    const error = errorOf(() => render(`{{ x${ws}}}`, { x: 'ab' }));
    expect(error.code).toBe('syntax');
    expect(error.message).toContain('Unexpected "}"');
    expect(errorOf(() => render(`{{ x${ws}-}}`, { x: 'ab' })).code).toBe('syntax'); // "-" is then minus
    expect(errorOf(() => render(`{{ "#{ x${ws}}" }}`, { x: 'ab' })).code).toBe('syntax');
  }
});

test('white space: {{- needs ASCII white space after the -; the text it trims loses any Java white space', () => {
  expect(render('{{-\u2003x }}', { x: 5 })).toBe('-5'); // not a trim marker: unary minus
  expect(render('{{-\u000bx }}', { x: 'ab' })).toBe('ab');
  expect(render('a \u2003{{- x }}', { x: 'ab' })).toBe('aab');
  expect(render('{{ x -}}\u3000b', { x: 'ab' })).toBe('abb');
  expect(render('a \u2003\u00a0{{- x }}', { x: 'ab' })).toBe('a \u2003\u00a0ab'); // U+00A0 is not white space
  expect(render('{{ x -}}\u3000\u00a0b', { x: 'ab' })).toBe('ab\u00a0b');
  expect(render('{{ x }}\u2028b', { x: 'ab' })).toBe('abb'); // newLineTrimming knows U+2028
});

test('white space: no-break and zero-width spaces are unexpected characters, as in Pebble', () => {
  for (const ws of ['\u00a0', '\u2007', '\u202f', '\u200b', '\ufeff', '\u0085']) {
    for (const text of [`{{${ws}x }}`, `{{ x${ws}}}`, `{{ 1 +${ws}2 }}`, `{{-${ws}x }}`]) {
      const error = errorOf(() => render(text, { x: 'ab' }));
      expect(error.code).toBe('syntax');
      expect(error.message).toContain('Unexpected character');
    }
  }
});

// ---------------------------------------------------------------------------------------------
// format: java.util.Formatter's flags (OpenJDK 17, String.format as Pebble's FormatFilter calls it)
// ---------------------------------------------------------------------------------------------

rendersAsJava('format flags', [
  ['{{ "%(d|%(d|%(.1f|%(,.2f|%(05d" | format(-5, 5, -2.5, -1234.5, -42) }}', '(5)|5|(2.5)|(1,234.50)|(042)'],
  ['{{ "%#x|%#X|%#06x|%#.0f|%#f" | format(255, 255, 255, 2.5, 2.0) }}', '0xff|0XFF|0x00ff|3.|2.000000'],
  ['{{ "%5%|%-5%|%.3b|%-5b|%-5c|" | format(true, true, "a") }}', '    %|%    |tru|true |a    |'],
  ['{{ "%+(d|%+(d|% (d|%-+5d|" | format(5, -5, 5, 3) }}', '+5|(5)| 5|+3   |'],
  ['{{ "%+f|% f|%(f|%010f|%+.1f|%(f" | format(1.0 / 0, 1.0 / 0, -1.0 / 0, 1.0 / 0, 0.0 / 0, 0.0 / 0) }}', '+Infinity| Infinity|(Infinity)|  Infinity|NaN|NaN'],
  // < takes the argument of the specifier before again (after an explicit index too)
  ['{{ "%.2f" | format(100000000000000000000.0) }}', '100000000000000000000.00'],
  ['{{ "%s %<s %<S|%2$s %<s|%s %<s" | format("a", "b") }}', 'a a A|b b|b b'],
  ['{{ "%d %<x %<X %<05d|%s %<-3s|" | format(255, "a") }}', '255 ff FF 00255|a a  |'],
  ['{{ "%.0f|%.1f|%,.0f|%,f" | format(2.0, 2.24, 1234567.0, 1234.5) }}', '2|2.2|1,234,567|1,234.500000'],
  ['{{ "%.2s|%5.1s|%b %b %b %.2b %B" | format("abc", "xyz", null, false, 3, true, true) }}', 'ab|    x|false false true tr TRUE'],
]);

// %f rounds HALF_UP the decimal Double.toString gives (FormattedFPDecimal), not the exact binary
// value (2.675 is 2.67499999999999982236431605997495353221893310546875); OpenJDK 17 and 25 alike
rendersAsJava('format %f rounding', [
  ['{{ "%.2f|%.2f|%.2f|%.2f|%.2f" | format(2.675, -2.675, 1.005, 0.125, 1.115) }}', '2.68|-2.68|1.01|0.13|1.12'],
  ['{{ "%.0f|%.0f|%.0f|%.0f|%.0f|%.0f" | format(0.5, 1.5, 2.5, -0.5, -1.5, 0.49999999999999994) }}', '1|2|3|-1|-2|0'],
  ['{{ "%#.0f|%#.0f|%.0f" | format(0.5, 1.5, 3.5) }}', '1.|2.|4'],
  ['{{ "%.1f|%.1f|%.3f|%.1f" | format(0.05, 0.25, 1.0005, 9.95) }}', '0.1|0.3|1.001|10.0'],
  ['{{ "%.3f|%.1f|%10.3f|%-10.1f|" | format(99.9995, 0.95, 2.0005, -0.05) }}', '100.000|1.0|     2.001|-0.1      |'],
  ['{{ "%.20f|%.17f|%f" | format(0.1, 0.3, 1.0 / 3) }}', '0.10000000000000000000|0.30000000000000000|0.333333'],
  ['{{ "%.15f|%.16f|%.17f|%.2f" | format(0.1 + 0.2, 0.1 + 0.2, 0.1 + 0.2, 0.1 + 0.2) }}', '0.300000000000000|0.3000000000000000|0.30000000000000004|0.30'],
  ['{{ "%.2f|%.2f|%(.2f|%+.2f|%.2f" | format(-0.0, -0.001, -0.001, -0.0, 0.0) }}', '-0.00|-0.00|(0.00)|-0.00|0.00'],
  ['{{ "%.6f|%.6f|%.6f|%.3f" | format(0.0000005, 0.00000049999, 0.0000000001, 0.0005) }}', '0.000001|0.000000|0.000000|0.001'],
  ['{{ "%,.2f|%,.2f|%(,.2f|%,012.2f|%,.0f" | format(1234567.125, 999999.995, -1234.565, 1234.565, 2.5) }}', '1,234,567.13|1,000,000.00|(1,234.57)|00001,234.57|3'],
  ['{{ "%,.1f|%.3f|%.0f" | format(123456789012345678901.5, 10000000.0 / 3, 9007199254740993.0) }}', '123,456,789,012,345,680,000.0|3333333.333|9007199254740992'],
  ['{{ "%.2f|%.2f|%.2f|%.2f" | format(0.0 / 0, 1.0 / 0, -1.0 / 0, 8.5) }}', 'NaN|Infinity|-Infinity|8.50'],
  // Java 25; Java 17 prints 99999999999999990000000 and 4611686018427387900.0 (docs/expressions.md)
  ['{{ "%.0f|%.1f" | format(100000000000000000000000.0, 9223372036854775807 / 2.0) }}', '100000000000000000000000|4611686018427388000.0'],
]);

test('format: flags and precisions java.util.Formatter refuses are errors, not ignored', () => {
  // Each raised an exception in Java (named after the template).
  for (const [spec, arg] of [
    ['%.2d', '5'], // IllegalFormatPrecisionException
    ['%.2x', '5'], // IllegalFormatPrecisionException
    ['%.1c', '"a"'], // IllegalFormatPrecisionException
    ['%-d', '5'], // MissingFormatWidthException
    ['%0d', '5'], // MissingFormatWidthException
    ['%0x', '5'], // MissingFormatWidthException
    ['%-s', '"a"'], // MissingFormatWidthException
    ['%-%', ''], // MissingFormatWidthException
    ['%+ d', '5'], // IllegalFormatFlagsException
    ['%-05d', '5'], // IllegalFormatFlagsException
    ['%5n', ''], // IllegalFormatWidthException
    ['%-5n', ''], // IllegalFormatFlagsException
    ['%+%', ''], // IllegalFormatFlagsException
    ['%,x', '5'], // FormatFlagsConversionMismatchException
    ['%+x', '5'], // FormatFlagsConversionMismatchException
    ['% x', '5'], // FormatFlagsConversionMismatchException
    ['%(x', '5'], // FormatFlagsConversionMismatchException
    ['%#d', '5'], // FormatFlagsConversionMismatchException
    ['%+s', '5'], // FormatFlagsConversionMismatchException
    ['%,s', '1'], // FormatFlagsConversionMismatchException
    ['%05s', '"a"'], // FormatFlagsConversionMismatchException
    ['%#s', '"x"'], // FormatFlagsConversionMismatchException
    ['%+b', '1'], // FormatFlagsConversionMismatchException
    ['%#b', '1'], // FormatFlagsConversionMismatchException
    ['%05c', '"a"'], // FormatFlagsConversionMismatchException
    ['%--5d', '5'], // DuplicateFormatFlagsException
    ['%-n', ''], // IllegalFormatFlagsException
    ['%<%', ''], // IllegalFormatFlagsException
    ['%<s', '"a"'], // MissingFormatArgumentException: no specifier before
    ['%f', '3'], // IllegalFormatConversionException: f != java.lang.Long
    ['%x', '"a"'], // IllegalFormatConversionException: x != java.lang.String
  ]) {
    const error = errorOf(() => render(`{{ "${spec}" | format(${arg}) }}`));
    expect(error.code, spec).toBe('type');
    expect(error.message, spec).toContain(`'${spec}'`);
  }
});

// ---------------------------------------------------------------------------------------------
// Map literals and merge: a java.util.HashMap (MapExpression, MergeFilter), which iterates by
// bucket, the key's hashCode spread and masked by the table length. Each map below has no two keys
// in one bucket: Java printed the same in ten runs (OpenJDK 17 and 25 alike)
// ---------------------------------------------------------------------------------------------

rendersAsJava('map order', [
  ['{{ "+15551234" | replace({"+1": "", "1": "X"}) }}|{{ "+15551234" | replace({"1": "X", "+1": ""}) }}', '+X555X234|+X555X234'],
  ['{{ "a-b_c" | replace({"_": "-", "-": "_"}) }}|{{ "a-b_c" | replace({"-": "_", "_": "-"}) }}', 'a-b-c|a-b-c'],
  ['{% for e in {"b": 1, "a": 2, "c": 3} %}{{ e.key }},{% endfor %}|{% for e in {"c": 1, "b": 2, "a": 3} %}{{ e.key }},{% endfor %}', 'a,b,c,|a,b,c,'],
  ['{% for e in {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7} %}{{ e.key }},{% endfor %}', 'sixth,third,seventh,fifth,fourth,first,second,'],
  ['{% for e in {10: "a", 3: "b", -2: "c", 100: "d", 9223372036854775807: "e", -3000000000: "f"} %}{{ e.key }},{% endfor %}', '9223372036854775807,-2,10,3,100,-3000000000,'],
  ['{% for e in {1.5: "a", 0.1: "b", -2.5: "c", 100.25: "d"} %}{{ e.key }},{% endfor %}', '1.5,100.25,0.1,-2.5,'],
  ['{% for e in {true: "t", false: "f", null: "n", "y": "s"} %}{{ e.value }},{% endfor %}', 'n,s,f,t,'],
  ['{% for e in {[1, 2]: "l", "y": "s", {"a": 1}: "m"} %}{{ e.value }},{% endfor %}', 'm,s,l,'],
  ['{% for e in {"\u00e9": 1, "\u65e5\u672c": 2, "": 4} %}{{ e.value }},{% endfor %}', '4,1,2,'],
  ['{{ ({"b": 1, "a": 2, "c": 3}).keySet() | join(",") }}|{{ ({"c": 1, "b": 2, "a": 3}).values() | join(",") }}', 'a,b,c|3,2,1'],
  ['{% for e in ({"b": 1, "a": 2} | merge({"d": 3, "c": 4})) %}{{ e.key }},{% endfor %}|{% for e in ({"b": 1} | merge(["z", "y", "x"])) %}{{ e.key }},{% endfor %}', 'a,b,c,d,|b,x,y,z,'],
  // merge into a HashMap of both sizes + 16, which doubles past 3/4 full; keys of one bucket in the order put
  ['{% set m = {} %}{% for i in 1..100 %}{% set m = m | merge({("k" ~ i): i}) %}{% endfor %}{% for e in m %}{{ e.value }},{% endfor %}', '31,30,33,32,35,34,37,36,39,38,1,40,2,3,42,4,41,5,44,6,43,7,46,8,45,9,48,47,49,51,50,53,52,55,54,57,56,59,58,60,62,61,64,63,66,65,68,67,69,71,70,73,72,75,74,77,76,79,78,100,80,82,81,84,83,86,85,88,87,89,91,90,93,92,95,94,97,96,11,99,10,98,13,12,15,14,17,16,19,18,20,22,21,24,23,26,25,28,27,29,'],
  ['{% set m = {} %}{% for i in 1..100 %}{% set m = m | merge([i * 7919]) %}{% endfor %}{% for e in m %}{{ e.value }},{% endfor %}', '118785,237570,475140,356355,593925,712710,229651,348436,467221,110866,704791,586006,340517,459302,102947,696872,221732,578087,570168,451383,332598,688953,95028,213813,681034,562249,324679,87109,205894,443464,791900,673115,554330,197975,79190,316760,435545,546411,71271,665196,783981,190056,427626,308841,538492,776062,657277,63352,182137,419707,300922,768143,530573,649358,174218,55433,411788,293003,641439,285084,166299,522654,47514,403869,395950,514735,277165,39595,760224,158380,633520,269246,388031,752305,31676,150461,506816,625601,744386,142542,261327,23757,380112,498897,736467,617682,134623,15838,253408,372193,490978,609763,7919,728548,126704,245489,483059,364274,601844,720629,'],
]);

// ---------------------------------------------------------------------------------------------
// Regular expressions: Java syntax that a JavaScript RegExp reads otherwise (OpenJDK 17 results)
// ---------------------------------------------------------------------------------------------

test('regex: Java classes and escapes mean what they mean in Java, not what RegExp makes of them', () => {
  const cases: [template: string, x: string, java: unknown][] = [
    ['{{ x.matches("\\p{Alpha}+") }}', 'ab', true], // RegExp without u: the letters p{Alpha}
    ['{{ x.matches("\\p{Lower}\\P{Digit}") }}', 'aB', true],
    ['{{ x.matches("[\\p{Alnum}-]+") }}', 'a-1', true],
    ['{{ x.matches("\\p{Punct}+") }}', '!/:@[`{~', true],
    ['{{ x.matches("a\\sb") }}', 'a\u00a0b', false], // Java's \s is ASCII; RegExp's takes a no-break space
    ['{{ x.matches("[\\s]") }}', '\u3000', false],
    ['{{ x.matches("[^\\s]") }}', '\u00a0', true],
    ['{{ x.matches("[\\S]+") }}', 'a\u00a0', true],
    ['{{ x.matches("a\\hb") }}', 'a\u00a0b', true],
    ['{{ x.matches("a\\vb") }}', 'a\u2028b', true], // RegExp's \v is only U+000B
    ['{{ x.matches("a\\Rb") }}', 'a\r\nb', true],
    ['{{ x.matches(".") }}', '\u0085', false], // a line terminator in Java
    ['{{ x.matches("\\Aab\\z") }}', 'ab', true],
    ['{{ x.matches("\\Qa+b\\E") }}', 'a+b', true],
    ['{{ x.matches("[\\Q]\\E]") }}', ']', true],
    ['{{ x.matches("a\\x{62}") }}', 'ab', true],
    ['{{ x.matches("a\\0142") }}', 'ab', true], // octal
    ['{{ x.matches("a\\e\\a") }}', 'a\u001b\u0007', true],
    ['{{ x.matches("[]a]+") }}', ']a', true], // a ] first in a class is literal
    ['{{ x.matches("a\\x41") }}', 'aA', true],
    ['{{ x.matches("a\\u0041") }}', 'aA', true],
    ['{{ x.matches("a\\cJ") }}', 'a\n', true], // a control character: J ^ 64 is a line feed
    ['{{ x.matches("x\\x{1F600}") }}', 'x\u{1F600}', true], // beyond U+FFFF: its surrogate pair
    ['{{ x.replaceAll("b\\Z", "X") }}', 'ab\n', 'aX\n'], // \Z: the end, or before a last line terminator
    ['{{ x.replaceAll("b\\z", "X") }}', 'ab\n', 'ab\n'],
    ['{{ x.replaceAll("\\b", "|") }}', 'a b', '|a| |b|'],
    ['{{ x | split("\\s+") | length }}', 'a\u00a0b c', 2],
    ['{{ x | split("\\t|\\n|\\r|\\f") | join(",") }}', 'a\tb\nc\rd\fe', 'a,b,c,d,e'],
    ['{{ x | split("\\Q.") | join(",") }}', 'a.b.c', 'a,b,c'], // \Q without \E quotes to the end
    ['{{ x.replaceAll("\\\\1", "X") }}', 'a\\1b', 'aXb'], // an escaped backslash, then 1: no back-reference
  ];
  for (const [template, x, java] of cases) expect(evaluate(template, { x }), `${template} on ${JSON.stringify(x)}`).toBe(java);
});

test('regex: what Java refuses, or what cannot be run alike, is an error, never a silent other match', () => {
  for (const [template, x] of [
    ['{{ x | split("{") }}', 'a{b'], // Java: Illegal repetition
    ['{{ x.matches("a{,2}") }}', 'a'],
    ['{{ x.matches("a{x}") }}', 'a{x}'],
    ['{{ x.matches("a\\y") }}', 'ay'], // Illegal/unsupported escape sequence
    ['{{ x.matches("a\\E") }}', 'a'],
    ['{{ x.matches("\\0") }}', 'x'], // Illegal octal escape sequence
    ['{{ x.matches("[a-z&&[^c]]+") }}', 'ab'], // intersection: not run
    ['{{ x.matches("[a[b]]+") }}', 'ab'], // union: not run
    ['{{ x.matches("\\p{L}+") }}', 'ab'], // Unicode categories: not run
    ['{{ x.matches("\\X") }}', 'x'],
    ['{{ x.matches("\\Gab") }}', 'ab'],
    ['{{ x.matches("a\\x4") }}', 'a\u0004'], // Illegal hexadecimal escape sequence
    ['{{ x.matches("a\\u004") }}', 'a\u0004'], // Illegal Unicode escape sequence
    ['{{ x.matches("a\\c") }}', 'a'], // Illegal control escape sequence
    ['{{ x.matches("\\x{110000}") }}', 'x'], // Hexadecimal codepoint is too big
    ['{{ x.matches("[\\x{1F600}]") }}', '\u{1F600}'], // a class of a surrogate pair: not run (RegExp without u splits it)
    ['{{ x.matches("[\\Z]") }}', 'Z'], // Java: Illegal/unsupported escape sequence
    ['{{ x | split(")") }}', 'a)b'], // Unmatched closing ')'
    ['{{ x | split(x | slice(1)) }}', 'a\\'], // a pattern ending with a backslash: Unexpected internal error
    ['{{ x | split("[\\R]") }}', 'a\rb'], // Illegal/unsupported escape sequence, as \A \z \b \B in a class
    ['{{ x | split("[\\A]") }}', 'aAb'],
    ['{{ x | split("[\\z]") }}', 'azb'],
    ['{{ x | split("[\\b]") }}', 'abb'],
    ['{{ x | split("[\\B]") }}', 'aBb'],
    ['{{ x | split("\\p{Digit") }}', 'a1b'], // Unclosed character family
    ['{{ x | split("\\pL") }}', 'a1b'], // Java: the letters; Unicode categories are not run
    ['{{ x | split("\\x{31") }}', 'a1b'], // Unclosed hexadecimal escape sequence
    ['{{ x | split("\\x{zz}") }}', 'a1b'], // Illegal hexadecimal escape sequence
    ['{{ x | split("\\p") }}', 'a'], // Unknown character property name
  ]) {
    const error = errorOf(() => evaluate(template, { x }));
    expect(error.code, template).toBe('type');
  }
  // Said as what it is, not as the RegExp syntax error the translation would otherwise make.
  expect(errorOf(() => evaluate('{{ x.matches("[\\Z]") }}', { x: 'Z' })).message).toContain('\\Z inside [ ]');
});

// capitalize and title: Character.toTitleCase of one UTF-16 unit (a single character, never more)
rendersAsJava('title case', [
  ['{{ "ßa" | capitalize }}|{{ "ßa bß" | title }}|{{ "ﬁx" | capitalize }}|{{ "ŉx" | title }}', 'ßa|ßa Bß|ﬁx|ŉx'],
  ['{{ "ǆx" | capitalize }}|{{ "ǳ" | title }}|{{ "ǉ ǌ Ǆ" | title }}|{{ "ᾳx" | capitalize }}|{{ "ᾀ ῳ" | title }}', 'ǅx|ǲ|ǈ ǋ ǅ|ᾼx|ᾈ ῼ'],
  ['{{ "\ud801\udc28x" | title }}|{{ "émile zola" | title }}|{{ "ÿ" | capitalize }}', '\ud801\udc28x|Émile Zola|Ÿ'],
  // title case letters and Georgian stay as they are; only white space: nothing to capitalize
  ['{{ "ᾼx" | capitalize }}|{{ "აბ ჽბ" | title }}|{{ "   " | capitalize }}|{{ "ῼ ῌ" | title }}', 'ᾼx|აბ ჽბ|   |ῼ ῌ'],
]);

// ---------------------------------------------------------------------------------------------
// SafeString: what escape, raw and date give. It prints as its text but equals only another
// SafeString, is no number, no condition and no container; every filter but escape reads its text.
// ---------------------------------------------------------------------------------------------

/** The scope Java had (a HashMap of these). */
const SAFE_SCOPE = { x: '<a>', list: [1, 2, 3], strs: ['a', '<a>'], m: { a: 1, '<a>': 2, '&lt;a&gt;': 3 }, nul: null };

const safeStrings: [template: string, java: string][] = [
  // equality: only with another SafeString of the same text
  ['{{ now() | date("EEEE") == "Thursday" }}|{{ now() | date("EEEE") | lower == "thursday" }}|{{ now() | date("EEEE") | trim == "Thursday" }}', 'false|true|true'],
  ['{{ (x | escape) == "&lt;a&gt;" }}|{{ (x | escape) != "&lt;a&gt;" }}|{{ "&lt;a&gt;" == (x | escape) }}|{{ (x | escape) == (x | escape) }}|{{ (x | escape) == ("&lt;a&gt;" | raw) }}|{{ (x | escape) equals (x | escape) }}', 'false|true|false|true|true|true'],
  ['{{ (now() | date("HH")) == 21 }}|{{ (5 | raw) == 5 }}|{{ (5 | raw) == "5" }}|{{ (5 | raw) == (5 | raw) }}|{{ (5 | raw) == ("5" | raw) }}', 'false|false|false|true|true'],
  ['{{ "2025-02-06" | date("EEEE", existingFormat="yyyy-MM-dd") == "Thursday" }}|{{ 0 | date("yyyy") == "1970" }}|{{ 0 | date("yyyy") == (0 | date("yyyy")) }}|{{ (now() | date) == (now() | date) }}', 'false|false|true|true'],
  ['{% set z = now() | date("HH") %}{% if z == "21" %}a{% else %}b{% endif %}|{% if z | trim == "21" %}c{% else %}d{% endif %}|{% if (z ~ "") == "21" %}e{% else %}f{% endif %}', 'b|c|e'],
  ['{{ "#{x | escape}" == "&lt;a&gt;" }}|{{ "#{x | escape}!" }}|{{ nul | default(x | escape) == "&lt;a&gt;" }}|{{ nul | default(x | escape) == x | escape }}', 'false|&lt;a&gt;!|false|true'],
  ['{{ [x | escape] == ["&lt;a&gt;"] }}|{{ [x | escape] == [x | escape] }}|{{ ([x | raw, "b"] - x) | length }}|{{ ([x | raw, "b"] - (x | raw)) | length }}|{{ [x | raw] | first == x }}|{{ [x | raw] | last == (x | raw) }}', 'false|true|2|1|false|true'],
  // escape gives a SafeString back as it is; every other filter reads its text
  ['{{ x | escape | escape }}|{{ x | raw | escape }}|{{ x | escape(strategy="json") | escape }}|{{ x | escape | raw | escape }}|{{ x | escape | upper | escape }}|{{ x | escape | trim | escape }}', '&lt;a&gt;|<a>|<a>|&lt;a&gt;|&amp;LT;A&amp;GT;|&amp;lt;a&amp;gt;'],
  ['{{ x | escape | length }}|{{ x | escape | upper == "&LT;A&GT;" }}|{{ x | escape | default("z") == "&lt;a&gt;" }}|{{ x | escape | first }}|{{ x | escape | slice(1, 3) == "lt" }}', '9|true|true|&|true'],
  ['{{ now() | date("yyyy-MM-dd") | date("dd/MM/yyyy", existingFormat="yyyy-MM-dd") }}|{{ ("ab" | raw) | capitalize }}|{{ (x | raw) | base64encode }}|{{ ("a,b" | raw) | split(",") | length }}|{{ ("%s" | raw) | format(1) }}', '06/02/2025|Ab|PGE+|2|1'],
  // + and ~ join its text (+ even with a number, null or a boolean); printed, it is its text
  ['{{ (now() | date("HH")) + 1 }}|{{ 1 + (now() | date("HH")) }}|{{ (x | raw) + (x | escape) }}|{{ nul + (x | raw) }}|{{ (x | raw) + nul }}|{{ true + (x | raw) }}|{{ (5 | raw) + 1 }}', '211|121|<a>&lt;a&gt;|null<a>|<a>null|true<a>|51'],
  ['{{ (x | raw) ~ (x | escape) }}|{{ nul ~ (x | escape) }}|{{ (x | escape) ~ 1 }}|{{ 5 | raw }}|{{ nul | raw }}|{{ nul | escape }}|{{ 5 | escape }}', '<a>&lt;a&gt;|&lt;a&gt;|&lt;a&gt;1|5|||5'],
  // tests see a SafeString, not its text: never empty
  ['{{ ("" | raw) is empty }}|{{ (" " | raw) is empty }}|{{ ("" | raw) | default("d") }}|{{ (x | raw) is null }}|{{ (x | raw) is defined }}|{{ (x | raw) is iterable }}|{{ (x | raw) is map }}', 'false|false|d|false|true|false|false'],
  // contains: Java equality in lists and maps, its text in a string
  ['{{ "a&lt;a&gt;b" contains (x | escape) }}|{{ strs contains (x | raw) }}|{{ m contains (x | raw) }}|{{ [x | raw] contains (x | raw) }}|{{ [x | raw, "a"] contains [x | raw] }}|{{ strs contains [x | raw] }}', 'true|false|false|true|true|false'],
  // members: a map key or a method argument is no String; a list index is its text; toString() is the text
  ['{{ m[(x | raw)] }}|{{ m.get(x | raw) }}|{{ m.containsKey(x | raw) }}|{{ strs.indexOf(x | raw) }}|{{ list[("1" | raw)] }}', '||false|-1|2'],
  ['{{ (x | raw).length }}|{{ (x | raw).length() }}|{{ (x | raw).toUpperCase() }}|{{ (x | raw).toString() }}|{{ (x | raw).toString() == x }}|{{ (x | raw).toString() | length }}', '|||<a>|true|3'],
  ['{% for c in [x | raw, x | escape] %}[{{ c }}|{{ c == x }}]{% endfor %}|{{ max(x | raw) }}|{{ min(nul, x | raw) }}|{{ [x | escape] | sort | first }}|{{ [x | escape, "b"] | join(",") }}', '[<a>|false][&lt;a&gt;|false]|<a>|<a>|&lt;a&gt;|&lt;a&gt;,b'],
];
for (const [template, java] of safeStrings) {
  test(`SafeString as Java: ${template}`, () => {
    expect(render(template, SAFE_SCOPE)).toBe(java);
  });
}

test('SafeString: what Java refuses with one is a type error here (arithmetic, order, conditions, String arguments)', () => {
  for (const template of [
    '{{ now() | date("HH") * 1 }}', // IllegalArgumentException: Cannot convert to Number: 21
    '{{ (now() | date("HH")) - 1 }}',
    '{{ (now() | date("HH")) / 1 }}',
    '{{ (now() | date("HH")) % 2 }}',
    '{{ -(now() | date("HH")) }}',
    '{{ (now() | date("HH")) > 1 }}', // invalid operands for mathematical comparison
    '{{ max(1, x | raw) }}',
    '{{ (x | raw) and true }}', // ClassCastException: SafeString cannot be cast to Boolean
    '{{ false or (x | raw) }}',
    '{{ not (x | raw) }}', // Unsupported value type SafeString
    '{{ (x | raw) ? "y" : "n" }}',
    '{% if ("" | raw) %}yes{% endif %}',
    '{% for c in (x | raw) %}{{ c }}{% endfor %}', // Not an iterable object
    '{{ (4 | raw) is even }}', // ClassCastException: SafeString cannot be cast to Long
    '{{ (x | escape) contains "lt" }}', // Contains operator can only be used on Collections, Maps and arrays
    '{{ range(1 | raw, 3) }}', // Arguments of range function must be of type Number or String
    '{{ 1..(3 | raw) }}',
    '{{ [x | escape, "a"] | sort }}', // ClassCastException: SafeString cannot be cast to String
    '{{ "a,b" | split("," | raw) }}',
    '{{ strs | join(x | raw) }}',
    '{{ "%d" | format(5 | raw) }}', // IllegalFormatConversionException: d != SafeString
    '{{ "a" | escape(strategy=("json" | raw)) }}',
    '{{ "1" | date("yyyy", existingFormat=("yyyy" | raw)) }}',
    '{{ "a" | slice("1" | raw) }}',
  ]) {
    expect(errorOf(() => render(template, SAFE_SCOPE)).code, template).toBe('type');
  }
  expect(errorOf(() => render('{{ now() | date("HH") * 1 }}')).message).toContain('Cannot use the SafeString "21" as a number');
});

test('SafeString: a lone expression gives its text, in a list or a map too', () => {
  expect(evaluate('{{ now() | date("HH") }}')).toBe('21');
  expect(evaluate('{{ [x | escape, {"k": x | raw}] }}', SAFE_SCOPE)).toEqual(['&lt;a&gt;', { k: '<a>' }]);
  expect(render('{{ [x | raw] }}|{{ {(x | raw): x | escape} }}', SAFE_SCOPE)).toBe('["<a>"]|{"<a>":"&lt;a&gt;"}');
});

// ---------------------------------------------------------------------------------------------
// date's timeZone: java.util.TimeZone.getTimeZone, which knows its ids exactly as written and
// custom GMT offsets, and silently gives GMT for anything else
// ---------------------------------------------------------------------------------------------

/** `{{ 1738876142712 | date("HH:mm Z z", timeZone=…) }}` in Java (21:09 UTC). */
const javaZones: [timeZone: string, java: string][] = [
  ['UTC-5', '21:09 +0000 GMT'], ['-05:00', '21:09 +0000 GMT'], ['+05:30', '21:09 +0000 GMT'],
  ['Z', '21:09 +0000 GMT'], ['UT', '21:09 +0000 GMT'], ['UTC+0', '21:09 +0000 GMT'],
  ['utc', '21:09 +0000 GMT'], ['gmt', '21:09 +0000 GMT'], ['america/new_york', '21:09 +0000 GMT'],
  ['AMERICA/NEW_YORK', '21:09 +0000 GMT'], ['us/eastern', '21:09 +0000 GMT'],
  ['etc/gmt+5', '21:09 +0000 GMT'], ['est', '21:09 +0000 GMT'], ['Ist', '21:09 +0000 GMT'],
  ['cet', '21:09 +0000 GMT'], [' UTC', '21:09 +0000 GMT'], ['GMT -5', '21:09 +0000 GMT'],
  ['GMT-5 ', '21:09 +0000 GMT'], ['GMT−5', '21:09 +0000 GMT'], ['GMT+5:3', '21:09 +0000 GMT'],
  ['GMT+05:', '21:09 +0000 GMT'], ['GMT+', '21:09 +0000 GMT'], ['GMT+24', '21:09 +0000 GMT'],
  ['GMT+12345', '21:09 +0000 GMT'], ['GMT+01:30:00', '21:09 +0000 GMT'],
  ['GMT+0060', '21:09 +0000 GMT'], ['GMT+١', '21:09 +0000 GMT'], ['GMT-5', '16:09 -0500 GMT-05:00'],
  ['GMT-05:00', '16:09 -0500 GMT-05:00'], ['GMT-0500', '16:09 -0500 GMT-05:00'],
  ['GMT-500', '16:09 -0500 GMT-05:00'], ['GMT-050', '20:19 -0050 GMT-00:50'],
  ['GMT+1:30', '22:39 +0130 GMT+01:30'], ['GMT+:30', '21:39 +0030 GMT+00:30'],
  ['GMT+123', '22:32 +0123 GMT+01:23'], ['GMT-0', '21:09 +0000 GMT-00:00'],
  ['GMT+0', '21:09 +0000 GMT+00:00'], ['GMT+23:59', '21:08 +2359 GMT+23:59'],
];

/** `{{ 1738876142712 | date("HH:mm Z", timeZone=…) }}` in Java: ids it knows (`z` names come from Intl here). */
const javaRegions: [timeZone: string, java: string][] = [
  ['America/New_York', '16:09 -0500'], ['US/Eastern', '16:09 -0500'], ['EST', '16:09 -0500'],
  ['PST', '13:09 -0800'], ['IST', '02:39 +0530'], ['CTT', '05:09 +0800'],
  ['Asia/Calcutta', '02:39 +0530'], ['Etc/GMT+5', '16:09 -0500'], ['SystemV/EST5', '16:09 -0500'],
  ['EST5EDT', '16:09 -0500'], ['UTC', '21:09 +0000'], ['UCT', '21:09 +0000'],
  ['GMT0', '21:09 +0000'], ['Zulu', '21:09 +0000'], ['Europe/Kyiv', '23:09 +0200'],
];

/** Java's EST, MST and HST are fixed offsets, also before 1968 (1906, 1938, 1967), with names of their own. */
const javaFixedZones: [template: string, java: string][] = [
  ['{{ -2000000000000 | date("yyyy-MM-dd HH:mm Z z zzzz", timeZone="EST") }}', '1906-08-16 15:26 -0500 EST Eastern Standard Time'],
  ['{{ -80000000000 | date("yyyy-MM-dd HH:mm Z z zzzz", timeZone="MST") }}', '1967-06-19 18:46 -0700 MST Mountain Standard Time'],
  ['{{ -1000000000000 | date("yyyy-MM-dd HH:mm Z z zzzz", timeZone="HST") }}', '1938-04-24 12:13 -1000 HST Hawaii Standard Time'],
  ['{{ 1752537600000 | date("yyyy-MM-dd HH:mm Z z zzzz", timeZone="HST") }}', '2025-07-14 14:00 -1000 HST Hawaii Standard Time'],
];
rendersAsJava('date timeZone', javaFixedZones);

test('date timeZone as Java: an id TimeZone does not know is GMT (UTC-5, -05:00, Z, a region in the wrong case)', () => {
  for (const [timeZone, java] of javaZones) {
    expect(render(`{{ ms | date("HH:mm Z z", timeZone="${timeZone}") }}`, { ms: CLOCK_MILLIS }), timeZone).toBe(java);
  }
  for (const [timeZone, java] of javaRegions) {
    expect(render(`{{ ms | date("HH:mm Z", timeZone="${timeZone}") }}`, { ms: CLOCK_MILLIS }), timeZone).toBe(java);
  }
});

test('date timeZone: every id Java knows is one Intl knows, so none of them falls back to GMT here', () => {
  const unknown = [...JAVA_ZONE_IDS].filter((id) => resolveZone(id) === null);
  expect(unknown).toEqual([]);
  expect(JAVA_ZONE_IDS.size).toBe(632);
});
