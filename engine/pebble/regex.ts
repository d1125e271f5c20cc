/**
 * Java regular expressions (as used by `split` and String methods) run with JS RegExp, guarded
 * against catastrophic backtracking: patterns are length-capped and refused when they contain
 * back-references or a repeated group that itself repeats or alternates (`(a+)+`, `(a|aa)*`, `(a|aa){32}`);
 * inputs are length-capped. Java-only syntax (possessive quantifiers, atomic groups) is refused
 * because RegExp rejects it; so are inline flags (`(?i)`, `(?i:…)`) and a group name used twice,
 * some of which newer JavaScript engines accept and older ones (Node 20) do not: the same pattern
 * must give the same result in the CLI and in every browser.
 */
import { UnplacedError } from './errors.js';
import { MAX_LOOKAROUND_INPUT, MAX_REGEX_INPUT, MAX_REGEX_LENGTH, MAX_STRING_LENGTH } from './limits.js';

/** A pattern Java refuses or that is not run here ('type'), or a bound of work ('limit'). */
class RegexError extends UnplacedError {
  constructor(message: string, isLimit: boolean) {
    super(message, isLimit ? 'limit' : 'type');
  }
}

/**
 * Refuses patterns whose matching time can explode; says whether the pattern has a lookaround
 * (`(?=`, `(?!`, `(?<=`, `(?<!`) and whether it repeats anything (`*`, `+` or a count `{…}`: see
 * searchSteps). V8 runs a pattern that backtracks too much again in linear time
 * (the CLI turns that on), but not one with a lookaround, and browsers never: such a pattern may
 * repeat without bound only once, and runs against shorter inputs (`assertInputFor`).
 */
function assertSafe(pattern: string): { lookaround: boolean; repeats: boolean } {
  // Track, for every open group, whether it contains a quantifier or an alternation.
  const stack: { risky: boolean }[] = [];
  const names = new Set<string>();
  let lastGroupRisky = false;
  let inClass = false;
  let lookaround = false;
  let repetitions = 0;
  let repeats = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      // `\1`, `\k<name>`; an escaped backslash before a digit (`\\1`) is none
      if (/^(?:[1-9]|k<)/.test(pattern.slice(i + 1, i + 3))) throw new RegexError('Back-references are not supported in regular expressions', true);
      i++;
      lastGroupRisky = false;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      lastGroupRisky = false;
      continue;
    }
    if (c === '(') {
      assertPortableGroup(pattern.slice(i + 1), names);
      if (/^\?<?[=!]/.test(pattern.slice(i + 1, i + 4))) lookaround = true;
      stack.push({ risky: false });
      // `(?:`, `(?=`, `(?<name>`: that `?` opens the group, it repeats nothing
      if (pattern[i + 1] === '?') i++;
      continue;
    }
    if (c === ')') {
      const group = stack.pop();
      lastGroupRisky = group?.risky ?? false;
      if (group?.risky && stack.length > 0) stack[stack.length - 1].risky = true;
      continue;
    }
    const unbounded = c === '*' || c === '+' || (c === '{' && /^\{\d*,\d*\}/.test(pattern.slice(i)));
    if (unbounded || c === '?' || c === '{') {
      if (unbounded) repetitions++;
      // `?` reads one more character at most (and opens `(?:`, `(?=`); a count `{n}` reads n
      if (c !== '?') repeats = true;
      // A fixed count repeats as much: `(a|aa){32}c` tries every way to split the input in 32, as
      // `(a|aa)*c` does (`{0}` and `{1}` repeat nothing).
      const count = c === '{' ? /^\{(\d+)\}/.exec(pattern.slice(i))?.[1] : undefined;
      if ((unbounded || Number(count ?? 0) > 1) && lastGroupRisky) {
        throw new RegexError('Regular expression too complex (nested repetition)', true);
      }
      // A fixed count reads one length, in one way (`(?:a{1000}){1000}`): its group still matches in
      // one way. `?`, `*`, `+` and `{n,m}` read one of several lengths: their group in as many.
      if (stack.length > 0 && count === undefined) stack[stack.length - 1].risky = true;
      lastGroupRisky = false;
      continue;
    }
    if (c === '|') {
      if (stack.length > 0) stack[stack.length - 1].risky = true;
      else lastGroupRisky = false;
      continue;
    }
    lastGroupRisky = false;
  }
  if (lookaround && repetitions > 1) {
    throw new RegexError('Regular expression too complex (a lookahead or lookbehind, and more than one unbounded repetition)', true);
  }
  return { lookaround, repeats };
}

