/** Report file names from attendee ids: every character outside A–Z a–z 0–9 . _ - becomes one `_` (docs/grade.md). */
import { test, expect } from '@playwright/test';
import { assignFileNames, nameClashKey, safeBaseName } from '../../../cli/grade/file-names.js';

test('a character beyond the BMP (an emoji) becomes one _, as any other character does', () => {
  expect(safeBaseName('Zoë')).toBe('Zo_');
  expect(safeBaseName('Zoë😀')).toBe('Zo__');
  expect(safeBaseName('😀')).toBe('_');
  expect(safeBaseName('a𠀀b')).toBe('a_b');
  // Names and the --shard grouping key agree: an id with an emoji clashes with the same id with another symbol.
  expect(nameClashKey('Zoë😀')).toBe(nameClashKey('Zoë!'));
  expect(assignFileNames(['Zoë😀', 'Zoë!'])).toEqual(['Zo__', 'Zo__-2']);
});
