/**
 * `mkdir -p`, one folder at a time. Node's own recursive mode loops forever where a file system
 * answers ENOENT for a folder it will never create (`/proc/x`, Node 20); here the missing folders
 * are made from the outermost in, and the first refusal is thrown with its reason.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

export async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = path.resolve(dir); !(await exists(at)); at = path.dirname(at)) {
    missing.push(at);
    if (path.dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error; // made meanwhile by someone else: fine if it is a folder
    });
  }
  // A file of that name in the way answers as mkdir would have.
  if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error(`EEXIST: file already exists, mkdir '${dir}'`), { code: 'EEXIST' });
}

async function exists(at: string): Promise<boolean> {
  return stat(at).then(
    () => true,
    () => false,
  );
}
