/**
 * How many grading threads fit under a limit on virtual memory (`ulimit -v`, Linux's RLIMIT_AS).
 *
 * Every JavaScript runtime that loads Node's fetch classes (each grading thread, and the main
 * thread) has undici compile its HTTP parser to WebAssembly, whose memory V8 reserves with guard
 * regions: about 10 GB of address space, taken whenever that much is free (never used: flowgrade
 * sends no request). A thread that then finds too little left for its own code space stops the
 * whole process, V8's "Fatal process OOM … CodeRange", which no JavaScript can catch: under
 * `ulimit -v 12G`, two threads crashed every run, eight under 4G. So under a limit, only as many
 * threads start as fit at worst (`threadsWithin`); fewer than two, and the run grades in its own
 * thread, which works under any limit Node starts in (that thread's reservation fails harmlessly).
 */
import { readFileSync } from 'node:fs';

/** The WebAssembly memory's reservation (V8 11's guard regions for 32-bit memories). */
const WASM_RESERVATION = 10 * 2 ** 30;
/** A grading thread's own address space at most: its runtime, code and 512 MB heap (measured 0.6 GB idle, 0.8 GB grading the bench class). */
const THREAD_OWN = 1.25 * 2 ** 30;
/** Left for the main thread to grow into (it keeps every attendee's row). */
const MAIN_MARGIN = 0.5 * 2 ** 30;

interface AddressSpace {
  /** The soft limit, in bytes. */
  limit: number;
  /** What the process uses of it now. */
  used: number;
}

type Read = (file: string) => string;

/** The limit on this process's address space and how much of it the process uses; undefined: none, or not Linux. */
export function addressSpace(read: Read = (file) => readFileSync(file, 'utf8')): AddressSpace | undefined {
  let limits: string;
  let status: string;
  try {
    limits = read('/proc/self/limits');
    status = read('/proc/self/status');
  } catch {
    return undefined; // not Linux: no RLIMIT_AS to speak of (macOS does not enforce it)
  }
  const soft = /^Max address space\s+(\S+)/m.exec(limits)?.[1];
  const used = /^VmSize:\s+(\d+) kB/m.exec(status)?.[1];
  if (soft === undefined || !/^\d+$/.test(soft) || used === undefined) return undefined;
  return { limit: Number(soft), used: Number(used) * 1024 };
}

/**
 * The threads to start of `requested`, given the address space (undefined: no limit): each takes
 * its own share and, at worst, its parser's reservation too whenever that much is still free
 * after it, as if they came first; the main thread's reservation is counted too while it has
 * not been made (it comes within a moment of loading the CLI, and this reading may be earlier).
 */
export function threadsWithin(requested: number, space: AddressSpace | undefined): number {
  if (space === undefined) return requested;
  let free = space.limit - space.used;
  if (space.used < WASM_RESERVATION && free >= WASM_RESERVATION) free -= WASM_RESERVATION;
  let threads = 0;
  while (threads < requested) {
    const share = free - THREAD_OWN >= WASM_RESERVATION ? THREAD_OWN + WASM_RESERVATION : THREAD_OWN;
    if (free - share < MAIN_MARGIN) break;
    free -= share;
    threads++;
  }
  return threads;
}

/** Why fewer threads, in the words of the setting. */
export function limitReason(space: AddressSpace): string {
  const gb = (bytes: number) => `${Number((bytes / 2 ** 30).toFixed(1))} GB`;
  return `a limit on virtual memory of ${gb(space.limit)}, ulimit -v`;
}
