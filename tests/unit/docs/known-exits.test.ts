/**
 * docs/flow-format.md's table of Known exits gives each activity type the exits the loader knows
 * for it (engine/activity-types.ts), and names every type it knows: an exit added to or dropped
 * from a type, or a type added, without its row in the table fails here, as a reader of the page
 * would otherwise expect `unknown-exit` findings (or none) that the loader does not make.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { knownActivityTypes, knownExitsOf } from '../../../engine/activity-types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The start and event node types, which the table's first row names in words. */
const START_AND_EVENT_NODES = ['NewPhoneContact', 'NewContact', 'NewSubFlowStart', 'event', 'Event'];

/** The table's rows: each type it names → the exits it gives, `<option>` standing for "each key of `menuLinks`". */
function documentedExits(): Map<string, string[]> {
  const page = readFileSync(path.join(ROOT, 'docs/flow-format.md'), 'utf8');
  const start = page.indexOf('\n### Known exits\n');
  expect(start, 'docs/flow-format.md has a section "Known exits"').toBeGreaterThanOrEqual(0);
  const section = page.slice(start, page.indexOf('\n## ', start + 1));
  const rows = new Map<string, string[]>();
  for (const [, typeCell, exitCell] of section.matchAll(/^\| (.+?) \| (.+?) \|$/gm)) {
    if (typeCell === 'type' || /^-+$/.test(typeCell!)) continue;
    // A row's types are its first code span of each comma-separated part (`percent-allocation` (Percentage Allocation)).
    const types = typeCell === 'start and event nodes' ? START_AND_EVENT_NODES : [...typeCell!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    // The exits of a type with no extra note: the first clause (before `;` or `(`).
    const main = exitCell!.split(/;|\(shown/)[0]!;
    const exits = main === 'none' ? [] : [...main.replace(/each key of `[^`]+`/, '`<option>`').matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    for (const type of types) rows.set(type, exits);
  }
  return rows;
}

test('docs/flow-format.md Known exits gives every activity type the exits the loader knows, and names every type it knows', () => {
  const documented = documentedExits();
  const known = knownActivityTypes();
  expect([...documented.keys()].sort()).toEqual([...known].sort());
  for (const type of known) {
    // One option key stands for "each key of menuLinks / allocations".
    const exits = knownExitsOf(type, { menuLinks: ['<option>'], allocations: ['<option>'] })!;
    expect([type, [...documented.get(type)!].sort()]).toEqual([type, [...exits].sort()]);
  }
});

test('docs/flow-format.md: a Queue Contact of a digital channel has the default exit only, as its row says', () => {
  expect(knownExitsOf('queue-contact', { channelType: 'CUSTOM_MESSAGING' })).toEqual(['default']);
  expect(knownExitsOf('queue-contact', { channelType: 'TELEPHONY' })).toEqual(['default', 'failure']);
});
