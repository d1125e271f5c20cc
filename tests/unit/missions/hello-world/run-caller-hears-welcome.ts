import { defineCheck } from '../../../../engine/check.js';
import { greets } from './find.js';
import { CALL } from './scenarios.js';

export default defineCheck({
  id: 'hello-run-caller-hears-welcome',
  title: 'Simulated call: the caller hears the welcome, then the call ends',
  step: 2,
  points: 4,
  severity: 'required',
  scenario: CALL,
  hint: 'In the Debug tool, the call must play Welcome and end at the Disconnect Contact.',
  description: 'Behaviour, on the `call` scenario: a prompt saying "Welcome" is played and the call ends with the caller disconnected.',
  run(ctx) {
    const { result } = ctx.runs[CALL];
    const heard = result.trace.find((entry) => entry.prompts?.some(greets));
    const last = result.trace.at(-1);
    if (!heard || result.status !== 'completed' || last?.type !== 'disconnect-contact') {
      return {
        status: 'failed',
        message: `the simulated call ${heard ? 'played the welcome' : 'played no welcome'}; ${result.summary}`,
        expected: 'a prompt saying "Welcome", then the Disconnect Contact',
        actual: result.summary,
        traceExcerpt: result.trace.slice(-3),
      };
    }
    return { status: 'passed', message: `${heard.activity} played "${heard.prompts?.[0]}"; ${result.summary}` };
  },
});
