/**
 * The one error type of the Pebble engine. Every failure (syntax, unknown filter, type problem,
 * resource limit) is an ExpressionError with a code and the 0-based offset in the template text.
 */

export type ExpressionErrorCode =
  | 'syntax'
  | 'unknown-filter'
  | 'unknown-function'
  | 'unknown-test'
  | 'type'
  | 'limit'
  /** The steps shared by many evaluations (EvalOptions.budget) are spent. */
  | 'budget';

export class ExpressionError extends Error {
  readonly code: ExpressionErrorCode;
  readonly position: number;

  constructor(code: ExpressionErrorCode, message: string, position: number) {
    super(message);
    this.name = 'ExpressionError';
    this.code = code;
    this.position = position;
  }
}

/**
 * A missing variable or attribute under `strictVariables` (code 'type'). A subclass so that
 * `default` and `is defined` can swallow it, as Pebble does for AttributeNotFoundException.
 */
export class UndefinedVariableError extends ExpressionError {
  constructor(message: string, position: number) {
    super('type', message, position);
    this.name = 'ExpressionError';
  }
}

/** Builds the standard message: "<what> at position N". */
export function fail(code: ExpressionErrorCode, what: string, position: number): never {
  throw new ExpressionError(code, `${what} at position ${position}`, position);
}
