/** The Parse activity: the HTTP Request's parse settings, run over a variable instead of a response. */
import { exit, type ActivityHandler } from '../context.js';
import { ActivityError } from '../errors.js';
import { asVariableReference } from '../expressions.js';
import { applyParseSettings } from '../parse-settings.js';
import { convertToType } from '../variables.js';
import { textProp } from './read.js';

/**
 * Parse: reads the value of `inputVariable` (a flow variable or an activity output such as
 * `GetRecord.httpResponseBody`; `{{ }}` around it are accepted) as JSON text — a JSON variable's
 * value is its JSON, its numbers as Java prints them — and copies the matches of `outputVariableArray` into flow variables by the
 * rules of the HTTP Request's parse settings (content type, empty on no match or text that is not
 * JSON, type conversion). Its only exit is `default`: a failure raises OnGlobalError.
 */
export const parseActivity: ActivityHandler = (run) => {
  const input = textProp(run.activity, 'inputVariable')?.trim() ?? '';
  if (input === '') throw new ActivityError('no input variable selected');
  const reference = asVariableReference(input);
  const value = run.expr.evaluate(reference, run.vars.scope(), 'the input variable');
  // A JSON variable (a list or map) as its rendered text, which prints its numbers as Java holds them (100.0, every digit of a Long).
  const json = typeof value === 'object' && value !== null ? run.expr.render(reference, run.vars.scope(), 'the input variable') : undefined;
  applyParseSettings(run, json ?? (convertToType(value, 'STRING', input) as string));
  return exit('default');
};
