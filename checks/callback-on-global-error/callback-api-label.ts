import type { CheckContext } from '../../engine/check.js';
import { missionNodes } from './lib/find.js';
import { labelCheck } from './lib/label-check.js';
import { LABELS } from './lib/names.js';
import { callbackApiOf } from './lib/nodes.js';
import { namesRead } from './lib/templates.js';

export default labelCheck({
  id: 'callback-api-label',
  step: 8,
  role: 'the Create Task request',
  label: LABELS.callbackApi,
  alsoAccepted: { label: LABELS.callbackApiOld, guide: "The January 2025 guide's", disagrees: statusReadByGuideLabel },
  why: `the name the guide's Condition expression of Build step 9 reads ({{${LABELS.callbackApi}.httpStatusCode == 201}})`,
  find: callbackApiOf,
});

/**
 * `HTTPStatusCode reads CallBackAPI_HTTPRequest.httpStatusCode`: the Condition was typed from
 * today's guide while the request kept the January 2025 label, and no activity carries today's
 * (a leftover holding it is status-condition-expression's to explain).
 */
function statusReadByGuideLabel(ctx: CheckContext): string | undefined {
  const condition = missionNodes(ctx.model).statusCondition;
  const expression = condition?.props.expression;
  if (!condition || typeof expression !== 'string') return undefined;
  if ([...ctx.model.main.activities, ...ctx.model.events.activities].some((a) => a.label === LABELS.callbackApi)) return undefined;
  const read = namesRead(expression).find((name) => name.split('.')[0] === LABELS.callbackApi);
  return read ? `${condition.label} reads ${read}` : undefined;
}
