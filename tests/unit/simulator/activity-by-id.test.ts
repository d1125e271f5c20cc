/**
 * One activity for one id (engine/graph.ts), read alike by the loader, the simulator and the checks,
 * and one breadth-first walk for what an activity reaches.
 */
import { test, expect } from '@playwright/test';
import { exitTarget } from '../../../checks/callback-on-global-error/lib/graph.js';
import { activityById, reachableFrom, reachableIds } from '../../../engine/graph.js';
import type { Activity, FlowGraph } from '../../../engine/model.js';
import { simulate } from '../../../engine/simulator/index.js';
import { buildFlow, disconnect, fakeServices, play } from './helpers.js';

test('two activities of one id (a graph the loader never makes: an id is a key of the export) are one activity, the first, to the simulator as to the checks', async () => {
  const model = buildFlow({
    main: [play('Welcome', 'Hello'), disconnect()],
    links: [['NewPhoneContact', 'out', 'Welcome'], ['Welcome', 'default', 'Disconnect']],
  });
  const welcome = model.main.activities.find((a) => a.label === 'Welcome')!;
  model.main.activities.push({ ...welcome, label: 'Impostor', exits: {} });
  const start = activityById(model.main, model.main.start)!;
  expect(exitTarget(model.main, start, 'out')?.label).toBe('Welcome');
  const result = await simulate(model, {}, { services: fakeServices() });
  expect(result.trace.map((e) => e.activity)).toEqual(['NewPhoneContact', 'Welcome', 'Disconnect']);
});

/** A graph of activities named by id, each `[id, { exit: target }]`. */
function graphOf(activities: [string, Record<string, string>][]): FlowGraph {
  const made = activities.map(([id, exits]) => ({ id, label: id, exits }) as unknown as Activity);
  return { kind: 'main', activities: made, links: [], pointer: '/process' };
}

test('reachableFrom: breadth-first from the starts (included), each once, past links to missing activities, never into or through `avoid`', () => {
  const graph = graphOf([
    ['a', { out: 'b', error: 'c' }],
    ['b', { out: 'd', other: 'missing' }],
    ['c', { out: 'a', x: 'e' }],
    ['d', {}],
    ['e', { out: 'f' }],
    ['f', {}],
  ]);
  expect(reachableFrom(graph, ['a']).map((a) => a.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  expect(reachableFrom(graph, ['a'], new Set(['c'])).map((a) => a.id)).toEqual(['a', 'b', 'd']);
  expect(reachableFrom(graph, ['missing', 'e', 'e']).map((a) => a.id)).toEqual(['e', 'f']);
  expect(reachableFrom(graph, ['a']).every((a) => a === activityById(graph, a.id))).toBe(true);
});

test('reachableIds walks any adjacency, asking each id visited once, in visiting order', () => {
  const next = new Map([['a', ['b', 'c', 'b']], ['b', ['a']], ['c', ['nowhere']]]);
  const asked: string[] = [];
  const ids = reachableIds(['a'], (id) => {
    asked.push(id);
    return next.get(id);
  });
  expect(ids).toEqual(['a', 'b', 'c']);
  expect(asked.filter((id) => next.has(id))).toEqual(['a', 'b', 'c']);
});

test('an activity with 200,000 exits is walked in linear time', () => {
  const exits = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`e${i}`, i % 2 ? 'hub' : 'leaf']));
  const graph = graphOf([['hub', exits], ['leaf', {}]]);
  expect(reachableFrom(graph, ['hub']).map((a) => a.id)).toEqual(['hub', 'leaf']);
});
