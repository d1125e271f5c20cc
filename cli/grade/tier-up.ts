/**
 * V8 optimises a function once it has run a budget of bytecode (67,584 bytes by default in Node
 * 20); with the grading threads keeping every core busy, the compile jobs this starts take CPU from
 * the grading itself, and a short-lived thread spends much of its life compiling functions that
 * are only warm. A budget about 15 times larger leaves the compiler the hot code only. On the bench
 * class (1,000 flows, 2 cores): 500,000 took 13% less wall time and 16% less CPU than the default
 * (4 interleaved runs each), and 1,000,000 less again, 3.59 s against 4.45 s median wall (8
 * interleaved runs each, faster in all 8 pairs; 2,000,000 and 4,000,000 were no better); on 3,000
 * flows, about the same as 500,000. Not for one in-process thread (`--jobs 1`): there the compiler
 * has a core to itself, and hot code optimised later made that thread 20–30% slower. V8 reads the
 * flag whenever it resets a function's budget, so it holds for the workers started after it is set.
 *
 * Only Node 20's V8 (11.3) has that budget: V8 11.8 (Node 21) and later tier up by counting a
 * function's calls instead, and print `Error: unrecognized flag` on stderr for a flag they lack.
 * Their counterpart (`--invocation-count-for-turbofan` ten times its 3,000) made Node 24 no faster
 * on the bench class, so nothing is set there (docs/performance.md).
 */
export function tierUpFlag(v8Version: string): string | undefined {
  return v8Version.startsWith('11.3.') ? '--interrupt-budget=1000000' : undefined;
}
