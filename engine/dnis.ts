/** The DNIS a simulated call dials, as the user types it: E.164 with `+`, spaces, dashes and parentheses allowed. */
import { invisibleNote, showInvisible } from './invisible.js';

const E164 = /^\+\d{6,15}$/;

/**
 * What people put between a number's digits: spaces, parentheses, and dashes, the hyphen-minus typed
 * and those a word processor or a web page puts in its place (hyphen, non-breaking hyphen, figure
 * dash, en and em dash, horizontal bar, minus sign: U+2010–U+2015, U+2212).
 */
const SEPARATORS = /[\s()\-\u2010-\u2015\u2212]/g;

/** The number without spaces, dashes and parentheses, or undefined when it is not E.164 (`+` and 6–15 digits). */
export function parseDnis(text: string): string | undefined {
  const dnis = text.replace(SEPARATORS, '');
  return E164.test(dnis) ? dnis : undefined;
}

/**
 * Why `typed` (trimmed) is refused as a DNIS, for `--dnis` and the self-check page alike. Invisible
 * characters a pasted number may carry (U+202A…U+202C around it, a zero-width space or word joiner
 * from a chat or a web page) are shown as `\u200b` and named, or the message would quote a number
 * that looks valid; the spaces the rule drops (a no-break space among them) are left as typed.
 */
export function dnisRefusal(typed: string): string {
  const trimmed = typed.trim();
  const note = invisibleNote(trimmed.replace(/\s+/g, ''));
  const shown = trimmed.replace(/\S+/g, (run) => showInvisible(run));
  return `"${shown}" is not an E.164 number such as +14694096861${note ? ` (${note})` : ''}`;
}
