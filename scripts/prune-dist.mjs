// The last step of scripts/build.mjs: removes from dist/ the files of an earlier build that this
// one does not make (a bundle renamed or dropped). Another build's staged files (*.<pid>.tmp) are
// its own to rename.
//
// Folders are walked here, one listing each, joining each entry to the folder listed: under Node
// 20.0 readdirSync has no `recursive` and a Dirent no `path` nor `parentPath` (npm ci died here
// with a TypeError), and from 20.1 to 20.11 a recursive listing names the top folder as every
// entry's `path`.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * @param {string} dist the dist/ folder, absolute
 * @param {Set<string> | Map<string, unknown>} made absolute paths of the files this build wrote
 */
export function pruneDist(dist, made) {
  for (const entry of readdirSync(dist, { withFileTypes: true })) {
    const file = path.join(dist, entry.name);
    if (entry.isDirectory()) pruneDist(file, made);
    else if (entry.isFile() && !made.has(file) && !/\.\d+\.tmp$/.test(entry.name)) rmSync(file, { force: true });
  }
}
