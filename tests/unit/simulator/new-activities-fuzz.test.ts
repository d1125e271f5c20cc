/**
 * The handlers for activity types of public templates (Percentage Allocation, GoTo, Bridged
 * Transfer, Wait, Queue To Agent, Parse) given hostile properties: any JSON value, Pebble text, deep
 * objects. Every run ends with an ordinary status, never the simulator's internal-error catch-all.
 */
import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { loadFlow } from '../../../engine/loader.js';
import { simulate, type Scenario } from '../../../engine/simulator/index.js';
import { fixturePath } from '../../helpers.js';
import { fakeServices } from './helpers.js';

const FILES = ['activities/routing-activities.json', 'activities/bridged-transfer-wait.json', 'activities/queue-to-agent.json', 'activities/parse-activity.json'];
/** The properties the new handlers read. */
const KEYS = ['handOffFlow', 'allocations', 'allocations:input', 'allocations_input', 'transfertodn', 'transfertodn:name', 'destinationVariable', 'inputVariable'];

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom('{{ nextFlow }}', '{{', '{{ 1/0 }}', '{{ x | nofilter }}', 'lastOrder', 'LookupCustomer.httpResponseBody', '{"percent":"1e999","desc":{}}', '{"percent":-5}', '__proto__'),
  fc.array(fc.oneof(fc.string(), fc.constantFrom('{"percent":50,"desc":"a"}', '{"percent":50}', 'not json')), { maxLength: 5 }),
  fc.record({ handOffTo: fc.oneof(fc.string(), fc.constant('{{lastAgent}}')), handOffToName: fc.jsonValue({ maxDepth: 1 }), isEntryPoint: fc.jsonValue({ maxDepth: 0 }), flowTagId: fc.oneof(fc.string(), fc.constant('{{ }}')) }, { requiredKeys: [] }),
);

test('hostile properties of the new activity types never end in an internal error', async () => {
  const docs = FILES.map((file) => readFileSync(fixturePath(file), 'utf8'));
  await fc.assert(
    fc.asyncProperty(fc.nat(docs.length - 1), fc.dictionary(fc.constantFrom(...KEYS), hostile, { maxKeys: 4 }), fc.boolean(), fc.constantFrom('working', 'closed', 'holiday', 'override'), async (which, props, agentsAvailable, businessHours) => {
      const exported = JSON.parse(docs[which]);
      for (const activity of Object.values(exported.process.activities as Record<string, { properties: Record<string, unknown> }>)) {
        for (const [key, value] of Object.entries(props)) Object.defineProperty(activity.properties, key, { value, enumerable: true, writable: true, configurable: true });
      }
      const loaded = loadFlow(JSON.stringify(exported));
      if (!loaded.ok) return;
      const result = await simulate(loaded.model, { agentsAvailable, businessHours } as Scenario, { services: fakeServices() });
      expect(['completed', 'error', 'stuck', 'not-simulated'], result.summary).toContain(result.status);
    }),
    { numRuns: 300, seed: 23 },
  );
});
