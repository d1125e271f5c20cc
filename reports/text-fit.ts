/**
 * Fitting a line of SVG text into a box of fixed width: SVG text does not wrap, and a label wider
 * than its activity's box ran over the box's edge and the links beside it. The width is estimated
 * from DejaVu Sans Bold's advances (what `system-ui` is on Linux, and wider than Segoe UI or San
 * Francisco), so a text judged to fit fits in any of them.
 */
import { codePoints, firstCodePoints, lastCodePoints } from './code-points.js';

/** Advance widths of the printable ASCII characters (space to ~), in hundredths of an em. */
const ADVANCE = [
  35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 40, 40, 84, 84, 84, 58,
  100, 77, 76, 73, 83, 68, 68, 82, 84, 37, 37, 77, 64, 100, 84, 85, 73, 85, 77, 72, 68, 81, 77, 110, 77, 72, 73, 46, 37, 46, 84, 50,
  50, 67, 72, 59, 72, 68, 44, 72, 71, 34, 34, 67, 34, 104, 71, 69, 72, 72, 49, 60, 48, 71, 65, 92, 65, 65, 58, 71, 37, 71, 84,
];
const ELLIPSIS = '…';

/** Estimated width of `text` in em: other characters as wide as an M, ideographs and emoji wider. */
export function widthInEm(text: string): number {
  let hundredths = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    hundredths += code >= 32 && code <= 126 ? ADVANCE[code - 32] : code >= 0x2e80 ? 125 : 100;
  }
  return hundredths / 100;
}

/**
 * `text` whole when it has at most `maxCharacters` characters and is at most `maxEm` wide, else as
 * many of its first characters as fit with `…` after them (never a split character).
 */
export function fitText(text: string, maxCharacters: number, maxEm: number): string {
  if (fitsWhole(text, maxCharacters, maxEm)) return text;
  let count = Math.min(codePoints(firstCodePoints(text, maxCharacters)), maxCharacters - 1);
  while (count > 1 && widthInEm(firstCodePoints(text, count) + ELLIPSIS) > maxEm) count--;
  return firstCodePoints(text, count) + ELLIPSIS;
}

/** Whether `text` has at most `maxCharacters` characters and is at most `maxEm` wide. */
function fitsWhole(text: string, maxCharacters: number, maxEm: number): boolean {
  const few = text.length <= maxCharacters || codePoints(text) <= maxCharacters; // (no more characters than UTF-16 units)
  return few && widthInEm(text) <= maxEm;
}

/**
 * `text` whole when it fits as for fitText, else its first and last characters with `…` between
 * them, as many as fit: what tells activity labels apart is often at their end
 * (`DisconnectContact_gse` and `…_x1f`). The end kept is at most half of them, from the start of a
 * word when one is near (`CallBackAP…Request`, `DisconnectCon…_gse`).
 */
export function fitTextMiddle(text: string, maxCharacters: number, maxEm: number): string {
  if (fitsWhole(text, maxCharacters, maxEm)) return text;
  const end = [...lastCodePoints(text, maxCharacters)];
  const cut = (kept: number) => {
    let tail = endFromWord(end, Math.floor(kept / 2));
    // Never an accent, a joiner or a variation selector first, on the ellipsis: without its letter.
    while (tail > 0 && JOINED.test(end[end.length - tail])) tail--;
    return firstCodePoints(text, kept - tail) + ELLIPSIS + end.slice(end.length - tail).join('');
  };
  let kept = Math.min(codePoints(firstCodePoints(text, maxCharacters + 1)), maxCharacters) - 1;
  while (kept > 2 && widthInEm(cut(kept)) > maxEm) kept--;
  return cut(kept);
}

/**
 * How many of the last characters `end` to keep, at most `most`: from the start of the longest
 * word that fits (after `_`, a space, `-` or `.`, the separator kept; a capital after a small
 * letter, or the last capital of several before a small letter: HTTP|Request) when it has 3 or more
 * characters, else `most`.
 */
function endFromWord(end: readonly string[], most: number): number {
  for (let count = Math.min(most, end.length - 1); count >= 3; count--) {
    const i = end.length - count;
    if (SEPARATOR.test(end[i]) || (UPPER.test(end[i]) && (LOWER.test(end[i - 1]) || (UPPER.test(end[i - 1]) && LOWER.test(end[i + 1] ?? ''))))) return count;
  }
  return most;
}

const SEPARATOR = /^[_\s.-]$/u;
const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;
/** A character that belongs with the one before it: a combining mark, a zero-width joiner, a variation selector. */
const JOINED = /^[\p{M}\u200d\ufe00-\ufe0f]$/u;
