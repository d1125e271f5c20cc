/**
 * The lab's typical mistakes in a finished flow (lab-mistakes.ts), as an attendee or an instructor
 * reads the report. One at a time: "Fix first" is the check naming that mistake, in the guide's
 * words. Several at once, as the Final Challenge builds them ("one incorrect node connection and two
 * mistakes inside nodes"): each mistake is still named by its own check; none hides another, none
 * adds a failure it does not make alone (a cascade, or a later part judged wrongly because the call
 * stopped earlier), each failing check keeps the hint it has alone (or joins two it has alone, when
 * both settings keep the simulated call from working), and a simulated-call check the
 * call never got to says it was not judged and where the cause is reported.
 */
import { test, expect } from '@playwright/test';
import type { GradeReport } from '../../../engine/report.js';
import { joinHints } from '../../../checks/callback-on-global-error/lib/hints.js';
import { firstFix } from '../../../reports/summary.js';
import { LAB_MISTAKES, overlap, withMistakes, type LabMistake } from './lab-mistakes.js';
import { grade, mutated } from './support.js';

const NAMES = Object.keys(LAB_MISTAKES);
const alone = new Map<string, Promise<GradeReport>>();
function gradeAlone(name: string): Promise<GradeReport> {
  let report = alone.get(name);
  if (!report) {
    report = grade(mutated(withMistakes(LAB_MISTAKES[name]!)));
    alone.set(name, report);
  }
  return report;
}

const failedIn = (report: GradeReport) => report.checks.filter((c) => c.status === 'failed');

for (const [name, mistake] of Object.entries(LAB_MISTAKES)) {
  test(`${name}: Fix first is ${mistake.own}, naming it`, async () => {
    const report = await gradeAlone(name);
    expect(report.verdict).toBe('failed');
    const first = firstFix(report);
    expect([first?.id, first?.message]).toEqual([mistake.own, expect.stringContaining(mistake.says)]);
    // What the attendee built before the step the mistake breaks is not blamed for it.
    expect(report.checks.filter((c) => c.severity === 'required' && c.status === 'failed' && c.step < mistake.step).map((c) => c.id)).toEqual([]);
    expect(report.checks.filter((c) => c.status === 'errored').map((c) => c.id)).toEqual([]);
  });
}

/** The report on `names` made at once names each, as it does alone (see the file comment). */
async function expectEachNamed(names: string[]): Promise<void> {
  const mistakes: LabMistake[] = names.map((n) => LAB_MISTAKES[n]!);
  const what = names.join(' + ');
  const report = await grade(mutated(withMistakes(...mistakes)));
  const alones = await Promise.all(names.map(gradeAlone));
  const failing = failedIn(report);
  for (const mistake of mistakes) {
    const own = failing.find((c) => c.id === mistake.own);
    expect(own?.message, `${what}: ${mistake.own}`).toContain(mistake.says);
  }
  // No failure that none of them makes alone, and each failing check's hint is one it gives alone,
  // or two it gives alone as one sentence, when both settings keep the call from working
  // (a renamed activity is named by its new label in every hint, so those are left out).
  const aloneFailing = alones.flatMap(failedIn);
  expect(failing.map((c) => c.id).filter((id) => !aloneFailing.some((a) => a.id === id)), what).toEqual([]);
  if (!mistakes.some((m) => m.renames)) {
    for (const check of failing) {
      const hints = aloneFailing.filter((a) => a.id === check.id).map((a) => a.hint ?? '');
      const joined = hints.flatMap((a) => hints.filter((b) => b !== a).map((b) => joinHints(a, b)));
      expect([...hints, ...joined], `${what}: ${check.id}`).toContain(check.hint);
    }
  }
  const unjudged = report.checks.filter((c) => c.status === 'skipped' && c.severity !== 'info');
  for (const check of unjudged) expect(check.message, `${what}: ${check.id}`).toMatch(/^Not judged: .*\(reported under “.+”\)$/);
  expect(report.checks.filter((c) => c.status === 'errored').map((c) => c.id), what).toEqual([]);
  // Fix first is the first of their own checks, in the report's order.
  const owns = failing.filter((c) => mistakes.some((m) => m.own === c.id));
  const first = firstFix(report);
  expect(first && owns.some((c) => c.id === first.id) && first.step === Math.min(...owns.map((c) => c.step)), `${what}: Fix first ${first?.id}`).toBe(true);
}

NAMES.forEach((name, i) => {
  const partners = NAMES.slice(i + 1).filter((other) => !overlap(LAB_MISTAKES[name]!, LAB_MISTAKES[other]!));
  if (partners.length === 0) return;
  test(`${name}, beside each later mistake of the table: both are named`, async () => {
    for (const other of partners) await expectEachNamed([name, other]);
  });
});

// The Final Challenge: one incorrect node connection and two mistakes inside nodes.
const CONNECTIONS = NAMES.filter((n) => LAB_MISTAKES[n]!.kind === 'connection');
const SETTINGS = NAMES.filter((n) => LAB_MISTAKES[n]!.kind === 'setting');
for (const connection of CONNECTIONS) {
  test(`Final Challenge: ${connection}, with two mistakes inside nodes: all three are named`, async () => {
    test.setTimeout(60_000);
    let combinations = 0;
    for (const [i, a] of SETTINGS.entries()) {
      for (const b of SETTINGS.slice(i + 1)) {
        if (overlap(LAB_MISTAKES[connection]!, LAB_MISTAKES[a]!, LAB_MISTAKES[b]!)) continue;
        await expectEachNamed([connection, a, b]);
        combinations++;
      }
    }
    expect(combinations).toBeGreaterThan(100);
  });
}
