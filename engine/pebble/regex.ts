/**
 * Java regular expressions (as used by `split` and String methods) run with JS RegExp, guarded
 * against catastrophic backtracking: patterns are length-capped and refused when they contain
 * back-references or a repeated group that itself repeats or alternates (`(a+)+`, `(a|aa)*`);
 * inputs are length-capped. Java-only syntax (possessive quantifiers, atomic groups) is refused
 * because RegExp rejects it; so are inline flags (`(?i)`, `(?i:…)`) and a group name used twice,
 * some of which newer JavaScript engines accept and older ones (Node 20) do not: the same pattern
 * must give the same result in the CLI and in every browser.
 */
import { MAX_LOOKAROUND_INPUT, MAX_REGEX_INPUT, MAX_REGEX_LENGTH, MAX_STRING_LENGTH } from './limits.js';

export class RegexError extends Error {
  constructor(
    message: string,
    readonly isLimit: boolean,
  ) {
    super(message);
  }
}

/**
 * Refuses patterns whose matching time can explode; says whether the pattern has a lookaround
 * (`(?=`, `(?!`, `(?<=`, `(?<!`). V8 runs a pattern that backtracks too much again in linear time
 * (the CLI turns that on), but not one with a lookaround, and browsers never: such a pattern may
 * repeat without bound only once, and runs against shorter inputs (`assertInputFor`).
 */
function assertSafe(pattern: string): { lookaround: boolean } {
  if (pattern.length > MAX_REGEX_LENGTH) {
    throw new RegexError(`Regular expression longer than ${MAX_REGEX_LENGTH} characters`, true);
  }
  if (/\\[1-9]|\\k</.test(pattern)) throw new RegexError('Back-references are not supported in regular expressions', true);
  // Track, for every open group, whether it contains a quantifier or an alternation.
  const stack: { risky: boolean }[] = [];
  const names = new Set<string>();
  let lastGroupRisky = false;
  let inClass = false;
  let lookaround = false;
  let repetitions = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
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
      if (unbounded && lastGroupRisky) {
        throw new RegexError('Regular expression too complex (nested repetition)', true);
      }
      if (stack.length > 0) stack[stack.length - 1].risky = true;
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
  return { lookaround };
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

const cache = new Map<string, RegExp>();
/** Patterns with a lookaround (see assertSafe). */
const withLookaround = new WeakSet<RegExp>();

/** A global RegExp for a Java pattern (the engine never reads `lastIndex` across calls). */
export function javaRegex(pattern: string): RegExp {
  const hit = cache.get(pattern);
  if (hit) {
    hit.lastIndex = 0;
    return hit;
  }
  const { lookaround } = assertSafe(pattern);
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'g');
  } catch (e) {
    throw new RegexError(`Invalid regular expression "${pattern}": ${(e as Error).message}`, false);
  }
  if (lookaround) withLookaround.add(re);
  if (cache.size > 200) cache.clear();
  cache.set(pattern, re);
  return re;
}

function assertInput(input: string): void {
  if (input.length > MAX_REGEX_INPUT) {
    throw new RegexError(`Input longer than ${MAX_REGEX_INPUT} characters for a regular expression`, true);
  }
}

/** A pattern with a lookaround scans at most MAX_LOOKAROUND_INPUT characters (its one repetition may backtrack at every position). */
function assertInputFor(re: RegExp, input: string): void {
  if (withLookaround.has(re) && input.length > MAX_LOOKAROUND_INPUT) {
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

/** java.lang.String.split(regex, limit). `onMatch` is called per match (step accounting). */
export function javaSplit(input: string, pattern: string, limit: number, onMatch: () => void): string[] {
  assertInput(input);
  const re = javaRegex(pattern);
  assertInputFor(re, input);
  const parts: string[] = [];
  let index = 0;
  let matchedAny = false;
  for (const m of matches(re, input)) {
    onMatch();
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

/** String.replaceAll / replaceFirst. */
export function javaReplace(input: string, pattern: string, replacement: string, all: boolean, onMatch: () => void): string {
  assertInput(input);
  const re = javaRegex(pattern);
  assertInputFor(re, input);
  let out = '';
  let index = 0;
  for (const m of matches(re, input)) {
    onMatch();
    out += input.slice(index, m.index) + expandReplacement(replacement, m);
    // Checked as it grows: an empty pattern puts the replacement between every two characters.
    if (out.length > MAX_STRING_LENGTH) throw new RegexError(`String longer than ${MAX_STRING_LENGTH} characters`, true);
    index = m.index + m[0].length;
    if (!all) break;
  }
  return out + input.slice(index);
}

/** String.matches: the whole input must match. */
export function javaMatches(input: string, pattern: string): boolean {
  assertInput(input);
  assertInputFor(javaRegex(pattern), input); // validates and guards
  return new RegExp(`^(?:${pattern})$`).test(input);
}
