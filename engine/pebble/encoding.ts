/** Text encodings used by filters: URL form encoding, Base64 over UTF-8, SHA-256 and HTML escaping. */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8');

/**
 * java.net.URLEncoder.encode(s, "UTF-8"): unreserved `A-Za-z0-9.-*_`, space → `+`, rest %XX.
 * `encodeURIComponent` gives the same UTF-8 %XX but leaves `!'()~` too and writes a space `%20`
 * (every `%` it writes starts a triplet, so `%20` is always a space); it runs natively, where the
 * byte-by-byte loop took over a second for a few hundred thousand characters. A lone surrogate
 * (`encodeURIComponent` throws) goes through the loop, whose UTF-8 encoder makes it U+FFFD.
 */
export function urlEncode(s: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(s);
  } catch {
    return urlEncodeBytes(s);
  }
  return encoded.replace(/[!'()~]|%20/g, (c) => (c === '%20' ? '+' : `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
}

/** urlEncode byte by byte over the UTF-8 encoding (exported for the test that compares the two). */
export function urlEncodeBytes(s: string): string {
  let out = '';
  for (const byte of utf8.encode(s)) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9.\-*_]/.test(c)) out += c;
    else if (byte === 0x20) out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function base64Encode(s: string): string {
  let binary = '';
  for (const byte of utf8.encode(s)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** java.util.Base64 basic decoder (padding optional, no whitespace), then UTF-8. Null if invalid. */
export function base64Decode(s: string): string | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return null;
  const body = s.replace(/=+$/, '');
  if (body.length % 4 === 1) return null;
  if (s.length !== body.length && s.length % 4 !== 0) return null;
  // atob refuses only what is refused above (a character outside the alphabet, a length of 4n + 1).
  const binary = atob(body);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return utf8Decoder.decode(bytes);
}

/**
 * SHA-256 of the UTF-8 bytes, lower-case hex (synchronous, pure). By @noble/hashes, which
 * engine/grade.ts uses for the input's digest already: one SHA-256 in the bundles, not two.
 */
export function sha256Hex(s: string): string {
  return bytesToHex(sha256(utf8.encode(s)));
}

/*
 * The other `escape` strategies, after unbescape 1.1.6 (the version Pebble depends on), each with
 * the settings Pebble's EscapeFilter uses. All work on code points (a surrogate pair is one
 * character; a lone surrogate is escaped on its own).
 */

const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');

/** Code points and their UTF-16 offsets. */
function* codePoints(s: string): Generator<[cp: number, i: number, len: number]> {
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    yield [cp, i, len];
    i += len;
  }
}

/** `\uHHHH` (both halves of a pair for a supplementary code point). */
function uHexa(cp: number): string {
  if (cp <= 0xffff) return `\\u${hex(cp, 4)}`;
  const s = String.fromCodePoint(cp);
  return `\\u${hex(s.charCodeAt(0), 4)}\\u${hex(s.charCodeAt(1), 4)}`;
}

/**
 * unbescape level 2 for JavaScript and JSON: the basic set (`"` `\\` `&`, `'` for JavaScript, the
 * C0 controls, U+007F–U+009F, and `/` right after `<`) plus everything outside ASCII.
 */
function jsLikeEscape(s: string, single: Readonly<Record<number, string>>, xHexa: boolean): string {
  let out = '';
  for (const [cp, i, len] of codePoints(s)) {
    const c = s.slice(i, i + len);
    const basic = cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f) || cp === 0x22 || cp === 0x5c || cp === 0x26 || (xHexa && cp === 0x27);
    const slash = cp === 0x2f && i > 0 && s[i - 1] === '<';
    if (!basic && !slash && cp < 0x80) {
      out += c;
      continue;
    }
    if (single[cp] !== undefined) out += `\\${single[cp]}`;
    else if (xHexa && cp <= 0xff) out += `\\x${hex(cp, 2)}`;
    else out += uHexa(cp);
  }
  return out;
}

const JS_SINGLE: Readonly<Record<number, string>> = {
  0x00: '0', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0c: 'f', 0x0d: 'r', 0x22: '"', 0x27: "'", 0x5c: '\\', 0x2f: '/',
};
const JSON_SINGLE: Readonly<Record<number, string>> = {
  0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0c: 'f', 0x0d: 'r', 0x22: '"', 0x5c: '\\', 0x2f: '/',
};

/** Pebble `escape(strategy="js")`: unbescape `JavaScriptEscape.escapeJavaScript` (`\'`, `\x26`, `\xE9`, `\u2028`). */
export function escapeJavaScript(s: string): string {
  return jsLikeEscape(s, JS_SINGLE, true);
}

/** Pebble `escape(strategy="json")`: unbescape `JsonEscape.escapeJson` (`\u0026`, `\u00E9`, `'` kept). */
export function escapeJson(s: string): string {
  return jsLikeEscape(s, JSON_SINGLE, false);
}

const CSS_BACKSLASHED = new Set(' !"#$%&\'()*+,-./;<=>?@[\\]^_`{|}~');

/**
 * Pebble `escape(strategy="css")`: unbescape `CssEscape.escapeCssIdentifier`. ASCII letters and
 * digits stay (a leading digit is escaped), as do `-` (unless the text starts with `--` or `-`
 * and a digit) and `_` (unless first); other ASCII punctuation gets a backslash, except `:`,
 * which like controls and non-ASCII becomes compact hex (`\3A`, `\E9`), with a space after it
 * when a hex digit follows.
 */
export function escapeCssIdentifier(s: string): string {
  let out = '';
  for (const [cp, i, len] of codePoints(s)) {
    const c = s.slice(i, i + len);
    const alnum = /^[A-Za-z0-9]$/.test(c);
    if (alnum && !(i === 0 && cp >= 0x30 && cp <= 0x39)) {
      out += c;
      continue;
    }
    if (cp === 0x2d && (i > 0 || i + 1 >= s.length || (s[i + 1] !== '-' && !/[0-9]/.test(s[i + 1])))) {
      out += c;
      continue;
    }
    if (cp === 0x5f && i > 0) {
      out += c;
      continue;
    }
    if (CSS_BACKSLASHED.has(c)) {
      out += `\\${c}`;
      continue;
    }
    const next = s[i + len] ?? '';
    out += `\\${cp.toString(16).toUpperCase()}${/^[0-9A-Fa-f]$/.test(next) ? ' ' : ''}`;
  }
  return out;
}

/**
 * Pebble `escape(strategy="url_param")`: unbescape `UriEscape.escapeUriQueryParam`. RFC 3986
 * pchar plus `/` and `?` stay, except `= & + #`; the rest is %XX of the UTF-8 bytes (space is
 * `%20`; a lone surrogate is `%3F`, the `?` Java's encoder substitutes).
 */
export function escapeUriQueryParam(s: string): string {
  let out = '';
  for (const [cp, i, len] of codePoints(s)) {
    const c = s.slice(i, i + len);
    if (/^[A-Za-z0-9\-._~!$'()*,;:@/?]$/.test(c)) out += c;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '%3F';
    else for (const byte of utf8.encode(c)) out += `%${hex(byte, 2)}`;
  }
  return out;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Pebble's `escape` (html strategy): & < > " ' */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
