/**
 * `npm run test:node-versions`: the unit tests under the other Node.js LTS lines flowgrade supports
 * (package.json's engines: >=20), Node 22 and 24, beside the Node that runs `npm test`. Their
 * binaries are the official builds the npm registry carries as `node-<platform>-<arch>` (what the
 * npm package `node` installs), fetched once with `npm pack` into node_modules/.cache/node-versions;
 * Linux only, x64 and arm64 (the registry's macOS builds stop before these versions). Run after
 * `npm run build` (`npm ci` builds); arguments after `--` go to `playwright test`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Pinned, for runs that compare; raise them with each LTS release. */
export const NODE_VERSIONS = ['22.23.5', '24.22.3'];

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'node-versions');

/** The registry's package of that Node for this machine, or why there is none. */
export function nodePackage(version, platform = process.platform, arch = process.arch) {
  // macOS builds stop at 22.23.3 and 24.18.1 (x64) and 18.9 (Apple silicon); Windows' are laid out otherwise.
  if (platform !== 'linux') return { error: `no Node ${version} build on the npm registry for ${platform} to test with (Linux only)` };
  return { name: `node-${platform}-${arch}@${version}` };
}

function nodeBinary(version) {
  const dir = path.join(CACHE, `${version}-${process.platform}-${process.arch}`);
  const bin = path.join(dir, 'package', 'bin', 'node');
  if (existsSync(bin)) return bin;
  const pkg = nodePackage(version);
  if (pkg.error) throw new Error(pkg.error);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tarball = execFileSync('npm', ['pack', pkg.name, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', path.join(dir, tarball), '-C', dir, 'package/bin/node']); // the binary only, not its headers and docs
  rmSync(path.join(dir, tarball));
  return bin;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const playwright = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const results = [];
  for (const version of NODE_VERSIONS) {
    let bin;
    try {
      bin = nodeBinary(version);
    } catch (error) {
      console.error(`test:node-versions: cannot get Node ${version}: ${error.message.split('\n')[0]}`);
      process.exit(2);
    }
    console.log(`\nUnit tests under Node ${version} (${path.relative(ROOT, bin)})`);
    const env = { ...process.env, PATH: `${path.dirname(bin)}${path.delimiter}${process.env.PATH ?? ''}` };
    const run = spawnSync(bin, [playwright, 'test', '--project=unit', ...process.argv.slice(2)], { stdio: 'inherit', env, cwd: ROOT });
    results.push(`Node ${version}: ${run.status === 0 ? 'passed' : 'FAILED'}`);
  }
  console.log(`\n${results.join(', ')}`);
  process.exit(results.every((line) => line.endsWith('passed')) ? 0 : 1);
}
