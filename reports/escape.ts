/**
 * The one place every value goes through before it lands in HTML, XML, Markdown or CSV. Anything
 * that comes from an export (labels, prompts, expressions, response bodies, file names, attendee
 * ids) is untrusted: writers never interpolate it any other way.
 */
import { unicodeEscape } from '../engine/invisible.js';

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * HTML text or attribute value (always double-quote attributes), in ASCII: control characters
 * (C0 but tab and line breaks, DEL, C1) removed, bidi controls as visible escapes (see BIDI),
 * every other non-ASCII character written as a numeric character reference (see asciiReference).
 */
export function escapeHtml(value: unknown): string {
  const plain = text(value);
  if (!HTML_SPECIAL.test(plain)) return plain; // most values: one scan, no copy
  return oneByte(htmlEscapes, plain, () => plain.replace(HTML_CHANGED, (c) => (CONTROL.test(c) ? '' : BIDI.test(c) ? unicodeEscape(c) : (HTML[c] ?? asciiReference(c)))));
}

/** Any character escapeHtml changes. */
const HTML_SPECIAL = /[\x00-\x08\x0B\x0C\x0E-\x1F&<>"']|[^\x00-\x7E]/;

/** Control characters other than tab and line breaks: C0, DEL and C1. */
const CONTROLS = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/g;
/** One of CONTROLS. */
const CONTROL = new RegExp(`^${CONTROLS.source}$`);

/**
 * `value` less the control characters HTML, XML and Markdown leave out (C0 but tab and line
 * breaks, DEL, C1): what a page or summary.md shows of it (`14\u00001` reads `141`).
 */
export function withoutControls(value: string): string {
  return value.replace(CONTROLS, '');
}

/**
 * Bidirectional formatting characters: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069) and marks (U+200E, U+200F, U+061C). Invisible, they reorder the text after them
 * (a name ending in U+202E shows whatever follows it in the same line or element backwards, our
 * own words included), so no format keeps them raw, and none drops them either: every escaper
 * writes them as a visible `\u202e`, as CSV and the CLI write control characters, and the reader
 * sees that the export holds one.
 */
const BIDI_CHARACTERS = '\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069';
const BIDI = new RegExp(`^[${BIDI_CHARACTERS}]$`);

/** What escapeHtml removes or replaces, one code point at a time (in one pass: removing a character never joins two others). */
const HTML_CHANGED = /[\x00-\x08\x0B\x0C\x0E-\x1F&<>"']|[^\x00-\x7E]/gu;

/**
 * A non-ASCII character as a numeric character reference (`→` → `&#8594;`), which HTML and XML
 * show as the character itself; a lone surrogate as U+FFFD, as a UTF-8 encoder would write it.
 * Pages and XML files are written in ASCII: a document with any character beyond Latin-1 is held
 * by V8 at two bytes per character, and building and encoding one of 100 KB then cost over ten
 * times as much (half the time of rendering an attendee's report).
 */
function asciiReference(character: string): string {
  const code = character.codePointAt(0)!;
  return `&#${code >= 0xd800 && code <= 0xdfff ? 0xfffd : code};`;
}

/**
 * The escape of `input`, held one byte per character. V8 keeps what is left of a string that had
 * a character beyond Latin-1 at two bytes per character, even when only ASCII is left, and then
 * the whole document built from it too; a round trip through UTF-8 gives an equal string held at
 * one byte. Remembered (per escaper) for the strings every report repeats: hints, titles, messages.
 */
function oneByte(remembered: Map<string, string>, input: string, escape: () => string): string {
  if (!BEYOND_LATIN1.test(input)) return escape();
  let escaped = remembered.get(input);
  if (escaped === undefined) {
    escaped = utf8Decoder.decode(utf8Encoder.encode(escape()));
    if (input.length > REMEMBERED_LENGTH) return escaped; // (memory stays small whatever an export holds)
    if (remembered.size >= REMEMBERED) remembered.clear();
    remembered.set(input, escaped);
  }
  return escaped;
}

const BEYOND_LATIN1 = /[^\x00-\xFF]/;
const REMEMBERED = 1_000;
const REMEMBERED_LENGTH = 1_000;
const htmlEscapes = new Map<string, string>();
const xmlTextEscapes = new Map<string, string>();
const xmlAttributeEscapes = new Map<string, string>();
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /^[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]$/u;

/** What escapeXml / escapeXmlAttribute remove or replace, one code point at a time, in one pass. */
const XML_TEXT_CHANGED = /[&<>"'\r\x00-\x08\x0B\x0C\x0E-\x1F]|[^\x00-\x7E]/gu;
const XML_ATTRIBUTE_CHANGED = /[&<>"'\t\n\r\x00-\x08\x0B\x0C\x0E-\x1F]|[^\x00-\x7E]/gu;

function xmlReplacement(c: string): string {
  return NOT_XML.test(c) || CONTROL.test(c) ? '' : BIDI.test(c) ? unicodeEscape(c) : (XML[c] ?? asciiReference(c));
}

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/**
 * XML 1.0 text, in ASCII: escaped, characters XML cannot carry and the other control characters
 * (DEL, C1) removed, bidi controls as visible escapes (see BIDI), every other non-ASCII character
 * as a numeric reference. `]]>` cannot survive (`>` is escaped).
 */
export function escapeXml(value: unknown): string {
  const plain = text(value);
  if (!XML_TEXT_SPECIAL.test(plain)) return plain;
  return oneByte(xmlTextEscapes, plain, () => plain.replace(XML_TEXT_CHANGED, xmlReplacement));
}

/** XML 1.0 attribute value: as text, and tabs and line breaks as references so they survive normalisation. */
export function escapeXmlAttribute(value: unknown): string {
  const plain = text(value);
  if (!XML_ATTRIBUTE_SPECIAL.test(plain)) return plain;
  return oneByte(xmlAttributeEscapes, plain, () => plain.replace(XML_ATTRIBUTE_CHANGED, xmlReplacement));
}

/** Any character escapeXml / escapeXmlAttribute changes. */
const XML_TEXT_SPECIAL = /[&<>"'\r\x00-\x08\x0B\x0C\x0E-\x1F]|[^\x00-\x7E]/;
const XML_ATTRIBUTE_SPECIAL = /[&<>"'\t\n\r\x00-\x08\x0B\x0C\x0E-\x1F]|[^\x00-\x7E]/;

/**
 * Markdown inline text (also inside a table cell): the characters CommonMark and GitHub give a
 * meaning (emphasis, code, links, images, headings, lists, tables, strikethrough, math, autolinks:
 * \ ` * _ { } [ ] ( ) # + - . ! | ~ : $ @) are backslash-escaped; `<`, `>` and `&`
 * become entities so no raw HTML or entity survives; line breaks (see LINE_BREAK) become spaces
 * so a value cannot start a new block. Control characters (C0, DEL, C1) are removed, as in HTML; bidi controls
 * become visible escapes (see BIDI; their backslash is escaped below, so `\u202e` is shown).
 * GitHub's @mentions and issue references are found in the rendered text, where a backslash no
 * longer shows: escaping does not stop them (markdown.ts breaks them for summary.md).
 */
export function escapeMarkdown(value: unknown): string {
  return withoutControls(text(value))
    .replace(BIDI_ALL, unicodeEscape)
    .replace(/\s+/g, (space) => (LINE_BREAK.test(space) ? ' ' : space))
    .replace(/[\\`*_{}[\]()#+\-.!|~:$@<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/**
 * JSON for an inline `<script type="application/json">`: `<`, `>` and `&` as `\u` escapes so
 * `</script>` or `<!--` cannot end or change the element, and DEL and every non-ASCII character
 * too (the page stays ASCII, see asciiReference), so none of the characters HTML forbids in a
 * script (control characters, lone surrogates, noncharacters) is left raw: JSON.stringify escapes
 * C0 itself, but not DEL. JSON.parse gives the value back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]|[^\x00-\x7E]/g, unicodeEscape);
}

/**
 * One RFC 4180 cell. A cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so a
 * spreadsheet never runs it as a formula (OWASP "CSV injection"); so does each part of it after a
 * `;` or a line break: where the list separator is `;` (Excel in much of Europe), Excel splits
 * every line at `;`, honours quotes only at the start of what it takes for a field, and ends a
 * record at any line break, so `x;=1+1` or a quoted `a⏎=1+1` in a later column would give it a
 * cell `=1+1` to run.
 */
export function csvCell(value: unknown): string {
  // Control characters other than line breaks and tabs (ESC, BEL, …) would act on a terminal
  // showing the file (`cat grades.csv`): written as \u001b-style escapes, as on stdout; so are
  // bidi controls (see BIDI), which would reorder the cell in a spreadsheet or a terminal.
  const cell = text(value).replace(CSV_ESCAPED, unicodeEscape).replace(CSV_FORMULA_START, "$1'");
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * Terminal text: one line (line breaks, see LINE_BREAK, flattened), with C0/C1 control characters
 * (ESC of ANSI sequences, BEL, backspace, carriage return, …) removed, so an export cannot
 * recolour, move the cursor or fake lines; bidi controls as visible escapes (see BIDI).
 */
export function escapeTerminal(value: unknown): string {
  return text(value)
    .replace(/\s+/g, (space) => (LINE_BREAK.test(space) ? ' ' : space))
    .replace(/\t/g, ' ')
    .replace(/[\x00-\x1F\x7F-\x9F]/g, '')
    .replace(BIDI_ALL, unicodeEscape);
}

/**
 * Line breaks: CR, LF, and Unicode's line and paragraph separators (U+2028, U+2029), which
 * terminals, editors and browsers' text boxes may show as new lines. (NEL, U+0085, is a C1 control.)
 */
const LINE_BREAK = /[\r\n\u2028\u2029]/;

/**
 * One line of the CLI's own messages (file names, attendee ids, which come from strangers):
 * control characters, line breaks included (see LINE_BREAK), and bidi controls (see BIDI) as
 * `\u001b`-style escapes, so nothing acts on the terminal and the name stays recognisable.
 */
export function printableLine(line: string): string {
  return line.replace(LINE_ESCAPED, unicodeEscape);
}

/**
 * JSON text for a terminal (`--format json` on stdout): DEL, C1 controls, the line and paragraph
 * separators and bidi controls, which JSON.stringify leaves raw inside strings, as `\u009b`-style
 * escapes. JSON.parse gives the same value back; the terminal gets no control sequence and no
 * reordering. (Outside strings, JSON text is ASCII; inside, C0 controls are already escaped.)
 */
export function terminalJson(json: string): string {
  return json.replace(JSON_TERMINAL_ESCAPED, unicodeEscape);
}

const JSON_TERMINAL_ESCAPED = new RegExp(`[\\x7F-\\x9F\\u2028\\u2029${BIDI_CHARACTERS}]`, 'g');
const BIDI_ALL = new RegExp(`[${BIDI_CHARACTERS}]`, 'g');
/**
 * Where a spreadsheet may start a cell (the cell's start, after a `;` or a line break) followed by
 * what would make it a formula, also after quotes (`x;"=1+1`: split at `;`, the part `""=1+1` is a
 * quoted field closed at once, and Excel keeps the `=1+1` after it).
 */
const CSV_FORMULA_START = /(^|[;\r\n])(?="*[=+\-@\t\r])/g;
const CSV_ESCAPED = new RegExp(`[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F${BIDI_CHARACTERS}]`, 'g');
const LINE_ESCAPED = new RegExp(`[\\x00-\\x1F\\x7F-\\x9F\\u2028\\u2029${BIDI_CHARACTERS}]`, 'g');

/**
 * Any text as the tail of an HTML id, and of the `#…` link to it: ASCII letters, digits and `-`
 * kept, every other code point written `_<hex>_` (`a b` → `a_20_b`, `_` → `_5f_`). Used for the
 * ids made of an export's activity ids (reports/svg.ts `activityAnchor`), which may hold anything:
 * the token needs no escaping in an attribute, a URL fragment (nothing to percent-encode, so the
 * link and the id match byte for byte) or a CSS selector, and it is one-to-one (`_` is never kept),
 * so distinct activity ids give distinct ids. The UUIDs of real exports come out unchanged.
 */
export function idToken(value: string): string {
  return ID_KEPT.test(value) ? value : value.replace(ID_CHANGED, (c) => `_${c.codePointAt(0)!.toString(16)}_`);
}

const ID_KEPT = /^[A-Za-z0-9-]*$/;
const ID_CHANGED = /[^A-Za-z0-9-]/gu;

/**
 * An href that is safe to write into a report: relative, `#…`, or http(s). Anything with another
 * scheme (`javascript:`, `data:`, …) gives undefined and the writer shows plain text instead.
 */
export function safeHref(href: string): string | undefined {
  const trimmed = href.trim();
  if (trimmed === '') return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed.replace(/[\x00-\x20]/g, ''));
  if (scheme && !/^https?$/i.test(scheme[1])) return undefined;
  return trimmed;
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}
