/**
 * scripts/build.mjs's last step, removing an earlier build's files from dist/, under the fs of
 * every Node 20: `npm ci` runs the build (prepare), and README says Node 20 or newer. Node 20.0
 * ignores readdirSync's `recursive` and its Dirents have no `path` (20.1) nor `parentPath` (20.12);
 * from 20.1 to 20.11 a recursive listing gives every entry the listed folder as `path`.
 */
import { test, expect } from '@playwright/test';
import fs, { type Dirent } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { pruneDist } from '../../../scripts/prune-dist.mjs';
import { tempDir } from '../../helpers.js';

type Listing = (dir: string, entries: Dirent[]) => object[];

const nodeFs: Record<string, Listing> = {
  'this Node': (_dir, entries) => entries,
  'Node 20.0 (no recursive listing, no path)': (dir, entries) =>
    entries.filter((entry) => entry.parentPath === dir).map((entry) => ({ name: entry.name, isFile: () => entry.isFile(), isDirectory: () => entry.isDirectory() })),
  'Node 20.1-20.11 (path is the listed folder)': (dir, entries) =>
    entries.map((entry) => ({ name: entry.name, path: dir, isFile: () => entry.isFile(), isDirectory: () => entry.isDirectory() })),
};

/** Runs `run` with fs.readdirSync listing as `listing` says (for the ESM named import too). */
function withReaddir(listing: Listing, run: () => void): void {
  const real = fs.readdirSync;
  const emulated = (dir: string, options?: { recursive?: boolean; withFileTypes?: boolean }) => {
    const entries = real(dir, options as never) as unknown as Dirent[];
    return options?.withFileTypes ? listing(path.resolve(dir), entries) : entries;
  };
  fs.readdirSync = emulated as typeof fs.readdirSync;
  syncBuiltinESMExports();
  try {
    run();
  } finally {
    fs.readdirSync = real;
    syncBuiltinESMExports();
  }
}

for (const [name, listing] of Object.entries(nodeFs)) {
  test(`under ${name}: an earlier build's files go, this build's and another build's staged files stay`, () => {
    const dist = tempDir('prune-dist');
    const files = ['cli.js', 'old.js', 'worker.js.12345.tmp', 'web/app.js', 'web/old.css', 'web/deeper/old.map'];
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
      fs.writeFileSync(path.join(dist, file), file);
    }
    const made = new Set(['cli.js', 'web/app.js'].map((file) => path.join(dist, file)));
    withReaddir(listing, () => pruneDist(dist, made));
    expect(files.filter((file) => fs.existsSync(path.join(dist, file)))).toEqual(['cli.js', 'worker.js.12345.tmp', 'web/app.js']);
  });
}
