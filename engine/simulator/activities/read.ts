/** Tolerant readers for activity properties (exports drift between `2000` and `"2000"`, null and absent). */
import type { Activity } from '../../model.js';
import { getOwn } from '../variables.js';

export function prop(activity: Activity, key: string): unknown {
  return getOwn(activity.props, key);
}

/** A UI display copy (`connectorId:name`, `menuLinks:input`), from `ui` or, failing that, from props. */
export function uiProp(activity: Activity, key: string): unknown {
  return getOwn(activity.ui, key) ?? getOwn(activity.props, key);
}

export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function textProp(activity: Activity, key: string): string | undefined {
  return text(prop(activity, key));
}

/** An integer from `3` or `"3"`; undefined otherwise. */
export function intProp(activity: Activity, key: string): number | undefined {
  const raw = text(prop(activity, key))?.trim();
  if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

export function boolProp(activity: Activity, key: string): boolean {
  const raw = prop(activity, key);
  return raw === true || (typeof raw === 'string' && raw.trim().toLowerCase() === 'true');
}

/**
 * The labels shown beside a list property's options (`menuLinks:input` beside `menuLinks`,
 * `allocations:input` beside `allocations`), from `ui` or props, or as some exports spell it
 * (`menuLinks_input`); [] when there are none.
 */
export function optionInputs(activity: Activity, key: string): string[] {
  return textList(uiProp(activity, `${key}:input`) ?? prop(activity, `${key}_input`));
}

/** A list of strings (non-strings become text; anything that is not a list gives []). */
function textList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => text(item) ?? '');
}
