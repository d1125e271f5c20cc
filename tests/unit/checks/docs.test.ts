/** docs/checks/ is generated from the check metadata (node scripts/docs-checks.mjs) and must be up to date. */
import { test, expect } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MISSIONS } from '../../../checks/index.js';
import { checkDocs, DOCS_DIR } from '../../../scripts/docs-checks-pages.js';
import { ROOT } from '../../helpers.js';

const expected = checkDocs(MISSIONS);

test('every check has a docs page, and every page is up to date', () => {
  const problems: string[] = [];
  for (const [file, text] of expected) {
    const full = path.join(ROOT, file);
    if (!existsSync(full)) problems.push(`${file} is missing`);
    else if (readFileSync(full, 'utf8') !== text) problems.push(`${file} is out of date`);
  }
  expect(problems, 'run: node scripts/docs-checks.mjs').toEqual([]);
});

test('docs/checks holds no page of a check that no longer exists', () => {
  const present = readdirSync(path.join(ROOT, DOCS_DIR)).filter((n) => n.endsWith('.md')).map((n) => `${DOCS_DIR}/${n}`);
  expect(present.filter((file) => !expected.has(file)), 'run: node scripts/docs-checks.mjs').toEqual([]);
});

test('a page names the check, its step, severity, points, tolerances and fix', () => {
  for (const mission of MISSIONS) {
    for (const check of mission.checks) {
      const page = expected.get(`${DOCS_DIR}/${check.id}.md`)!;
      expect(page).toContain(`# ${check.id}`);
      expect(page).toContain(`Build step: ${check.step}`);
      expect(page).toContain(check.severity);
      expect(page).toContain(check.description.trim());
      expect(page).toContain(check.hint.trim());
    }
  }
  const index = expected.get(`${DOCS_DIR}/README.md`)!;
  expect(index).toContain('worth 100 points');
  for (const check of MISSIONS[0].checks) expect(index).toContain(`(${check.id}.md)`);
});

test('a page counts points in words: 1 point, N points', () => {
  const checks = MISSIONS.flatMap((mission) => mission.checks.filter((c) => c.severity !== 'info').map((check) => ({ check, page: expected.get(`${DOCS_DIR}/${check.id}.md`)! })));
  const one = checks.filter(({ check }) => check.points === 1);
  expect(one.length).toBeGreaterThan(0); // flow-name, get-cbid-content-type, …
  for (const { page } of one) expect(page).toContain('\n- Points: 1 point\n');
  for (const { check, page } of checks.filter(({ check }) => check.points !== 1)) expect(page).toContain(`\n- Points: ${check.points} points\n`);
});

test('the generator script reports stale pages without writing (--check)', async () => {
  const { spawnSync } = await import('node:child_process');
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'docs-checks.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain('up to date');
});

test('pages and hints use the Flow Designer words, one per thing: Activity Label (the Debug tool column alone is Activity Name), Parsing Settings', () => {
  const wrong = /Activity Name:|its Activity Name|Parse Settings|Parsing settings|Parse settings|Event flows\b/;
  const problems: string[] = [];
  for (const [file, text] of expected) for (const line of text.split('\n')) if (wrong.test(line)) problems.push(`${file}: ${line}`);
  for (const mission of MISSIONS) for (const check of mission.checks) if (wrong.test(check.hint)) problems.push(`${check.id} hint: ${check.hint}`);
  expect(problems).toEqual([]);
});

test('check titles name the End Flow as the guide and the Build step headings do: EndFlow', () => {
  for (const mission of MISSIONS) {
    for (const check of mission.checks) expect(check.title, check.id).not.toContain('End Flow');
    for (const heading of Object.values(mission.steps)) expect(heading).not.toContain('End Flow');
  }
});

test('a hint to add an activity names the field to type its name in: Activity Label', () => {
  const adds = ['get-cbid-after-option3', 'set-get-result-after-get-cbid', 'simulate-error-after-set-get-result', 'callback-api-after-global-error', 'status-condition-after-callback-api'];
  for (const check of MISSIONS[0].checks.filter((c) => adds.includes(c.id))) expect(check.hint, check.id).toMatch(/\(Activity Label: [A-Za-z_]+\)/);
});
