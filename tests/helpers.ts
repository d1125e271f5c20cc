/** Shared test helpers (Node side). */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** `../shared` beside the project: read in place, never copied. Tests using it skip cleanly when absent. */
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const HAS_SHARED = existsSync(path.join(SHARED, 'real-flows'));

export function fixturePath(relative: string): string {
  return path.join(ROOT, 'fixtures', relative);
}

export function readFixture(relative: string): Uint8Array {
  return readFileSync(fixturePath(relative));
}

const tempDirs: string[] = [];
let removedAtExit = false;

/** A fresh folder under the system's temp folder, removed by `removeTempDirs()` or, at the latest, when the test process exits. */
export function tempDir(prefix: string): string {
  if (!removedAtExit) {
    process.once('exit', removeTempDirs);
    removedAtExit = true;
  }
  const dir = mkdtempSync(path.join(tmpdir(), `flowgrade-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

/** Removes every folder `tempDir` made so far (from test.afterAll, to free large ones early). */
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A Unix socket at `file` (a server listening there, POSIX only), as a hostile path; call what it gives to close it. */
export async function unixSocket(file: string): Promise<() => Promise<void>> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(file, resolve));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built CLI (`bin/flowgrade.js`) as a user would. */
export function runCli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'bin', 'flowgrade.js'), ...args],
      // killed after 2 minutes: a test that times out must not leave a CLI running behind it
      { cwd: options.cwd ?? ROOT, env: { ...process.env, NO_COLOR: '1', ...options.env }, maxBuffer: 64 * 1024 * 1024, timeout: 120_000, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        const code = error && typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
