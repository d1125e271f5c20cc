/** Rendering a template to text (its tags run as Pebble's IfNode, ForNode and SetNode), and evaluating a lone `{{ expr }}` to a typed value. */
import type { Body, Node, Template, TemplatePart } from './ast.js';
import { Context, type EvalOptions, type Scope } from './context.js';
import { zonedToString } from './datetime.js';
import { evaluate } from './evaluate.js';
import { javaString, renderValue } from './stringify.js';
import { fail, placing } from './errors.js';
import { truthy } from './operators.js';
import {
  PDate,
  PDouble,
  PMap,
  SafeString,
  checkDepth,
  fromHost,
  isList,
  isMap,
  javaDoubleToString,
  mapEntries,
} from './values.js';

export function render(template: Template, scope: Scope, options?: EvalOptions): string {
  const ctx = new Context(scope, options);
  const out = { text: '' };
  renderBody(template.parts, ctx, out);
  return out.text;
}

/** Appends what `body` renders to `out.text`. Every part costs a step, so loops are bounded by the budget. */
function renderBody(body: Body, ctx: Context, out: { text: string }): void {
  for (const part of body) {
    ctx.tick(part.pos);
    const text = renderPart(part, ctx, out);
    if (text !== '') {
      out.text += text;
      ctx.fits(out.text, part.pos);
    }
  }
}

/** The text of a text or print part; tags render into `out` themselves and give ''. */
function renderPart(part: TemplatePart, ctx: Context, out: { text: string }): string {
  switch (part.kind) {
    case 'text':
      return part.value;
    case 'comment':
      return '';
    case 'print':
      return placing(part.pos, () => renderValue(evaluate(part.expr, ctx), ctx, part.pos));
    case 'set':
      ctx.assign(part.name, placing(part.pos, () => evaluate(part.value, ctx)));
      return '';
    case 'if': {
      const branch = part.branches.find((b) => condition(b.condition, ctx));
      const body = branch?.body ?? part.otherwise?.body;
      if (body) renderBody(body, ctx, out);
      return '';
    }
    case 'for':
      renderFor(part, ctx, out);
      return '';
  }
}

/** IfNode: null is false (an error under strictVariables); booleans, numbers and texts convert; anything else is an error. */
function condition(node: Node, ctx: Context): boolean {
  const value = placing(node.pos, () => evaluate(node, ctx));
  if (value === null && ctx.strict) fail('type', 'null value given to if statement (strictVariables)', node.pos);
  return truthy(value, node.pos, 'an "if" condition');
}

/**
 * ForNode: a list's items or a map's entries (`.key`, `.value`), with `loop` (index from 0, first,
 * last, length, revindex); the else body when there are none; nothing at all for null. The loop's
 * scope lasts the whole loop: a name first set inside is gone after it.
 */
function renderFor(part: Extract<TemplatePart, { kind: 'for' }>, ctx: Context, out: { text: string }): void {
  const value = placing(part.iterable.pos, () => fromHost(evaluate(part.iterable, ctx)));
  if (value === null) return;
  let items: unknown[];
  if (isList(value)) items = value.map(fromHost);
  else if (isMap(value)) items = mapEntries(value).map(([key, item]) => entry(key, item));
  else fail('type', `Not an iterable object. Value = [${placing(part.iterable.pos, () => javaString(value, ctx, part.iterable.pos))}]`, part.iterable.pos);
  if (items.length === 0) {
    if (part.otherwise) renderBody(part.otherwise.body, ctx, out);
    return;
  }
  ctx.withFrame((frame) => {
    items.forEach((item, index) => {
      ctx.tick(part.pos);
      const loop = new PMap();
      loop.set('index', index);
      loop.set('first', index === 0);
      loop.set('last', index === items.length - 1);
      loop.set('length', items.length);
      loop.set('revindex', items.length - index - 1);
      frame.set('loop', loop);
      frame.set(part.variable, item);
      renderBody(part.body, ctx, out);
    });
  });
}

/** A Map.Entry as the loop sees it: `.key` and `.value`. */
function entry(key: unknown, value: unknown): PMap {
  const e = new PMap();
  e.set('key', key);
  e.set('value', value);
  return e;
}

/** A map key as an object property name. */
function keyName(k: unknown, ctx: Context, pos: number): string {
  const key = fromHost(k);
  if (typeof key === 'string') return key;
  if (key instanceof PDouble) return javaDoubleToString(key.value);
  return javaString(key, ctx, pos);
}

/** Engine value → plain JS: numbers, booleans, strings, arrays, plain objects, null; dates and SafeStrings as text. */
function toHost(v: unknown, ctx: Context, pos: number, depth = 0): unknown {
  checkDepth(depth);
  v = fromHost(v);
  if (v instanceof PDouble) return v.value;
  if (typeof v === 'bigint') return Number(v); // a Long beyond 2^53: plain JS has only doubles
  if (v instanceof PDate) return zonedToString(v);
  if (v instanceof SafeString) return v.text;
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

type PrintPart = Extract<TemplatePart, { kind: 'print' }>;

/** The single expression of a template that is exactly one `{{ }}` (up to whitespace), else null. */
function loneExpression(template: Template): PrintPart | null {
  const prints = template.parts.filter((p): p is PrintPart => p.kind === 'print');
  if (prints.length !== 1) return null;
  const onlyWhitespace = template.parts.every((p) => p.kind === 'print' || (p.kind === 'text' && p.raw.trim() === ''));
  return onlyWhitespace ? prints[0] : null;
}

export function evaluateTyped(template: Template, scope: Scope, options?: EvalOptions): unknown {
  const lone = loneExpression(template);
  if (!lone) return render(template, scope, options);
  const ctx = new Context(scope, options);
  return placing(lone.pos, () => toHost(evaluate(lone.expr, ctx), ctx, lone.pos));
}
