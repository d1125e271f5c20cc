/**
 * Turning untrusted bytes into a JSON value, with limits and precise errors.
 */
import { jsonErrorOffset } from './json-error-offset.js';
import { clipPointer } from './clip.js';
import { LoadError } from './load-error.js';
import { pointerOf } from './pointer.js';
import { messageOf } from './error-message.js';

export interface JsonLimits {
  /** Largest input accepted, in bytes. */
  maxBytes: number;
  /** Deepest nesting of arrays/objects accepted. */
  maxDepth: number;
  /** Longest string (value or key) accepted anywhere in the export, in characters. */
  maxStringLength: number;
  /** Most activities in the main flow and the event flows together. */
  maxActivities: number;
  /** Most event nodes (OnGlobalError, AgentAnswered, …) in the event flows. */
  maxEventHandlers: number;
  /** Most flow variables declared in the export. */
  maxVariables: number;
}

/**
 * Real exports nest about 10 levels, their longest strings are under 1 KB, they have tens of
 * activities, one event node per event type (ten types) and under ten flow variables. See SECURITY.md.
 */
export const DEFAULT_LIMITS: JsonLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxDepth: 64,
  maxStringLength: 256 * 1024,
  maxActivities: 5_000,
  maxEventHandlers: 100,
  maxVariables: 5_000,
};

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false });
/**
 * Used only to tell whether bytes that are not UTF-8 are a JSON text. Node 20 decodes 80–9F as
 * Latin-1's controls, browsers as Windows-1252's letters: the same answer, since JSON allows
 * both inside a string and neither outside one.
 */
const windows1252 = new TextDecoder('windows-1252');

/**
 * The longest string V8 makes on 64-bit machines (2^29 - 24 characters; Chromium's too): a UTF-8
 * file of this many bytes or fewer always fits, as its text has no more characters than bytes.
 */
export const MOST_TEXT_BYTES = 2 ** 29 - 24;

/**
 * Why a file of `size` bytes is never decoded (more than MOST_TEXT_BYTES), or undefined. Also
 * what the CLI says of such a file, refused on its size before it reads a byte (cli/io.ts), and
 * of such an export in a zip archive, before it expands it (cli/grade/zip.ts).
 */
export function beyondText(size: number): string | undefined {
  return size > MOST_TEXT_BYTES ? `file is larger than ${MOST_TEXT_BYTES} bytes (512 MB), the most that can be read as text` : undefined;
}

/**
 * Decode (UTF-8, BOM stripped) after the size check; UTF-16 bytes are refused by name, and so is
 * a JSON text in Windows-1252 / Latin-1 (see notUtf8).
 */
export function decodeText(input: string | Uint8Array, limits: JsonLimits): string {
  const size = typeof input === 'string' ? utf8Length(input, limits.maxBytes) : input.byteLength;
  if (size > limits.maxBytes) {
    throw new LoadError('too-large', tooLargeText(limits.maxBytes));
  }
  // Under a --max-size raised that far: the text would not fit in a string, and the engine's own
  // words ("Cannot create a string longer than 0x1fffffe8 characters") would pass for a broken flow.
  const beyond = beyondText(size);
  if (beyond) throw new LoadError('too-large', beyond);
  const wide = typeof input === 'string' ? undefined : wideEncoding(input);
  if (wide) throw new LoadError('not-json', `not valid JSON: the file is ${wide}, not UTF-8; export it again from Flow Designer, or save it as UTF-8`);
  const kind = typeof input === 'string' ? undefined : binaryKind(input);
  if (kind) throw new LoadError('not-json', `not valid JSON: the file is ${kind}`);
  if (typeof input === 'string') return withoutBom(input);
  try {
    return withoutBom(utf8.decode(input));
  } catch {
    return withoutBom(notUtf8(input, limits));
  }
}

