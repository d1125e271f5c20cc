/** Expression tree. Every node has its 0-based offset in the template text and its tree depth. */

interface Base {
  readonly pos: number;
  readonly depth: number;
}

export interface Args {
  readonly positional: readonly Node[];
  readonly named: readonly { readonly name: string; readonly value: Node; readonly pos: number }[];
}

/** `'a'`, `"a"`, `12`, `12L`, `1.5`, `true`, `null`, `none` — `raw` is the source text. */
interface LiteralNode extends Base {
  readonly kind: 'literal';
  readonly value: unknown;
  readonly raw: string;
}
/** `"Hi #{name}!"`: string pieces (as written) and expressions. */
interface InterpolationNode extends Base {
  readonly kind: 'interpolation';
  readonly parts: readonly ({ readonly text: string; readonly raw: string } | Node)[];
}
interface VariableNode extends Base {
  readonly kind: 'variable';
  readonly name: string;
}
/** `object.name` (a map key, list index, or bean getter such as `.length`). */
interface AttributeNode extends Base {
  readonly kind: 'attribute';
  readonly object: Node;
  readonly name: string;
}
/** `object[key]` */
interface IndexNode extends Base {
  readonly kind: 'index';
  readonly object: Node;
  readonly key: Node;
}
/** `object.name(args)` — a Java method on the value (`.replace("-", "")`). */
interface MethodNode extends Base {
  readonly kind: 'method';
  readonly object: Node;
  readonly name: string;
  readonly args: readonly Node[];
}
interface CallNode extends Base {
  readonly kind: 'call';
  readonly name: string;
  readonly args: Args;
}
interface UnaryNode extends Base {
  readonly kind: 'unary';
  readonly op: 'not' | '-' | '+';
  readonly operand: Node;
}
/** The operators of a binary node (`|`, `is` and `is not` make filter and test nodes). */
export type BinaryOp = 'or' | 'and' | 'contains' | '==' | 'equals' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%' | '~' | '..';
interface BinaryNode extends Base {
  readonly kind: 'binary';
  readonly op: BinaryOp;
  readonly left: Node;
  readonly right: Node;
}
/** `input | name(args)`; `pos` is the filter name's offset. */
interface FilterNode extends Base {
  readonly kind: 'filter';
  readonly input: Node;
  readonly name: string;
  readonly args: Args | null;
}
/** `input is [not] name(args)`; `pos` is the test name's offset. */
interface TestNode extends Base {
  readonly kind: 'test';
  readonly input: Node;
  readonly name: string;
  readonly negated: boolean;
  readonly args: Args | null;
}
interface TernaryNode extends Base {
  readonly kind: 'ternary';
  readonly condition: Node;
  readonly then: Node;
  readonly otherwise: Node;
}
interface ListNode extends Base {
  readonly kind: 'list';
  readonly items: readonly Node[];
}
interface MapNode extends Base {
  readonly kind: 'map';
  readonly entries: readonly (readonly [Node, Node])[];
}

export type Node =
  | LiteralNode
  | InterpolationNode
  | VariableNode
  | AttributeNode
  | IndexNode
  | MethodNode
  | CallNode
  | UnaryNode
  | BinaryNode
  | FilterNode
  | TestNode
  | TernaryNode
  | ListNode
  | MapNode;

/** Where a `{% … %}` tag stands and its whitespace control (for normalizeTemplate). */
export interface TagMark {
  /** Offset of `{%`. */
  readonly pos: number;
  readonly trimLeft: boolean;
  readonly trimRight: boolean;
  /** The newline swallowed after `%}` ('' if none). */
  readonly newline: string;
}

/** The parts between two tags (or of the whole template). */
export type Body = readonly TemplatePart[];

/**
 * A parsed template: literal text (after whitespace control), `{{ }}` expressions, comments and
 * the tags Pebble's core parses (`if`, `for`, `set`; `verbatim` is text). `pos` of a tag is the
 * offset of its name, where its errors are reported.
 */
