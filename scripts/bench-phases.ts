/**
 * Where one flow's time goes (`node scripts/bench.mjs --phases`): grades every file of a folder
 * in this one thread, several passes over the folder, and prints each phase's mean time per flow
 * per pass. The first pass runs cold (V8 still compiling), the later ones warm. Bundled and run by
 * scripts/bench.mjs in a process of its own: `node <bundle> <folder> <passes>`.
 *
 * gradeFlow loads the flow itself, so loading is timed on its own (a second load of the same
 * bytes) and `simulate + check` is gradeFlow's time less that.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_MISSION_ID } from '../checks/index.js';
import { resolveGradingOptions } from '../cli/grading-options.js';
import { gradeFlow } from '../engine/grade.js';
import { loadFlow } from '../engine/loader.js';
import { renderHtmlReport, renderJson, renderJunitSuite } from '../reports/index.js';

const PHASES = ['read', 'JSON.parse', 'load', 'simulate + check', 'JSON report', 'HTML report', 'JUnit suite'] as const;
type Phase = (typeof PHASES)[number];

const [folder, passesArg] = process.argv.slice(2);
const passes = Number(passesArg ?? 3);
const files = readdirSync(folder!).map((name) => path.join(folder!, name));
const options = await resolveGradingOptions({ lab: DEFAULT_MISSION_ID, now: '2025-08-01T09:00:00Z' });
const decoder = new TextDecoder();

console.log(`phases, ms per flow (${files.length} files, one thread):`);
console.log(`  ${'pass'.padEnd(10)}${PHASES.map((phase) => phase.padStart(phase.length + 3)).join('')}${'total'.padStart(10)}${'÷ JSON.parse'.padStart(14)}`);
for (let pass = 1; pass <= passes; pass++) {
  const spent = Object.fromEntries(PHASES.map((phase) => [phase, 0])) as Record<Phase, number>;
  let last = 0;
  /** Adds the time since the last lap to `phase`; returns it. */
  const lap = (phase: Phase) => {
    const now = performance.now();
    const ms = now - last;
    spent[phase] += ms;
    last = now;
    return ms;
  };
  for (const file of files) {
    last = performance.now();
    const bytes = readFileSync(file);
    lap('read');
    try {
      JSON.parse(decoder.decode(bytes));
    } catch {
      // unreadable submissions are timed too
    }
    lap('JSON.parse');
    loadFlow(bytes, { fileName: file });
    const loadMs = lap('load');
    const report = await gradeFlow(bytes, { ...options, fileName: file });
    spent['simulate + check'] -= loadMs; // gradeFlow loaded the flow again
    lap('simulate + check');
    renderJson(report);
    lap('JSON report');
    renderHtmlReport(report);
    lap('HTML report');
    renderJunitSuite(report);
    lap('JUnit suite');
  }
  const perFlow = (ms: number) => (ms / files.length).toFixed(3);
  const total = PHASES.filter((phase) => phase !== 'JSON.parse').reduce((sum, phase) => sum + spent[phase], 0);
  console.log(`  ${`${pass}${pass === 1 ? ' (cold)' : ''}`.padEnd(10)}${PHASES.map((phase) => perFlow(spent[phase]).padStart(phase.length + 3)).join('')}${perFlow(total).padStart(10)}${`${(total / spent['JSON.parse']).toFixed(1)}×`.padStart(14)}`);
}
console.log('  (load includes JSON.parse; total is read + load + simulate + check + the three reports)');
