/**
 * An edge of the encoding checks of engine/json-text.ts that the loader tests did not reach
 * (mutation sweep): a UTF-32 text of one character.
 */
import { expect, test } from '@playwright/test';
import { loadFlow } from '../../../engine/loader.js';

function failure(bytes: Uint8Array): { code: string; message: string } {
  const result = loadFlow(bytes);
  return result.ok ? { code: 'loaded', message: '' } : result.error;
}

test('a UTF-32 file of a single character (four bytes) is named UTF-32, as a longer one is', () => {
  const message = 'not valid JSON: the file is UTF-32, not UTF-8; export it again from Flow Designer, or save it as UTF-8';
  for (const bytes of [[0x7b, 0, 0, 0], [0, 0, 0, 0x7b], [0xff, 0xfe, 0, 0], [0, 0, 0xfe, 0xff]]) {
    expect(failure(new Uint8Array(bytes)), bytes.join(' ')).toEqual({ code: 'not-json', message });
  }
});
