/**
 * The usage errors docs/errors.md, docs/cli.md and docs/grade.md quote word for word are what
 * flowgrade prints for them: each command below is run (in-process, from the repository's root,
 * as a reader pasting it into a clone would) and the one line it writes on stderr must stand in
 * its page as it is. A reworded message, or an example whose values no longer match (a path in
 * the command that the message names otherwise), fails here rather than living on in the docs.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../../cli/main.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SOLUTION = path.relative(process.cwd(), path.join(ROOT, 'fixtures/flows/solution.json')).split(path.sep).join('/');
const BEFORE = path.relative(process.cwd(), path.join(ROOT, 'fixtures/flows/before-mission.json')).split(path.sep).join('/');
const CLASS = path.relative(process.cwd(), path.join(ROOT, 'fixtures/class')).split(path.sep).join('/');

/** The page, and the command whose stderr line it quotes. */
const QUOTED: readonly { page: string; args: string[] }[] = [
  { page: 'docs/errors.md', args: ['serve', '--port', 'abc'] },
  { page: 'docs/errors.md', args: ['check', '--frmat', 'json', SOLUTION] },
  { page: 'docs/errors.md', args: ['chek'] },
  { page: 'docs/errors.md', args: ['check', SOLUTION, '--dnis', 'abc'] },
  { page: 'docs/errors.md', args: ['check', SOLUTION, '--out', 'results/report.json'] },
  { page: 'docs/cli.md', args: ['check', 'Main_Flow_*.json'] },
  { page: 'docs/cli.md', args: ['check', 'Main_Flow_*.{json}'] },
  { page: 'docs/cli.md', args: ['check', ''] },
  { page: 'docs/grade.md', args: ['grade', '', '--out', 'results'] },
  { page: 'docs/cli.md', args: ['check', '-'] },
  { page: 'docs/cli.md', args: ['check', CLASS, '--format', 'json'] },
  { page: 'docs/cli.md', args: ['check', SOLUTION, BEFORE, '--format', 'html'] },
  { page: 'docs/errors.md', args: ['inspect', '-'] },
  { page: 'docs/errors.md', args: ['simulate', '-'] },
  { page: 'docs/grade.md', args: ['grade', '-', '--out', 'results'] },
  { page: 'docs/grade.md', args: ['merge', CLASS, '--out', 'merged'] },
  // A shard's job that failed uploaded no artifact: the merge job's line names the folder missing.
  { page: 'docs/grade.md', args: ['merge', 'graded-3', '--out', 'graded'] },
  // The last word of a line of a script saved with CRLF line endings: the folder named with its CR.
  { page: 'docs/grade.md', args: ['merge', 'graded-2\r', '--out', 'graded'] },
];

async function stderrOf(args: string[]): Promise<{ code: number; lines: string[] }> {
  let stderr = '';
  const code = await run(['node', 'flowgrade', ...args], {
    stdout: () => undefined,
    stderr: (text) => void (stderr += text),
    isTTY: false,
    color: false,
    unicode: true,
    columns: () => undefined,
  });
  return { code, lines: stderr.split('\n').filter((line) => line !== '') };
}

for (const { page, args } of QUOTED) {
  test(`${page} quotes what flowgrade ${args.map((arg) => (arg === '' ? '""' : arg)).join(' ')} prints`, async () => {
    const { code, lines } = await stderrOf(args);
    expect(code, 'a usage error').toBe(2);
    expect(lines).toHaveLength(1);
    // Quoted in a code span (`…`) or as a line of a fenced block.
    const markdown = readFileSync(path.join(ROOT, page), 'utf8');
    expect(markdown.includes(`\`${lines[0]}\``) || markdown.split('\n').includes(lines[0]!), `${page} quotes: ${lines[0]}`).toBe(true);
  });
}
