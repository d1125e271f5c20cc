/**
 * What a simulated run produces: a Debug-tool-like trace. JSON-serialisable and deterministic
 * (clock and generated ids are injected).
 */

export interface HttpExchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  /** HTTP status, or null when no response came (blocked/unmocked, timeout). */
  status: number | null;
  responseBody?: string;
  /** Set when no mock answered the request: it was blocked, never sent. */
  unmocked?: boolean;
  /** Set when the mock simulated a timeout. */
  timedOut?: boolean;
}

export interface TraceEntry {
  /** 'main' or the event flow's UI name (`OnGlobalError`, …). */
  flow: string;
  activity: string;
  activityId: string;
  type: string;
  /**
   * Exit taken, 'error' when the activity failed, 'end' for terminal activities.
   * The simulator also uses 'connected' (Queue Contact with an agent available: the caller is
   * handed to the agent and the flow stops there) and 'not-simulated' (the activity that stopped
   * a run with status 'not-simulated'). See docs/simulator.md.
   */
  outcome: string;
  /** The exit taken as its port on the canvas names it, where the key does not say it: a Case's match value (`AMD` for `0`), its Default. */
  outcomeLabel?: string;
  error?: string;
  /**
   * With `error`, when the failure is one setting's: that setting, by its label in Flow Designer's
   * panel. The HTTP Request names it (engine/simulator/http.ts HTTP_SETTINGS): `Method`,
   * `Connector`, `Request URL`, `Request Path`, `Query Parameters`, `Request Headers`,
   * `Content Type`, `Request Body` or `Parsing Settings`.
   */
  failedSetting?: string;
  /** With `error`, when the failure is about one flow variable: its name, and why (FailedVariable). */
  failedVariable?: FailedVariable;
  /** Variables this activity changed: name → new value (activity outputs use `Label.output`). */
  modifiedVariables: Record<string, unknown>;
  prompts?: string[];
  http?: HttpExchange;
}

export type RunStatus =
  /** The main flow (and any handler it triggered) ended normally. */
  | 'completed'
  /** An activity failed and no handler/exit took it; or a handler failed. */
  | 'error'
  /** Loop or step limit reached. */
  | 'stuck'
  /** An activity type the simulator does not know. */
  | 'not-simulated'
  /**
   * A bug of ours surfaced while running an activity (the summary says `simulator failure`):
   * the run says nothing about the flow, so the checks judging it are errored, not failed.
   */
  | 'internal-error';

export interface SimulationResult {
  status: RunStatus;
  /** One line on how the run ended (`ended at EndFlow_kid`, `stuck in a loop at Music`, …). */
  summary: string;
  trace: TraceEntry[];
  /** Final values of all variables (flow variables and activity outputs). */
  variables: Record<string, unknown>;
  /** True when OnGlobalError ran. */
  globalErrorRaised: boolean;
  /** Whether the caller is still connected at the end. */
  callerConnected: boolean;
  /** Callbacks registered by Callback activities, in order (optional; the simulator always sets it). */
  callbacks?: CallbackRecord[];
  /** True when the run ended with the caller queued and no agent (e.g. a hold-music loop). Optional. */
  inQueue?: boolean;
  /**
   * A `stuck` run whose loop holds a menu or collect digits activity the caller never answered
   * (No-Input Timeout each time): its label. Optional.
   */
  unanswered?: string;
}

/** A callback registered by the main flow's Callback activity (not a Tasks API request). */
export interface CallbackRecord {
  /** Generated id (the simulator's injected `newId`). */
  id: string;
  /** Label of the Callback activity. */
  activity: string;
  /** Rendered Callback Dial Number. */
  dialNumber: string;
  /** Rendered callback ANI ('' when none is configured). */
  ani: string;
  /** Rendered callback queue id ('' when none). */
  queue: string;
}

/**
 * The flow variable a failure is about, and why: `undeclared`, a variable the flow does not declare
 * (a Set Variable row, a Parsing Settings row writing it); `type`, a value its declared type cannot
 * hold. The trace entry keeps it as `failedVariable`: a check reads it there, never in the
 * wording of `error`.
 */
export interface FailedVariable {
  name: string;
  problem: 'undeclared' | 'type';
}
