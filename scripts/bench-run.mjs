/**
 * Running a child process and timing it, for the benchmark scripts (bench.mjs, bench-merge.mjs).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** GNU time, which gives a run's CPU time and peak RSS (`-v`), where the machine has it. */
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** `command` run in `cwd` with `env` added to this process's: its exit code, output and wall time (ms). */
export function run(command, commandArgs, { cwd, env = {} } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

/**
 * Node run with `nodeArgs`, under `/usr/bin/time -v` where there is one: what run() gives, and the
 * user and system CPU seconds and peak RSS (KB) time prints on stderr (NaN without it).
 */
export async function timedNode(nodeArgs, options) {
  const result = TIME ? await run(TIME, ['-v', process.execPath, ...nodeArgs], options) : await run(process.execPath, nodeArgs, options);
  const figure = (pattern) => Number(pattern.exec(result.stderr)?.[1] ?? NaN);
  return {
    ...result,
    userSeconds: figure(/User time \(seconds\): ([\d.]+)/),
    systemSeconds: figure(/System time \(seconds\): ([\d.]+)/),
    rssKb: figure(/Maximum resident set size \(kbytes\): (\d+)/),
  };
}

/**
 * A benchmark script's options, checked before anything is generated or run (taken for "run the
 * benchmark", an unknown option cost minutes): `--help` or `-h` prints `usage` and exits 0; an
 * option neither in `valued` (each followed by its value) nor in `switches` is refused, exit 2.
 * Returns `value(name, fallback)`, a valued option's value, and `has(name)`, whether one is given.
 */
export function readOptions(script, args, { valued, switches, usage }) {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usage);
    process.exit(0);
  }
  for (let i = 0; i < args.length; i++) {
    if (valued.includes(args[i])) i++;
    else if (!switches.includes(args[i])) {
      process.stderr.write(`${script}: unknown option ${args[i]}; see node scripts/${script}.mjs --help\n`);
      process.exit(2);
    }
  }
  return {
    value: (name, fallback) => {
      const at = args.indexOf(name);
      return at >= 0 ? args[at + 1] : fallback;
    },
    has: (name) => args.includes(name),
  };
}
