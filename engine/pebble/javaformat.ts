/**
 * The `format` filter: a subset of java.lang.String.format — conversions %s %S %d %f %x %X %b %c
 * %n %%, explicit indexes (`%2$s`) and the relative one (`%<s`, the argument before again), width,
 * precision and the flags `-`, `0`, `,`, `+`, ` `, `(`, `#`. Anything else (e.g. %e, %t) is an
 * error rather than a guess. As in
 * java.util.Formatter, a `%` that starts no conversion (`"50%"`, `"%!"`) is an error too, and so
 * is a flag, width or precision the conversion does not take (`%.2d`, `%-d`, `%,x`, `%+s`).
 */
import type { Context } from './context.js';
import { fail } from './errors.js';
import { MAX_STRING_LENGTH } from './limits.js';
import { javaString } from './stringify.js';
import { type Long, PDouble, fromHost, isLong, javaDecimal, longBig, typeName } from './values.js';

/** Formatter's specifier (without its `[tT]` date prefix), matched where a `%` stands. */
const SPEC = /%(\d+\$)?([-#+ 0,(<]*)(\d+)?(\.\d+)?([a-zA-Z%])/y;

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The digits before and after the point of a decimal written as `toExponential` writes it. */
function plainDigits(scientific: string): { int: string; frac: string } {
  const [mantissa, exp] = scientific.split('e');
  const digits = mantissa.replace('.', '');
  const point = Number(exp) + 1; // how many of the digits stand before the point
  if (point <= 0) return { int: '0', frac: '0'.repeat(-point) + digits };
  return { int: digits.slice(0, point).padEnd(point, '0'), frac: digits.slice(point) };
}

/**
 * Fixed notation as java.util.Formatter's %f writes it (FormattedFPDecimal.plain): the decimal
 * Double.toString gives `x`, rounded HALF_UP to `precision` fraction digits (2.675 is 2.68, though
 * the double is a little less), then zeros up to `precision`.
 */
function fixed(x: number, precision: number): string {
  const { int, frac } = plainDigits(javaDecimal(x));
  if (frac.length <= precision) return precision > 0 ? `${int}.${frac.padEnd(precision, '0')}` : int;
  const digits = int + frac.slice(0, precision);
  const up = frac[precision] >= '5';
  const rounded = up ? (BigInt(digits) + 1n).toString().padStart(digits.length, '0') : digits;
  const intLen = rounded.length - precision;
  return precision > 0 ? `${rounded.slice(0, intLen)}.${rounded.slice(intLen)}` : rounded;
}

/**
 * java.util.Formatter's checks of a specifier's flags, width and precision for its conversion
 * (FormatSpecifier.checkGeneral/checkCharacter/checkInteger/checkFloat/checkText, and the flags
 * the printing of a Long refuses for %x): what Java refuses with an exception is an error here,
 * never a flag quietly ignored.
 */
function assertFlags(spec: string, flags: string, width: number | undefined, precision: number | undefined, conv: string, pos: number): void {
  const refuse = (why: string): never => fail('type', `Format specifier '${spec}': ${why}`, pos);
  for (let i = 0; i < flags.length; i++) {
    if (flags.indexOf(flags[i], i + 1) >= 0) refuse(`the flag '${flags[i]}' is given twice`);
  }
  const mismatch = (bad: string) => {
    const flag = [...flags].find((f) => bad.includes(f));
    if (flag !== undefined) refuse(`the flag '${flag}' does not go with %${conv}`);
  };
  const leftNeedsWidth = () => {
    if (width === undefined && flags.includes('-')) refuse(`the flag '-' needs a width`);
  };
  const noPrecision = () => {
    if (precision !== undefined) refuse(`%${conv} takes no precision`);
  };
  switch (conv.toLowerCase()) {
    case '%':
      noPrecision();
      if (flags.replace('-', '') !== '') refuse(`%% takes no flag but '-'`);
      leftNeedsWidth();
      return;
    case 'n':
      noPrecision();
      if (width !== undefined) refuse('%n takes no width');
      if (flags !== '') refuse('%n takes no flag');
      return;
    case 's':
    case 'b':
      mismatch('#+ 0,(');
      leftNeedsWidth();
      return;
    case 'c':
      noPrecision();
      mismatch('#+ 0,(');
      leftNeedsWidth();
      return;
    case 'd':
    case 'x':
    case 'f':
      if (width === undefined && (flags.includes('-') || flags.includes('0'))) refuse(`the flag '${flags.includes('-') ? '-' : '0'}' needs a width`);
      if (flags.includes('+') && flags.includes(' ')) refuse(`the flags '+' and ' ' do not go together`);
      if (flags.includes('-') && flags.includes('0')) refuse(`the flags '-' and '0' do not go together`);
      if (conv !== 'f') noPrecision();
      if (conv === 'd') mismatch('#');
      if (conv.toLowerCase() === 'x') mismatch(',+ (');
      return;
  }
}

/** Text padded with spaces to `width`: on the right with the flag '-', else on the left. */
function justify(text: string, flags: string, width: number | undefined): string {
  if (width === undefined || text.length >= width) return text;
  return flags.includes('-') ? text.padEnd(width) : text.padStart(width);
}

/**
 * A number's digits with its sign as Formatter writes it: '-' (or `(…)` with the flag '('), else
 * '+' or ' ' with those flags; zeros after the sign up to `width` with the flag '0'; then justified.
 */
function signed(digits: string, negative: boolean, flags: string, width: number | undefined): string {
  const lead = negative ? (flags.includes('(') ? '(' : '-') : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  const trail = negative && flags.includes('(') ? ')' : '';
  const body = flags.includes('0') && width !== undefined ? digits.padStart(width - lead.length - trail.length, '0') : digits;
  return justify(lead + body + trail, flags, width);
}

export function javaFormat(pattern: string, args: unknown[], ctx: Context, pos: number): string {
  let next = 0;
  let previousArg = -1; // the argument of the specifier before, which `<` takes again
  let out = '';
  let last = 0;
  // Formatter.parse: each '%' must start a specifier, else UnknownFormatConversionException
  for (let at = pattern.indexOf('%'); at >= 0; at = pattern.indexOf('%', last)) {
    ctx.tick(pos);
    SPEC.lastIndex = at;
    const m = SPEC.exec(pattern);
    if (!m) {
      const c = at + 1 < pattern.length ? pattern[at + 1] : '%';
      fail('type', `Unknown format conversion '${c}' (a '%' must start a conversion such as %s or %d; %% is a percent sign)`, pos);
    }
    out += pattern.slice(last, at);
    last = SPEC.lastIndex;
    const [, index, flags, widthText, precisionText, conv] = m;
    const width = widthText ? Number(widthText) : undefined;
    const precision = precisionText ? Number(precisionText.slice(1)) : undefined;
    assertFlags(m[0], flags, width, precision, conv, pos);
    if (width !== undefined && width > 1000) fail('limit', 'Format width too large', pos);
    if (conv === '%' || conv === 'n') {
      out += conv === '%' ? justify('%', flags, width) : '\n';
      continue;
    }
    const argIndex = flags.includes('<') ? previousArg : index ? Number(index.slice(0, -1)) - 1 : next++;
    if (argIndex < 0 || argIndex >= args.length) fail('type', `Format specifier '${m[0]}' has no argument`, pos);
    previousArg = argIndex;
    const arg = fromHost(args[argIndex]);
    // %f writes `precision` fraction digits: refused before they are built
    if (precision !== undefined && precision > MAX_STRING_LENGTH) fail('limit', `String longer than ${MAX_STRING_LENGTH} characters`, pos);
    let text: string;
    const bad: () => never = () => fail('type', `Format specifier '${m[0]}' does not accept ${typeName(arg)}`, pos);
    switch (conv) {
      case 's':
      case 'S':
        text = javaString(arg, ctx, pos);
        if (precision !== undefined) text = text.slice(0, precision);
        if (conv === 'S') text = text.toUpperCase();
        text = justify(text, flags, width);
        break;
      case 'b':
      case 'B':
        text = String(arg === null ? false : typeof arg === 'boolean' ? arg : true);
        if (precision !== undefined) text = text.slice(0, precision);
        if (conv === 'B') text = text.toUpperCase();
        text = justify(text, flags, width);
        break;
      case 'c':
        // Java's %c takes a Character (here: a one-character string), never a Long
        if (typeof arg === 'string' && arg.length === 1) text = justify(arg, flags, width);
        else bad();
        break;
      case 'd': {
        if (!isLong(arg)) bad();
        const n = longBig(arg as Long);
        let digits = (n < 0n ? -n : n).toString();
        if (flags.includes(',')) digits = group(digits);
        text = signed(digits, n < 0n, flags, width);
        break;
      }
      case 'f': {
        if (!(arg instanceof PDouble)) bad();
        const x = (arg as PDouble).value;
        if (Number.isNaN(x)) text = justify('NaN', flags, width);
        else if (!Number.isFinite(x)) text = signed('Infinity', x < 0, flags.replace('0', ''), width);
        else {
          let body = fixed(Math.abs(x), precision ?? 6);
          if (flags.includes(',')) {
            const [i, f] = body.split('.');
            body = f === undefined ? group(i) : `${group(i)}.${f}`;
          }
          if (flags.includes('#') && !body.includes('.')) body += '.';
          text = signed(body, x < 0 || Object.is(x, -0), flags, width);
        }
        break;
      }
      case 'x':
      case 'X': {
        if (!isLong(arg)) bad();
        let hex = BigInt.asUintN(64, longBig(arg as Long)).toString(16);
        const prefix = flags.includes('#') ? '0x' : '';
        if (flags.includes('0') && width !== undefined) hex = hex.padStart(width - prefix.length, '0');
        text = justify(prefix + hex, flags, width);
        if (conv === 'X') text = text.toUpperCase();
        break;
      }
      default:
        fail('type', `Format conversion '${m[0]}' is not supported`, pos);
    }
    out = ctx.str(out + text, pos);
  }
  return ctx.str(out + pattern.slice(last), pos);
}
