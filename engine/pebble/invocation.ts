/** Shared shape of filters, functions and tests, and Pebble's argument binding. */
import type { Context } from './context.js';
import { fail } from './errors.js';
import { fromHost, isNumber, javaIntValue, typeName } from './values.js';

export interface Invocation {
  readonly ctx: Context;
  /** Offset of the filter/function/test name (for errors). */
  readonly pos: number;
  readonly name: string;
}

export type ArgMap = ReadonlyMap<string, unknown>;

/**
 * A callable with Pebble's argument conventions: `args` lists the parameter names that positional
 * arguments bind to, in order; `null` means varargs (positional ones are bound to "0", "1", …).
 */
export interface Callable<R> {
  readonly args: readonly string[] | null;
  readonly apply: R;
}

export type FilterFn = (input: unknown, args: ArgMap, call: Invocation) => unknown;
export type FunctionFn = (args: ArgMap, call: Invocation) => unknown;
export type TestFn = (input: unknown, args: ArgMap, call: Invocation) => boolean;

/** ArgumentsNode.getArgumentMap: binds evaluated arguments to parameter names. */
export function bindArgs(
  names: readonly string[] | null,
  positional: readonly unknown[],
  named: readonly { name: string; value: unknown }[],
  call: Invocation,
): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (names === null || names.length === 0) {
    positional.forEach((v, i) => out.set(String(i), v));
    for (const a of named) out.set(a.name, a.value);
    return out;
  }
  positional.forEach((v, i) => {
    if (i >= names.length) {
      fail(
        'type',
        `The argument at position ${i + 1} is not allowed. Only ${names.length} argument(s) are allowed (${call.name})`,
        call.pos,
      );
    }
    out.set(names[i], v);
  });
  for (const a of named) {
    if (!names.includes(a.name)) fail('type', `The following named argument does not exist: ${a.name} (${call.name})`, call.pos);
    out.set(a.name, a.value);
  }
  return out;
}

/** A String argument (Java cast): absent/null gives null, anything else but a string is an error. */
export function stringArg(args: ArgMap, key: string, call: Invocation): string | null {
  const v = fromHost(args.get(key) ?? null);
  if (v === null || typeof v === 'string') return v;
  fail('type', `Argument ${key} of ${call.name} must be a String, got ${typeName(v)}`, call.pos);
}

/** A Number argument (Java cast to Number, then intValue()); absent/null gives null. */
export function intArg(args: ArgMap, key: string, call: Invocation): number | null {
  const v = fromHost(args.get(key) ?? null);
  if (v === null) return null;
  if (!isNumber(v)) fail('type', `Argument ${key} of ${call.name} must be a number, got ${typeName(v)}`, call.pos);
  return javaIntValue(v);
}

/** The input of a String-only filter (Java `(String) input`). */
export function stringInput(input: unknown, call: Invocation): string {
  if (typeof input === 'string') return input;
  fail('type', `Filter ${call.name} expects a String input, got ${typeName(input)}`, call.pos);
}

