/** Pebble evaluation for activities: options applied once, expression errors become activity failures. */
import { evaluateTemplate, ExpressionError, hasExpression, renderTemplate, type EvalOptions, type Scope } from '../pebble/index.js';
import { ActivityError } from './errors.js';

const IDENTIFIER_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export class Expressions {
  constructor(private readonly options: EvalOptions) {}

  /** Text with every {{ }} rendered; text without {{ is returned as it is. */
  render(text: string, scope: Scope, field: string): string {
    if (!hasExpression(text)) return text;
    return this.guard(text, field, () => renderTemplate(text, scope, this.options));
  }

  /** Typed value when the text is exactly one {{ expr }}, else the rendered text. */
  evaluate(text: string, scope: Scope, field: string): unknown {
    if (!hasExpression(text)) return text;
    return this.guard(text, field, () => evaluateTemplate(text, scope, this.options));
  }

  private guard<T>(text: string, field: string, run: () => T): T {
    try {
      return run();
    } catch (error) {
      if (error instanceof ExpressionError) {
        throw new ActivityError(`expression error in ${field} ${JSON.stringify(clip(text))}: ${error.message}`);
      }
      throw error;
    }
  }
}

/**
 * "Set to variable" / "setToVariable" fields normally hold `{{name}}`; a bare `name` or
 * `Label.output` is read as that variable too.
 */
export function asVariableReference(text: string): string {
  const trimmed = text.trim();
  return !hasExpression(trimmed) && IDENTIFIER_PATH.test(trimmed) ? `{{${trimmed}}}` : text;
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
