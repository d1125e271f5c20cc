/** GoTo (`hand-off`): the call leaves this flow for another flow or an entry point. */
import type { ActivityHandler } from '../context.js';
import { ActivityError } from '../errors.js';
import { getOwn } from '../variables.js';
import { prop, text } from './read.js';

/**
 * GoTo ends this flow: the call goes on in the flow (at a version) or entry point it names, which
 * the simulator does not run; the caller stays connected. `handOffFlow.handOffTo` is an id, or for
 * a dynamic GoTo the `{{variable}}` holding one; a destination that renders empty is an activity
 * error (Undefined Error, GoTo's only exit). The summary names the static destination by its
 * display name (`handOffToName`), a dynamic one by the rendered value.
 */
export const handOff: ActivityHandler = (run) => {
  const target = prop(run.activity, 'handOffFlow');
  const field = (key: string) => text(getOwn(target, key))?.trim() ?? '';
  const kind = getOwn(target, 'isEntryPoint') === true ? 'entry point' : 'flow';
  const scope = run.vars.scope();
  const destination = field('handOffTo');
  const rendered = run.expr.render(destination, scope, 'the GoTo destination').trim();
  if (rendered === '') throw new ActivityError(`no ${kind} to go to${destination === '' ? '' : `: ${destination} is empty`}`);
  const name = rendered === destination ? field('handOffToName') || rendered : rendered;
  const tag = field('flowTagId');
  const version = kind === 'flow' ? (rendered === destination ? field('flowTagName') || tag : run.expr.render(tag, scope, 'the GoTo flow version').trim()) : '';
  return { kind: 'end', summary: `went to ${kind} ${name}${version ? ` (${version})` : ''} at ${run.activity.label}` };
};
