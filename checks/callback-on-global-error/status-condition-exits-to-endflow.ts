import { defineCheck } from '../../engine/check.js';
import { reachableFrom } from '../../engine/graph.js';
import type { Activity } from '../../engine/model.js';
import { callsTasksApi, isEndFlow, missionNodes } from './lib/find.js';
import { canvasLabel, describeExit, exitReaches, moveHint, wrongExit, wrongExitClause, wrongExitNote, type WrongExit } from './lib/graph.js';
import { statusConditionOf } from './lib/nodes.js';
import { failed, passed } from './lib/outcome.js';

export default defineCheck({
  id: 'status-condition-exits-to-endflow',
  title: 'Both exits of HTTPStatusCode lead to EndFlow',
  step: 9,
  points: 3,
  severity: 'required',
  hint: 'HTTPStatusCode → connect both the True and the False exit to EndFlow.',
  description: [
    'Verifies Build step 9: the **True** and the **False** exit of HTTPStatusCode are both connected and lead',
    'to an **End Flow**, so the Debug tool shows which way the request went and the event flow ends cleanly.',
    '',
    'Tolerances: End Flow is found by type (any random suffix); the two exits may go to the same or to',
    'different End Flows, directly or through other activities — but not through a way back to a request',
    'to /v1/tasks (a retry loop: a refused request would be sent again and again, into the rate limit), nor',
    'through a second request to /v1/tasks, nor through CallBackAPI_HTTPRequest again once OnGlobalError sent',
    'it before the condition (also with a wrong Method or Request Path, which its own checks report, or its',
    'way on to the condition not connected). A Condition put before CallBackAPI_HTTPRequest is reported by',
    '`status-condition-after-callback-api`, not here.',
    ...wrongExitNote('"EndFlow_kid is connected to its Undefined Error exit, not to its True exit"'),
  ].join('\n'),
  run(ctx) {
    const condition = statusConditionOf(ctx);
    if (!condition.ok) return condition.outcome;
    const activity = condition.activity;
    const problems: string[] = [];
    const { events } = ctx.model;
    // An End Flow on the Undefined Error exit in place of True's or False's: said, and moved (once).
    let moved: { exit: string; wrong: WrongExit } | undefined;
    for (const [exit, name] of [['true', 'True'], ['false', 'False']] as const) {
      const wrong = moved || exitReaches(events, activity, exit, isEndFlow) ? undefined : wrongExit(events, activity, exit, isEndFlow, ['true', 'false']);
      if (wrong) {
        moved = { exit, wrong };
        problems.push(wrongExitClause(events, activity, exit, wrong));
      } else if (!Object.hasOwn(activity.exits, exit)) problems.push(`the ${name} exit is not connected`);
      else if (!exitReaches(events, activity, exit, isEndFlow)) problems.push(`the ${name} exit does not lead to EndFlow (${describeExit(events, activity, exit)})`);
      else {
        // A Create Task request after the condition: a way back (a refused one would be sent again and
        // again), or a second request. The mission's request only after it is the condition put too
        // early, which status-condition-after-callback-api reports.
        // The mission's request is judged whatever its own settings (a wrong Method or Request Path is
        // its checks' to report): sent again all the same, once OnGlobalError sent it before the
        // condition too (reached from it without passing through the condition).
        const loopsBack = (a: Activity) => reachableFrom(events, Object.values(a.exits)).includes(activity);
        const { callbackApi: request, globalError } = missionNodes(ctx.model);
        const sentBefore = (a: Activity) => globalError !== undefined && reachableFrom(events, [globalError.id], new Set([activity.id])).includes(a);
        const again = reachableFrom(events, [activity.exits[exit]]).find((a) => (a === request ? loopsBack(a) || sentBefore(a) : callsTasksApi(a)));
        // True: the task was created, and would be again; False: no 201 came, and the request would be sent again (a retry, bounded or not).
        if (again && loopsBack(again)) problems.push(`the ${name} exit can lead back to ${again.label}, which would ${exit === 'true' ? 'create a second task for the caller' : 'send the request again, a retry Build step 9 does not make'}`);
        else if (again && again === request) problems.push(`the ${name} exit leads to ${again.label} again, which ${globalError ? canvasLabel(globalError) : 'OnGlobalError'} sent before ${activity.label}: it would create a task again`);
        else if (again) problems.push(`the ${name} exit leads to ${again.label}, a second request to /v1/tasks, which would create a task again`);
      }
    }
    if (problems.length > 0) {
      return failed(`${activity.label}: ${problems.join('; ')}`, {
        expected: 'True → EndFlow and False → EndFlow',
        actual: problems.join('; '),
        activity,
        // The one connection to move mends it all; else the check's hint (both exits to EndFlow).
        ...(moved && problems.length === 1 ? { hint: moveHint(events, activity, moved.exit, moved.wrong) } : {}),
      });
    }
    return passed(`Both exits of ${activity.label} lead to EndFlow`);
  },
});
