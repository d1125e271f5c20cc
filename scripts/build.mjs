// Builds the Node CLI (and its worker) into dist/ with esbuild, and the self-check page into
// dist/web/. The TypeScript sources are the truth; `npm run typecheck` checks them. Run by
// `npm ci` (prepare) and `npm test`.
//
// Nothing is written until every bundle is built, and then each file of dist/ is replaced at once
// (written beside it, renamed over it); files of an earlier build that this one does not make are
// removed last. A CLI started meanwhile (a test run in the same checkout while `npm test` rebuilds,
// an instructor's run while `npm ci` does) loads the earlier build or this one, never a missing
// dist/ or a half-written bundle. (Deleting dist/ first made any CLI started during a build fail:
// "Cannot find module dist/cli.js", a grading thread that could not start, an empty worker.js.)
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBuildTools } from './build-tools.mjs';
import { notACommand } from './not-a-command.mjs';
import { pruneDist } from './prune-dist.mjs';
import { thirdPartyLicences } from './third-party-licences.mjs';

const { build, ajvStandalone } = await loadBuildTools();

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

// Every JSON Schema the product validates with at run time (the loader's export schema, the mocks'
// schemas), compiled once here by ajv into standalone validators for all three bundles, with the
// options the product code passes (engine/ajv.ts; cli/merge/read-part.ts's own for the reports). Nothing compiles a schema at run time: the page's CSP forbids
// it (ajv compiles with `new Function`), and in the CLI it cost every grading worker 35 ms.
const root = fileURLToPath(new URL('..', import.meta.url));
const sharedSchemas = ['schemas/flow-export.schema.json', ...readdirSync('mocks/schemas').map((name) => `mocks/schemas/${name}`)].map((file) => ({
  file,
  options: { strict: false, allErrors: false },
}));
const precompiledSchemas = ajvStandalone({ root, schemas: sharedSchemas });
// The CLI's alone also has those `merge` reads (a run record, the reports): every validator of the
// list is in each bundle it is given to, and these would make each grading thread's bundle 29%
// larger (235 KB) and the page's 20% (87 KB) for code neither runs.
const cliSchemas = ajvStandalone({
  root,
  schemas: [
    ...sharedSchemas,
    { file: 'schemas/run.schema.json', options: { strict: false, allErrors: false } },
    // (Its generatedAt is a "date-time", a format flowgrade does not check: merge reads the time as text.)
    { file: 'schemas/report.schema.json', options: { strict: false, allErrors: false, validateFormats: false } },
  ],
});

// package.json, as bundled: its version alone, all that the sources read of it (cli/version.ts,
// web/grading-request.ts). Imported whole, its scripts and devDependencies went into every bundle,
// the page's too. (A named import, `import { version }`, which esbuild would shake, is refused by
// Node, which runs the sources unbundled in the unit tests: a JSON module has a default export only.)
const packageVersionOnly = {
  name: 'package-version-only',
  setup(build) {
    const file = path.join(root, 'package.json');
    build.onLoad({ filter: /package\.json$/ }, (args) =>
      args.path === file ? { contents: JSON.stringify({ version: JSON.parse(readFileSync(file, 'utf8')).version }), loader: 'json' } : undefined,
    );
  },
};

// The CLI and its worker are bundled with their packages (msw, ajv, commander, …): one file each
// to load instead of hundreds of modules to resolve, which made starting the CLI 0.3 s and each
// grading worker 0.2 s; bundled, 0.1 s and 0.07 s. The banner gives the bundled CommonJS packages
// the `require` they use for Node built-ins, and stops a bundle run as the command
// (scripts/not-a-command.mjs). Two builds: each with its own validators (above).
const nodeBuild = (entryPoints, plugin) =>
  build({
    entryPoints,
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: `import { createRequire as __flowgradeRequire } from 'node:module'; const require = __flowgradeRequire(import.meta.url);\n${notACommand}` },
    sourcemap: 'linked',
    metafile: true,
    legalComments: 'linked',
    plugins: [plugin, packageVersionOnly],
    logLevel: 'warning',
    write: false,
  });
const [cli, worker] = await Promise.all([nodeBuild({ cli: 'cli/main.ts' }, cliSchemas), nodeBuild({ worker: 'cli/grade/worker.ts' }, precompiledSchemas)]);
const node = {
  outputFiles: [...cli.outputFiles, ...worker.outputFiles],
  metafile: { inputs: { ...cli.metafile.inputs, ...worker.metafile.inputs }, outputs: { ...cli.metafile.outputs, ...worker.metafile.outputs } },
};

// The self-check page (docs/web.md): one classic script (IIFE, so the page also works opened from
// disk: Chromium refuses module scripts from file://) with everything (engine, checks, mocks, msw,
// jsonpath-plus), schemas precompiled (above), no Node built-ins
// (platform 'browser' refuses them), plus the static shell, its stylesheet and icon. The script is
// one function, flowgradeSelfCheck, called at once: its source is also the page's grading
// worker's (web/grading-thread.ts: a blob: worker, which works from file:// too, where a worker
// loaded from app.js is refused), with no second copy of the grader in the bundle.
const web = await build({
  entryPoints: { app: 'web/main.ts' },
  banner: { js: 'function flowgradeSelfCheck(){' },
  footer: { js: '}flowgradeSelfCheck();' },
  outdir: 'dist/web',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['chrome109', 'firefox115', 'safari16'],
  minify: true,
  sourcemap: 'linked',
  metafile: true,
  legalComments: 'linked',
  plugins: [precompiledSchemas, packageVersionOnly],
  logLevel: 'warning',
  write: false,
});
const external = Object.values(web.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
if (external.length > 0) throw new Error(`the web bundle must be self-contained, but imports ${external.join(', ')}`);

/** Every file of the build: its path in dist/ → its bytes. */
const outputs = new Map([...node.outputFiles, ...web.outputFiles].map((file) => [path.resolve(file.path), file.contents]));
for (const file of ['index.html', 'page.css', 'favicon.svg']) outputs.set(path.join(DIST, 'web', file), readFileSync(`web/${file}`));
// The bundled packages' licences, beside each bundle (a site written by `web --out` carries its own).
outputs.set(path.join(DIST, 'THIRD-PARTY-LICENSES.txt'), thirdPartyLicences(node.metafile, ['dist/cli.js', 'dist/worker.js'], root));
outputs.set(path.join(DIST, 'web', 'THIRD-PARTY-LICENSES.txt'), thirdPartyLicences(web.metafile, ['dist/web/app.js'], root));
for (const [file, contents] of outputs) {
  mkdirSync(path.dirname(file), { recursive: true });
  const staged = `${file}.${process.pid}.tmp`;
  writeFileSync(staged, contents);
  renameSync(staged, file);
}
pruneDist(DIST, outputs);
