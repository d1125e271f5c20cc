import { Command } from 'commander';
import { DEFAULT_MISSION_ID, MISSIONS } from '../../checks/index.js';
import { renderCheckPage } from '../../checks/check-page.js';
import type { Mission } from '../../engine/check.js';
import { worthOf } from '../../engine/score.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { missionOf } from '../grading-options.js';

/** `flowgrade labs`: the missions flowgrade can grade. */
export function labsCommand(ctx: CliContext): Command {
  return new Command('labs').description('list the lab missions flowgrade can grade').action(() => {
    for (const m of MISSIONS) {
      const points = m.checks.filter((c) => c.severity === 'required').reduce((a, c) => a + c.points, 0);
      ctx.stdout(`${m.id}${m.id === DEFAULT_MISSION_ID ? ' (default)' : ''}  ${m.title} — ${m.checks.length} checks, ${points} required points\n`);
    }
  });
}

/** `flowgrade checks`: every check of a mission with its Build step and points. */
export function checksCommand(ctx: CliContext): Command {
  return new Command('checks')
    .description("list a mission's checks with their Build step, severity and points")
    .option('--lab <id>', 'lab mission', DEFAULT_MISSION_ID)
    .action((flags: { lab: string }) => {
      const mission = missionOf(flags.lab);
      const rows = mission.checks.map((c) => [`step ${c.step}`, c.id, c.severity, pointsShort(worthOf(c)), c.title]);
      const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i].length))) ?? [];
      for (const row of rows) ctx.stdout(row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i]) : cell)).join('  ') + '\n');
    });
}

/** `1 pt`, `2 pts`: a check's points in the list's short form. */
function pointsShort(points: number): string {
  return `${points} ${points === 1 ? 'pt' : 'pts'}`;
}

/** `flowgrade explain <check-id>`: a check's documentation page. */
export function explainCommand(ctx: CliContext): Command {
  return new Command('explain')
    .description("print a check's documentation page")
    .argument('<check-id>', 'a check id (see `flowgrade checks`)')
    .option('--lab <id>', 'lab mission', DEFAULT_MISSION_ID)
    .action((id: string, flags: { lab: string }) => {
      const mission = missionOf(flags.lab);
      const wanted = id.trim().toLowerCase(); // ids are lower case: GET-CBID-URL means get-cbid-url
      const check = mission.checks.find((c) => c.id === wanted);
      if (!check) throw new UsageError(`no check "${id}" in ${mission.id}; ${checksNaming(mission, wanted)}`);
      ctx.stdout(renderCheckPage(check, mission));
    });
}

/** Where to look for the check meant by a word that is no check's id: the ids holding it, else the list. */
function checksNaming(mission: Mission, word: string): string {
  const ids = word ? mission.checks.map((c) => c.id).filter((checkId) => checkId.includes(word)) : [];
  if (ids.length === 0) return 'run `flowgrade checks` for the list';
  return `did you mean ${ids.length === 1 ? ids[0] : `one of ${ids.join(', ')}`}?`;
}
