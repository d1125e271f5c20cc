/** A whitelisted Java method: parameter kinds (for Pebble's overload matching) and its body. */
import type { Context } from './context.js';

export type Param = 'string' | 'long' | 'object';
export interface Method {
  readonly params: readonly Param[];
  readonly call: (self: never, args: unknown[], ctx: Context, pos: number) => unknown;
}

export function m<T>(params: Param[], call: (self: T, args: unknown[], ctx: Context, pos: number) => unknown): Method {
  return { params, call: call as Method['call'] };
}
