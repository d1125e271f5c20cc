/**
 * Which failed trace entry a happy-path deviation's message quotes the error of (trace-excerpts.ts
 * failureAfter, failureInSummary): the variable that entry's failure is about goes with the
 * deviation (its failedVariable), never read back from the message's wording.
 */
import { expect, test } from '@playwright/test';
import { failureAfter, failureInSummary } from '../../../checks/callback-on-global-error/lib/happy-path/trace-excerpts.js';
import type { MissionNodes } from '../../../checks/callback-on-global-error/lib/find.js';
import type { TraceEntry } from '../../../engine/trace.js';

const entry = (activity: string, outcome = 'out', extra: Partial<TraceEntry> = {}): TraceEntry => ({ flow: 'main', activity, activityId: activity, type: 'set-variable', outcome, modifiedVariables: {}, ...extra });
const failing = (activity: string) => entry(activity, 'error', { error: `variable 'ghost' is not declared in the flow`, failedVariable: { name: 'ghost', problem: 'undeclared' } });

test('failureAfter: the next entry when it failed, none when it went on; at the end, the one the summary quotes', () => {
  const fails = failing('SetVariable_ww');
  expect(failureAfter([entry('WantCallback', '3'), fails, entry('OnGlobalError')], 0)).toBe(fails);
  expect(failureAfter([entry('WantCallback', '3'), entry('SetVariable_ok'), fails], 0)).toBeUndefined();
  expect(failureAfter([entry('WantCallback', '3'), fails], 1)).toBe(fails);
  expect(failureAfter([entry('WantCallback', '3')], 0)).toBeUndefined();
});

test('failureAfter: not SimulateGlobalError failing on purpose, which afterwards does not quote', () => {
  const simulate = { ...failing('SimulateGlobalError'), failedVariable: { name: 'simulatederror', problem: 'type' as const } };
  const nodes = { simulateError: { label: 'SimulateGlobalError' } } as unknown as MissionNodes;
  expect(failureAfter([entry('GET_CBID', 'default'), simulate, entry('OnGlobalError')], 0, nodes)).toBeUndefined();
  expect(failureAfter([entry('GET_CBID', 'default'), simulate, entry('OnGlobalError')], 0)).toBe(simulate);
});

test('failureInSummary: the last entry when it failed (the call ended on its error), else none', () => {
  const fails = failing('SetVariable_ev');
  expect(failureInSummary([entry('OnGlobalError'), fails])).toBe(fails);
  expect(failureInSummary([fails, entry('OnGlobalError')])).toBeUndefined();
  expect(failureInSummary([])).toBeUndefined();
});
