/**
 * Every relative link in the project's Markdown (README, SECURITY, docs/, fixtures/) leads
 * somewhere: to a file or folder that exists, and, with a `#fragment`, to a heading of that page
 * (GitHub's anchors) or an element with that id. A moved section or a renamed page breaks a link
 * silently on GitHub; here it fails a test. Likewise a file of this repository named in a code span
 * (`reports/bounds.ts`, `tests/unit/security/resources.test.ts`) exists: a module or test renamed
 * leaves no stale name in the docs.
 */
import { expect, test } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? markdownFiles(full) : entry.name.endsWith('.md') ? [full] : [];
  });
}

const FILES = [path.join(ROOT, 'README.md'), path.join(ROOT, 'SECURITY.md'), path.join(ROOT, 'fixtures', 'README.md'), ...markdownFiles(path.join(ROOT, 'docs'))].filter((file) => existsSync(file));

const FENCED = /^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm;

/** The text outside fenced code blocks and inline code spans (links there are examples); lines kept. */
function prose(markdown: string): string {
  return markdown.replace(FENCED, (block) => block.replace(/[^\n]/g, '')).replace(/`[^`\n]*`/g, '');
}

/** `[text](target)` links and `<a href>`s, with their line numbers. */
function linksOf(markdown: string): { target: string; line: number }[] {
  const text = prose(markdown);
  const links: { target: string; line: number }[] = [];
  for (const match of text.matchAll(/\]\(([^()\s]+)(?:\s+"[^"]*")?\)|<a\s[^>]*href="([^"]+)"/g)) {
    links.push({ target: (match[1] ?? match[2])!, line: text.slice(0, match.index).split('\n').length });
  }
  return links;
}

/** The anchors GitHub gives a page's headings (duplicates get -1, -2, …), and its explicit ids. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading] of markdown.replace(FENCED, '').matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    // (An HTML tag is no text, but `<files...>` in a code span is.)
    const slug = heading!
      .replace(/(`[^`]*`)|<[^>]+>/g, (all, code: string | undefined) => code ?? '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  for (const [, id] of markdown.matchAll(/\sid="([^"]+)"/g)) anchors.add(id!);
  return anchors;
}

test('GitHub anchors: code spans, punctuation and repeated headings', () => {
  expect([...anchorsOf('## Outputs (`--out`)\n## Speed\n### Speed\n## What a *flow* is, and “why”\n')]).toEqual(['outputs---out', 'speed', 'speed-1', 'what-a-flow-is-and-why']);
  expect([...anchorsOf('## `flowgrade check <files...>`\n## A <br> break\n')]).toEqual(['flowgrade-check-files', 'a--break']);
});

test('links are found in prose, not in code', () => {
  expect(linksOf('see [a](a.md#x) and `[b](b.md)`\n```\n[c](c.md)\n```\n[d](d.md "title")').map((link) => link.target)).toEqual(['a.md#x', 'd.md']);
});

/** The project's files and folders a page names in its code spans (not patterns: `*`, `<id>`, `{a,b}`, `…`). */
const TOP = /^(?:engine|cli|reports|web|mocks|scripts|tests|schemas|checks|fixtures|bin)\//;
function repoPathsOf(markdown: string): { name: string; line: number }[] {
  const text = markdown.replace(FENCED, (block) => block.replace(/[^\n]/g, ''));
  const names: { name: string; line: number }[] = [];
  for (const match of text.matchAll(/`([^`\s]+)`/g)) {
    const name = match[1]!.replace(/^\.\.\//, '');
    if (TOP.test(name) && !/[*<>{}…]/.test(name)) names.push({ name, line: text.slice(0, match.index).split('\n').length });
  }
  return names;
}

test('repository paths are found in code spans, not patterns nor code blocks', () => {
  expect(repoPathsOf('`reports/x.ts`, `../cli/y.ts`, `checks/<id>/`, `tests/**/*.ts`, `submissions/a.json`\n```\n`web/z.ts`\n```').map((p) => p.name)).toEqual(['reports/x.ts', 'cli/y.ts']);
});

test('the project has Markdown to check', () => {
  expect(FILES.length).toBeGreaterThan(10);
});

for (const file of FILES) {
  test(`every relative link of ${path.relative(ROOT, file)} resolves`, () => {
    const markdown = readFileSync(file, 'utf8');
    const broken: string[] = [];
    for (const { target, line } of linksOf(markdown)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, file:
      const [pathPart, fragment] = target.split('#') as [string, string | undefined];
      const resolved = pathPart === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(pathPart));
      if (!existsSync(resolved)) {
        broken.push(`line ${line}: ${target} (no such file)`);
        continue;
      }
      if (fragment === undefined || statSync(resolved).isDirectory() || !resolved.endsWith('.md')) continue;
      if (!anchorsOf(readFileSync(resolved, 'utf8')).has(decodeURIComponent(fragment))) broken.push(`line ${line}: ${target} (no heading #${fragment})`);
    }
    expect(broken).toEqual([]);
  });
}

for (const file of FILES) {
  test(`every file of the repository that ${path.relative(ROOT, file)} names exists`, () => {
    const missing = repoPathsOf(readFileSync(file, 'utf8')).filter(({ name }) => !existsSync(path.join(ROOT, name)));
    expect(missing.map(({ name, line }) => `line ${line}: ${name}`)).toEqual([]);
  });
}
