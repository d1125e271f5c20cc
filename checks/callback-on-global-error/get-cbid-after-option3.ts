import { defineCheck } from '../../engine/check.js';
import { describeExit, exitLeadsTo } from './lib/graph.js';
import { getCbidOf, wantCallbackOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';

export default defineCheck({
  id: 'get-cbid-after-option3',
  title: 'WantCallback option 3 leads to the HTTP Request GET_CBID',
  step: 4,
  points: 3,
  severity: 'required',
  hint: 'Add an HTTP Request activity labelled GET_CBID and connect the exit of WantCallback option 3 to it.',
  description: [
    'Verifies Build step 4: an **HTTP Request** activity labelled **GET_CBID** exists in the main flow and',
    'WantCallback option 3 leads to it.',
    '',
    'Tolerances:',
    '- "leads to" means reachable through option 3, not necessarily adjacent (e.g. a Play Message in',
    '  between is fine); a path that loops back through WantCallback does not count;',
    '- GET_CBID is found by its label (also in another case), else as the first HTTP Request after',
    '  option 3, else as the HTTP Request whose URL calls DynVars.',
  ].join('\n'),
  run(ctx) {
    const menu = wantCallbackOf(ctx);
    if (!menu.ok) return menu.outcome;
    const get = getCbidOf(ctx);
    if (!get.ok) return get.outcome;
    const { main } = ctx.model;
    if (!Object.hasOwn(menu.activity.exits, '3')) {
      return failed(`Option 3 of ${menu.activity.label} is not connected to ${get.activity.label}`, {
        expected: `${menu.activity.label} option 3 → ${get.activity.label}`,
        actual: 'option 3 not connected',
        activity: menu.activity,
      });
    }
    if (!exitLeadsTo(main, menu.activity, '3', get.activity)) {
      return failed(`Option 3 of ${menu.activity.label} does not lead to ${get.activity.label}`, {
        expected: `${menu.activity.label} option 3 → ${get.activity.label}`,
        actual: describeExit(main, menu.activity, '3'),
        activity: menu.activity,
      });
    }
    return passed(`Option 3 of ${menu.activity.label} leads to ${get.activity.label}`);
  },
});
