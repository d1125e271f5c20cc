/**
 * The grader on flows whose templates use Pebble tags and comments (`{% if %}`, `{% set %}`,
 * `{# #}`), which Flow Designer runs as Pebble does (docs/expressions.md): each row is a change to
 * the solution and exactly the checks it must fail (none: the flow passes).
 */
import { test, expect } from '@playwright/test';
import { failing, gradeMutation, props, resultOf, type Json } from './support.js';

const simulatedError = (value: string) => (f: Json): void => { props(f, 'SimulateGlobalError').expr = value; };
const destination = (value: string) => (f: Json): void => {
  const p = props(f, 'CallBackAPI_HTTPRequest');
  p.httpRequestBody = p.httpRequestBody.replace('"{{customani}}"', `"${value}"`);
};

/** The value fails to evaluate only in a branch Pebble never takes: nothing fails, no global error. */
const UNTAKEN_BRANCH = ['simulate-error-value-fails', 'run-global-error-raised'];

const cases: [string, (f: Json) => void, string[]][] = [
  ['SimulateGlobalError with a comment before the guide value', simulatedError('{# force the global error #}{{ ANI | 123}}'), []],
  ['SimulateGlobalError failing in a set tag', simulatedError('{% set forced = ANI | 123 %}'), []],
  ['SimulateGlobalError failing in an if that is taken', simulatedError('{% if true %}{{ ANI | 123 }}{% endif %}'), []],
  ['SimulateGlobalError failing only in an else never taken', simulatedError('{% if true %}{{ ANI }}{% else %}{{ ANI | nope }}{% endif %}'), UNTAKEN_BRANCH],
  ['SimulateGlobalError failing only inside a comment', simulatedError('{# {{ ANI | 123 }} #}{{ ANI }}'), UNTAKEN_BRANCH],
  ['SimulateGlobalError with an unknown tag', simulatedError('{% fail %}'), []],
  ['body destination chosen with an if', destination('{% if customani is empty %}{{ NewPhoneContact.ANI }}{% else %}{{ customani }}{% endif %}'), []],
  ['body with a literal value written as a tag', (f) => {
    const p = props(f, 'CallBackAPI_HTTPRequest');
    p.httpRequestBody = p.httpRequestBody.replace('"immediate"', '"{% if true %}immediate{% endif %}"');
  }, []],
  ['body with a tag that renders another value', (f) => {
    const p = props(f, 'CallBackAPI_HTTPRequest');
    p.httpRequestBody = p.httpRequestBody.replace('"immediate"', '"{% if false %}immediate{% else %}scheduled{% endif %}"');
  }, ['callback-api-body', 'run-task-created']],
  ['condition as an if tag without {{ }}', (f) => {
    props(f, 'HTTPStatusCode').expression = '{% if CallBackAPI_HTTPRequest.httpStatusCode == 201 %}true{% else %}false{% endif %}';
  }, []],
];

for (const [name, mutation, checks] of cases) {
  test(`${name}: fails exactly ${checks.length ? checks.join(', ') : 'nothing'}`, async () => {
    expect(failing(await gradeMutation(mutation))).toEqual(checks);
  });
}

test('a Condition whose if tag tests 200 is not called plain text', async () => {
  const report = await gradeMutation((f) => {
    props(f, 'HTTPStatusCode').expression = '{% if CallBackAPI_HTTPRequest.httpStatusCode == 200 %}true{% else %}false{% endif %}';
  });
  const message = resultOf(report, 'status-condition-expression').message;
  expect(message).not.toContain('plain text');
  expect(message).toContain('it tests 200 (OK)');
});
