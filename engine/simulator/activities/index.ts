/** The handler table: one handler per activityName the simulator knows (flow-format.md exits table). */
import type { ActivityHandler } from '../context.js';
import { httpRequest } from '../http.js';
import { handOff } from './hand-off.js';
import { caseStatement, condition, percentAllocation, setVariable } from './logic.js';
import { ivrCollectDigits, ivrMenu, playMessage, playMusic } from './media.js';
import { parseActivity } from './parse.js';
import {
  blindTransfer,
  bridgedTransfer,
  businessHours,
  callback,
  disconnectContact,
  endFlow,
  endSubflow,
  newPhoneContact,
  passThrough,
  queueContact,
  queueToAgent,
  screenPop,
  setCallerId,
  subflowHandoff,
  subflowStart,
  waitActivity,
} from './routing.js';

const HANDLERS: ReadonlyMap<string, ActivityHandler> = new Map<string, ActivityHandler>([
  ['NewPhoneContact', newPhoneContact],
  ['NewContact', newPhoneContact],
  ['NewSubFlowStart', subflowStart],
  ['event', passThrough],
  ['Event', passThrough],
  ['play-message', playMessage],
  ['play-music', playMusic],
  ['ivr-menu', ivrMenu],
  ['ivr-collectdigits', ivrCollectDigits],
  ['set-variable', setVariable],
  ['condition-activity', condition],
  ['case-statement', caseStatement],
  ['http-request-v2', httpRequest],
  ['parse-activity', parseActivity],
  ['queue-contact', queueContact],
  ['queue-to-agent', queueToAgent],
  ['callback', callback],
  ['business-hours', businessHours],
  ['percent-allocation', percentAllocation],
  ['screen-pop', screenPop],
  ['wait-activity', waitActivity],
  ['disconnect-contact', disconnectContact],
  ['blind-transfer', blindTransfer],
  ['bridged-transfer', bridgedTransfer],
  ['hand-off', handOff],
  ['subflow-handoff', subflowHandoff],
  ['end', endFlow],
  ['end-subflow', endSubflow],
  ['SetCallerID', setCallerId],
]);

/** The handler for an activity type, or undefined when the simulator does not know the type. */
export function handlerFor(type: string): ActivityHandler | undefined {
  return HANDLERS.get(type);
}

/** Every activity type the simulator runs. */
export function simulatedTypes(): string[] {
  return [...HANDLERS.keys()];
}

/**
 * Types that play to, or route, the caller (a hold loop is one of these after Queue Contact): a
 * menu looping on no input while the caller is queued is the same wait (semantics §2.4, §2.6), and
 * so is a Subflow playing the queue treatment (TS-2026 Core Mission 6's, in Music's place).
 */
export const HOLD_TYPES: ReadonlySet<string> = new Set(['play-music', 'play-message', 'ivr-menu', 'ivr-collectdigits', 'subflow-handoff']);
