/** The sha256 filter against node:crypto's SHA-256 of the same text's UTF-8 bytes. */
import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { render } from './support.js';

const texts: [name: string, text: string][] = [
  ['empty', ''],
  ['emoji (a surrogate pair)', 'call back 📞 now 😀'],
  ['accents and CJK', 'héllo wörld 你好'],
  ['55 bytes (padding fits the block)', 'a'.repeat(55)],
  ['56 bytes (padding needs a second block)', 'a'.repeat(56)],
  ['long (many blocks)', 'The quick brown fox jumps over the lazy dog. 🦊'.repeat(500)],
];

for (const [name, text] of texts) {
  test(`sha256 of ${name} is node:crypto's`, () => {
    expect(render('{{ text | sha256 }}', { text })).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
}
