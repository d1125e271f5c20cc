/**
 * Small hostile flows for the security tests, built with the simulator tests' export builder, and
 * the checks every security test ends with: nothing polluted, no global set, no file written.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { tempDir } from '../../helpers.js';
import { exportOf, type FlowSpec, type Node } from '../simulator/helpers.js';

export { removeTempDirs, tempDir } from '../../helpers.js';
export { buildFlow, exportOf, fakeServices, http, HttpResponse, play, setVar } from '../simulator/helpers.js';

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
const FUNCTION_PROTOTYPE_KEYS = Object.getOwnPropertyNames(Function.prototype).sort();
const ARRAY_PROTOTYPE_KEYS = Object.getOwnPropertyNames(Array.prototype).sort();
const GLOBAL_KEYS = new Set(Object.getOwnPropertyNames(globalThis));

/** A fresh path in a fresh temp folder that a payload would create if it ran. */
export function markerPath(name = 'pwned'): string {
  return path.join(tempDir('payload'), name);
}

/** No prototype changed, no `polluted`/`pwned` anywhere, no new global, no marker file. */
export function expectNoVisibleEffect(markers: string[] = []): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  expect(Object.getOwnPropertyNames(Function.prototype).sort()).toEqual(FUNCTION_PROTOTYPE_KEYS);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(ARRAY_PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  const newGlobals = Object.getOwnPropertyNames(globalThis).filter((k) => !GLOBAL_KEYS.has(k) && /pwn|pollut/i.test(k));
  expect(newGlobals).toEqual([]);
  for (const marker of markers) expect(existsSync(marker), `${marker} was written`).toBe(false);
}

/** An HTTP Request activity (unauthenticated GET unless props say otherwise) with parse settings. */
export function httpNode(label: string, url: string, rows: { outputVariable: string; jsonPathExp: string }[] = [], props: Record<string, unknown> = {}): Node {
  return {
    label,
    type: 'http-request-v2',
    props: {
      authenticated: false,
      httpRequestMethod: 'GET',
      httpRequestUrl: url,
      httpRequestHeaders: {},
      httpQueryParameters: {},
      httpContentType: 'Application/JSON',
      contentType: 'JSON',
      outputVariableArray: rows,
      ...props,
    },
  };
}

/** NewPhoneContact → HTTP → Play "done" → Disconnect, with the given variables. */
export function httpFlow(node: Node, variables: FlowSpec['variables'] = []): Record<string, unknown> {
  return exportOf({
    variables,
    main: [node, { label: 'Done', type: 'play-message', props: { toggle: true, promptsTts: [{ type: 'tts', value: 'done', name: 'done' }] } }, { label: 'Disconnect', type: 'disconnect-contact' }],
    links: [
      ['NewPhoneContact', 'out', node.label],
      [node.label, 'default', 'Done'],
      ['Done', 'default', 'Disconnect'],
    ],
  });
}