/**
 * Bytes that are not UTF-8 (what Flow Designer exports): a JSON text that an editor saved as
 * "ANSI", Windows-1252 or Latin-1 (read so, it parses) is refused, naming its first byte that is
 * not UTF-8, where it is and what it would be in Windows-1252: guessing the code page would
 * grade letters nobody typed. Other bytes (binary data) are decoded with U+FFFD for the syntax
 * error that follows. Only on this path is the file scanned again.
 */
function notUtf8(bytes: Uint8Array, limits: JsonLimits): string {
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  const offset = firstNonUtf8Byte(body);
  if (offset >= 0 && parsesAsJson(windows1252.decode(body), limits)) {
    const before = lenientUtf8.decode(body.subarray(0, offset));
    const { line, column } = lineAndColumn(before, before.length);
    const byte = body[offset];
    const character = windows1252Character(byte);
    const named = character ? `, "${character}" in Windows-1252,` : '';
    throw new LoadError('not-json', `not valid JSON: the file is not UTF-8 (byte 0x${byte.toString(16).toUpperCase()}${named} at line ${line} column ${column}, as in a file saved as "ANSI", Windows-1252 or Latin-1); export it again from Flow Designer, or save it as UTF-8`);
  }
  return lenientUtf8.decode(bytes);
}

/** Windows-1252's characters for 80–9F (a space where it has none): Latin-1 has controls there. */
const WINDOWS_1252_80_9F = '€ ‚ƒ„…†‡ˆ‰Š‹Œ Ž  ‘’“”•–—˜™š›œ žŸ';

/**
 * The visible character a byte of 80–FF is in Windows-1252, or undefined (none; a no-break or soft
 * hyphen, which would quote as nothing). Not TextDecoder('windows-1252') (see above): the message
 * must be the same in the CLI and the page.
 */
function windows1252Character(byte: number): string | undefined {
  const character = byte < 0xa0 ? WINDOWS_1252_80_9F[byte - 0x80] : byte === 0xa0 || byte === 0xad ? ' ' : String.fromCharCode(byte);
  return character === ' ' ? undefined : character;
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function parsesAsJson(text: string, limits: JsonLimits): boolean {
  try {
    parseJsonText(text, limits);
    return true;
  } catch {
    return false;
  }
}

/**
 * The offset of the first byte that does not start a well-formed UTF-8 sequence (the Unicode
 * standard's table: no overlong forms, surrogates or code points past U+10FFFF), or -1.
 */
export function firstNonUtf8Byte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    // The second byte's range depends on the lead byte; every other continuation byte is 80–BF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (let k = 2; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return i;
    i += length;
  }
  return -1;
}

/** `1 level`, `64 levels`: a nesting limit in words. */
export function levels(depth: number): string {
  return `${depth} ${depth === 1 ? 'level' : 'levels'}`;
}

/** A text without its leading byte order mark, which JSON.parse refuses (files and template bodies carry one). */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * What a binary file people pick by mistake is, from its first bytes (its signature), so the
 * message names it instead of quoting raw bytes: a zipped export, a screenshot, a PDF.
 */
function binaryKind(bytes: Uint8Array): string | undefined {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  const document = officeDocumentKind(bytes);
  if (document) return `${document}, not a flow export`;
  if (isZipArchive(bytes)) return 'a ZIP archive; unzip it and give the .json file inside';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'an image (PNG), not a flow export';
  if (starts(0xff, 0xd8, 0xff)) return 'an image (JPEG), not a flow export';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'an image (GIF), not a flow export';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'a PDF document, not a flow export';
  return undefined;
}

/**
 * A ZIP archive by its first bytes (a local file header, or the end record of an empty archive)
 * that is not an Office document (officeDocumentKind): a zipped export, to unzip.
 */
export function isZipArchive(bytes: Uint8Array): boolean {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06));
  return zip && officeDocumentKind(bytes) === undefined;
}

