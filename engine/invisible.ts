/**
 * Characters a reader cannot see, or cannot tell from an ordinary space, in a report: no-break and
 * other typographic spaces, zero-width characters, the byte order mark, bidi marks, control
 * characters. A copy and paste from a chat, a PDF or a word processor brings them into a Flow
 * Designer field, where they break a URL, a path or an expression while the text looks right:
 * a failure that shows `actual: /v1/tasks` beside `expected: /v1/tasks` tells the attendee
 * nothing. `showInvisible` writes each as a visible `\u200b`-style escape and `invisibleNote`
 * names them.
 */

import { wordList } from './word-list.js';

const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u00A0\u00AD\u034F\u061C\u115F\u1160\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u2064\u2066-\u206F\u3000\u3164\uFEFF\uFFA0]/g;

const NAMES: Readonly<Record<string, string>> = {
  '\u00A0': 'a no-break space',
  '\u00AD': 'a soft hyphen',
  '\u2007': 'a figure space',
  '\u2009': 'a thin space',
  '\u200A': 'a hair space',
  '\u200B': 'a zero-width space',
  '\u200C': 'a zero-width non-joiner',
  '\u200D': 'a zero-width joiner',
  '\u200E': 'a left-to-right mark',
  '\u200F': 'a right-to-left mark',
  '\u2028': 'a line separator',
  '\u2029': 'a paragraph separator',
  // Around a number copied from a contact card or a phone app on Windows (U+202A…U+202C).
  '\u202A': 'a left-to-right embedding',
  '\u202B': 'a right-to-left embedding',
  '\u202C': 'a pop directional formatting',
  '\u202D': 'a left-to-right override',
  '\u202E': 'a right-to-left override',
  '\u202F': 'a narrow no-break space',
  '\u2060': 'a word joiner',
  '\u3000': 'an ideographic space',
  '\uFEFF': 'a zero-width no-break space (byte order mark)',
};

/** One UTF-16 code unit as a `\u001b`-style escape: how JSON, and terminal-safe text, write it. */
export function unicodeEscape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `text` with every invisible character written as a `\u00a0`-style escape. */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, unicodeEscape);
}

/** One sentence naming the invisible characters of `texts` (each once, in order of appearance), or undefined when there are none. */
export function invisibleNote(...texts: (string | undefined)[]): string | undefined {
  const found = [...new Set(texts.flatMap((text) => (text === undefined ? [] : (text.match(INVISIBLE) ?? []))))];
  if (found.length === 0) return undefined;
  const named = found.map((c) => `${unicodeEscape(c)} is ${NAMES[c] ?? 'an invisible character'}`);
  return `${wordList(named)}, which a copy and paste brings in unseen: delete ${found.length === 1 ? 'it' : 'them'} and type the text again`;
}
