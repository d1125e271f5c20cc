/**
 * Which failed trace entry a happy-path deviation's message quotes the error of (trace-excerpts.ts
 * afterwards, failureInSummary): the variable that entry's failure is about goes with the
 * deviation (its failedVariable), never read back from the message's wording.
 */
import { expect, test } from '@playwright/test';
import { afterwards, failureInSummary } from '../../../checks/callback-on-global-error/lib/happy-path/trace-excerpts.js';
import type { MissionNodes } from '../../../checks/callback-on-global-error/lib/find.js';
import type { TraceEntry } from '../../../engine/trace.js';

const entry = (activity: string, outcome = 'out', extra: Partial<TraceEntry> = {}): TraceEntry => ({ flow: 'main', activity, activityId: activity, type: 'set-variable', outcome, modifiedVariables: {}, ...extra });
const failing = (activity: string) => entry(activity, 'error', { error: `variable 'ghost' is not declared in the flow`, failedVariable: { name: 'ghost', problem: 'undeclared' } });

const ghost = { name: 'ghost', problem: 'undeclared' };

test('afterwards: the next entry\'s failure, quoted with its variable; none when it went on; at the end, the one the summary quotes', () => {
  const fails = failing('SetVariable_ww');
  expect(afterwards([entry('WantCallback', '3'), fails, entry('OnGlobalError')], 0, 'ended')).toEqual({ told: `it went on to SetVariable_ww, which failed: ${fails.error}`, failedVariable: ghost });
  expect(afterwards([entry('WantCallback', '3'), entry('SetVariable_ok'), fails], 0, 'ended')).toEqual({ told: 'it went on to SetVariable_ok' });
  expect(afterwards([entry('WantCallback', '3'), fails], 1, `ended: ${fails.error}`)).toEqual({ told: `ended: ${fails.error}`, failedVariable: ghost });
  expect(afterwards([entry('WantCallback', '3')], 0, 'ended')).toEqual({ told: 'ended' });
});

test('afterwards: not SimulateGlobalError failing on purpose, whose failure it does not quote', () => {
  const simulate = { ...failing('SimulateGlobalError'), failedVariable: { name: 'simulatederror', problem: 'type' as const } };
  const nodes = { simulateError: { label: 'SimulateGlobalError' } } as unknown as MissionNodes;
  const trace = [entry('GET_CBID', 'default'), simulate, entry('OnGlobalError')];
  expect(afterwards(trace, 0, 'ended', nodes)).toEqual({ told: 'it went on to SimulateGlobalError, which raises the global error on purpose, so nothing after it runs' });
  expect(afterwards(trace, 0, 'ended').failedVariable).toEqual(simulate.failedVariable);
});

test('failureInSummary: the last entry when it failed (the call ended on its error), else none', () => {
  const fails = failing('SetVariable_ev');
  expect(failureInSummary([entry('OnGlobalError'), fails])).toBe(fails);
  expect(failureInSummary([fails, entry('OnGlobalError')])).toBeUndefined();
  expect(failureInSummary([])).toBeUndefined();
});
