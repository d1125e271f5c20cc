/**
 * `npm run test:node-versions`: the unit tests under the other Node.js LTS lines flowgrade supports
 * (package.json's engines: >=20), Node 22 and 24, beside the Node that runs `npm test`; then the
 * built CLI under Node 20.0.0, the oldest the engines allow, where the tests cannot run (they need
 * 20.10: import attributes), its outputs compared byte for byte with this Node's. The binaries are
 * the official builds the npm registry carries as `node-<platform>-<arch>` (what the npm package
 * `node` installs), fetched once with `npm pack` into node_modules/.cache/node-versions; Linux only,
 * x64 and arm64 (the registry's macOS builds stop before these versions). Run after `npm run build`
 * (`npm ci` builds); arguments after `--` go to `playwright test`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { zipSync } from 'fflate';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Pinned, for runs that compare; raise them with each LTS release. */
export const NODE_VERSIONS = ['22.23.5', '24.22.3'];
/** The oldest Node package.json's engines allow. */
export const OLDEST_NODE = '20.0.0';

const NOW = '2025-08-01T09:00:00Z';
/**
 * What the built CLI runs under both Nodes, from the repository: every command that reads an
 * export, grades or writes files; `{out}` is a folder of its own, the same path for both Nodes.
 * `{zip}` is the example class zipped with one entry damaged (its CRC-32 checked without
 * `zlib.crc32`, which Node 20.0 lacks).
 */
const CLI_RUNS = [
  ['check', 'fixtures/flows', 'fixtures/unreadable', '--format', 'json', '--now', NOW],
  ['check', 'fixtures/flows/defect-getcbid-jsonpath-without-index.json', '--no-color'],
  ['grade', 'fixtures/class', 'fixtures/flows', 'fixtures/unreadable', '{zip}', '--out', '{out}/graded', '--now', NOW, '--quiet'],
  ['grade', 'fixtures/class', '--out', '{out}/one-thread', '--now', NOW, '--quiet', '--jobs', '1'],
  ['simulate', 'fixtures/flows/solution.json', '--dtmf', 'WantCallback=3', '--tasks-status', '400'],
  ['inspect', 'fixtures/flows/solution.json'],
  ['explain', 'get-cbid-parse-paths'],
  ['web', '--out', '{out}/site'],
];

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

/** The binary of Node `version`, or the run stops with exit code 2 saying why there is none. */
function nodeBinaryOrExit(version) {
  try {
    return nodeBinary(version);
  } catch (error) {
    console.error(`test:node-versions: cannot get Node ${version}: ${error.message.split('\n')[0]}`);
    process.exit(2);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const playwright = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const results = [];
  for (const version of NODE_VERSIONS) {
    const bin = nodeBinaryOrExit(version);
    console.log(`\nUnit tests under Node ${version} (${path.relative(ROOT, bin)})`);
    const env = { ...process.env, PATH: `${path.dirname(bin)}${path.delimiter}${process.env.PATH ?? ''}` };
    const run = spawnSync(bin, [playwright, 'test', '--project=unit', ...process.argv.slice(2)], { stdio: 'inherit', env, cwd: ROOT });
    results.push(`Node ${version}: ${run.status === 0 ? 'passed' : 'FAILED'}`);
  }
  const oldest = nodeBinaryOrExit(OLDEST_NODE);
  console.log(`\nThe built CLI under Node ${OLDEST_NODE} (${path.relative(ROOT, oldest)}) and under this Node ${process.version}`);
  const differences = compareCli(oldest, process.execPath);
  for (const difference of differences) console.log(`  differs: ${difference}`);
  results.push(`the CLI under Node ${OLDEST_NODE}: ${differences.length === 0 ? `${CLI_RUNS.length} commands' outputs as this Node's, passed` : `${differences.length} differences, FAILED`}`);
  console.log(`\n${results.join(', ')}`);
  process.exit(results.every((line) => line.endsWith('passed')) ? 0 : 1);
}

/** Each difference between the two Nodes' runs of CLI_RUNS: exit code, stdout, stderr or a file written. */
function compareCli(oldest, current) {
  const work = mkdtempSync(path.join(tmpdir(), 'flowgrade-oldest-node-'));
  try {
    const zip = path.join(work, 'class.zip');
    writeFileSync(zip, damagedClassZip());
    const out = path.join(work, 'out');
    const ran = [oldest, current].map((bin, n) =>
      CLI_RUNS.map((args) => {
        rmSync(out, { recursive: true, force: true });
        mkdirSync(out);
        const run = spawnSync(bin, [path.join(ROOT, 'bin', 'flowgrade.js'), ...args.map((arg) => arg.replace('{out}', out).replace('{zip}', zip))], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
        const kept = path.join(work, `node-${n}-${CLI_RUNS.indexOf(args)}`);
        renameSync(out, kept);
        return { status: run.status, stdout: run.stdout, stderr: run.stderr, files: filesUnder(kept) };
      }),
    );
    return CLI_RUNS.flatMap((args, i) => {
      const [a, b] = [ran[0][i], ran[1][i]];
      const what = `flowgrade ${args.join(' ')}`;
      const names = [...new Set([...a.files.keys(), ...b.files.keys()])].sort();
      return [
        ...(['status', 'stdout', 'stderr'].filter((key) => a[key] !== b[key]).map((key) => `${what}: ${key}`)),
        ...names.filter((name) => !a.files.get(name)?.equals(b.files.get(name) ?? Buffer.alloc(0)) || !b.files.has(name)).map((name) => `${what}: ${name}`),
      ];
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Every file under `dir`, by its path relative to it, with its bytes. */
function filesUnder(dir) {
  const files = new Map();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath ?? entry.path, entry.name);
      files.set(path.relative(dir, file), readFileSync(file));
    }
  }
  return files;
}

/** The example class as a zip archive, stored, one export's bytes changed after zipping (its CRC-32 no longer matches). */
function damagedClassZip() {
  const dir = path.join(ROOT, 'fixtures', 'class');
  const archive = zipSync(Object.fromEntries(readdirSync(dir).map((name) => [`zipped/${name}`, readFileSync(path.join(dir, name))])), { level: 0 });
  const at = Buffer.from(archive).indexOf('"name"');
  archive[at + 1] = 'N'.charCodeAt(0);
  return archive;
}
