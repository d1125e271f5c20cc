/** Counting and cutting text by characters (code points) without splitting it into an array. */

/** Characters (code points) of `text`. */
export function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) if (isPairStart(text, i)) count--, i++;
  return count;
}

/** The first `count` characters of `text`. */
export function firstCodePoints(text: string, count: number): string {
  let i = 0;
  for (let n = 0; n < count && i < text.length; n++) i += isPairStart(text, i) ? 2 : 1;
  return text.slice(0, i);
}

/** The last `count` characters of `text`. */
export function lastCodePoints(text: string, count: number): string {
  let i = text.length;
  for (let n = 0; n < count && i > 0; n++) i -= i >= 2 && isPairStart(text, i - 2) ? 2 : 1;
  return text.slice(i);
}

function isPairStart(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff || i + 1 >= text.length) return false;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

/**
 * `text`, or when it has more than `max` characters its first `max` and `… (N characters)`, N its
 * whole length: what a format read in a size-limited place (junit.xml: GitLab drops a file over
 * 30 MB; summary.md: GitHub takes 1 MiB per job summary, 65,536 characters per comment) shows of
 * one value from an export, so that one 260,000-character attendee id or label cannot make the
 * class's file unusable. Never splits a character.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text; // (no more characters than UTF-16 units)
  const length = codePoints(text);
  return length > max ? `${firstCodePoints(text, max)}… (${wholeLength(text, length)} characters)` : text;
}

/**
 * The length of the text `text` was cut from, when it is a cut text (`… (N characters)` at its end,
 * N over the characters kept before it), else its own `length`: a report's texts are bounded first,
 * and a format with a smaller bound cuts them again, still saying how long the export's text was.
 */
function wholeLength(text: string, length: number): number {
  const mark = CUT_MARK.exec(text.slice(-40));
  if (!mark) return length;
  const whole = Number(mark[1]);
  return whole > length - mark[0].length ? whole : length;
}

const CUT_MARK = /… \((\d+) characters\)$/;

/** The characters a cut text (`… (N characters)` at its end) kept of its text, without that mark; undefined for any other text. */
export function keptOfCutText(text: string): string | undefined {
  const mark = CUT_MARK.exec(text.slice(-40));
  return mark ? text.slice(0, text.length - mark[0].length) : undefined;
}
