/**
 * Flow simulator: runs a flow model for one scenario (what the caller presses, whether agents are
 * free, business hours) against mocked services, and returns a Debug-tool-like trace.
 * Pure TypeScript (no Node built-ins); deterministic for an injected clock and id generator.
 * Semantics and every choice made where the references are unsure: docs/simulator.md.
 */
import { activityById } from '../graph.js';
import type { EventHandler, FlowModel } from '../model.js';
import type { RunStatus, SimulationResult, TraceEntry } from '../trace.js';
import { CallState } from './context.js';
import { callBudget, Expressions } from './expressions.js';
import type { Scenario, SimulationOptions, SimulatorServices } from './types.js';
import { VariableStore } from './variables.js';
import { walk, type RunContext, type WalkEnd } from './walk.js';
import { messageOf } from '../error-message.js';
import { firstFew } from '../word-list.js';

export type { BusinessHoursState, CallbackRecord, ContactData, Scenario, SimulationOptions, SimulatorServices } from './types.js';
export type { SimulationResult, TraceEntry, HttpExchange, RunStatus } from '../trace.js';
export { DEFAULT_CONTACT } from './activities/routing.js';
export { simulatedTypes } from './activities/index.js';

const DEFAULT_NOW = '2025-01-01T00:00:00.000Z';
export const DEFAULT_MAX_STEPS = 500;
export const DEFAULT_MAX_VISITS_PER_ACTIVITY = 25;

/** The event handler run on an unhandled activity error. */
const GLOBAL_ERROR = 'GlobalErrorHandling';

export async function simulate(model: FlowModel, scenario: Scenario, options: SimulationOptions): Promise<SimulationResult> {
  return (await simulateMainFlow(model, scenario, options)).finish();
}

/**
 * A simulation paused where the main flow stopped, before OnGlobalError runs (if it does).
 * `fork` copies it for other services: runs of one scenario whose services answer alike until
 * then (the same requests, the same answers) share the main flow's work and differ only after it.
 */
export interface PausedSimulation {
  /**
   * An independent copy that goes on with `services`. Only before `finish`. A caller's own `newId`
   * or `now` is shared, not copied: its ids and times follow the order the copies run in.
   */
  fork(services: SimulatorServices): PausedSimulation;
  /** Runs the rest; once. */
  finish(): Promise<SimulationResult>;
}

/** Runs the main flow of `scenario` and pauses there (see PausedSimulation). */
export async function simulateMainFlow(model: FlowModel, scenario: Scenario, options: SimulationOptions): Promise<PausedSimulation> {
  const ctx = createContext(model, scenario, options);
  let main: WalkEnd | Outcome;
  try {
    const start = model.main.start;
    main = start === undefined ? { status: 'error', summary: 'the flow has no start activity' } : await walk(ctx, model.main, start, 'main');
  } catch (error) {
    main = internalError(error);
  }
  return paused(model, ctx, options, main);
}

function paused(model: FlowModel, ctx: RunContext, options: SimulationOptions, main: WalkEnd | Outcome): PausedSimulation {
  let finished = false;
  return {
    fork(services) {
      if (finished) throw new Error('fork() after finish(): a simulation is copied only before it finishes');
      const copy: RunContext = { ...ctx, services, expr: ctx.expr.fork(), vars: ctx.vars.clone(), call: ctx.call.clone(), trace: [...ctx.trace], visits: new Map(ctx.visits) };
      return paused(model, copy, options, main);
    },
    async finish() {
      if (finished) throw new Error('finish() twice: a simulation finishes once');
      finished = true;
      let outcome: Outcome;
      try {
        outcome = 'status' in main ? main : await afterMainFlow(model, ctx, options, main);
      } catch (error) {
        outcome = internalError(error);
      }
      return {
        status: outcome.status,
        summary: outcome.summary + subflowsTakenToReturn(ctx.trace) + eventFlowsNotRun(model, outcome, ctx.call.callerConnected) + inputsNotGiven(model, ctx, outcome),
        trace: ctx.trace,
        variables: ctx.vars.snapshot(),
        globalErrorRaised: outcome.globalErrorRaised ?? false,
        callerConnected: ctx.call.callerConnected,
        callbacks: [...ctx.call.callbacks],
        inQueue: ctx.call.queued && ctx.call.callerConnected && !outcome.connected,
        ...(outcome.unanswered === undefined ? {} : { unanswered: outcome.unanswered }),
      };
    },
  };
}

interface Outcome {
  status: RunStatus;
  summary: string;
  globalErrorRaised?: boolean;
  /** The run ended with the caller handed to an agent. */
  connected?: boolean;
  /** A stuck run: the menu or collect digits of its loop the caller never answered. */
  unanswered?: string;
}

