/**
 * Other JSON files a Webex Contact Center lab leaves beside the flow export, refused as
 * not-a-flow by what they are, not only by the "process" they lack: a Desktop Layout (the lab
 * downloads the default one; its 2022 form in wxcctechsummit/wxcclabguides, its current form in
 * CiscoDevNet/webex-contact-center-crm-integrations) and a Webex AI Agent export
 * (WebexCC-SA/FDE-Playbook-Catalog, beside the flow that calls the agent). Shapes written here,
 * keys as in those files.
 */
import { test, expect } from '@playwright/test';
import { loadFlow } from '../../../engine/loader.js';

const refusal = (value: unknown) => loadFlow(JSON.stringify(value));

test('a Desktop Layout, in its current and its older form, is named as such', () => {
  const message = 'this is a Desktop Layout, not a Flow Designer export: export the flow from Flow Designer (Flows → your flow → Export)';
  const current = { agent: { version: '0.1.0', appTitle: 'Webex Contact Center', area: {} }, supervisor: { area: {} }, supervisorAgent: { area: {} } };
  const older = { version: '0.0.6', appTitle: 'Flyhigh', logo: '', dragDropEnabled: false, notificationTimer: 8, area: { header: {}, panel: {}, navigation: [] } };
  for (const layout of [current, older]) expect(refusal(layout)).toEqual({ ok: false, error: { code: 'not-a-flow', message } });
});

test('a Webex AI Agent export is named as such', () => {
  const agent = { bot_type: 'autonomous', configuration: { name: 'Appointment_Scheduling', instructions: '…' }, tools: [] };
  expect(refusal(agent)).toEqual({
    ok: false,
    error: { code: 'not-a-flow', message: 'this is a Webex AI Agent export, not a Flow Designer export: export the flow that calls the agent from Flow Designer (Flows → your flow → Export)' },
  });
});

test('an object that only shares a key with them is still an object without "process"', () => {
  for (const other of [{ agent: 'x' }, { area: {} }, { configuration: {} }, { bot_type: 'x' }]) {
    expect(refusal(other)).toEqual({ ok: false, error: { code: 'not-a-flow', message: 'JSON object has no "process": not a Flow Designer export' } });
  }
});
