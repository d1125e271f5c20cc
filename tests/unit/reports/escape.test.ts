/** The escapers every writer goes through. */
import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { serialize } from 'node:v8';
import { csvCell, escapeHtml, escapeMarkdown, escapeTerminal, escapeXml, escapeXmlAttribute, idToken, jsonForScript, printableLine, safeHref, withoutControls } from '../../../reports/escape.js';
import { parseXml } from './xml-check.js';
import { CONTROL, HOSTILE } from './sample-reports.js';

test('escapeHtml: the five HTML-significant characters, and any non-ASCII character as a reference', () => {
  expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  expect(escapeHtml('GET_CBID → 200 “ok”')).toBe('GET_CBID &#8594; 200 &#8220;ok&#8221;');
  expect(escapeHtml('café 😀 \ud800 a\u0085b')).toBe('caf&#233; &#128512; &#65533; ab'); // a lone surrogate as U+FFFD; C1 controls dropped
  expect(escapeHtml('a\u0000b\u001b[31mc\td\ne')).toBe('ab[31mc\td\ne'); // control characters dropped, tab and newline kept
  expect(escapeHtml(undefined)).toBe('');
  expect(escapeHtml(42)).toBe('42');
});

test('escapeXml / escapeXmlAttribute: well-formed whatever the input, characters XML cannot carry removed', () => {
  const value = `${HOSTILE}${CONTROL}\tline\nnext\r`;
  const doc = `<r a="${escapeXmlAttribute(value)}">${escapeXml(value)}</r>`;
  const parsed = parseXml(doc);
  const expected = value.replace(/[\u0000\u000c\u001b\ud800]/g, '');
  expect(parsed.attributes.a).toBe(expected); // tabs and line breaks survive attribute normalisation
  expect(parsed.text).toBe(expected);
  expect(escapeXml(']]>')).toBe(']]&gt;');
  expect(escapeXml('😀 →')).toBe('&#128512; &#8594;'); // as references: the file stays ASCII
});

test('escapeMarkdown: punctuation backslash-escaped, HTML as entities, one line', () => {
  expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert\\(1\\)&gt;');
  expect(escapeMarkdown('a|b `c` *d* _e_ [f](g) #h')).toBe('a\\|b \\`c\\` \\*d\\* \\_e\\_ \\[f\\]\\(g\\) \\#h');
  expect(escapeMarkdown('one\n\n# two\r\n- three')).toBe('one \\# two \\- three');
  expect(escapeMarkdown('&amp;')).toBe('&amp;amp;'); // shows as &amp;
  expect(escapeMarkdown('see https://x.org, @team, $x$, ~~y~~')).toBe('see https\\://x\\.org, \\@team, \\$x\\$, \\~\\~y\\~\\~');
  expect(escapeMarkdown('140')).toBe('140');
});

test('escapeTerminal: no control characters, no line breaks, bidi controls shown as escapes', () => {
  expect(escapeTerminal(`a${CONTROL}b\nc\u202Ed`)).toBe('a[31mred\ud800b c\\u202ed');
  expect(escapeTerminal('tab\there')).toBe('tab here');
});

test('bidi controls: every escaper writes each as a visible \\u escape, neither raw nor as a reference', () => {
  const bidi = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c';
  const shown = '\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c';
  expect(escapeHtml(`Main_Flow_140${bidi}`)).toBe(`Main_Flow_140${shown}`);
  expect(escapeXml(`Main_Flow_140${bidi}`)).toBe(`Main_Flow_140${shown}`);
  expect(escapeXmlAttribute(`Main_Flow_140${bidi}`)).toBe(`Main_Flow_140${shown}`);
  expect(escapeMarkdown(`Main_Flow_140${bidi}`)).toBe(`Main\\_Flow\\_140${shown.replaceAll('\\', '\\\\')}`); // the backslash escaped: shown as one
  expect(csvCell(`Main_Flow_140${bidi}`)).toBe(`Main_Flow_140${shown}`);
  expect(escapeTerminal(`Main_Flow_140${bidi}`)).toBe(`Main_Flow_140${shown}`);
  expect(printableLine(`Main_Flow_140${bidi}\n\u001b`)).toBe(`Main_Flow_140${shown}\\u000a\\u001b`);
  expect(escapeHtml('\u2067 \u05d0')).toBe('\\u2067 &#1488;'); // right-to-left letters themselves stay
});

