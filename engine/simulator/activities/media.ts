/** Activities that talk to the caller: Play Message, Play Music, Menu, Collect Digits. */
import { exit, type ActivityHandler, type ActivityRun } from '../context.js';
import { ActivityError } from '../errors.js';
import { getOwn } from '../variables.js';
import { intProp, prop, text, textProp, uiProp } from './read.js';
import { menuKeys } from '../../activity-types.js';

/** Media and queue activities need a caller; inside OnGlobalError the leg is normally gone. */
export function requireCaller(run: ActivityRun): void {
  if (!run.call.callerConnected) {
    throw new ActivityError(`no caller: the caller's leg is gone when ${run.flow} runs, so ${run.activity.type} cannot run`);
  }
}

/**
 * The prompts an activity plays, rendered: TTS entries (`toggle` true, `promptsTts`) or audio
 * entries (`toggle` false, `prompts`), falling back to the other list when the chosen one is
 * empty. Audio file names are kept as they are; TTS text and audio prompt variables are rendered.
 */
function renderPrompts(run: ActivityRun): string[] {
  const { activity } = run;
  const tts = Array.isArray(prop(activity, 'promptsTts')) ? (prop(activity, 'promptsTts') as unknown[]) : [];
  const audio = Array.isArray(prop(activity, 'prompts')) ? (prop(activity, 'prompts') as unknown[]) : [];
  const preferAudio = prop(activity, 'toggle') === false;
  const list = preferAudio ? (audio.length > 0 ? audio : tts) : tts.length > 0 ? tts : audio;
  const rendered: string[] = [];
  for (const entry of list) {
    const value = typeof entry === 'object' && entry !== null ? text(getOwn(entry, 'value')) : text(entry);
    if (value === undefined) continue;
    const type = typeof entry === 'object' && entry !== null ? text(getOwn(entry, 'type')) : undefined;
    rendered.push(type === 'audioFile' ? value : run.expr.render(value, run.vars.scope(), 'prompt'));
  }
  return rendered;
}

export const playMessage: ActivityHandler = (run) => {
  requireCaller(run);
  run.prompts(renderPrompts(run));
  return exit('default');
};

export const playMusic: ActivityHandler = (run) => {
  requireCaller(run);
  const music = textProp(run.activity, 'prompt') ?? text(uiProp(run.activity, 'prompt:name'));
  const dynamic = textProp(run.activity, 'promptDynamic');
  const prompts: string[] = [];
  if (dynamic) prompts.push(run.expr.render(dynamic, run.vars.scope(), 'music prompt'));
  else if (music) prompts.push(music);
  run.prompts(prompts);
  return exit('default');
};

/**
 * Menu: plays its prompt, then reads one answer from the scenario: one key press, so of a longer
 * answer only its first key counts (the menu ends at the first digit). No answer → `timeout`;
 * a key that is one of the menu keys → that key's exit; anything else → `invalid`.
 * `Label.OptionEntered` holds the key entered.
 */
export const ivrMenu: ActivityHandler = (run) => {
  requireCaller(run);
  run.prompts(renderPrompts(run));
  const answer = firstKey(run.call.nextAnswer(run.activity.label)?.trim());
  if (answer === undefined || answer === '') return exit('timeout');
  run.vars.setOutput(run.activity.label, 'OptionEntered', answer);
  return exit(menuKeys(run.activity).includes(answer) ? answer : 'invalid');
};

/** The first key press of an answer (a key is one character; `undefined` stays `undefined`). */
function firstKey(answer: string | undefined): string | undefined {
  return answer === undefined ? undefined : [...answer].slice(0, 1).join('');
}

/**
 * Collect Digits: reads the keys the caller presses until the terminator symbol (not kept) or
 * until maxDigits keys, whichever comes first — later keys are not collected; then checks they
 * are made of 0-9 * # and number at least minDigits. No answer → `timeout`; a bad answer →
 * `invalid` (DigitsEntered unchanged); a good one → `Label.DigitsEntered` and `default`.
 */
export const ivrCollectDigits: ActivityHandler = (run) => {
  requireCaller(run);
  run.prompts(renderPrompts(run));
  let digits = run.call.nextAnswer(run.activity.label)?.trim();
  if (digits === undefined || digits === '') return exit('timeout');
  const terminator = textProp(run.activity, 'terminatorSymbol') ?? text(uiProp(run.activity, 'terminatorSymbol:name'));
  if (terminator && terminator.length === 1 && digits.includes(terminator)) digits = digits.slice(0, digits.indexOf(terminator));
  const min = intProp(run.activity, 'minDigits') ?? 1;
  const max = intProp(run.activity, 'maxDigits');
  if (max !== undefined && max > 0) digits = digits.slice(0, max);
  const valid = /^[0-9*#]+$/.test(digits) && digits.length >= min;
  if (!valid) return exit('invalid');
  run.vars.setOutput(run.activity.label, 'DigitsEntered', digits);
  return exit('default');
};
