/**
 * The checks read the start node's contact data ignoring case, as the simulator does
 * (engine/contact-fields.ts): also where no existing row looked (mutation sweep h25) — through a
 * Set Variable that get-cbid-url replays before GET_CBID, and in the sample scope
 * simulate-error-value-fails evaluates the error value in.
 */
import { test, expect } from '@playwright/test';
import { TOLERATED } from './mutations.js';
import { failing, gradeMutation, props, resultOf, type Json } from './support.js';

test('dn={{dn}}, dn set before GET_CBID from {{NewPhoneContact.dnis | slice(2) }} in lower case, passes as the DNIS does', async () => {
  const lowerCase = (f: Json): void => {
    TOLERATED['dn-computed-by-a-set-variable'](f);
    props(f, 'Set_dn').expr = '{{NewPhoneContact.dnis | slice(2) }}';
  };
  const report = await gradeMutation(lowerCase);
  expect([failing(report), report.verdict]).toEqual([[], 'passed']);
});

test('an error value reading {{NewPhoneContact.ani}} evaluates to the sample ANI, as in the simulated call: no global error, so it fails', async () => {
  const report = await gradeMutation((f) => { props(f, 'SimulateGlobalError').expr = '{{NewPhoneContact.ani}}'; });
  expect(failing(report)).toContain('simulate-error-value-fails');
  expect(resultOf(report, 'simulate-error-value-fails').message).toBe('SimulateGlobalError sets simulatederror to "{{NewPhoneContact.ani}}", which evaluates without error (to "+14085551234"), so no global error is raised');
});
