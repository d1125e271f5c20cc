import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadFlow } from '../../../engine/loader.js';
import { HAS_SHARED, SHARED } from '../../helpers.js';

/** Pinned shape of every real export in ../shared/real-flows (counts read off the files). */
const REAL_FLOWS: Record<string, { flowType: string; generation: string; activities: number; links: number; variables: number; eventActivities: number; eventLinks: number; handlers: number; linkedHandlers: number }> = {
  'avoid-duplicate-callback_menu-setvar-condition-http-graphql-callback.json': { flowType: 'FLOW', generation: '2025', activities: 18, links: 21, variables: 7, eventActivities: 8, eventLinks: 0, handlers: 8, linkedHandlers: 0 },
  'event-flow-handlers_outbound-campaign-result_case_setcallerid_play_disconnect.json': { flowType: 'FLOW', generation: '2025-graphql', activities: 2, links: 1, variables: 3, eventActivities: 10, eventLinks: 11, handlers: 4, linkedHandlers: 2 },
  'graphql-typename-variant_outbound-preview_global-vars_start-to-end.json': { flowType: 'FLOW', generation: '2025-graphql', activities: 2, links: 1, variables: 4, eventActivities: 4, eventLinks: 0, handlers: 4, linkedHandlers: 0 },
  'hello-world_start-play-disconnect_MIT.json': { flowType: 'FLOW', generation: '2025', activities: 3, links: 2, variables: 0, eventActivities: 4, eventLinks: 0, handlers: 4, linkedHandlers: 0 },
  'older-2024-02_simple-inbound_audiofile-prompt_queue_music-loop.json': { flowType: 'FLOW', generation: '2024', activities: 4, links: 4, variables: 0, eventActivities: 6, eventLinks: 0, handlers: 6, linkedHandlers: 0 },
  'subflow_error-handler_end-subflow.json': { flowType: 'SUBFLOW', generation: '2025', activities: 4, links: 3, variables: 1, eventActivities: 0, eventLinks: 0, handlers: 0, linkedHandlers: 0 },
  'subflow_http-unauthenticated-get_menu_collectdigits_condition_setvar-to-variable.json': { flowType: 'SUBFLOW', generation: '2025', activities: 12, links: 20, variables: 2, eventActivities: 0, eventLinks: 0, handlers: 0, linkedHandlers: 0 },
  'template-body_subflow_http-post-json-body_setVariablesArray_2026.json': { flowType: 'SUBFLOW', generation: '2026', activities: 6, links: 6, variables: 10, eventActivities: 0, eventLinks: 0, handlers: 0, linkedHandlers: 0 },
};

test.describe('real exports in ../shared/real-flows', () => {
  test.skip(!HAS_SHARED, '../shared is not present');

  for (const [file, expected] of Object.entries(REAL_FLOWS)) {
    test(`loads ${file}`, () => {
      const result = loadFlow(readFileSync(path.join(SHARED, 'real-flows', file)), { fileName: file });
      expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
      if (!result.ok) return;
      const m = result.model;
      expect({
        flowType: m.flowType,
        generation: m.generation,
        activities: m.main.activities.length,
        links: m.main.links.length,
        variables: m.variables.length,
        eventActivities: m.events.activities.length,
        eventLinks: m.events.links.length,
        handlers: m.handlers.length,
        linkedHandlers: m.handlers.filter((h) => h.target).length,
      }).toEqual(expected);
      expect(m.findings).toEqual([]);
      expect(m.main.start, 'a start node').toBeTruthy();
      // Every activity on the main flow has a type and a label; events are recognised.
      for (const a of [...m.main.activities, ...m.events.activities]) {
        expect(a.label).not.toBe('');
        expect(a.type).not.toBe('unknown');
      }
    });
  }

  test('the template body is unwrapped and flagged', () => {
    const file = 'template-body_subflow_http-post-json-body_setVariablesArray_2026.json';
    const result = loadFlow(readFileSync(path.join(SHARED, 'real-flows', file)));
    expect(result.ok && result.model.templateBody).toBe(true);
  });

  test('event handlers are found by both names and lead where the export links them', () => {
    const file = 'event-flow-handlers_outbound-campaign-result_case_setcallerid_play_disconnect.json';
    const result = loadFlow(readFileSync(path.join(SHARED, 'real-flows', file)));
    if (!result.ok) throw new Error(result.error.message);
    const preDial = result.model.handlers.find((h) => h.display === 'PreDial');
    expect(preDial?.name).toBe('ContactPredial');
    const target = result.model.events.activities.find((a) => a.id === preDial?.target);
    expect(target?.type).toBe('SetCallerID');
    const campaign = result.model.handlers.find((h) => h.name === 'ContactOutboundCampaignResult');
    expect(campaign?.display).toBe('OutboundCampaignCallResult');
    expect(campaign?.reaches.length).toBeGreaterThan(2);
  });

  test('self-loops, UI copies and menu exits of a real menu', () => {
    const file = 'avoid-duplicate-callback_menu-setvar-condition-http-graphql-callback.json';
    const result = loadFlow(readFileSync(path.join(SHARED, 'real-flows', file)));
    if (!result.ok) throw new Error(result.error.message);
    const menu = result.model.main.activities.find((a) => a.type === 'ivr-menu')!;
    expect(menu.knownExits).toEqual(['1', '2', 'timeout', 'invalid', 'error']);
    expect(menu.exits.timeout).toBe(menu.id); // timeout loops back into the menu
    expect(menu.ui['menuLinks:input']).toEqual(['callback', 'wait in Queue']);
    expect(menu.props).not.toHaveProperty('menuLinks:input');
    const http = result.model.main.activities.find((a) => a.type === 'http-request-v2')!;
    expect(http.ui['connectorId:name']).toBe('webexCC');
    expect(http.unlinkedExits).toEqual([]);
  });
});

