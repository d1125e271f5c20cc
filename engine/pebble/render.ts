/** Rendering a template to text, and evaluating a lone `{{ expr }}` to a typed value. */
import type { Template } from './ast.js';
import { Context, type EvalOptions, type Scope } from './context.js';
import { zonedToString } from './datetime.js';
import { evaluate } from './evaluate.js';
import { javaString, renderValue } from './stringify.js';
import { ExpressionError } from './errors.js';
import {
  DataDepthError,
  PDate,
  PDouble,
  checkDepth,
  fromHost,
  isList,
  isMap,
  javaDoubleToString,
  mapEntries,
} from './values.js';

/** Runs `fn`, turning a DataDepthError into ExpressionError('limit') at `pos`. */
function guarded<T>(pos: number, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof DataDepthError) throw new ExpressionError('limit', `${e.message} at position ${pos}`, pos);
    throw e;
  }
}

export function render(template: Template, scope: Scope, options?: EvalOptions): string {
  const ctx = new Context(scope, options);
  let out = '';
  for (const part of template.parts) {
    out += part.kind === 'text' ? part.value : guarded(part.pos, () => renderValue(evaluate(part.expr, ctx), ctx, part.pos));
    ctx.fits(out, part.pos);
  }
  return out;
}

/** A map key as an object property name. */
function keyName(k: unknown, ctx: Context, pos: number): string {
  const key = fromHost(k);
  if (typeof key === 'string') return key;
  if (key instanceof PDouble) return javaDoubleToString(key.value);
  return javaString(key, ctx, pos);
}

/** Engine value → plain JS: numbers, booleans, strings, arrays, plain objects, null; dates as text. */
function toHost(v: unknown, ctx: Context, pos: number, depth = 0): unknown {
  checkDepth(depth);
  v = fromHost(v);
  if (v instanceof PDouble) return v.value;
  if (typeof v === 'bigint') return Number(v); // a Long beyond 2^53: plain JS has only doubles
  if (v instanceof PDate) return zonedToString(v);
  if (isList(v)) {
    ctx.tick(pos, v.length);
    return v.map((item) => toHost(item, ctx, pos, depth + 1));
  }
  if (isMap(v)) {
    const entries = mapEntries(v);
    ctx.tick(pos, entries.length);
    return Object.fromEntries(entries.map(([k, item]) => [keyName(k, ctx, pos), toHost(item, ctx, pos, depth + 1)]));
  }
  return v;
}

/** The single expression of a template that is exactly one `{{ }}` (up to whitespace), else null. */
function loneExpression(template: Template) {
  const prints = template.parts.filter((p) => p.kind === 'print');
  if (prints.length !== 1) return null;
  const onlyWhitespace = template.parts.every((p) => p.kind === 'print' || p.raw.trim() === '');
  return onlyWhitespace ? prints[0] : null;
}

export function evaluateTyped(template: Template, scope: Scope, options?: EvalOptions): unknown {
  const lone = loneExpression(template);
  if (!lone || lone.kind !== 'print') return render(template, scope, options);
  const ctx = new Context(scope, options);
  return guarded(lone.pos, () => toHost(evaluate(lone.expr, ctx), ctx, lone.pos));
}
