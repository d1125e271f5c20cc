/**
 * JSONPath comparison by meaning for simple paths: `$[0].tacnumber`, `$[0]['tacnumber']`,
 * `$[0]["tacnumber"]`, `$[ 0 ]` (spaces inside brackets, which Flow Designer's JsonPath ignores),
 * `[0].tacnumber` (no `$`, as the simulator reads it) and `$.[0].tacnumber` (a dot before a
 * bracket, which the simulator's JSONPath reads the same way) all give the canonical
 * `$[0].tacnumber`. Spaces outside brackets (`$ [0]`, `$[0]. tacnumber`) do not parse at run time
 * (engine/simulator/jayway-path.ts), so they give no canonical form. Paths are trimmed as Java
 * trims: a no-break space at either end stays, part of a name for Jayway, and matches nothing.
 */
import { javaTrim } from '../../../engine/java-whitespace.js';

const SEGMENT = /^(?:\.([A-Za-z_$][\w$-]*)|\.?\[\s*(\d+)\s*\]|\.?\[\s*'([^']*)'\s*\]|\.?\[\s*"([^"]*)"\s*\])/;

/** The canonical form of a simple path, or undefined when it uses anything else (wildcards, filters, `..`, spaces outside brackets). */
export function canonicalPath(path: string): string | undefined {
  let rest = javaTrim(path);
  if (rest.startsWith('$')) rest = rest.slice(1);
  else if (/^[A-Za-z_]/.test(rest)) rest = `.${rest}`;
  if (rest.startsWith('..')) return undefined;
  let out = '$';
  while (rest !== '') {
    const match = SEGMENT.exec(rest);
    if (!match) return undefined;
    const [whole, dotted, index, single, double] = match;
    if (index !== undefined) out += `[${Number(index)}]`;
    else out += `.${dotted ?? single ?? double}`;
    rest = rest.slice(whole.length);
  }
  return out;
}

export function samePath(actual: string, expected: string): boolean {
  const a = canonicalPath(actual);
  return a !== undefined ? a === canonicalPath(expected) : javaTrim(actual) === javaTrim(expected);
}
