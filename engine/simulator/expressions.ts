/** Pebble evaluation for activities: options applied once, expression errors become activity failures. */
import { evaluateTemplate, ExpressionError, hasExpression, renderTemplate, type EvalOptions, type Scope, type StepBudget } from '../pebble/index.js';
import { clipWithDots } from '../clip.js';
import { ActivityError, NotSimulatedError } from './errors.js';

/**
 * Steps the expressions of one simulated call take together, for each activity run the call may
 * make (`maxSteps`: 1,000,000 for the default 500, ten evaluations spending all of their own
 * 100,000). Each evaluation is bounded, but a flow decides how many a call makes: a Set Variable
 * of 2,000 rows each urlencoding a 100,000-character variable took 12 s per visit, and an export
 * of 20 MB holds 90,000 such rows; the whole budget spent on urlencode, the dearest step, takes
 * under 0.1 s. A real flow's call takes a few hundred steps.
 */
export const EXPRESSION_STEPS_PER_ACTIVITY = 2_000;

/** The steps left to a simulated call's expressions, of `total`. */
interface CallBudget extends StepBudget {
  readonly total: number;
}

/** A new call's budget, for calls of at most `maxSteps` activity runs. */
export function callBudget(maxSteps: number): CallBudget {
  const total = maxSteps * EXPRESSION_STEPS_PER_ACTIVITY;
  return { total, left: total };
}

const IDENTIFIER_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export class Expressions {
  private readonly options: EvalOptions;

  /**
   * `budget`: the steps left to the simulated call these evaluations are made for (callBudget);
   * none, each evaluation is bounded alone.
   */
  constructor(
    options: EvalOptions,
    private readonly budget?: CallBudget,
  ) {
    this.options = { ...options, budget };
  }

  /**
   * The same evaluations for a copy of the call (PausedSimulation.fork), with what is left of the
   * budget now: each copy spends its own, so a copy's outcome never depends on another's.
   */
  fork(): Expressions {
    return new Expressions(this.options, this.budget && { ...this.budget });
  }

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
      if (error instanceof ExpressionError && error.code === 'budget' && this.budget) {
        const { total } = this.budget;
        throw new NotSimulatedError(
          `the expressions of one call take more than ${total} steps together (${EXPRESSION_STEPS_PER_ACTIVITY} for each of the ${total / EXPRESSION_STEPS_PER_ACTIVITY} activity runs it may make), which the simulator does not go beyond; at ${field} ${JSON.stringify(clipWithDots(text, 120))}`,
        );
      }
      if (error instanceof ExpressionError) {
        throw new ActivityError(`expression error in ${field} ${JSON.stringify(clipWithDots(text, 120))}: ${error.message}`);
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
