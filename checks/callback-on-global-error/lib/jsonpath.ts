/**
 * JSONPath comparison by meaning for simple paths: `$[0].tacnumber`, `$[0]['tacnumber']`,
 * `$[0]["tacnumber"]`, `$[ 0 ]` (spaces inside brackets, which Flow Designer's JsonPath ignores),
 * `[0].tacnumber` (no `$`, as the simulator reads it), `@[0].tacnumber` (rooted at Jayway's current node, the body) and `$.[0].tacnumber` (a dot before a
 * bracket, which the simulator's JSONPath reads the same way) and `$[0]tacnumber` (a name straight
 * after `]`, which Jayway reads as after a dot) all give the canonical `$[0].tacnumber`. Spaces
 * outside brackets (`$ [0]`, `$[0]. tacnumber`) do not parse at run time
 * (engine/simulator/jayway-path.ts), so they give no canonical form. Paths are trimmed as Java
 * trims: a no-break space at either end stays, part of a name for Jayway, and matches nothing.
 * A negative index counts from the end of its list, as in Jayway: that of the first step, in the
 * list the response is, is the index it reads when that list's length is given (`$[-1]` is `$[0]`
 * in a list of one record); any other stays negative, the same as no other path.
 */
import { javaTrim } from '../../../engine/java-whitespace.js';

const SEGMENT = /^(?:\.([A-Za-z_$][\w$-]*)|\.?\[\s*(-?\d+)\s*\]|\.?\[\s*'([^']*)'\s*\]|\.?\[\s*"([^"]*)"\s*\])/;
/** A name straight after `]`, which Jayway reads as after a dot (`$[0]tacnumber`). */
const NAME_AFTER_BRACKET = /^([A-Za-z_$][\w$-]*)/;

/**
 * The canonical form of a simple path, or undefined when it uses anything else (wildcards, filters,
 * `..`, spaces outside brackets); `rootItems`: the length of the list the path is run on.
 */
export function canonicalPath(path: string, rootItems?: number): string | undefined {
  let rest = javaTrim(path);
  if (rest.startsWith('$') || rest.startsWith('@')) rest = rest.slice(1);
  else if (/^[A-Za-z_]/.test(rest)) rest = `.${rest}`;
  if (rest.startsWith('..')) return undefined;
  let out = '$';
  let afterBracket = false;
  while (rest !== '') {
    const match: RegExpExecArray | null = SEGMENT.exec(rest) ?? (afterBracket ? NAME_AFTER_BRACKET.exec(rest) : null);
    if (!match) return undefined;
    const [whole, dotted, index, single, double]: string[] = match;
    if (index !== undefined) out += `[${fromEnd(Number(index), out === '$' ? rootItems : undefined)}]`;
    else out += `.${dotted ?? single ?? double}`;
    afterBracket = whole.endsWith(']');
    rest = rest.slice(whole.length);
  }
  return out;
}

/** A negative index of a list of `items` as the index it reads (Jayway's `-1` is the last item); any other as it is. */
function fromEnd(index: number, items: number | undefined): number {
  return index < 0 && items !== undefined && -index <= items ? items + index : index;
}

/** Whether `actual` reads what `expected` reads; `rootItems` as for canonicalPath. */
export function samePath(actual: string, expected: string, rootItems?: number): boolean {
  const a = canonicalPath(actual, rootItems);
  return a !== undefined ? a === canonicalPath(expected, rootItems) : javaTrim(actual) === javaTrim(expected);
}
