#!/usr/bin/env node
// The `flowgrade` command: a shim over the built CLI (built by `npm ci` / `npm run build`).
import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

// NO_COLOR wins over FORCE_COLOR here (docs/cli.md). With both set, Node 22 and later warn on
// stderr that "NO_COLOR is ignored" as soon as the CLI loads node:http, which is not so: FORCE_COLOR
// is dropped before the CLI loads, and its colours stay off.
// An empty NO_COLOR is no NO_COLOR (no-color.org), which Node 22 would still warn about.
if (process.env.NO_COLOR === '') delete process.env.NO_COLOR;
else if (process.env.NO_COLOR && process.env.FORCE_COLOR !== undefined) delete process.env.FORCE_COLOR;

// Started in a folder that no longer exists (deleted or moved under the shell): Node starts, but
// every relative path, and every grading worker, fails on it ("internal error: … uv_cwd").
try {
  process.cwd();
} catch (error) {
  if (error?.code !== 'ENOENT') throw error;
  process.stderr.write('flowgrade: the current folder no longer exists (deleted or moved): cd into a folder that exists and run it again\n');
  process.exit(2);
}

// Node 20's HTTP client compiles a parser flowgrade never uses as the CLI loads, and leaves the
// promise unhandled: under ulimit -v it rejects, often after a quick command (labs, checks) has
// returned, when no handler of the CLI's is listening, and Node would end the process with a stack
// trace (cli/unused-http-parser.ts). Anything else goes on as Node would have it.
let cli;
process.on('unhandledRejection', (error) => {
  if (cli?.isUnusedHttpParserFailure(error)) return;
  if (process.listenerCount('unhandledRejection') === 1) throw error;
});

// The build beside this file, not beside a symlink to it (npm's <prefix>/bin/flowgrade), which
// import.meta.url names under --preserve-symlinks-main.
const built = new URL('../dist/cli.js', pathToFileURL(realpathSync(fileURLToPath(import.meta.url))));
try {
  cli = await import(built.href);
} catch (error) {
  // A clone not built yet, or an install whose build script did not run: one line, not a stack trace.
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || existsSync(built)) throw error;
  const root = fileURLToPath(new URL('.', built)).replace(/[\\/]dist[\\/]$/, '');
  // Installed as a dependency (npm builds a git dependency while packing it, unless scripts are
  // off): npm ci in node_modules/flowgrade cannot help.
  const installed = /[\\/]node_modules[\\/]/.test(root);
  const todo = installed
    ? ': npm installed it without running its build (--ignore-scripts, or ignore-scripts in .npmrc); install it again with scripts on, or from a tarball made by npm pack in a clone'
    : `; run npm ci (or npm run build) in ${root}`;
  process.stderr.write(`flowgrade: not built: ${fileURLToPath(built)} is missing${todo}\n`);
  process.exit(2);
}
process.exitCode = await cli.run(process.argv);