test.describe('the model says what ../shared/reference/flow-format.md says each real export means', () => {
  test.skip(!HAS_SHARED, '../shared is not present');

  const model = (file: string) => {
    const result = loadFlow(readFileSync(path.join(SHARED, 'real-flows', file)), { fileName: file });
    if (!result.ok) throw new Error(result.error.message);
    return result.model;
  };
  const byLabel = (m: ReturnType<typeof model>, label: string) => [...m.main.activities, ...m.events.activities].find((a) => a.label === label)!;

  test('older (2024-02): version 0, event nodes without activityName, an audio-file prompt, a music self-loop', () => {
    const m = model('older-2024-02_simple-inbound_audiofile-prompt_queue_music-loop.json');
    expect(m.version).toBe(0);
    expect(m.events.activities.every((a) => a.type === 'event' && !('activityName' in a.props))).toBe(true);
    expect(byLabel(m, 'WelcomePrompt').props).toMatchObject({ toggle: false, prompts: [{ type: 'audioFile', value: 'Welcome.wav' }] });
    const music = byLabel(m, 'MusicOnHold');
    expect(music.exits.default).toBe(music.id);
  });

  test('2026 subflow in a template body: a JSON output variable, setVariablesArray rows, a condition with both ways linked', () => {
    const m = model('template-body_subflow_http-post-json-body_setVariablesArray_2026.json');
    expect(m.main.activities.find((a) => a.id === m.main.start)?.type).toBe('NewSubFlowStart');
    expect(m.variables.find((v) => v.name === 'outPutJSONFromMakePayment')).toMatchObject({ type: 'JSON', defaultValue: {}, source: 'SUBFLOW_OUTPUT' });
    expect(byLabel(m, 'SetVariable_5f3').props.setVariablesArray).toHaveLength(1);
    expect(Object.keys(byLabel(m, 'Condition_2yp').exits).sort()).toEqual(['false', 'true']);
  });

  test('subflows: a condition linked on true, false and error; defaults kept as text; SUBFLOW_INPUT and _OUTPUT', () => {
    const http = model('subflow_http-unauthenticated-get_menu_collectdigits_condition_setvar-to-variable.json');
    expect(Object.keys(byLabel(http, 'CheckHTTPStatus').exits).sort()).toEqual(['error', 'false', 'true']);
    expect(http.variables.find((v) => v.name === 'response')).toMatchObject({ type: 'STRING', defaultValue: 'NULL', source: 'SUBFLOW_OUTPUT' });
    const error = model('subflow_error-handler_end-subflow.json');
    const play = byLabel(error, 'PlayMessage_b06');
    expect(Object.values(play.exits).map((id) => error.main.activities.find((a) => a.id === id)?.type)).toEqual(['end-subflow', 'end-subflow']);
    expect(error.variables).toMatchObject([{ name: 'errorMessage', source: 'SUBFLOW_INPUT', defaultValue: null }]);
  });

  test('a STRING default "null" stays the text null; GLOBAL variables of a GraphQL-style export; start straight to End Flow', () => {
    const adcb = model('avoid-duplicate-callback_menu-setvar-condition-http-graphql-callback.json');
    expect(adcb.variables.find((v) => v.name === 'response')?.defaultValue).toBe('null');
    expect(adcb.variables.find((v) => v.name === 'counter')?.defaultValue).toBe(0);
    const preview = model('graphql-typename-variant_outbound-preview_global-vars_start-to-end.json');
    expect(preview.variables.every((v) => v.source === 'GLOBAL')).toBe(true);
    const start = preview.main.activities.find((a) => a.id === preview.main.start)!;
    expect(preview.main.activities.find((a) => a.id === start.exits.out)?.type).toBe('end');
  });
});
