import { defineCheck } from '../../engine/check.js';
import { HAPPY_PATH, stageOutcome } from './lib/happy-path/index.js';

export default defineCheck({
  id: 'run-status-true-on-201',
  title: 'Simulated call: HTTPStatusCode leaves by True on 201 Created',
  step: 9,
  points: 3,
  severity: 'required',
  scenario: HAPPY_PATH,
  hint: 'In the Debug tool, HTTPStatusCode must leave by the True exit. Expression: {{CallBackAPI_HTTPRequest.httpStatusCode == 201}}; connect True to EndFlow.',
  description: [
    'Behaviour (Testing step 10), on the `happy-path` call: after the Create Task request answered',
    '**201 Created**, HTTPStatusCode leaves by **True** and the event flow ends.',
    '',
    'When HTTPStatusCode leaves by True but the event flow does not end there (True leads through an activity that',
    'needs the caller, such as a Play Message: the caller\'s leg is gone once the global error is raised; or into a',
    'loop), the Expression is right and the hint says to connect the True exit to EndFlow instead. A True exit left',
    'unconnected, or leading through activities that run (a Set Variable) to no End Flow, ends the event flow there,',
    'as Flow Designer ends a branch: this check passes, and',
    '[`status-condition-exits-to-endflow`](status-condition-exits-to-endflow.md) reports the missing End Flow. An activity',
    'between CallBackAPI_HTTPRequest and HTTPStatusCode that fails is named in the hint. When HTTPStatusCode is',
    'connected to another exit of CallBackAPI_HTTPRequest, the message says so and the hint says to move that connection;',
    'else, with no way from the request to HTTPStatusCode, it names the connection in the words of',
    '[`status-condition-after-callback-api`](status-condition-after-callback-api.md): "Event Flows → connect',
    'CallBackAPI_HTTPRequest to HTTPStatusCode (Build step 9)." when its exit is open.',
    'When HTTPStatusCode is not a Condition (a Case leaves by its case key, not by True), this check is not judged and',
    'points to `status-condition-after-callback-api`, which reports it. So it is when HTTPStatusCode ran before',
    'CallBackAPI_HTTPRequest, not after it (OnGlobalError → HTTPStatusCode, its False exit on to the request): it tested',
    'no answer, and that check gives the connections that swap the two; when it turned the call away from the request',
    'instead, `run-task-created` is not judged either, naming the same check.',
  ].join('\n'),
  run: (ctx) => stageOutcome(ctx, 'status-true', 'HTTPStatusCode left by True and the event flow ended'),
});
