/**
 * `serve --dir` naming the root of a file system: on Windows, a USB stick the page was written to
 * (`flowgrade web --out E:\`, then `flowgrade serve --dir E:\`). Its real path ends with the
 * separator already (`E:\`, `/`): the files under it are inside it all the same.
 */
import { test, expect } from '@playwright/test';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveFile } from '../../../cli/static-server.js';
import { tempDir } from '../../helpers.js';

test("serve --dir at a file system's root (E:\\ on Windows, / here) serves the files under it", async () => {
  const dir = realpathSync(tempDir('serve-root'));
  mkdirSync(path.join(dir, 'site'));
  writeFileSync(path.join(dir, 'site', 'index.html'), '<!doctype html>');
  const root = path.parse(dir).root;
  const url = '/' + path.relative(root, path.join(dir, 'site', 'index.html')).split(path.sep).map(encodeURIComponent).join('/');
  expect(await resolveFile(root, url)).toEqual({ path: path.join(dir, 'site', 'index.html'), size: 15 });
  expect(await resolveFile(root, '/../' + url)).toEqual({ path: path.join(dir, 'site', 'index.html'), size: 15 }); // `..` above the root is the root (URL rules)
});
