/**
 * `numberformat`: Java's DecimalFormat with en-US symbols, after JDK 17's `applyPattern` and
 * `subformat`. Supported: `#`, `0`, grouping `,`, decimal `.`, prefix and suffix text (quoted
 * with '…', `''` for a quote), `%` and `‰` multipliers, `¤` (`$`) and `¤¤` (`USD`), `-`, and the
 * negative subpattern after `;` (its prefix and suffix replace `-`). Patterns without digits
 * (`"abc"`, `"%"`) and the empty pattern are valid, as in Java. Rounding is HALF_EVEN on the
 * exact binary value of the double, as Java does.
 * Not supported (error): exponent patterns (`0.###E0`).
 */
import { UnplacedError } from './errors.js';
import { MAX_NUMBER_PATTERN_LENGTH } from './limits.js';
import { type Long, PDouble, longBig } from './values.js';

/** A pattern Java refuses, or one over the length limit; callers place it in the template (errors.ts placing). */
class NumberPatternError extends UnplacedError {}

interface NumberPattern {
  posPrefix: string;
  posSuffix: string;
  negPrefix: string;
  negSuffix: string;
  minInt: number;
  minFrac: number;
  maxFrac: number;
  /** Grouping size; 0 when grouping is not used. */
  grouping: number;
  multiplier: number;
  alwaysShowDecimal: boolean;
}

/** NumberFormat.getInstance(Locale.US) */
export const DEFAULT_NUMBER_PATTERN = '#,##0.###';

/** DecimalFormat's DOUBLE_FRACTION_DIGITS: the most fraction digits a double is shown with. */
const DOUBLE_FRACTION_DIGITS = 340;

const cache = new Map<string, NumberPattern>();

/**
 * DecimalFormat.expandAffix (en-US symbols): in an affix pattern, `'` followed by `¤` (or `¤¤`),
 * `%`, `‰` or `-` is that symbol; `'` followed by any other character is that character.
 */
function expandAffix(affix: string): string {
  let out = '';
  for (let i = 0; i < affix.length; ) {
    let c = affix[i++];
    if (c === "'") {
      c = affix[i++];
      if (c === '\u00a4') {
        if (affix[i] === '\u00a4') {
          i++;
          out += 'USD';
        } else out += '$';
        continue;
      }
    }
    out += c;
  }
  return out;
}