function internalError(error: unknown): Outcome {
  return { status: 'internal-error', summary: `simulator failure: ${messageOf(error)}` };
}

function createContext(model: FlowModel, scenario: Scenario, options: SimulationOptions): RunContext {
  const fixedNow = Date.parse(DEFAULT_NOW);
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  return {
    vars: new VariableStore(model.variables, options.contactFieldsIgnoreCase ?? true),
    expr: new Expressions({ now: options.now ?? (() => new Date(fixedNow)) }, callBudget(maxSteps)),
    scenario,
    services: options.services,
    call: new CallState(scenario, options.newId),
    trace: [],
    maxSteps,
    maxVisitsPerActivity: options.maxVisitsPerActivity ?? DEFAULT_MAX_VISITS_PER_ACTIVITY,
    steps: 0,
    visits: new Map(),
  };
}

/** After the main flow: its outcome, or, when an activity failed with no error exit, OnGlobalError. */
async function afterMainFlow(model: FlowModel, ctx: RunContext, options: SimulationOptions, main: WalkEnd): Promise<Outcome> {
  if (main.kind !== 'error') return fromWalk(main, ctx);

  // An activity failed with no error exit: the main flow stops and OnGlobalError runs.
  const failed = `${main.activity.label} failed: ${main.message}`;
  const handler = model.handlers.find((h) => h.name === GLOBAL_ERROR) ?? model.handlers.find((h) => h.display === 'OnGlobalError');
  if (!handler) {
    // A subflow cannot have one (its export has no event flows); a flow could, and has none.
    const subflow = model.flowType === 'SUBFLOW';
    // A flow's unhandled error ends the call as OnGlobalError's does (the lab's caller is "disconnected due to an
    // undefined error"); a subflow's goes back to its calling flow, not in this export: nothing here hung up.
    // callerConnectedInErrorHandler is about a handler that runs, and none does: it changes neither.
    if (!subflow) ctx.call.callerConnected = false;
    const none = subflow ? 'a subflow has no event flows of its own, so no OnGlobalError handler runs' : 'the flow has no OnGlobalError handler';
    return { status: 'error', summary: `${failed}; ${none}`, globalErrorRaised: false };
  }
  if (!options.callerConnectedInErrorHandler) ctx.call.callerConnected = false;

  const flow = handler.display || 'OnGlobalError';
  const node = activityById(model.events, handler.nodeId);
  ctx.trace.push({
    flow,
    activity: node?.label ?? handler.name,
    activityId: handler.nodeId,
    type: node?.type ?? 'event',
    outcome: 'out',
    modifiedVariables: {},
  });
  const target = handlerTarget(handler, node?.exits);
  const raised = `global error at ${main.activity.label}`;
  if (target === undefined) return { status: 'completed', summary: `${raised}; ${flow} is not linked, so it ends`, globalErrorRaised: true };

  const inHandler = await walk(ctx, model.events, target, flow);
  if (inHandler.kind === 'error') {
    return {
      status: 'error',
      summary: `${raised}; ${flow} failed at ${inHandler.activity.label}: ${inHandler.message}`,
      globalErrorRaised: true,
    };
  }
  const outcome = fromWalk(inHandler, ctx);
  return { ...outcome, summary: `${raised}; ${outcome.summary}`, globalErrorRaised: true };
}

/**
 * Events a call raises as it ends (flow-format.md §5; semantics §3): an agent connected raises
 * AgentOffered and AgentAnswered; a contact that ended, the caller gone, PhoneContactEnded.
 */
const RAISED_WHEN_CONNECTED = ['AgentOfferContact', 'AgentContactAssigned'];
const RAISED_WHEN_ENDED = ['ContactEnded'];

/**
 * The simulator runs no event flow but OnGlobalError: those the call raises are named, so that a
 * run never leaves them out silently (`; not simulated: the AgentAnswered event flow this raises
 * (ScreenPop_sd8)`), unless their handler only ends (End Flow), which changes nothing. '' if none.
 */
function eventFlowsNotRun(model: FlowModel, outcome: Outcome, callerConnected: boolean): string {
  if (outcome.status !== 'completed' && outcome.status !== 'error') return '';
  const raised = outcome.connected ? RAISED_WHEN_CONNECTED : callerConnected ? [] : RAISED_WHEN_ENDED;
  const handlers = model.handlers.filter((handler) => raised.includes(handler.name));
  const notRun = handlers.flatMap((handler) => {
    const doing = handlerWork(model, handler);
    return doing === undefined ? [] : [`the ${handler.display} event flow this raises (${doing})`];
  });
  return notRun.length === 0 ? '' : `; not simulated: ${notRun.join('; ')}`;
}