test('U+2028 and U+2029 are line breaks: flattened in the console and Markdown, escaped on a CLI line', () => {
  expect(escapeTerminal('a\u2028b\u2029c  \u2028 d')).toBe('a b c d');
  expect(escapeMarkdown('a\u2028b\u2029c')).toBe('a b c');
  expect(printableLine('a\u2028b\u2029c')).toBe('a\\u2028b\\u2029c');
});

test('escapeMarkdown: control characters removed, C1 (NEL) too', () => {
  expect(escapeMarkdown('a\u0000b\u007fc\u0085d\u009fe')).toBe('abcde');
});

test('withoutControls leaves out every C0 control but tab and line breaks, DEL and every C1 control, and nothing else', () => {
  const all = Array.from({ length: 0x100 }, (_, code) => String.fromCharCode(code)).join('');
  const kept = [...withoutControls(all)].map((c) => c.charCodeAt(0));
  const expected = [0x09, 0x0a, 0x0d, ...Array.from({ length: 0x5f }, (_, i) => 0x20 + i), ...Array.from({ length: 0x60 }, (_, i) => 0xa0 + i)];
  expect(kept).toEqual(expected);
});

test('jsonForScript: nothing can end the script element, and it parses back to the same value', () => {
  const value = { text: HOSTILE, more: '<!-- --> \u2028 & >', unicode: 'café → 😀 \ud800' };
  const json = jsonForScript(value);
  expect(json).not.toMatch(/[<>&]|[^\x00-\x7F]/); // and ASCII, like the page around it
  expect(JSON.parse(json)).toEqual(value);
});

test('jsonForScript: none of the characters HTML forbids in a script is left raw (C0, DEL, C1, surrogates, noncharacters)', () => {
  const forbidden = [...Array(0xa0).keys()].map((code) => String.fromCharCode(code)).join('') + '\ud800 \udfff \ufdd0 \ufffe \uffff \u{10ffff}';
  const json = jsonForScript({ attendee: `a\u007fb`, forbidden });
  expect(json).toMatch(/^[\x20-\x7E]*$/); // printable ASCII only
  expect(json).toContain('a\\u007fb');
  expect(JSON.parse(json)).toEqual({ attendee: 'a\u007fb', forbidden });
});

test('csvCell: RFC 4180 quoting and formula injection defused', () => {
  expect(csvCell('plain')).toBe('plain');
  expect(csvCell('a,b')).toBe('"a,b"');
  expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
  for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}SUM(A1)`).replace(/^"/, '')).toMatch(/^'/);
  expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  expect(csvCell('a=b')).toBe('a=b');
  // After a `;`, quotes before the formula: Excel splitting at `;` reads `""=1+1` as a field closed at once, and keeps `=1+1`.
  expect(csvCell('x;"=1+1;y')).toBe(`"x;'""=1+1;y"`);
  expect(csvCell('"=1+1')).toBe(`"'""=1+1"`);
  expect(csvCell(undefined)).toBe('');
  // Terminal control characters cannot reach a terminal showing the file; tabs and line breaks stay.
  expect(csvCell('Main_Flow_\u001b[2J\u0007x')).toBe('Main_Flow_\\u001b[2J\\u0007x');
  expect(csvCell('a\tb')).toBe('a\tb');
});

test('safeHref: relative and http(s) links only', () => {
  expect(safeHref('140.html')).toBe('140.html');
  expect(safeHref('%3Cimg%3E.html')).toBe('%3Cimg%3E.html');
  expect(safeHref('https://example.org/r/140.html')).toBe('https://example.org/r/140.html');
  for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', '']) expect(safeHref(bad), bad).toBeUndefined();
});

test('the escapers return a value unchanged only when there is nothing to escape (their fast path agrees with the full escape)', () => {
  // The full escapes, character by character, without the fast path: what each escaper must give for any string.
  const bidi = (code: number) => code === 0x061c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
  const reference = (code: number) => (bidi(code) ? `\\u${code.toString(16).padStart(4, '0')}` : `&#${code >= 0xd800 && code <= 0xdfff ? 0xfffd : code};`);
  const control = (code: number) => (code <= 0x1f && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
  const xmlCanCarry = (code: number) => code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
  const escapeEach = (s: string, refs: Record<string, string>, keep: (code: number) => boolean) =>
    (s.match(/[\s\S]/gu) ?? []).map((c) => { const code = c.codePointAt(0)!; return !keep(code) ? '' : (refs[c] ?? (code > 0x7f ? reference(code) : c)); }).join('');
  const htmlRefs: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  const xmlRefs: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };
  const html = (s: string) => escapeEach(s, htmlRefs, (code) => !control(code));
  const xml = (s: string) => escapeEach(s, xmlRefs, (code) => xmlCanCarry(code) && !control(code));
  const attribute = (s: string) => escapeEach(s, { ...xmlRefs, '\t': '&#9;', '\n': '&#10;' }, (code) => xmlCanCarry(code) && !control(code));
  fc.assert(
    fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('&', '<', '>', '"', "'", '\t', '\n', '\r', '\u0000', '\u001f', '\u007f', '\u0085', '\u00e9', '\ud800', '\udc00', '\ud83d\ude00', '\ufffe', 'a', '→', '\u202e', '\u2066'), fc.string({ unit: 'binary', maxLength: 1 })) }), (s) => {
      // (plain comparisons: fast-check reports the counterexample; an expect() per case is slow)
      const escaped = [escapeHtml(s), escapeXml(s), escapeXmlAttribute(s)];
      return escaped[0] === html(s) && escaped[1] === xml(s) && escaped[2] === attribute(s) && /^[\x00-\x7F]*$/.test(escaped.join(''));
    }),
    { numRuns: 2000 },
  );
});

