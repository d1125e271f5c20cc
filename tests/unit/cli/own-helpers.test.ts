/**
 * Helpers only their own module calls are not exported, nor a second name for another module's
 * function: an export says another module (or a test) relies on it, and it is then kept, and its
 * words held to, for nothing. (The types NameMatcher, cli/grade/glob.ts, and GivenFile,
 * web/messages.ts, are their own files' too; nothing at run time can tell.)
 */
import { expect, test } from '@playwright/test';
import * as read from '../../../engine/simulator/activities/read.js';
import * as writeWhole from '../../../cli/write-whole.js';
import * as messages from '../../../web/messages.js';

test('read.ts keeps textList (optionInputs\' reading of a list) and write-whole.ts isWriteFailure to themselves', () => {
  expect(Object.keys(read)).not.toContain('textList');
  expect(Object.keys(writeWhole)).not.toContain('isWriteFailure');
  // What they serve is exported.
  expect(Object.keys(read)).toContain('optionInputs');
  expect(Object.keys(writeWhole)).toContain('writeWhole');
});

test('web/messages.ts gives printableLine no second name: its lines and the page\'s are printableLine\'s, called so', () => {
  expect(Object.keys(messages)).not.toContain('oneLine');
  expect(Object.keys(messages)).toContain('summaryLine');
});