/** DecimalFormat.applyPattern(pattern, false), for the fields formatting needs. */
export function compileNumberPattern(pattern: string): NumberPattern {
  const hit = cache.get(pattern);
  if (hit) return hit;
  if (pattern.length > MAX_NUMBER_PATTERN_LENGTH) throw new NumberPatternError(`Number pattern longer than ${MAX_NUMBER_PATTERN_LENGTH} characters`, 'limit');
  const malformed = (what: string) =>
    new NumberPatternError(what === 'Malformed' ? `Malformed pattern "${pattern}"` : `${what} in pattern "${pattern}"`);
  const compiled: NumberPattern = {
    posPrefix: '',
    posSuffix: '',
    negPrefix: '',
    negSuffix: '',
    minInt: 0,
    minFrac: 0,
    maxFrac: DOUBLE_FRACTION_DIGITS,
    grouping: 3, // an empty pattern keeps the constructor's grouping
    multiplier: 1,
    alwaysShowDecimal: false,
  };
  let posPrefixPattern = '';
  let posSuffixPattern = '';
  let negPrefixPattern = '';
  let negSuffixPattern = '';
  let gotNegative = false;
  let start = 0;
  for (let j = 1; j >= 0 && start < pattern.length; --j) {
    let inQuote = false;
    let prefix = '';
    let suffix = '';
    let decimalPos = -1;
    let multiplier = 1;
    let digitLeftCount = 0;
    let zeroDigitCount = 0;
    let digitRightCount = 0;
    let groupingCount = -1;
    let phase = 0; // 0 prefix, 1 digits, 2 suffix
    const append = (text: string) => {
      if (phase === 0) prefix += text;
      else suffix += text;
    };
    for (let pos = start; pos < pattern.length; ++pos) {
      const ch = pattern[pos];
      if (phase === 0 || phase === 2) {
        if (inQuote) {
          if (ch === "'") {
            if (pattern[pos + 1] === "'") {
              ++pos;
              append("''");
            } else inQuote = false;
            continue;
          }
        } else if (ch === '#' || ch === '0' || ch === ',' || ch === '.') {
          phase = 1;
          --pos;
          continue;
        } else if (ch === '\u00a4') {
          const doubled = pattern[pos + 1] === '\u00a4';
          if (doubled) ++pos;
          append(doubled ? "'\u00a4\u00a4" : "'\u00a4");
          continue;
        } else if (ch === "'") {
          if (pattern[pos + 1] === "'") {
            ++pos;
            append("''");
          } else inQuote = true;
          continue;
        } else if (ch === ';') {
          if (phase === 0 || j === 0) throw malformed("Unquoted special character ';'");
          start = pos + 1;
          pos = pattern.length;
          continue;
        } else if (ch === '%' || ch === '\u2030') {
          if (multiplier !== 1) throw malformed('Too many percent/per mille characters');
          multiplier = ch === '%' ? 100 : 1000;
          append(`'${ch}`);
          continue;
        } else if (ch === '-') {
          append("'-");
          continue;
        }
        append(ch);
        continue;
      }
      // phase 1
      if (j === 0) {
        // the negative subpattern only gives a prefix and a suffix: its digits are skipped
        while (pos < pattern.length && '#0,.E'.includes(pattern[pos])) ++pos;
        --pos;
        phase = 2;
        continue;
      }
      if (ch === '#') {
        if (zeroDigitCount > 0) ++digitRightCount;
        else ++digitLeftCount;
        if (groupingCount >= 0 && decimalPos < 0) ++groupingCount;
      } else if (ch === '0') {
        if (digitRightCount > 0) throw malformed("Unexpected '0'");
        ++zeroDigitCount;
        if (groupingCount >= 0 && decimalPos < 0) ++groupingCount;
      } else if (ch === ',') {
        groupingCount = 0;
      } else if (ch === '.') {
        if (decimalPos >= 0) throw malformed('Multiple decimal separators');
        decimalPos = digitLeftCount + zeroDigitCount + digitRightCount;
      } else if (ch === 'E') {
        throw new NumberPatternError('Exponent number patterns are not supported');
      } else {
        phase = 2;
        --pos;
      }
    }
    // "##.###" is "#0.###" and ".###" is ".0##" (a pattern of only `#` keeps no integer digit)
    if (zeroDigitCount === 0 && digitLeftCount > 0 && decimalPos >= 0) {
      const n = decimalPos === 0 ? 1 : decimalPos;
      digitRightCount = digitLeftCount - n;
      digitLeftCount = n - 1;
      zeroDigitCount = 1;
    }
    if (
      (decimalPos < 0 && digitRightCount > 0) ||
      (decimalPos >= 0 && (decimalPos < digitLeftCount || decimalPos > digitLeftCount + zeroDigitCount)) ||
      groupingCount === 0 ||
      inQuote
    ) {
      throw malformed('Malformed');
    }
    if (j === 1) {
      posPrefixPattern = prefix;
      posSuffixPattern = suffix;
      negPrefixPattern = prefix;
      negSuffixPattern = suffix;
      const digitTotalCount = digitLeftCount + zeroDigitCount + digitRightCount;
      const effectiveDecimalPos = decimalPos >= 0 ? decimalPos : digitTotalCount;
      compiled.minInt = effectiveDecimalPos - digitLeftCount;
      compiled.maxFrac = decimalPos >= 0 ? digitTotalCount - decimalPos : 0;
      compiled.minFrac = decimalPos >= 0 ? digitLeftCount + zeroDigitCount - decimalPos : 0;
      compiled.grouping = groupingCount > 0 ? groupingCount : 0;
      compiled.multiplier = multiplier;
      compiled.alwaysShowDecimal = decimalPos === 0 || decimalPos === digitTotalCount;
    } else {
      negPrefixPattern = prefix;
      negSuffixPattern = suffix;
      gotNegative = true;
    }
  }
  if (!gotNegative || (negPrefixPattern === posPrefixPattern && negSuffixPattern === posSuffixPattern)) {
    negSuffixPattern = posSuffixPattern;
    negPrefixPattern = `'-${posPrefixPattern}`;
  }
  compiled.posPrefix = expandAffix(posPrefixPattern);
  compiled.posSuffix = expandAffix(posSuffixPattern);
  compiled.negPrefix = expandAffix(negPrefixPattern);
  compiled.negSuffix = expandAffix(negSuffixPattern);
  if (cache.size > 100) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

/** Exact decimal expansion of a finite double: integer digits and fraction digits. */
function exactDecimal(x: number): { int: string; frac: string } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = expBits === 0 ? fraction : fraction | (1n << 52n);
  const exp = expBits === 0 ? -1074 : expBits - 1075;
  if (exp >= 0) return { int: (mantissa << BigInt(exp)).toString(), frac: '' };
  const scale = -exp;
  const s = (mantissa * 5n ** BigInt(scale)).toString().padStart(scale + 1, '0');
  return { int: s.slice(0, s.length - scale), frac: s.slice(s.length - scale).replace(/0+$/, '') };
}