/**
 * A Word, Excel or PowerPoint file, or an OpenDocument one, is a ZIP archive too, told by its
 * first entry's name (in its local header at byte 30): Office writes `[Content_Types].xml` first,
 * and OpenDocument requires `mimetype` first. Such a file (a write-up with screenshots handed in
 * for the export) is no zipped export: "unzip it" would send its author the wrong way.
 */
function officeDocumentKind(bytes: Uint8Array): string | undefined {
  if (bytes.length < 30 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return undefined;
  const nameLength = bytes[26]! | (bytes[27]! << 8);
  let name = '';
  for (let i = 30; i < Math.min(30 + nameLength, bytes.length); i++) name += String.fromCharCode(bytes[i]!);
  if (name === '[Content_Types].xml') return 'an Office document (Word, Excel or PowerPoint)';
  if (name === 'mimetype') return 'an OpenDocument file (LibreOffice, OpenOffice)';
  return undefined;
}

/**
 * The name of the encoding of bytes in UTF-32 or UTF-16 (`UTF-16 (Notepad's "Unicode")`), told by
 * their first bytes; undefined for any other bytes. Exports and the --dynvars dataset are refused in it.
 */
export function wideEncoding(bytes: Uint8Array): string | undefined {
  return looksLikeUtf32(bytes) ? 'UTF-32' : looksLikeUtf16(bytes) ? 'UTF-16 (Notepad\'s "Unicode")' : undefined;
}

/**
 * UTF-32, from the first four bytes only: its BOM (FF FE 00 00, 00 00 FE FF), or without one an
 * ASCII character and three NULs (an export starts with `{` or whitespace). As for UTF-16 below,
 * this only names the encoding of a file refused anyway.
 */
function looksLikeUtf32(bytes: Uint8Array): boolean {
  const [b0, b1, b2, b3] = bytes;
  if (bytes.length < 4) return false;
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) return true;
  return (b0 !== 0 && b1 === 0 && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0 && b3 !== 0);
}

/**
 * UTF-16 (what Windows Notepad saves as "Unicode"), from the first four bytes only: a UTF-16 BOM,
 * or without one every other byte NUL (an export starts with ASCII, `{` or whitespace). No JSON
 * text in UTF-8 holds a NUL byte, so this only names the encoding of a file refused anyway.
 * (UTF-32 is told first: its little-endian BOM starts like UTF-16's.)
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xfe && b1 === 0xff) return true;
  if (b0 === 0xff && b1 === 0xfe) return !(b2 === 0 && b3 === 0);
  if (bytes.length < 4) return false;
  return (b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0) || (b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0);
}

/**
 * Texts up to this many characters are parsed before their nesting is measured (assertNesting):
 * V8's JSON.parse is iterative, and even a megabyte of brackets builds at most half a million
 * small arrays (about 30 MB, 0.1 s). Larger texts are scanned first, so that a 20 MB file of
 * brackets is refused without building ten million arrays. (The scan costs as much as parsing:
 * a fifth of loading a real export, which is 60–150 KB.)
 */
export const SCAN_BEFORE_PARSE_LENGTH = 1024 * 1024;

/**
 * Parse JSON text, refusing empty input and (for large texts, see SCAN_BEFORE_PARSE_LENGTH)
 * excessive nesting, and reporting syntax errors with line and column. A parsed value's nesting
 * is checked by assertNesting.
 */
