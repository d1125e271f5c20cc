/**
 * The happy-path stages (checks/callback-on-global-error/lib/happy-path.ts) on edges a mutation
 * sweep found no test holding: the handler's event node known by its flow as well as by its label,
 * and a wrong getresult shown whole up to 160 characters.
 */
import { test, expect } from '@playwright/test';
import { activity, gradeMutation, props, resultOf } from './support.js';

test('OnGlobalError whose event node carries another label still counts as the global error handler', async () => {
  const report = await gradeMutation((f) => {
    const event = activity(f, 'GlobalErrorHandling');
    event.name = 'OnGlobalError_2';
  });
  const result = resultOf(report, 'run-global-error-raised');
  expect([result.status, result.message]).toEqual(['passed', expect.any(String)]);
  expect(report.verdict).toBe('passed');
});

test('a wrong getresult is shown whole up to 160 characters, cut with ... beyond', async () => {
  const set = (text: string) => (f: Record<string, any>) => Object.assign(props(f, 'SetGetResult'), { setTo: 'set-to-literal', expr: text });
  const whole = resultOf(await gradeMutation(set('x'.repeat(158))), 'run-getresult-holds-body');
  expect(whole.message).toBe(`After SetGetResult, getresult = "${'x'.repeat(158)}", not the response body of GET_CBID`);
  const cut = resultOf(await gradeMutation(set('x'.repeat(159))), 'run-getresult-holds-body');
  expect(cut.message).toBe(`After SetGetResult, getresult = "${'x'.repeat(156)}..., not the response body of GET_CBID`);
});