/**
 * Refuses, with one message on every engine, group syntax that JavaScript engines disagree on:
 * inline flags (`(?i)`, `(?-i:…)`: Java runs them; no engine runs `(?i)`, and Node 20 refuses
 * `(?i:…)` which Chromium 125+ runs) and a
 * group name used twice (Java refuses it, Chromium 125+ accepts it in alternatives).
 */
function assertPortableGroup(after: string, names: Set<string>): void {
  if (/^\?[a-zA-Z]*-?[a-zA-Z]+[:)]/.test(after)) {
    throw new RegexError(`Inline flags such as (?i) or (?i:…) are not supported in regular expressions`, false);
  }
  const name = /^\?<([^>=!][^>]*)>/.exec(after)?.[1]; // any name, not a lookbehind (?<= (?<!
  if (name === undefined) return;
  if (names.has(name)) throw new RegexError(`Named group <${name}> is defined more than once in a regular expression`, false);
  names.add(name);
}

/** A set of UTF-16 code units as sorted, disjoint ranges [from, to]. */
type CharSet = readonly (readonly [number, number])[];

/** Java's `\s` (ASCII only, unlike RegExp's), `\h`, `\v` and the POSIX classes `\p{…}` (ASCII, as in Java by default). */
const JAVA_SPACE: CharSet = [[0x09, 0x0d], [0x20, 0x20]];
const JAVA_H_SPACE: CharSet = [[0x09, 0x09], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x180e, 0x180e], [0x2000, 0x200a], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000]];
const JAVA_V_SPACE: CharSet = [[0x0a, 0x0d], [0x85, 0x85], [0x2028, 0x2029]];
const POSIX: ReadonlyMap<string, CharSet> = new Map<string, CharSet>([
  ['Lower', [[0x61, 0x7a]]],
  ['Upper', [[0x41, 0x5a]]],
  ['ASCII', [[0x00, 0x7f]]],
  ['Alpha', [[0x41, 0x5a], [0x61, 0x7a]]],
  ['Digit', [[0x30, 0x39]]],
  ['Alnum', [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]]],
  ['Punct', [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]]],
  ['Graph', [[0x21, 0x7e]]],
  ['Print', [[0x20, 0x7e]]],
  ['Blank', [[0x09, 0x09], [0x20, 0x20]]],
  ['Cntrl', [[0x00, 0x1f], [0x7f, 0x7f]]],
  ['XDigit', [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]]],
  ['Space', JAVA_SPACE],
]);

function complement(set: CharSet): CharSet {
  const out: [number, number][] = [];
  let next = 0;
  for (const [from, to] of set) {
    if (from > next) out.push([next, from - 1]);
    next = to + 1;
  }
  if (next <= 0xffff) out.push([next, 0xffff]);
  return out;
}

const hex4 = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;

/** The ranges as the inside of a RegExp class. */
function rangesOf(set: CharSet): string {
  return set.map(([from, to]) => (from === to ? hex4(from) : `${hex4(from)}-${hex4(to)}`)).join('');
}

/** One UTF-16 code unit, or a code point as its surrogate pair (outside a class only), as RegExp text. */
function codePoint(code: number, inClass: boolean, refuse: (why: string) => never): string {
  if (code <= 0xffff) return hex4(code);
  if (inClass) refuse('a character beyond U+FFFF inside [ ] is not supported');
  if (code > 0x10ffff) refuse('the code point is beyond U+10FFFF');
  const high = 0xd800 + ((code - 0x10000) >> 10);
  const low = 0xdc00 + ((code - 0x10000) & 0x3ff);
  return `(?:${hex4(high)}${hex4(low)})`;
}