export function parseJsonText(text: string, limits: JsonLimits): unknown {
  if (text.trim() === '') throw new LoadError('empty-file', 'file is empty');
  if (text.length > SCAN_BEFORE_PARSE_LENGTH) {
    const { depth, values } = scanStructure(text, limits.maxDepth);
    if (depth > limits.maxDepth) throw tooDeep(limits);
    if (values > MOST_VALUES) throw new LoadError('too-large', `the file holds more than ${MOST_VALUES} JSON values (objects, arrays, texts, numbers), far beyond any export`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    if (HTML_START.test(text)) throw new LoadError('not-json', 'not valid JSON: the file is a web page (HTML), such as a flowgrade report or a saved page, not a flow export: export the flow from Flow Designer and give that .json file');
    if (SVG_START.test(text.slice(0, 2000))) throw new LoadError('not-json', 'not valid JSON: the file is an image (SVG), not a flow export: export the flow from Flow Designer and give that .json file');
    if (XML_START.test(text)) throw new LoadError('not-json', 'not valid JSON: the file is XML, such as a flowgrade junit.xml, not a flow export: export the flow from Flow Designer and give that .json file');
    throw new LoadError('not-json', `not valid JSON: ${describeSyntaxError(text, error)}`);
  }
}

/**
 * Whether bytes refused as not JSON are another kind of file than a flow export gone wrong: an
 * image (an SVG one too), a PDF, an Office document, a web page or XML (what someone picks by mistake, which
 * exporting the flow again would not mend), not a ZIP archive (a zipped export, to unzip).
 */
export function isOtherKindOfFile(bytes: Uint8Array): boolean {
  const kind = binaryKind(bytes);
  if (kind !== undefined) return !isZipArchive(bytes);
  // (The first characters decoded alone: a web page or XML shows itself there; a UTF-8 BOM is left out.)
  const start = withoutBom(new TextDecoder().decode(bytes.subarray(0, 256)));
  return HTML_START.test(start) || XML_START.test(start) || SVG_START.test(start);
}

/** How a web page starts: what people give by mistake is an HTML report of ours, or a page saved from the browser. */
const HTML_START = /^\s*<(?:!doctype\s+html|html)[\s>]/i;

/** An XML document's declaration: a JUnit report of ours (junit.xml, check --format junit) given back by mistake. */
const XML_START = /^\s*<\?xml[\s?]/;

/**
 * How an SVG image starts (`<svg xmlns=…`, as a flowgrade drawing saved from the page writes it,
 * `<!DOCTYPE svg`), also after an XML declaration and comments (`<?xml …?>`, as Inkscape and
 * Illustrator write it, `<!-- Generator: Sketch -->`): an image picked by mistake, as a PNG is.
 * Each part bounded and opened by its own marker, so that no text makes the test backtrack; it
 * reads the first 2,000 characters.
 */
const SVG_START = /^\s*(?:<\?xml[^>]{0,300}\?>\s*)?(?:<!--(?:[^-]|-(?!->)){0,500}-->\s*){0,5}<(?:svg|!doctype\s+svg)[\s>/]/i;

function tooDeep(limits: JsonLimits): LoadError {
  return new LoadError('too-deep', `JSON nesting is deeper than the limit of ${levels(limits.maxDepth)}`);
}

/**
 * The nesting Java's JSON readers take: Jackson refuses a document nested deeper than 1,000 levels
 * (StreamReadConstraints' default since 2.15, as in current Spring services). A JSON text inside an
 * export (a request's body, GraphQL variables), which the loader's limit does not reach, is held to
 * it where it is read as JSON: deeper, the API refuses it, and our own recursive code (JSON.stringify,
 * schema validation, the body check's messages) ran out of stack at a depth that differed by thread.
 */
export const JAVA_JSON_MAX_DEPTH = 1000;

/**
 * Refuses a parsed value nested deeper than `maxDepth` (too-deep). Applied before any recursive
 * code (schema validation, the model) sees the value.
 */
export function assertNesting(value: unknown, limits: JsonLimits): void {
  if (nestedDeeperThan(value, limits.maxDepth)) throw tooDeep(limits);
}

/**
 * Whether arrays and objects in `value` nest deeper than `maxDepth` levels (the value itself is
 * the first). Iterative, and it visits only arrays and objects (for…in: no array of values
 * allocated per object).
 */
export function nestedDeeperThan(value: unknown, maxDepth: number): boolean {
  if (!isContainer(value)) return false;
  const containers: object[] = [value];
  const depths: number[] = [1];
  while (containers.length > 0) {
    const container = containers.pop()!;
    const depth = depths.pop()!;
    if (depth > maxDepth) return true;
    if (Array.isArray(container)) {
      for (let i = 0; i < container.length; i++) {
        const child: unknown = container[i];
        if (isContainer(child)) containers.push(child), depths.push(depth + 1);
      }
    } else {
      for (const key in container) {
        const child: unknown = (container as Record<string, unknown>)[key];
        if (isContainer(child) && Object.hasOwn(container, key)) containers.push(child), depths.push(depth + 1);
      }
    }
  }
  return false;
}

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

/**
 * Refuses a parsed export holding a string or key longer than `maxStringLength` (too-large),
 * naming where it is. Applied to the export itself, after a template body is unwrapped (its
 * `flow` string is the whole export). No string or key is longer than the text it was parsed
 * from (escapes only shorten them): a value from a text within the limit is not walked.
 * `inside` is said after the pointer (a template body's export is inside its `flow` string).
 */
export function assertStringLengths(value: unknown, textLength: number, limits: JsonLimits, inside = ''): void {
  if (textLength <= limits.maxStringLength) return;
  interface Item {
    value: unknown;
    key: string | number | undefined;
    parent: Item | undefined;
  }
  const stack: Item[] = [{ value, key: undefined, parent: undefined }];
  const refuse = (item: Item, length: number, what: string): never => {
    const segments: (string | number)[] = [];
    for (let at: Item | undefined = item; at?.key !== undefined; at = at.parent) segments.unshift(at.key);
    throw new LoadError('too-large', `${what} of ${length} characters at ${clipPointer(pointerOf(segments) || '(top level)')}${inside} is longer than the limit of ${limits.maxStringLength} characters`);
  };
  while (stack.length > 0) {
    const item = stack.pop()!;
    const current = item.value;
    if (typeof current === 'string') {
      if (current.length > limits.maxStringLength) refuse(item, current.length, 'a string');
    } else if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) stack.push({ value: current[i], key: i, parent: item });
    } else if (current !== null && typeof current === 'object') {
      for (const key of Object.keys(current)) {
        if (key.length > limits.maxStringLength) refuse(item, key.length, 'a key');
        stack.push({ value: (current as Record<string, unknown>)[key], key, parent: item });
      }
    }
  }
}

