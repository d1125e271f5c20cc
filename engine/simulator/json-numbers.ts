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
 * Characters of JSON Pointers javaNumberTexts builds at most: a pointer is as long as its number is
 * deep, so a value of 4,000 numbers 4,000 levels deep (24 KB of a Set Variable's text) built 16
 * million characters of pointers, and 120 KB took minutes and gigabytes. Past it, numbers print as
 * JavaScript prints them (a hostile value's, far beyond any a flow holds).
 */
const POINTER_BUDGET = 1_000_000;

/**
 * Each number of `text` (valid JSON) that Java prints otherwise than JavaScript, by the JSON Pointer
 * of its place (`/items/1/price`, `''` for a text that is one number), as Java prints it: an integer
 * as written (a Long or a BigInteger beyond 2^53 keeps its digits); a number with a fraction or an
 * exponent as a Java double (Double.toString: `2.0`, `1.0E-4`, `1.0E21`). A number not in it prints
 * as JavaScript prints it (`1.5`, `42`, `-0` as `0`), as Java does.
 */
export function javaNumberTexts(text: string): Map<string, string> {
  const texts = new Map<string, string>();
  let spent = 0;
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
      const token = sticky(NUMBER);
      const java = javaNumberText(token);
      if (java !== String(Number(token)) && spent < POINTER_BUDGET) {
        const pointer = pointerOf(path);
        spent += pointer.length + 1;
        texts.set(pointer, java);
      }
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