test('an escaped value is held one byte per character, even when its input had characters beyond Latin-1', () => {
  // V8 detail the escapers rely on for speed (see oneByte in reports/escape.ts): the serializer
  // writes a one-byte string with tag '"' and a two-byte one with tag 'c'.
  const oneByte = (s: string) => String.fromCharCode(serialize(s)[2]) === '"';
  expect(oneByte('Flow Designer → Flows'.replace('x', 'y'))).toBe(false);
  for (const input of ['Flow Designer → Flows', 'a “quoted” <b> → 😀', 'only ascii <>']) {
    expect(oneByte(escapeHtml(input)), input).toBe(true);
    expect(oneByte(escapeXml(input)), input).toBe(true);
    expect(oneByte(escapeXmlAttribute(input)), input).toBe(true);
  }
  expect(escapeHtml('Flow Designer → Flows')).toBe(escapeHtml('Flow Designer → Flows')); // remembered, same text
  const long = `${'→'.repeat(5000)}<`; // not remembered (too long), escaped and one-byte all the same
  expect(escapeHtml(long)).toBe(`${'&#8594;'.repeat(5000)}&lt;`);
  expect(oneByte(escapeHtml(long))).toBe(true);
});

test('csvCell: DEL and C1 controls (CSI 0x9B starts a terminal sequence as ESC [ does) are written as escapes too', () => {
  expect(csvCell('Main_Flow_\u009b2J\u007fx\u0085y\u009fz')).toBe('Main_Flow_\\u009b2J\\u007fx\\u0085y\\u009fz');
  expect(csvCell('café\u00a0ok')).toBe('café\u00a0ok'); // Latin-1 letters and the no-break space are no controls
});

test('safeHref: only the schemes http and https themselves, not others that start like them', () => {
  for (const bad of ['httpx://example.org', 'https+javascript:alert(1)', 'http-data:text/html,x', 'HTTPSX:x']) expect(safeHref(bad), bad).toBeUndefined();
  for (const good of ['http://example.org/', 'HTTPS://example.org/r.html']) expect(safeHref(good), good).toBe(good);
});

test('idToken: letters, digits and - kept, anything else as _<hex>_, one-to-one', () => {
  expect(idToken('546c9676-d9f8-429b-97a4-b9adc3122ea9')).toBe('546c9676-d9f8-429b-97a4-b9adc3122ea9'); // a real export's id, unchanged
  expect(idToken('a b')).toBe('a_20_b');
  expect(idToken('a_20_b')).toBe('a_5f_20_5f_b');
  expect(idToken('"><x>')).toBe('_22__3e__3c_x_3e_');
  expect(idToken('caf\u00e9\u202e\ud83d\ude00\ud800')).toBe('caf_e9__202e__1f600__d800_');
  expect(idToken('')).toBe('');
  fc.assert(
    // One-to-one: the text is read back from its token, so no two texts share one.
    fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('_', '-', ' ', '#', '"', '\ud800', '\ud83d\ude00', '5', 'f'), fc.string({ unit: 'binary', maxLength: 1 })) }), (text) => {
      const token = idToken(text);
      expect(token).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(token.replace(/_([0-9a-f]+)_/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))).toBe(text);
    }),
  );
});
