/**
 * Precedence-climbing parser for Pebble expressions, after Pebble's ExpressionParser:
 * unary `not`/`+`/`-` (500) bind tighter than any binary operator, binary operators are
 * left-associative with the precedences in ast.ts, `|` takes a filter name and optional
 * arguments, `is`/`is not` a test name, and `a ? b : c` is parsed at the outermost level of an
 * expression (and of every parenthesised group or argument).
 */
import { ExpressionError, fail } from './errors.js';
import type { Args, Node, NodeInit, Template, TemplatePart } from './ast.js';
import { BINARY_PRECEDENCE, UNARY_PRECEDENCE, childrenOf } from './ast.js';
import { lexTemplate, type Token } from './lexer.js';
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
  private peek(): Token | undefined {
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
        expr = mk({ kind: 'binary', op: op.value, left: expr, right, pos: op.pos });
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
      return mk({ kind: 'literal', value: only.text, raw: start.raw, pos: start.pos });
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
      if (this.is('NAME') && next?.type === 'PUNCTUATION' && next.value === '=') {
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

/** Parses template text; throws ExpressionError ('syntax' or 'limit'). Not cached: see template.ts. */
export function parseTemplateUncached(text: string): Template {
  if (text.length > MAX_TEMPLATE_LENGTH) {
    fail('limit', `Template longer than ${MAX_TEMPLATE_LENGTH} characters`, MAX_TEMPLATE_LENGTH);
  }
  const parts: TemplatePart[] = lexTemplate(text).map((seg) => {
    if (seg.kind === 'text') return seg;
    const expr = new Parser(seg.tokens).parseWhole();
    return { kind: 'print', pos: seg.pos, expr, trimLeft: seg.trimLeft, trimRight: seg.trimRight, newline: seg.newline };
  });
  return { text, parts };
}
