/**
 * Failures read as an attendee reads them: each message and hint names what is really wrong and
 * the change that mends it, and a failure caused by another check's mistake points to it.
 */
import { test, expect } from '@playwright/test';
import { gradeFixture, resultOf } from './support.js';

test('OnGlobalError still to EndFlow: the simulated call hints at the connection, not at the request settings', async () => {
  const result = resultOf(await gradeFixture('flows/defect-globalerror-still-to-endflow.json'), 'run-task-created');
  expect(result.status).toBe('failed');
  expect(result.hint).toContain('connect OnGlobalError to CallBackAPI_HTTPRequest');
  expect(result.hint).toContain('EndFlow_kid');
  expect(result.hint).not.toContain('Request Body');
});
