import { defineCheck } from '../../../../engine/check.js';
import { afterStart, noWelcome, welcome } from './find.js';

export default defineCheck({
  id: 'hello-welcome-after-start',
  title: 'NewPhoneContact leads to the Play Message Welcome',
  step: 1,
  points: 3,
  severity: 'required',
  hint: 'Drag a Play Message onto the Main Flow canvas, name it Welcome, and connect NewPhoneContact to it.',
  description: 'The first activity of the call is the Play Message **Welcome**.',
  run(ctx) {
    const message = welcome(ctx.model);
    if (!message) return noWelcome();
    const next = afterStart(ctx.model);
    if (next !== message) {
      return { status: 'failed', message: `NewPhoneContact leads to ${next?.label ?? 'nothing'}, not to ${message.label}`, expected: `NewPhoneContact → ${message.label}`, actual: `NewPhoneContact → ${next?.label ?? '(not connected)'}`, activity: message };
    }
    return { status: 'passed', message: `NewPhoneContact leads to ${message.label}` };
  },
});
