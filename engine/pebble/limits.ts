/** Resource bounds: every input is parsed and evaluated with bounded time and memory. */

/** Longest template text accepted by the parser (characters). */
export const MAX_TEMPLATE_LENGTH = 200_000;
/** Deepest expression tree (nested parentheses, unary chains, long operator chains …). */
export const MAX_DEPTH = 100;
/** Default evaluation step budget per render (each node visit and each element a filter touches). */
export const DEFAULT_MAX_STEPS = 100_000;
/** Longest string any operation may produce, including the rendered output. */
export const MAX_STRING_LENGTH = 1_000_000;
/** Largest list any operation may produce (`range`, `..`, `split`, `merge`). */
export const MAX_LIST_LENGTH = 100_000;
/** Longest regular expression accepted by `split` and the regex string methods. */
export const MAX_REGEX_LENGTH = 256;
/** Longest input a regular expression is run against. */
export const MAX_REGEX_INPUT = 100_000;
/** Longest input a regular expression with a lookahead or lookbehind is run against (see regex.ts). */
export const MAX_LOOKAROUND_INPUT = 10_000;
/**
 * The furthest instant a date may be (epoch millis): a day short of what a JS Date holds
 * (±100,000,000 days from 1970), so that its local date-time in any zone is a Date too.
 */
export const MAX_DATE_MILLIS = 8.64e15 - 86_400_000;
/** Longest date pattern (`date`, `epoch`). */
export const MAX_DATE_PATTERN_LENGTH = 1_000;
/** Longest number pattern (`numberformat`). */
export const MAX_NUMBER_PATTERN_LENGTH = 200;

/** The length `s.replaceAll(target, replacement)` would have, counted before it is built. */
export function replacedLength(s: string, target: string, replacement: string): number {
  const count = target.length === 0 ? s.length + 1 : s.split(target).length - 1;
  return s.length + count * (replacement.length - target.length);
}
/** Parsed templates kept in the cache. */
export const TEMPLATE_CACHE_SIZE = 1_000;
/** Deepest nesting of list/map data that is compared, printed or converted (guards cyclic data). */
export const MAX_DATA_DEPTH = 256;
