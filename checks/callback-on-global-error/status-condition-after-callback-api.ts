import { defineCheck } from '../../engine/check.js';
import { connectionNote, wrongExitNote } from './lib/graph.js';
import { linkOutcome } from './lib/link-check.js';
import { callbackApiOf, statusConditionOf } from './lib/nodes.js';

export default defineCheck({
  id: 'status-condition-after-callback-api',
  title: 'CallBackAPI_HTTPRequest leads to the Condition HTTPStatusCode',
  step: 9,
  points: 2,
  severity: 'required',
  hint: 'Event Flows → add a Condition (Activity Label: HTTPStatusCode) and connect the exit of CallBackAPI_HTTPRequest to it.',
  description: [
    'Verifies Build step 9: a **Condition** activity labelled **HTTPStatusCode** exists in the Event Flows',
    'and the exit of CallBackAPI_HTTPRequest leads to it.',
    '',
    'Tolerances: reachable, not necessarily adjacent; HTTPStatusCode is found by label (also in another case),',
    'else as the Condition after the Create Task request, else one OnGlobalError reaches, but never a Condition',
    'on the way to the request (one that goes on only when there is a callback number): it does not test the answer.',
    ...wrongExitNote('"HTTPStatusCode is connected to the Undefined Error exit of CallBackAPI_HTTPRequest, not to its success exit" (an exit Flow Designer does not give an HTTP Request, whose one exit every answer leaves by: only an export edited by hand has it)'),
    ...connectionNote('events', 'CallBackAPI_HTTPRequest', 'EndFlow_kid', 'HTTPStatusCode', 9),
    '',
    'An export of a subflow, which has no Event Flows, fails with a hint saying so and to export the flow instead, in the',
    'words of `flow-name`: "The export is a subflow, "ErrorHandler_Template", which has no Event Flows. Export the flow you extended: …"',
  ].join('\n'),
  run(ctx) {
    return linkOutcome(ctx, 'events', callbackApiOf, 'default', statusConditionOf, 9);
  },
});
