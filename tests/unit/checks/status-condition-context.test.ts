/**
 * status-condition-expression evaluates HTTPStatusCode's Expression for each status code as the call
 * would: the flow variables as the simulated call filled them before the Create Task request, and the
 * response body the simulated calls got (201, and the error scenarios' 400 and 500). Before, they were
 * the variables' defaults and an empty body: a condition also requiring `outdialcbid is not empty` or a
 * non-empty body failed, though the simulated call took True on 201 (a grader audit).
 */
import { test, expect } from '@playwright/test';
import { gradeMutation, props, resultOf, type Json } from './support.js';

const withExpression = (expression: string) => (f: Json) => {
  props(f, 'HTTPStatusCode').expression = expression;
};

async function judged(expression: string): Promise<[string, string]> {
  const report = await gradeMutation(withExpression(expression));
  const result = resultOf(report, 'status-condition-expression');
  return [result.status, result.message];
}

test('a condition that also reads a variable GET_CBID filled, or the 201 answer\'s body, passes: the call takes True on 201 and False otherwise', async () => {
  for (const expression of [
    '{{CallBackAPI_HTTPRequest.httpStatusCode == 201 and outdialcbid is not empty}}',
    '{{CallBackAPI_HTTPRequest.httpStatusCode == 201 and CallBackAPI_HTTPRequest.httpResponseBody is not empty}}',
    '{{CallBackAPI_HTTPRequest.httpStatusCode == 201 and CallBackAPI_HTTPRequest.httpResponseBody contains "data"}}',
  ]) {
    expect(await judged(expression), expression).toEqual(['passed', 'HTTPStatusCode is true for CallBackAPI_HTTPRequest.httpStatusCode 201 and false for every other status code']);
  }
});

test('what the call really had still fails a condition: a variable GET_CBID filled tested empty is false on 201; a body tested alone is true on the 400 answer\'s body too', async () => {
  expect(await judged('{{CallBackAPI_HTTPRequest.httpStatusCode == 201 and outdialcbid is empty}}')).toEqual([
    'failed',
    'HTTPStatusCode expression gives false with CallBackAPI_HTTPRequest.httpStatusCode = 201; it must give true',
  ]);
  expect(await judged('{{CallBackAPI_HTTPRequest.httpResponseBody is not empty}}')).toEqual([
    'failed',
    'HTTPStatusCode expression gives true with CallBackAPI_HTTPRequest.httpStatusCode = 400; it must give false',
  ]);
});
