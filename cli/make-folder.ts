/**
 * `mkdir -p`, one folder at a time. Node's own recursive mode loops forever where a file system
 * answers ENOENT for a folder it will never create (`/proc/x`, Node 20); here the missing folders
 * are made from the outermost in, and the first refusal is thrown with its reason. Each folder
 * made is its owner's to read, write and enter whatever the umask (`umask 0277`, "new files
 * read-only", would make a folder flowgrade cannot write into), as `mkdir -p` does for its parents.
 */
import { chmodSync, statSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

export async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = path.resolve(dir); !(await exists(at)); at = path.dirname(at)) {
    missing.push(at);
    if (path.dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    const made = await mkdir(folder).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error; // made meanwhile by someone else: fine if it is a folder
        return false;
      },
    );
    if (made) giveOwner(folder, 0o700);
  }
  // A file of that name in the way answers as mkdir would have.
  if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error(`EEXIST: file already exists, mkdir '${dir}'`), { code: 'EEXIST' });
}

/** Whether `at` is there; a folder that cannot be looked at (permission) is not taken for missing. */
async function exists(at: string): Promise<boolean> {
  return stat(at).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return false;
      throw error;
    },
  );
}

/**
 * What flowgrade made and must use again given to its owner (`bits`: rwx for a folder, rw for the
 * files it reads back), when the umask took them away (POSIX modes only).
 */
export function giveOwner(file: string, bits: 0o700 | 0o600): void {
  if (process.platform === 'win32') return;
  const mode = statSync(file).mode & 0o7777;
  if ((mode & bits) !== bits) chmodSync(file, mode | bits);
}
