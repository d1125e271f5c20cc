/**
 * The two cuts a one-line message makes of a long text it quotes (engine/clip.ts): `...` within
 * `max` UTF-16 units (the simulator's expression and value messages, the happy path's), `…` within
 * `max` characters (a JSON member in a body's message, a trace table's cell); and a URL in a trace
 * row cut in its middle.
 */
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { clipMiddle, clipPointer, clipWithDots, clipWithEllipsis } from '../../../engine/clip.js';
import { Expressions } from '../../../engine/simulator/expressions.js';
import { convertToType } from '../../../engine/simulator/variables.js';
import { renderTraceTable } from '../../../reports/trace-table.js';

test('clipWithDots: a text of at most max units as it is, a longer one cut to max with ...', () => {
  expect(clipWithDots('x'.repeat(10), 10)).toBe('x'.repeat(10));
  expect(clipWithDots('x'.repeat(11), 10)).toBe('xxxxxxx...');
  expect(clipWithDots('', 10)).toBe('');
  // Units, not characters: an emoji counts 2.
  expect(clipWithDots('😀'.repeat(5), 10)).toBe('😀'.repeat(5));
  expect(clipWithDots('😀'.repeat(6), 10).length).toBe(10);
});

test('clipWithEllipsis: a text of at most max characters as it is, a longer one cut to max with …, no emoji split', () => {
  expect(clipWithEllipsis('x'.repeat(30), 30)).toBe('x'.repeat(30));
  expect(clipWithEllipsis('x'.repeat(31), 30)).toBe(`${'x'.repeat(29)}…`);
  expect(clipWithEllipsis('😀'.repeat(30), 30)).toBe('😀'.repeat(30));
  expect(clipWithEllipsis('😀'.repeat(31), 30)).toBe(`${'😀'.repeat(29)}…`);
});

test('clipWithEllipsis reads only the start of a long text, and cuts it as when it read all of it (lone surrogates too)', () => {
  const whole = (text: string, max: number) => {
    const characters = [...text];
    return characters.length > max ? `${characters.slice(0, max - 1).join('')}…` : text;
  };
  const texts = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.array(fc.integer({ min: 0xd7fe, max: 0xe001 }), { maxLength: 60 }).map((units) => String.fromCharCode(...units)));
  fc.assert(fc.property(texts, fc.integer({ min: 1, max: 30 }), (text, max) => expect(clipWithEllipsis(text, max)).toBe(whole(text, max))), { numRuns: 3000 });
});

test('clipPointer: a pointer of at most 160 characters as it is, a longer one cut to 160 with …, no emoji split at the cut', () => {
  const pointer = `/${'x'.repeat(157)}😀${'y'.repeat(10)}`; // the emoji's two units are the 159th and 160th
  expect(clipPointer(pointer)).toBe(`/${'x'.repeat(157)}😀…`);
  expect(clipPointer(`/${'x'.repeat(157)}😀`)).toBe(`/${'x'.repeat(157)}😀`); // 159 characters (160 units): as it is
  expect(clipPointer('/a/😀😀😀/b', 4)).toBe('/a/…');
});

test('clipMiddle: a text of at most max characters as it is, a longer one its start and end around …, max in all, no emoji split', () => {
  expect(clipMiddle('abcdefghij', 10)).toBe('abcdefghij');
  expect(clipMiddle('abcdefghijk', 10)).toBe('abcde…hijk');
  expect(clipMiddle('abcdefghijkl', 9)).toBe('abcd…ijkl');
  expect([...clipMiddle('😀'.repeat(12), 10)]).toHaveLength(10);
  expect(clipMiddle('😀'.repeat(12), 10)).toBe(`${'😀'.repeat(5)}…${'😀'.repeat(4)}`);
});

// Where each cut is made, pinned at its bound (the happy path's 160 and a body's 30 are pinned in
// tests/unit/checks: happy-path-edges, lib).

test('an expression error quotes the expression within 120 units, a value that does not fit its variable within 60', () => {
  const expression = `{{ ${'a'.repeat(200)} | nosuchfilter }}`;
  const error = (() => {
    try {
      new Expressions({}).render(expression, new Map(), 'Value');
    } catch (thrown) {
      return thrown as Error;
    }
  })();
  expect(error?.message).toContain(`expression error in Value ${JSON.stringify(`${expression.slice(0, 117)}...`)}: `);
  expect(() => convertToType('x'.repeat(61), 'INTEGER', 'n')).toThrow(`cannot store ${JSON.stringify(`${'x'.repeat(57)}...`)} in Integer variable 'n'`);
  expect(() => convertToType('x'.repeat(60), 'INTEGER', 'n')).toThrow(`cannot store ${JSON.stringify('x'.repeat(60))} in Integer variable 'n'`);
  expect(() => convertToType({ list: ['y'.repeat(80)] }, 'INTEGER', 'n')).toThrow(`cannot store {"list":["${'y'.repeat(47)}... in Integer variable 'n'`);
});

test('a call past its expression budget quotes the expression within 120 units too', () => {
  const expression = `{{ range(1, 50) | length }}${'x'.repeat(200)}`;
  const error = (() => {
    try {
      new Expressions({}, { total: 10, left: 10 }).render(expression, new Map(), 'Value');
    } catch (thrown) {
      return thrown as Error;
    }
  })();
  expect(error?.message).toMatch(/^the expressions of one call take more than 10 steps together/);
  expect(error?.message.endsWith(`at Value ${JSON.stringify(`${expression.slice(0, 117)}...`)}`)).toBe(true);
});

test("a trace table's cell keeps 60 characters of an activity's name, … the 60th", () => {
  const row = (activity: string) => renderTraceTable([{ flow: 'main', activity, activityId: 'a', type: 'play-message', outcome: 'default', modifiedVariables: {} }]).split('\n')[1];
  expect(row('😀'.repeat(60))).toContain(` ${'😀'.repeat(60)} `);
  expect(row('😀'.repeat(61))).toContain(` ${'😀'.repeat(59)}… `);
});

// The cell is cut after the terminal's escapes are applied: a control character, removed, takes no
// room, and a cell that fits once it is gone is not cut.
test("a trace table's cell is cut as it is shown: a control character removed first takes none of its 60", () => {
  const row = (activity: string) => renderTraceTable([{ flow: 'main', activity, activityId: 'a', type: 'play-message', outcome: 'default', modifiedVariables: {} }]).split('\n')[1];
  expect(row(`${'a'.repeat(59)}\u0007b`)).toContain(` ${'a'.repeat(59)}b `);
});
