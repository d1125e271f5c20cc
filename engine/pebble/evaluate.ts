/**
 * Tree-walking evaluator. Each node visit costs one step of the Context budget; filters and
 * operators that walk collections charge per element. Values are described in values.ts.
 */
import type { Args, Node } from './ast.js';
import type { Context } from './context.js';
import { UndefinedVariableError, fail } from './errors.js';
import { FILTERS } from './filters.js';
import { FUNCTIONS } from './functions.js';
import { bindArgs, type Callable, type Invocation } from './invocation.js';
import { callMethod, getAttribute } from './members.js';
import { add, arithmetic, compare, contains, equals, range, subtract, truthy } from './operators.js';
import { TESTS } from './predicates.js';
import { javaString } from './stringify.js';
import { PMap, SafeString, fromHost, isNumber, typeName } from './values.js';

/** `a.b.c` as ['a', 'b', 'c'] when the chain is only a variable and `.name` steps. */
export function staticPath(node: Node): string[] | null {
  if (node.kind === 'variable') return [node.name];
  if (node.kind === 'attribute') {
    const base = staticPath(node.object);
    return base ? [...base, node.name] : null;
  }
  return null;
}

function variable(name: string, pos: number, ctx: Context): unknown {
  const own = ctx.local(name);
  if (own) return own.value;
  if (ctx.scope.has(name)) return fromHost(ctx.scope.get(name));
  if (ctx.strict) {
    throw new UndefinedVariableError(`Variable "${name}" does not exist (strictVariables) at position ${pos}`, pos);
  }
  return null;
}

/** Evaluates, turning a strictVariables miss into null (for `default` and `is defined`). */
function lenient(node: Node, ctx: Context): unknown {
  try {
    return evaluate(node, ctx);
  } catch (e) {
    if (e instanceof UndefinedVariableError) return null;
    throw e;
  }
}

function bind(def: Callable<unknown>, args: Args | null, call: Invocation): Map<string, unknown> {
  const positional = (args?.positional ?? []).map((a) => evaluate(a, call.ctx));
  const named = (args?.named ?? []).map((a) => ({ name: a.name, value: evaluate(a.value, call.ctx) }));
  return bindArgs(def.args, positional, named, call);
}

function evaluateBinary(node: Extract<Node, { kind: 'binary' }>, ctx: Context): unknown {
  const { op, pos } = node;
  switch (op) {
    case 'or':
    case 'and': {
      const left = logical(node.left, ctx, op);
      if (op === 'or' ? left : !left) return left;
      return logical(node.right, ctx, op);
    }
    case 'contains': {
      const container = evaluate(node.left, ctx);
      if (container === null) return false;
      return contains(container, evaluate(node.right, ctx), ctx, pos);
    }
  }
  const left = evaluate(node.left, ctx);
  const right = evaluate(node.right, ctx);
  switch (op) {
    case '==':
    case 'equals':
      return equals(left, right);
    case '!=':
      return !equals(left, right);
    case '<':
    case '>':
    case '<=':
    case '>=':
      return compare(op, left, right, pos);
    case '+':
      return add(left, right, ctx, pos);
    case '-':
      return subtract(left, right, ctx, pos);
    case '*':
    case '/':
    case '%':
      return arithmetic(op, left, right, pos);
    case '~':
      return ctx.str(
        (left === null ? '' : javaString(left, ctx, pos)) + (right === null ? '' : javaString(right, ctx, pos)),
        pos,
      );
    case '..':
      return range(left, right, null, ctx, pos);
  }
}

function logical(node: Node, ctx: Context, op: string): boolean {
  const v = evaluate(node, ctx);
  if (v === null && ctx.strict) fail('type', `null value used in the "${op}" operator (strictVariables)`, node.pos);
  return truthy(v, node.pos, `the "${op}" operator`);
}