/**
 * Bytes of the UTF-8 encoding of `text`, exact (a lone surrogate counted as the 3 bytes of the
 * U+FFFD written for it). Given `stopAfter`, the count only says whether the encoding is longer than
 * that: when it is, a number above stopAfter, counted no further; when it is not, a number no
 * greater than stopAfter: the exact length, or, when 3 bytes for every UTF-16 unit would fit
 * (the text is not read then), its length in UTF-16 units, a lower bound.
 */
export function utf8Length(text: string, stopAfter?: number): number {
  if (stopAfter !== undefined && text.length * 3 <= stopAfter) return text.length; // cannot exceed the limit
  const limit = stopAfter ?? Infinity;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is one character of 4 bytes: its high half counts 1, its low half 3 (as any other).
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xdc00 && isLowSurrogate(text.charCodeAt(i + 1)) ? 1 : 3;
  }
  return bytes;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code < 0xe000;
}

/**
 * The most values (objects, arrays, texts, numbers) a text over SCAN_BEFORE_PARSE_LENGTH may hold:
 * a real export of 150 KB holds some 5,000. Parsed, each takes tens of bytes or more: 19 MB of `{},`
 * (6 million empty objects) took 645 MB to parse and 1.25 GB to grade, more than a grading thread
 * has, so that the class's grade depended on --jobs. (A text within SCAN_BEFORE_PARSE_LENGTH holds
 * half a million at most.)
 */
export const MOST_VALUES = 1_000_000;

