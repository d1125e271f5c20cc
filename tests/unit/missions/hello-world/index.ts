/**
 * "Hello World": a test-only second mission (never registered in checks/index.ts). It proves that
 * a mission other than Callback on Global Error can be graded and reported end to end, and it is
 * the worked example of docs/missions.md. Start → Play Message Welcome → Disconnect Contact.
 */
import type { Mission } from '../../../../engine/check.js';
import runCallerHearsWelcome from './run-caller-hears-welcome.js';
import { scenarios } from './scenarios.js';
import welcomeAfterStart from './welcome-after-start.js';
import welcomePromptText from './welcome-prompt-text.js';
import welcomeToDisconnect from './welcome-to-disconnect.js';

export const helloWorld: Mission = {
  id: 'hello-world',
  title: 'Hello World',
  guide: 'docs/missions.md',
  flowName: 'HelloWorld_<Your_Attendee_ID>',
  steps: {
    1: 'Add the Play Message Welcome after NewPhoneContact',
    2: 'End the call with a Disconnect Contact',
  },
  defaultSettings: { dnis: '+15550100140' },
  scenarios,
  checks: [welcomeAfterStart, welcomePromptText, welcomeToDisconnect, runCallerHearsWelcome],
};

export default helloWorld;
