/**
 * The numbers of a JSON text as Flow Designer's Java JSONPath holds them. JSON.parse makes every
 * number a JavaScript double, which loses what Java keeps: `100.00` is a Java Double printed
 * `100.0`, and `12345678901234567890` a BigInteger that keeps every digit (JavaScript rounds it
 * to 12345678901234567000). Read once per text, by JSON Pointer, for the matches that need it.
 */
import { javaDoubleToString } from '../pebble/values.js';
import { pointerOf } from '../pointer.js';

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[a-z]+/y;

/**
 * Each number of `text` (valid JSON) by the JSON Pointer of its place (`/items/1/price`, `''` for
 * a text that is one number), as Java prints it: an integer as written (an Integer, a Long or a
 * BigInteger), `-0` as `0`; a number with a fraction or an exponent as a Java double
 * (Double.toString: `2.0`, `1.0E-4`, `1.0E21`).
 */
export function javaNumberTexts(text: string): Map<string, string> {
  const texts = new Map<string, string>();
  const path: (string | number)[] = [];
  const open: string[] = [];
  let expectKey = false;
  let at = 0;
  const sticky = (pattern: RegExp): string => {
    pattern.lastIndex = at;
    const token = pattern.exec(text)?.[0] ?? text[at];
    at += token.length;
    return token;
  };
  while (at < text.length) {
    const c = text[at];
    if (c === '"') {
      const start = at;
      at = afterString(text, at);
      if (expectKey) {
        path.push(JSON.parse(text.slice(start, at)) as string);
        expectKey = false;
      }
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      texts.set(pointerOf(path), javaNumberText(sticky(NUMBER)));
    } else if (c >= 'a' && c <= 'z') {
      sticky(WORD);
    } else {
      at += 1;
      if (c === '{') {
        open.push(c);
        expectKey = true;
      } else if (c === '[') {
        open.push(c);
        path.push(0);
      } else if (c === ',') {
        if (open.at(-1) === '{') {
          path.pop();
          expectKey = true;
        } else path.push((path.pop() as number) + 1);
      } else if (c === '}') {
        // After a member its key is still on the path; `{}` pushed none.
        if (!expectKey) path.pop();
        open.pop();
        expectKey = false;
      } else if (c === ']') {
        path.pop();
        open.pop();
      }
    }
  }
  return texts;
}

/**
 * Where the string opening at `at` ends (after its closing quote). A loop, not a regular
 * expression: one over a string of millions of characters runs out of stack.
 */
function afterString(text: string, at: number): number {
  let i = at + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** A JSON number's text as Java prints the value Jayway's JSON reading makes of it. */
function javaNumberText(token: string): string {
  if (/^-?\d+$/.test(token)) return token === '-0' ? '0' : token;
  return javaDoubleToString(Number(token));
}

