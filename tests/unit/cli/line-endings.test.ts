/**
 * A checkout on Windows: Git for Windows converts line ends to CRLF by default (core.autocrlf).
 * The bin script's `#!/usr/bin/env node` then ends in a CR, and a package packed from that
 * checkout fails on macOS and Linux (`env: node\r: No such file or directory`); the golden outputs
 * no longer compare byte for byte. Simulated by exporting files as such a checkout writes them.
 */
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** `file` as a checkout with core.autocrlf=true writes it (git archive converts as a checkout does). */
function asCheckedOutOnWindows(file: string): string {
  const tar = execFileSync('git', ['-c', 'core.autocrlf=true', 'archive', '--worktree-attributes', '--format=tar', 'HEAD', '--', file], { cwd: ROOT });
  return execFileSync('tar', ['-xO'], { input: tar }).toString('latin1');
}

test('a Windows checkout keeps LF line ends: the bin script, sources, fixtures and golden outputs', () => {
  test.skip(!existsSync(path.join(ROOT, '.git')), 'not a git checkout');
  for (const file of ['bin/flowgrade.js', 'cli/main.ts', 'fixtures/flows/solution.json', 'tests/golden/solution.console.txt']) {
    expect(asCheckedOutOnWindows(file), file).not.toContain('\r');
  }
});