function evaluateUnary(node: Extract<Node, { kind: 'unary' }>, ctx: Context): unknown {
  const v = evaluate(node.operand, ctx);
  if (node.op !== 'not') return arithmetic('*', node.op === '-' ? -1 : 1, v, node.pos);
  if (v === null) {
    if (ctx.strict) fail('type', 'null value given to "not" (strictVariables)', node.pos);
    return true;
  }
  if (typeof v === 'boolean' || typeof v === 'string' || isNumber(v)) return !truthy(v, node.pos, '"not"');
  fail('type', `Unsupported value type ${typeName(v)} for "not"; expected Boolean, String or Number`, node.pos);
}

export function evaluate(node: Node, ctx: Context): unknown {
  ctx.tick(node.pos);
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'interpolation': {
      let out = '';
      for (const part of node.parts) {
        if ('kind' in part) {
          const v = evaluate(part, ctx);
          if (v !== null) out += javaString(v, ctx, part.pos);
        } else out += part.text;
        ctx.str(out, node.pos);
      }
      return out;
    }
    case 'variable':
      return variable(node.name, node.pos, ctx);
    case 'attribute': {
      const path = staticPath(node);
      if (path && !ctx.defines(path[0])) {
        const flat = path.join('.');
        if (ctx.scope.has(flat)) return fromHost(ctx.scope.get(flat));
      }
      return getAttribute(evaluate(node.object, ctx), node.name, ctx, node.pos);
    }
    case 'index': {
      const object = evaluate(node.object, ctx);
      return getAttribute(object, evaluate(node.key, ctx), ctx, node.pos);
    }
    case 'method': {
      const object = evaluate(node.object, ctx);
      const args = node.args.map((a) => evaluate(a, ctx));
      return callMethod(object, node.name, args, ctx, node.pos);
    }
    case 'call': {
      const def = FUNCTIONS.get(node.name);
      if (!def) fail('unknown-function', `Unknown function "${node.name}"`, node.pos);
      const call: Invocation = { ctx, pos: node.pos, name: node.name };
      return fromHost(def.apply(bind(def, node.args, call), call));
    }
    case 'unary':
      return evaluateUnary(node, ctx);
    case 'binary':
      return evaluateBinary(node, ctx);
    case 'filter': {
      const def = FILTERS.get(node.name);
      if (!def) fail('unknown-filter', `Unknown filter "${node.name}"`, node.pos);
      const call: Invocation = { ctx, pos: node.pos, name: node.name };
      const args = bind(def, node.args, call);
      const input = node.name === 'default' ? lenient(node.input, ctx) : evaluate(node.input, ctx);
      // Pebble's FilterExpression: every filter but escape reads a SafeString as its text
      const read = input instanceof SafeString && node.name !== 'escape' ? input.text : input;
      return fromHost(def.apply(read, args, call));
    }
    case 'test': {
      const def = TESTS.get(node.name);
      if (!def) fail('unknown-test', `Unknown test "${node.name}"`, node.pos);
      const call: Invocation = { ctx, pos: node.pos, name: node.name };
      const args = bind(def, node.args, call);
      const input = node.name === 'defined' ? lenient(node.input, ctx) : evaluate(node.input, ctx);
      const result = def.apply(input, args, call);
      return node.negated ? !result : result;
    }
    case 'ternary': {
      const condition = evaluate(node.condition, ctx);
      return truthy(condition, node.condition.pos, 'a "?:" condition')
        ? evaluate(node.then, ctx)
        : evaluate(node.otherwise, ctx);
    }
    case 'list':
      return node.items.map((item) => evaluate(item, ctx));
    case 'map': {
      // MapExpression: new HashMap<>(ceil(entries / 0.75)), so that the literal never makes it grow
      const map = PMap.hashMap(Math.ceil(node.entries.length / 0.75));
      for (const [k, v] of node.entries) map.set(evaluate(k, ctx), evaluate(v, ctx));
      return map;
    }
  }
}
