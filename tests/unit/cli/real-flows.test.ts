/** The CLI's text output on real public exports (../shared/real-flows; skipped when it is absent). Run `npm run build` first. */
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { HAS_SHARED, SHARED, runCli } from '../../helpers.js';

const real = (file: string) => path.join(SHARED, 'real-flows', file);

test.describe('real exports', () => {
  test.skip(!HAS_SHARED, '../shared is not present');

  test('simulate text: the callback the Callback activity registers is printed', async () => {
    const run = await runCli(['simulate', real('avoid-duplicate-callback_menu-setvar-condition-http-graphql-callback.json'), '--dtmf', 'Menu_lsi=1', '--no-color']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('callback registered at Callback_20e: dial +14085551234 (ANI +14085551234, queue 81350cc8-7e99-4146-83e3-a52de2cf92b7)\n');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('completed: caller disconnected at DisconnectContact_mx8_2bg');
  });

  test('inspect text: counts are singular for one, a graph without links has no empty links heading, and event handlers are counted like variables and findings (a subflow has none)', async () => {
    const preview = await runCli(['inspect', real('graphql-typename-variant_outbound-preview_global-vars_start-to-end.json')]);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('\nmain flow: 2 activities, 1 link\n');
    expect(preview.stdout).toContain('\nevent flows: 4 activities, 0 links\n  event: ContactPredial, GlobalErrorHandling, ContactOutboundCampaignResult, AgentOfferContact\n\nevent handlers (4):\n');
    const subflow = await runCli(['inspect', real('subflow_error-handler_end-subflow.json')]);
    expect(subflow.stdout).toContain('\nvariables (1):\n');
    expect(subflow.stdout).toContain('\nevent flows: 0 activities, 0 links\n\nevent handlers (0):\n\nfindings (0):\n');
  });
});
