/**
 * The command-line options of the grading flags (grading-options.ts), shared by `check` and `grade`.
 */
import { Command, Option } from 'commander';
import { DEFAULT_MISSION_ID } from '../../checks/index.js';
import { collectPair, parsePositiveInt, parseSize } from '../options.js';

export function addGradingOptions(command: Command): Command {
  return command
    .addOption(new Option('--lab <id>', 'lab mission to grade against (see `flowgrade labs`)').default(DEFAULT_MISSION_ID))
    .option('--dnis <number>', 'DNIS the simulated call dials, E.164 with + (default: the lab number +14694096861)')
    .option('--dynvars <file>', 'your own MockAPI DynVars dataset (JSON array of records with "dn")')
    .option('--connector <NAME=URL>', 'base URL of a Flow Designer connector (repeatable; default: every connector is WxCC us1)', collectPair)
    .option('--max-size <size>', 'largest export accepted (default 20MB)', parseSize)
    .option('--max-depth <n>', 'deepest JSON nesting accepted (default 64)', parsePositiveInt)
    .option('--max-steps <n>', 'most activities one simulated call may run (default 500)', parsePositiveInt)
    .option('--max-visits <n>', 'most times one activity may run in a simulated call (default 25)', parsePositiveInt)
    .option('--now <iso-time>', 'fixed clock for reproducible reports: ISO 8601 with Z or an offset (2025-08-01T09:00:00Z), or a date (midnight UTC)');
}