/** Java's line terminators (`.` matches none of them; `\Z` may stand before one at the end). */
const LINE_TERMINATORS = '\\n\\r\\u0085\\u2028\\u2029';

/**
 * A Java pattern as RegExp source (no flags) that matches what java.util.regex.Pattern matches, or
 * a RegexError. RegExp reads much of Java's syntax otherwise, silently: `\p{Alpha}` as the letters
 * `p{Alpha}`, `\s` with Unicode spaces, `\v` as U+000B only, `\Q…\E`, `\x{…}`, `\A`, `\z`, `\h`,
 * `\R` as letters, `.` matching U+0085, `[]a]` as an empty class, `{` not starting a repetition
 * as a brace. Those are written here as RegExp means them; what Java refuses (a lone `{`, an
 * unknown escape such as `\y`, `\0` without digits) and what RegExp cannot run alike (Unicode
 * categories `\p{L}`, class unions and intersections `[a[b]]`, `[a&&b]`, `\X`, `\G`) are errors.
 */
function toJsPattern(pattern: string): string {
  const refuse = (why: string, isLimit = false): never => {
    throw new RegexError(`Regular expression "${pattern}" is not supported: ${why}`, isLimit);
  };
  let out = '';
  let inClass = false;
  let classStart = 0; // where the class's items begin (after `[` or `[^`)
  let i = 0;
  const set = (chars: CharSet, negated: boolean): string => {
    const ranges = rangesOf(negated ? complement(chars) : chars);
    return inClass ? ranges : `[${ranges}]`;
  };
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') {
      const e = pattern[i + 1];
      if (e === undefined) refuse('it ends with a backslash');
      i += 2;
      if (e === 'Q') {
        const end = pattern.indexOf('\\E', i);
        const quoted = pattern.slice(i, end < 0 ? pattern.length : end);
        for (const q of quoted) out += /[A-Za-z0-9_\s]/.test(q) ? q : codePoint(q.codePointAt(0)!, inClass, refuse);
        i = end < 0 ? pattern.length : end + 2;
        continue;
      }
      switch (e) {
        case 's': case 'S': out += set(JAVA_SPACE, e === 'S'); break;
        case 'h': case 'H': out += set(JAVA_H_SPACE, e === 'H'); break;
        case 'v': case 'V': out += set(JAVA_V_SPACE, e === 'V'); break;
        case 'R':
          if (inClass) refuse('\\R inside [ ]');
          out += `(?:\\r\\n|[${rangesOf(JAVA_V_SPACE)}])`;
          break;
        case 'p': case 'P': {
          const name = pattern[i] === '{' ? pattern.slice(i + 1, pattern.indexOf('}', i) < 0 ? i + 1 : pattern.indexOf('}', i)) : pattern[i] ?? '';
          if (pattern[i] === '{' && pattern.indexOf('}', i) < 0) refuse('an unclosed \\p{');
          i += pattern[i] === '{' ? name.length + 2 : 1;
          const chars = POSIX.get(name);
          if (chars === undefined) refuse(`the class \\${e}{${name}} (only the POSIX classes such as \\p{Alpha}, \\p{Digit}, \\p{Punct} are)`);
          out += set(chars!, e === 'P');
          break;
        }
        case 'A': case 'z':
          if (inClass) refuse(`\\${e} inside [ ]`);
          out += e === 'A' ? '^' : '$';
          break;
        case 'Z':
          if (inClass) refuse('\\Z inside [ ]');
          out += `(?=(?:\\r\\n|[${LINE_TERMINATORS}])?$)`;
          break;
        case 'b': case 'B':
          if (inClass) refuse(`\\${e} inside [ ]`);
          out += `\\${e}`;
          break;
        case 'x': {
          if (pattern[i] === '{') {
            const end = pattern.indexOf('}', i);
            const digits = end < 0 ? '' : pattern.slice(i + 1, end);
            if (!/^[0-9a-fA-F]{1,6}$/.test(digits)) refuse('a \\x{…} escape that is not hexadecimal digits');
            out += codePoint(parseInt(digits, 16), inClass, refuse);
            i = end + 1;
          } else {
            if (!/^[0-9a-fA-F]{2}$/.test(pattern.slice(i, i + 2))) refuse('a \\x escape without two hexadecimal digits');
            out += `\\x${pattern.slice(i, i + 2)}`;
            i += 2;
          }
          break;
        }
        case 'u':
          if (!/^[0-9a-fA-F]{4}$/.test(pattern.slice(i, i + 4))) refuse('a \\u escape without four hexadecimal digits');
          out += `\\u${pattern.slice(i, i + 4)}`;
          i += 4;
          break;
        case '0': {
          // Java: \0n, \0nn, \0mnn (m ≤ 3)
          const digits = /^[0-3]?[0-7]{1,2}/.exec(pattern.slice(i))?.[0] ?? '';
          const octal = /^[0-7]{1,3}$/.test(digits) && parseInt(digits, 8) <= 0o377 ? digits : digits.slice(0, 2);
          if (octal === '') refuse('an octal escape \\0 without octal digits');
          out += hex4(parseInt(octal, 8));
          i += octal.length;
          break;
        }
        case 'c': {
          const target = pattern[i];
          if (target === undefined) refuse('\\c at the end');
          out += hex4(target.charCodeAt(0) ^ 64);
          i += 1;
          break;
        }
        case 'a': out += '\\x07'; break;
        case 'e': out += '\\x1b'; break;
        case 't': case 'n': case 'r': case 'f': case 'd': case 'D': case 'w': case 'W': case 'k':
          out += `\\${e}`;
          break;
        default:
          if (/[1-9]/.test(e)) out += `\\${e}`; // a back-reference (refused by assertSafe)
          else if (/[A-Za-z]/.test(e)) refuse(`the escape \\${e} (Java: unknown, or not supported here: \\X, \\G, \\N, \\E without \\Q)`);
          else out += `\\${e}`; // any other character, escaped, is itself
      }
      continue;
    }
    if (inClass) {
      if (c === ']' && i > classStart) inClass = false;
      else if (c === ']') out += '\\'; // `[]a]`: Java reads a ] first in a class as itself
      else if (c === '[') refuse('a class inside a class ([a[b]], a union in Java) is not supported');
      else if (c === '&' && pattern[i + 1] === '&') refuse('a class intersection (&&) is not supported');
      out += c;
      i += 1;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      i += 1;
      if (pattern[i] === '^') {
        out += '^';
        i += 1;
      }
      classStart = i;
      continue;
    }
    if (c === '.') {
      out += `[^${LINE_TERMINATORS}]`;
      i += 1;
      continue;
    }
    if (c === '{') {
      const repetition = /^\{\d+(,\d*)?\}/.exec(pattern.slice(i))?.[0];
      if (repetition === undefined) refuse(`a '{' at position ${i + 1} starts no repetition {n}, {n,} or {n,m} (Java: Illegal repetition; write \\{)`);
      out += repetition!;
      i += repetition!.length;
      continue;
    }
    out += c;
    i += 1;
  }
  return out;
}

