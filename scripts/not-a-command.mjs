// Put at the top of the CLI's and the worker's bundles by scripts/build.mjs (after the banner's
// `require`): run as the command (`node dist/cli.js check flow.json`), the CLI's module, which
// only exports run(), graded nothing, printed nothing and exited 0, a pass; the worker's died
// with a TypeError. Either now says which file to run, exit 2. Not run here: its source text is
// what the bundles get, so `require` and `import.meta` are the bundle's.
/* global require */
function refuseToRunAsCommand() {
  // A grading worker's process.argv[1] is its own file.
  if (!require('node:worker_threads').isMainThread) return;
  let main;
  try {
    main = process.argv[1] && require('node:url').pathToFileURL(require('node:fs').realpathSync(process.argv[1])).href;
  } catch {
    return;
  }
  if (main !== import.meta.url) return;
  const { fileURLToPath } = require('node:url');
  const bin = require('node:path').join(fileURLToPath(new URL('..', import.meta.url)), 'bin', 'flowgrade.js');
  process.stderr.write(`flowgrade: ${fileURLToPath(import.meta.url)} is not the command: run node ${bin} instead\n`);
  process.exit(2);
}

export const notACommand = `(${refuseToRunAsCommand.toString()})();`;
