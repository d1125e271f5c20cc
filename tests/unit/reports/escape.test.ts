/** The escapers every writer goes through. */
import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { csvCell, escapeHtml, escapeMarkdown, escapeTerminal, escapeXml, escapeXmlAttribute, jsonForScript, safeHref } from '../../../reports/escape.js';
import { parseXml } from './xml-check.js';
import { CONTROL, HOSTILE } from './sample-reports.js';

test('escapeHtml: the five HTML-significant characters, nothing else', () => {
  expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  expect(escapeHtml('GET_CBID → 200 “ok”')).toBe('GET_CBID → 200 “ok”');
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
  expect(escapeXml('😀')).toBe('😀'); // astral characters are allowed
});

test('escapeMarkdown: punctuation backslash-escaped, HTML as entities, one line', () => {
  expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert\\(1\\)&gt;');
  expect(escapeMarkdown('a|b `c` *d* _e_ [f](g) #h')).toBe('a\\|b \\`c\\` \\*d\\* \\_e\\_ \\[f\\]\\(g\\) \\#h');
  expect(escapeMarkdown('one\n\n# two\r\n- three')).toBe('one \\# two \\- three');
  expect(escapeMarkdown('&amp;')).toBe('&amp;amp;'); // shows as &amp;
  expect(escapeMarkdown('see https://x.org, @team, $x$, ~~y~~')).toBe('see https\\://x\\.org, \\@team, \\$x\\$, \\~\\~y\\~\\~');
  expect(escapeMarkdown('140')).toBe('140');
});

test('escapeTerminal: no control characters, no line breaks, no bidi overrides', () => {
  expect(escapeTerminal(`a${CONTROL}b\nc\u202Ed`)).toBe('a[31mred\ud800b cd');
  expect(escapeTerminal('tab\there')).toBe('tab here');
});

test('jsonForScript: nothing can end the script element, and it parses back to the same value', () => {
  const value = { text: HOSTILE, more: '<!-- --> \u2028 & >' };
  const json = jsonForScript(value);
  expect(json).not.toMatch(/[<>&\u2028\u2029]/);
  expect(JSON.parse(json)).toEqual(value);
});

test('csvCell: RFC 4180 quoting and formula injection defused', () => {
  expect(csvCell('plain')).toBe('plain');
  expect(csvCell('a,b')).toBe('"a,b"');
  expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
  for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}SUM(A1)`).replace(/^"/, '')).toMatch(/^'/);
  expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  expect(csvCell('a=b')).toBe('a=b');
  expect(csvCell(undefined)).toBe('');
});

test('safeHref: relative and http(s) links only', () => {
  expect(safeHref('140.html')).toBe('140.html');
  expect(safeHref('%3Cimg%3E.html')).toBe('%3Cimg%3E.html');
  expect(safeHref('https://example.org/r/140.html')).toBe('https://example.org/r/140.html');
  for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', '']) expect(safeHref(bad), bad).toBeUndefined();
});

test('the escapers return a value unchanged only when there is nothing to escape (their fast path agrees with the full escape)', () => {
  // The full escapes, without the fast path: what each escaper must give for any string.
  const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
  const html = (s: string) => s.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, '').replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
  const xmlRefs: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };
  const xml = (s: string) => s.replace(NOT_XML, '').replace(/[&<>"']|\r/g, (c) => xmlRefs[c]);
  const attribute = (s: string) => s.replace(NOT_XML, '').replace(/[&<>"'\t\n\r]/g, (c) => xmlRefs[c]);
  fc.assert(
    fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('&', '<', '>', '"', "'", '\t', '\n', '\r', '\u0000', '\u001f', '\u007f', '\ud800', '\udc00', '\ufffe', 'a', '→'), fc.string({ unit: 'binary', maxLength: 1 })) }), (s) => {
      expect(escapeHtml(s)).toBe(html(s));
      expect(escapeXml(s)).toBe(xml(s));
      expect(escapeXmlAttribute(s)).toBe(attribute(s));
    }),
    { numRuns: 2000 },
  );
});
