/** Outcome contracts shared by the fuzz files (plain assertions: see `check`). */
import type { LoadResult } from '../../../engine/loader.js';
import type { FlowGraph } from '../../../engine/model.js';
import { check } from './support.js';

/** docs/errors.md: every code the loader may give. */
export const LOAD_CODES = new Set(['empty-file', 'not-json', 'too-large', 'too-deep', 'not-a-flow', 'bad-template-body', 'invalid-flow']);

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join(',');
const ARRAY_PROTOTYPE_KEYS = Object.getOwnPropertyNames(Array.prototype).sort().join(',');

/** Nothing was added to or changed on the shared prototypes, and no global flag was set. */
export function checkNoPollution(): void {
  check(Object.getOwnPropertyNames(Object.prototype).sort().join(',') === PROTOTYPE_KEYS, 'Object.prototype changed');
  check(Object.getOwnPropertyNames(Array.prototype).sort().join(',') === ARRAY_PROTOTYPE_KEYS, 'Array.prototype changed');
  check(({} as Record<string, unknown>).polluted === undefined, '({}).polluted is set');
  check((globalThis as Record<string, unknown>).pwned === undefined, 'globalThis.pwned is set');
}

/** A consistent model, or a documented code with one short line — never the loader's bug catch-all. */
export function checkLoadOutcome(result: LoadResult): void {
  if (result.ok) {
    const { model } = result;
    check(typeof model.name === 'string', 'model.name is not a string');
    for (const graph of [model.main, model.events]) checkConsistentGraph(graph);
    for (const finding of model.findings) {
      check(typeof finding.code === 'string' && finding.message.length > 0, () => `bad finding ${JSON.stringify(finding)}`);
    }
    JSON.stringify(model);
  } else {
    const { code, message } = result.error;
    check(LOAD_CODES.has(code), `undocumented error code ${code}`);
    check(message.length > 0, 'empty error message');
    check(!/[\r\n]/.test(message), () => `error message is not one line: ${JSON.stringify(message.slice(0, 300))}`);
    check(message.length <= 500, () => `error message of ${message.length} characters: ${JSON.stringify(message.slice(0, 300))}…`);
    // The loader's catch-all for its own bugs: a fuzz case reaching it is a bug to fix.
    check(!/^could not be read:/.test(message), `loader bug surfaced: ${message.slice(0, 300)}`);
  }
  checkNoPollution();
}

/** Exits lead to activities of the graph; start and reachability are sane. */
export function checkConsistentGraph(graph: FlowGraph): void {
  const ids = new Set(graph.activities.map((a) => a.id));
  for (const activity of graph.activities) {
    check(Object.getPrototypeOf(activity.exits) === null, `${activity.label}: exits has a prototype`);
    for (const target of Object.values(activity.exits)) check(ids.has(target), `${activity.label}: exit target ${target} is not an activity`);
    check(typeof activity.reachable === 'boolean', `${activity.label}: reachable is not a boolean`);
    check(typeof activity.label === 'string', `${activity.id}: label is not a string`);
  }
  if (graph.start !== undefined) check(ids.has(graph.start), `start ${graph.start} is not an activity`);
}
