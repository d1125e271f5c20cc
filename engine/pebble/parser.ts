/**
 * Precedence-climbing parser for Pebble expressions, after Pebble's ExpressionParser:
 * unary `not`/`+`/`-` (500) bind tighter than any binary operator, binary operators are
 * left-associative with the precedences in ast.ts, `|` takes a filter name and optional
 * arguments, `is`/`is not` a test name, and `a ? b : c` is parsed at the outermost level of an
 * expression (and of every parenthesised group or argument). Tags (`{% %}`) are parsed as Pebble's
 * ParserImpl.subparse and its If/For/SetTokenParser do: a body runs until a tag its caller stops at.
 */
import { ExpressionError, fail } from './errors.js';
import type { Args, BinaryOp, Body, Node, NodeInit, TagMark, Template, TemplatePart } from './ast.js';
import { BINARY_PRECEDENCE, UNARY_PRECEDENCE, childrenOf } from './ast.js';
import { lexTemplate, type Segment, type Token } from './lexer.js';
import { MAX_DEPTH, MAX_TEMPLATE_LENGTH } from './limits.js';
import { LONG_MAX, PDouble, toLong } from './values.js';

const RESERVED = new Set(['true', 'false', 'null', 'none']);

/** Adds the depth and enforces the depth limit. */
function mk(init: NodeInit): Node {
  let depth = 0;
  for (const c of childrenOf(init)) depth = Math.max(depth, c.depth);
  depth += 1;
  if (depth > MAX_DEPTH) fail('limit', `Expression nested deeper than ${MAX_DEPTH} levels`, init.pos);
  return { ...init, depth } as Node;
}

function unexpected(tok: Token, expected: string): never {
  const what =
    tok.type === 'PRINT_END'
      ? `Unexpected end of expression "}}"`
      : tok.type === 'EXECUTE_END'
        ? `Unexpected end of tag "%}"`
        : `Unexpected token "${tok.value}" (${tok.type})`;
  throw new ExpressionError('syntax', `${what} at position ${tok.pos}, expected ${expected}`, tok.pos);
}

class Parser {
  private i = 0;
  private nesting = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private get cur(): Token {
    return this.tokens[this.i];
  }
  /** The token after the current one, which is not the last (the `}}` or `%}` of its tag is). */
  private peek(): Token {
    return this.tokens[this.i + 1];
  }
  private is(type: Token['type'], value?: string): boolean {
    const t = this.cur;
    return t.type === type && (value === undefined || t.value === value);
  }
  private expectPunct(value: string, expected = `"${value}"`): Token {
    if (!this.is('PUNCTUATION', value)) unexpected(this.cur, expected);
    return this.tokens[this.i++];
  }
  private expectName(expected: string): Token {
    if (!this.is('NAME')) unexpected(this.cur, expected);
    return this.tokens[this.i++];
  }

  parseWhole(): Node {
    const expr = this.parseExpression(0);
    if (!this.is('PRINT_END')) unexpected(this.cur, '"}}"');
    return expr;
  }

  /** The current token, consumed. */
  next(): Token {
    return this.tokens[this.i++];
  }

  /** A tag ends here: `%}`. */
  expectEnd(): void {
    if (!this.is('EXECUTE_END')) unexpected(this.cur, '"%}"');
  }

  /** Pebble's stream.expect(NAME, word): `in` of a for, `=` of a set. */
  expectWord(type: 'NAME' | 'PUNCTUATION', value: string): void {
    if (!this.is(type, value)) unexpected(this.cur, `"${value}"`);
    this.i++;
  }

  /** ExpressionParser.parseNewVariableName: the name a set or a for binds. */
  newVariableName(): Token {
    const name = this.expectName('a variable name');
    if (RESERVED.has(name.value)) fail('syntax', `Can not assign a value to ${name.value}`, name.pos);
    return name;
  }