/** A Java pattern compiled, with what assertSafe found in it. */
interface JavaPattern {
  /** Global (the engine never reads `lastIndex` across calls). */
  re: RegExp;
  /** Has a lookaround: see assertInputFor. */
  lookaround: boolean;
  /** Repeats anything: see searchSteps. */
  repeats: boolean;
}

const cache = new Map<string, JavaPattern>();

/**
 * Pairs of input characters (a start of a match and a character it may read) a run of a repeating
 * pattern is charged one step for: see searchSteps.
 */
const REGEX_PAIRS_PER_STEP = 256;

/**
 * The steps a run of `re` over `input` is charged before it runs. A pattern that repeats nothing
 * (`?` aside) reads at most its own length from each start. One that repeats may read the rest of the input
 * from every start and fail (`a*b`, `\d+x`, `(?:a{1000}){1000}b` on a long run of `a`s or digits),
 * n²/2 characters for an input of n, and V8 runs such a pattern that way even with the CLI's flag
 * (a repetition of one character or class backtracks without counting as backtracking, so the
 * linear-time engine never takes over): 14 s for one `replaceAll('a*b', '')` on 99,999 `a`s, a
 * simulated call could make hundreds, and `check` has no time limit. Charged n²/2 over
 * REGEX_PAIRS_PER_STEP steps (some 2 ns of matching each for `a*b`, five times that for `a*a*b`,
 * whose backtracking the CLI's flag hands to the linear-time engine at a cost), an input over some
 * 7,000 characters is refused by an evaluation's 100,000 steps, and the expressions of a simulated
 * call (their shared budget, ten such evaluations) spend at most some 0.5 s (`a*b`) to 2.5 s
 * (`a*a*b`) on matching, where one call of 99,999 characters took 14 s. A count of the input's length, so the same on every engine: the page refuses what the
 * CLI does.
 */
