/**
 * Flow Designer's JSONPath (Jayway JsonPath) read into the path jsonpath-plus is to run, or why it
 * does not parse there or cannot be simulated alike: the syntax only; parse-settings.ts runs it.
 */

/** A `$`-rooted path as jsonpath-plus is to get it (readJaywayPath). */
export interface ReadPath {
  path: string;
  /** It holds a deep scan (`..`). */
  deepScan: boolean;
  /** Definite in Jayway's sense: no deep scan, wildcard, union, slice or filter (one match at most). */
  definite: boolean;
  /** It holds a negative index (`[-1]`), rewritten as a slice for jsonpath-plus. */
  negativeIndex: boolean;
  /**
   * What each step of a match may step into; with a deep scan, whose steps vary in number, those
   * before the first `..` (the first steps of every match) and those after the last (its last steps).
   */
  kinds: StepKind[];
  /** With a deep scan, the kinds of the steps after the last `..`. */
  tailKinds: StepKind[];
  /**
   * Names jsonpath-plus does not read as the one key they are in Jayway (MISREAD_NAME): a name step
   * matches only a key spelled the same, so with no such key in the JSON the path matches nothing,
   * and with one it is not simulated (parse-settings.ts).
   */
  literalNames: string[];
}

/**
 * What a step of a path reads, as Jayway tells them apart: a name (`.x`, `['x']`) only a key of an
 * object, an index (`[0]`, `[0:2]`, `[-1]`) only an item of a list, a wildcard either.
 */
export type StepKind = 'name' | 'index' | 'any';

/**
 * A `$`-rooted path as jsonpath-plus is to get it, or why it does not parse. jsonpath-plus reads a
 * path that does not parse as its longest valid prefix (`$[` and `$.` as `$`, `$[0` as `$[0]`),
 * which would quietly store the whole body; Flow Designer's JsonPath refuses it. The path is read
 * step by step as Jayway's PathCompiler reads it: after `$` a `.` or `[`; then a bracket, a `.` or
 * `..` and the step after it, a `*`, or else a name (straight after a step too: `$[0]tacnumber`).
 * Only the structure is checked (closed brackets and quotes, no spaces outside brackets): what is
 * inside brackets, filters included, is left to jsonpath-plus. A dot before a bracket (`$.[0]`) is
 * dropped: jsonpath-plus would read `.[` as the deep scan `..[`. A negative index (`[-1]`, the
 * last item in Jayway) becomes the slice of that one item (`[-1:]`): jsonpath-plus reads `[-1]` as
 * a property named "-1".
 */
