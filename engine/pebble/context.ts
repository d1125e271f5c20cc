/**
 * Per-evaluation state: scope, the template's own variables (`set`, `for`), options, and the
 * step/size budget that bounds all work.
 */
import { fail } from './errors.js';
import { DEFAULT_MAX_STEPS, MAX_LIST_LENGTH, MAX_STRING_LENGTH } from './limits.js';
import { resolveZone, type Zone } from './timezone.js';
import { UTC } from './datetime.js';

export type Scope = ReadonlyMap<string, unknown>;

export interface EvalOptions {
  /** Clock for `now()` (default: the real clock). Inject one for deterministic results. */
  now?: () => Date;
  /** Pebble strictVariables: unknown variables/attributes are errors instead of null (default false). */
  strictVariables?: boolean;
  /** Evaluation step budget (default 100 000); exceeding it is a 'limit' error. */
  maxSteps?: number;
  /** Zone for dates without one (the JVM default zone in Pebble); default 'UTC'. */
  timeZone?: string;
  /**
   * Steps left to a caller that bounds many evaluations together (a simulated call): each step of
   * this evaluation is also taken from it, and once it is spent the evaluation fails ('budget').
   */
  budget?: StepBudget;
}

/** Steps shared by many evaluations (EvalOptions.budget). */
export interface StepBudget {
  left: number;
}

export class Context {
  readonly strict: boolean;
  readonly maxSteps: number;
  readonly zone: Zone;
  private readonly clock: () => Date;
  private readonly budget: StepBudget | undefined;
  private steps = 0;
  /**
   * Pebble's ScopeChain above the caller's scope, innermost last: the template's own scope, then
   * one per running `for`. The caller's scope is never written: a `set` of one of its names
   * shadows it for the rest of the render.
   */
  private readonly frames: Map<string, unknown>[] = [new Map()];

  constructor(
    readonly scope: Scope,
    options: EvalOptions = {},
  ) {
    this.strict = options.strictVariables ?? false;
    this.maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
    this.zone = (options.timeZone !== undefined ? resolveZone(options.timeZone) : null) ?? UTC;
    this.clock = options.now ?? (() => new Date());
    this.budget = options.budget;
  }

  /** Is `name` a variable (the template's own or the scope's)? */
  defines(name: string): boolean {
    return this.frames.some((f) => f.has(name)) || this.scope.has(name);
  }

  /** The template's own variable `name` ({ value }), innermost first; undefined when it has none. */
  local(name: string): { value: unknown } | undefined {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      if (this.frames[i].has(name)) return { value: this.frames[i].get(name) };
    }
    return undefined;
  }

  /** ScopeChain.set: where the name already is, else (as Pebble writes the caller's map) the template's scope when the caller has it, else the innermost. */
  assign(name: string, value: unknown): void {
    const frame =
      [...this.frames].reverse().find((f) => f.has(name)) ??
      (this.scope.has(name) ? this.frames[0] : this.frames[this.frames.length - 1]);
    frame.set(name, value);
  }

  /** Runs `body` with a new innermost scope (a `for` loop's), which it fills. */
  withFrame<T>(body: (frame: Map<string, unknown>) => T): T {
    const frame = new Map<string, unknown>();
    this.frames.push(frame);
    try {
      return body(frame);
    } finally {
      this.frames.pop();
    }
  }

  /** Counts work; throws 'limit' when the budget is spent, 'budget' when the shared one is. */
  tick(pos: number, n = 1): void {
    this.steps += n;
    if (this.steps > this.maxSteps) fail('limit', `Evaluation exceeded ${this.maxSteps} steps`, pos);
    if (this.budget !== undefined && (this.budget.left -= n) < 0) fail('budget', 'Evaluation exceeded the steps it shares with other evaluations', pos);
  }

  /** Epoch millis of the injected clock. */
  nowMillis(): number {
    const t = this.clock().getTime();
    return Number.isFinite(t) ? t : 0;
  }

  /**
   * Enforces the string size limit on a produced string, and charges its making to the step
   * budget (a step per 64 characters): one step for a 250,000-character `urlencode` would let a
   * template repeat it hundreds of times.
   */
  str(s: string, pos: number): string {
    this.fits(s, pos);
    this.tick(pos, Math.ceil(s.length / 64));
    return s;
  }

  /** Enforces the string size limit only (the rendered output as it grows: its parts were charged). */
  fits(s: string, pos: number): void {
    if (s.length > MAX_STRING_LENGTH) fail('limit', `String longer than ${MAX_STRING_LENGTH} characters`, pos);
  }

  /** Enforces the list size limit before producing a list of `n` items. */
  listSize(n: number, pos: number): void {
    if (n > MAX_LIST_LENGTH) fail('limit', `List longer than ${MAX_LIST_LENGTH} items`, pos);
  }
}
