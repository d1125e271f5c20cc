/** The mission's activities, each checked to be of the type the guide asks for. */
import type { CheckContext } from '../../../engine/check.js';
import { missionNodes } from './find.js';
import { LABELS } from './names.js';
import { requireActivity, type Found } from './require.js';

export const wantCallbackOf = (ctx: CheckContext): Found => requireActivity(missionNodes(ctx.model).wantCallback, 'ivr-menu', LABELS.wantCallback, 'the main flow', ctx.model);
export const getCbidOf = (ctx: CheckContext): Found => requireActivity(missionNodes(ctx.model).getCbid, 'http-request-v2', LABELS.getCbid, 'the main flow', ctx.model);
export const setGetResultOf = (ctx: CheckContext): Found => requireActivity(missionNodes(ctx.model).setGetResult, 'set-variable', LABELS.setGetResult, 'the main flow', ctx.model);
export const simulateErrorOf = (ctx: CheckContext): Found => requireActivity(missionNodes(ctx.model).simulateError, 'set-variable', LABELS.simulateError, 'the main flow', ctx.model);
export const callbackApiOf = (ctx: CheckContext): Found => requireActivity(missionNodes(ctx.model).callbackApi, 'http-request-v2', LABELS.callbackApi, 'the Event Flows', ctx.model);
export const statusConditionOf = (ctx: CheckContext): Found =>
  requireActivity(missionNodes(ctx.model).statusCondition, 'condition-activity', LABELS.statusCondition, 'the Event Flows', ctx.model);
