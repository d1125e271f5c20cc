/**
 * The lock of an `--out` folder: one `grade` run writes into a folder at a time.
 */
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { giveOwner } from '../make-folder.js';

/**
 * Held in `--out` while a run writes into it: two runs at once would mix their reports, and the
 * dashboard of one would link the reports of the other. Holds the process id; a lock whose
 * process is gone (a run killed with SIGKILL, a machine restarted) is taken over.
 */
export const LOCK_FILE = '.flowgrade-lock';

/**
 * Takes the lock; else the id of the process holding it. Written whole under a name of this
 * process's own, then linked to LOCK_FILE: the link is made at once or fails (EEXIST), never
 * through a symlink, and no run ever reads a lock whose process id is not written yet.
 */
export function takeLock(file: string): number | undefined {
  const own = `${file}-${process.pid}`;
  rmSync(own, { force: true });
  try {
    // (Inside the try: a disk with no room makes the file and then fails to write it.)
    writeFileSync(own, `${process.pid}\n`, { flag: 'wx' });
    giveOwner(own, 0o600); // read by another run, whatever the umask
    return lockOrHolder(file, own);
  } finally {
    rmSync(own, { force: true });
  }
}

function lockOrHolder(file: string, own: string): number | undefined {
  for (let attempt = 0; ; attempt++) {
    try {
      try {
        linkSync(own, file);
      } catch (error) {
        // A file system without hard links (FAT, exFAT, some network shares): created exclusively instead.
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
        writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
        giveOwner(file, 0o600);
      }
      return undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = NaN;
    try {
      holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
    } catch {
      // removed meanwhile (that run ended): try again
    }
    if (Number.isSafeInteger(holder) && holder > 0 && isRunning(holder)) return holder;
    if (attempt > 0) return Number.isSafeInteger(holder) ? holder : 0;
    rmSync(file, { force: true }); // left by a run that is gone
  }
}

/** Whether `pid` is a running flowgrade (as far as can be told: any running process where /proc is not there to ask). */
function isRunning(pid: number): boolean {
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
