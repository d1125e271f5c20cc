/**
 * Canonical text of a template: literal text unchanged; each expression re-printed from its tree
 * with single spaces around binary operators and `|`, `, ` between arguments, no spaces inside
 * brackets, and only the parentheses the precedences need. Literals keep their source spelling.
 * Tags are re-printed the same way (`{% if expr %}`, `{% for x in expr %}`, `{% set x = expr %}`),
 * with their whitespace control; comments and verbatim text stay as written.
 */
import type { Args, Body, Node, TagMark, Template } from './ast.js';
import { BINARY_PRECEDENCE, UNARY_PRECEDENCE } from './ast.js';

const PRIMARY = 1000;

/** How tightly the node binds as an operand. */
function strength(node: Node): number {
  switch (node.kind) {
    case 'binary':
      return BINARY_PRECEDENCE.get(node.op)!;
    case 'filter':
      return 100;
    case 'test':
      return 20;
    case 'ternary':
      return -1;
    case 'unary':
      return UNARY_PRECEDENCE;
    default:
      return PRIMARY;
  }
}

function wrap(node: Node, needsParens: boolean): string {
  return needsParens ? `(${print(node)})` : print(node);
}

/** Objects of `.name`, `[key]`, `.m()` must be primaries; list/map literals take no postfix. */
function postfixObject(node: Node): string {
  return wrap(node, strength(node) < PRIMARY || node.kind === 'list' || node.kind === 'map');
}

function printArgs(args: Args | null): string {
  if (!args) return '';
  const all = [...args.positional.map(print), ...args.named.map((a) => `${a.name}=${print(a.value)}`)];
  return `(${all.join(', ')})`;
}

function print(node: Node): string {
  switch (node.kind) {
    case 'literal':
      return node.raw;
    case 'interpolation':
      return `"${node.parts.map((p) => ('kind' in p ? `#{${print(p)}}` : p.raw)).join('')}"`;
    case 'variable':
      return node.name;
    case 'attribute':
      return `${postfixObject(node.object)}.${node.name}`;
    case 'index':
      return `${postfixObject(node.object)}[${print(node.key)}]`;
    case 'method':
      return `${postfixObject(node.object)}.${node.name}(${node.args.map(print).join(', ')})`;
    case 'call':
      return `${node.name}${printArgs(node.args)}`;
    case 'unary': {
      const operand = wrap(node.operand, strength(node.operand) < UNARY_PRECEDENCE);
      return node.op === 'not' ? `not ${operand}` : `${node.op}${operand}`;
    }
    case 'binary': {
      const p = strength(node);
      return `${wrap(node.left, strength(node.left) < p)} ${node.op} ${wrap(node.right, strength(node.right) <= p)}`;
    }
    case 'filter':
      return `${wrap(node.input, strength(node.input) < 100)} | ${node.name}${printArgs(node.args)}`;
    case 'test':
      return `${wrap(node.input, strength(node.input) < 20)} ${node.negated ? 'is not' : 'is'} ${node.name}${printArgs(node.args)}`;
    case 'ternary':
      return `${wrap(node.condition, node.condition.kind === 'ternary')} ? ${print(node.then)} : ${print(node.otherwise)}`;
    case 'list':
      return `[${node.items.map(print).join(', ')}]`;
    case 'map':
      return `{${node.entries.map(([k, v]) => `${print(k)}: ${print(v)}`).join(', ')}}`;
  }
}

/** `{% head %}` with the tag's whitespace control and swallowed newline. */
function tag(mark: TagMark, head: string): string {
  return `{%${mark.trimLeft ? '- ' : ' '}${head}${mark.trimRight ? ' -' : ' '}%}${mark.newline}`;
}

function printBody(body: Body): string {
  return body
    .map((part) => {
      switch (part.kind) {
        case 'text':
        case 'comment':
          return part.raw;
        case 'print':
          return `{{${part.trimLeft ? '- ' : ' '}${print(part.expr)}${part.trimRight ? ' -' : ' '}}}${part.newline}`;
        case 'set':
          return tag(part.tag, `set ${part.name} = ${print(part.value)}`);
        case 'if':
          return [
            ...part.branches.map((b, i) => tag(b.tag, `${i === 0 ? 'if' : 'elseif'} ${print(b.condition)}`) + printBody(b.body)),
            part.otherwise ? tag(part.otherwise.tag, 'else') + printBody(part.otherwise.body) : '',
            tag(part.end, 'endif'),
          ].join('');
        case 'for':
          return [
            tag(part.tag, `for ${part.variable} in ${print(part.iterable)}`) + printBody(part.body),
            part.otherwise ? tag(part.otherwise.tag, 'else') + printBody(part.otherwise.body) : '',
            tag(part.end, 'endfor'),
          ].join('');
      }
    })
    .join('');
}

export function normalize(template: Template): string {
  return printBody(template.parts);
}