  parseExpression(minPrecedence: number): Node {
    if (++this.nesting > MAX_DEPTH) {
      fail('limit', `Expression nested deeper than ${MAX_DEPTH} levels`, this.cur.pos);
    }
    const tok = this.cur;
    let expr: Node;
    if (tok.type === 'OPERATOR' && (tok.value === 'not' || tok.value === '-' || tok.value === '+')) {
      this.i++;
      const operand = this.parseExpression(UNARY_PRECEDENCE);
      expr = mk({ kind: 'unary', op: tok.value, operand, pos: tok.pos });
    } else if (this.is('PUNCTUATION', '(')) {
      this.i++;
      const inner = this.parseExpression(0);
      this.expectPunct(')');
      expr = this.parsePostfix(inner);
    } else if (this.is('PUNCTUATION', '[')) {
      expr = this.parseList();
    } else if (this.is('PUNCTUATION', '{')) {
      expr = this.parseMap();
    } else {
      expr = this.parsePrimary();
    }

    for (;;) {
      const op = this.cur;
      const precedence = op.type === 'OPERATOR' ? BINARY_PRECEDENCE.get(op.value) : undefined;
      if (precedence === undefined || precedence < minPrecedence) break;
      this.i++;
      if (op.value === '|') {
        const name = this.expectName('a filter name');
        const args = this.is('PUNCTUATION', '(') ? this.parseArgs() : null;
        expr = mk({ kind: 'filter', input: expr, name: name.value, args, pos: name.pos });
      } else if (op.value === 'is' || op.value === 'is not') {
        const name = this.expectName('a test name');
        const args = this.is('PUNCTUATION', '(') ? this.parseArgs() : null;
        expr = mk({ kind: 'test', input: expr, name: name.value, negated: op.value === 'is not', args, pos: name.pos });
      } else {
        const right = this.parseExpression(precedence + 1);
        expr = mk({ kind: 'binary', op: op.value as BinaryOp, left: expr, right, pos: op.pos });
      }
    }

    if (minPrecedence === 0 && this.is('PUNCTUATION', '?')) {
      const q = this.cur;
      this.i++;
      const then = this.parseExpression(0);
      this.expectPunct(':');
      const otherwise = this.parseExpression(0);
      expr = mk({ kind: 'ternary', condition: expr, then, otherwise, pos: q.pos });
    }
    this.nesting--;
    return expr;
  }

  private parsePrimary(): Node {
    const tok = this.cur;
    let node: Node;
    switch (tok.type) {
      case 'NAME': {
        this.i++;
        const v = tok.value;
        if (v === 'true' || v === 'TRUE' || v === 'false' || v === 'FALSE') {
          node = mk({ kind: 'literal', value: v.toLowerCase() === 'true', raw: v, pos: tok.pos });
        } else if (v === 'null' || v === 'NULL' || v === 'none' || v === 'NONE') {
          node = mk({ kind: 'literal', value: null, raw: v, pos: tok.pos });
        } else if (this.is('PUNCTUATION', '(')) {
          node = mk({ kind: 'call', name: v, args: this.parseArgs(), pos: tok.pos });
        } else {
          node = mk({ kind: 'variable', name: v, pos: tok.pos });
        }
        break;
      }
      case 'LONG':
      case 'NUMBER': {
        this.i++;
        if (tok.value.includes('.')) {
          node = mk({ kind: 'literal', value: new PDouble(Number(tok.value)), raw: tok.raw, pos: tok.pos });
        } else {
          const big = BigInt(tok.value);
          if (big > LONG_MAX) fail('syntax', `Number "${tok.value}" is too large`, tok.pos);
          node = mk({ kind: 'literal', value: toLong(big), raw: tok.raw, pos: tok.pos });
        }
        break;
      }
      case 'STRING':
      case 'STRING_INTERPOLATION_START':
        node = this.parseString();
        break;
      default:
        unexpected(tok, 'an expression');
    }
    return this.parsePostfix(node);
  }

  /** `"a#{b}c"`: consecutive plain strings are not joined (Pebble: "sequential strings are not OK"). */
  private parseString(): Node {
    const start = this.cur;
    const parts: ({ text: string; raw: string } | Node)[] = [];
    let previous: 'STRING' | 'INTERPOLATION' | null = null;
    for (;;) {
      const tok = this.cur;
      if (tok.type === 'STRING' && previous !== 'STRING') {
        this.i++;
        parts.push({ text: tok.value, raw: tok.part ? tok.raw : tok.raw.slice(1, -1) });
        previous = 'STRING';
      } else if (tok.type === 'STRING_INTERPOLATION_START') {
        this.i++;
        parts.push(this.parseExpression(0));
        if (!this.is('STRING_INTERPOLATION_END')) unexpected(this.cur, '"}"');
        this.i++;
        previous = 'INTERPOLATION';
      } else break;
    }
    if (parts.length === 1) {
      const only = parts[0];
      if ('kind' in only) return only;
      // a text read in parts (it has a #) is one part when it has no #{…}: its quotes are not in its raw
      return mk({ kind: 'literal', value: only.text, raw: start.part ? `"${start.raw}"` : start.raw, pos: start.pos });
    }
    return mk({ kind: 'interpolation', parts, pos: start.pos });
  }

