/**
 * The command-line options of the grading flags (grading-options.ts), shared by `check` and `grade`; `simulate` and `inspect` take some of them.
 */
import { Command, Option } from 'commander';
import { DEFAULT_MISSION_ID, missionNumbers } from '../../checks/index.js';
import { collectConnectors, parsePositiveInt, parseSize, positiveIntUpTo } from '../options.js';

/**
 * Most activities (and runs of one activity) a simulated call may be allowed: each step is kept in
 * the trace (about 0.5 KB), and ten million steps fill the heap and crash the process. 100,000 is
 * 200 times the default and takes about a second.
 */
const MAX_STEPS = 100_000;

export function addGradingOptions(command: Command): Command {
  return command
    .addOption(new Option('--lab <id>', 'lab mission to grade against (see `flowgrade labs`)').default(DEFAULT_MISSION_ID))
    .option('--dnis <number>', `DNIS the simulated call dials, E.164 with + (default: the --lab mission's number: ${missionNumbers()})`)
    .option('--dynvars <file>', 'your own MockAPI DynVars dataset (JSON array of records with "dn")')
    .addOption(mockApiFilterOption())
    .option('--connector <NAME=URL>', 'base URL of a Flow Designer connector (repeatable; default: every connector is WxCC US1)', collectConnectors)
    .option('--max-size <size>', 'largest export accepted (default 20MB)', parseSize)
    .addOption(maxDepthOption())
    .addOption(maxStepsOption())
    .addOption(maxVisitsOption())
    .option('--now <iso-time>', 'fixed clock for reproducible reports: ISO 8601 with Z or an offset (2025-08-01T09:00:00Z), or a date (midnight UTC) (default: the time of the run)');
}

/**
 * The limits below are also `inspect`'s (--max-depth) and `simulate`'s (all three): a flow that
 * `check --max-depth 100` grades, or whose call `check --max-steps 2000` runs to its end, can be
 * looked at and run alone with the same settings.
 */
export function maxDepthOption(most?: number): Option {
  if (most === undefined) return new Option('--max-depth <n>', 'deepest JSON nesting accepted (default 64)').argParser(parsePositiveInt);
  return new Option('--max-depth <n>', `deepest JSON nesting accepted (default 64, at most ${most})`).argParser(positiveIntUpTo(most, 'levels'));
}

export function maxStepsOption(): Option {
  return new Option('--max-steps <n>', `most activities one simulated call may run (default 500, at most ${MAX_STEPS})`).argParser(positiveIntUpTo(MAX_STEPS, 'activities'));
}

export function maxVisitsOption(): Option {
  return new Option('--max-visits <n>', `most times one activity may run in a simulated call (default 25, at most ${MAX_STEPS})`).argParser(positiveIntUpTo(MAX_STEPS, 'runs of one activity'));
}

/** `--mockapi-filter`, of `check`, `grade` and `simulate`. */
export function mockApiFilterOption(): Option {
  return new Option('--mockapi-filter <match>', "how MockAPI matches ?dn= (and any other filter) to a record's field: contains (part of its value, in any case; default) or exact").choices(['contains', 'exact']);
}
