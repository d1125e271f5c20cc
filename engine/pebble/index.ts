/**
 * Pebble expression engine for Flow Designer templates (`{{ … }}` in TTS, URLs, JSON bodies,
 * Set Variable values and Conditions). Pure TypeScript, no Node built-ins.
 * Semantics and every deliberate choice: docs/expressions.md.
 */
import type { Template } from './ast.js';
import type { EvalOptions, Scope } from './context.js';
import type { ExpressionError } from './errors.js';
import { normalize } from './normalize.js';
import { references, unknownCallables } from './references.js';
import { evaluateTyped, render } from './render.js';
import { parseOutcome, parseTemplate } from './template.js';

export { ExpressionError } from './errors.js';
export type { ExpressionErrorCode } from './errors.js';
export type { Template, TemplatePart, Node } from './ast.js';
export type { EvalOptions, Scope, StepBudget } from './context.js';

/** Parse a template (text with {{ }}); throws ExpressionError on syntax errors. Cached (template.ts). */
export { parseTemplate };

/** Render to a string (each {{ }} rendered and concatenated with the literal text). */
export function renderTemplate(text: string, scope: Scope, options?: EvalOptions): string {
  return render(parseTemplate(text), scope, options);
}

/** If `text.trim()` is exactly one {{ expr }}, return the typed value of expr (number, boolean, list, map, null, string); otherwise the rendered string. */
export function evaluateTemplate(text: string, scope: Scope, options?: EvalOptions): unknown {
  return evaluateTyped(parseTemplate(text), scope, options);
}

/** Names the template reads at top level and their dotted paths, e.g. ['NewPhoneContact.DNIS', 'outdialcbid'] (for static checks). Throws on syntax errors. */
export function referencedNames(text: string): string[] {
  return references(parseTemplate(text));
}

/**
 * Is the text a template: does it open a `{{ }}`, a tag `{% %}` or a comment `{# #}`? (An unclosed
 * delimiter counts, so that it reaches the parser.) Text without any is the same rendered or not.
 */
export function hasExpression(text: string): boolean {
  return /\{[{%#]/.test(text);
}

/** Canonical text of a template for comparison: whitespace inside {{ }} normalised (e.g. `{{ a|slice(2)  }}` and `{{a | slice(2)}}` give the same string). Throws on syntax errors. */
export function normalizeTemplate(text: string): string {
  const template = parseTemplate(text);
  let canonical = normalized.get(template);
  if (canonical === undefined) normalized.set(template, (canonical = normalize(template)));
  return canonical;
}

/**
 * Each parsed template's canonical text, kept as long as the parse cache keeps its tree: the checks
 * compare the same texts (the guide's among them) again for every flow.
 */
const normalized = new WeakMap<Template, string>();

/**
 * Static problems without evaluating: the syntax error, or every call to a filter, function or
 * test that does not exist (Pebble only reports those when the expression runs). [] when clean.
 */
export function lintTemplate(text: string): ExpressionError[] {
  const parsed = parseOutcome(text);
  return 'error' in parsed ? [parsed.error] : unknownCallables(parsed.template);
}
