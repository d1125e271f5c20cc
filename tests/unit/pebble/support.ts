/** Helpers for the Pebble engine tests. */
import {
  ExpressionError,
  evaluateTemplate,
  renderTemplate,
  type EvalOptions,
} from '../../../engine/pebble/index.js';

/** Fixed clock: 2025-02-06T21:09:02.712Z (a Thursday), the instant of the WxCC cheat sheet. */
export const CLOCK_MILLIS = Date.UTC(2025, 1, 6, 21, 9, 2, 712);
export const clock = (): Date => new Date(CLOCK_MILLIS);

export function scopeOf(vars: Record<string, unknown> = {}): Map<string, unknown> {
  return new Map(Object.entries(vars));
}

export function evaluate(text: string, vars: Record<string, unknown> = {}, options: EvalOptions = {}): unknown {
  return evaluateTemplate(text, scopeOf(vars), { now: clock, ...options });
}

export function render(text: string, vars: Record<string, unknown> = {}, options: EvalOptions = {}): string {
  return renderTemplate(text, scopeOf(vars), { now: clock, ...options });
}

/** The ExpressionError thrown by `run`, or a test failure if none (or another error) is thrown. */
export function errorOf(run: () => unknown): ExpressionError {
  try {
    run();
  } catch (e) {
    if (e instanceof ExpressionError) return e;
    throw new Error(`expected an ExpressionError, got ${String(e)}`);
  }
  throw new Error('expected an ExpressionError, nothing was thrown');
}
