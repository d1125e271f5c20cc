/**
 * The module tables of docs/simulator.md (Files) and docs/expressions.md (Modules) name every
 * source file of their folder, and no file that is gone: a module split out or renamed without
 * its line in the table fails here.
 */
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The `.ts` files under `dir`, relative to it (`activities/media.ts`). */
function modules(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** The files a page's `## <heading>` table names in its first column (`activities/media.ts`, `logic.ts` beside it). */
function tableFiles(page: string, heading: string): string[] {
  const markdown = readFileSync(path.join(ROOT, page), 'utf8');
  const start = markdown.indexOf(`\n## ${heading}\n`);
  expect(start, `${page} has a section "${heading}"`).toBeGreaterThanOrEqual(0);
  const end = markdown.indexOf('\n## ', start + 1);
  const files: string[] = [];
  for (const [, cell] of markdown.slice(start, end === -1 ? undefined : end).matchAll(/^\| ([^|]+) \|/gm)) {
    let folder = '';
    for (const [, name] of cell!.matchAll(/`([^`]+\.ts)`/g)) {
      // `activities/media.ts`, `logic.ts`: a bare name after a foldered one is in that folder.
      if (name!.includes('/')) folder = name!.slice(0, name!.lastIndexOf('/') + 1);
      files.push(name!.includes('/') ? name! : folder + name!);
    }
  }
  return files.sort();
}

test('docs/simulator.md names every file of engine/simulator', () => {
  expect(tableFiles('docs/simulator.md', 'Files')).toEqual(modules('engine/simulator'));
});

test('docs/expressions.md names every file of engine/pebble', () => {
  expect(tableFiles('docs/expressions.md', 'Modules')).toEqual(modules('engine/pebble'));
});
