/**
 * Quoted glob patterns for `grade` (Node 20 has no fs.glob): `*` (any characters within one path
 * segment), `?` (one character) and `**` (any number of folders, including none). Nothing else is
 * special (no `[...]`, no `{a,b}`). Patterns are matched against the files under the pattern's
 * fixed leading folders, walked like a folder input (hidden entries and node_modules skipped), so
 * a glob only ever matches files. Use `/` as the separator.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { walkFiles } from './walk.js';

export function isGlob(input: string): boolean {
  return /[*?]/.test(input);
}

/** The files matching `pattern`, sorted; paths keep the pattern's own prefix (`subs/a/x.json`). */
export async function expandGlob(pattern: string, warn: (line: string) => void): Promise<string[]> {
  const normalized = pattern.split(path.sep).join('/');
  const segments = normalized.split('/');
  const firstGlob = segments.findIndex(isGlob);
  const baseSegments = segments.slice(0, firstGlob);
  const base = baseSegments.length === 0 ? '.' : baseSegments.join('/') || '/';
  const globSegments = segments.slice(firstGlob);
  const matcher = globRegExp(globSegments);
  if (!existsSync(base)) return []; // the pattern matches nothing: that is the usage error it gets, not a folder warning
  const files = await walkFiles(base, warn, globSegments.includes('**') ? Infinity : globSegments.length);
  return files.filter((file) => matcher.test(path.relative(base, file).split(path.sep).join('/'))).map((file) => (base === '.' ? path.relative('.', file) : file));
}

/** A regular expression for the glob segments, matching a whole `/`-separated relative path. */
export function globRegExp(segments: string[]): RegExp {
  let source = '';
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '**') {
      source += last ? '.*' : '(?:[^/]+/)*';
      return;
    }
    source += segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
    if (!last) source += '/';
  });
  return new RegExp(`^${source}$`);
}
