import { defineCheck } from '../../engine/check.js';
import { HAPPY_PATH, stageOutcome } from './lib/happy-path.js';

export default defineCheck({
  id: 'run-task-created',
  title: 'Simulated call: OnGlobalError creates one callback task for the caller',
  step: 8,
  points: 5,
  severity: 'required',
  scenario: HAPPY_PATH,
  hint: 'In the Debug tool, open GlobalErrorHandling → CallBackAPI_HTTPRequest: it must answer 201 Created. Check Use Authenticated Endpoint (WxCC_API), Method POST, Request Path /v1/tasks and the Request Body.',
  description: [
    'Behaviour, on the `happy-path` call: once OnGlobalError runs, CallBackAPI_HTTPRequest sends the Create',
    'Task request to the mocked Webex Contact Center API, which accepts **exactly one** task, with',
    '`entryPointId` = the DynVars record\'s `outboundcallbackep` and `destination` = its `tacnumber`.',
    '',
    "When the mock rejects the request (e.g. 400 for a body that is not JSON or lacks `callback`), the",
    "message quotes the mock's answer. A request the API refuses (unauthenticated: 401; wrong path: 404;",
    'wrong method: 405) fails here too, and so does a Callback activity on the way, which schedules a callback',
    'of its own: the caller would be called back twice. A connector name the mock does not know is taken as',
    'WxCC US1, as every connector is by default ([mocks](../mocks.md)).',
    '',
    "The hint names the setting the API's answer points at: 401 or 403 Use Authenticated Endpoint and the",
    'connector, 404 the Request Path, 405 the Method, 400 the Request Body. A request that could not be sent',
    'points at the toggle and the connector, or at a template of the body that does not parse; a task with other',
    'values than the record\'s at the Request Body (GET_CBID filled the variables right before it); a second task',
    'or callback at the requests or the Callback activity that made it; otherwise the hint above. When',
    'OnGlobalError never reaches CallBackAPI_HTTPRequest (e.g. it still goes to EndFlow), the hint names the',
    'connection to make instead, or the activity on the way that fails before the request is sent; this is judged',
    'even when GET_CBID left outdialcbid and customani unfilled (whether the request runs does not depend on them),',
    'and the error scenarios (400, 500) then name this check as why they are not judged.',
  ].join('\n'),
  run: (ctx) => stageOutcome(ctx, 'task', 'CallBackAPI_HTTPRequest created one callback task with the DynVars values'),
});
