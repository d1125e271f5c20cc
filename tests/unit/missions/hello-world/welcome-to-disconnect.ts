import { defineCheck } from '../../../../engine/check.js';
import { activityById, noWelcome, welcome } from './find.js';

export default defineCheck({
  id: 'hello-welcome-to-disconnect',
  title: 'Welcome ends the call with a Disconnect Contact',
  step: 2,
  points: 3,
  severity: 'required',
  hint: 'Connect the exit of Welcome to a Disconnect Contact.',
  description: 'After **Welcome**, the call goes to a Disconnect Contact.',
  run(ctx) {
    const message = welcome(ctx.model);
    if (!message) return noWelcome();
    const next = activityById(ctx.model, message.exits.default);
    if (next?.type !== 'disconnect-contact') {
      return { status: 'failed', message: `${message.label} leads to ${next?.label ?? 'nothing'}, not to a Disconnect Contact`, expected: `${message.label} → Disconnect Contact`, actual: next ? `${message.label} → ${next.label} (${next.type})` : `${message.label} → (not connected)`, activity: message };
    }
    return { status: 'passed', message: `${message.label} leads to ${next.label}` };
  },
});
