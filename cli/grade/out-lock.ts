/**
 * The lock of an `--out` folder: one `grade` run writes into a folder at a time.
 */
import { linkSync, lstatSync, readFileSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { readStartSync } from '../io.js';
import { giveOwner } from '../make-folder.js';

/**
 * Held in `--out` while a run writes into it: two runs at once would mix their reports, and the
 * dashboard of one would link the reports of the other. Holds the process id; a lock whose
 * process is gone (a run killed with SIGKILL, a machine restarted) is taken over.
 */
export const LOCK_FILE = '.flowgrade-lock';

/**
 * Beside the lock, held by the one run taking a stale lock over, for the few file operations
 * that takes (see lockOrHolder). Holds that run's process id.
 */
const TAKEOVER_SUFFIX = '-takeover';

/** Something other than a lock where the lock goes (a folder, a named pipe): the run is refused, the thing left alone. */
export class LockInTheWay extends Error {
  constructor(
    /** The path in the way. */
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'LockInTheWay';
  }
}

/** Who takes the lock, and how it tells a run that is going on (a test stands in for two runs at once). */
export interface LockTaker {
  pid: number;
  isRunning(pid: number): boolean;
  /** Called as a takeover goes on: the lock seen stale, then the takeover claimed (a test runs another taker there). */
  step?(at: 'stale' | 'claimed'): void;
}

const THIS_PROCESS: LockTaker = { pid: process.pid, isRunning };

/**
 * Takes the lock; else the id of the process holding it. Written whole under a name of this
 * process's own, then linked to LOCK_FILE: the link is made at once or fails (EEXIST), never
 * through a symlink, and no run ever reads a lock whose process id is not written yet. Anything
 * but a file where the lock goes (a folder, a named pipe, a symlink) is a LockInTheWay: never
 * opened (a pipe would block the run for good), nor removed.
 */
export function takeLock(file: string, taker: LockTaker = THIS_PROCESS): number | undefined {
  const own = `${file}-${taker.pid}`;
  rmSync(own, { force: true });
  try {
    // (Inside the try: a disk with no room makes the file and then fails to write it.)
    writeFileSync(own, `${taker.pid}\n`, { flag: 'wx' });
    giveOwner(own, 0o600); // read by another run, whatever the umask
    return lockOrHolder(file, own, taker);
  } finally {
    rmSync(own, { force: true });
  }
}

/** Times the lock is looked at again when it changes under this run (another run taking it, or ending). */
const ATTEMPTS = 4;

/**
 * The lock taken (undefined), or the process holding it. A stale lock is removed only by the run
 * holding the takeover claim (`<lock>-takeover`, made as the lock is: at once or not at all), and
 * only once it has looked at the lock again under the claim. Without it two runs seeing one stale
 * lock both removed it and took it again, and one could remove the lock the other had just taken:
 * both graded into the folder. Under the claim, whatever the lock is now is what it stays until
 * the claim is let go: no other run removes it (its holder is gone) nor makes one (it is there).
 */
function lockOrHolder(file: string, own: string, taker: LockTaker): number | undefined {
  const claim = `${file}${TAKEOVER_SUFFIX}`;
  let holder = 0;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (created(own, file, taker.pid)) {
      removeDeadClaim(claim, taker);
      return undefined;
    }
    const seen = heldBy(file);
    if (seen === undefined) continue; // removed meanwhile (that run ended): try again
    holder = seen;
    if (taker.isRunning(seen)) return seen;
    taker.step?.('stale');
    const claimer = claimOrClaimer(claim, own, file, taker);
    if (claimer === 'let go') continue;
    if (claimer !== 'claimed') return claimer;
    try {
      taker.step?.('claimed');
      const now = heldBy(file);
      if (now !== undefined && taker.isRunning(now)) return now; // taken over by another run first
      if (now !== undefined) rmSync(file, { force: true }); // left by a run that is gone
    } finally {
      rmSync(claim, { force: true });
    }
  }
  return Number.isNaN(holder) ? 0 : holder;
}

/** LOCK_FILE made, holding `pid` (false: there is one). */
function created(own: string, file: string, pid: number): boolean {
  try {
    try {
      linkSync(own, file);
    } catch (error) {
      // A file system without hard links (FAT, exFAT, some network shares): created exclusively instead.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
      writeFileSync(file, `${pid}\n`, { flag: 'wx' });
      giveOwner(file, 0o600);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  }
}

/**
 * The takeover claimed, or the process of the run that holds the claim (it is taking the lock
 * over: it holds it, or will in a moment), or the claim let go meanwhile (the lock is to be looked
 * at again). A claim whose run is gone (killed in the moment it held it) is left to the user, who
 * is told: removing it here could remove the claim another run has just made in its place.
 */
function claimOrClaimer(claim: string, own: string, file: string, taker: LockTaker): 'claimed' | 'let go' | number {
  if (created(own, claim, taker.pid)) return 'claimed';
  const claimer = heldBy(claim);
  if (claimer === undefined) return 'let go';
  if (taker.isRunning(claimer)) return claimer;
  throw new LockInTheWay(claim, `left by a flowgrade run stopped while it took over a lock left by a run that is gone; if no flowgrade run is writing into the folder, delete it and ${file}`);
}

/**
 * A claim whose run is gone, removed by the run that has just taken the lock: while the lock is
 * held no run claims a takeover, so the claim read is the one removed.
 */
function removeDeadClaim(claim: string, taker: LockTaker): void {
  try {
    const claimer = heldBy(claim);
    if (claimer !== undefined && !taker.isRunning(claimer)) rmSync(claim, { force: true });
  } catch {
    // not a claim (a folder of that name): left as it is
  }
}

/**
 * The process id a lock (or claim) holds: NaN when it holds none (it is taken over), undefined
 * when it is gone. Anything but a file there is a LockInTheWay.
 */
function heldBy(file: string): number | undefined {
  const info = lstatSync(file, { throwIfNoEntry: false });
  if (info === undefined) return undefined;
  if (!info.isFile()) throw new LockInTheWay(file, `${kindOf(info)}, not the lock file a flowgrade run leaves: delete it`);
  // Opened as inputs are (a pipe put there meanwhile is never waited on); 32 bytes hold any process id.
  const read = readStartSync(file, 32);
  if (read === undefined) return lstatSync(file, { throwIfNoEntry: false }) === undefined ? undefined : Number.NaN;
  const pid = Number.parseInt(read.text, 10);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : Number.NaN;
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'is a directory';
  if (info.isSymbolicLink()) return 'is a symbolic link';
  if (info.isFIFO()) return 'is a named pipe';
  if (info.isSocket()) return 'is a socket';
  return 'is a device';
}

/** Whether `pid` is a running flowgrade (as far as can be told: any running process where /proc is not there to ask). */
function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0); // a test only: no signal is sent
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false; // EPERM: another user's process, running
  }
  // Process ids are reused (in a container restarted, the first few always are): one running
  // another program holds nothing.
  let commandLine: string;
  try {
    commandLine = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
  } catch {
    return true;
  }
  return /flowgrade/i.test(commandLine);
}
