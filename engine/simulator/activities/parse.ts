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
 * value is its JSON — and copies the matches of `outputVariableArray` into flow variables by the
 * rules of the HTTP Request's parse settings (content type, empty on no match or text that is not
 * JSON, type conversion). Its only exit is `default`: a failure raises OnGlobalError.
 */
export const parseActivity: ActivityHandler = (run) => {
  const input = textProp(run.activity, 'inputVariable')?.trim() ?? '';
  if (input === '') throw new ActivityError('no input variable selected');
  const value = run.expr.evaluate(asVariableReference(input), run.vars.scope(), 'the input variable');
  applyParseSettings(run, convertToType(value, 'STRING', input) as string);
  return exit('default');
};
