/** Tests for `x is name` / `x is not name` (Pebble core: empty, even, odd, null, iterable, map, defined). */
import { fail } from './errors.js';
import type { Callable, TestFn } from './invocation.js';
import { javaTrim } from '../java-whitespace.js';
import { fromHost, isList, isLong, isMap, mapSize, typeName } from './values.js';

/** Pebble EmptyTest (also used by `default`): null, blank string, empty list or map. */
export function isEmpty(v: unknown): boolean {
  v = fromHost(v);
  if (v === null) return true;
  if (typeof v === 'string') return javaTrim(v).length === 0;
  if (isList(v)) return v.length === 0;
  if (isMap(v)) return mapSize(v) === 0;
  return false;
}

const even: TestFn = (input, _args, call) => {
  if (input === null) fail('type', `Can not pass null value to "${call.name}" test`, call.pos);
  if (!isLong(input)) fail('type', `The ${call.name} test needs an integer, got ${typeName(input)}`, call.pos);
  return typeof input === 'bigint' ? input % 2n === 0n : input % 2 === 0;
};

function def(apply: TestFn): Callable<TestFn> {
  return { args: null, apply };
}

export const TESTS: ReadonlyMap<string, Callable<TestFn>> = new Map([
  ['empty', def((input) => isEmpty(input))],
  ['even', def(even)],
  ['odd', def((input, args, call) => !even(input, args, call))],
  ['null', def((input) => input === null)],
  ['defined', def((input) => input !== null)],
  ['iterable', def((input) => isList(input))],
  ['map', def((input) => isMap(input))],
]);
