/** Functions: `now()` (WxCC: the current time as a UTC ZonedDateTime) and Pebble's min, max, range. */
import type { ArgMap, Callable, FunctionFn, Invocation } from './invocation.js';
import { compare, range } from './operators.js';
import { PDate, fromHost } from './values.js';

function positional(args: ArgMap): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; args.has(String(i)); i++) out.push(fromHost(args.get(String(i))));
  return out;
}

/** MinFunction / MaxFunction: the first argument that is not beaten under `<` / `>`. */
function extreme(op: '<' | '>'): FunctionFn {
  return (args: ArgMap, call: Invocation) => {
    let best: unknown = null;
    for (const candidate of positional(args)) {
      if (best === null) best = candidate;
      else if (compare(op, candidate, best, call.pos)) best = candidate;
    }
    return best;
  };
}

export const FUNCTIONS: ReadonlyMap<string, Callable<FunctionFn>> = new Map<string, Callable<FunctionFn>>([
  ['now', { args: null, apply: (_args, call) => new PDate(call.ctx.nowMillis()) }],
  ['min', { args: null, apply: extreme('<') }],
  ['max', { args: null, apply: extreme('>') }],
  [
    'range',
    {
      args: ['start', 'end', 'increment'],
      apply: (args, call) =>
        range(args.get('start') ?? null, args.get('end') ?? null, args.get('increment') ?? null, call.ctx, call.pos),
    },
  ],
]);