/** `int.frac` rounded HALF_EVEN to `maxFrac` fraction digits (`int` has a digit at least). */
function roundHalfEven(int: string, frac: string, maxFrac: number): { int: string; frac: string } {
  const keep = frac.slice(0, maxFrac);
  const rest = frac.slice(maxFrac);
  const all = int + keep;
  const last = Number(all[all.length - 1]);
  const up = rest[0] > '5' || (rest[0] === '5' && (/[1-9]/.test(rest.slice(1)) || last % 2 === 1));
  if (!up) return { int, frac: keep };
  const bumped = (BigInt(all) + 1n).toString().padStart(all.length, '0');
  const intLen = bumped.length - keep.length;
  return { int: bumped.slice(0, intLen), frac: bumped.slice(intLen) };
}

function group(int: string, size: number): string {
  if (size <= 0 || int.length <= size) return int;
  const parts: string[] = [];
  for (let end = int.length; end > 0; end -= size) parts.unshift(int.slice(Math.max(0, end - size), end));
  return parts.join(',');
}

/** The shortest decimal digits that read back as `x` (finite, not negative), as Java's DigitList starts from. */
function shortestDecimal(x: number): { int: string; frac: string } {
  // String(x) of a finite double that is not negative always reads so
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x))!;
  let digits = m[1] + (m[2] ?? '');
  let point = m[1].length + Number(m[3] ?? 0);
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  return { int: digits.slice(0, point), frac: digits.slice(point).replace(/0+$/, '') };
}

/**
 * Formats a number as DecimalFormat.format does: a Long exactly (also times 100 or 1000); a
 * double with its shortest digits when they fit in the maximum fraction digits, otherwise rounded
 * HALF_EVEN on its exact binary value.
 */
export function formatNumber(value: Long | PDouble, pattern: NumberPattern): string {
  let digits: { int: string; frac: string };
  let negative: boolean;
  if (value instanceof PDouble) {
    let v = value.value * pattern.multiplier;
    negative = v < 0 || Object.is(v, -0);
    if (Number.isNaN(v)) return 'NaN';
    const prefix = negative ? pattern.negPrefix : pattern.posPrefix;
    const suffix = negative ? pattern.negSuffix : pattern.posSuffix;
    if (!Number.isFinite(v)) return `${prefix}\u221e${suffix}`;
    v = Math.abs(v);
    digits = shortestDecimal(v);
    if (digits.frac.length > pattern.maxFrac) {
      const exact = exactDecimal(v);
      digits = roundHalfEven(exact.int, exact.frac, pattern.maxFrac);
    }
  } else {
    const big = longBig(value) * BigInt(pattern.multiplier);
    negative = big < 0n;
    digits = { int: (negative ? -big : big).toString(), frac: '' };
  }
  let frac = digits.frac.replace(/0+$/, '');
  if (frac.length < pattern.minFrac) frac = frac.padEnd(pattern.minFrac, '0');
  let int = digits.int.replace(/^0+/, '');
  if (int.length < pattern.minInt) int = int.padStart(pattern.minInt, '0');
  // DecimalFormat.subformat: a zero digit when neither integer nor fraction digits are shown
  if (int.length === 0 && frac.length === 0) int = '0';
  let out = group(int, pattern.grouping);
  if (frac.length > 0 || pattern.alwaysShowDecimal) out += `.${frac}`;
  return negative ? `${pattern.negPrefix}${out}${pattern.negSuffix}` : `${pattern.posPrefix}${out}${pattern.posSuffix}`;
}
