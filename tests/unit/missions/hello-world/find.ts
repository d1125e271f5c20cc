/** What the Hello World checks look for in the flow model: the Welcome message and what follows it. */
import type { CheckOutcome } from '../../../../engine/check.js';
import type { Activity, FlowModel } from '../../../../engine/model.js';

export const WELCOME = 'Welcome';

/** The main flow's activity `id`, if any. */
export function activityById(model: FlowModel, id: string | undefined): Activity | undefined {
  return id === undefined ? undefined : model.main.activities.find((a) => a.id === id);
}

/** The activity the start node's `out` exit leads to. */
export function afterStart(model: FlowModel): Activity | undefined {
  const start = activityById(model, model.main.start);
  return activityById(model, start?.exits.out);
}

/** The Play Message labelled Welcome (any case), else the one the start node leads to. */
export function welcome(model: FlowModel): Activity | undefined {
  const messages = model.main.activities.filter((a) => a.type === 'play-message');
  return messages.find((a) => a.label.toLowerCase() === WELCOME.toLowerCase()) ?? messages.find((a) => a === afterStart(model));
}

/** The text-to-speech prompts of a Play Message, as typed. */
export function ttsPrompts(activity: Activity): string[] {
  const prompts = activity.props.promptsTts;
  if (!Array.isArray(prompts)) return [];
  return prompts.map((p: unknown) => (p && typeof p === 'object' && typeof (p as { value?: unknown }).value === 'string' ? (p as { value: string }).value : '')).filter(Boolean);
}

/** A prompt that greets the caller: it has the word Welcome in it. */
export function greets(prompt: string): boolean {
  return /\bwelcome\b/i.test(prompt);
}

/** The one failure every check meets when there is no Welcome message: reported once (engine/grade.ts). */
export function noWelcome(): CheckOutcome {
  const message = 'no Play Message labelled Welcome in the main flow';
  return { status: 'failed', message, expected: 'a Play Message labelled Welcome', actual: 'none', cause: message };
}
