/**
 * `flowgrade web --out` copies the page's files. On Windows, the files of a project that OneDrive
 * syncs (in Documents) are reparse points, which Windows lists as links; so is a file linked into
 * the folder anywhere. Copied all the same (the page was written with none of its files).
 */
import { test, expect } from '@playwright/test';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { siteFiles } from '../../../cli/commands/web.js';
import { tempDir } from '../../helpers.js';

test('the files of the page listed as links are copied too; folders are not', async () => {
  const root = tempDir('site-files');
  const site = path.join(root, 'web');
  mkdirSync(site);
  mkdirSync(path.join(site, 'folder'));
  writeFileSync(path.join(site, 'index.html'), '<!doctype html>');
  writeFileSync(path.join(root, 'app.js'), '');
  symlinkSync(path.join(root, 'app.js'), path.join(site, 'app.js'));
  symlinkSync(path.join(site, 'folder'), path.join(site, 'linked-folder'));
  expect(await siteFiles(site)).toEqual(['app.js', 'index.html']);
});
