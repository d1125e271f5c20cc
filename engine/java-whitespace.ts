/**
 * Java's Character.isWhitespace: tab, line feed, U+000B, form feed, carriage return, U+001C-U+001F,
 * and Unicode's space, line and paragraph separators but the no-break spaces (U+00A0, U+2007,
 * U+202F). Pebble's lexer skips it between tokens; `title` and `capitalize`, String.strip() and
 * String.isBlank() go by it. Not JavaScript's `\s` nor String.prototype.trim, which also take the
 * no-break spaces and U+FEFF and leave U+001C-U+001F.
 */
export const JAVA_WHITESPACE = /[\t\n\x0B\f\r\x1C-\x1F \u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000]/;

export function isJavaWhitespace(c: string): boolean {
  return JAVA_WHITESPACE.test(c);
}

/** Java String.strip(): the text without white space at either end. */
export function javaStrip(s: string): string {
  return trimEnds(s, isJavaWhitespace);
}

/** Java String.trim(): the text without characters up to U+0020 at either end (control characters too, no-break spaces not). */
export function javaTrim(s: string): string {
  return trimEnds(s, (c) => c.charCodeAt(0) <= 32);
}

function trimEnds(s: string, drop: (c: string) => boolean): string {
  let start = 0;
  let end = s.length;
  while (start < end && drop(s[start])) start++;
  while (end > start && drop(s[end - 1])) end--;
  return s.slice(start, end);
}

/** Java String.isBlank(): empty or white space only. */
export function javaIsBlank(s: string): boolean {
  return javaStrip(s) === '';
}
