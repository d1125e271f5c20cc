/**
 * Template lexer, after Pebble's LexerImpl: literal text, comments `{# … #}` (dropped), and inside
 * each `{{ … }}` (print) or `{% … %}` (tag) a stream of tokens; `{% verbatim %}…{% endverbatim %}`
 * is text. Whitespace control on every delimiter: `{{- `, `{%- `, `{#- ` trim whitespace before,
 * `-}}`, `-%}`, ` -#}` after; the first newline right after `}}`, `%}` or `#}` is dropped (Pebble's
 * default newLineTrimming). The close delimiter counts only outside brackets, so
 * `{{ {"a":{"b":1}} }}` works. Double-quoted strings may interpolate: `"Hi #{name}"`.
 */
import { fail } from './errors.js';
import { JAVA_WHITESPACE } from '../java-whitespace.js';

type TokenType =
  | 'NAME'
  | 'NUMBER'
  | 'LONG'
  | 'STRING'
  | 'OPERATOR'
  | 'PUNCTUATION'
  | 'STRING_INTERPOLATION_START'
  | 'STRING_INTERPOLATION_END'
  | 'PRINT_END'
  | 'EXECUTE_END';

export interface Token {
  readonly type: TokenType;
  /** Operator/name text, number digits, or the unescaped string value. */
  readonly value: string;
  /** 0-based offset in the template text. */
  readonly pos: number;
  /** Source text (strings: with quotes; interpolated string parts: the part as written). */
  readonly raw: string;
  /** True for a piece of an interpolated double-quoted string. */
  readonly part?: boolean;
}

interface TextSegment {
  readonly kind: 'text';
  readonly pos: number;
  /** As written. */
  readonly raw: string;
  /** After whitespace control. */
  readonly value: string;
}

interface PrintSegment {
  readonly kind: 'print';
  /** Offset of `{{`. */
  readonly pos: number;
  readonly tokens: readonly Token[];
  readonly trimLeft: boolean;
  readonly trimRight: boolean;
  /** The newline swallowed after `}}` ('' if none). */
  readonly newline: string;
}

/** `{% … %}`: the tag's tokens, ending with EXECUTE_END. */
interface TagSegment {
  readonly kind: 'tag';
  /** Offset of `{%`. */
  readonly pos: number;
  readonly tokens: readonly Token[];
  readonly trimLeft: boolean;
  readonly trimRight: boolean;
  readonly newline: string;
}

/** `{# … #}` as written (with the newline it swallowed); it renders as nothing. */
interface CommentSegment {
  readonly kind: 'comment';
  readonly pos: number;
  readonly raw: string;
}

export type Segment = TextSegment | PrintSegment | TagSegment | CommentSegment;

/** Longest first, as Pebble sorts its operator regex ("is not" before "is"). */
const OPERATORS = [
  'contains', 'is not', 'equals', 'and', 'not', '==', '!=', '<=', '>=', '..', 'or', 'is',
  '<', '>', '+', '-', '*', '/', '%', '|', '~',
];
const PUNCTUATION = '()[]{}?:.,|=';
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '#{': '}' };
const IDENTIFIER = /[\p{L}_][\p{L}\p{Nd}_]*/uy;
const LONG = /[0-9]+L/y;
const NUMBER = /[0-9]+(?:\.[0-9]+)?/y;
/**
 * `\s` of a Java regex (ASCII only). Pebble's delimiter patterns use it: `{{-` must be followed
 * by one of these to trim, and only these may stand between the last token and `}}`, `-}}` or
 * the `}` closing `#{`.
 */
const REGEX_SPACE = /^[ \t\n\x0B\f\r]*$/;
/**
 * Java's Character.isWhitespace, which Pebble skips between tokens and trims from text next to
 * `{{-`/`-}}`: no-break spaces (U+00A0, U+2007, U+202F) are not white space.
 */
const BETWEEN_TOKENS = JAVA_WHITESPACE;
const NEWLINES = ['\r\n', '\n\r', '\r', '\n', '\u0085', '\u2028', '\u2029'];

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_]/.test(c);
}

/** Pebble's StringUtils.rtrim / ltrim (Character.isWhitespace). */
function rtrim(s: string): string {
  let end = s.length;
  while (end > 0 && BETWEEN_TOKENS.test(s[end - 1])) end--;
  return s.slice(0, end);
}
function ltrim(s: string): string {
  let start = 0;
  while (start < s.length && BETWEEN_TOKENS.test(s[start])) start++;
  return s.slice(start);
}

