#!/usr/bin/env node
/**
 * Writes docs/checks/ from the check metadata (see scripts/docs-checks-pages.ts).
 *
 *   node scripts/docs-checks.mjs           write every page, remove pages of checks that no longer exist
 *   node scripts/docs-checks.mjs --check   write nothing; exit 1 and list the stale pages when out of date
 *
 * The TypeScript sources are bundled with esbuild into node_modules/.cache (packages stay external),
 * then imported.
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'flowgrade');
const bundle = join(CACHE, 'docs-checks-pages.mjs');

mkdirSync(CACHE, { recursive: true });
await build({
  stdin: {
    contents: "export { checkDocs, DOCS_DIR } from './scripts/docs-checks-pages.ts'; export { MISSIONS } from './checks/index.ts';",
    resolveDir: ROOT,
    loader: 'ts',
  },
  outfile: bundle,
  bundle: true,
  platform: 'neutral',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
const { checkDocs, DOCS_DIR, MISSIONS } = await import(`${pathToFileURL(bundle).href}?t=${Date.now()}`);

const files = checkDocs(MISSIONS);
const dir = join(ROOT, DOCS_DIR);
const existing = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.md')).map((name) => `${DOCS_DIR}/${name}`) : [];
const stale = [
  ...[...files].filter(([file, text]) => !existsSync(join(ROOT, file)) || readFileSync(join(ROOT, file), 'utf8') !== text).map(([file]) => file),
  ...existing.filter((file) => !files.has(file)),
];

if (process.argv.includes('--check')) {
  if (stale.length > 0) {
    console.error(`docs/checks is out of date (run node scripts/docs-checks.mjs):\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`docs/checks is up to date (${files.size} pages)`);
} else {
  mkdirSync(dir, { recursive: true });
  for (const file of existing) if (!files.has(file)) rmSync(join(ROOT, file));
  for (const [file, text] of files) writeFileSync(join(ROOT, file), text);
  console.log(`wrote ${files.size} pages to ${DOCS_DIR} (${stale.length} changed)`);
}
