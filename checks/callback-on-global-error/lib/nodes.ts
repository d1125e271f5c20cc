/** The mission's activities, each checked to be of the type the guide asks for. */
import type { CheckContext } from '../../../engine/check.js';
import type { FlowModel } from '../../../engine/model.js';
import { missionNodes, type MissionNodes } from './find.js';
import { LABELS } from './names.js';
import { builtElsewhere, missingCause, otherTypeCause, requireActivity, type Canvas, type Found } from './require.js';

/** What the guide asks each activity to be, and where. */
const SPECS = {
  wantCallback: { type: 'ivr-menu', label: LABELS.wantCallback, where: 'the main flow' },
  getCbid: { type: 'http-request-v2', label: LABELS.getCbid, where: 'the main flow' },
  setGetResult: { type: 'set-variable', label: LABELS.setGetResult, where: 'the main flow' },
  simulateError: { type: 'set-variable', label: LABELS.simulateError, where: 'the main flow' },
  callbackApi: { type: 'http-request-v2', label: LABELS.callbackApi, where: 'the Event Flows' },
  statusCondition: { type: 'condition-activity', label: LABELS.statusCondition, where: 'the Event Flows' },
} as const satisfies Record<string, { type: string; label: string; where: Canvas }>;

type Node = keyof typeof SPECS;

function required(ctx: CheckContext, node: Node): Found {
  const { type, label, where } = SPECS[node];
  return requireActivity(missionNodes(ctx.model)[node], type, label, where, ctx.model);
}

/**
 * The cause a static check reports when `node` is missing (none when it is there), or was built on the
 * other canvas (GET_CBID in the Event Flows): a simulated call that could not reach it shares it.
 */
export function causeIfMissing(nodes: MissionNodes, node: Node, model: FlowModel): { cause?: string } {
  const { type, label, where } = SPECS[node];
  if (nodes[node]) return {};
  return { cause: builtElsewhere(label, where, model)?.message ?? missingCause(type, label, where) };
}

/** The cause a static check reports when `node` is there but of another type (none otherwise): a simulated call that went wrong at it shares it. */
export function causeIfOtherType(nodes: MissionNodes, node: Node): { cause?: string } {
  const activity = nodes[node];
  return activity && activity.type !== SPECS[node].type ? { cause: otherTypeCause(activity, SPECS[node].type) } : {};
}

export const wantCallbackOf = (ctx: CheckContext): Found => required(ctx, 'wantCallback');
export const getCbidOf = (ctx: CheckContext): Found => required(ctx, 'getCbid');
export const setGetResultOf = (ctx: CheckContext): Found => required(ctx, 'setGetResult');
export const simulateErrorOf = (ctx: CheckContext): Found => required(ctx, 'simulateError');
export const callbackApiOf = (ctx: CheckContext): Found => required(ctx, 'callbackApi');
export const statusConditionOf = (ctx: CheckContext): Found => required(ctx, 'statusCondition');