/** `U+2003` for a message: the first character of the gap that is no ASCII white space (there is one). */
function codePointName(gap: string): string {
  const c = [...gap].find((ch) => !REGEX_SPACE.test(ch))!;
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Unescapes `\"` (or `\'`) only, exactly as Pebble does; other backslashes stay. */
function unescapeQuote(content: string, quote: string): string {
  return content.split(`\\${quote}`).join(quote);
}

/** Finds the closing quote of a string starting at `open`; -1 when unclosed. */
function findStringEnd(text: string, open: number): number {
  const quote = text[open];
  for (let j = open + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === quote) return j;
  }
  return -1;
}

interface Open {
  kind: string;
  pos: number;
}

/** Tokens from `start` up to the closing `}}` (a print) or `%}` (a tag) of the delimiter at `openPos`. */
function lexPrint(text: string, start: number, openPos: number, close: '}}' | '%}') {
  const tokens: Token[] = [];
  const stack: Open[] = [];
  const push = (type: TokenType, value: string, pos: number, raw = value, part?: boolean) =>
    tokens.push(part ? { type, value, pos, raw, part } : { type, value, pos, raw });
  let i = start;
  for (;;) {
    const top = stack[stack.length - 1];
    if (top?.kind === '"') {
      // inside an interpolated double-quoted string
      let j = i;
      for (;;) {
        if (j >= text.length) fail('syntax', 'Unclosed string literal', top.pos);
        const c = text[j];
        if (c === '\\' && j + 1 < text.length) {
          j += 2;
          continue;
        }
        if (c === '"' || (c === '#' && text[j + 1] === '{')) break;
        j++;
      }
      // Pebble keeps the escapes of a string it reads in parts (LexerImpl.tokenizeString): `\"` stays
      if (j > i) push('STRING', text.slice(i, j), i, text.slice(i, j), true);
      if (text[j] === '"') {
        stack.pop();
        i = j + 1;
      } else {
        push('STRING_INTERPOLATION_START', '#{', j);
        stack.push({ kind: '#{', pos: j });
        i = j + 2;
      }
      continue;
    }

    const gapStart = i;
    while (i < text.length && BETWEEN_TOKENS.test(text[i])) i++;
    // Pebble looks for `}}` (and the `}` of `#{`) with `^\s*`: after other white space it is
    // lexed as punctuation, an error
    const plainGap = REGEX_SPACE.test(text.slice(gapStart, i));
    const gapHint = plainGap ? '' : ` (after the white space ${codePointName(text.slice(gapStart, i))}, which Pebble does not accept before a closing delimiter)`;
    if (i >= text.length) {
      if (top) fail('syntax', `Unclosed "${top.kind}"`, top.pos);
      fail('syntax', `Unclosed "${close === '}}' ? '{{' : '{%'}"`, openPos);
    }
    if (stack.length === 0 && plainGap) {
      const trimRight = text.startsWith(`-${close}`, i);
      if (trimRight || text.startsWith(close, i)) {
        push(close === '}}' ? 'PRINT_END' : 'EXECUTE_END', close, i);
        let end = i + (trimRight ? 3 : 2);
        const newline = NEWLINES.find((nl) => text.startsWith(nl, end)) ?? '';
        end += newline.length;
        return { tokens, end, trimRight, newline };
      }
    }
    const c = text[i];
    if (top?.kind === '#{' && c === '}' && plainGap) {
      stack.pop();
      push('STRING_INTERPOLATION_END', '}', i);
      i++;
      continue;
    }

    const op = OPERATORS.find(
      (o) => text.startsWith(o, i) && !(/[a-z]$/.test(o) && isWordChar(text[i + o.length])),
    );
    if (op) {
      push('OPERATOR', op, i);
      i += op.length;
      continue;
    }
    IDENTIFIER.lastIndex = i;
    const name = IDENTIFIER.exec(text);
    if (name) {
      push('NAME', name[0], i);
      i += name[0].length;
      continue;
    }
    LONG.lastIndex = i;
    const long = LONG.exec(text);
    if (long) {
      push('LONG', long[0].slice(0, -1), i, long[0]);
      i += long[0].length;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(text);
    if (num) {
      push('NUMBER', num[0], i);
      i += num[0].length;
      continue;
    }
    if (PUNCTUATION.includes(c)) {
      if (c in OPENERS) stack.push({ kind: c, pos: i });
      else if (c in CLOSERS) {
        if (!top || top.kind === '#{') fail('syntax', `Unexpected "${c}"${gapHint}`, i);
        if (top.kind !== CLOSERS[c]) fail('syntax', `Unexpected "${c}", expected "${OPENERS[top.kind]}"`, i);
        stack.pop();
      }
      push('PUNCTUATION', c, i);
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = findStringEnd(text, i);
      if (end < 0) fail('syntax', 'Unclosed string literal', i);
      const content = text.slice(i + 1, end);
      // Pebble reads a double-quoted text with a # in parts, as it may hold #{…} (REGEX_STRING_PLAIN)
      if (c === '"' && content.includes('#')) {
        stack.push({ kind: '"', pos: i });
        i++;
        continue;
      }
      push('STRING', unescapeQuote(content, c), i, text.slice(i, end + 1));
      i = end + 1;
      continue;
    }
    fail('syntax', `Unexpected character "${c}"${CURLY_QUOTES.includes(c) ? ` (a curly quote, as a word processor or a chat types it: Pebble quotes texts with straight ones, " or ')` : ''}`, i);
  }
}

/** Quotes a word processor or a chat puts in place of " and ' (a paste of the guide's text). */
const CURLY_QUOTES = '\u201C\u201D\u2018\u2019\u201E\u201A\u00AB\u00BB';

/** Java regex `\s` (ASCII), as in Pebble's delimiter patterns. */
const S = '[ \\t\\n\\x0B\\f\\r]';
const NEWLINE = '(?:\\r\\n|\\n\\r|\\r|\\n|\\u0085|\\u2028|\\u2029)?';
/** Syntax.regexVerbatimStart, right after `{%` (and its `-`). */
const VERBATIM_START = new RegExp(`${S}*verbatim${S}*-?%\\}${NEWLINE}`, 'y');
/** Syntax.regexVerbatimEnd: group 1 the leading trim, group 2 the trailing one. */
const VERBATIM_END = new RegExp(`\\{%(-)?${S}*endverbatim${S}*(-)?%\\}${NEWLINE}`, 'g');
/** The next start delimiter of any kind, as Syntax.regexStartDelimiters. */
const START = /\{[{%#]/g;

/** Splits a template into text, print, tag and comment segments; throws ExpressionError('syntax') on lexer errors. */
export function lexTemplate(text: string): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  let trimNext = false;
  for (;;) {
    START.lastIndex = i;
    const open = START.exec(text)?.index ?? -1;
    const raw = text.slice(i, open < 0 ? text.length : open);
    let value = trimNext ? ltrim(raw) : raw;
    trimNext = false;
    if (open < 0) {
      if (raw.length > 0) segments.push({ kind: 'text', pos: i, raw, value });
      return segments;
    }
    const delimiter = text.slice(open, open + 2);
    let start = open + 2;
    const trim = /-[ \t\n\x0B\f\r]+/y; // Pebble: `-\s+`, ASCII white space only
    trim.lastIndex = start;
    const trimLeft = trim.test(text);
    if (trimLeft) {
      start = trim.lastIndex;
      value = rtrim(value);
    }
    if (raw.length > 0) segments.push({ kind: 'text', pos: i, raw, value });
    if (delimiter === '{#') {
      const close = text.indexOf('#}', start);
      if (close < 0) fail('syntax', 'Unclosed comment', open);
      // LexerImpl.tokenizeComment: the comment, read backwards, starts with `-\s+`
      trimNext = /[ \t\n\x0B\f\r]-$/.test(text.slice(start, close));
      const end = close + 2 + (NEWLINES.find((nl) => text.startsWith(nl, close + 2)) ?? '').length;
      segments.push({ kind: 'comment', pos: open, raw: text.slice(open, end) });
      i = end;
      continue;
    }
    if (delimiter === '{%') {
      VERBATIM_START.lastIndex = start;
      if (VERBATIM_START.test(text)) {
        VERBATIM_END.lastIndex = VERBATIM_START.lastIndex;
        const end = VERBATIM_END.exec(text);
        if (!end) fail('syntax', 'Unclosed verbatim tag', open);
        // Pebble left-trims every verbatim text: it tests group(0) of the start, always there
        let content = ltrim(text.slice(VERBATIM_START.lastIndex, end.index));
        if (end[1] !== undefined) content = rtrim(content);
        trimNext = end[2] !== undefined;
        i = end.index + end[0].length;
        segments.push({ kind: 'text', pos: open, raw: text.slice(open, i), value: content });
        continue;
      }
    }
    const close = delimiter === '{{' ? '}}' : '%}';
    const lexed = lexPrint(text, start, open, close);
    segments.push({
      kind: delimiter === '{{' ? 'print' : 'tag',
      pos: open,
      tokens: lexed.tokens,
      trimLeft,
      trimRight: lexed.trimRight,
      newline: lexed.newline,
    });
    trimNext = lexed.trimRight;
    i = lexed.end;
  }
}
