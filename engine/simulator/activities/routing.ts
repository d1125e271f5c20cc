/** Start and event nodes, routing activities and terminal activities. */
import type { Activity } from '../../model.js';
import { exit, type ActivityHandler, type ActivityOutcome, type ActivityRun } from '../context.js';
import { ActivityError } from '../errors.js';
import { asVariableReference } from '../expressions.js';
import type { ContactData } from '../types.js';
import { requireCaller } from './media.js';
import { prop, text, textProp, uiProp } from './read.js';
import { convertToType, getOwn } from '../variables.js';

export const DEFAULT_CONTACT: Readonly<ContactData> = {
  ANI: '+14085551234',
  DNIS: '+14694096861',
  InteractionID: '7b1d9f3e-2c4a-4e8b-9f60-0d5a3c2b1e47',
  OrgId: '5c3e1a9f-8b27-4d6e-a1f0-92c4e7b3d815',
  EntryPointId: 'a4f2c8e1-6d3b-4f9a-b7e5-1c0d9e8f2a63',
};

/** NewPhoneContact: exposes the contact data as `NewPhoneContact.ANI`, `.DNIS`, … (any case: contact-fields.ts). */
export const newPhoneContact: ActivityHandler = (run) => {
  // The scenario's fields over the defaults, each an own property (`__proto__` too); undefined drops one.
  const contact: Record<string, string> = {};
  for (const fields of [DEFAULT_CONTACT, run.scenario.contact ?? {}]) {
    for (const [key, value] of Object.entries(fields)) {
      if (typeof value === 'string') Object.defineProperty(contact, key, { value, enumerable: true, writable: true, configurable: true });
      else delete contact[key];
    }
  }
  run.vars.setContactData(run.activity.label, contact);
  return exit('out');
};

/** Event nodes simply leave by `out`. */
export const passThrough: ActivityHandler = () => exit('out');

/**
 * Subflow start: receives the inputs the calling flow maps (the scenario's `subflowInputs`), each
 * converted to its variable's type; inputs not given keep their defaults. Leaves by `out`.
 */
export const subflowStart: ActivityHandler = (run) => {
  const given = run.scenario.subflowInputs ?? {};
  for (const name of run.vars.subflowInputs()) {
    if (!Object.hasOwn(given, name)) continue;
    const value = getOwn(given, name);
    if (typeof value === 'string') run.vars.setVariable(name, convertToType(value, run.vars.typeOf(name) ?? 'STRING', name));
  }
  return exit('out');
};

/**
 * Subflow (a call to another flow): that flow is not in this export, so it cannot be run. The call is
 * taken to come back by `default`, as from a subflow that ends at End Subflow, its output variables
 * left as they were (our choice: the lab's subflows, a wait treatment, return); the run's summary says
 * so (simulator index.ts subflowsTakenToReturn).
 */
export const subflowHandoff: ActivityHandler = () => exit('default');

/** Screen Pop: a desktop action; `default`. */
export const screenPop: ActivityHandler = () => exit('default');

/**
 * Queue Contact. With an agent available the contact is assigned and the main flow stops there
 * (outcome 'connected'); otherwise the caller stays in queue and the flow goes on down `default`
 * (the hold treatment). The `failure` exit is never taken.
 */
export const queueContact: ActivityHandler = (run) => {
  requireCaller(run);
  // The queue is an output, `{{Label.QueueId}}`: the static destination, or the rendered variable.
  const variable = textProp(run.activity, 'destinationVariable');
  const queueId = variable ? run.expr.render(asVariableReference(variable), run.vars.scope(), 'the queue variable') : textProp(run.activity, 'destination');
  if (queueId) run.vars.setOutput(run.activity.label, 'QueueId', queueId);
  return connectOrWait(run, 'an agent');
};

/**
 * Queue To Agent queues the caller to the one agent its `destinationVariable` renders to (an agent
 * id). That agent free (`agentsAvailable`): connected, as Queue Contact; otherwise the caller waits
 * and the flow goes on by `default` (our choice: whether the contact is parked for that agent or
 * goes to the recovery queue is not simulated). No agent id is an activity error.
 */
export const queueToAgent: ActivityHandler = (run) => {
  requireCaller(run);
  const variable = textProp(run.activity, 'destinationVariable') ?? '';
  const agent = run.expr.render(asVariableReference(variable), run.vars.scope(), 'the agent variable').trim();
  if (agent === '') throw new ActivityError(`no agent to queue to${variable === '' ? '' : `: ${variable} is empty`}`);
  return connectOrWait(run, `agent ${agent}`);
};

