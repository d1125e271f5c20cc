/** The licences of the packages bundled into dist/ ship beside the bundles (and with a site `web --out` writes). */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { ROOT, runCli, tempDir } from '../../helpers.js';
// @ts-expect-error -- a plain .mjs script without type declarations
import { packageFolderOf } from '../../../scripts/third-party-licences.mjs';

test('an input of the bundle is credited to the innermost package it lies in, scoped or not', () => {
  expect(packageFolderOf('node_modules/ajv/dist/runtime/equal.js')).toBe('node_modules/ajv');
  expect(packageFolderOf('node_modules/@noble/hashes/esm/sha2.js')).toBe('node_modules/@noble/hashes');
  expect(packageFolderOf('node_modules/msw/node_modules/@open-draft/deferred-promise/build/index.mjs')).toBe('node_modules/msw/node_modules/@open-draft/deferred-promise');
  expect(packageFolderOf('engine/grade.ts')).toBeUndefined();
  expect(packageFolderOf('node_modules/ajv')).toBeUndefined();
});

test('dist/ and dist/web/ hold the licence text of each package their bundles carry; web --out copies the page\'s', async () => {
  const cli = readFileSync(path.join(ROOT, 'dist', 'THIRD-PARTY-LICENSES.txt'), 'utf8');
  for (const name of ['msw', 'ajv', 'jsonpath-plus', 'commander', 'chalk', 'fflate', '@noble/hashes']) expect(cli, name).toMatch(new RegExp(`^== ${name} \\d+\\.\\d+\\.\\d+ \\(MIT\\) ==\\n\\n(MIT License|The MIT License|Copyright|\\(The MIT License\\))`, 'm'));
  const page = readFileSync(path.join(ROOT, 'dist', 'web', 'THIRD-PARTY-LICENSES.txt'), 'utf8');
  expect(page).toMatch(/^== msw \d/m);
  expect(page).not.toMatch(/^== commander /m); // the page has no command line
  const site = path.join(tempDir('licences-site'), 'site');
  expect((await runCli(['web', '--out', site])).code).toBe(0);
  expect(readFileSync(path.join(site, 'THIRD-PARTY-LICENSES.txt'), 'utf8')).toBe(page);
});

test('the packages are bundled, so none is a run-time dependency: the built CLI imports Node\'s own modules only', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.dependencies).toBeUndefined();
  for (const name of ['msw', 'ajv', 'jsonpath-plus', 'commander', 'chalk', 'fflate', '@noble/hashes']) expect(pkg.devDependencies[name], name).toBeDefined();
  for (const bundle of ['cli.js', 'worker.js']) {
    const text = readFileSync(path.join(ROOT, 'dist', bundle), 'utf8');
    // esbuild's module imports (a statement of their own, at a line's start) and the bundled CommonJS packages' require()s.
    const imported = [...text.matchAll(/^import\b[^;"]*?(?:from\s*)?"([^"]+)";/gm), ...text.matchAll(/\b__require\("([^"]+)"\)/g)].map((m) => m[1]!);
    expect(imported.length, bundle).toBeGreaterThan(3);
    expect(imported.filter((name) => !builtinModules.includes(name.replace(/^node:/, ''))), bundle).toEqual([]);
  }
});
