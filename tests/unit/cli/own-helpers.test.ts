/**
 * Helpers only their own module calls are not exported: an export says another module (or a
 * test) relies on it, and such a helper is then kept, and its words held to, for nothing.
 * (The types NameMatcher, cli/grade/glob.ts, and GivenFile, web/messages.ts, are their own files' too;
 * nothing at run time can tell.)
 */
import { expect, test } from '@playwright/test';
import * as read from '../../../engine/simulator/activities/read.js';
import * as writeWhole from '../../../cli/write-whole.js';

test('read.ts keeps textList (optionInputs\' reading of a list) and write-whole.ts isWriteFailure to themselves', () => {
  expect(Object.keys(read)).not.toContain('textList');
  expect(Object.keys(writeWhole)).not.toContain('isWriteFailure');
  // What they serve is exported.
  expect(Object.keys(read)).toContain('optionInputs');
  expect(Object.keys(writeWhole)).toContain('writeWhole');
});