function searchSteps(pattern: JavaPattern, input: string): number {
  return pattern.repeats ? Math.ceil((input.length * (input.length + 1)) / 2 / REGEX_PAIRS_PER_STEP) : 0;
}

/** A Java pattern compiled, from the cache when it was before. */
function javaRegex(pattern: string): JavaPattern {
  const hit = cache.get(pattern);
  if (hit) {
    hit.re.lastIndex = 0;
    return hit;
  }
  if (pattern.length > MAX_REGEX_LENGTH) {
    throw new RegexError(`Regular expression longer than ${MAX_REGEX_LENGTH} characters`, true);
  }
  // Checked as JavaScript will run it: `\R+` is `(?:\r\n|[…])+` there, a repeated alternation.
  const source = toJsPattern(pattern);
  const { lookaround, repeats } = assertSafe(source);
  let re: RegExp;
  try {
    re = new RegExp(source, 'g');
  } catch (e) {
    throw new RegexError(`Invalid regular expression "${pattern}": ${(e as Error).message}`, false);
  }
  if (cache.size > 200) cache.clear();
  const compiled = { re, lookaround, repeats };
  cache.set(pattern, compiled);
  return compiled;
}

/**
 * The RegExp of a Java pattern, to run on `input`: refused when the input is over the limit (a
 * lower one for a pattern with a lookaround), or the pattern unsafe or not Java's; the run's
 * steps (searchSteps) charged to `tick` before it runs.
 */
function regexFor(pattern: string, input: string, tick: (steps: number) => void): RegExp {
  assertInput(input);
  const compiled = javaRegex(pattern);
  assertInputFor(compiled, input);
  tick(searchSteps(compiled, input));
  return compiled.re;
}

function assertInput(input: string): void {
  if (input.length > MAX_REGEX_INPUT) {
    throw new RegexError(`Input longer than ${MAX_REGEX_INPUT} characters for a regular expression`, true);
  }
}

/** A pattern with a lookaround scans at most MAX_LOOKAROUND_INPUT characters (its one repetition may backtrack at every position). */
function assertInputFor(pattern: JavaPattern, input: string): void {
  if (pattern.lookaround && input.length > MAX_LOOKAROUND_INPUT) {
    throw new RegexError(`Input longer than ${MAX_LOOKAROUND_INPUT} characters for a regular expression with a lookahead or lookbehind`, true);
  }
}

/** Iterates matches like java.util.regex.Matcher.find (empty matches advance by one). */
function* matches(re: RegExp, input: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (;;) {
    const m = re.exec(input);
    if (!m) return;
    if (m[0].length === 0) re.lastIndex = m.index + 1;
    yield m;
    if (re.lastIndex > input.length) return;
  }
}

