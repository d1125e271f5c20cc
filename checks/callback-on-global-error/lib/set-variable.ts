/** Reading Set Variable activities: one row per assignment, whichever export shape holds them. */
import type { Activity } from '../../../engine/model.js';
import { hasExpression } from '../../../engine/pebble/index.js';

export interface Assignment {
  /** Variable written (`srcVariable`). */
  target: string;
  /** `set-to-literal` (Set Value) or `set-to-variable` (Set To Variable). */
  setTo: string;
  /** `expr`, else `literal`, as exported. */
  value: string;
}

const IDENTIFIER_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** The rows of a Set Variable: `setVariablesArray` when it has rows (newer exports), else the top-level fields. */
export function assignments(activity: Activity): Assignment[] {
  const array = activity.props.setVariablesArray;
  const rows: unknown[] = Array.isArray(array) && array.length > 0 ? array : [activity.props];
  return rows.map((row) => {
    const r = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>;
    return {
      target: typeof r.srcVariable === 'string' ? r.srcVariable.trim() : '',
      setTo: typeof r.setTo === 'string' ? r.setTo : 'set-to-literal',
      value: typeof r.expr === 'string' ? r.expr : typeof r.literal === 'string' ? r.literal : '',
    };
  });
}

/** The row that writes `variable`, if any. */
function assignmentTo(activity: Activity, variable: string): Assignment | undefined {
  return assignments(activity).find((row) => row.target === variable);
}

/** Does the activity write `variable` in any row? */
export function writes(activity: Activity, variable: string): boolean {
  return activity.type === 'set-variable' && assignmentTo(activity, variable) !== undefined;
}

/**
 * The value as a template, as Flow Designer runs it: a Set To Variable row holding a bare
 * `Label.output` reads that variable, so it becomes `{{Label.output}}`.
 */
export function valueTemplate(row: Assignment): string {
  const trimmed = row.value.trim();
  if (row.setTo === 'set-to-variable' && !hasExpression(trimmed) && IDENTIFIER_PATH.test(trimmed)) return `{{${trimmed}}}`;
  return row.value;
}