  private parsePostfix(node: Node): Node {
    for (;;) {
      if (this.is('PUNCTUATION', '.')) {
        this.i++;
        const name = this.expectName('an attribute name');
        if (this.is('PUNCTUATION', '(')) {
          const open = this.cur;
          const args = this.parseArgs();
          if (args.named.length > 0) fail('syntax', 'Can not use named arguments when calling a bean method', open.pos);
          node = mk({ kind: 'method', object: node, name: name.value, args: args.positional, pos: name.pos });
        } else {
          node = mk({ kind: 'attribute', object: node, name: name.value, pos: name.pos });
        }
      } else if (this.is('PUNCTUATION', '[')) {
        const open = this.cur;
        this.i++;
        const key = this.parseExpression(0);
        this.expectPunct(']');
        node = mk({ kind: 'index', object: node, key, pos: open.pos });
      } else {
        return node;
      }
    }
  }

  private parseArgs(): Args {
    this.expectPunct('(');
    const positional: Node[] = [];
    const named: { name: string; value: Node; pos: number }[] = [];
    while (!this.is('PUNCTUATION', ')')) {
      if (positional.length + named.length > 0) this.expectPunct(',', '"," or ")"');
      const next = this.peek();
      if (this.is('NAME') && next.type === 'PUNCTUATION' && next.value === '=') {
        const name = this.cur;
        if (RESERVED.has(name.value)) fail('syntax', `Can not assign a value to ${name.value}`, name.pos);
        this.i += 2;
        named.push({ name: name.value, value: this.parseExpression(0), pos: name.pos });
      } else {
        const at = this.cur;
        const value = this.parseExpression(0);
        if (named.length > 0) {
          fail('syntax', 'Positional arguments must be declared before any named arguments', at.pos);
        }
        positional.push(value);
      }
    }
    this.i++;
    return { positional, named };
  }

  private parseList(): Node {
    const open = this.expectPunct('[');
    const items: Node[] = [];
    if (!this.is('PUNCTUATION', ']')) {
      for (;;) {
        items.push(this.parseExpression(0));
        if (this.is('PUNCTUATION', ']')) break;
        this.expectPunct(',', '"," or "]"');
      }
    }
    this.i++;
    return mk({ kind: 'list', items, pos: open.pos });
  }

  private parseMap(): Node {
    const open = this.expectPunct('{');
    const entries: [Node, Node][] = [];
    if (!this.is('PUNCTUATION', '}')) {
      for (;;) {
        const key = this.parseExpression(0);
        this.expectPunct(':');
        entries.push([key, this.parseExpression(0)]);
        if (this.is('PUNCTUATION', '}')) break;
        this.expectPunct(',', '"," or "}"');
      }
    }
    this.i++;
    return mk({ kind: 'map', entries, pos: open.pos });
  }
}

/** Tags of Pebble's core that flowgrade does not run: named so, rather than as unknown tags. */
const UNSUPPORTED_TAGS = new Set([
  'autoescape', 'block', 'cache', 'embed', 'extends', 'filter', 'flush', 'from', 'import', 'include', 'macro', 'parallel',
]);

type TagSegment = Extract<Segment, { kind: 'tag' }>;

/** ParserImpl.subparse over the lexed segments, with the core tags' token parsers. */
class TemplateParser {
  private i = 0;
  /** Tags open around the current one: bounded, as the evaluator and printer recurse into them. */
  private nesting = 0;

  constructor(private readonly segments: readonly Segment[]) {}

  /** A tag's parser, positioned after its name, and its name. */
  private open(seg: TagSegment): { parser: Parser; name: Token } {
    const parser = new Parser(seg.tokens);
    const name = parser.next();
    if (name.type !== 'NAME') fail('syntax', 'A block must start with a tag name', name.pos);
    return { parser, name };
  }

  private mark(seg: TagSegment): TagMark {
    return { pos: seg.pos, trimLeft: seg.trimLeft, trimRight: seg.trimRight, newline: seg.newline };
  }

  /**
   * Parts up to the first tag named in `stop` (left unconsumed) or the end. The end of the
   * template is `null` as the stop tag: the caller reports what it was looking for.
   */
  body(stop: ReadonlySet<string>): { parts: TemplatePart[]; stoppedAt: string | null } {
    const parts: TemplatePart[] = [];
    while (this.i < this.segments.length) {
      const seg = this.segments[this.i];
      if (seg.kind === 'text' || seg.kind === 'comment') {
        parts.push(seg);
        this.i++;
      } else if (seg.kind === 'print') {
        const expr = new Parser(seg.tokens).parseWhole();
        parts.push({ kind: 'print', pos: seg.pos, expr, trimLeft: seg.trimLeft, trimRight: seg.trimRight, newline: seg.newline });
        this.i++;
      } else {
        const { parser, name } = this.open(seg);
        if (stop.has(name.value)) return { parts, stoppedAt: name.value };
        this.i++;
        parts.push(this.tag(seg, parser, name));
      }
    }
    return { parts, stoppedAt: null };
  }