/** What an event handler does, its first few activities (`SetCallerID`, `Case, VoiceMailGreeting, …`); undefined when it only ends. */
function handlerWork(model: FlowModel, handler: EventHandler): string | undefined {
  const doing = handler.reaches.flatMap((id) => {
    const activity = activityById(model.events, id);
    return activity && activity.type !== 'end' ? [activity.label] : [];
  });
  return doing.length === 0 ? undefined : firstFew(doing, 3, { before: ', ', others: () => '…' });
}

/**
 * The event flows that do something and that no simulated call runs or raises, whatever its answers:
 * those of events the simulator does not make (PreDial and OutboundCampaignCallResult of an outbound
 * campaign, CallbackFailed, AgentDisconnected, …), as `PreDial (SetCallerID)`, for `simulate` to say.
 */
export function eventFlowsNeverRun(model: FlowModel): string[] {
  const simulated = new Set([GLOBAL_ERROR, ...RAISED_WHEN_CONNECTED, ...RAISED_WHEN_ENDED]);
  return model.handlers.flatMap((handler) => {
    const doing = simulated.has(handler.name) || handler.display === 'OnGlobalError' ? undefined : handlerWork(model, handler);
    return doing === undefined ? [] : [`${handler.display} (${doing})`];
  });
}

/**
 * The Subflows the call went through, whose flows are not in the export: taken to come back by their
 * default exit (activities/routing.ts subflowHandoff), which the summary says, as it says the event
 * flows not run (`; not simulated: the Subflow WaitTreatment_140, taken to return by its default
 * exit: its flow is not in this export`). '' if none.
 */
function subflowsTakenToReturn(trace: readonly TraceEntry[]): string {
  const labels = [...new Set(trace.filter((entry) => entry.type === SUBFLOW_CALL && entry.outcome === 'default').map((entry) => entry.activity))];
  if (labels.length === 0) return '';
  const named = firstFew(labels, 3, { before: ', ', others: () => '…' });
  return labels.length === 1
    ? `; not simulated: the Subflow ${named}, taken to return by its default exit: its flow is not in this export`
    : `; not simulated: the Subflows ${named}, taken to return by their default exits: their flows are not in this export`;
}

const SUBFLOW_CALL = 'subflow-handoff';

/**
 * A subflow runs here alone, without the flow that calls it: the inputs the scenario did not give
 * (`subflowInputs`) kept their defaults, which no calling flow decided; the summary names them
 * (`; run without a calling flow: its input errorMessage kept its default`). '' if none.
 */
function inputsNotGiven(model: FlowModel, ctx: RunContext, outcome: Outcome): string {
  if (model.flowType !== 'SUBFLOW' || outcome.status === 'internal-error') return '';
  const given = ctx.scenario.subflowInputs ?? {};
  // Only a subflow's own start receives them: one that starts at another node (an export edited by hand) received none given either.
  const start = ctx.trace[0];
  const received = start?.type === SUBFLOW_START;
  const missing = ctx.vars.subflowInputs().filter((name) => !received || !Object.hasOwn(given, name));
  if (missing.length === 0) return '';
  const names = firstFew(missing, 5, { before: ', ', others: () => `… (${missing.length} in all)` });
  const why = received || start === undefined || Object.keys(given).length === 0 ? '' : ` (it starts at ${start.activity}, which receives no inputs: a subflow's start does)`;
  return missing.length === 1 ? `; run without a calling flow: its input ${names} kept its default${why}` : `; run without a calling flow: its inputs ${names} kept their defaults${why}`;
}

/** The start node of a subflow, which receives its inputs (activities/routing.ts). */
const SUBFLOW_START = 'NewSubFlowStart';

function handlerTarget(handler: EventHandler, exits: Record<string, string> | undefined): string | undefined {
  if (handler.target !== undefined) return handler.target;
  return exits && Object.hasOwn(exits, 'out') ? exits.out : undefined;
}

function fromWalk(end: Exclude<WalkEnd, { kind: 'error' }>, ctx: RunContext): Outcome {
  switch (end.kind) {
    case 'ended': {
      const last = ctx.trace.at(-1);
      return { status: 'completed', summary: end.summary, connected: last?.outcome === 'connected' };
    }
    case 'stuck':
      return { status: 'stuck', summary: end.summary, ...(end.unanswered === undefined ? {} : { unanswered: end.unanswered }) };
    case 'not-simulated':
      return { status: 'not-simulated', summary: end.summary };
    case 'failure':
      return { status: 'internal-error', summary: end.summary };
  }
}