export function readJaywayPath(path: string): { error: string } | { notSimulated: string } | ReadPath {
  let out = '$';
  let deepScan = false;
  let definite = true;
  let negativeIndex = false;
  const literalNames: string[] = [];
  const kinds: StepKind[] = [];
  let firstScanAt = -1; // kinds before this precede the first deep scan
  let scanAt = 0; // kinds from here on follow the last deep scan
  // Steps jsonpath-plus may take into the other kind of value: an index into an object's key
  // "0", a name made of digits into a list's item. Only checked where a match's steps align.
  const ambiguous: boolean[] = [];
  // Jayway reads `$` and then `.` or `[` (`$tacnumber`, `$]` do not parse), and refuses a path
  // ending with a dot before reading it (`$[0]x.`, whose `x.` would otherwise be left unread).
  if (path.length > 1 && path[1] !== '.' && path[1] !== '[') return { error: path[1] === ' ' ? spaceAt(1) : unexpected(path, 1) };
  if (path.endsWith('.')) return { error: `the path ends with '${path.endsWith('..') ? '..' : '.'}'` };
  let joint = '.'; // what joins the next name or `*` to the path: `..` after a deep scan
  let i = 1; // after the `$`
  while (i < path.length) {
    const c = path[i];
    // Jayway refuses a space (U+0020) where a step starts; a tab or a no-break space starts a name.
    if (c === ' ') return { error: spaceAt(i) };
    if (c === '.') {
      // Jayway reads the step after a dot whatever is left of the path (`$[0].[` does not parse).
      joint = path.startsWith('..', i) ? '..' : '.';
      i += joint.length;
      if (path[i] === '.') return { error: unexpected(path, i) };
      if (joint === '..') {
        deepScan = true;
        scanAt = kinds.length;
        if (firstScanAt < 0) firstScanAt = scanAt;
        if (path[i] === '[') out += joint; // `.[0]` is read as `[0]`, `..[0]` stays a deep scan
      }
      continue;
    }
    if (c === '[') {
      const end = bracketEnd(path, i);
      if (typeof end === 'string') return { error: end };
      const written = path.slice(i + 1, end).trim();
      const problem = bracketProblem(written, i);
      if (problem !== undefined) return problem;
      // Jayway reads indexes with Integer.parseInt (`[00]` is 0, `[-01]` the last item); jsonpath-plus would look for a key "00".
      // `[-0]` is parsed as 0 too: the first item, where jsonpath-plus would look for a key "-0".
      const inside = /^-0+$/.test(written) ? '0' : /^[-\d\s:,]+$/.test(written) ? written.replace(/(^|\D)0+(?=\d)/g, '$1') : written;
      // jsonpath-plus reads a negative index in a union (`[0,-1]`) as a key "-1": Jayway's last item is lost.
      if (/^-?\d+(\s*,\s*-?\d+)+$/.test(inside) && inside.includes('-')) return { notSimulated: `the union of indexes [${inside}] with a negative index` };
      const negative = /^-[1-9]\d*$/.test(inside) ? Number(inside) : undefined;
      if (negative !== undefined) {
        negativeIndex = true;
        kinds.push('index');
        ambiguous.push(true);
        out += negative === -1 ? '[-1:]' : `[${negative}:${negative + 1}]`;
      } else {
        const bracket = readBracket(inside);
        const slice = jaywaySlice(bracket.text, i);
        if (slice !== undefined) return slice;
        if (!bracket.definite) definite = false;
        if (bracket.kind === 'name' && MISREAD_NAME.test(bracket.text.slice(1, -1))) literalNames.push(bracket.text.slice(1, -1));
        kinds.push(bracket.kind);
        ambiguous.push(bracket.kind === 'index' || /^(['"])\d+\1$/.test(bracket.text));
        // jsonpath-plus reads a slice's end of 0 as no end (`[:0]` as `[:]`), and counts a negative end
        // from the end after a start of 0 or more (`[1:-1]`), which Jayway does not: both are empty
        // there, as `[1:1]` is. From a negative start Jayway counts up to an end of 0 through the last
        // items (`[-2:0]` as `[-2:]`), as jsonpath-plus does.
        out += /^(?:\d*:-?0+|\d+:-\d+)$/.test(bracket.text) ? '[1:1]' : `[${bracket.text}]`;
      }
      i = end + 1;
    } else if (c === '*') {
      // A step of its own wherever a step starts: `$[0].*x` is `$[0].*` and then `x`, not a name `*x`.
      definite = false;
      kinds.push('any');
      ambiguous.push(false);
      out += `${joint}*`;
      i++;
    } else {
      const end = nameEnd(path, i);
      const name = path.slice(i, end);
      // Jayway refuses a space (U+0020) in a name; any other character, a no-break space too, is part of it.
      const space = name.indexOf(' ');
      if (space >= 0) return { error: spaceAt(i + space, space === name.trimEnd().length ? '' : `; a name with spaces is written ['${name}']`) };
      // A name before `(` is one of Jayway's functions (`length()`, `sum()`, `keys()`, …), which end a
      // path; jsonpath-plus has none. Left open (`tacnumber(`), Jayway refuses the path.
      if (path[end] === '(') return functionStep(path, i, end);
      if (PLUS_OPERATORS.test(name)) return { notSimulated: `the name ${name}, whose ${PLUS_OPERATORS.exec(name)![0]} jsonpath-plus would read as an operator` };
      if (name === '$') return { notSimulated: ROOT_NAME };
      if (MISREAD_NAME.test(name)) literalNames.push(name);
      kinds.push('name');
      ambiguous.push(/^\d+$/.test(name));
      out += joint + name;
      i = end;
    }
    joint = '.';
    // Jayway reads on after a step only while two characters or more are left (its
    // CharacterIndex.currentIsTail is true at the last character): one alone is never read, so
    // `$[0]]`, `$[0]x` and `$[0]*` are `$[0]`, `$[0].tacnumber[` is `$[0].tacnumber`.
    if (i === path.length - 1) break;
  }
  if (!deepScan) return { path: out, deepScan, definite, negativeIndex, kinds, tailKinds: [], literalNames };
  // Between two deep scans a match's steps align with neither end: one there must not be ambiguous.
  if (ambiguous.slice(firstScanAt, scanAt).includes(true)) return { notSimulated: 'a list index or a name of digits between two deep scans' };
  return { path: out, deepScan, definite: false, negativeIndex, kinds: kinds.slice(0, firstScanAt), tailKinds: kinds.slice(scanAt), literalNames };
}

/**
 * Characters jsonpath-plus reads as its own operators, even in a name (`~` the key's name, `^` the
 * parent, `@` a type selector, `` ` `` an escape; in quotes, `^` and `@` still): in Jayway they are
 * plain characters of a key.
 */
const PLUS_OPERATORS = /[~^@`]/;

/**
 * What in a name (`.x`, `['x']`) jsonpath-plus reads otherwise than Jayway, which takes every
 * character as part of the key: `;`, its step separator even in quotes (`$[0].x;` finds `x`); `,`,
 * a union (`$[0].x,` gives the list of `x`); `[` and `]`, at which it splits or which it drops;
 * quotes after a dot (`.'x'`, `.x'`), which it drops. It cannot be told to read such a name as one
 * key, so the name is checked against the keys of the JSON instead (ReadPath.literalNames). (Its
 * escapes `%@%` and `%%@@%%` hold an `@`, one of PLUS_OPERATORS; in brackets the other quote and a
 * backslash are not simulated either: bracketProblem.)
 */
const MISREAD_NAME = /[;,[\]'"]/;

/** A key named `$` (`.$`, `['$']`): jsonpath-plus skips that step, giving the body or the parent instead of the key's value. */
const ROOT_NAME = 'the name $, which jsonpath-plus reads as the root, not as a key';

/**
 * Why what is inside brackets (trimmed) is not a Jayway bracket, or undefined when it is one: a
 * wildcard, a filter, indexes (`0`, `0, -1`), a slice without spaces inside (`1:`, `0:2`) or quoted
 * names. Jayway refuses an unquoted name (`[tacnumber]`: "Expected ?, ', 0-9, *") and a slice with
 * spaces (`[0 : 1]`); a union of quoted names gives a map there, which is not simulated.
 */
function bracketProblem(inside: string, open: number): { error: string } | { notSimulated: string } | undefined {
  // A filter, or a script `(…)`, reaches jsonpath-plus, which refuses it (eval off): not simulated.
  if (inside === '*' || inside.startsWith('?') || inside.startsWith('(') || /^-?\d+(\s*,\s*-?\d+)*$/.test(inside)) return undefined;
  if (inside.includes(':') && !/['"]/.test(inside)) {
    if (/\s/.test(inside)) return { error: `no spaces inside a slice (${inside.replace(/\s+/g, '')}), at position ${open + 1}` };
    return undefined; // jsonpath-plus reads the slice
  }
  if (inside.startsWith("'") || inside.startsWith('"')) {
    // Every quote inside escaped: a backslash is taken as an escape only before that quote, so no
    // character can be read two ways (`(?:\\.|(?!\1).)*` could, 2^n ways for n backslashes, and
    // its back-reference kept V8's linear-time fallback from finishing it).
    if (!/^(['"])(?:\\\1|(?!\1).)*\1$/s.test(inside)) return { notSimulated: `a union of names [${inside}]` };
    // One quoted name: jsonpath-plus misreads an escape or the other quote in it, and its operators.
    if (inside.slice(1, -1) === '$') return { notSimulated: ROOT_NAME };
    if (PLUS_OPERATORS.test(inside) || /\\|.['"]./.test(inside)) return { notSimulated: `the name [${inside}], which jsonpath-plus does not read as written` };
    return undefined;
  }
  return { error: `a name in brackets is quoted (['${inside.split(',')[0].trim()}']), at position ${open + 1}` };
}

/**
 * What is inside brackets without the spaces around its parts (`[ 0 ]`, `[ 'name' ]`,
 * `[ a , b ]`), which Jayway ignores and jsonpath-plus would read as part of a name or an index
 * (spaces inside quotes stay; a filter or script, `?` or `(`, is left as written), and whether it
 * is definite: an index or a quoted name, not a wildcard, union, slice or filter (`*`, `,`, `:`
 * outside quotes). The brackets' quotes are known to be closed (bracketEnd).
 */
function readBracket(inside: string): { text: string; definite: boolean; kind: StepKind } {
  let text = '';
  let definite = true;
  for (let i = 0; i < inside.length; i++) {
    const c = inside[i];
    if (c === '?' || c === '(') return { text: inside, definite: false, kind: 'any' };
    if (c === "'" || c === '"') {
      const close = quoteEnd(inside, i);
      text += inside.slice(i, close + 1);
      i = close;
    } else if (!/\s/.test(c)) {
      if (c === '*' || c === ',' || c === ':') definite = false;
      text += c;
    }
  }
  // Indexes, slices and unions of indexes read list items; `*` anything; the rest names.
  const kind: StepKind = text === '*' ? 'any' : /^[-\d:,]+$/.test(text) ? 'index' : 'name';
  return { text, definite, kind };
}

/**
 * Why Jayway reads a slice (spaces removed) otherwise than jsonpath-plus, or undefined: it refuses
 * one with neither start nor end (`[:]`), ignores a step (`[0:3:2]`), and counts from a negative
 * start to a positive end through the end of the list and on from its start (`[-2:1]`, the last
 * two items then the first) (cburgmer/json-path-comparison).
 */
function jaywaySlice(text: string, open: number): { error: string } | { notSimulated: string } | undefined {
  if (!/^[-\d:]+$/.test(text) || !text.includes(':')) return undefined;
  if (/^:+$/.test(text)) return { error: `a slice needs a start or an end (${text}), at position ${open + 1}` };
  if (text.split(':').length > 2) return { notSimulated: `the slice [${text}] with a step, which Jayway ignores` };
  if (/^-\d+:0*[1-9]\d*$/.test(text)) return { notSimulated: `the slice [${text}] from a negative start to a positive end, which Jayway wraps around` };
  return undefined;
}

/**
 * A dot-notation name runs to the next `.`, `[` or `(` (Jayway's readPropertyOrFunctionToken):
 * `]` and `)` are characters of it (`$[0].tacnumber]` looks for a key "tacnumber]", `$[0]].x` for
 * a key "]").
 */
function nameEnd(path: string, start: number): number {
  let i = start;
  while (i < path.length && path[i] !== '.' && path[i] !== '[' && path[i] !== '(') i++;
  return i;
}

/**
 * The function whose name runs from `start` to the `(` at `open`: not simulated, or an error when
 * no `)` closes it, as Jayway counts them ("Arguments to function: 'tacnumber' are not closed properly").
 */
function functionStep(path: string, start: number, open: number): { error: string } | { notSimulated: string } {
  let depth = 0;
  for (let i = open; i < path.length; i++) {
    if (path[i] === '(') depth++;
    else if (path[i] === ')' && --depth === 0) return { notSimulated: `the function ${path.slice(start, i + 1)}` };
  }
  return { error: `the '(' at position ${open + 1} is not closed (Jayway reads a name before '(' as a function)` };
}

/** The index of the `]` closing the `[` at `open` (quotes and nested brackets skipped), or why there is none. */
function bracketEnd(path: string, open: number): number | string {
  let depth = 0;
  for (let i = open + 1; i < path.length; i++) {
    const c = path[i];
    if (c === "'" || c === '"') {
      const close = quoteEnd(path, i);
      if (close < 0) return `the quote at position ${i + 1} is not closed`;
      i = close;
    } else if (c === '[') {
      depth++;
    } else if (c === ']' && depth > 0) {
      depth--;
    } else if (c === ']') {
      return path.slice(open + 1, i).trim() === '' ? `empty brackets at position ${open + 1}` : i;
    }
  }
  return `the '[' at position ${open + 1} is not closed`;
}

/** The index of the quote closing the one at `open` (a backslash escapes the next character), or -1. */
function quoteEnd(path: string, open: number): number {
  for (let i = open + 1; i < path.length; i++) {
    if (path[i] === '\\') i++;
    else if (path[i] === path[open]) return i;
  }
  return -1;
}

/** Jayway JsonPath reads spaces inside brackets only: between the parts of a path, or in a dot-notation name, they are an error. */
function spaceAt(index: number, note = ''): string {
  return `a space at position ${index + 1} (outside brackets a path has no spaces${note})`;
}

function unexpected(path: string, index: number): string {
  return `unexpected '${path[index]}' at position ${index + 1}`;
}
