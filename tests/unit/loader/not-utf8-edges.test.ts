/**
 * The message for an export that is not UTF-8 (engine/json-text.ts, a48a058) names the byte's
 * Windows-1252 character only when it is a visible one: a no-break space (A0) or a soft hyphen
 * (AD) would quote as nothing. Found by a mutation sweep: either exception could go unnoticed.
 */
import { test, expect } from '@playwright/test';
import { loadFlow } from '../../../engine/loader.js';
import { tinyFlow } from './tiny-flow.js';

test('a Latin-1 export whose first byte past ASCII is a no-break space or a soft hyphen: the byte is named without a character', () => {
  for (const [byte, hex] of [[0xa0, '0xA0'], [0xad, '0xAD'], [0xe9, '0xE9, "é" in Windows-1252,']] as const) {
    const text = JSON.stringify(tinyFlow({ description: 'xx' }));
    const at = text.indexOf('xx');
    const bytes = new Uint8Array([...Buffer.from(text.slice(0, at), 'latin1'), byte, ...Buffer.from(text.slice(at + 1), 'latin1')]);
    const result = loadFlow(bytes);
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.error.message;
    expect(message).toBe(`not valid JSON: the file is not UTF-8 (byte ${hex} at line 1 column ${at + 1}, as in a file saved as "ANSI", Windows-1252 or Latin-1); export it again from Flow Designer, or save it as UTF-8`);
  }
});
