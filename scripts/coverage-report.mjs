#!/usr/bin/env node
/**
 * Which product code the unit tests run: line, branch and function coverage of engine/, checks/,
 * reports/, mocks/, cli/ and web/ from the raw V8 coverage of a test run (README.md, Test coverage).
 * Not a test: it prints figures. c8's libraries do the work, installed outside the project (they
 * are no dependency of it):
 *
 *   npm i --prefix /tmp/c8tool c8@12
 *   npm run build && NODE_V8_COVERAGE=/tmp/cov npx playwright test --project=unit
 *   node scripts/coverage-report.mjs /tmp/cov --tool /tmp/c8tool [--out DIR]
 *
 * Prints the total and each folder's figures; `--out` also writes istanbul's text, json-summary
 * and json reports there (the text one lists every file's uncovered lines).
 *
 * Why not `c8 report` alone: the tests load the TypeScript sources through Playwright's transform,
 * whose source maps Node keeps in each coverage file ("source-map-cache"), and c8 maps those
 * well; but the CLI tests run the esbuild bundles of dist/, and c8, which rebuilds a script's text
 * from the line lengths it was given, counted every line of every file in a bundle as run, with no
 * function and no branch. Here a bundle is read from dist/ itself (its linked .map beside it), so
 * dist/ must still be the build the tests ran. Coverage files a test's process could not finish
 * writing (the tests that run the CLI under `ulimit -f`) are skipped, and counted.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const AREAS = ['engine', 'checks', 'reports', 'mocks', 'cli', 'web'];
const args = process.argv.slice(2);
const flag = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const rawDir = args[0];
const tool = flag('--tool');
if (!rawDir || rawDir.startsWith('--') || !tool) {
  process.stderr.write('usage: node scripts/coverage-report.mjs <NODE_V8_COVERAGE folder> --tool <folder c8 is installed in> [--out DIR]\n');
  process.exit(2);
}
const requireTool = createRequire(path.join(path.resolve(tool), 'node_modules', 'c8', 'package.json'));
const { mergeProcessCovs } = requireTool('@bcoe/v8-coverage');
const V8ToIstanbul = requireTool('v8-to-istanbul');
const libCoverage = requireTool('istanbul-lib-coverage');

const rootUrl = pathToFileURL(ROOT).href;
const product = new RegExp(`^${rootUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(?:${[...AREAS, 'dist'].join('|')})/`);
const isProductFile = (file) => AREAS.some((area) => file.startsWith(path.join(ROOT, area) + path.sep));

// One process's coverage at a time, merged as it comes (the raw files of a whole run are gigabytes).
let merged = { result: [] };
const maps = new Map();
let skipped = 0;
for (const name of readdirSync(rawDir).filter((f) => f.endsWith('.json'))) {
  let raw;
  try {
    raw = JSON.parse(readFileSync(path.join(rawDir, name), 'utf8'));
  } catch {
    skipped++;
    continue;
  }
  const result = raw.result.filter((script) => product.test(script.url) && !script.url.includes('/node_modules/'));
  for (const script of result) if (!maps.has(script.url) && raw['source-map-cache']?.[script.url]) maps.set(script.url, raw['source-map-cache'][script.url]);
  merged = mergeProcessCovs([merged, { result }]);
}

const coverage = libCoverage.createCoverageMap({});
for (const script of merged.result) {
  const file = fileURLToPath(script.url);
  const cached = maps.get(script.url);
  const bundle = file.startsWith(path.join(ROOT, 'dist') + path.sep);
  if (!bundle && !cached) continue; // (loaded untransformed: no product file is)
  const converter = bundle
    ? V8ToIstanbul(file, 0)
    : V8ToIstanbul(file, 0, {
        // The transformed text is gone: a stand-in of its line lengths places V8's offsets, the
        // map the rest (as c8 does; not of spaces, which v8-to-istanbul reads as blank lines).
        source: cached.lineLengths.map((length) => `${'.'.repeat(length)}\n`).join(''),
        sourceMap: { sourcemap: cached.data },
      });
  await converter.load();
  converter.applyCoverage(script.functions);
  for (const [source, data] of Object.entries(converter.toIstanbul())) if (isProductFile(source) && existsSync(source)) coverage.merge({ [source]: data });
}

const pct = (covered, total) => (total === 0 ? '100.00' : ((100 * covered) / total).toFixed(2));
const line = (label, s) =>
  `${label.padEnd(8)} lines ${pct(s.lines.covered, s.lines.total).padStart(6)}% (${s.lines.covered}/${s.lines.total})  branches ${pct(s.branches.covered, s.branches.total).padStart(6)}% (${s.branches.covered}/${s.branches.total})  functions ${pct(s.functions.covered, s.functions.total).padStart(6)}% (${s.functions.covered}/${s.functions.total})`;
const summaryOf = (files) => {
  const summary = libCoverage.createCoverageSummary();
  for (const file of files) summary.merge(coverage.fileCoverageFor(file).toSummary());
  return summary;
};
process.stdout.write(`${line('all', summaryOf(coverage.files()))}\n`);
for (const area of AREAS) process.stdout.write(`${line(area, summaryOf(coverage.files().filter((file) => file.startsWith(path.join(ROOT, area) + path.sep))))}\n`);
if (skipped > 0) process.stdout.write(`(${skipped} coverage file${skipped === 1 ? '' : 's'} not readable, left out: a process stopped while writing it)\n`);

const out = flag('--out');
if (out) {
  const libReport = requireTool('istanbul-lib-report');
  const reports = requireTool('istanbul-reports');
  const context = libReport.createContext({ dir: out, coverageMap: coverage, defaultSummarizer: 'nested' });
  for (const name of ['text', 'json-summary', 'json']) reports.create(name, name === 'text' ? { file: 'coverage.txt' } : {}).execute(context);
}
