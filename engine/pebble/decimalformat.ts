/**
 * `numberformat`: a subset of Java's DecimalFormat (en-US symbols). Supported: `#`, `0`, grouping
 * `,`, decimal `.`, literal prefix/suffix (quoted with '…'), `%` and `‰` multipliers, a negative
 * subpattern after `;` (ignored: Java prefixes `-` to the positive pattern by default).
 * Rounding is HALF_EVEN on the exact binary value of the double, as Java does.
 * Not supported (error): exponent patterns (`0.###E0`).
 */

export class NumberPatternError extends Error {}

interface NumberPattern {
  prefix: string;
  suffix: string;
  minInt: number;
  minFrac: number;
  maxFrac: number;
  grouping: number;
  multiplier: number;
  alwaysShowDecimal: boolean;
}

/** NumberFormat.getInstance(Locale.US) */
export const DEFAULT_NUMBER_PATTERN = '#,##0.###';

const cache = new Map<string, NumberPattern>();

export function compileNumberPattern(pattern: string): NumberPattern {
  const hit = cache.get(pattern);
  if (hit) return hit;
  if (pattern.length > 200) throw new NumberPatternError('Number pattern too long');
  const positive = splitTopLevel(pattern);
  let i = 0;
  let prefix = '';
  let multiplier = 1;
  const readAffix = (stopAtNumber: boolean): string => {
    let out = '';
    while (i < positive.length) {
      const c = positive[i];
      if (stopAtNumber && '#0,.'.includes(c)) break;
      if (c === "'") {
        const end = positive.indexOf("'", i + 1);
        if (end < 0) throw new NumberPatternError(`Unterminated quote in number pattern "${pattern}"`);
        out += end === i + 1 ? "'" : positive.slice(i + 1, end);
        i = end + 1;
        continue;
      }
      if (c === '%') multiplier = 100;
      if (c === '\u2030') multiplier = 1000;
      out += c === '\u00a4' ? '$' : c;
      i++;
    }
    return out;
  };
  prefix = readAffix(true);
  let intPart = '';
  while (i < positive.length && '#0,'.includes(positive[i])) intPart += positive[i++];
  let fracPart = '';
  let hasDecimal = false;
  if (positive[i] === '.') {
    hasDecimal = true;
    i++;
    while (i < positive.length && '#0'.includes(positive[i])) fracPart += positive[i++];
  }
  if (positive[i] === 'E') throw new NumberPatternError('Exponent number patterns are not supported');
  if (i < positive.length && '#0,.'.includes(positive[i])) {
    throw new NumberPatternError(`Malformed number pattern "${pattern}"`);
  }
  const suffix = readAffix(false);
  if (intPart.length === 0 && fracPart.length === 0 && !hasDecimal) {
    throw new NumberPatternError(`Malformed number pattern "${pattern}"`);
  }
  const lastComma = intPart.lastIndexOf(',');
  // DecimalFormat.applyPattern: a pattern without any 0 but with a decimal point ("#.##", "$#.##")
  // gets one integer digit ("0.##"); with no digit before the point (".##"), one of the fraction
  // digits becomes that integer digit (".##" is "0.#").
  const hashesBefore = [...intPart].filter((c) => c === '#').length;
  const noZero = !intPart.includes('0') && !fracPart.includes('0');
  const javaQuirk = noZero && hasDecimal && hashesBefore + fracPart.length > 0;
  const compiled: NumberPattern = {
    prefix,
    suffix,
    minInt: javaQuirk ? 1 : [...intPart].filter((c) => c === '0').length,
    minFrac: [...fracPart].filter((c) => c === '0').length,
    maxFrac: javaQuirk ? hashesBefore + fracPart.length - Math.max(1, hashesBefore) : fracPart.length,
    grouping: lastComma < 0 ? 0 : intPart.length - lastComma - 1,
    multiplier,
    alwaysShowDecimal: hasDecimal && fracPart.length === 0,
  };
  if (cache.size > 100) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

/** The positive subpattern (text before an unquoted `;`). */
function splitTopLevel(pattern: string): string {
  let quoted = false;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === "'") quoted = !quoted;
    else if (pattern[i] === ';' && !quoted) return pattern.slice(0, i);
  }
  return pattern;
}

/** Exact decimal expansion of a finite double: integer digits and fraction digits. */
export function exactDecimal(x: number): { int: string; frac: string } {
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

function roundHalfEven(int: string, frac: string, maxFrac: number): { int: string; frac: string } {
  if (frac.length <= maxFrac) return { int, frac };
  const keep = frac.slice(0, maxFrac);
  const rest = frac.slice(maxFrac);
  const all = int + keep;
  const last = Number(all[all.length - 1] ?? '0');
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

/** Formats a number (a Long is exact; a double is rounded HALF_EVEN on its binary value). */
export function formatNumber(value: number, isInteger: boolean, pattern: NumberPattern): string {
  let v = value * (pattern.multiplier === 1 ? 1 : pattern.multiplier);
  const negative = v < 0 || Object.is(v, -0);
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return `${negative ? '-' : ''}${pattern.prefix}\u221e${pattern.suffix}`;
  v = Math.abs(v);
  let digits: { int: string; frac: string };
  if (isInteger && Number.isSafeInteger(v)) digits = { int: String(v), frac: '' };
  else digits = exactDecimal(v);
  digits = roundHalfEven(digits.int, digits.frac, pattern.maxFrac);
  let frac = digits.frac.replace(/0+$/, '');
  if (frac.length < pattern.minFrac) frac = frac.padEnd(pattern.minFrac, '0');
  let int = digits.int.replace(/^0+/, '');
  if (int.length < pattern.minInt) int = int.padStart(pattern.minInt, '0');
  if (int.length === 0 && frac.length === 0) int = '0';
  let out = group(int, pattern.grouping);
  if (frac.length > 0 || pattern.alwaysShowDecimal) out += `.${frac}`;
  return `${negative ? '-' : ''}${pattern.prefix}${out}${pattern.suffix}`;
}