/**
 * Maximum bracket nesting outside strings, and the values there (one per comma, and one per array
 * or object: never more than the text holds, which has one more in each array or object); stops
 * counting once past `limit` deep, or at binary data (not JSON: the parser then says where, instead
 * of random bytes' brackets being called nesting).
 */
function scanStructure(text: string, limit: number): { depth: number; values: number } {
  let depth = 0;
  let max = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x2c) values++;
    else if (isBinary(c)) break;
    else if (c === 0x7b || c === 0x5b) {
      values++;
      if (++depth > max && (max = depth) > limit) break;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return { depth: max, values };
}

export function describeSyntaxError(text: string, error: unknown): string {
  const message = messageOf(error);
  const offset = jsonErrorOffset(text);
  if (offset < 0) return message;
  const reason = offset >= text.length ? 'unexpected end of JSON input' : (inStringMistake(text, offset) ?? unexpectedAt(text, offset));
  const { line, column } = lineAndColumn(text, offset);
  return `${reason} at line ${line} column ${column}`;
}

/**
 * The mistakes of a hand-edited string, named: a line break or tab typed into it (a JSON body
 * pasted over several lines), or a backslash that starts no escape (a Windows path). The locator
 * stops at such a character only inside a string (outside, whitespace is skipped); an odd run of
 * backslashes before it means the last one started an escape that this character does not finish.
 */
function inStringMistake(text: string, offset: number): string | undefined {
  const c = text.charCodeAt(offset);
  const whitespace = c === 0x0a || c === 0x0d ? 'line break' : c === 0x09 ? 'tab' : undefined;
  if (backslashesBefore(text, offset) % 2 === 1) {
    if (whitespace) return `an invalid escape (a backslash before a ${whitespace}) in a string`;
    // Quoted as typed (the backslash not doubled); after \u, what there is of its four hex digits.
    const escape = c === 0x75 ? `\\u${/^[0-9A-Za-z]{0,4}/.exec(text.slice(offset + 1, offset + 5))![0]}` : `\\${text[offset]}`;
    return isBinaryText(escape) ? undefined : `an invalid escape "${escape}" in a string`;
  }
  if (whitespace) return `a ${whitespace} inside a string (write it as ${whitespace === 'tab' ? '\\t' : '\\n'})`;
  return undefined;
}

function backslashesBefore(text: string, offset: number): number {
  let count = 0;
  while (offset - count - 1 >= 0 && text.charCodeAt(offset - count - 1) === 0x5c) count++;
  return count;
}

/** What is at `offset`, quoted, or "binary data" where quoting it would print noise (a program's `MZ…`). */
function unexpectedAt(text: string, offset: number): string {
  const snippet = text.slice(offset, offset + 12).split(/\r\n|\r|\n/)[0] || text[offset];
  return isBinaryText(snippet) ? 'unexpected binary data' : `unexpected ${JSON.stringify(snippet)}`;
}

function isBinaryText(snippet: string): boolean {
  for (let i = 0; i < snippet.length; i++) if (isBinary(snippet.charCodeAt(i))) return true;
  return false;
}

/**
 * A character no text file holds: a control character other than whitespace, or U+FFFD (what
 * decoding put in place of bytes that are not UTF-8).
 */
function isBinary(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f || code === 0xfffd;
}

/** Lines end at LF, CRLF (Windows) or a lone CR (old Mac): JSON allows all three as whitespace. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** 20971520 → `20 MB`, 10240 → `10 KB`, 1000 → `1000 bytes`, 1 → `1 byte`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / 1024 / 1024} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return bytes === 1 ? '1 byte' : `${bytes} bytes`;
}

/**
 * `file is larger than the 20 MB limit`: a file refused for its size, by the loader, and before it
 * is read by the CLI and the self-check page (they add its size).
 */
export function tooLargeText(maxBytes: number): string {
  return `file is larger than the ${formatBytes(maxBytes)} limit`;
}
