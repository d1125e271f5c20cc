/** Static analysis: variables a template reads, and calls to unknown filters/functions/tests. */
import { childrenOf, expressionsOf, type Body, type Node, type Template } from './ast.js';
import { ExpressionError } from './errors.js';
import { FILTERS } from './filters.js';
import { FUNCTIONS } from './functions.js';
import { TESTS } from './predicates.js';

function walk(node: Node, visit: (n: Node) => boolean): void {
  if (!visit(node)) return;
  for (const child of childrenOf(node)) walk(child, visit);
}

/**
 * The dotted path an expression reads, `a.b` and `a['b']` (a key written as a string) alike:
 * ['a', 'b']; null when it is no such path (a computed key, a call, a literal).
 */
function pathRead(node: Node): string[] | null {
  if (node.kind === 'variable') return [node.name];
  const key = node.kind === 'attribute' ? node.name : node.kind === 'index' && node.key.kind === 'literal' && typeof node.key.value === 'string' ? node.key.value : undefined;
  if (key === undefined || !('object' in node)) return null;
  const base = pathRead(node.object);
  return base ? [...base, key] : null;
}

/**
 * Dotted paths of the variables read (`NewPhoneContact.DNIS`; `GET_CBID['httpResponseBody']` as
 * `GET_CBID.httpResponseBody`), deduplicated, in source order. A
 * name the template binds before it reads it (`set`, or a `for`'s variable and `loop` inside its
 * body) is the template's own, not a variable of the flow; after an `if`, only when every branch
 * set it (one set in a branch alone may never run), and after a `for`, never (its body's scope ends
 * with the loop; its else body runs only for an empty list).
 */
export function references(template: Template): string[] {
  const seen = new Set<string>();
  const read = (node: Node, bound: ReadonlySet<string>) =>
    walk(node, (n) => {
      const path = pathRead(n);
      if (!path) return true;
      if (!bound.has(path[0])) seen.add(path.join('.'));
      return false;
    });
  const body = (parts: Body, bound: Set<string>): void => {
    for (const part of parts) {
      switch (part.kind) {
        case 'print':
          read(part.expr, bound);
          break;
        case 'set':
          read(part.value, bound);
          bound.add(part.name);
          break;
        case 'if': {
          // Each branch binds in a copy: after the if, a name is the template's own only when every
          // branch, an else included, set it (a branch not taken leaves the flow's variable readable).
          const branches: Set<string>[] = [];
          for (const branch of part.branches) {
            read(branch.condition, bound);
            branches.push(new Set(bound));
            body(branch.body, branches.at(-1)!);
          }
          if (part.otherwise) {
            branches.push(new Set(bound));
            body(part.otherwise.body, branches.at(-1)!);
            for (const name of branches[0]!) if (branches.every((b) => b.has(name))) bound.add(name);
          }
          break;
        }
        case 'for':
          read(part.iterable, bound);
          body(part.body, new Set([...bound, part.variable, 'loop']));
          // The else body runs only for an empty list: what it sets is not the template's own after the loop.
          if (part.otherwise) body(part.otherwise.body, new Set(bound));
          break;
      }
    }
  };
  body(template.parts, new Set());
  return [...seen];
}

/** Filters, functions and tests that do not exist (each would fail when evaluated). */
export function unknownCallables(template: Template): ExpressionError[] {
  const problems: ExpressionError[] = [];
  for (const expr of expressionsOf(template.parts)) {
    walk(expr, (node) => {
      const [code, kind, known] =
        node.kind === 'filter'
          ? (['unknown-filter', 'filter', FILTERS] as const)
          : node.kind === 'call'
            ? (['unknown-function', 'function', FUNCTIONS] as const)
            : node.kind === 'test'
              ? (['unknown-test', 'test', TESTS] as const)
              : [null, null, null];
      if (code && 'name' in node && !known.has(node.name)) {
        problems.push(new ExpressionError(code, `Unknown ${kind} "${node.name}" at position ${node.pos}`, node.pos));
      }
      return true;
    });
  }
  return problems;
}
