/**
 * The Desktop Layout and AI Agent recognisers (engine/loader-other-files.ts) need both of their
 * keys, each an object where they say so (mutation sweep h25: one key alone, or null and a list
 * taken for an object, named a file that is neither). other-wxcc-files.test.ts has the files they name.
 */
import { test, expect } from '@playwright/test';
import { loadFlow } from '../../../engine/loader.js';

test('an agent object alone, appTitle without its area, or null and lists where objects are expected name nothing', () => {
  const others = [
    { agent: { area: {} } },
    { appTitle: 'Webex Contact Center' },
    { agent: [], supervisor: [] },
    { agent: null, supervisorAgent: null },
    { appTitle: 'x', area: null },
    { bot_type: 'autonomous', configuration: null },
    { bot_type: 'autonomous', configuration: [] },
  ];
  for (const other of others) {
    expect([other, loadFlow(JSON.stringify(other))]).toEqual([other, { ok: false, error: { code: 'not-a-flow', message: 'JSON object has no "process": not a Flow Designer export' } }]);
  }
});
