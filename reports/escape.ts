/**
 * The one place every value goes through before it lands in HTML, XML, Markdown or CSV. Anything
 * that comes from an export (labels, prompts, expressions, response bodies, file names, attendee
 * ids) is untrusted: writers never interpolate it any other way.
 */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML text or attribute value (always double-quote attributes); control characters other than tab and line breaks removed. */
export function escapeHtml(value: unknown): string {
  const plain = text(value);
  if (!HTML_SPECIAL.test(plain)) return plain; // most values: one scan, no copy
  return plain.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, '').replace(/[&<>"']/g, (c) => HTML[c]);
}

/** Any character escapeHtml changes. */
const HTML_SPECIAL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F&<>"']/;

/** Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** XML 1.0 text: escaped, characters XML cannot carry removed. `]]>` cannot survive (`>` is escaped). */
export function escapeXml(value: unknown): string {
  const plain = text(value);
  if (!XML_TEXT_SPECIAL.test(plain)) return plain;
  return plain.replace(NOT_XML, '').replace(/[&<>"']|\r/g, (c) => XML[c]);
}

/** XML 1.0 attribute value: as text, and tabs and line breaks as references so they survive normalisation. */
export function escapeXmlAttribute(value: unknown): string {
  const plain = text(value);
  if (!XML_ATTRIBUTE_SPECIAL.test(plain)) return plain;
  return plain.replace(NOT_XML, '').replace(/[&<>"'\t\n\r]/g, (c) => XML[c]);
}

/** Any character escapeXml / escapeXmlAttribute changes (NOT_XML's set, plus what they escape). */
const XML_TEXT_SPECIAL = /[&<>"'\r]|[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const XML_ATTRIBUTE_SPECIAL = /[&<>"'\t\n\r]|[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * Markdown inline text (also inside a table cell): the characters CommonMark and GitHub give a
 * meaning (emphasis, code, links, images, headings, lists, tables, strikethrough, math, mentions,
 * autolinks: \ ` * _ { } [ ] ( ) # + - . ! | ~ : $ @) are backslash-escaped; `<`, `>` and `&`
 * become entities so no raw HTML or entity survives; line breaks become spaces so a value cannot
 * start a new block.
 */
export function escapeMarkdown(value: unknown): string {
  return text(value)
    .replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, '')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~:$@<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/**
 * JSON for an inline `<script type="application/json">`: `<`, `>` and `&` as `\u` escapes so
 * `</script>` or `<!--` cannot end or change the element; JSON.parse gives the value back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * One RFC 4180 cell. A cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so a
 * spreadsheet never runs it as a formula (OWASP "CSV injection").
 */
export function csvCell(value: unknown): string {
  let cell = text(value);
  if (/^[=+\-@\t\r]/.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * Terminal text: one line, with C0/C1 control characters (ESC of ANSI sequences, BEL, backspace,
 * carriage return, …) removed, so an export cannot recolour, move the cursor or fake lines.
 */
export function escapeTerminal(value: unknown): string {
  return text(value)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/\t/g, ' ')
    .replace(/[\x00-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/g, '');
}

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