/** java.lang.String.split(regex, limit). `tick` is charged the run's steps (searchSteps), then one per match. */
export function javaSplit(input: string, pattern: string, limit: number, tick: (steps: number) => void): string[] {
  const re = regexFor(pattern, input, tick);
  const parts: string[] = [];
  let index = 0;
  let matchedAny = false;
  for (const m of matches(re, input)) {
    tick(1);
    if (limit > 0 && parts.length >= limit - 1) break;
    const start = m.index;
    const end = start + m[0].length;
    if (start === 0 && end === 0) continue; // no leading empty string for a zero-width match at 0
    parts.push(input.slice(index, start));
    index = end;
    matchedAny = true;
  }
  if (!matchedAny) return [input];
  parts.push(input.slice(index));
  if (limit === 0) while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/**
 * Java replacement text, as Matcher.appendReplacement reads it: `\x` is a literal x; `$n` is a
 * group, its number taking as many further digits as still name a group (`$11` with eleven
 * groups, else group 1 then `1`); `${name}` is a named group. Any other `$` (`$` last, `$x`), a
 * trailing `\`, or a group that does not exist is an error (IllegalArgumentException /
 * IndexOutOfBoundsException), as in Java.
 */
function expandReplacement(replacement: string, m: RegExpExecArray): string {
  const groupCount = m.length - 1;
  let out = '';
  let i = 0;
  while (i < replacement.length) {
    const c = replacement[i++];
    if (c === '\\') {
      if (i === replacement.length) throw new RegexError('character to be escaped is missing', false);
      out += replacement[i++];
    } else if (c === '$') {
      if (i === replacement.length) throw new RegexError('Illegal group reference: group index is missing', false);
      let group: string | undefined;
      if (replacement[i] === '{') {
        const name = /^[A-Za-z0-9]*/.exec(replacement.slice(i + 1))![0];
        i += 1 + name.length;
        if (name.length === 0) throw new RegexError('named capturing group has 0 length name', false);
        if (replacement[i] !== '}') throw new RegexError("named capturing group is missing trailing '}'", false);
        i++;
        if (/^\d/.test(name)) throw new RegexError(`capturing group name {${name}} starts with digit character`, false);
        if (m.groups === undefined || !Object.hasOwn(m.groups, name)) throw new RegexError(`No group with name {${name}}`, false);
        group = m.groups[name];
      } else {
        if (!/\d/.test(replacement[i])) throw new RegexError('Illegal group reference', false);
        let ref = Number(replacement[i++]);
        while (i < replacement.length && /\d/.test(replacement[i]) && ref * 10 + Number(replacement[i]) <= groupCount) {
          ref = ref * 10 + Number(replacement[i++]);
        }
        if (ref > groupCount) throw new RegexError(`No group ${ref}`, false);
        group = m[ref];
      }
      out += group ?? ''; // a group that did not take part in the match adds nothing
    } else out += c;
  }
  return out;
}

/** String.replaceAll / replaceFirst. `tick` as for javaSplit. */
export function javaReplace(input: string, pattern: string, replacement: string, all: boolean, tick: (steps: number) => void): string {
  const re = regexFor(pattern, input, tick);
  let out = '';
  let index = 0;
  for (const m of matches(re, input)) {
    tick(1);
    out += input.slice(index, m.index) + expandReplacement(replacement, m);
    // Checked as it grows: an empty pattern puts the replacement between every two characters.
    if (out.length > MAX_STRING_LENGTH) throw new RegexError(`String longer than ${MAX_STRING_LENGTH} characters`, true);
    index = m.index + m[0].length;
    if (!all) break;
  }
  return out + input.slice(index);
}

/** String.matches: the whole input must match. `tick` is charged the run's steps (searchSteps). */
export function javaMatches(input: string, pattern: string, tick: (steps: number) => void): boolean {
  const re = regexFor(pattern, input, tick);
  return new RegExp(`^(?:${re.source})$`).test(input);
}