  private tag(seg: TagSegment, parser: Parser, name: Token): TemplatePart {
    switch (name.value) {
      case 'if':
      case 'for': {
        if (++this.nesting > MAX_DEPTH) fail('limit', `Tags nested deeper than ${MAX_DEPTH} levels`, name.pos);
        const part = name.value === 'if' ? this.ifTag(seg, parser, name) : this.forTag(seg, parser, name);
        this.nesting--;
        return part;
      }
      case 'set': {
        const target = parser.newVariableName();
        parser.expectWord('PUNCTUATION', '=');
        const value = parser.parseExpression(0);
        parser.expectEnd();
        return { kind: 'set', pos: name.pos, tag: this.mark(seg), name: target.value, value };
      }
    }
    if (UNSUPPORTED_TAGS.has(name.value)) {
      fail('syntax', `"${name.value}" is a Pebble tag that flowgrade does not run (it runs if, for, set and verbatim)`, name.pos);
    }
    fail('syntax', `Unexpected tag name "${name.value}"`, name.pos);
  }

  /** The stop tag the body ended at, consumed; its parser (positioned after the name). */
  private closing(name: Token, wanted: string, stoppedAt: string | null): { seg: TagSegment; parser: Parser } {
    if (stoppedAt === null) fail('syntax', `Unexpected end of template. Pebble was looking for the "${wanted}" tag`, name.pos);
    const seg = this.segments[this.i++] as TagSegment;
    return { seg, parser: this.open(seg).parser };
  }

  /** IfTokenParser: if, any number of elseif, at most one else, endif. */
  private ifTag(seg: TagSegment, parser: Parser, name: Token): TemplatePart {
    const branches: { tag: TagMark; condition: Node; body: Body }[] = [];
    let otherwise: { tag: TagMark; body: Body } | null = null;
    let tag = this.mark(seg);
    let condition = parser.parseExpression(0);
    parser.expectEnd();
    for (;;) {
      const fork = this.body(otherwise ? ENDIF : IF_FORK);
      if (otherwise) otherwise = { tag: otherwise.tag, body: fork.parts };
      else branches.push({ tag, condition, body: fork.parts });
      const next = this.closing(name, 'endif', fork.stoppedAt);
      if (fork.stoppedAt === 'endif') {
        next.parser.expectEnd();
        return { kind: 'if', pos: name.pos, branches, otherwise, end: this.mark(next.seg) };
      }
      if (fork.stoppedAt === 'else') {
        next.parser.expectEnd();
        otherwise = { tag: this.mark(next.seg), body: [] };
      } else {
        tag = this.mark(next.seg);
        condition = next.parser.parseExpression(0);
        next.parser.expectEnd();
      }
    }
  }

  /** ForTokenParser: for NAME in EXPR, a body, an optional else, endfor. */
  private forTag(seg: TagSegment, parser: Parser, name: Token): TemplatePart {
    const variable = parser.newVariableName().value;
    parser.expectWord('NAME', 'in');
    const iterable = parser.parseExpression(0);
    parser.expectEnd();
    const main = this.body(FOR_FORK);
    let next = this.closing(name, 'endfor', main.stoppedAt);
    let otherwise: { tag: TagMark; body: Body } | null = null;
    if (main.stoppedAt === 'else') {
      next.parser.expectEnd();
      const elseTag = this.mark(next.seg);
      const rest = this.body(ENDFOR);
      otherwise = { tag: elseTag, body: rest.parts };
      next = this.closing(name, 'endfor', rest.stoppedAt);
    }
    next.parser.expectEnd();
    return { kind: 'for', pos: name.pos, tag: this.mark(seg), variable, iterable, body: main.parts, otherwise, end: this.mark(next.seg) };
  }
}

const NOTHING: ReadonlySet<string> = new Set();
const IF_FORK: ReadonlySet<string> = new Set(['elseif', 'else', 'endif']);
const ENDIF: ReadonlySet<string> = new Set(['endif']);
const FOR_FORK: ReadonlySet<string> = new Set(['else', 'endfor']);
const ENDFOR: ReadonlySet<string> = new Set(['endfor']);

/** Parses template text; throws ExpressionError ('syntax' or 'limit'). Not cached: see template.ts. */
export function parseTemplateUncached(text: string): Template {
  if (text.length > MAX_TEMPLATE_LENGTH) {
    fail('limit', `Template longer than ${MAX_TEMPLATE_LENGTH} characters`, MAX_TEMPLATE_LENGTH);
  }
  return { text, parts: new TemplateParser(lexTemplate(text)).body(NOTHING).parts };
}