/** With an agent available the contact is assigned and the main flow stops there; otherwise the caller is queued: `default`. */
function connectOrWait(run: ActivityRun, agent: string): ActivityOutcome {
  if (run.scenario.agentsAvailable === true) {
    return { kind: 'end', outcome: 'connected', summary: `connected to ${agent} at ${run.activity.label}` };
  }
  run.call.queued = true;
  return exit('default');
}

/** Callback: renders the dial number, ANI and queue (a variable queue is `{{…}}`), records the callback, leaves by `default`. */
export const callback: ActivityHandler = (run) => {
  requireCaller(run);
  const scope = run.vars.scope();
  const dialNumber = run.expr.render(textProp(run.activity, 'callbackDn') ?? '', scope, 'the callback dial number');
  const ani = run.expr.render(textProp(run.activity, 'callbackAni') ?? '', scope, 'the callback ANI');
  run.call.callbacks.push({
    id: run.call.newId(),
    activity: run.activity.label,
    dialNumber,
    ani,
    queue: run.expr.render(textProp(run.activity, 'callbackQueue') ?? '', scope, 'the callback queue'),
  });
  return exit('default');
};

/** Scenario state → candidate exit names, first linked one wins (exports use workingHours/holidays/override/default). */
const BUSINESS_HOURS_EXITS: Record<string, string[]> = {
  working: ['workingHours', 'working'],
  holiday: ['holidays', 'holiday'],
  override: ['override', 'overrides'],
  closed: ['default'],
};

export const businessHours: ActivityHandler = (run) => {
  const state = run.scenario.businessHours ?? 'working';
  const candidates = Object.hasOwn(BUSINESS_HOURS_EXITS, state) ? BUSINESS_HOURS_EXITS[state] : ['default'];
  const linked = candidates.find((name) => Object.hasOwn(run.activity.exits, name));
  return exit(linked ?? candidates[0]);
};

export const disconnectContact: ActivityHandler = (run) => ({
  kind: 'end',
  summary: run.inHandler ? `${run.flow} ended at ${run.activity.label} (Disconnect Contact)` : `caller disconnected at ${run.activity.label}`,
  callerConnected: false,
});

/** End Flow ends the flow without disconnecting (in a main-flow IVR path that is dead air). */
export const endFlow: ActivityHandler = (run) => ({
  kind: 'end',
  summary: run.inHandler ? `${run.flow} ended at ${run.activity.label}` : `ended at ${run.activity.label}`,
});

export const endSubflow: ActivityHandler = (run) => ({ kind: 'end', summary: `subflow ended at ${run.activity.label}` });

/** The number a transfer dials, as written (`transfertodn`, else its display copy): a template to render. */
function transferNumber(activity: Activity): string | undefined {
  return text(prop(activity, 'transfertodn')) ?? text(uiProp(activity, 'transfertodn:name'));
}

/** Blind Transfer hands the call to another number: the caller leaves this flow. */
export const blindTransfer: ActivityHandler = (run) => {
  requireCaller(run);
  const target = transferNumber(run.activity);
  const where = target ? run.expr.render(target, run.vars.scope(), 'the transfer number') : '';
  return { kind: 'end', summary: `transferred${where ? ` to ${where}` : ''} at ${run.activity.label}`, callerConnected: false };
};

/**
 * Bridged Transfer connects the caller to the rendered `transfertodn` and keeps the call: when that
 * leg ends the flow goes on by `default`. With no number to dial it leaves by `failure` (our choice;
 * a number the far end refuses cannot be known offline).
 */
export const bridgedTransfer: ActivityHandler = (run) => {
  requireCaller(run);
  const target = transferNumber(run.activity) ?? '';
  return exit(run.expr.render(target, run.vars.scope(), 'the transfer number').trim() === '' ? 'failure' : 'default');
};

/** Wait pauses the flow (`duration`, hh:mm:ss); offline no time passes. */
export const waitActivity: ActivityHandler = () => exit('default');

/** Set Caller ID ends a PreDial event flow. */
export const setCallerId: ActivityHandler = (run) => ({ kind: 'end', summary: `ended at ${run.activity.label} (Set Caller ID)` });
