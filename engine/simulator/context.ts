/** What an activity handler gets to work with, and what it returns. */
import type { Activity } from '../model.js';
import type { CallbackRecord, HttpExchange } from '../trace.js';
import type { Expressions } from './expressions.js';
import type { Scenario, SimulatorServices } from './types.js';
import type { VariableStore } from './variables.js';
import { MAX_JSONPATH_WORK } from './jsonpath-limits.js';

/** State of the call that outlives one activity. */
export class CallState {
  /** The caller is still on the line. */
  callerConnected = true;
  /** A Queue Contact put the caller in queue (no agent available). */
  queued = false;
  callbacks: CallbackRecord[] = [];
  /**
   * Steps the JSONPath queries of parse settings may still take in this call (parse-settings.ts):
   * a budget for the call, not per query, as a flow may query on each of its hundreds of steps.
   */
  jsonPathWorkLeft = MAX_JSONPATH_WORK;
  private dtmfVisits = new Map<string, number>();
  private idsGiven = 0;

  /** `customId`: the caller's id generator; by default ids count `sim-id-1`, `sim-id-2`, … */
  constructor(
    private readonly scenario: Scenario,
    private readonly customId?: () => string,
  ) {}

  /** A new id (callback records). */
  newId(): string {
    this.idsGiven += 1;
    return this.customId ? this.customId() : `sim-id-${this.idsGiven}`;
  }

  /** An independent copy, as the call stands now. */
  clone(): CallState {
    const copy = new CallState(this.scenario, this.customId);
    copy.callerConnected = this.callerConnected;
    copy.queued = this.queued;
    copy.callbacks = [...this.callbacks];
    copy.jsonPathWorkLeft = this.jsonPathWorkLeft;
    copy.dtmfVisits = new Map(this.dtmfVisits);
    copy.idsGiven = this.idsGiven;
    return copy;
  }

  /**
   * The caller's DTMF answer for this visit of the menu labelled `label`, or undefined for no
   * input: a string answers every visit, a list answers successive visits and then runs dry.
   */
  nextAnswer(label: string): string | undefined {
    const dtmf = this.scenario.dtmf;
    if (!dtmf || !Object.hasOwn(dtmf, label)) return undefined;
    const answer = Object.getOwnPropertyDescriptor(dtmf, label)?.value as unknown;
    const visit = this.dtmfVisits.get(label) ?? 0;
    this.dtmfVisits.set(label, visit + 1);
    if (typeof answer === 'string') return answer;
    if (Array.isArray(answer)) {
      const item: unknown = answer[visit];
      return typeof item === 'string' ? item : undefined;
    }
    return undefined;
  }
}

export interface ActivityRun {
  activity: Activity;
  /** 'main' or the event flow's UI name (`OnGlobalError`). */
  flow: string;
  /** True inside an event-flow handler. */
  inHandler: boolean;
  vars: VariableStore;
  expr: Expressions;
  scenario: Scenario;
  services: SimulatorServices;
  call: CallState;
  /** Adds rendered prompts to the trace entry. */
  prompts(list: string[]): void;
  /** Records the HTTP exchange on the trace entry. */
  http(exchange: HttpExchange): void;
}

export type ActivityOutcome =
  /** Leave by this exit (whether or not it is linked). */
  | { kind: 'exit'; exit: string }
  /** The flow stops here (terminal activity, or the caller handed to an agent). */
  | { kind: 'end'; summary: string; outcome?: string; callerConnected?: boolean };

export type ActivityHandler = (run: ActivityRun) => ActivityOutcome | Promise<ActivityOutcome>;

export const exit = (name: string): ActivityOutcome => ({ kind: 'exit', exit: name });
