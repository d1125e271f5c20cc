/** Text encodings used by filters: URL form encoding, Base64 over UTF-8, SHA-256 and HTML escaping. */

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

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 of the UTF-8 bytes, lower-case hex (synchronous, pure). */
export function sha256Hex(s: string): string {
  const data = utf8.encode(s);
  const bitLength = data.length * 8;
  const padded = new Uint8Array(Math.ceil((data.length + 9) / 64) * 64);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i] + w[i]) >>> 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  return [...h].map((x) => x.toString(16).padStart(8, '0')).join('');
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
