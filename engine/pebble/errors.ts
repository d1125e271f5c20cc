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

/**
 * An error of a module that does not know where in the template it runs (a regular expression,
 * a date or number pattern, data nested too deep); `placing` makes it an ExpressionError there.
 */
export class UnplacedError extends Error {
  constructor(
    message: string,
    readonly code: 'type' | 'limit' = 'type',
  ) {
    super(message);
  }
}

/** Runs `run`; an UnplacedError it throws becomes an ExpressionError at `position`, `suffix` after its words. */
export function placing<T>(position: number, run: () => T, suffix = ''): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof UnplacedError) fail(e.code, `${e.message}${suffix}`, position);
    throw e;
  }
}
