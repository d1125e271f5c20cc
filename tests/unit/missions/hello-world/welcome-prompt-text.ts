import { defineCheck } from '../../../../engine/check.js';
import { greets, noWelcome, ttsPrompts, welcome } from './find.js';

export default defineCheck({
  id: 'hello-welcome-prompt-text',
  title: 'Welcome greets the caller with "Welcome"',
  step: 1,
  points: 1,
  severity: 'recommended',
  hint: 'Welcome → Prompt: Text-to-Speech, a message with the word "Welcome" in it.',
  description: 'The text-to-speech prompt of **Welcome** has the word Welcome in it.',
  run(ctx) {
    const message = welcome(ctx.model);
    if (!message) return noWelcome();
    const prompts = ttsPrompts(message);
    if (!prompts.some(greets)) {
      return { status: 'failed', message: `${message.label} does not say "Welcome"`, expected: 'Welcome…', actual: prompts.join(' | ') || '(no text-to-speech prompt)', activity: message };
    }
    return { status: 'passed', message: `${message.label} says "${prompts[0]}"` };
  },
});
