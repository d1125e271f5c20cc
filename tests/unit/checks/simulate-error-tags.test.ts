/**
 * SimulateGlobalError's value written inside a Pebble comment ({# #}) or a {% verbatim %} block:
 * the guide's {{ ANI | 123}} is then never evaluated, so no error is raised. The failure says why,
 * since the value shown still holds the guide's expression.
 */
import { test, expect } from '@playwright/test';
import { gradeMutation, props, resultOf, type Json } from './support.js';

const withValue = (value: string) => (f: Json): void => {
  props(f, 'SimulateGlobalError').expr = value;
};

test('a value whose {{ }} lies in a {# #} comment is told the comment is never evaluated', async () => {
  const result = resultOf(await gradeMutation(withValue('{# {{ ANI | 123}} #}')), 'simulate-error-value-fails');
  expect(result.status).toBe('failed');
  expect(result.message).toBe('SimulateGlobalError sets simulatederror to "{# {{ ANI | 123}} #}", which evaluates without error (to ""), so no global error is raised: what {# #} holds is a comment, never evaluated');
});

test('a value whose {{ }} lies in {% verbatim %} is told it is written as text', async () => {
  const result = resultOf(await gradeMutation(withValue('{% verbatim %}{{ ANI | 123}}{% endverbatim %}')), 'simulate-error-value-fails');
  expect(result.status).toBe('failed');
  expect(result.message).toBe('SimulateGlobalError sets simulatederror to "{% verbatim %}{{ ANI | 123}}{% endverbatim %}", which evaluates without error (to "{{ ANI | 123}}"), so no global error is raised: what {% verbatim %} holds is written as text, never evaluated');
});

test('a value that evaluates with no comment or verbatim in it is told as before', async () => {
  const result = resultOf(await gradeMutation(withValue('{% if ANI %}{{ ANI }}{% endif %}')), 'simulate-error-value-fails');
  expect(result.message).toBe('SimulateGlobalError sets simulatederror to "{% if ANI %}{{ ANI }}{% endif %}", which evaluates without error (to ""), so no global error is raised');
});
