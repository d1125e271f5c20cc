/** The built CLI run as a user would, after a shell command (`ulimit -n 24`), with extra environment. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../../helpers.js';

export function runCliAfter(shell: string | undefined, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cli = [process.execPath, path.join(ROOT, 'bin', 'flowgrade.js'), ...args];
  const [command, ...rest] = shell ? ['sh', '-c', `${shell} && exec "$0" "$@"`, ...cli] : cli;
  return new Promise((resolve) => {
    const child = spawn(command, rest, { env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
