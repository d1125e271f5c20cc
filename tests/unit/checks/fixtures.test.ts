/**
 * End to end over the fixture set (fixtures/manifest.json), graded with the real gradeFlow and a
 * fixed clock: the solution and every noise variant pass; every defect fails exactly the checks
 * its manifest entry names, at least one of them on the Build step the entry gives.
 */
import { test, expect } from '@playwright/test';
import { failing, gradeFixture, manifest, mission } from './support.js';

const byId = new Map(mission.checks.map((c) => [c.id, c]));

test('the solution passes every check with full marks', async () => {
  const report = await gradeFixture('flows/solution.json');
  expect(report.verdict).toBe('passed');
  expect(report.checks.filter((c) => c.severity !== 'info' && c.status !== 'passed').map((c) => `${c.id}: ${c.message}`)).toEqual([]);
  expect(report.score).toEqual({ earned: report.score!.possible, possible: mission.checks.reduce((a, c) => a + (c.severity === 'info' ? 0 : c.points), 0) });
  expect(report.scenarios.map((s) => [s.id, s.passed])).toEqual([
    ['happy-path', true],
    ['tasks-400', true],
    ['tasks-500', true],
  ]);
});

for (const entry of manifest.filter((e) => e.kind === 'noise')) {
  test(`noise ${entry.file} passes every required and recommended check`, async () => {
    const report = await gradeFixture(entry.file);
    expect(report.verdict).toBe('passed');
    expect(report.checks.filter((c) => c.severity !== 'info' && c.status !== 'passed').map((c) => `${c.id}: ${c.message}`)).toEqual([]);
  });
}

for (const entry of manifest.filter((e) => e.kind === 'defect' || e.kind === 'before')) {
  test(`${entry.kind} ${entry.file} fails exactly ${entry.expectFailingChecks.join(', ') || '(nothing listed)'}`, async () => {
    const report = await gradeFixture(entry.file);
    expect(entry.expectFailingChecks.length, 'the manifest lists the checks this fixture must fail').toBeGreaterThan(0);
    for (const id of entry.expectFailingChecks) expect(byId.has(id), `${id} is a check of the mission`).toBe(true);
    expect([...failing(report)].sort()).toEqual([...entry.expectFailingChecks].sort());
    expect(report.verdict).toBe(entry.verdict);
    if (entry.step !== null) {
      const steps = report.checks.filter((c) => c.status === 'failed').map((c) => c.step);
      expect(steps, `a failing check on Build step ${entry.step}`).toContain(entry.step);
    }
    if (entry.verdict === 'passed') {
      // Regressions of the previous mission: recommendations only.
      expect(report.checks.filter((c) => c.status === 'failed').every((c) => c.severity === 'recommended')).toBe(true);
    }
  });
}

test('the flow before the mission fails, on every Build step from 2 to 9', async () => {
  const report = await gradeFixture('flows/before-mission.json');
  expect(report.verdict).toBe('failed');
  const steps = new Set(report.checks.filter((c) => c.status === 'failed').map((c) => c.step));
  for (let step = 2; step <= 9; step++) expect(steps.has(step), `step ${step}`).toBe(true);
  expect(report.score!.earned).toBeLessThan(20);
});
