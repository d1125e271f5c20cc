/**
 * `serve` reads a request's path as a path: one starting with `//` (`GET //app.js`, a link written
 * with one slash too many) is not a URL naming the host `app.js`. Read so, every such request got
 * index.html, whatever it asked for (`//app.js` answered with the page as text/html), and a file
 * asked for as a folder (`//index.html/`), which docs/web.md says gives 404, was served.
 */
import { test, expect } from '@playwright/test';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveFile } from '../../../cli/static-server.js';
import { tempDir } from '../../helpers.js';

test('a path starting with // names the file it spells, and a file asked for as a folder is not served', async () => {
  const root = realpathSync(tempDir('serve-double-slash'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  writeFileSync(path.join(root, 'app.js'), 'void 0;\n');
  mkdirSync(path.join(root, 'sub'));
  expect(await resolveFile(root, '//app.js')).toEqual({ path: path.join(root, 'app.js'), size: 8 });
  expect(await resolveFile(root, '//index.html')).toEqual({ path: path.join(root, 'index.html'), size: 15 });
  for (const folder of ['//index.html/', '//app.js/', '//sub/', '//sub', '//.env']) expect(await resolveFile(root, folder), folder).toBeUndefined();
  // As before: the root is the page, an absolute-form target is read by its path.
  expect(await resolveFile(root, '/')).toEqual({ path: path.join(root, 'index.html'), size: 15 });
  expect(await resolveFile(root, 'http://127.0.0.1:8080/app.js')).toEqual({ path: path.join(root, 'app.js'), size: 8 });
});
