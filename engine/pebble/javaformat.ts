/**
 * The `format` filter: a subset of java.lang.String.format — conversions %s %S %d %f %x %X %b %c
 * %n %%, explicit indexes (`%2$s`), width, precision and the flags `-`, `0`, `,`, `+`, ` `.
 * Anything else (e.g. %e, %t, the relative index %<s) is an error rather than a guess. As in
 * java.util.Formatter, a `%` that starts no conversion (`"50%"`, `"%!"`) is an error too.
 */
import type { Context } from './context.js';
import { fail } from './errors.js';
import { exactDecimal } from './decimalformat.js';
import { MAX_STRING_LENGTH } from './limits.js';
import { javaString } from './stringify.js';
import { type Long, PDouble, fromHost, isLong, longBig, typeName } from './values.js';

/** Formatter's specifier (without its `[tT]` date prefix), matched where a `%` stands. */
const SPEC = /%(\d+\$)?([-#+ 0,(<]*)(\d+)?(\.\d+)?([a-zA-Z%])/y;

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Fixed notation rounded HALF_UP on the exact value (java.util.Formatter %f). */
function fixed(x: number, precision: number): string {
  const { int, frac } = exactDecimal(x);
  if (frac.length <= precision) return precision > 0 ? `${int}.${frac.padEnd(precision, '0')}` : int;
  const digits = int + frac.slice(0, precision);
  const up = frac[precision] >= '5';
  const rounded = up ? (BigInt(digits) + 1n).toString().padStart(digits.length, '0') : digits;
  const intLen = rounded.length - precision;
  return precision > 0 ? `${rounded.slice(0, intLen)}.${rounded.slice(intLen)}` : rounded;
}

export function javaFormat(pattern: string, args: unknown[], ctx: Context, pos: number): string {
  let next = 0;
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
    if (flags.includes('<')) fail('type', `Format specifier '${m[0]}' (a relative index) is not supported`, pos);
    if (conv === '%' || conv === 'n') {
      out += conv === '%' ? '%' : '\n';
      continue;
    }
    const argIndex = index ? Number(index.slice(0, -1)) - 1 : next++;
    if (argIndex < 0 || argIndex >= args.length) fail('type', `Format specifier '${m[0]}' has no argument`, pos);
    const arg = fromHost(args[argIndex]);
    const precision = precisionText ? Number(precisionText.slice(1)) : undefined;
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
        break;
      case 'b':
      case 'B':
        text = String(arg === null ? false : typeof arg === 'boolean' ? arg : true);
        if (conv === 'B') text = text.toUpperCase();
        break;
      case 'c':
        // Java's %c takes a Character (here: a one-character string), never a Long
        if (typeof arg === 'string' && arg.length === 1) text = arg;
        else bad();
        break;
      case 'd': {
        if (!isLong(arg)) bad();
        const n = longBig(arg as Long);
        let digits = (n < 0n ? -n : n).toString();
        if (flags.includes(',')) digits = group(digits);
        text = n < 0n ? `-${digits}` : flags.includes('+') ? `+${digits}` : flags.includes(' ') ? ` ${digits}` : digits;
        break;
      }
      case 'f': {
        if (!(arg instanceof PDouble)) bad();
        const x = (arg as PDouble).value;
        if (!Number.isFinite(x)) text = Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
        else {
          let body = fixed(Math.abs(x), precision ?? 6);
          if (flags.includes(',')) {
            const [i, f] = body.split('.');
            body = f === undefined ? group(i) : `${group(i)}.${f}`;
          }
          const negative = x < 0 || Object.is(x, -0);
          text = negative ? `-${body}` : flags.includes('+') ? `+${body}` : flags.includes(' ') ? ` ${body}` : body;
        }
        break;
      }
      case 'x':
      case 'X': {
        if (!isLong(arg)) bad();
        text = BigInt.asUintN(64, longBig(arg as Long)).toString(16);
        if (conv === 'X') text = text.toUpperCase();
        break;
      }
      default:
        fail('type', `Format conversion '${m[0]}' is not supported`, pos);
    }
    const width = widthText ? Number(widthText) : 0;
    if (width > 1000) fail('limit', 'Format width too large', pos);
    if (text.length < width) {
      if (flags.includes('-')) text = text.padEnd(width);
      else if (flags.includes('0') && /[dfxX]/.test(conv)) {
        const sign = /^[-+ ]/.test(text) ? text[0] : '';
        text = sign + text.slice(sign.length).padStart(width - sign.length, '0');
      } else text = text.padStart(width);
    }
    out = ctx.str(out + text, pos);
  }
  return ctx.str(out + pattern.slice(last), pos);
}
