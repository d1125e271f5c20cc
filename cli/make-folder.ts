/**
 * `mkdir -p`, one folder at a time. Node's own recursive mode loops forever where a file system
 * answers ENOENT for a folder it will never create (`/proc/x`, Node 20); here a missing folder's
 * parents are made first, from the outermost in, and the first refusal is thrown with its reason.
 * Each folder made is its owner's to read, write and enter whatever the umask (`umask 0277`, "new
 * files read-only", would make a folder flowgrade cannot write into), as `mkdir -p` does for its
 * parents.
 */
import { chmodSync, statSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

export async function makeFolder(dir: string): Promise<void> {
  await makeOne(path.resolve(dir));
  // A file of that name in the way answers as mkdir would have.
  if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error(`EEXIST: file already exists, mkdir '${dir}'`), { code: 'EEXIST' });
}

/**
 * `folder` made, its missing parents first. The folder itself is tried first: its parents are
 * neither looked at nor made when they are there (under Node's permission model, a folder allowed
 * may lie in one that is not). A folder still missing once its parent is made (`/proc/x`) is
 * refused with mkdir's own error.
 */
async function makeOne(folder: string, parentMade = false): Promise<void> {
  try {
    await mkdir(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return; // there already, or made meanwhile by someone else: fine if it is a folder
    const parent = path.dirname(folder);
    if (code !== 'ENOENT' || parentMade || parent === folder) throw error;
    await makeOne(parent);
    return makeOne(folder, true);
  }
  giveOwner(folder, 0o700);
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
