/** Static analysis: variables a template reads, and calls to unknown filters/functions/tests. */
import { childrenOf, type Node, type Template } from './ast.js';
import { ExpressionError } from './errors.js';
import { staticPath } from './evaluate.js';
import { FILTERS } from './filters.js';
import { FUNCTIONS } from './functions.js';
import { TESTS } from './predicates.js';

function walk(node: Node, visit: (n: Node) => boolean): void {
  if (!visit(node)) return;
  for (const child of childrenOf(node)) walk(child, visit);
}

/** Dotted paths of the variables read (`NewPhoneContact.DNIS`), deduplicated, in source order. */
export function references(template: Template): string[] {
  const seen = new Set<string>();
  for (const part of template.parts) {
    if (part.kind !== 'print') continue;
    walk(part.expr, (node) => {
      const path = staticPath(node);
      if (!path) return true;
      seen.add(path.join('.'));
      return false;
    });
  }
  return [...seen];
}

/** Filters, functions and tests that do not exist (each would fail when evaluated). */
export function unknownCallables(template: Template): ExpressionError[] {
  const problems: ExpressionError[] = [];
  for (const part of template.parts) {
    if (part.kind !== 'print') continue;
    walk(part.expr, (node) => {
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