export type TemplatePart =
  | { readonly kind: 'text'; readonly pos: number; readonly raw: string; readonly value: string }
  | {
      readonly kind: 'print';
      readonly pos: number;
      readonly expr: Node;
      readonly trimLeft: boolean;
      readonly trimRight: boolean;
      readonly newline: string;
    }
  | { readonly kind: 'comment'; readonly pos: number; readonly raw: string }
  | {
      readonly kind: 'if';
      readonly pos: number;
      readonly branches: readonly { readonly tag: TagMark; readonly condition: Node; readonly body: Body }[];
      readonly otherwise: { readonly tag: TagMark; readonly body: Body } | null;
      readonly end: TagMark;
    }
  | {
      readonly kind: 'for';
      readonly pos: number;
      readonly tag: TagMark;
      readonly variable: string;
      readonly iterable: Node;
      readonly body: Body;
      readonly otherwise: { readonly tag: TagMark; readonly body: Body } | null;
      readonly end: TagMark;
    }
  | { readonly kind: 'set'; readonly pos: number; readonly tag: TagMark; readonly name: string; readonly value: Node };

export interface Template {
  readonly text: string;
  readonly parts: Body;
}

/** Every expression of a body, tags' included, in source order. */
export function expressionsOf(body: Body): Node[] {
  const out: Node[] = [];
  for (const part of body) {
    switch (part.kind) {
      case 'print':
        out.push(part.expr);
        break;
      case 'if':
        for (const branch of part.branches) out.push(branch.condition, ...expressionsOf(branch.body));
        if (part.otherwise) out.push(...expressionsOf(part.otherwise.body));
        break;
      case 'for':
        out.push(part.iterable, ...expressionsOf(part.body));
        if (part.otherwise) out.push(...expressionsOf(part.otherwise.body));
        break;
      case 'set':
        out.push(part.value);
        break;
    }
  }
  return out;
}

/** Binary operator precedences (Pebble CoreExtension); all left-associative. */
export const BINARY_PRECEDENCE: ReadonlyMap<string, number> = new Map([
  ['or', 10],
  ['and', 15],
  ['is', 20],
  ['is not', 20],
  ['contains', 20],
  ['==', 30],
  ['equals', 30],
  ['!=', 30],
  ['<', 30],
  ['>', 30],
  ['<=', 30],
  ['>=', 30],
  ['+', 40],
  ['-', 40],
  ['*', 60],
  ['/', 60],
  ['%', 60],
  ['|', 100],
  ['~', 110],
  ['..', 120],
]);

/** Unary `not`, `+`, `-` bind tighter than every binary operator (Pebble: 500). */
export const UNARY_PRECEDENCE = 500;

/** A node before its depth is computed. */
export type NodeInit = Node extends infer N ? (N extends Node ? Omit<N, 'depth'> : never) : never;

/** Child expressions in source order. */
export function childrenOf(n: NodeInit): Node[] {
  switch (n.kind) {
    case 'literal':
    case 'variable':
      return [];
    case 'interpolation':
      return n.parts.filter((p): p is Node => 'kind' in p);
    case 'attribute':
      return [n.object];
    case 'index':
      return [n.object, n.key];
    case 'method':
      return [n.object, ...n.args];
    case 'call':
      return argNodes(n.args);
    case 'unary':
      return [n.operand];
    case 'binary':
      return [n.left, n.right];
    case 'filter':
    case 'test':
      return [n.input, ...(n.args ? argNodes(n.args) : [])];
    case 'ternary':
      return [n.condition, n.then, n.otherwise];
    case 'list':
      return [...n.items];
    case 'map':
      return n.entries.flatMap(([k, v]) => [k, v]);
  }
}

function argNodes(args: Args): Node[] {
  return [...args.positional, ...args.named.map((a) => a.value)];
}

