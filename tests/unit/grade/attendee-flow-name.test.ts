/**
 * The attendee id a flow name gives (engine/attendee.ts attendeeOf), and macOS Finder's numbered
 * copy mark after an ID that is not the lab's: edges no attendee test held (mutation sweep).
 */
import { expect, test } from '@playwright/test';
import { attendeeOf, attendeeOfFile } from '../../../engine/attendee.js';

test('a flow named Main_Flow_<ID> in any case, or with spaces around it, gives <ID>', () => {
  for (const name of ['Main_Flow_140', 'main_flow_140', 'MAIN_FLOW_140', '  Main_Flow_140 ', '\tmain_Flow_140\n']) {
    expect(attendeeOf(name, {}), JSON.stringify(name)).toEqual({ id: '140', source: 'flow-name' });
  }
  expect(attendeeOf(' Main_Flow_jane_doe ', { fileName: 'export.json' })).toEqual({ id: 'jane_doe', source: 'flow-name' });
  expect(attendeeOf('Lab Flow', { fileName: 'export.json' })).toEqual({ id: 'export', source: 'file-name' });
});

test('Finder\'s " copy 2" after any ID is a copy mark, not part of the ID', () => {
  for (const file of ['Main_Flow_jane copy 2.json', 'Main_Flow_jane copy.json', 'Main_Flow_jane Copy 12.json']) expect(attendeeOfFile(file).id, file).toBe('jane');
  expect(attendeeOfFile('Main_Flow_140 copy 2.json').id).toBe('140');
});
